"""The report of a team visit (issue 16), read back from the PDF (pypdf) and the Word file
(python-docx): the team with who assessed which goals, the 合议记录, and the 专家组意见 signed by all."""

from __future__ import annotations

import io

import pytest
from docx import Document
from pypdf import PdfReader
from team_helpers import cli, make_team, receive

from xunzhen_app.services import visits
from xunzhen_app.services.reports import render_visit_pdf_bytes, write_visit_docx


@pytest.fixture(scope="module")
def team_visit(tmp_path_factory):
    t = make_team(tmp_path_factory.mktemp("team"))
    receive(t.wang, t.package(t.lead))
    assert cli(t.wang, "visit", "rate", t.visit_id, "1.1.1", "5", "--evidence", "抽查记录")[0] == 0
    receive(t.lead, t.package(t.wang))
    assert cli(t.lead, "visit", "rate", t.visit_id, "1.1.1", "4", "--consensus", "--note", "按现场记录取四级")[0] == 0
    visits.set_visit_field(t.lead.store, t.visit_id, "expert_opinion", "专家组一致认为企业质量管理基础扎实。")
    return t


def _squash(text: str) -> str:
    return "".join(text.split())


def test_the_pdf_lists_the_team_its_duties_and_the_consensus(team_visit):
    pdf, _pages = render_visit_pdf_bytes(team_visit.lead.store, team_visit.visit_id)
    text = _squash("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages))
    assert "专家组分工" in text
    assert "李审核" in text and "目标4质量能力卓越、5质量人才" in text
    assert "目标5质量人才；条目1.1.1" in text
    assert "合议记录" in text and "张测试3；王质量5" in text and "按现场记录取四级" in text
    assert "专家组成员签字：张测试（组长）" in text and "王质量（成员）" in text
    assert "4先进级（合议）" in text  # the item counts with the consensus


def test_the_word_report_carries_the_same(team_visit, tmp_path):
    path = tmp_path / "报告.docx"
    write_visit_docx(team_visit.lead.store, team_visit.visit_id, path)
    doc = Document(str(path))
    paras = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("专家组分工" in p for p in paras) and any("合议记录" in p for p in paras)
    assert "张测试 3；王质量 5" in cells and "按现场记录取四级" in cells
    signed = paras.index("专家组成员签字：")
    assert [p.split("（")[0] for p in paras[signed + 1:signed + 4]] == ["张测试", "李审核", "王质量"]
