"""The 质量巡诊报告 PDF, read back with pypdf: text, embedded font, watermark, comparison, photos."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from xunzhen_app.core.domain import Stage, VisitStatus
from xunzhen_app.core.scoring import display_index, display_level
from xunzhen_app.services import reports, visits


def _squash(text: str) -> str:
    # pypdf puts line breaks where table cells wrap; compare without whitespace.
    return re.sub(r"\s+", "", text)


def _visit(store, stage: str, status: str):
    return next(v for v in visits.list_visits(store) if v.stage == stage and v.status == status)


def _pages(path) -> list[str]:
    return [_squash(p.extract_text() or "") for p in PdfReader(path).pages]


@pytest.fixture
def finalized_initial(demo_store, tmp_path):
    row = _visit(demo_store, Stage.INITIAL, VisitStatus.FINALIZED)
    written = reports.write_visit_pdf(demo_store, row.id, tmp_path / "report.pdf")
    return row, written


def test_report_holds_enterprise_every_goal_and_the_scores(demo_store, finalized_initial):
    row, written = finalized_initial
    detail = visits.get_visit(demo_store, row.id)
    text = "".join(_pages(written.path))
    assert written.pages == len(PdfReader(written.path).pages) >= 5
    for needle in ("质量巡诊报告", detail.enterprise.name, detail.enterprise.uscc, detail.enterprise.city,
                   detail.report_number, "一、企业基本情况", "三、质量成熟度评价", "（一）总体评价", "逐项评价明细",
                   "一企一策", "签字确认", f"第2页共{written.pages}页", f"第{written.pages}页共{written.pages}页"):
        assert _squash(needle) in text, needle
    for goal in detail.result.goals:
        assert _squash(goal.title) in text
        assert display_level(goal.score) in text
    assert display_index(detail.result.overall) in text
    for item in detail.template.items():
        assert item.code in text


def test_cover_is_one_page_with_the_issuer_and_the_body_never_shows_a_dash_for_an_empty_field(
        demo_store, finalized_initial):
    row, written = finalized_initial
    detail = visits.get_visit(demo_store, row.id)
    pages = _pages(written.path)
    # the issuer: the visit's 组织单位 (the city's bureau unless changed) and the report date
    assert _squash(detail.template.source)[:20] in pages[0] and _squash(detail.organiser) in pages[0]
    assert f"{detail.report_date.year}年{detail.report_date.month}月{detail.report_date.day}日" in pages[0]
    assert pages[1].startswith("一、企业基本情况")  # the decoration is drawn after the page body
    assert "第1页" not in pages[0]
    body = "".join(pages[1:])
    assert "佐证材料—" not in body and "问题—" not in body and "改进建议—" not in body


def _fonts(reader: PdfReader) -> dict[str, bool]:
    """Every font any page or form references: its name and whether it carries a FontFile2."""
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            found[str(font["/BaseFont"])] = descriptor is not None and "/FontFile2" in descriptor.get_object()
    return found


def test_every_font_is_an_embedded_truetype_subset_in_the_official_faces(finalized_initial):
    _, written = finalized_initial
    fonts = _fonts(PdfReader(written.path))
    assert all(fonts.values()), fonts
    assert not any(name in ("/Helvetica", "/Times-Roman") for name in fonts)
    assert all(re.match(r"^/[A-Z]{6}\+", name) for name in fonts)  # subsets
    faces = {name.split("+", 1)[1] for name in fonts}
    # 宋体 body, 楷体 second-level headings, 黑体 first-level headings
    assert {"BousungEG-Light-GB", "GBZenKai-Medium", "WenQuanYiMicroHei-0"} <= faces
    if shutil.which("pdffonts"):
        out = subprocess.run(["pdffonts", str(written.path)], capture_output=True, text=True, check=True).stdout
        rows = out.splitlines()[2:]
        assert rows and all(" yes yes yes " in line for line in rows), out


def test_draft_watermark_on_every_page_of_a_draft_only(demo_store, finalized_initial, tmp_path):
    _, final = finalized_initial
    assert not any("草稿" in page for page in _pages(final.path))
    draft = _visit(demo_store, Stage.INITIAL, VisitStatus.DRAFT)
    written = reports.write_visit_pdf(demo_store, draft.id, tmp_path / "draft.pdf")
    assert all("草稿" in page for page in _pages(written.path))
    assert "暂定" in "".join(_pages(written.path))  # demo drafts leave items unrated


def test_follow_up_compares_with_the_previous_visit(demo_store, finalized_initial, tmp_path):
    _, initial = finalized_initial
    assert "与上次巡诊对比" not in "".join(_pages(initial.path))
    row = _visit(demo_store, Stage.FOLLOW_UP, VisitStatus.FINALIZED)
    before = visits.previous_visit(demo_store, row.id)
    written = reports.write_visit_pdf(demo_store, row.id, tmp_path / "follow-up.pdf")
    text = "".join(_pages(written.path))
    assert "与上次巡诊对比" in text and f"上次（{before.row.start_date}）" in text
    for goal in before.result.goals:
        assert display_level(goal.score) in text


def test_large_photos_are_scaled_and_compressed(demo_store, tmp_path):
    from PIL import Image

    row = _visit(demo_store, Stage.INITIAL, VisitStatus.DRAFT)  # a finalized visit takes no new photos
    buffer = io.BytesIO()
    Image.effect_noise((2400, 1600), 60).convert("RGB").save(buffer, "PNG")  # several MB of incompressible pixels
    assert len(buffer.getvalue()) > 3_000_000
    for n in range(2):
        visits.add_attachment_bytes(demo_store, row.id, f"现场照片{n}.png", buffer.getvalue() + bytes([n]),
                                    None, f"车间现场{n}")
    written = reports.write_visit_pdf(demo_store, row.id, tmp_path / "photos.pdf")
    assert written.size < 2_500_000
    text = "".join(_pages(written.path))
    assert "车间现场0" in text and "车间现场1" in text


def test_batch_export_writes_one_pdf_per_visit_and_stops_when_cancelled(demo_store, tmp_path):
    ids = [v.id for v in visits.list_visits(demo_store)][:3]
    seen = []
    result = reports.batch_export_pdfs(demo_store, ids, tmp_path / "batch", lambda done, total: seen.append(done) or done < 2)
    assert result.cancelled and len(result.written) == 2 and seen == [0, 1, 2]
    assert sorted(p.name for p in (tmp_path / "batch").iterdir()) == sorted(w.path.name for w in result.written)
    done = reports.batch_export_pdfs(demo_store, ids[:1], tmp_path / "batch2")
    assert not done.cancelled and len(done.written) == 1 and done.written[0].path.suffix == ".pdf"
