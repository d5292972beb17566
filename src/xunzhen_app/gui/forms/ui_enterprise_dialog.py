# Generated from ui/enterprise_dialog.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'enterprise_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_EnterpriseDialog(object):
    def setupUi(self, EnterpriseDialog):
        if not EnterpriseDialog.objectName():
            EnterpriseDialog.setObjectName(u"EnterpriseDialog")
        EnterpriseDialog.resize(760, 560)
        self.mainLayout = QVBoxLayout(EnterpriseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(EnterpriseDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicGrid = QGridLayout(self.basicTab)
        self.basicGrid.setObjectName(u"basicGrid")
        self.nameLabel = QLabel(self.basicTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(self.basicTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.basicGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.nameError = QLabel(self.basicTab)
        self.nameError.setObjectName(u"nameError")
        self.nameError.setWordWrap(True)

        self.basicGrid.addWidget(self.nameError, 1, 1, 1, 1)

        self.usccLabel = QLabel(self.basicTab)
        self.usccLabel.setObjectName(u"usccLabel")

        self.basicGrid.addWidget(self.usccLabel, 2, 0, 1, 1)

        self.usccEdit = QLineEdit(self.basicTab)
        self.usccEdit.setObjectName(u"usccEdit")
        self.usccEdit.setMaxLength(18)

        self.basicGrid.addWidget(self.usccEdit, 2, 1, 1, 1)

        self.usccError = QLabel(self.basicTab)
        self.usccError.setObjectName(u"usccError")
        self.usccError.setWordWrap(True)

        self.basicGrid.addWidget(self.usccError, 3, 1, 1, 1)

        self.cityLabel = QLabel(self.basicTab)
        self.cityLabel.setObjectName(u"cityLabel")

        self.basicGrid.addWidget(self.cityLabel, 4, 0, 1, 1)

        self.cityCombo = QComboBox(self.basicTab)
        self.cityCombo.setObjectName(u"cityCombo")

        self.basicGrid.addWidget(self.cityCombo, 4, 1, 1, 1)

        self.cityError = QLabel(self.basicTab)
        self.cityError.setObjectName(u"cityError")
        self.cityError.setWordWrap(True)

        self.basicGrid.addWidget(self.cityError, 5, 1, 1, 1)

        self.countyLabel = QLabel(self.basicTab)
        self.countyLabel.setObjectName(u"countyLabel")

        self.basicGrid.addWidget(self.countyLabel, 6, 0, 1, 1)

        self.countyCombo = QComboBox(self.basicTab)
        self.countyCombo.setObjectName(u"countyCombo")
        self.countyCombo.setEditable(True)

        self.basicGrid.addWidget(self.countyCombo, 6, 1, 1, 1)

        self.industryLabel = QLabel(self.basicTab)
        self.industryLabel.setObjectName(u"industryLabel")

        self.basicGrid.addWidget(self.industryLabel, 7, 0, 1, 1)

        self.industryEdit = QLineEdit(self.basicTab)
        self.industryEdit.setObjectName(u"industryEdit")

        self.basicGrid.addWidget(self.industryEdit, 7, 1, 1, 1)

        self.typeLabel = QLabel(self.basicTab)
        self.typeLabel.setObjectName(u"typeLabel")

        self.basicGrid.addWidget(self.typeLabel, 8, 0, 1, 1)

        self.typeCombo = QComboBox(self.basicTab)
        self.typeCombo.setObjectName(u"typeCombo")

        self.basicGrid.addWidget(self.typeCombo, 8, 1, 1, 1)

        self.suggestionLabel = QLabel(self.basicTab)
        self.suggestionLabel.setObjectName(u"suggestionLabel")
        self.suggestionLabel.setWordWrap(True)

        self.basicGrid.addWidget(self.suggestionLabel, 9, 1, 1, 1)

        self.typeError = QLabel(self.basicTab)
        self.typeError.setObjectName(u"typeError")
        self.typeError.setWordWrap(True)

        self.basicGrid.addWidget(self.typeError, 10, 1, 1, 1)

        self.basicSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.basicGrid.addItem(self.basicSpacer, 11, 0, 1, 2)

        self.basicGrid.setColumnStretch(1, 1)
        self.tabs.addTab(self.basicTab, "")
        self.profileTab = QWidget()
        self.profileTab.setObjectName(u"profileTab")
        self.profileGrid = QGridLayout(self.profileTab)
        self.profileGrid.setObjectName(u"profileGrid")
        self.mainProductsLabel = QLabel(self.profileTab)
        self.mainProductsLabel.setObjectName(u"mainProductsLabel")

        self.profileGrid.addWidget(self.mainProductsLabel, 0, 0, 1, 1)

        self.mainProductsEdit = QLineEdit(self.profileTab)
        self.mainProductsEdit.setObjectName(u"mainProductsEdit")

        self.profileGrid.addWidget(self.mainProductsEdit, 0, 1, 1, 1)

        self.employeesLabel = QLabel(self.profileTab)
        self.employeesLabel.setObjectName(u"employeesLabel")

        self.profileGrid.addWidget(self.employeesLabel, 1, 0, 1, 1)

        self.employeesSpin = QSpinBox(self.profileTab)
        self.employeesSpin.setObjectName(u"employeesSpin")
        self.employeesSpin.setMaximum(2000000)

        self.profileGrid.addWidget(self.employeesSpin, 1, 1, 1, 1)

        self.revenueLabel = QLabel(self.profileTab)
        self.revenueLabel.setObjectName(u"revenueLabel")

        self.profileGrid.addWidget(self.revenueLabel, 2, 0, 1, 1)

        self.revenueSpin = QSpinBox(self.profileTab)
        self.revenueSpin.setObjectName(u"revenueSpin")
        self.revenueSpin.setMaximum(2000000000)
        self.revenueSpin.setGroupSeparatorShown(True)

        self.profileGrid.addWidget(self.revenueSpin, 2, 1, 1, 1)

        self.certificationsLabel = QLabel(self.profileTab)
        self.certificationsLabel.setObjectName(u"certificationsLabel")

        self.profileGrid.addWidget(self.certificationsLabel, 3, 0, 1, 1)

        self.certificationsEdit = QLineEdit(self.profileTab)
        self.certificationsEdit.setObjectName(u"certificationsEdit")

        self.profileGrid.addWidget(self.certificationsEdit, 3, 1, 1, 1)

        self.introductionLabel = QLabel(self.profileTab)
        self.introductionLabel.setObjectName(u"introductionLabel")

        self.profileGrid.addWidget(self.introductionLabel, 4, 0, 1, 1, Qt.AlignmentFlag.AlignTop)

        self.introductionEdit = QPlainTextEdit(self.profileTab)
        self.introductionEdit.setObjectName(u"introductionEdit")

        self.profileGrid.addWidget(self.introductionEdit, 4, 1, 1, 1)

        self.profileHint = QLabel(self.profileTab)
        self.profileHint.setObjectName(u"profileHint")

        self.profileGrid.addWidget(self.profileHint, 5, 1, 1, 1)

        self.profileGrid.setColumnStretch(1, 1)
        self.tabs.addTab(self.profileTab, "")
        self.honoursTab = QWidget()
        self.honoursTab.setObjectName(u"honoursTab")
        self.honoursLayout = QVBoxLayout(self.honoursTab)
        self.honoursLayout.setObjectName(u"honoursLayout")
        self.honoursView = QListView(self.honoursTab)
        self.honoursView.setObjectName(u"honoursView")

        self.honoursLayout.addWidget(self.honoursView)

        self.honourRow1 = QHBoxLayout()
        self.honourRow1.setObjectName(u"honourRow1")
        self.honourKindCombo = QComboBox(self.honoursTab)
        self.honourKindCombo.setObjectName(u"honourKindCombo")

        self.honourRow1.addWidget(self.honourKindCombo)

        self.honourLevelCombo = QComboBox(self.honoursTab)
        self.honourLevelCombo.setObjectName(u"honourLevelCombo")

        self.honourRow1.addWidget(self.honourLevelCombo)

        self.honourYearSpin = QSpinBox(self.honoursTab)
        self.honourYearSpin.setObjectName(u"honourYearSpin")
        self.honourYearSpin.setMinimum(1990)
        self.honourYearSpin.setMaximum(2100)
        self.honourYearSpin.setValue(2025)

        self.honourRow1.addWidget(self.honourYearSpin)

        self.honourNominationCheck = QCheckBox(self.honoursTab)
        self.honourNominationCheck.setObjectName(u"honourNominationCheck")

        self.honourRow1.addWidget(self.honourNominationCheck)


        self.honoursLayout.addLayout(self.honourRow1)

        self.honourRow2 = QHBoxLayout()
        self.honourRow2.setObjectName(u"honourRow2")
        self.honourNameEdit = QLineEdit(self.honoursTab)
        self.honourNameEdit.setObjectName(u"honourNameEdit")

        self.honourRow2.addWidget(self.honourNameEdit)

        self.addHonourButton = QPushButton(self.honoursTab)
        self.addHonourButton.setObjectName(u"addHonourButton")

        self.honourRow2.addWidget(self.addHonourButton)

        self.removeHonourButton = QPushButton(self.honoursTab)
        self.removeHonourButton.setObjectName(u"removeHonourButton")

        self.honourRow2.addWidget(self.removeHonourButton)


        self.honoursLayout.addLayout(self.honourRow2)

        self.honourSuggestionLabel = QLabel(self.honoursTab)
        self.honourSuggestionLabel.setObjectName(u"honourSuggestionLabel")
        self.honourSuggestionLabel.setWordWrap(True)

        self.honoursLayout.addWidget(self.honourSuggestionLabel)

        self.tabs.addTab(self.honoursTab, "")
        self.contactsTab = QWidget()
        self.contactsTab.setObjectName(u"contactsTab")
        self.contactsLayout = QVBoxLayout(self.contactsTab)
        self.contactsLayout.setObjectName(u"contactsLayout")
        self.contactsView = QTableView(self.contactsTab)
        self.contactsView.setObjectName(u"contactsView")

        self.contactsLayout.addWidget(self.contactsView)

        self.contactButtons = QHBoxLayout()
        self.contactButtons.setObjectName(u"contactButtons")
        self.addContactButton = QPushButton(self.contactsTab)
        self.addContactButton.setObjectName(u"addContactButton")

        self.contactButtons.addWidget(self.addContactButton)

        self.removeContactButton = QPushButton(self.contactsTab)
        self.removeContactButton.setObjectName(u"removeContactButton")

        self.contactButtons.addWidget(self.removeContactButton)

        self.contactSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contactButtons.addItem(self.contactSpacer)


        self.contactsLayout.addLayout(self.contactButtons)

        self.notesLabel = QLabel(self.contactsTab)
        self.notesLabel.setObjectName(u"notesLabel")

        self.contactsLayout.addWidget(self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.contactsTab)
        self.notesEdit.setObjectName(u"notesEdit")

        self.contactsLayout.addWidget(self.notesEdit)

        self.tabs.addTab(self.contactsTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.formError = QLabel(EnterpriseDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(EnterpriseDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.usccLabel.setBuddy(self.usccEdit)
        self.cityLabel.setBuddy(self.cityCombo)
        self.countyLabel.setBuddy(self.countyCombo)
        self.industryLabel.setBuddy(self.industryEdit)
        self.typeLabel.setBuddy(self.typeCombo)
        self.mainProductsLabel.setBuddy(self.mainProductsEdit)
        self.employeesLabel.setBuddy(self.employeesSpin)
        self.revenueLabel.setBuddy(self.revenueSpin)
        self.certificationsLabel.setBuddy(self.certificationsEdit)
        self.introductionLabel.setBuddy(self.introductionEdit)
        self.notesLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.usccEdit)
        QWidget.setTabOrder(self.usccEdit, self.cityCombo)
        QWidget.setTabOrder(self.cityCombo, self.countyCombo)
        QWidget.setTabOrder(self.countyCombo, self.industryEdit)
        QWidget.setTabOrder(self.industryEdit, self.typeCombo)

        self.retranslateUi(EnterpriseDialog)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, EnterpriseDialog):
        EnterpriseDialog.setWindowTitle(QCoreApplication.translate("EnterpriseDialog", u"\u4f01\u4e1a\u4fe1\u606f", None))
        self.nameLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u4f01\u4e1a\u540d\u79f0 *", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"\u8425\u4e1a\u6267\u7167\u4e0a\u7684\u5168\u79f0", None))
        self.nameError.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #c62828;", None))
        self.usccLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.usccEdit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"18 \u4f4d\uff0c\u53ef\u6682\u4e0d\u586b\u5199", None))
        self.usccError.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #c62828;", None))
        self.cityLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u6240\u5c5e\u5730\u5e02 *", None))
        self.cityError.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #c62828;", None))
        self.countyLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u53bf\uff08\u5e02\u3001\u533a\uff09", None))
        self.industryLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u6240\u5c5e\u884c\u4e1a", None))
        self.typeLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u57f9\u80b2\u7c7b\u578b", None))
        self.suggestionLabel.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #455a64;", None))
        self.typeError.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #c62828;", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("EnterpriseDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.mainProductsLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u4e3b\u8425\u4ea7\u54c1", None))
        self.mainProductsEdit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"\u5982\uff1a\u7cbe\u5bc6\u8f74\u627f\u3001\u98ce\u7535\u9f7f\u8f6e\u7bb1", None))
        self.employeesLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u5458\u5de5\u4eba\u6570", None))
        self.employeesSpin.setSpecialValueText(QCoreApplication.translate("EnterpriseDialog", u"\u672a\u586b\u5199", None))
        self.employeesSpin.setSuffix(QCoreApplication.translate("EnterpriseDialog", u" \u4eba", None))
        self.revenueLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u4e0a\u5e74\u5ea6\u8425\u4e1a\u6536\u5165", None))
        self.revenueSpin.setSpecialValueText(QCoreApplication.translate("EnterpriseDialog", u"\u672a\u586b\u5199", None))
        self.revenueSpin.setSuffix(QCoreApplication.translate("EnterpriseDialog", u" \u4e07\u5143", None))
        self.certificationsLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u8ba4\u8bc1\u60c5\u51b5", None))
        self.certificationsEdit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"\u5982\uff1aISO 9001\u3001ISO 14001\u3001IATF 16949", None))
        self.introductionLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u4f01\u4e1a\u7b80\u4ecb", None))
        self.introductionEdit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"\u6210\u7acb\u65f6\u95f4\u3001\u4e3b\u8981\u4e1a\u52a1\u4e0e\u5e02\u573a\u5730\u4f4d\u7b49\uff0c\u5199\u5165\u62a5\u544a\u7684\u201c\u4f01\u4e1a\u57fa\u672c\u60c5\u51b5\u201d", None))
        self.profileHint.setText(QCoreApplication.translate("EnterpriseDialog", u"\u4e3b\u8981\u8363\u8a89\u5728\u201c\u8363\u8a89\u8d44\u8d28\u201d\u9875\u586b\u5199\u3002", None))
        self.profileHint.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #455a64;", None))
        self.tabs.setTabText(self.tabs.indexOf(self.profileTab), QCoreApplication.translate("EnterpriseDialog", u"\u4f01\u4e1a\u6982\u51b5", None))
        self.honourYearSpin.setSuffix(QCoreApplication.translate("EnterpriseDialog", u" \u5e74", None))
        self.honourNominationCheck.setText(QCoreApplication.translate("EnterpriseDialog", u"\u63d0\u540d\u5956", None))
        self.honourNameEdit.setPlaceholderText(QCoreApplication.translate("EnterpriseDialog", u"\u8363\u8a89\u540d\u79f0\uff0c\u5982\u201c\u5c71\u897f\u7701\u8d28\u91cf\u5956\u201d", None))
        self.addHonourButton.setText(QCoreApplication.translate("EnterpriseDialog", u"\u6dfb\u52a0\u8363\u8a89", None))
        self.removeHonourButton.setText(QCoreApplication.translate("EnterpriseDialog", u"\u5220\u9664\u6240\u9009", None))
        self.honourSuggestionLabel.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #455a64;", None))
        self.tabs.setTabText(self.tabs.indexOf(self.honoursTab), QCoreApplication.translate("EnterpriseDialog", u"\u8363\u8a89\u8d44\u8d28", None))
        self.addContactButton.setText(QCoreApplication.translate("EnterpriseDialog", u"\u6dfb\u52a0\u8054\u7cfb\u4eba", None))
        self.removeContactButton.setText(QCoreApplication.translate("EnterpriseDialog", u"\u5220\u9664\u6240\u9009", None))
        self.notesLabel.setText(QCoreApplication.translate("EnterpriseDialog", u"\u5907\u6ce8", None))
        self.tabs.setTabText(self.tabs.indexOf(self.contactsTab), QCoreApplication.translate("EnterpriseDialog", u"\u8054\u7cfb\u4eba\u4e0e\u5907\u6ce8", None))
        self.formError.setStyleSheet(QCoreApplication.translate("EnterpriseDialog", u"color: #c62828;", None))
    # retranslateUi

