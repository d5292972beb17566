"""Big, touch-friendly level buttons that show each level's descriptor.

One button per level of the template's scale (1…N) plus 不适用 (value 0) where
the item allows it. Each button carries its number and name in bold and the
item's own descriptor for that level wrapped beneath, so the expert reads the
rubric while choosing. The widget only reports the choice (``levelChosen``);
the page decides what to store.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...core.checklist import Item, Scale

NOT_APPLICABLE = 0
_STYLE = """
QPushButton#levelButton { text-align: left; border: 1px solid #b9c3cf; border-radius: 6px; background: #f7f9fb; }
QPushButton#levelButton:hover { border-color: #4a7bb7; }
QPushButton#levelButton:checked { background: #dce9f8; border: 2px solid #2f6db5; }
QPushButton#levelButton:disabled { color: #666; }
"""


class _LevelButton(QPushButton):
    """A checkable button laid out with labels, so the descriptor can wrap."""

    def __init__(self, value: int, title: str, descriptor: str, parent=None):
        super().__init__(parent)
        self.value = value
        self.setObjectName("levelButton")
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # clicked or chosen by digit; the keys stay on rating
        self.setMinimumHeight(54)  # finger-sized on a touch screen
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(2)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.descriptor = QLabel(descriptor)
        self.descriptor.setWordWrap(True)
        for label in (self.title, self.descriptor):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setToolTip(f"{title}：{descriptor}")


def level_options(item: Item, scale: Scale) -> list[tuple[int, str, str]]:
    """The cards for one item: each level with the item's descriptor, then 不适用 if allowed."""
    options = [(lv.level, f"{lv.level}　{lv.name}", item.descriptor(lv.level, scale)) for lv in scale.levels]
    if item.may_be_not_applicable:
        options.append((NOT_APPLICABLE, f"0　{scale.not_applicable}", "本条目不适用于该企业，不参与计分"))
    return options


def keys_hint(item: Item, scale: Scale) -> str:
    """The level box's title: which keys rate this item."""
    na = f"0 为{scale.not_applicable}" if item.may_be_not_applicable else f"本条目不可标为{scale.not_applicable}"
    return f"评定等级（按 1–{scale.top} 评级并进入下一项，{na}；F1 查看快捷键）"


class LevelSelector(QWidget):
    levelChosen = Signal(int)  # 1…N, or NOT_APPLICABLE

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet(_STYLE)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(6)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)  # so "nothing chosen" can be shown
        self._group.idClicked.connect(self._clicked)
        self._buttons: dict[int, _LevelButton] = {}

    def set_levels(self, options: list[tuple[int, str, str]]) -> None:
        """options: (value, title, descriptor); laid out two per row to save height at 1366×768."""
        for button in self._buttons.values():
            self._group.removeButton(button)
            button.hide()  # gone from the screen now, not when the event loop next deletes it
            button.deleteLater()
        self._buttons.clear()
        for n, (value, title, descriptor) in enumerate(options):
            button = _LevelButton(value, title, descriptor, self)
            self._buttons[value] = button
            self._group.addButton(button, value)
            self._grid.addWidget(button, n // 2, n % 2)

    def show_item(self, item: Item, scale: Scale) -> None:
        self.set_levels(level_options(item, scale))

    def values(self) -> tuple[int, ...]:
        """The values on offer, so a key for a level the scale lacks can be ignored."""
        return tuple(self._buttons)

    def set_current(self, value: int | None) -> None:
        for v, button in self._buttons.items():
            button.setChecked(v == value)

    def current(self) -> int | None:
        return next((v for v, b in self._buttons.items() if b.isChecked()), None)

    def button(self, value: int) -> QPushButton:
        return self._buttons[value]

    def _clicked(self, value: int) -> None:
        # Keep the display on the stored value until the page confirms it.
        self.levelChosen.emit(value)
