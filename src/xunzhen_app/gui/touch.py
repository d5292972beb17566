"""触屏模式: finger-sized rows, checkboxes, tabs, combo popups and calendar cells (≥ 40 px).

A preference (``设置``), on by default when the system reports a touch screen.
It is one application style sheet, so every page and dialog — including Qt's
own combo popups and calendars — follows without knowing about it. Combo
popups are list views there (``combobox-popup: 0``): the menu-style popup
ignores item heights. A
calendar stretches its cells over its own size, so it is given room for
8 × 7 cells (week numbers, the day-name row and six weeks). Read-only
figures (评价总结's goal table) are no touch target and keep their height.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QInputDevice
from PySide6.QtWidgets import QApplication

TOUCH_KEY = "ui/touch_mode"
TARGET = 40  # px: the smallest touch target
CALENDAR_CELL = 44
TOUCH_STYLE = f"""
QAbstractItemView::item {{ min-height: {TARGET}px; }}
QAbstractItemView::indicator, QCheckBox::indicator, QRadioButton::indicator {{ width: 28px; height: 28px; }}
QCheckBox, QRadioButton {{ min-height: {TARGET}px; }}
QTabBar::tab {{ min-height: {TARGET}px; min-width: 64px; padding: 0 14px; }}
QComboBox, QLineEdit, QDateEdit, QSpinBox, QPushButton, QToolButton {{ min-height: {TARGET}px; }}
QComboBox {{ combobox-popup: 0; }}
QComboBox QAbstractItemView::item {{ min-height: {TARGET}px; }}
QTableView#goalTable::item {{ min-height: 0px; }}
QCalendarWidget {{ min-width: {8 * CALENDAR_CELL}px; min-height: {7 * CALENDAR_CELL + 2 * TARGET}px; }}
QScrollBar:vertical {{ width: 22px; }}
QScrollBar:horizontal {{ height: 22px; }}
"""


def touch_screen_present() -> bool:
    return any(d.type() == QInputDevice.DeviceType.TouchScreen for d in QInputDevice.devices())


def touch_preferred(settings: QSettings) -> bool:
    """The user's choice, else whether a touch screen is present."""
    value = settings.value(TOUCH_KEY)
    if value is None:
        return touch_screen_present()
    return str(value).lower() in ("true", "1")


def apply_touch_mode(enabled: bool, app: QApplication | None = None) -> None:
    app = app or QApplication.instance()
    app.setStyleSheet(TOUCH_STYLE if enabled else "")
    app.setProperty("xunzhen_touch_mode", enabled)


def touch_mode_on(app: QApplication | None = None) -> bool:
    return bool((app or QApplication.instance()).property("xunzhen_touch_mode"))
