# Generated from ui/package_import_dialog.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'package_import_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPlainTextEdit, QPushButton,
    QSizePolicy, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_PackageImportDialog(object):
    def setupUi(self, PackageImportDialog):
        if not PackageImportDialog.objectName():
            PackageImportDialog.setObjectName(u"PackageImportDialog")
        PackageImportDialog.resize(1000, 580)
        self.dialogLayout = QVBoxLayout(PackageImportDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.summaryLabel = QLabel(PackageImportDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.splitter = QSplitter(PackageImportDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.previewTable = QTableView(self.splitter)
        self.previewTable.setObjectName(u"previewTable")
        self.previewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewTable.setAlternatingRowColors(True)
        self.previewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.previewTable.setWordWrap(False)
        self.splitter.addWidget(self.previewTable)
        self.detailText = QPlainTextEdit(self.splitter)
        self.detailText.setObjectName(u"detailText")
        self.detailText.setReadOnly(True)
        self.splitter.addWidget(self.detailText)

        self.dialogLayout.addWidget(self.splitter)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.noteLabel = QLabel(PackageImportDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)

        self.buttonLayout.addWidget(self.noteLabel)

        self.importButton = QPushButton(PackageImportDialog)
        self.importButton.setObjectName(u"importButton")

        self.buttonLayout.addWidget(self.importButton)

        self.cancelButton = QPushButton(PackageImportDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)

        self.buttonLayout.setStretch(0, 1)

        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(PackageImportDialog)

        self.importButton.setDefault(True)

    # setupUi

    def retranslateUi(self, PackageImportDialog):
        PackageImportDialog.setWindowTitle(QCoreApplication.translate("PackageImportDialog", u"\u5bfc\u5165\u6570\u636e\u5305 \u2014 \u9884\u89c8", None))
        self.detailText.setPlaceholderText(QCoreApplication.translate("PackageImportDialog", u"\u9009\u4e2d\u4e00\u4e2a\u6570\u636e\u5305\uff0c\u67e5\u770b\u5b83\u7684\u51b2\u7a81\u4e0e\u62d2\u6536\u539f\u56e0", None))
        self.noteLabel.setStyleSheet(QCoreApplication.translate("PackageImportDialog", u"color: #5f6b77;", None))
        self.noteLabel.setText(QCoreApplication.translate("PackageImportDialog", u"\u9884\u89c8\u672a\u5199\u5165\u6570\u636e\u5e93\u3002\u6bcf\u4e2a\u6570\u636e\u5305\u5355\u72ec\u5bfc\u5165\uff1a\u4e00\u4e2a\u88ab\u62d2\u6536\u4e0d\u5f71\u54cd\u5176\u4ed6\u6570\u636e\u5305\u3002", None))
        self.importButton.setText(QCoreApplication.translate("PackageImportDialog", u"\u5bfc\u5165", None))
        self.cancelButton.setText(QCoreApplication.translate("PackageImportDialog", u"\u53d6\u6d88", None))
    # retranslateUi

