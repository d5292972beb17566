"""Excel exports as a bureau files them: which visit a summary takes, the province's order, the
columns a round trip needs, 相关条目 and goal, real dates, print set-up, a Chinese font and the
user's file permissions — each read back with openpyxl."""

from __future__ import annotations

import os
from datetime import date

import openpyxl
import pytest

from xunzhen_app.cli import main
from xunzhen_app.core.collation import pinyin_key
from xunzhen_app.core.uscc import check_character
from xunzhen_app.db.store import open_store
from xunzhen_app.paths import AppPaths
from xunzhen_app.services import enterprises, reports, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprise_import import import_enterprises
from xunzhen_app.services.reports import atomic


def _uscc(n: int) -> str:
    body = f"9114010{n:02d}MA0L2B3C"[:17]
    return body + check_character(body)


def _rows(ws, header_row=1):
    values = list(ws.iter_rows(values_only=True))
    return list(values[header_row - 1]), values[header_row:]


def _visit(store, enterprise_id, start, finalize=False, problem=None):
    v = visits.create_visit(store, visits.NewVisit(enterprise_id=enterprise_id, start_date=start))
    visits.rate_item(store, v.id, "1.1.1", level=2)
    visits.rate_item(store, v.id, "3.1.1", level=3, check_passed=False)
    if problem:
        visits.set_item_text(store, v.id, "1.1.3", "problem", problem)
        visits.add_problem(store, v.id, "质量目标未分解到班组", "1.1.1")
        visits.add_problem(store, v.id, problem)  # typed again, without its item
    visits.add_problem(store, v.id, "近一年省级监督抽查不合格", "3.1.1")  # a failed veto is written up
    if finalize:
        visits.finalize(store, v.id)
    return v.id


@pytest.fixture
def firm(store):
    return enterprises.create_enterprise(store, EnterpriseInput(name="太行精密装备有限公司", city="晋城市",
                                                                county="高平市", uscc=_uscc(1)))


def test_summary_takes_the_latest_finalized_visit_and_drafts_only_when_asked(store, firm, tmp_path):
    done = _visit(store, firm.id, date(2025, 5, 20), finalize=True)
    _visit(store, firm.id, date(2025, 9, 15))  # a later draft
    out = reports.write_workbook(store, reports.ExportSelection(), tmp_path / "a.xlsx")
    header, [row] = _rows(openpyxl.load_workbook(out.path)["成熟度汇总"])
    assert (row[header.index("巡诊日期")].date(), row[header.index("状态")]) == (date(2025, 5, 20), "已定稿")
    assert row[header.index("报告编号")] == visits.get_visit(store, done).report_number

    store.close()
    args = ["--data-dir", str(store.paths.data_dir), "export", "xlsx", "--all", "--include-drafts",
            "-o", str(tmp_path / "b.xlsx")]
    assert main(args) == 0
    ws = openpyxl.load_workbook(tmp_path / "b.xlsx")["成熟度汇总"]
    header, [row] = _rows(ws)
    assert (row[header.index("巡诊日期")].date(), row[header.index("状态")]) == (date(2025, 9, 15), "草稿（未定稿）")
    assert ws.cell(row=2, column=2).fill.fgColor.rgb.endswith("FFF2CC")  # shaded as a draft
    problems_ws = openpyxl.load_workbook(tmp_path / "b.xlsx")["问题清单"]
    assert {r[8] for r in _rows(problems_ws)[1]} <= {"草稿（未定稿）"}


def test_lists_follow_the_province_city_order_then_pinyin(store, tmp_path):
    for name, city in [("临汾尧都锻造有限公司", "临汾市"), ("安泽煤机有限公司", "临汾市"), ("潇河智能有限公司", "山西转型综合改革示范区"),
                       ("晋阳重工有限公司", "太原市"), ("长风电气有限公司", "太原市"), ("阳泉耐材有限公司", "阳泉市"),
                       ("吕梁杂粮有限公司", "吕梁市"), ("大同黄花有限公司", "大同市"), ("运城盐化有限公司", "运城市")]:
        enterprises.create_enterprise(store, EnterpriseInput(name=name, city=city))
    expected = ["长风电气有限公司", "晋阳重工有限公司", "大同黄花有限公司", "吕梁杂粮有限公司", "阳泉耐材有限公司",
                "安泽煤机有限公司", "临汾尧都锻造有限公司", "运城盐化有限公司", "潇河智能有限公司"]
    assert [e.name for e in enterprises.list_enterprises(store)] == expected
    out = reports.write_workbook(store, reports.ExportSelection(), tmp_path / "order.xlsx")
    _, rows = _rows(openpyxl.load_workbook(out.path)["附件2"], header_row=2)
    assert [r[1] for r in rows] == expected


