"""附件2 lists as bureaus receive them, built here: short city names, 培育类型 spellings, renamed and extra
columns are read as the canonical values and listed; only what is truly ambiguous is refused, by row and column."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from xunzhen_app.cli import main
from xunzhen_app.core.domain import CultivationType, Honour, HonourKind, HonourLevel, suggest_cultivation_type
from xunzhen_app.core.errors import UserError
from xunzhen_app.core.regions import read_city
from xunzhen_app.services import enterprise_import, enterprises
from xunzhen_app.services.dto import EnterpriseInput


def _xlsx(path, header, rows, title="太原市质量强省领军企业重点培育名单"):
    wb = Workbook()
    ws = wb.active
    ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


VARIANT_HEADER = ["序号", "单位名称", "所属 地市", "培育类型", "统一社会信用代码", "联系人", "联系电话", "企业规模", "备注"]


def test_city_readings():
    assert read_city("太原").city == "太原市"
    assert read_city("太原市").city == "太原市"
    assert read_city("综改示范区").city == read_city("示范区").city == "山西转型综合改革示范区"
    assert read_city(" 晋 城 ").city == "晋城市"
    vague = read_city("晋")
    assert vague.city is None and vague.ambiguous and "晋中市" in vague.problem and "晋城市" in vague.problem
    assert read_city("石家庄").city is None and not read_city("石家庄").ambiguous


def test_a_variant_list_imports_with_every_normalisation_listed(store, tmp_path):
    path = _xlsx(tmp_path / "太原.xlsx", VARIANT_HEADER, [
        (1, "晋阳机械有限公司", "太原", "领军型企业", "", "王芳", "13800000001", "大型", "首批"),
        (2, "汾水食品有限公司", "太原", "重点培育", "", "", "", "", ""),
        (3, "潇河机器人有限公司", "示范区", "重点培育型", "", "", "", "", ""),
    ])
    report = enterprise_import.import_enterprises(store, path)
    assert sorted(report.created) == ["晋阳机械有限公司", "汾水食品有限公司", "潇河机器人有限公司"]
    assert "列名“单位名称”（B 列）读作“企业名称”" in report.normalised
    assert "第 2 行 H 列“企业规模”不是附件2的列，未导入" in report.normalised
    assert "所属地市“太原”读作“太原市”：第 3、4 行" in report.normalised
    assert "所属地市“示范区”读作“山西转型综合改革示范区”：第 5 行" in report.normalised
    assert "培育类型“领军型企业”读作“领军型”：第 3 行" in report.normalised
    assert "培育类型“重点培育”读作“重点培育型”：第 4 行" in report.normalised
    assert "读取说明" in report.summary() and report.summary().startswith("新增 3 家")
    stored = {e.name: e for e in enterprises.list_enterprises(store)}
    jinyang = stored["晋阳机械有限公司"]
    assert (jinyang.city, jinyang.cultivation_type) == ("太原市", "领军型")
    assert jinyang.contacts[0].name == "王芳" and jinyang.contacts[0].phone == "13800000001"
    assert stored["潇河机器人有限公司"].city == "山西转型综合改革示范区"


def test_only_the_ambiguous_is_refused_naming_row_and_column(store, tmp_path):
    path = _xlsx(tmp_path / "x.xlsx", VARIANT_HEADER, [
        (1, "晋阳机械有限公司", "太原", "领军型", "", "", "", "", ""),
        (2, "某某有限公司", "晋", "领军型", "", "", "", "", ""),
        (3, "另一有限公司", "太原", "优秀企业", "", "", "", "", ""),
    ])
    with pytest.raises(UserError) as err:
        enterprise_import.import_enterprises(store, path)
    message = str(err.value)
    assert "第 4 行：C 列 所属地市：“晋”不能确定是哪个地市（可能是 晋中市、晋城市）" in message
    assert "第 5 行：D 列 培育类型" in message
    assert enterprises.list_enterprises(store) == []  # nothing half-imported


def test_two_columns_for_one_field_are_refused(store, tmp_path):
    path = _xlsx(tmp_path / "x.xlsx", ["企业名称", "单位名称", "所属地市", "培育类型"], [("甲", "乙", "太原", "领军型")])
    with pytest.raises(UserError, match="A 列和 B 列都是“企业名称”"):
        enterprise_import.import_enterprises(store, path)


def test_cli_prints_the_readings(paths, tmp_path, capsys):
    path = _xlsx(tmp_path / "名单.xlsx", VARIANT_HEADER, [(1, "晋阳机械有限公司", "太原", "领军", "", "", "", "", "")])
    assert main(["--data-dir", str(paths.data_dir), "enterprise", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "读取：所属地市“太原”读作“太原市”：第 3 行" in out and "读取：培育类型“领军”读作“领军型”" in out


def test_a_level_less_award_asks_for_the_level_instead_of_guessing(store):
    for kind in (HonourKind.QUALITY_AWARD, HonourKind.CHAIN_LEADER):
        s = suggest_cultivation_type([Honour(kind, None, 2024)])
        assert s.question and "请补充省级" in s.question
    # Another honour that settles the type still does.
    assert suggest_cultivation_type([Honour(HonourKind.QUALITY_AWARD), Honour(HonourKind.TOWN_CORE)]).type \
        is CultivationType.LEADING
    with pytest.raises(UserError, match="培育类型无法按荣誉资质判断"):
        enterprises.create_enterprise(store, EnterpriseInput(name="甲公司", city="太原市",
                                                             honours=(Honour(HonourKind.QUALITY_AWARD, None, 2024),)))
    info = enterprises.create_enterprise(store, EnterpriseInput(
        name="甲公司", city="太原市", cultivation_type="领军型", honours=(Honour(HonourKind.QUALITY_AWARD, None, 2024),)))
    assert info.suggested_type == "" and "请补充" in info.suggestion_reason


def test_shanxi_jingpin_never_carries_a_level(store):
    h = Honour(HonourKind.SHANXI_JINGPIN, HonourLevel.PROVINCIAL, 2024)
    assert h.describe() == "2024年山西精品"
    info = enterprises.create_enterprise(store, EnterpriseInput(name="乙公司", city="太原市", honours=(h,)))
    assert info.honours[0].level is None and info.cultivation_type == "重点培育型"


def test_the_province_records_when_a_citys_list_arrived(paths, tmp_path, capsys):
    from xunzhen_app.db.store import open_store
    from xunzhen_app.services import programme_desk as desk

    path = _xlsx(tmp_path / "名单.xlsx", VARIANT_HEADER, [(1, "晋阳机械有限公司", "太原", "领军", "", "", "", "", ""),
                                                        (2, "云冈电气有限公司", "大同", "领军", "", "", "", "", "")])
    args = ["--data-dir", str(paths.data_dir), "enterprise", "import", str(path)]
    assert main([*args, "--received-on", "2025-05-32"]) == 2 and "收到日期" in capsys.readouterr().err
    assert main([*args, "--received-on", "2025-05-20"]) == 0
    assert "已记下太原市、大同市的附件2名单于 2025-05-20 收到" in capsys.readouterr().out
    store = open_store(paths)
    try:
        cities = {p.city: p for p in desk.progress(store)}
        assert cities["太原市"].list_in_time and cities["大同市"].list_in_time and cities["朔州市"].list_sent_on is None
    finally:
        store.close()
