"""快捷键 (F1): the keyboard contract, as the README states it.

The table is the one place the GUI lists its keys; the workbench implements
them (see its module docstring) and the tests drive them.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("巡诊工作台：评级（光标不在文本框时）", (
        ("1 … N", "评定当前条目的等级（N 为模板的级数，通常为 5），并进入下一条目"),
        ("0", "不适用，并进入下一条目"),
        ("P / F", "有否决项检查的条目：通过 / 未通过（先按 P 或 F，再按等级数字）"),
        ("PgDn、→", "下一条目"),
        ("PgUp、←", "上一条目"),
        ("F3", "下一个未评条目"),
        ("↑ / ↓", "在左侧清单中移动；培育目标、主要举措行只显示其得分，数字键不评级"),
        ("回车", "在培育目标或主要举措行上：打开其第一个条目"),
    )),
    ("巡诊工作台：文字记录", (
        ("Alt+E", "光标进入“核查记录”"),
        ("Alt+W", "光标进入“问题”"),
        ("Alt+J", "光标进入“改进建议”"),
        ("Alt+L", "光标进入“亮点”"),
        ("Tab / Shift+Tab", "在文本框之间移动"),
        ("Esc", "离开文本框，按键重新用于评级"),
        ("PgDn / PgUp", "在文本框中也可换到下一 / 上一条目（光标随之离开文本框）"),
    )),
    ("全部页面", (
        ("Ctrl+Z / Ctrl+Y", "撤销 / 重做"),
        ("Ctrl+1 … Ctrl+5", "企业库、巡诊工作台、评价总结、汇总台、设置"),
        ("Ctrl+N", "新建巡诊（预选当前打开巡诊的企业）"),
        ("F1", "本快捷键说明"),
        ("Ctrl+Q", "保存全部输入后退出"),
    )),
)


def keys_html() -> str:
    parts = []
    for section, rows in KEYS:
        parts.append(f"<h3>{html.escape(section)}</h3><table cellspacing=0 cellpadding=4>")
        parts.extend(f"<tr><td style='padding-right:18px'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                     for k, v in rows)
        parts.append("</table>")
    parts.append("<p>输入的文字随打随存（至少每秒一次），离开文本框、换条目、换页面或退出时也会保存。</p>")
    return "".join(parts)


class KeyboardHelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("快捷键")
        layout = QVBoxLayout(self)
        self.label = QLabel(keys_html(), textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.label)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 600)
