"""Report pages as pixels (preview) and all of a batch's PDFs in one zip."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader

from xunzhen_app.core.errors import UserError
from xunzhen_app.services import reports, visits
from xunzhen_app.services.reports.preview import PdfPages


@pytest.fixture
def report(demo_store):
    row = visits.list_visits(demo_store)[0]
    data, pages = reports.render_visit_pdf_bytes(demo_store, row.id)
    return row, data, pages


def test_preview_has_the_reports_pages_at_the_asked_width(report):
    _, data, pages = report
    doc = PdfPages(data)
    try:
        assert len(doc) == pages == len(PdfReader(io.BytesIO(data)).pages)
        width, height = doc.sizes[0]
        assert height / width == pytest.approx(297 / 210, rel=0.01)  # A4 portrait
        image = doc.render(0, 600)
        assert image.width == 600
        assert image.height == pytest.approx(600 * 297 / 210, abs=2)
        assert len(image.data) == image.stride * image.height
        assert len(set(image.data[::97])) > 2  # ink on white, not a blank page
        with pytest.raises(UserError, match=f"共 {pages} 页"):
            doc.render(pages, 600)
    finally:
        doc.close()


def test_preview_of_something_that_is_not_a_pdf_is_a_chinese_error():
    with pytest.raises(UserError, match="无法打开报告 PDF"):
        PdfPages(b"not a pdf")


def test_zip_holds_one_named_pdf_per_visit(demo_store, tmp_path):
    rows = visits.list_visits(demo_store)[:3]
    out = tmp_path / "out"
    out.mkdir()
    calls = []
    result = reports.export_pdf_zip(demo_store, [r.id for r in rows], out / "报告.zip",
                                    lambda done, total: calls.append((done, total)) or True)
    assert not result.cancelled and not result.failed and result.out_dir == out
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    with zipfile.ZipFile(out / "报告.zip") as archive:
        assert archive.namelist() == [reports.report_filename(r) for r in rows]
        for row, member in zip(rows, result.written):
            data = archive.read(str(member.path))
            assert len(data) == member.size
            text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages[:2])
            assert row.enterprise in text.replace("\n", "")
    assert [p.name for p in out.iterdir()] == ["报告.zip"]  # no temporary file left behind


def test_cancelled_zip_leaves_no_zip_and_keeps_an_older_one(demo_store, tmp_path):
    ids = [r.id for r in visits.list_visits(demo_store)[:4]]
    out = tmp_path / "out"
    out.mkdir()
    target = out / "报告.zip"
    target.write_bytes(b"older")
    result = reports.export_pdf_zip(demo_store, ids, target, lambda done, total: done < 2)
    assert result.cancelled and result.written == ()
    assert target.read_bytes() == b"older"
    assert [p.name for p in out.iterdir()] == ["报告.zip"]


def test_zip_records_a_failed_visit_and_goes_on(demo_store, tmp_path):
    good = visits.list_visits(demo_store)[0]
    result = reports.export_pdf_zip(demo_store, ["no-such-visit", good.id], tmp_path / "r.zip")
    assert [vid for vid, _ in result.failed] == ["no-such-visit"]
    assert "no-such-visit" in result.failed[0][1]
    assert zipfile.ZipFile(tmp_path / "r.zip").namelist() == [reports.report_filename(good)]


def test_zip_into_a_folder_that_does_not_exist_names_the_file(demo_store, tmp_path):
    good = visits.list_visits(demo_store)[0]
    target = tmp_path / "nowhere" / "r.zip"
    with pytest.raises(UserError, match="无法写入文件.*r.zip"):
        reports.export_pdf_zip(demo_store, [good.id], target)


def test_cli_report_of_several_visits_writes_a_zip(demo_store, tmp_path, capsys):
    from xunzhen_app.cli import main

    ids = [r.id[:8] for r in visits.list_visits(demo_store)[:2]]
    demo_store.close()  # the command opens the same data folder itself
    data_dir = str(demo_store.paths.data_dir)
    assert main(["--data-dir", data_dir, "report", *ids, "-o", str(tmp_path / "r.zip")]) == 0
    assert "2 份报告" in capsys.readouterr().out
    assert len(zipfile.ZipFile(tmp_path / "r.zip").namelist()) == 2
    assert main(["--data-dir", data_dir, "report", *ids, "-o", str(tmp_path / "r.pdf")]) == 2
    assert "扩展名应为 .zip" in capsys.readouterr().err
