import json
from pathlib import Path

import pytest

from xunzhen_app.core.checklist import load_template_file, parse_template, template_to_dict
from xunzhen_app.core.errors import TemplateError
from xunzhen_app.services.checklists import bundled_templates, find_template

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_ecc46b1f57f98c43.txt"
TINY = Path(__file__).parent / "data" / "tiny-template.json"


def shanxi():
    (t,) = [t for t in bundled_templates() if t.id == "shanxi-2025-toutou"]
    return t


def test_shanxi_template_has_the_shape_of_annex_3():
    t = shanxi()
    shape = [(g.title, [(m.title, len(m.items)) for m in g.measures]) for g in t.goals]
    assert shape == [
        ("质量体系成熟", [("管理体系运行", 3), ("经济效益", 1)]),
        ("质量技术先进", [("质量改进项目", 1)]),
        ("质量风险管控与标杆对比", [("监督抽查合格", 2), ("质量管理数字化", 2)]),
        ("质量能力卓越", [("质量战略与理念", 2), ("质量文化建设", 2), ("体系成熟度", 2), ("先进制度推广", 1),
                        ("品牌建设投入", 2), ("质量基础设施建设", 2)]),
        ("质量人才", [("人员配备与能力", 2)]),
        ("发挥示范带动作用", [("提高产业链供应链质量竞争力", 1), ("带动提升县域质量水平", 1)]),
    ]
    assert len(list(t.items())) == 24
    assert [i.code for i in t.goals[0].items()] == ["1.1.1", "1.1.2", "1.1.3", "1.2.1"]


@pytest.mark.skipif(not SEED.exists(), reason="the seed document lies outside the repository (../shared/seeds)")
def test_every_item_is_transcribed_character_for_character_from_the_seed():
    annex = SEED.read_text(encoding="utf-8").split("### 附件 3")[1]
    flat = "".join(annex.split())
    for item in shanxi().items():
        assert "".join(item.text.split()) in flat, item.code
    for goal in shanxi().goals:
        assert goal.title in flat


def test_supervision_check_is_a_veto_on_3_1_1():
    item = shanxi().item("3.1.1")
    assert item.check.text == "近一年无国家/省级监督抽查不合格记录" and item.check.veto
    assert [i.code for i in shanxi().items() if i.check] == ["3.1.1"]


def test_default_scale_and_descriptors():
    t = shanxi()
    assert [lv.name for lv in t.scale.levels] == ["初始级", "基础级", "规范级", "先进级", "领先级"]
    assert t.scale.not_applicable == "不适用"
    assert t.item("1.1.1").descriptor(3, t.scale).startswith("体系覆盖全部产品和主要过程")
    assert t.item("1.1.3").descriptor(4, t.scale) == "质量数据实时监控、自动预警，支撑跨部门协同"
    assert all(set(i.guidance) == {"documents", "site", "interview"} for i in t.items())


def test_every_item_has_five_descriptors_of_its_own_marked_as_the_apps_text():
    t = shanxi()
    generic = {lv.descriptor for lv in t.scale.levels}
    for item in t.items():
        texts = [item.rubric.get(lv.level, "").strip() for lv in t.scale.levels]
        assert all(texts) and len(set(texts)) == 5, item.code
        assert not generic & set(texts), item.code
    everyone = [text for item in t.items() for text in item.rubric.values()]
    assert len(set(everyone)) == len(everyone), "两个条目不应共用同一句分级描述"
    # The file says which text is 附件3's and which is the app's own.
    assert "逐字转录自附件3" in t.note
    assert "分级描述" in t.note and "巡诊要点" in t.note and "不属于附件3原文" in t.note


@pytest.mark.skipif(not SEED.exists(), reason="the seed document lies outside the repository (../shared/seeds)")
def test_the_apps_descriptors_are_not_passed_off_as_annex_3():
    flat = "".join(SEED.read_text(encoding="utf-8").split("### 附件 3")[1].split())
    assert not [text for item in shanxi().items() for text in item.rubric.values() if "".join(text.split()) in flat]


