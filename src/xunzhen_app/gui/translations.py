"""Qt's own widgets in Chinese: standard buttons, calendars, file dialogs, context menus.

- ``QLocale.setDefault(zh_CN)`` before any widget exists: QCalendarWidget and
  QDateEdit take month and day names from the locale ("十二月", "周一"), not
  from the system's, which on a test machine or an English Windows is English.
- Qt ships its translations (``qtbase_zh_CN.qm``) beside its libraries, also
  inside the frozen app; they give "确定", "取消", "查找范围", "撤消(&U)".
- File dialogs are Qt's own (``AA_DontUseNativeDialogs``): those translations
  cover them on every system, where a native dialog speaks the OS language
  and a Linux desktop without a platform theme shows a dialog we cannot check.
- A few strings changed in Qt 6 after its Chinese file was last updated
  ("&Look in:" was "Look in:"); ``QT_GAPS`` fills them, the walk over every
  page and dialog in the tests finds any new one.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Script.SimplifiedHanScript, QLocale.Country.China)


QT_GAPS = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    # The type column of the file dialog's detail view ("xlsx File", "Folder").
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QAbstractFileIconProvider", "Alias"): "替身",
    ("QAbstractFileIconProvider", "Unknown"): "未知",
}


class _QtGaps(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):
        # None, not "": an empty string is a translation, and would blank every other text.
        return QT_GAPS.get((context, source))

    def isEmpty(self) -> bool:
        return False


def set_chinese_defaults() -> None:
    """Before the QApplication exists: the locale and Qt's own (translatable) dialogs."""
    QLocale.setDefault(CHINESE)
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)


def install_qt_chinese(app: QApplication) -> bool:
    set_chinese_defaults()
    if app.property("xunzhen_qt_chinese"):  # make_application may run more than once (tests)
        return True
    translator = QTranslator(app)
    if not translator.load(CHINESE, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False  # an odd Qt build without translations: English buttons, nothing worse
    app.installTranslator(translator)
    app.installTranslator(_QtGaps(app))
    app.setProperty("xunzhen_qt_chinese", True)
    return True
