"""What the report says, read from its document model (the PDF and the Word file both render it)."""

from __future__ import annotations

from xunzhen_app.core.domain import Stage, VisitStatus
from xunzhen_app.services import reports, visits
from xunzhen_app.services.reports.document import Heading, Para


def _section(document, title: str) -> list[str]:
    """The paragraphs' texts of the numbered section whose title ends with ``title``."""
    out, inside = [], False
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            inside = block.text.endswith(title)
        elif inside and isinstance(block, Para):
            out.append(block.text)
    return out


def test_a_failed_veto_check_comes_first_in_the_summary_and_the_problems(demo_store):
    row = next(v for v in visits.list_visits(demo_store) if v.status == VisitStatus.DRAFT)
    detail = visits.get_visit(demo_store, row.id)
    veto = next(i for i in detail.template.items() if i.check is not None)
    visits.rate_item(demo_store, row.id, veto.code, check_passed=False)
    document = reports.visit_document(demo_store, row.id)
    summary = _section(document, "质量成熟度评价")
    assert summary[0].startswith("否决项未通过 1 项") and summary[1].startswith("总体成熟度等级")
    assert veto.code in summary[0]
    problems = _section(document, "主要问题与堵点")
    assert problems[0].startswith("1. 否决项未通过") and veto.code in problems[0]
    assert all(not p.startswith("1.") for p in problems[1:])


def test_strengths_section_and_one_bracket_per_figure(demo_store):
    row = next(v for v in visits.list_visits(demo_store)
               if v.stage == Stage.FOLLOW_UP and v.status == VisitStatus.FINALIZED)
    document = reports.visit_document(demo_store, row.id)
    headings = [b.text for b in document.blocks if isinstance(b, Heading) and b.level == 1]
    assert headings.index("四、亮点与优势") == headings.index("三、质量成熟度评价") + 1
    assert _section(document, "亮点与优势")
    texts = "".join(b.text for b in document.blocks if isinstance(b, Para))
    assert "）（" not in texts  # never "2.7（暂定）（基础级）"
    organiser, issued = document.cover.issuer
    assert organiser and issued.endswith("日")
