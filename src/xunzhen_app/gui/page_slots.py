"""Finding the workbench and summary pages, which are built alongside the shell.

Each is a QWidget ``Page(ctx, parent=None)`` with ``open_visit(visit_id)`` and
a ``visitChanged(str)`` signal. Until a module exists the window shows a
placeholder with the same interface, so the shell keeps working on its own.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .context import AppContext

# (module in xunzhen_app.gui, class name) in order of preference.
WORKBENCH = (("workbench_page", "WorkbenchPage"), ("workbench", "WorkbenchPage"))
SUMMARY = (("summary_page", "SummaryPage"), ("summary", "SummaryPage"))


class PlaceholderPage(QWidget):
    visitChanged = Signal(str)

    def __init__(self, ctx: AppContext, title: str, parent=None):
        super().__init__(parent)
        self.ctx, self.visit_id = ctx, ""
        self.label = QLabel(f"{title}\n\n（此页面尚在开发中）", alignment=Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(self.label)

    def open_visit(self, visit_id: str) -> None:
        self.visit_id = visit_id


def page_class(candidates):
    for module_name, class_name in candidates:
        try:
            module = importlib.import_module(f"{__package__}.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__package__}.{module_name}":
                raise  # the page exists but is broken: that is a bug to see, not hide
            continue
        cls = getattr(module, class_name, None)
        if cls is not None:
            return cls
    return None


def make_page(ctx: AppContext, candidates, title: str, parent=None) -> QWidget:
    cls = page_class(candidates)
    return cls(ctx, parent) if cls is not None else PlaceholderPage(ctx, title, parent)
