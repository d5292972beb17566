# Generated from ui/conflict_dialog.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
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
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        ConflictDialog.resize(980, 560)
        self.dialogLayout = QVBoxLayout(ConflictDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.titleLabel = QLabel(ConflictDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.infoLabel = QLabel(ConflictDialog)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.infoLabel)

        self.fieldTable = QTableView(ConflictDialog)
        self.fieldTable.setObjectName(u"fieldTable")
        self.fieldTable.setAlternatingRowColors(True)
        self.fieldTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fieldTable.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked)
        self.fieldTable.setWordWrap(True)

        self.dialogLayout.addWidget(self.fieldTable)

        self.hintLabel = QLabel(ConflictDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.errorLabel = QLabel(ConflictDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonLayout = QHBoxLayout()
        self.buttonLayout.setObjectName(u"buttonLayout")
        self.allLocalButton = QPushButton(ConflictDialog)
        self.allLocalButton.setObjectName(u"allLocalButton")

        self.buttonLayout.addWidget(self.allLocalButton)

        self.allRemoteButton = QPushButton(ConflictDialog)
        self.allRemoteButton.setObjectName(u"allRemoteButton")

        self.buttonLayout.addWidget(self.allRemoteButton)

        self.buttonSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonLayout.addItem(self.buttonSpacer)

        self.resolveButton = QPushButton(ConflictDialog)
        self.resolveButton.setObjectName(u"resolveButton")

        self.buttonLayout.addWidget(self.resolveButton)

        self.cancelButton = QPushButton(ConflictDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonLayout.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonLayout)


        self.retranslateUi(ConflictDialog)

        self.resolveButton.setDefault(True)

    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"\u89e3\u51b3\u51b2\u7a81", None))
        self.infoLabel.setStyleSheet(QCoreApplication.translate("ConflictDialog", u"color: #5f6b77;", None))
        self.hintLabel.setText(QCoreApplication.translate("ConflictDialog", u"\u70b9\u201c\u672c\u673a\u201d\u6216\u201c\u5bfc\u5165\u201d\u4e00\u680f\u9009\u7528\u8be5\u503c\uff1b\u4e5f\u53ef\u5728\u201c\u91c7\u7528\u7684\u503c\u201d\u4e00\u680f\u53cc\u51fb\u76f4\u63a5\u4fee\u6539\u3002\u672a\u6539\u52a8\u7684\u5b57\u6bb5\u4fdd\u7559\u672c\u673a\u7684\u503c\u3002", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("ConflictDialog", u"color: #b00020; font-weight: bold;", None))
        self.allLocalButton.setText(QCoreApplication.translate("ConflictDialog", u"\u5168\u90e8\u7528\u672c\u673a", None))
        self.allRemoteButton.setText(QCoreApplication.translate("ConflictDialog", u"\u5168\u90e8\u7528\u5bfc\u5165", None))
        self.resolveButton.setText(QCoreApplication.translate("ConflictDialog", u"\u6807\u8bb0\u4e3a\u5df2\u89e3\u51b3", None))
        self.cancelButton.setText(QCoreApplication.translate("ConflictDialog", u"\u53d6\u6d88", None))
    # retranslateUi

