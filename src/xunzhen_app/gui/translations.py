"""Qt's own texts in Chinese: the standard buttons (确定, 取消, 是, 否) and file dialogs.

Qt ships its translations beside its libraries (also inside the frozen app);
without them a Chinese message box would still offer "OK" and "Cancel".
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

CHINESE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def install_qt_chinese(app: QApplication) -> bool:
    if app.property("xunzhen_qt_chinese"):  # make_application may run more than once (tests)
        return True
    translator = QTranslator(app)
    if not translator.load(CHINESE, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False  # an odd Qt build without translations: English buttons, nothing worse
    app.installTranslator(translator)
    app.setProperty("xunzhen_qt_chinese", True)
    return True
