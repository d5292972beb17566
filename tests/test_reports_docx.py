"""The editable Word report, read back with python-docx and, where LibreOffice is installed, converted."""

from __future__ import annotations

import re
import shutil
import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from xunzhen_app.cli import main
from xunzhen_app.core.domain import Stage, VisitStatus
from xunzhen_app.services import reports, visits
from xunzhen_app.services.reports.document import Heading, Photo, Radar, Table, Together


def _visit(store, stage: str, status: str):
    return next(v for v in visits.list_visits(store) if v.stage == stage and v.status == status)


@pytest.fixture
def follow_up(demo_store, tmp_path):
    row = _visit(demo_store, Stage.FOLLOW_UP, VisitStatus.FINALIZED)
    path = tmp_path / "报告.docx"
    assert main(["--data-dir", str(demo_store.paths.data_dir), "report", row.id[:8], "-o", str(path)]) == 0
    return row, path, reports.visit_document(demo_store, row.id)


def _flatten(blocks):
    for b in blocks:
        yield from (_flatten(b.blocks) if isinstance(b, Together) else (b,))


def test_word_report_has_the_pdfs_structure_in_word_heading_styles(follow_up):
    row, path, model = follow_up
    document = docx.Document(str(path))
    headings = [(int(p.style.name[-1]), p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    expected = [(b.level, b.text) for b in _flatten(model.blocks) if isinstance(b, Heading)]
    assert headings == expected and headings[0] == (1, "一、企业基本情况")
    text = "\n".join(p.text for p in document.paragraphs)
    assert "培育跟踪报告" in text and row.enterprise in text and "与上次巡诊对比" in text  # a 培育跟踪's own report
    # one Word table per model table, header rows marked to repeat on each page
    tables = [b for b in _flatten(model.blocks) if isinstance(b, Table)]
    assert len(document.tables) == len(tables) + 1  # and the cover's
    for table, expected_table in zip(document.tables[1:], tables):
        assert len(table.rows) == len(expected_table.rows)
        header = table.rows[0]._tr.find(qn("w:trPr"))
        assert (header is not None and header.find(qn("w:tblHeader")) is not None) == bool(expected_table.header_rows)
    first = document.tables[1]
    assert [c.text for c in first.rows[0].cells] == [c.text for c in tables[0].rows[0]]
    # the radar and every photo as pictures
    pictures = [b for b in model.blocks if isinstance(b, Radar | Photo)]
    assert len(document.inline_shapes) == len(pictures) >= 1


def test_styles_name_the_faces_word_and_wps_users_have_and_the_footer_numbers_pages(follow_up):
    _, path, _ = follow_up
    document = docx.Document(str(path))

    def east_asia(style: str) -> str:
        return document.styles[style].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))

    assert [east_asia(s) for s in ("Normal", "Heading 1", "Heading 2", "Title")] == ["仿宋", "黑体", "楷体", "黑体"]
    assert document.styles["Normal"].font.size.pt >= 12 and document.styles["表格文字"].font.size.pt >= 10.5
    section = document.sections[0]
    assert section.different_first_page_header_footer  # no header or page number on the cover
    assert round(section.page_width.mm) == 210 and round(section.left_margin.mm) == 28
    instructions = [e.text.strip() for e in section.footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"] and "共" in section.footer.paragraphs[0].text


def test_a_draft_says_so_in_the_header_and_a_bad_extension_is_refused(demo_store, tmp_path, capsys):
    draft = _visit(demo_store, Stage.INITIAL, VisitStatus.DRAFT)
    written = reports.write_visit_docx(demo_store, draft.id, tmp_path / "草稿.docx")
    assert "草稿" in docx.Document(str(written.path)).sections[0].header.paragraphs[0].text
    base = ["--data-dir", str(demo_store.paths.data_dir)]
    assert main([*base, "report", draft.id, "-o", str(tmp_path / "r.doc")]) == 2
    assert ".docx" in capsys.readouterr().err and not (tmp_path / "r.doc").exists()


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")),
                    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)")
def test_libreoffice_opens_and_converts_the_word_report(follow_up, tmp_path):
    row, path, model = follow_up
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   check=True, capture_output=True, timeout=300)
    reader = PdfReader(tmp_path / "报告.pdf")
    # pypdf cannot map the Chinese glyphs of LibreOffice's substitute fonts back
    # to text, so the checks read the Latin parts: the report number's digits on the
    # cover (晋质巡〔2025〕晋城-002 → 2025-002), and the page fields computed in the last page's footer.
    def latin(text: str) -> str:
        return re.sub(r"[^\x00-\x7f]", "", text)

    number = latin(dict(model.cover.fields)["报告编号"])
    assert len(reader.pages) >= 5 and len(number) >= 6 and number in latin(reader.pages[0].extract_text())
    footer = reader.pages[-1].extract_text().splitlines()[-1]
    assert re.findall(r"\d+", footer) == [str(len(reader.pages))] * 2
