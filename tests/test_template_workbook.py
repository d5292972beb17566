"""Checklist templates authored in Excel: the reading rules, the round trip, every kind of
broken workbook (named by sheet, row, column and problem), and the `checklist` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from test_hostile_xlsx import LAUGHS, XXE, rewritten

from xunzhen_app.cli import main
from xunzhen_app.core.checklist import load_template_file
from xunzhen_app.core.checklist_sheets import WorkbookError, split_clauses
from xunzhen_app.core.errors import UserError
from xunzhen_app.services import checklists, xlsx_input
from xunzhen_app.services.checklist_workbook import read_template_workbook, write_template_workbook

FOUR = load_template_file(Path(__file__).parent / "data" / "four-level-template.json")
INFO = [["编号", "county-test"], ["版本", "2026.1"], ["标题", "县域质量诊断"], ["来源", "某县市场监管局"]]
SCALE = [["等级", "名称", "说明"], [1, "起步", "刚刚起步"], [2, "成长", "有所成长"], [3, "成熟", "运行成熟"]]
HEADER = ["培育目标", "主要举措", "具体内容"]


def workbook(tmp_path, items, info=INFO, scale=SCALE, merges=(), name="t.xlsx", drop=()) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in (("信息", info), ("量表", scale), ("条目", items)):
        if title in drop:
            continue
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
        if title == "条目":
            for ref in merges:
                ws.merge_cells(ref)
    path = tmp_path / name
    wb.save(path)
    return path


def read(tmp_path, items, **kw):
    return read_template_workbook(workbook(tmp_path, items, **kw))


def shape(t):
    return [(g.code, g.title, [(m.code, m.title, [(i.code, i.text) for i in m.items]) for m in g.measures])
            for g in t.goals]


# -- reading rules -------------------------------------------------------------

def test_blank_goal_and_measure_cells_continue_the_ones_above(tmp_path):
    t = read(tmp_path, [HEADER, ["体系", "制度", "甲"], [None, None, "乙"], [None, "执行", "丙"], ["人才", "配备", "丁"]])
    assert shape(t) == [("1", "体系", [("1.1", "制度", [("1.1.1", "甲"), ("1.1.2", "乙")]),
                                       ("1.2", "执行", [("1.2.1", "丙")])]),
                        ("2", "人才", [("2.1", "配备", [("2.1.1", "丁")])])]


def test_merged_cells_continue_the_title_they_span(tmp_path):
    rows = [HEADER, ["体系", "制度", "甲"], [None, None, "乙"], [None, "执行", "丙"]]
    merged = read(tmp_path, rows, merges=("A2:A4", "B2:B3"))
    assert shape(merged) == shape(read(tmp_path, rows, name="plain.xlsx"))
    assert [len(m.items) for m in merged.goals[0].measures] == [2, 1]


def test_a_goal_title_that_recurs_later_joins_the_same_goal(tmp_path):
    # As 附件3 writes 发挥示范带动作用 on two rows, and a table may pick a goal up again later.
    t = read(tmp_path, [HEADER, ["示范", "产业链", "甲"], ["示范", "县域", "乙"], ["人才", "配备", "丙"],
                        ["示范", "产业链", "丁"]])
    assert shape(t) == [("1", "示范", [("1.1", "产业链", [("1.1.1", "甲"), ("1.1.2", "丁")]),
                                       ("1.2", "县域", [("1.2.1", "乙")])]),
                        ("2", "人才", [("2.1", "配备", [("2.1.1", "丙")])])]


@pytest.mark.parametrize("cell, clauses", [
    ("1.建立体系 2.持续优化 3.数字化平台", ["建立体系", "持续优化", "数字化平台"]),
    ("1、甲；2、乙", ["甲", "乙"]),
    ("（1）甲（2）乙", ["甲", "乙"]),
    ("(1) 甲 (2) 乙", ["甲", "乙"]),
    ("１．甲 ２．乙", ["甲", "乙"]),
    ("１、甲\n２、乙", ["甲", "乙"]),
    ("1.配备人员。每年至少1次培训 2.拥有人才", ["配备人员。每年至少1次培训", "拥有人才"]),
    ("近一年无不合格 2.具备能力", ["近一年无不合格 2.具备能力"]),  # does not start at 1
    ("效率提升1.5倍", ["效率提升1.5倍"]),
    ("通过GB/T 19001、ISO 14001认证", ["通过GB/T 19001、ISO 14001认证"]),
    ("1.甲 3.乙", ["甲 3.乙"]),  # numbers must follow in sequence
])
def test_numbered_clauses_split_into_items_without_their_numbers(cell, clauses):
    assert split_clauses(cell) == clauses


def test_a_numbered_cell_becomes_one_item_per_clause(tmp_path):
    t = read(tmp_path, [HEADER, ["体系", "运行", "1.建立体系 2.持续优化 3.数字化平台"], [None, "效益", "良性互动"]])
    assert shape(t)[0][2] == [("1.1", "运行", [("1.1.1", "建立体系"), ("1.1.2", "持续优化"), ("1.1.3", "数字化平台")]),
                              ("1.2", "效益", [("1.2.1", "良性互动")])]


def test_codes_come_from_the_code_column_when_given(tmp_path):
    t = read(tmp_path, [["编号", *HEADER], ["3.1.1", "风险", "抽查", "1.合格 2.响应"], [None, None, "数字化", "追溯"],
                        ["5.2.1", "人才", "配备", "首席质量官"]])
    assert shape(t) == [("3", "风险", [("3.1", "抽查", [("3.1.1", "合格"), ("3.1.2", "响应")]),
                                       ("3.2", "数字化", [("3.2.1", "追溯")])]),
                        ("5", "人才", [("5.2", "配备", [("5.2.1", "首席质量官")])])]


def test_a_weight_on_any_row_applies_to_its_goal_or_measure(tmp_path):
    t = read(tmp_path, [[*HEADER, "目标权重", "举措权重"], ["体系", "制度", "甲", None, None],
                        [None, None, "乙", 3, 2], [None, None, "丙", 9, 9], [None, "执行", "丁", None, None],
                        ["人才", "配备", "戊", None, None]])
    assert [g.weight for g in t.goals] == [3, 1]  # the first non-empty value; equal by default
    assert [m.weight for m in t.goals[0].measures] == [2, 1]


def test_item_columns_give_guidance_veto_and_own_descriptors(tmp_path):
    header = [*HEADER, "资料收集", "实地调研", "深度访谈", "否决条件", "否决封顶等级", "不允许不适用", "起步", "成熟"]
    t = read(tmp_path, [header, ["风险", "抽查", "无不合格", "抽查记录", None, None, "近一年无不合格", 2, None, None,
                                 "有年度抽查计划"],
                        [None, None, "报告", None, None, None, None, None, "是", "无报告", None]])
    veto, report = t.goals[0].measures[0].items
    assert veto.guidance == {"documents": "抽查记录"} and veto.check.text == "近一年无不合格" and veto.check.cap == 2
    assert not veto.may_be_not_applicable and veto.descriptor(3, t.scale) == "有年度抽查计划"
    assert veto.descriptor(1, t.scale) == "刚刚起步"  # the scale's where the item has none
    assert not report.may_be_not_applicable and report.check is None and report.rubric == {1: "无报告"}
    assert t.scale.top == 3 and [lv.name for lv in t.scale.levels] == ["起步", "成长", "成熟"]
    assert (t.id, t.version, t.title, t.source) == ("county-test", "2026.1", "县域质量诊断", "某县市场监管局")


# -- round trip ------------------------------------------------------------------

@pytest.mark.parametrize("template", [checklists.bundled_templates()[0], FOUR], ids=["附件3", "four-level"])
def test_export_then_import_gives_the_same_template(tmp_path, template):
    path = write_template_workbook(template, tmp_path / "out.xlsx")
    assert read_template_workbook(path) == template
    wb = load_workbook(path)
    assert wb.sheetnames[:3] == ["信息", "量表", "条目"]
    header = [c.value for c in wb["条目"][1]]
    assert header[:4] == ["编号", "培育目标", "主要举措", "具体内容"]
    assert header[-template.scale.top:] == [lv.name for lv in template.scale.levels]
    assert wb["条目"].merged_cells.ranges  # titles merged down their rows, as 附件3 prints them


# -- broken workbooks --------------------------------------------------------------

BROKEN = [
    ("missing sheet", dict(items=[HEADER, ["a", "b", "c"]], drop=("量表",)), "量表", None, None, "缺少该工作表"),
    ("no header", dict(items=[["目标", "举措"], ["a", "b"]]), "条目", None, None, "找不到表头"),
    ("info without id", dict(items=[HEADER, ["a", "b", "c"]], info=INFO[1:]), "信息", None, "B", "缺少“编号”"),
    ("unknown info label", dict(items=[HEADER, ["a", "b", "c"]], info=[*INFO, ["作者", "x"]]), "信息", 5, "A",
     "未知的项目“作者”"),
    ("level gap", dict(items=[HEADER, ["a", "b", "c"]], scale=[SCALE[0], SCALE[1], [3, "成熟", "x"]]), "量表", 3,
     "等级", "应为 2"),
    ("one level", dict(items=[HEADER, ["a", "b", "c"]], scale=SCALE[:2]), "量表", None, "等级", "2 至 10 个等级"),
    ("eleven levels", dict(items=[HEADER, ["a", "b", "c"]], scale=[SCALE[0]] + [[n, f"L{n}", ""] for n in range(1, 12)]),
     "量表", None, "等级", "实际为 11 个"),
    ("duplicate level name", dict(items=[HEADER, ["a", "b", "c"]], scale=[*SCALE[:3], [3, "起步", "x"]]), "量表", 4,
     "名称", "重复"),
    ("unknown column", dict(items=[[*HEADER, "卓越"], ["a", "b", "c", "x"]]), "条目", 1, "D", "未知的列“卓越”"),
    ("no goal above", dict(items=[HEADER, [None, "b", "c"]]), "条目", 2, "培育目标", "上方没有可延续的培育目标"),
    ("no measure above", dict(items=[HEADER, ["a", None, "c"]]), "条目", 2, "主要举措", "上方没有可延续的主要举措"),
    ("bad weight", dict(items=[[*HEADER, "目标权重"], ["a", "b", "c", "重"]]), "条目", 2, "目标权重", "权重应为正数"),
    ("negative weight", dict(items=[[*HEADER, "举措权重"], ["a", "b", "c", -1]]), "条目", 2, "举措权重", "权重应为正数"),
    ("cap outside the scale", dict(items=[[*HEADER, "否决条件", "否决封顶等级"], ["a", "b", "c", "无事故", 4]]), "条目", 2,
     "否决封顶等级", "应为 1 至 3"),
    ("cap without a veto", dict(items=[[*HEADER, "否决封顶等级"], ["a", "b", "c", 1]]), "条目", 2, "否决封顶等级",
     "没有否决条件"),
    ("bad yes/no", dict(items=[[*HEADER, "不允许不适用"], ["a", "b", "c", "也许"]]), "条目", 2, "不允许不适用", "应填“是”"),
    ("clauses with per-item columns", dict(items=[[*HEADER, "资料收集"], ["a", "b", "1.甲 2.乙", "记录"]]), "条目", 2,
     "资料收集", "分为 2 条"),
    ("details without content", dict(items=[[*HEADER, "资料收集"], ["a", "b", "c"], [None, None, None, "记录"]]), "条目",
     3, "具体内容", "为空，但本行填了"),
    ("bad code", dict(items=[["编号", *HEADER], ["1-1", "a", "b", "c"]]), "条目", 2, "编号", "格式不对"),
    ("two-part code", dict(items=[["编号", *HEADER], ["1.1", "a", "b", "c"]]), "条目", 2, "编号", "应为三级"),
    ("code of another measure", dict(items=[["编号", *HEADER], ["1.1.1", "a", "b", "c"], ["1.2.2", None, None, "d"]]),
     "条目", 3, "编号", "不一致"),
    ("duplicate code", dict(items=[["编号", *HEADER], ["1.1.1", "a", "b", "c"], ["1.1.1", None, None, "d"]]), "条目", 3,
     "编号", "重复"),
    ("measure without content", dict(items=[HEADER, ["a", "b", None], [None, "c", "d"]]), "条目", 2, "具体内容",
     "下没有具体内容"),
    ("duplicate header", dict(items=[[*HEADER, "具体内容"], ["a", "b", "c", "d"]]), "条目", 1, "具体内容", "不止一次"),
    ("no items", dict(items=[HEADER]), "条目", None, None, "没有任何条目"),
]


@pytest.mark.parametrize("case, kw, sheet, row, column, problem", BROKEN, ids=[b[0] for b in BROKEN])
def test_a_broken_workbook_names_sheet_row_column_and_problem(tmp_path, case, kw, sheet, row, column, problem):
    with pytest.raises(WorkbookError) as exc:
        read(tmp_path, **kw)
    e = exc.value
    assert (e.sheet, e.row, e.column) == (sheet, row, column)
    assert problem in e.problem
    message = str(e)
    assert "t.xlsx" in message and f"工作表“{sheet}”" in message and problem in message
    if row is not None:
        assert f"第 {row} 行" in message
    if column is not None:
        assert f"“{column}”列" in message


@pytest.mark.parametrize(("content", "message"), [(b"not a zip at all", "是文本或 CSV 文件，不是 .xlsx"),
                                                 (b"PK\x03\x04broken", "已损坏，无法作为 .xlsx 读取")])
def test_a_file_that_is_no_workbook_is_refused_cleanly(tmp_path, content, message):
    f = tmp_path / "fake.xlsx"
    f.write_bytes(content)
    with pytest.raises(UserError, match=message):
        read_template_workbook(f)


# -- hostile files: the same guard as the enterprise import (services.xlsx_input) ---------------

def _good(tmp_path) -> Path:
    return workbook(tmp_path, [HEADER, ["质量管理", "目标管理", "制定质量目标"]], name="src.xlsx")


def _xxe(tmp_path) -> Path:
    def change(name, data):
        return XXE.replace(b"worksheet", b"workbook") + data if name == "xl/workbook.xml" else data
    return rewritten(_good(tmp_path), tmp_path / "模板.xlsx", change)


def _laughs(tmp_path) -> Path:
    def change(name, data):
        return LAUGHS + data if name == "xl/worksheets/sheet3.xml" else data  # 条目: openpyxl writes inline strings
    return rewritten(_good(tmp_path), tmp_path / "模板.xlsx", change)


def _bomb(tmp_path) -> Path:
    return rewritten(_good(tmp_path), tmp_path / "模板.xlsx", extra=[("xl/media/bomb.bin", bytes(64 * 2**20))])


def _xls(tmp_path) -> Path:
    p = tmp_path / "模板.xlsx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return p


def _too_many_parts(tmp_path) -> Path:
    return rewritten(_good(tmp_path), tmp_path / "模板.xlsx",
                     extra=[(f"xl/media/m{i}.bin", b"x") for i in range(xlsx_input.MAX_MEMBERS + 1)])


HOSTILE_TEMPLATES = {
    "xxe": (_xxe, "含有 XML 实体或文档类型声明"),
    "laughs": (_laughs, "含有 XML 实体或文档类型声明"),
    "zip_bomb": (_bomb, "解压后超过 8 MB 的上限"),
    "xls": (_xls, "是旧版 Excel（.xls）或 WPS（.et）文件"),
    "too_many_parts": (_too_many_parts, "个部件，超过 1000 个的上限"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_TEMPLATES))
def test_a_hostile_template_workbook_is_refused_before_parsing_and_installs_nothing(
        case, capsys, tmp_path, paths, monkeypatch):
    monkeypatch.setattr(xlsx_input, "MAX_INFLATED_BYTES", 8 * 2**20)  # a bomb 8× the limit builds in a second
    build, message = HOSTILE_TEMPLATES[case]
    hostile = build(tmp_path)
    d = str(paths.data_dir)
    before = run(capsys, "--data-dir", d, "checklist", "list")[1]
    code, out, err = run(capsys, "--data-dir", d, "checklist", "import", str(hostile))
    assert code == 2 and out == "", err
    assert message in err and str(hostile) in err and "Traceback" not in err
    assert run(capsys, "--data-dir", d, "checklist", "list")[1] == before


# -- the commands --------------------------------------------------------------------

def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_example_import_list_show_export_round_trip(capsys, tmp_path, paths):
    d = str(paths.data_dir)
    example = tmp_path / "模板样例.xlsx"
    assert run(capsys, "--data-dir", d, "checklist", "example", "-o", str(example))[0] == 0
    code, out, _ = run(capsys, "--data-dir", d, "checklist", "import", str(example))
    assert code == 0 and out.strip() == "my-checklist 2026.1"
    code, out, err = run(capsys, "--data-dir", d, "checklist", "import", str(example))
    assert code == 0 and "已安装，内容相同" in err
    code, out, _ = run(capsys, "--data-dir", d, "checklist", "list")
    assert "my-checklist" in out and "已导入" in out and "内置" in out

    code, out, _ = run(capsys, "--data-dir", d, "checklist", "show", "my-checklist", "--json")
    data = json.loads(out)
    assert code == 0 and [lv["name"] for lv in data["scale"]["levels"]] == [
        lv.name for lv in checklists.bundled_templates()[0].scale.levels]
    assert {"level", "name", "descriptor"} == set(data["scale"]["levels"][0])
    items = {i["code"]: i for g in data["goals"] for m in g["measures"] for i in m["items"]}
    assert set(items["1.1.1"]["rubric"]) == {"1", "2", "3", "4", "5"}
    assert items["3.1.1"]["check"]["veto"] and items["3.1.1"]["check"]["cap"] == 1
    assert not items["3.1.1"]["not_applicable_allowed"]
    assert set(items["1.1.1"]["guidance"]) == {"documents", "site", "interview"}
    assert sum(i["weight"] for i in items.values()) == pytest.approx(1)

    out_file = tmp_path / "back.xlsx"
    assert run(capsys, "--data-dir", d, "checklist", "export", "my-checklist", "-o", str(out_file))[0] == 0
    again = read_template_workbook(out_file)
    assert again == read_template_workbook(example) and again.id == "my-checklist"


def test_show_json_falls_back_to_the_scale_for_levels_without_a_descriptor(capsys, tmp_path, paths):
    d = str(paths.data_dir)
    path = write_template_workbook(FOUR, tmp_path / "four.xlsx")
    assert run(capsys, "--data-dir", d, "checklist", "import", str(path))[1].strip() == "county-four 2026.1"
    data = json.loads(run(capsys, "--data-dir", d, "checklist", "show", "county-four", "--json")[1])
    item = data["goals"][0]["measures"][0]["items"][0]
    assert item["rubric"] == {"1": "无成文制度", "2": "有所成长", "3": "运行成熟", "4": "制度持续改进并有外部认可"}
    assert data["goals"][0]["measures"][0]["items"][1]["check"] == {"text": "近一年无重大质量安全事故", "veto": True, "cap": 2}


def test_a_broken_workbook_exits_2_and_installs_nothing(capsys, tmp_path, paths):
    d = str(paths.data_dir)
    bad = workbook(tmp_path, [[*HEADER, "否决条件", "否决封顶等级"], ["a", "b", "c", "无事故", 7]])
    before = run(capsys, "--data-dir", d, "checklist", "list")[1]
    code, out, err = run(capsys, "--data-dir", d, "checklist", "import", str(bad))
    assert code == 2 and out == ""
    assert "工作表“条目”第 2 行“否决封顶等级”列：应为 1 至 3 的整数" in err and "Traceback" not in err
    assert run(capsys, "--data-dir", d, "checklist", "list")[1] == before


def test_the_same_version_with_other_content_is_refused(capsys, tmp_path, paths):
    d = str(paths.data_dir)
    first = workbook(tmp_path, [HEADER, ["a", "b", "c"]], name="one.xlsx")
    second = workbook(tmp_path, [HEADER, ["a", "b", "changed"]], name="two.xlsx")
    assert run(capsys, "--data-dir", d, "checklist", "import", str(first))[0] == 0
    code, _, err = run(capsys, "--data-dir", d, "checklist", "import", str(second))
    assert code == 2 and "提高版本号" in err
