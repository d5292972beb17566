# Generated from ui/summary_page.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'summary_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDateEdit, QFormLayout,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QListView, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTabWidget, QTableView,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SummaryPage(object):
    def setupUi(self, SummaryPage):
        if not SummaryPage.objectName():
            SummaryPage.setObjectName(u"SummaryPage")
        SummaryPage.resize(1100, 700)
        self.pageLayout = QVBoxLayout(SummaryPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(SummaryPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setTextFormat(Qt.RichText)

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.finalizeButton = QPushButton(SummaryPage)
        self.finalizeButton.setObjectName(u"finalizeButton")

        self.headerLayout.addWidget(self.finalizeButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.splitter = QSplitter(SummaryPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.scorePane = QWidget(self.splitter)
        self.scorePane.setObjectName(u"scorePane")
        self.scoreLayout = QVBoxLayout(self.scorePane)
        self.scoreLayout.setObjectName(u"scoreLayout")
        self.scoreLayout.setContentsMargins(0, 0, 0, 0)
        self.overallLabel = QLabel(self.scorePane)
        self.overallLabel.setObjectName(u"overallLabel")
        self.overallLabel.setTextFormat(Qt.RichText)
        self.overallLabel.setWordWrap(True)

        self.scoreLayout.addWidget(self.overallLabel)

        self.goalTable = QTableView(self.scorePane)
        self.goalTable.setObjectName(u"goalTable")
        self.goalTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.goalTable.setSelectionMode(QAbstractItemView.NoSelection)
        self.goalTable.setAlternatingRowColors(True)
        self.goalTable.setWordWrap(False)

        self.scoreLayout.addWidget(self.goalTable)

        self.radarRow = QHBoxLayout()
        self.radarRow.setObjectName(u"radarRow")
        self.radarHost = QWidget(self.scorePane)
        self.radarHost.setObjectName(u"radarHost")
        self.radarHost.setMinimumSize(QSize(260, 200))
        self.radarLayout = QVBoxLayout(self.radarHost)
        self.radarLayout.setObjectName(u"radarLayout")
        self.radarLayout.setContentsMargins(0, 0, 0, 0)

        self.radarRow.addWidget(self.radarHost)

        self.ruleLabel = QLabel(self.scorePane)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setMaximumSize(QSize(220, 16777215))
        self.ruleLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.ruleLabel.setWordWrap(True)

        self.radarRow.addWidget(self.ruleLabel)


        self.scoreLayout.addLayout(self.radarRow)

        self.splitter.addWidget(self.scorePane)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.summaryTab = QWidget()
        self.summaryTab.setObjectName(u"summaryTab")
        self.summaryTabLayout = QVBoxLayout(self.summaryTab)
        self.summaryTabLayout.setObjectName(u"summaryTabLayout")
        self.summaryEdit = QPlainTextEdit(self.summaryTab)
        self.summaryEdit.setObjectName(u"summaryEdit")

        self.summaryTabLayout.addWidget(self.summaryEdit)

        self.tabs.addTab(self.summaryTab, "")
        self.expertOpinionTab = QWidget()
        self.expertOpinionTab.setObjectName(u"expertOpinionTab")
        self.expertOpinionTabLayout = QVBoxLayout(self.expertOpinionTab)
        self.expertOpinionTabLayout.setObjectName(u"expertOpinionTabLayout")
        self.expertOpinionEdit = QPlainTextEdit(self.expertOpinionTab)
        self.expertOpinionEdit.setObjectName(u"expertOpinionEdit")

        self.expertOpinionTabLayout.addWidget(self.expertOpinionEdit)

        self.tabs.addTab(self.expertOpinionTab, "")
        self.reportInfoTab = QWidget()
        self.reportInfoTab.setObjectName(u"reportInfoTab")
        self.reportInfoTabLayout = QVBoxLayout(self.reportInfoTab)
        self.reportInfoTabLayout.setObjectName(u"reportInfoTabLayout")
        self.reportInfoForm = QFormLayout()
        self.reportInfoForm.setObjectName(u"reportInfoForm")
        self.reportNumberLabel = QLabel(self.reportInfoTab)
        self.reportNumberLabel.setObjectName(u"reportNumberLabel")

        self.reportInfoForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reportNumberLabel)

        self.reportNumberEdit = QLineEdit(self.reportInfoTab)
        self.reportNumberEdit.setObjectName(u"reportNumberEdit")

        self.reportInfoForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reportNumberEdit)

        self.organiserLabel = QLabel(self.reportInfoTab)
        self.organiserLabel.setObjectName(u"organiserLabel")

        self.reportInfoForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.organiserLabel)

        self.organiserEdit = QLineEdit(self.reportInfoTab)
        self.organiserEdit.setObjectName(u"organiserEdit")

        self.reportInfoForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.organiserEdit)

        self.reportDateLabel = QLabel(self.reportInfoTab)
        self.reportDateLabel.setObjectName(u"reportDateLabel")

        self.reportInfoForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reportDateLabel)

        self.reportDateEdit = QDateEdit(self.reportInfoTab)
        self.reportDateEdit.setObjectName(u"reportDateEdit")
        self.reportDateEdit.setCalendarPopup(True)
        self.reportDateEdit.setMinimumDate(QDate(2000, 1, 1))

        self.reportInfoForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reportDateEdit)


        self.reportInfoTabLayout.addLayout(self.reportInfoForm)

        self.intervieweeLabel = QLabel(self.reportInfoTab)
        self.intervieweeLabel.setObjectName(u"intervieweeLabel")

        self.reportInfoTabLayout.addWidget(self.intervieweeLabel)

        self.intervieweeTable = QTableWidget(self.reportInfoTab)
        if (self.intervieweeTable.columnCount() < 2):
            self.intervieweeTable.setColumnCount(2)
        __qtablewidgetitem = QTableWidgetItem()
        self.intervieweeTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.intervieweeTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        self.intervieweeTable.setObjectName(u"intervieweeTable")
        self.intervieweeTable.setColumnCount(2)
        self.intervieweeTable.setAlternatingRowColors(True)
        self.intervieweeTable.setSelectionBehavior(QAbstractItemView.SelectRows)

        self.reportInfoTabLayout.addWidget(self.intervieweeTable)

        self.intervieweeButtons = QHBoxLayout()
        self.intervieweeButtons.setObjectName(u"intervieweeButtons")
        self.addIntervieweeButton = QPushButton(self.reportInfoTab)
        self.addIntervieweeButton.setObjectName(u"addIntervieweeButton")

        self.intervieweeButtons.addWidget(self.addIntervieweeButton)

        self.removeIntervieweeButton = QPushButton(self.reportInfoTab)
        self.removeIntervieweeButton.setObjectName(u"removeIntervieweeButton")

        self.intervieweeButtons.addWidget(self.removeIntervieweeButton)

        self.intervieweeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.intervieweeButtons.addItem(self.intervieweeSpacer)


        self.reportInfoTabLayout.addLayout(self.intervieweeButtons)

        self.tabs.addTab(self.reportInfoTab, "")
        self.problemTab = QWidget()
        self.problemTab.setObjectName(u"problemTab")
        self.problemTabLayout = QVBoxLayout(self.problemTab)
        self.problemTabLayout.setObjectName(u"problemTabLayout")
        self.problemView = QListView(self.problemTab)
        self.problemView.setObjectName(u"problemView")
        self.problemView.setWordWrap(True)
        self.problemView.setAlternatingRowColors(True)

        self.problemTabLayout.addWidget(self.problemView)

        self.problemInputRow = QHBoxLayout()
        self.problemInputRow.setObjectName(u"problemInputRow")
        self.problemInput = QLineEdit(self.problemTab)
        self.problemInput.setObjectName(u"problemInput")

        self.problemInputRow.addWidget(self.problemInput)

        self.addProblemButton = QPushButton(self.problemTab)
        self.addProblemButton.setObjectName(u"addProblemButton")

        self.problemInputRow.addWidget(self.addProblemButton)


        self.problemTabLayout.addLayout(self.problemInputRow)

        self.problemButtons = QHBoxLayout()
        self.problemButtons.setObjectName(u"problemButtons")
        self.pickProblemsButton = QPushButton(self.problemTab)
        self.pickProblemsButton.setObjectName(u"pickProblemsButton")

        self.problemButtons.addWidget(self.pickProblemsButton)

        self.problemUpButton = QPushButton(self.problemTab)
        self.problemUpButton.setObjectName(u"problemUpButton")

        self.problemButtons.addWidget(self.problemUpButton)

        self.problemDownButton = QPushButton(self.problemTab)
        self.problemDownButton.setObjectName(u"problemDownButton")

        self.problemButtons.addWidget(self.problemDownButton)

        self.removeProblemButton = QPushButton(self.problemTab)
        self.removeProblemButton.setObjectName(u"removeProblemButton")

        self.problemButtons.addWidget(self.removeProblemButton)


        self.problemTabLayout.addLayout(self.problemButtons)

        self.tabs.addTab(self.problemTab, "")
        self.planTab = QWidget()
        self.planTab.setObjectName(u"planTab")
        self.planTabLayout = QVBoxLayout(self.planTab)
        self.planTabLayout.setObjectName(u"planTabLayout")
        self.planView = QTableView(self.planTab)
        self.planView.setObjectName(u"planView")
        self.planView.setAlternatingRowColors(True)
        self.planView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.planView.setSelectionMode(QAbstractItemView.SingleSelection)

        self.planTabLayout.addWidget(self.planView)

        self.planInputRow = QHBoxLayout()
        self.planInputRow.setObjectName(u"planInputRow")
        self.planMeasureInput = QLineEdit(self.planTab)
        self.planMeasureInput.setObjectName(u"planMeasureInput")

        self.planInputRow.addWidget(self.planMeasureInput)

        self.addPlanButton = QPushButton(self.planTab)
        self.addPlanButton.setObjectName(u"addPlanButton")

        self.planInputRow.addWidget(self.addPlanButton)


        self.planTabLayout.addLayout(self.planInputRow)

        self.planButtons = QHBoxLayout()
        self.planButtons.setObjectName(u"planButtons")
        self.planUpButton = QPushButton(self.planTab)
        self.planUpButton.setObjectName(u"planUpButton")

        self.planButtons.addWidget(self.planUpButton)

        self.planDownButton = QPushButton(self.planTab)
        self.planDownButton.setObjectName(u"planDownButton")

        self.planButtons.addWidget(self.planDownButton)

        self.removePlanButton = QPushButton(self.planTab)
        self.removePlanButton.setObjectName(u"removePlanButton")

        self.planButtons.addWidget(self.removePlanButton)


        self.planTabLayout.addLayout(self.planButtons)

        self.tabs.addTab(self.planTab, "")
        self.unratedTab = QWidget()
        self.unratedTab.setObjectName(u"unratedTab")
        self.unratedTabLayout = QVBoxLayout(self.unratedTab)
        self.unratedTabLayout.setObjectName(u"unratedTabLayout")
        self.unratedHint = QLabel(self.unratedTab)
        self.unratedHint.setObjectName(u"unratedHint")

        self.unratedTabLayout.addWidget(self.unratedHint)

        self.unratedView = QListView(self.unratedTab)
        self.unratedView.setObjectName(u"unratedView")
        self.unratedView.setEditTriggers(QAbstractItemView.NoEditTriggers)

        self.unratedTabLayout.addWidget(self.unratedView)

        self.tabs.addTab(self.unratedTab, "")
        self.splitter.addWidget(self.tabs)

        self.pageLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.reportNumberLabel.setBuddy(self.reportNumberEdit)
        self.organiserLabel.setBuddy(self.organiserEdit)
        self.reportDateLabel.setBuddy(self.reportDateEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SummaryPage)
    # setupUi

    def retranslateUi(self, SummaryPage):
        self.titleLabel.setText(QCoreApplication.translate("SummaryPage", u"\u8bc4\u4ef7\u603b\u7ed3", None))