def guidance(code: str) -> str:
    return "".join(shanxi().item(code).guidance.values())


def test_brand_guidance_asks_about_brand_investment_and_value_not_packaging():
    text = guidance("4.5.1")
    assert all(word in text for word in ("品牌建设规划", "品牌投入", "品牌价值评价"))
    assert "包装" not in text


def test_strategy_guidance_asks_about_the_quality_strategy_not_posters():
    g = shanxi().item("4.1.1").guidance
    assert "质量发展战略" in g["documents"] and "分解" in g["documents"] and "评审" in g["documents"]
    assert "战略" in g["site"] and "战略" in g["interview"]
    assert "宣贯" not in guidance("4.1.1")


def test_benchmark_guidance_names_indicators_and_benchmark_sources():
    text = guidance("4.3.2")
    assert all(word in text for word in ("产品合格率", "一次交检合格率", "顾客满意度", "质量损失率"))
    assert all(word in text for word in ("行业协会统计", "国家/行业标准", "标杆企业公开数据", "国家级质量奖"))


def test_supervision_evidence_comes_from_the_bureaus_own_records():
    documents = shanxi().item("3.1.1").guidance["documents"]
    assert "市场监管部门自有的国家、省级监督抽查记录" in documents
    assert "不要求企业提供报表或证明材料" in documents


def test_checklist_show_json_carries_every_items_descriptors(capsys):
    from xunzhen_app.cli import main

    assert main(["checklist", "show", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    items = [i for g in data["goals"] for m in g["measures"] for i in m["items"]]
    assert len(items) == 24
    assert all(sorted(i["rubric"]) == ["1", "2", "3", "4", "5"] for i in items)
    assert data["goals"][3]["measures"][4]["items"][0]["rubric"]["4"] == shanxi().item("4.5.1").rubric[4]


def test_round_trip_through_the_file_format():
    t = shanxi()
    assert parse_template(json.loads(json.dumps(template_to_dict(t)))) == t


def test_a_second_template_loads_and_nothing_is_hard_wired(paths):
    (paths.checklists).mkdir()
    (paths.checklists / "tiny.json").write_text(TINY.read_text(encoding="utf-8"), encoding="utf-8")
    t = find_template(paths, "tiny-test")
    assert [g.title for g in t.goals] == ["安全", "环境"]
    assert t.goals[0].weight == 3 and t.goals[0].measures[1].weight == 2


@pytest.mark.parametrize("mutate, path, problem", [
    (lambda d: d["goals"][0]["measures"][0]["items"][1].pop("text"), "$.goals[0].measures[0].items[1].text", "缺少"),
    (lambda d: d["goals"][1].update(code="1"), "$.goals[1].code", "重复"),
    (lambda d: d["goals"][0]["measures"][1].update(code="2.2"), "$.goals[0].measures[1].code", "不在上级"),
    (lambda d: d["scale"]["levels"].pop(), "$.scale.levels", "5 级"),
    (lambda d: d["goals"][0].update(weight=-1), "$.goals[0].weight", "正数"),
    (lambda d: d["goals"][0]["measures"][0]["items"][1]["rubric"].update({"7": "x"}), "rubric.7", "1 至 5"),
    (lambda d: d.update(format=9), "$.format", "格式版本"),
])
def test_a_broken_template_names_file_path_and_problem(tmp_path, mutate, path, problem):
    data = json.loads(TINY.read_text(encoding="utf-8"))
    mutate(data)
    f = tmp_path / "broken.json"
    f.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TemplateError) as exc:
        load_template_file(f)
    msg = str(exc.value)
    assert str(f) in msg and path in msg and problem in msg


def test_invalid_json_names_line_and_column(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text('{\n  "format": 1,\n  oops\n}', encoding="utf-8")
    with pytest.raises(TemplateError, match=r"第 3 行第 3 列"):
        load_template_file(f)
