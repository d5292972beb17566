# Generated from ui/report_preview.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_preview.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QDialog, QHBoxLayout, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ReportPreviewDialog(object):
    def setupUi(self, ReportPreviewDialog):
        if not ReportPreviewDialog.objectName():
            ReportPreviewDialog.setObjectName(u"ReportPreviewDialog")
        ReportPreviewDialog.resize(960, 760)
        self.mainLayout = QVBoxLayout(ReportPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.toolbar = QHBoxLayout()
        self.toolbar.setObjectName(u"toolbar")
        self.previousButton = QPushButton(ReportPreviewDialog)
        self.previousButton.setObjectName(u"previousButton")

        self.toolbar.addWidget(self.previousButton)

        self.pageLabel = QLabel(ReportPreviewDialog)
        self.pageLabel.setObjectName(u"pageLabel")
        self.pageLabel.setMinimumSize(QSize(140, 0))
        self.pageLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.toolbar.addWidget(self.pageLabel)

        self.nextButton = QPushButton(ReportPreviewDialog)
        self.nextButton.setObjectName(u"nextButton")

        self.toolbar.addWidget(self.nextButton)

        self.leftSpacer = QSpacerItem(24, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.leftSpacer)

        self.zoomOutButton = QPushButton(ReportPreviewDialog)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.toolbar.addWidget(self.zoomOutButton)

        self.zoomLabel = QLabel(ReportPreviewDialog)
        self.zoomLabel.setObjectName(u"zoomLabel")
        self.zoomLabel.setMinimumSize(QSize(56, 0))
        self.zoomLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.toolbar.addWidget(self.zoomLabel)

        self.zoomInButton = QPushButton(ReportPreviewDialog)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.toolbar.addWidget(self.zoomInButton)

        self.fitWidthButton = QPushButton(ReportPreviewDialog)
        self.fitWidthButton.setObjectName(u"fitWidthButton")
        self.fitWidthButton.setCheckable(True)
        self.fitWidthButton.setChecked(True)

        self.toolbar.addWidget(self.fitWidthButton)

        self.rightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.toolbar.addItem(self.rightSpacer)

        self.exportPdfButton = QPushButton(ReportPreviewDialog)
        self.exportPdfButton.setObjectName(u"exportPdfButton")

        self.toolbar.addWidget(self.exportPdfButton)

        self.closeButton = QPushButton(ReportPreviewDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.toolbar.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.toolbar)

        self.statusLabel = QLabel(ReportPreviewDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.scrollArea = QScrollArea(ReportPreviewDialog)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.pages = QWidget()
        self.pages.setObjectName(u"pages")
        self.pagesLayout = QVBoxLayout(self.pages)
        self.pagesLayout.setSpacing(16)
        self.pagesLayout.setObjectName(u"pagesLayout")
        self.pagesLayout.setContentsMargins(16, 16, 16, 16)
        self.scrollArea.setWidget(self.pages)

        self.mainLayout.addWidget(self.scrollArea)


        self.retranslateUi(ReportPreviewDialog)
    # setupUi

    def retranslateUi(self, ReportPreviewDialog):
        ReportPreviewDialog.setWindowTitle(QCoreApplication.translate("ReportPreviewDialog", u"\u62a5\u544a\u9884\u89c8", None))
        self.previousButton.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u4e0a\u4e00\u9875", None))
#if QT_CONFIG(tooltip)
        self.previousButton.setToolTip(QCoreApplication.translate("ReportPreviewDialog", u"\u4e0a\u4e00\u9875\uff08PageUp\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.pageLabel.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u7b2c \u2013 \u9875 / \u5171 \u2013 \u9875", None))
        self.nextButton.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u4e0b\u4e00\u9875", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("ReportPreviewDialog", u"\u4e0b\u4e00\u9875\uff08PageDown\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.zoomOutButton.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u7f29\u5c0f", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("ReportPreviewDialog", u"\u7f29\u5c0f\uff08Ctrl+-\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.zoomInButton.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u653e\u5927", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("ReportPreviewDialog", u"\u653e\u5927\uff08Ctrl++\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.fitWidthButton.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u9002\u5408\u5bbd\u5ea6", None))
        self.exportPdfButton.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u5bfc\u51faPDF\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u5173\u95ed", None))
        self.statusLabel.setText(QCoreApplication.translate("ReportPreviewDialog", u"\u6b63\u5728\u751f\u6210\u62a5\u544a\u2026", None))
        self.scrollArea.setStyleSheet(QCoreApplication.translate("ReportPreviewDialog", u"QScrollArea { background: #8a8f96; } #pages { background: #8a8f96; }", None))
    # retranslateUi

