"""The 成效总结报告 over a real chain 前期 → 培育跟踪 → 成效总结: its conclusion names the 亮点 and the items
that rose from the 前期 baseline, and the running header of every page names the report (成效总结报告,
培育跟踪报告), in the PDF (read back with pypdf) and in Word (python-docx)."""

from __future__ import annotations

import re
from datetime import date

import docx
import pytest
from pypdf import PdfReader

from xunzhen_app.services import reports, visits
from xunzhen_app.services.dto import EnterpriseInput
from xunzhen_app.services.enterprises import create_enterprise


def _follow(store, previous, on):
    return visits.create_visit(store, visits.NewVisit(enterprise_id="", stage="", start_date=on,
                                                      previous_visit_id=previous, copy_previous=True)).id


@pytest.fixture
def chain(store):
    e = create_enterprise(store, EnterpriseInput(name="晋阳机械有限公司", city="太原市", cultivation_type="领军型"))
    initial = visits.create_visit(store, visits.NewVisit(enterprise_id=e.id, start_date=date(2025, 5, 20))).id
    visits.rate_item(store, initial, "1.1.1", level=2)
    visits.rate_item(store, initial, "2.1.1", level=3)
    visits.finalize(store, initial)
    track = _follow(store, initial, date(2025, 9, 10))
    visits.rate_item(store, track, "1.1.1", level=3)
    visits.finalize(store, track)
    summary = _follow(store, track, date(2025, 12, 8))
    visits.rate_item(store, summary, "1.1.1", level=4, texts={"strength": "质量目标逐级分解到班组并按月考核。"})
    visits.rate_item(store, summary, "2.1.1", level=3, texts={"strength": "建成全流程质量追溯系统"})
    return initial, track, summary


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_conclusion_names_the_highlights_and_the_rise_from_the_baseline(store, chain, tmp_path):
    _, _, summary = chain
    written = reports.write_visit_pdf(store, summary, tmp_path / "成效.pdf")
    pages = [_squash(p.extract_text() or "") for p in PdfReader(written.path).pages]
    text = "".join(pages)
    conclusion = text[text.index("成效总结与前期巡诊"):] if "成效总结与前期巡诊" in text else text
    assert "主要亮点：质量目标逐级分解到班组并按月考核（条目1.1.1）；建成全流程质量追溯系统（条目2.1.1）。" in conclusion
    assert re.search(r"提升明显的条目：条目1\.1\.1（[^）]+）由2级提升至4级，共1项。", conclusion)
    assert "条目2.1.1" not in conclusion.split("提升明显的条目：")[1].split("主要亮点")[0]  # 3 → 3 is no rise
    # Every page after the cover is headed with the report's own name (drawn last, so read last).
    assert all(p.endswith(f"晋阳机械有限公司成效总结报告第{n}页共{len(pages)}页草稿") for n, p in enumerate(pages[1:], 2))

    word = docx.Document(str(reports.write_visit_docx(store, summary, tmp_path / "成效.docx").path))
    header = "".join(p.text for p in word.sections[0].header.paragraphs)
    assert header.endswith("\t成效总结报告") and "晋阳机械有限公司" in header
    body = "\n".join(p.text for p in word.paragraphs)
    assert "主要亮点：质量目标逐级分解到班组并按月考核（条目 1.1.1）；建成全流程质量追溯系统（条目 2.1.1）。" in body


def test_each_stage_names_its_report(store, chain, tmp_path):
    initial, track, _ = chain
    for vid, name in ((initial, "质量巡诊报告"), (track, "培育跟踪报告")):
        word = docx.Document(str(reports.write_visit_docx(store, vid, tmp_path / f"{name}.docx").path))
        assert "".join(p.text for p in word.sections[0].header.paragraphs).endswith(f"\t{name}")
        pages = [_squash(p.extract_text() or "") for p in
                 PdfReader(reports.write_visit_pdf(store, vid, tmp_path / f"{name}.pdf").path).pages]
        assert pages[0].startswith(name)  # the cover's title
        assert f"晋阳机械有限公司{name}第2页" in pages[1]
    conclusion_free = "".join(pages)
    assert "主要亮点" not in conclusion_free  # only a 成效总结 has the conclusion