def test_pinyin_key_orders_by_letters_then_tone_and_reads_names_as_names():
    assert sorted(["太原", "太行", "安泽", "阿城"], key=pinyin_key) == ["阿城", "安泽", "太行", "太原"]
    assert pinyin_key("长治")[0][:2] == ("chang", 2)  # not zhǎng
    assert sorted(["妈", "麻", "马", "骂"], key=pinyin_key) == ["妈", "麻", "马", "骂"]  # tones 1–4


def test_annex2_round_trip_keeps_uscc_and_county(store, firm, tmp_path):
    out = reports.write_workbook(store, reports.ExportSelection(), tmp_path / "annex.xlsx")
    other = open_store(AppPaths(tmp_path / "other").ensure())
    try:
        report = import_enterprises(other, out.path)
        assert report.created == ["太行精密装备有限公司"] and not report.invalid
        [e] = enterprises.list_enterprises(other)
        assert (e.uscc, e.city, e.county, e.cultivation_type) == (_uscc(1), "晋城市", "高平市", firm.cultivation_type)
    finally:
        other.close()


def test_problem_list_names_the_item_and_goal_failed_checks_first(store, firm, tmp_path):
    vid = _visit(store, firm.id, date(2025, 5, 20), finalize=True, problem="质量数据仍靠人工汇总")
    out = reports.write_workbook(store, reports.ExportSelection(), tmp_path / "p.xlsx")
    header, rows = _rows(openpyxl.load_workbook(out.path)["问题清单"])
    got = [(r[header.index("问题与堵点")], r[header.index("相关条目")], r[header.index("培育目标")]) for r in rows]
    template = visits.get_visit(store, vid).template
    assert got[0] == ("近一年省级监督抽查不合格", f"3.1.1 {template.item('3.1.1').text}", "3 质量风险管控与标杆对比")
    assert ("质量数据仍靠人工汇总", f"1.1.3 {template.item('1.1.3').text}", "1 质量体系成熟") in got
    assert {r[header.index("统一社会信用代码")] for r in rows} == {_uscc(1)}
    assert {r[header.index("区县")] for r in rows} == {"高平市"}


def test_every_sheet_prints_landscape_fit_to_width_with_titles_and_page_numbers_in_a_chinese_font(
        store, firm, tmp_path):
    vid = _visit(store, firm.id, date(2025, 5, 20), finalize=True, problem="质量数据仍靠人工汇总")
    for name, selection in (("s.xlsx", reports.ExportSelection()), ("v.xlsx", reports.ExportSelection(visit_refs=(vid,)))):
        wb = openpyxl.load_workbook(reports.write_workbook(store, selection, tmp_path / name).path)
        for ws in wb.worksheets:
            setup = ws.page_setup
            assert (setup.orientation, setup.fitToWidth, setup.fitToHeight) == ("landscape", 1, 0), ws.title
            assert ws.sheet_properties.pageSetUpPr.fitToPage
            header_row = 2 if ws.title == "附件2" else 1
            assert ws.print_title_rows == f"$1:${header_row}"
            assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
            fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
            assert fonts <= {"宋体", "黑体"}, (ws.title, fonts)


def test_files_get_the_users_normal_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        new = atomic.write_atomically(tmp_path / "new.xlsx", lambda out: out.write(b"x"))
        assert new.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "shared.xlsx"
        kept.write_bytes(b"old")
        kept.chmod(0o664)
        atomic.write_atomically(kept, lambda out: out.write(b"new"))
        assert kept.stat().st_mode & 0o777 == 0o664 and kept.read_bytes() == b"new"
    finally:
        os.umask(old)
