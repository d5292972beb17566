from xunzhen_app.core.domain import CultivationType, Honour, HonourKind, HonourLevel, suggest_cultivation_type
from xunzhen_app.core.regions import cities, city_problem

LEADING, KEY = CultivationType.LEADING, CultivationType.KEY


def test_type_suggestion_follows_section_three():
    cases = [
        ([Honour(HonourKind.QUALITY_AWARD, HonourLevel.PROVINCIAL, 2023)], LEADING),
        ([Honour(HonourKind.QUALITY_AWARD, HonourLevel.NATIONAL, 2021, nomination=True)], LEADING),
        ([Honour(HonourKind.CHAIN_LEADER, HonourLevel.PROVINCIAL)], LEADING),
        ([Honour(HonourKind.TOWN_CORE)], LEADING),
        ([Honour(HonourKind.QUALITY_AWARD, HonourLevel.CITY, 2022, nomination=True)], KEY),
        ([Honour(HonourKind.CHAIN_CORE)], KEY),
        ([Honour(HonourKind.SHANXI_JINGPIN, year=2024)], KEY),
        ([Honour(HonourKind.CERTIFICATE, name="ISO 9001")], KEY),
        ([], KEY),
        ([Honour(HonourKind.SHANXI_JINGPIN), Honour(HonourKind.TOWN_CORE)], LEADING),
    ]
    for honours, expected in cases:
        assert suggest_cultivation_type(honours).type is expected, honours


def test_suggestion_gives_its_reason():
    s = suggest_cultivation_type([Honour(HonourKind.QUALITY_AWARD, HonourLevel.PROVINCIAL, 2023, name="山西省质量奖")])
    assert "2023年省级政府质量奖" in s.reason and "省级及以上" in s.reason


def test_shanxi_has_eleven_cities_and_the_demo_zone():
    assert len(cities()) == 12 and cities()[0] == "太原市" and cities()[-1] == "山西转型综合改革示范区"
    assert city_problem("太原市") is None
    assert "不是山西省的地市" in city_problem("石家庄市")