#if QT_CONFIG(tooltip)
        self.finalizeButton.setToolTip(QCoreApplication.translate("SummaryPage", u"\u5b9a\u7a3f\u540e\u672c\u5de1\u8bca\u53ea\u8bfb\uff1b\u5982\u9700\u4fee\u6539\u987b\u201c\u91cd\u65b0\u6253\u5f00\u201d\u5e76\u8bf4\u660e\u539f\u56e0", None))
#endif // QT_CONFIG(tooltip)
        self.finalizeButton.setText(QCoreApplication.translate("SummaryPage", u"\u5b9a\u7a3f", None))
        self.overallLabel.setText("")
        self.ruleLabel.setText("")
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("SummaryPage", u"\u5bf9\u4f01\u4e1a\u8d28\u91cf\u7ba1\u7406\u6c34\u5e73\u7684\u603b\u4f53\u8bc4\u4ef7\uff08\u81ea\u52a8\u4fdd\u5b58\uff09", None))
        self.tabs.setTabText(self.tabs.indexOf(self.summaryTab), QCoreApplication.translate("SummaryPage", u"\u603b\u4f53\u8bc4\u4ef7", None))
        self.expertOpinionEdit.setPlaceholderText(QCoreApplication.translate("SummaryPage", u"\u4e13\u5bb6\u7ec4\u5bf9\u8bc4\u4ef7\u7ed3\u8bba\u548c\u57f9\u80b2\u65b9\u5411\u7684\u610f\u89c1\uff08\u81ea\u52a8\u4fdd\u5b58\uff0c\u5199\u5165\u62a5\u544a\uff09", None))
        self.tabs.setTabText(self.tabs.indexOf(self.expertOpinionTab), QCoreApplication.translate("SummaryPage", u"\u4e13\u5bb6\u7ec4\u610f\u89c1", None))
        self.reportNumberLabel.setText(QCoreApplication.translate("SummaryPage", u"\u62a5\u544a\u7f16\u53f7", None))
        self.reportNumberEdit.setPlaceholderText(QCoreApplication.translate("SummaryPage", u"\u5b9a\u7a3f\u65f6\u81ea\u52a8\u7f16\u53f7\uff0c\u5982 \u664b\u8d28\u5de1\u30142025\u3015\u592a\u539f-001", None))
        self.organiserLabel.setText(QCoreApplication.translate("SummaryPage", u"\u7ec4\u7ec7\u5355\u4f4d", None))
        self.organiserEdit.setPlaceholderText(QCoreApplication.translate("SummaryPage", u"\u843d\u6b3e\u5355\u4f4d\uff0c\u5982 \u592a\u539f\u5e02\u5e02\u573a\u76d1\u7763\u7ba1\u7406\u5c40", None))
        self.reportDateLabel.setText(QCoreApplication.translate("SummaryPage", u"\u62a5\u544a\u65e5\u671f", None))
        self.reportDateEdit.setDisplayFormat(QCoreApplication.translate("SummaryPage", u"yyyy-MM-dd", None))
        self.reportDateEdit.setSpecialValueText(QCoreApplication.translate("SummaryPage", u"\u5b9a\u7a3f\u65f6\u53d6\u5f53\u5929", None))
        self.intervieweeLabel.setText(QCoreApplication.translate("SummaryPage", u"\u8bbf\u8c08\u4eba\u5458\uff08\u59d3\u540d\u3001\u804c\u52a1\uff09", None))
        ___qtablewidgetitem = self.intervieweeTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("SummaryPage", u"\u59d3\u540d", None))
        ___qtablewidgetitem1 = self.intervieweeTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("SummaryPage", u"\u804c\u52a1", None))
        self.addIntervieweeButton.setText(QCoreApplication.translate("SummaryPage", u"\u6dfb\u52a0\u8bbf\u8c08\u4eba\u5458", None))
        self.removeIntervieweeButton.setText(QCoreApplication.translate("SummaryPage", u"\u5220\u9664\u6240\u9009", None))
        self.tabs.setTabText(self.tabs.indexOf(self.reportInfoTab), QCoreApplication.translate("SummaryPage", u"\u62a5\u544a\u4fe1\u606f", None))
        self.problemInput.setPlaceholderText(QCoreApplication.translate("SummaryPage", u"\u8f93\u5165\u4e00\u6761\u4e3b\u8981\u95ee\u9898\uff0c\u56de\u8f66\u6dfb\u52a0", None))
        self.addProblemButton.setText(QCoreApplication.translate("SummaryPage", u"\u6dfb\u52a0", None))
        self.pickProblemsButton.setText(QCoreApplication.translate("SummaryPage", u"\u4ece\u6761\u76ee\u95ee\u9898\u4e2d\u9009\u53d6\u2026", None))
        self.problemUpButton.setText(QCoreApplication.translate("SummaryPage", u"\u4e0a\u79fb", None))
        self.problemDownButton.setText(QCoreApplication.translate("SummaryPage", u"\u4e0b\u79fb", None))
        self.removeProblemButton.setText(QCoreApplication.translate("SummaryPage", u"\u5220\u9664", None))
        self.tabs.setTabText(self.tabs.indexOf(self.problemTab), QCoreApplication.translate("SummaryPage", u"\u4e3b\u8981\u95ee\u9898", None))
        self.planMeasureInput.setPlaceholderText(QCoreApplication.translate("SummaryPage", u"\u8f93\u5165\u4e00\u6761\u5e2e\u6276\u63aa\u65bd\uff0c\u56de\u8f66\u6dfb\u52a0\uff08\u5176\u4f59\u5404\u680f\u5728\u8868\u4e2d\u586b\u5199\uff09", None))
        self.addPlanButton.setText(QCoreApplication.translate("SummaryPage", u"\u6dfb\u52a0", None))
        self.planUpButton.setText(QCoreApplication.translate("SummaryPage", u"\u4e0a\u79fb", None))
        self.planDownButton.setText(QCoreApplication.translate("SummaryPage", u"\u4e0b\u79fb", None))
        self.removePlanButton.setText(QCoreApplication.translate("SummaryPage", u"\u5220\u9664", None))
        self.tabs.setTabText(self.tabs.indexOf(self.planTab), QCoreApplication.translate("SummaryPage", u"\u4e00\u4f01\u4e00\u7b56", None))
        self.unratedHint.setText(QCoreApplication.translate("SummaryPage", u"\u70b9\u51fb\u6761\u76ee\u8df3\u5230\u5de1\u8bca\u5de5\u4f5c\u53f0\u586b\u5199\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.unratedTab), QCoreApplication.translate("SummaryPage", u"\u672a\u8bc4\u9879", None))
        pass
    # retranslateUi

