# Generated from ui/first_run_dialog.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'first_run_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_FirstRunDialog(object):
    def setupUi(self, FirstRunDialog):
        if not FirstRunDialog.objectName():
            FirstRunDialog.setObjectName(u"FirstRunDialog")
        FirstRunDialog.resize(520, 300)
        self.mainLayout = QVBoxLayout(FirstRunDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(FirstRunDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(FirstRunDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(FirstRunDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.orgLabel = QLabel(FirstRunDialog)
        self.orgLabel.setObjectName(u"orgLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.orgLabel)

        self.orgEdit = QLineEdit(FirstRunDialog)
        self.orgEdit.setObjectName(u"orgEdit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.orgEdit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(FirstRunDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(FirstRunDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.orgLabel.setBuddy(self.orgEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FirstRunDialog)
    # setupUi

    def retranslateUi(self, FirstRunDialog):
        FirstRunDialog.setWindowTitle(QCoreApplication.translate("FirstRunDialog", u"\u6b22\u8fce\u4f7f\u7528\u5de1\u8bca", None))
        self.introLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u8bf7\u5148\u586b\u5199\u60a8\u7684\u59d3\u540d\u548c\u5355\u4f4d\u3002\u5b83\u4eec\u4f1a\u7f72\u5728\u60a8\u7684\u4fee\u6539\u8bb0\u5f55\u3001\u5de1\u8bca\u62a5\u544a\u548c\u4ea4\u7ed9\u5e02\u5c40\u7684\u6570\u636e\u5305\uff08\u5bc6\u94a5\u5361\uff09\u4e0a\uff0c\u4ee5\u540e\u53ef\u5728\u201c\u8bbe\u7f6e\u201d\u4e2d\u4fee\u6539\u3002", None))
        self.nameLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u4e13\u5bb6\u59d3\u540d *(&N)", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u5982\uff1a\u5f20\u660e", None))
        self.orgLabel.setText(QCoreApplication.translate("FirstRunDialog", u"\u5355\u4f4d(&O)", None))
        self.orgEdit.setPlaceholderText(QCoreApplication.translate("FirstRunDialog", u"\u5982\uff1a\u5c71\u897f\u7701\u8d28\u91cf\u6280\u672f\u4e13\u5bb6\u5e93", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("FirstRunDialog", u"color: #c62828;", None))
    # retranslateUi

