# Generated from ui/settings_page.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListView, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(1100, 700)
        self.columns = QHBoxLayout(SettingsPage)
        self.columns.setObjectName(u"columns")
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setObjectName(u"leftColumn")
        self.profileGroup = QGroupBox(SettingsPage)
        self.profileGroup.setObjectName(u"profileGroup")
        self.profileForm = QFormLayout(self.profileGroup)
        self.profileForm.setObjectName(u"profileForm")
        self.profileNameLabel = QLabel(self.profileGroup)
        self.profileNameLabel.setObjectName(u"profileNameLabel")

        self.profileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.profileNameLabel)

        self.profileName = QLineEdit(self.profileGroup)
        self.profileName.setObjectName(u"profileName")

        self.profileForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.profileName)

        self.profileNameError = QLabel(self.profileGroup)
        self.profileNameError.setObjectName(u"profileNameError")
        self.profileNameError.setWordWrap(True)

        self.profileForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.profileNameError)

        self.profileOrgLabel = QLabel(self.profileGroup)
        self.profileOrgLabel.setObjectName(u"profileOrgLabel")

        self.profileForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.profileOrgLabel)

        self.profileOrg = QLineEdit(self.profileGroup)
        self.profileOrg.setObjectName(u"profileOrg")

        self.profileForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.profileOrg)

        self.profileTitleLabel = QLabel(self.profileGroup)
        self.profileTitleLabel.setObjectName(u"profileTitleLabel")

        self.profileForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.profileTitleLabel)

        self.profileTitle = QLineEdit(self.profileGroup)
        self.profileTitle.setObjectName(u"profileTitle")

        self.profileForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.profileTitle)

        self.profileSpecialtyLabel = QLabel(self.profileGroup)
        self.profileSpecialtyLabel.setObjectName(u"profileSpecialtyLabel")

        self.profileForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.profileSpecialtyLabel)

        self.profileSpecialty = QLineEdit(self.profileGroup)
        self.profileSpecialty.setObjectName(u"profileSpecialty")

        self.profileForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.profileSpecialty)

        self.profilePhoneLabel = QLabel(self.profileGroup)
        self.profilePhoneLabel.setObjectName(u"profilePhoneLabel")

        self.profileForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.profilePhoneLabel)

        self.profilePhone = QLineEdit(self.profileGroup)
        self.profilePhone.setObjectName(u"profilePhone")

        self.profileForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.profilePhone)

        self.profileEmailLabel = QLabel(self.profileGroup)
        self.profileEmailLabel.setObjectName(u"profileEmailLabel")

        self.profileForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.profileEmailLabel)

        self.profileEmail = QLineEdit(self.profileGroup)
        self.profileEmail.setObjectName(u"profileEmail")

        self.profileForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.profileEmail)

        self.profileButtons = QHBoxLayout()
        self.profileButtons.setObjectName(u"profileButtons")
        self.saveProfileButton = QPushButton(self.profileGroup)
        self.saveProfileButton.setObjectName(u"saveProfileButton")

        self.profileButtons.addWidget(self.saveProfileButton)

        self.profileMessage = QLabel(self.profileGroup)
        self.profileMessage.setObjectName(u"profileMessage")
        self.profileMessage.setWordWrap(True)

        self.profileButtons.addWidget(self.profileMessage)


        self.profileForm.setLayout(7, QFormLayout.ItemRole.FieldRole, self.profileButtons)


        self.leftColumn.addWidget(self.profileGroup)

        self.dataGroup = QGroupBox(SettingsPage)
        self.dataGroup.setObjectName(u"dataGroup")
        self.dataForm = QFormLayout(self.dataGroup)
        self.dataForm.setObjectName(u"dataForm")
        self.dataDirCaption = QLabel(self.dataGroup)
        self.dataDirCaption.setObjectName(u"dataDirCaption")

        self.dataForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dataDirCaption)

        self.dataDirLabel = QLabel(self.dataGroup)
        self.dataDirLabel.setObjectName(u"dataDirLabel")
        self.dataDirLabel.setWordWrap(True)
        self.dataDirLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dataForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dataDirLabel)

        self.databaseCaption = QLabel(self.dataGroup)
        self.databaseCaption.setObjectName(u"databaseCaption")

        self.dataForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.databaseCaption)

        self.databaseLabel = QLabel(self.dataGroup)
        self.databaseLabel.setObjectName(u"databaseLabel")
        self.databaseLabel.setWordWrap(True)
        self.databaseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dataForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.databaseLabel)

        self.openDataDirButton = QPushButton(self.dataGroup)
        self.openDataDirButton.setObjectName(u"openDataDirButton")

        self.dataForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.openDataDirButton)

        self.defaultTemplateLabel = QLabel(self.dataGroup)
        self.defaultTemplateLabel.setObjectName(u"defaultTemplateLabel")

        self.dataForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.defaultTemplateLabel)

        self.defaultTemplateCombo = QComboBox(self.dataGroup)
        self.defaultTemplateCombo.setObjectName(u"defaultTemplateCombo")

        self.dataForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.defaultTemplateCombo)

        self.touchModeLabel = QLabel(self.dataGroup)
        self.touchModeLabel.setObjectName(u"touchModeLabel")

        self.dataForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.touchModeLabel)

        self.touchModeCheck = QCheckBox(self.dataGroup)
        self.touchModeCheck.setObjectName(u"touchModeCheck")

        self.dataForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.touchModeCheck)


        self.leftColumn.addWidget(self.dataGroup)

        self.leftSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columns.addLayout(self.leftColumn)

        self.backupGroup = QGroupBox(SettingsPage)
        self.backupGroup.setObjectName(u"backupGroup")
        self.backupLayout = QVBoxLayout(self.backupGroup)
        self.backupLayout.setObjectName(u"backupLayout")
        self.backupHint = QLabel(self.backupGroup)
        self.backupHint.setObjectName(u"backupHint")
        self.backupHint.setWordWrap(True)

        self.backupLayout.addWidget(self.backupHint)

        self.backupsView = QListView(self.backupGroup)
        self.backupsView.setObjectName(u"backupsView")

        self.backupLayout.addWidget(self.backupsView)

        self.backupButtons = QHBoxLayout()
        self.backupButtons.setObjectName(u"backupButtons")
        self.backupNowButton = QPushButton(self.backupGroup)
        self.backupNowButton.setObjectName(u"backupNowButton")

        self.backupButtons.addWidget(self.backupNowButton)

        self.restoreButton = QPushButton(self.backupGroup)
        self.restoreButton.setObjectName(u"restoreButton")

        self.backupButtons.addWidget(self.restoreButton)


        self.backupLayout.addLayout(self.backupButtons)

        self.backupMessage = QLabel(self.backupGroup)
        self.backupMessage.setObjectName(u"backupMessage")
        self.backupMessage.setWordWrap(True)

        self.backupLayout.addWidget(self.backupMessage)


        self.columns.addWidget(self.backupGroup)

