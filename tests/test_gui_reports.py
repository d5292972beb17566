"""Report preview and exports as a user meets them: pages on screen, files on disk, the closing message."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui_helpers import make_ctx, settle
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from xunzhen_app.gui import report_export
from xunzhen_app.gui.long_task import LongTaskDialog
from xunzhen_app.gui.report_actions import ReportActions
from xunzhen_app.gui.report_export import export_pdfs, export_visit_pdf, export_visit_workbook, export_workbook
from xunzhen_app.gui.report_preview import ReportPreviewDialog
from xunzhen_app.services import reports, visits
from xunzhen_app.services.reports import ExportSelection


@pytest.fixture
def ctx(demo_store, tmp_path):
    return make_ctx(demo_store, tmp_path)


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def opened_folders(monkeypatch):
    opened = []
    monkeypatch.setattr(report_export, "open_folder", opened.append)
    return opened


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "导出"
    folder.mkdir()
    return folder


def _rows(ctx):
    return visits.list_visits(ctx.store)


def _message(qtbot, parent) -> QMessageBox:
    qtbot.waitUntil(lambda: parent.findChildren(QMessageBox) != [], timeout=30000)
    return parent.findChildren(QMessageBox)[-1]


def _click_open_folder(box: QMessageBox) -> None:
    button = next(b for b in box.buttons() if b.text() == "打开文件夹")
    button.click()


def _text(pdf: Path) -> str:
    reader = PdfReader(pdf)
    return "".join((p.extract_text() or "") for p in reader.pages[:2]).replace("\n", "")


def _distinct_colours(label) -> int:
    image = label.pixmap().toImage()
    return len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)})


# -- preview ------------------------------------------------------------------


def test_preview_shows_as_many_pages_as_the_pdf_and_renders_what_is_in_view(qtbot, ctx):
    row = _rows(ctx)[0]
    _, pages = reports.render_visit_pdf_bytes(ctx.store, row.id)
    dialog = ReportPreviewDialog(ctx, row.id)
    qtbot.addWidget(dialog)
    dialog.resize(1000, 720)
    with qtbot.waitSignal(dialog.page_rendered, timeout=30000):
        dialog.show()
        settle(qtbot, ctx)
    assert dialog.page_count == pages > 1
    assert dialog.ui.pageLabel.text() == f"第 1 页 / 共 {pages} 页"
    assert not dialog.ui.previousButton.isEnabled() and dialog.ui.nextButton.isEnabled()
    first = dialog.page_label(0)
    assert _distinct_colours(first) > 2  # text and the red 草稿 mark on white
    assert first.width() <= dialog.ui.scrollArea.viewport().width()  # fits the width: no sideways scrolling
    assert dialog.page_label(pages - 1).pixmap().isNull()  # far pages wait until scrolled to

    width = first.width()
    qtbot.mouseClick(dialog.ui.zoomInButton, Qt.MouseButton.LeftButton)
    assert first.width() > width and not dialog.ui.fitWidthButton.isChecked()
    qtbot.mouseClick(dialog.ui.fitWidthButton, Qt.MouseButton.LeftButton)
    assert first.width() == width

    qtbot.mouseClick(dialog.ui.nextButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.pageLabel.text() == f"第 2 页 / 共 {pages} 页"
    dialog.go_to_page(pages - 1)
    assert dialog.ui.pageLabel.text() == f"第 {pages} 页 / 共 {pages} 页"
    qtbot.waitUntil(lambda: not dialog.page_label(pages - 1).pixmap().isNull(), timeout=30000)
    dialog.close()
    settle(qtbot, ctx)


def test_report_actions_wait_for_a_visit_then_open_the_preview(qtbot, ctx):
    row = _rows(ctx)[0]
    actions = ReportActions(ctx)
    qtbot.addWidget(actions)
    buttons = actions.buttons()
    assert [b.text() for b in buttons] == ["预览报告", "导出PDF…", "导出Word…", "导出Excel…"]
    assert not any(b.isEnabled() for b in buttons)
    actions.set_visit(row.id)
    assert all(b.isEnabled() for b in buttons)
    qtbot.mouseClick(actions.preview_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreviewDialog) and w.isVisible())
    with qtbot.waitSignal(dialog.opened, timeout=30000):
        settle(qtbot, ctx)
    assert dialog.isVisible() and dialog.visit_id == row.id
    dialog.close()
    settle(qtbot, ctx)
    actions.set_visit(None)
    assert not actions.pdf_button.isEnabled()


# -- single files -------------------------------------------------------------


def test_export_pdf_writes_the_report_and_opens_its_folder(qtbot, ctx, parent, out, opened_folders):
    row = _rows(ctx)[0]
    export_visit_pdf(ctx, parent, row.id, out / "报告.pdf")
    settle(qtbot, ctx)
    box = _message(qtbot, parent)
    assert str(out / "报告.pdf") in box.text()
    assert row.enterprise in _text(out / "报告.pdf")
    _click_open_folder(box)
    assert opened_folders == [out]


def test_word_button_saves_an_editable_report_under_the_default_name(qtbot, ctx, parent, out, monkeypatch):
    import docx

    row = _rows(ctx)[0]
    asked = []

    def pick(_parent, _title, proposed, file_filter):
        asked.append((Path(proposed).name, file_filter))
        return str(out / Path(proposed).name), file_filter

    monkeypatch.setattr("xunzhen_app.gui.report_export.QFileDialog.getSaveFileName", pick)
    actions = ReportActions(ctx, parent)
    actions.set_visit(row.id)
    qtbot.mouseClick(actions.word_button, Qt.MouseButton.LeftButton)
    settle(qtbot, ctx)  # the default name, then the file
    settle(qtbot, ctx)
    box = _message(qtbot, actions)
    (name, file_filter), = asked
    assert name.endswith(".docx") and row.enterprise in name and "*.docx" in file_filter
    assert str(out / name) in box.text()
    text = "\n".join(p.text for p in docx.Document(str(out / name)).paragraphs)
    title = {"成效总结": "成效总结报告", "培育跟踪": "培育跟踪报告"}.get(row.stage, "质量巡诊报告")  # each stage's report
    assert title in text and "一、企业基本情况" in text


def test_visit_workbook_export_reads_back(qtbot, ctx, parent, out, opened_folders):
    row = _rows(ctx)[0]
    export_visit_workbook(ctx, parent, row.id, out / "明细.xlsx")
    settle(qtbot, ctx)
    assert "本次巡诊明细" in _message(qtbot, parent).text()
    values = {c.value for ws in load_workbook(out / "明细.xlsx") for r in ws.iter_rows() for c in r}
    assert row.enterprise in values


def test_summary_workbook_export_reads_back(qtbot, ctx, parent, out):
    rows = [r for r in _rows(ctx) if r.city == "太原市"]
    export_workbook(ctx, parent, ExportSelection(city="太原市"), out / "汇总.xlsx")
    settle(qtbot, ctx)
    assert "家企业" in _message(qtbot, parent).text()
    values = {c.value for ws in load_workbook(out / "汇总.xlsx") for r in ws.iter_rows() for c in r}
    assert rows and {r.enterprise for r in rows} <= values


def test_writing_under_a_regular_file_shows_a_chinese_error_naming_the_path(qtbot, ctx, parent, out):
    blocker = out / "不是文件夹.txt"
    blocker.write_text("x")
    target = blocker / "报告.pdf"
    export_visit_pdf(ctx, parent, _rows(ctx)[0].id, target)
    settle(qtbot, ctx)
    box = _message(qtbot, parent)
    assert box.icon() == QMessageBox.Icon.Warning
    assert "无法写入文件" in box.text() and str(target) in box.text()
    assert "路径中有一段是文件" in box.text()  # the reason in Chinese, not the OS's English
    assert not any(b.text() == "打开文件夹" for b in box.buttons())


# -- batches ------------------------------------------------------------------


def test_batch_export_writes_one_pdf_per_visit_and_counts_them(qtbot, ctx, parent, out, opened_folders):
    rows = _rows(ctx)[:3]
    export_pdfs(ctx, parent, [r.id for r in rows] + ["no-such-visit"], out)
    settle(qtbot, ctx)
    box = _message(qtbot, parent)
    assert sorted(p.name for p in out.iterdir()) == sorted(reports.report_filename(r) for r in rows)
    assert "已导出 3 份报告" in box.text() and "1 份未能生成" in box.text()
    assert "no-such-" in box.detailedText() and "没有编号" in box.detailedText()
    _click_open_folder(box)
    assert opened_folders == [out]


def test_batch_export_as_zip_offers_the_zips_folder(qtbot, ctx, parent, out, opened_folders):
    import zipfile

    rows = _rows(ctx)[:2]
    export_pdfs(ctx, parent, [r.id for r in rows], out / "报告.zip", as_zip=True)
    settle(qtbot, ctx)
    box = _message(qtbot, parent)
    assert "已导出 2 份报告" in box.text()
    assert len(zipfile.ZipFile(out / "报告.zip").namelist()) == 2
    _click_open_folder(box)
    assert opened_folders == [out]


def _cancel_after_first(qtbot, parent) -> None:
    dialog = parent.findChild(LongTaskDialog)
    qtbot.waitUntil(lambda: dialog.value() >= 1, timeout=30000)
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("as_zip", [False, True], ids=["folder", "zip"])
def test_cancel_stops_a_batch_early(qtbot, ctx, parent, out, as_zip):
    ids = [r.id for r in _rows(ctx)]
    target = out / "报告.zip" if as_zip else out
    export_pdfs(ctx, parent, ids, target, as_zip=as_zip)
    _cancel_after_first(qtbot, parent)
    box = _message(qtbot, parent)
    assert "已取消" in box.text()
    written = list(out.iterdir())
    if as_zip:
        assert written == [] and "未生成压缩包" in box.text()
        assert not any(b.text() == "打开文件夹" for b in box.buttons())
    else:
        assert 1 <= len(written) < len(ids)
        assert f"{len(written)} 份报告保留" in box.text()


def test_batch_into_a_folder_under_a_regular_file_names_it(qtbot, ctx, parent, out):
    blocker = out / "文件"
    blocker.write_text("x")
    export_pdfs(ctx, parent, [_rows(ctx)[0].id], blocker / "报告")
    settle(qtbot, ctx)
    box = _message(qtbot, parent)
    assert "无法创建文件夹" in box.text() and str(blocker / "报告") in box.text()
    assert "同名文件已存在" in box.text() or "路径中有一段是文件" in box.text()


def test_batch_of_nothing_says_so(qtbot, ctx, parent, out):
    export_pdfs(ctx, parent, [], out)
    assert "没有选中任何巡诊" in _message(qtbot, parent).text()
