"""Excel exports read back with openpyxl, atomic writes, and the report/export commands."""

from __future__ import annotations

import errno
import os
from datetime import date, datetime

import openpyxl
import pytest

from xunzhen_app.cli import main
from xunzhen_app.core.errors import UserError
from xunzhen_app.services import enterprises, reports, visits
from xunzhen_app.services.reports import atomic


def _rows(ws, header_row=1):
    values = list(ws.iter_rows(values_only=True))
    return list(values[header_row - 1]), values[header_row:]


def test_summary_workbook_has_annex2_maturity_and_problems(demo_store, tmp_path):
    written = reports.write_workbook(demo_store, reports.ExportSelection(), tmp_path / "summary.xlsx")
    wb = openpyxl.load_workbook(written.path)
    assert wb.sheetnames == ["附件2", "成熟度汇总", "问题清单"]
    all_enterprises = enterprises.list_enterprises(demo_store)

    annex = wb["附件2"]
    assert annex["A1"].value == "质量强省领军企业重点培育名单"
    header, rows = _rows(annex, header_row=2)
    assert header == ["序号", "企业名称", "所属地市", "培育类型", "备注", "统一社会信用代码", "区县"]
    assert [r[0] for r in rows] == list(range(1, len(all_enterprises) + 1))
    assert sorted(r[1] for r in rows) == sorted(e.name for e in all_enterprises)
    assert annex.freeze_panes == "A3" and annex.auto_filter.ref.startswith("A2:G")

    maturity = wb["成熟度汇总"]
    header, rows = _rows(maturity)
    assert header[:10] == ["序号", "企业名称", "统一社会信用代码", "所属地市", "区县", "培育类型", "报告编号",
                           "巡诊日期", "巡诊阶段", "状态"]
    assert "1 质量体系成熟" in header and "总体等级" in header
    names = [r[1] for r in rows]
    finalized = {v.enterprise for v in visits.list_visits(demo_store) if v.status == "已定稿"}
    assert len(names) == len(set(names)) == len(finalized)  # one row per enterprise with a finalized visit
    level_col, index_col = header.index("总体等级"), header.index("总体指数")
    for r in rows:
        assert isinstance(r[7], (date, datetime)) and r[9] == "已定稿" and r[6].startswith("晋质巡〔")
        assert isinstance(r[level_col], (int, float)) and 1 <= r[level_col] <= 5
        assert isinstance(r[index_col], int)
        assert isinstance(r[10], (int, float, type(None)))
    assert maturity.freeze_panes == "A2" and maturity.auto_filter.ref
    assert maturity.conditional_formatting  # the colour scale
    assert maturity.column_dimensions["B"].width >= 2 * max(len(n) for n in names)

    # latest finalized visit per enterprise: a later draft does not count
    latest = {}
    for v in visits.list_visits(demo_store):
        if v.status == "已定稿" and (v.enterprise not in latest or v.start_date > latest[v.enterprise].start_date):
            latest[v.enterprise] = v
    for r in rows:
        assert r[7].date() == latest[r[1]].start_date

    problems_header, problems = _rows(wb["问题清单"])
    # the same latest finalized visits; a firm whose visit found no problem has no row
    assert problems_header[:2] == ["序号", "企业名称"] and problems and {p[1] for p in problems} <= set(names)


def test_filters_narrow_the_summary(demo_store, tmp_path):
    written = reports.write_workbook(demo_store, reports.ExportSelection(city="太原市"), tmp_path / "ty.xlsx")
    _, rows = _rows(openpyxl.load_workbook(written.path)["附件2"], header_row=2)
    assert {r[2] for r in rows} == {"太原市"} and written.rows == len(rows) == 2


def test_visit_workbook_has_four_sheets(demo_store, tmp_path):
    row = visits.list_visits(demo_store)[0]
    detail = visits.get_visit(demo_store, row.id)
    written = reports.write_workbook(demo_store, reports.ExportSelection(visit_refs=(row.id[:8],)), tmp_path / "v.xlsx")
    wb = openpyxl.load_workbook(written.path)
    assert wb.sheetnames == ["概览", "逐项评价", "问题清单", "帮扶举措"]
    header, items = _rows(wb["逐项评价"])
    assert header[:5] == ["编号", "培育目标", "主要举措", "具体内容", "等级"]
    assert len(items) == len(list(detail.template.items()))
    assert all(isinstance(r[4], (int, type(None))) for r in items)
    _, overview = _rows(wb["概览"])
    assert any(r[1] == detail.enterprise.name or r[5] == detail.enterprise.name for r in overview)
    assert any(isinstance(r[5], datetime) for r in overview)
    goal_rows = [r for r in overview if r[0] in {g.code for g in detail.result.goals}]
    assert len(goal_rows) == 6 and all(isinstance(r[2], (int, float, type(None))) for r in goal_rows)


def test_a_failed_write_leaves_no_file_and_keeps_the_old_one(tmp_path, monkeypatch):
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")

    def full_disk(_fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full_disk)
    with pytest.raises(UserError) as caught:
        atomic.write_atomically(target, lambda out: out.write(b"new" * 1000))
    assert "报告.pdf" in str(caught.value) and "磁盘空间不足" in str(caught.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]


def test_an_error_while_rendering_leaves_nothing(tmp_path):
    target = tmp_path / "half.xlsx"

    def broken(out):
        out.write(b"PK partial")
        raise OSError(errno.EIO, "I/O error")

    with pytest.raises(UserError, match="half.xlsx"):
        atomic.write_atomically(target, broken)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_user_error(demo_store, tmp_path):
    row = visits.list_visits(demo_store)[0]
    with pytest.raises(UserError, match="文件夹不存在"):
        reports.write_visit_pdf(demo_store, row.id, tmp_path / "nope" / "r.pdf")


def test_report_and_export_commands(demo_store, paths, tmp_path, capsys):
    vid = visits.list_visits(demo_store)[0].id
    demo_store.close()
    base = ["--data-dir", str(paths.data_dir)]
    assert main([*base, "report", vid[:8], "-o", str(tmp_path / "r.pdf")]) == 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert main([*base, "export", "xlsx", "--all", "-o", str(tmp_path / "all.xlsx")]) == 0
    assert main([*base, "export", "xlsx", "--type", "领军型", "-o", str(tmp_path / "lj.xlsx")]) == 0
    assert main([*base, "export", "xlsx", "--visit", vid, "-o", str(tmp_path / "one.xlsx")]) == 0
    capsys.readouterr()
    assert main([*base, "report", "ffffffff", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "没有编号" in capsys.readouterr().err
    assert main([*base, "export", "xlsx", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert main([*base, "export", "xlsx", "--type", "领军", "-o", str(tmp_path / "x.xlsx")]) == 2
    assert main([*base, "report", vid, "-o", str(tmp_path / "missing" / "x.pdf")]) == 2
    assert "x.pdf" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists() and not (tmp_path / "x.xlsx").exists()
    assert os.path.exists(tmp_path / "one.xlsx")