#if QT_CONFIG(shortcut)
        self.profileNameLabel.setBuddy(self.profileName)
        self.profileOrgLabel.setBuddy(self.profileOrg)
        self.profileTitleLabel.setBuddy(self.profileTitle)
        self.profileSpecialtyLabel.setBuddy(self.profileSpecialty)
        self.profilePhoneLabel.setBuddy(self.profilePhone)
        self.profileEmailLabel.setBuddy(self.profileEmail)
        self.defaultTemplateLabel.setBuddy(self.defaultTemplateCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.profileGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u4e13\u5bb6\u4fe1\u606f\uff08\u672c\u673a\u4f7f\u7528\u8005\uff09", None))
        self.profileNameLabel.setText(QCoreApplication.translate("SettingsPage", u"\u59d3\u540d *", None))
        self.profileNameError.setStyleSheet(QCoreApplication.translate("SettingsPage", u"color: #c62828;", None))
        self.profileOrgLabel.setText(QCoreApplication.translate("SettingsPage", u"\u5355\u4f4d", None))
        self.profileTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"\u804c\u79f0", None))
        self.profileSpecialtyLabel.setText(QCoreApplication.translate("SettingsPage", u"\u4e13\u4e1a\u9886\u57df", None))
        self.profilePhoneLabel.setText(QCoreApplication.translate("SettingsPage", u"\u7535\u8bdd", None))
        self.profileEmailLabel.setText(QCoreApplication.translate("SettingsPage", u"\u7535\u5b50\u90ae\u7bb1", None))
        self.saveProfileButton.setText(QCoreApplication.translate("SettingsPage", u"\u4fdd\u5b58\u4e13\u5bb6\u4fe1\u606f", None))
        self.dataGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u6570\u636e", None))
        self.dataDirCaption.setText(QCoreApplication.translate("SettingsPage", u"\u6570\u636e\u6587\u4ef6\u5939", None))
        self.databaseCaption.setText(QCoreApplication.translate("SettingsPage", u"\u6570\u636e\u5e93", None))
        self.openDataDirButton.setText(QCoreApplication.translate("SettingsPage", u"\u6253\u5f00\u6570\u636e\u6587\u4ef6\u5939", None))
        self.defaultTemplateLabel.setText(QCoreApplication.translate("SettingsPage", u"\u9ed8\u8ba4\u68c0\u67e5\u8868", None))
        self.touchModeLabel.setText(QCoreApplication.translate("SettingsPage", u"\u754c\u9762", None))
        self.touchModeCheck.setText(QCoreApplication.translate("SettingsPage", u"\u89e6\u5c4f\u6a21\u5f0f\uff08\u653e\u5927\u884c\u3001\u590d\u9009\u6846\u3001\u6807\u7b7e\u9875\u3001\u4e0b\u62c9\u5217\u8868\u548c\u65e5\u5386\uff0c\u81f3\u5c11 40 \u50cf\u7d20\uff09", None))
        self.backupGroup.setTitle(QCoreApplication.translate("SettingsPage", u"\u5907\u4efd", None))
        self.backupHint.setText(QCoreApplication.translate("SettingsPage", u"\u6bcf\u6b21\u542f\u52a8\u65f6\u81ea\u52a8\u5907\u4efd\uff08\u6bcf 12 \u5c0f\u65f6\u81f3\u591a\u4e00\u6b21\uff0c\u4fdd\u7559\u6700\u8fd1 10 \u4efd\uff09\u3002", None))
        self.backupNowButton.setText(QCoreApplication.translate("SettingsPage", u"\u7acb\u5373\u5907\u4efd", None))
        self.restoreButton.setText(QCoreApplication.translate("SettingsPage", u"\u4ece\u5907\u4efd\u6062\u590d\u2026", None))
        pass
    # retranslateUi

