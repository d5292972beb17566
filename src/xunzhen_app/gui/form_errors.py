"""Showing service validation messages next to the fields they concern."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class FieldErrors:
    """Maps service field names to the error labels of a compiled form.

    Messages for fields without a label of their own go to ``general``, so no
    message is ever dropped.
    """

    def __init__(self, labels: dict[str, QLabel], general: QLabel):
        self.labels, self.general = labels, general
        self.clear()

    def clear(self) -> None:
        for label in (*self.labels.values(), self.general):
            label.clear()
            label.hide()

    def show(self, problems: dict[str, str]) -> None:
        self.clear()
        rest = []
        for name, message in problems.items():
            label = self.labels.get(name)
            if label is None:
                rest.append(message)
            else:
                self.set(name, message)
        if rest:
            self.general.setText("；".join(rest))
            self.general.show()

    def set(self, name: str, message: str | None) -> None:
        label = self.labels[name]
        label.setText(message or "")
        label.setVisible(bool(message))

    def has_errors(self) -> bool:
        return any(lbl.text() for lbl in (*self.labels.values(), self.general))
