# Generated from ui/new_visit_dialog.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_visit_dialog.ui'
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
    QDateEdit, QDialog, QDialogButtonBox, QFrame,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit,
    QListView, QPushButton, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_NewVisitDialog(object):
    def setupUi(self, NewVisitDialog):
        if not NewVisitDialog.objectName():
            NewVisitDialog.setObjectName(u"NewVisitDialog")
        NewVisitDialog.resize(760, 600)
        self.mainLayout = QVBoxLayout(NewVisitDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.enterpriseLabel = QLabel(NewVisitDialog)
        self.enterpriseLabel.setObjectName(u"enterpriseLabel")

        self.grid.addWidget(self.enterpriseLabel, 0, 0, 1, 1)

        self.enterpriseCombo = QComboBox(NewVisitDialog)
        self.enterpriseCombo.setObjectName(u"enterpriseCombo")

        self.grid.addWidget(self.enterpriseCombo, 0, 1, 1, 1)

        self.datesLabel = QLabel(NewVisitDialog)
        self.datesLabel.setObjectName(u"datesLabel")

        self.grid.addWidget(self.datesLabel, 1, 0, 1, 1)

        self.datesRow = QHBoxLayout()
        self.datesRow.setObjectName(u"datesRow")
        self.startDate = QDateEdit(NewVisitDialog)
        self.startDate.setObjectName(u"startDate")
        self.startDate.setCalendarPopup(True)

        self.datesRow.addWidget(self.startDate)

        self.toLabel = QLabel(NewVisitDialog)
        self.toLabel.setObjectName(u"toLabel")

        self.datesRow.addWidget(self.toLabel)

        self.endDate = QDateEdit(NewVisitDialog)
        self.endDate.setObjectName(u"endDate")
        self.endDate.setCalendarPopup(True)

        self.datesRow.addWidget(self.endDate)

        self.datesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.datesRow.addItem(self.datesSpacer)


        self.grid.addLayout(self.datesRow, 1, 1, 1, 1)

        self.datesError = QLabel(NewVisitDialog)
        self.datesError.setObjectName(u"datesError")
        self.datesError.setWordWrap(True)

        self.grid.addWidget(self.datesError, 2, 1, 1, 1)

        self.stageLabel = QLabel(NewVisitDialog)
        self.stageLabel.setObjectName(u"stageLabel")

        self.grid.addWidget(self.stageLabel, 3, 0, 1, 1)

        self.stageColumn = QVBoxLayout()
        self.stageColumn.setObjectName(u"stageColumn")
        self.stageCombo = QComboBox(NewVisitDialog)
        self.stageCombo.setObjectName(u"stageCombo")

        self.stageColumn.addWidget(self.stageCombo)

        self.stageWarning = QFrame(NewVisitDialog)
        self.stageWarning.setObjectName(u"stageWarning")
        self.stageWarningRow = QHBoxLayout(self.stageWarning)
        self.stageWarningRow.setObjectName(u"stageWarningRow")
        self.stageWarningLabel = QLabel(self.stageWarning)
        self.stageWarningLabel.setObjectName(u"stageWarningLabel")
        self.stageWarningLabel.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.stageWarningLabel.sizePolicy().hasHeightForWidth())
        self.stageWarningLabel.setSizePolicy(sizePolicy)

        self.stageWarningRow.addWidget(self.stageWarningLabel)

        self.followUpButton = QPushButton(self.stageWarning)
        self.followUpButton.setObjectName(u"followUpButton")

        self.stageWarningRow.addWidget(self.followUpButton)


        self.stageColumn.addWidget(self.stageWarning)


        self.grid.addLayout(self.stageColumn, 3, 1, 1, 1)

        self.previousLabel = QLabel(NewVisitDialog)
        self.previousLabel.setObjectName(u"previousLabel")

        self.grid.addWidget(self.previousLabel, 4, 0, 1, 1)

        self.previousRow = QHBoxLayout()
        self.previousRow.setObjectName(u"previousRow")
        self.previousCombo = QComboBox(NewVisitDialog)
        self.previousCombo.setObjectName(u"previousCombo")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(1)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.previousCombo.sizePolicy().hasHeightForWidth())
        self.previousCombo.setSizePolicy(sizePolicy1)

        self.previousRow.addWidget(self.previousCombo)

        self.copyPreviousCheck = QCheckBox(NewVisitDialog)
        self.copyPreviousCheck.setObjectName(u"copyPreviousCheck")
        self.copyPreviousCheck.setChecked(True)

        self.previousRow.addWidget(self.copyPreviousCheck)


        self.grid.addLayout(self.previousRow, 4, 1, 1, 1)

        self.templateLabel = QLabel(NewVisitDialog)
        self.templateLabel.setObjectName(u"templateLabel")

        self.grid.addWidget(self.templateLabel, 5, 0, 1, 1)

        self.templateCombo = QComboBox(NewVisitDialog)
        self.templateCombo.setObjectName(u"templateCombo")

        self.grid.addWidget(self.templateCombo, 5, 1, 1, 1)

        self.methodsLabel = QLabel(NewVisitDialog)
        self.methodsLabel.setObjectName(u"methodsLabel")

        self.grid.addWidget(self.methodsLabel, 6, 0, 1, 1)

        self.methodsRow = QHBoxLayout()
        self.methodsRow.setObjectName(u"methodsRow")
        self.methodDocuments = QCheckBox(NewVisitDialog)
        self.methodDocuments.setObjectName(u"methodDocuments")
        self.methodDocuments.setChecked(True)

        self.methodsRow.addWidget(self.methodDocuments)

        self.methodSite = QCheckBox(NewVisitDialog)
        self.methodSite.setObjectName(u"methodSite")
        self.methodSite.setChecked(True)

        self.methodsRow.addWidget(self.methodSite)

        self.methodInterview = QCheckBox(NewVisitDialog)
        self.methodInterview.setObjectName(u"methodInterview")
        self.methodInterview.setChecked(True)

        self.methodsRow.addWidget(self.methodInterview)

        self.methodsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.methodsRow.addItem(self.methodsSpacer)


        self.grid.addLayout(self.methodsRow, 6, 1, 1, 1)

        self.methodsError = QLabel(NewVisitDialog)
        self.methodsError.setObjectName(u"methodsError")
        self.methodsError.setWordWrap(True)

        self.grid.addWidget(self.methodsError, 7, 1, 1, 1)

        self.teamLabel = QLabel(NewVisitDialog)
        self.teamLabel.setObjectName(u"teamLabel")
        self.teamLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.grid.addWidget(self.teamLabel, 8, 0, 1, 1)

        self.teamColumn = QVBoxLayout()
        self.teamColumn.setObjectName(u"teamColumn")
        self.teamView = QListView(NewVisitDialog)
        self.teamView.setObjectName(u"teamView")

        self.teamColumn.addWidget(self.teamView)

        self.newExpertRow = QHBoxLayout()
        self.newExpertRow.setObjectName(u"newExpertRow")
        self.newExpertName = QLineEdit(NewVisitDialog)
        self.newExpertName.setObjectName(u"newExpertName")

        self.newExpertRow.addWidget(self.newExpertName)

        self.newExpertOrg = QLineEdit(NewVisitDialog)
        self.newExpertOrg.setObjectName(u"newExpertOrg")

        self.newExpertRow.addWidget(self.newExpertOrg)

        self.addExpertButton = QPushButton(NewVisitDialog)
        self.addExpertButton.setObjectName(u"addExpertButton")

        self.newExpertRow.addWidget(self.addExpertButton)


        self.teamColumn.addLayout(self.newExpertRow)

        self.teamError = QLabel(NewVisitDialog)
        self.teamError.setObjectName(u"teamError")
        self.teamError.setWordWrap(True)

        self.teamColumn.addWidget(self.teamError)


        self.grid.addLayout(self.teamColumn, 8, 1, 1, 1)

        self.grid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.grid)

        self.formError = QLabel(NewVisitDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.buttonBox = QDialogButtonBox(NewVisitDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.enterpriseLabel.setBuddy(self.enterpriseCombo)
        self.datesLabel.setBuddy(self.startDate)
        self.stageLabel.setBuddy(self.stageCombo)
        self.previousLabel.setBuddy(self.previousCombo)
        self.templateLabel.setBuddy(self.templateCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewVisitDialog)
    # setupUi

    def retranslateUi(self, NewVisitDialog):
        NewVisitDialog.setWindowTitle(QCoreApplication.translate("NewVisitDialog", u"\u65b0\u5efa\u5de1\u8bca", None))
        self.enterpriseLabel.setText(QCoreApplication.translate("NewVisitDialog", u"\u4f01\u4e1a *", None))
        self.datesLabel.setText(QCoreApplication.translate("NewVisitDialog", u"\u5de1\u8bca\u65e5\u671f", None))
        self.startDate.setDisplayFormat(QCoreApplication.translate("NewVisitDialog", u"yyyy-MM-dd", None))
        self.toLabel.setText(QCoreApplication.translate("NewVisitDialog", u"\u81f3", None))
        self.endDate.setDisplayFormat(QCoreApplication.translate("NewVisitDialog", u"yyyy-MM-dd", None))
        self.datesError.setStyleSheet(QCoreApplication.translate("NewVisitDialog", u"color: #c62828;", None))
        self.stageLabel.setText(QCoreApplication.translate("NewVisitDialog", u"\u5de1\u8bca\u9636\u6bb5", None))
        self.stageWarning.setStyleSheet(QCoreApplication.translate("NewVisitDialog", u"#stageWarning { background: #fff4d6; border: 1px solid #e0b94f; border-radius: 4px; }", None))
        self.followUpButton.setText(QCoreApplication.translate("NewVisitDialog", u"\u6539\u4e3a\u57f9\u80b2\u8ddf\u8e2a", None))
        self.previousLabel.setText(QCoreApplication.translate("NewVisitDialog", u"\u4e0a\u4e00\u6b21\u5de1\u8bca", None))
        self.copyPreviousCheck.setText(QCoreApplication.translate("NewVisitDialog", u"\u4ee5\u4e0a\u6b21\u7684\u8bc4\u4ef7\u4e3a\u8d77\u70b9", None))
        self.templateLabel.setText(QCoreApplication.translate("NewVisitDialog", u"\u68c0\u67e5\u8868\u6a21\u677f", None))
        self.methodsLabel.setText(QCoreApplication.translate("NewVisitDialog", u"\u5de1\u8bca\u65b9\u5f0f", None))
        self.methodDocuments.setText(QCoreApplication.translate("NewVisitDialog", u"\u8d44\u6599\u6536\u96c6", None))
        self.methodSite.setText(QCoreApplication.translate("NewVisitDialog", u"\u5b9e\u5730\u8c03\u7814", None))
        self.methodInterview.setText(QCoreApplication.translate("NewVisitDialog", u"\u6df1\u5ea6\u8bbf\u8c08", None))
        self.methodsError.setStyleSheet(QCoreApplication.translate("NewVisitDialog", u"color: #c62828;", None))
        self.teamLabel.setText(QCoreApplication.translate("NewVisitDialog", u"\u4e13\u5bb6\u7ec4", None))
#if QT_CONFIG(tooltip)
        self.teamView.setToolTip(QCoreApplication.translate("NewVisitDialog", u"\u52fe\u9009\u53c2\u52a0\u672c\u6b21\u5de1\u8bca\u7684\u4e13\u5bb6\uff1b\u7b2c\u4e00\u4f4d\u4e3a\u7ec4\u957f", None))
#endif // QT_CONFIG(tooltip)
        self.newExpertName.setPlaceholderText(QCoreApplication.translate("NewVisitDialog", u"\u65b0\u4e13\u5bb6\u59d3\u540d", None))
        self.newExpertOrg.setPlaceholderText(QCoreApplication.translate("NewVisitDialog", u"\u5355\u4f4d", None))
        self.addExpertButton.setText(QCoreApplication.translate("NewVisitDialog", u"\u6dfb\u52a0\u4e13\u5bb6", None))
        self.teamError.setStyleSheet(QCoreApplication.translate("NewVisitDialog", u"color: #c62828;", None))
        self.formError.setStyleSheet(QCoreApplication.translate("NewVisitDialog", u"color: #c62828;", None))
    # retranslateUi

