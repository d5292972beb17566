# Generated from ui/bureau_page.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'bureau_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_BureauPage(object):
    def setupUi(self, BureauPage):
        if not BureauPage.objectName():
            BureauPage.setObjectName(u"BureauPage")
        BureauPage.resize(1230, 700)
        BureauPage.setAcceptDrops(True)
        self.pageLayout = QVBoxLayout(BureauPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.importFilesButton = QPushButton(BureauPage)
        self.importFilesButton.setObjectName(u"importFilesButton")

        self.actionsLayout.addWidget(self.importFilesButton)

        self.importFolderButton = QPushButton(BureauPage)
        self.importFolderButton.setObjectName(u"importFolderButton")

        self.actionsLayout.addWidget(self.importFolderButton)

        self.dropHint = QLabel(BureauPage)
        self.dropHint.setObjectName(u"dropHint")
        self.dropHint.setWordWrap(True)

        self.actionsLayout.addWidget(self.dropHint)

        self.actionsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.exportWorkbookButton = QPushButton(BureauPage)
        self.exportWorkbookButton.setObjectName(u"exportWorkbookButton")

        self.actionsLayout.addWidget(self.exportWorkbookButton)

        self.exportPdfsButton = QPushButton(BureauPage)
        self.exportPdfsButton.setObjectName(u"exportPdfsButton")

        self.actionsLayout.addWidget(self.exportPdfsButton)


        self.pageLayout.addLayout(self.actionsLayout)

        self.syncLayout = QHBoxLayout()
        self.syncLayout.setObjectName(u"syncLayout")
        self.syncFolderCaption = QLabel(BureauPage)
        self.syncFolderCaption.setObjectName(u"syncFolderCaption")

        self.syncLayout.addWidget(self.syncFolderCaption)

        self.syncFolderEdit = QLineEdit(BureauPage)
        self.syncFolderEdit.setObjectName(u"syncFolderEdit")

        self.syncLayout.addWidget(self.syncFolderEdit)

        self.chooseSyncFolderButton = QPushButton(BureauPage)
        self.chooseSyncFolderButton.setObjectName(u"chooseSyncFolderButton")

        self.syncLayout.addWidget(self.chooseSyncFolderButton)

        self.sendToCaption = QLabel(BureauPage)
        self.sendToCaption.setObjectName(u"sendToCaption")

        self.syncLayout.addWidget(self.sendToCaption)

        self.sendToCombo = QComboBox(BureauPage)
        self.sendToCombo.setObjectName(u"sendToCombo")
        self.sendToCombo.setMinimumContentsLength(10)

        self.syncLayout.addWidget(self.sendToCombo)

        self.syncButton = QPushButton(BureauPage)
        self.syncButton.setObjectName(u"syncButton")

        self.syncLayout.addWidget(self.syncButton)

        self.syncMessage = QLabel(BureauPage)
        self.syncMessage.setObjectName(u"syncMessage")
        self.syncMessage.setWordWrap(True)

        self.syncLayout.addWidget(self.syncMessage)


        self.pageLayout.addLayout(self.syncLayout)

        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.cityFilter = QComboBox(BureauPage)
        self.cityFilter.setObjectName(u"cityFilter")

        self.filterLayout.addWidget(self.cityFilter)

        self.typeFilter = QComboBox(BureauPage)
        self.typeFilter.setObjectName(u"typeFilter")

        self.filterLayout.addWidget(self.typeFilter)

        self.stageFilter = QComboBox(BureauPage)
        self.stageFilter.setObjectName(u"stageFilter")

        self.filterLayout.addWidget(self.stageFilter)

        self.statusFilter = QComboBox(BureauPage)
        self.statusFilter.setObjectName(u"statusFilter")

        self.filterLayout.addWidget(self.statusFilter)

        self.deliveryFilter = QComboBox(BureauPage)
        self.deliveryFilter.setObjectName(u"deliveryFilter")

        self.filterLayout.addWidget(self.deliveryFilter)

        self.countLabel = QLabel(BureauPage)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)

        self.filterSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.conflictBannerButton = QPushButton(BureauPage)
        self.conflictBannerButton.setObjectName(u"conflictBannerButton")

        self.filterLayout.addWidget(self.conflictBannerButton)


        self.pageLayout.addLayout(self.filterLayout)

        self.splitter = QSplitter(BureauPage)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.overviewTable = QTableView(self.splitter)
        self.overviewTable.setObjectName(u"overviewTable")
        self.overviewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overviewTable.setAlternatingRowColors(True)
        self.overviewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overviewTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overviewTable.setSortingEnabled(True)
        self.overviewTable.setWordWrap(False)
        self.splitter.addWidget(self.overviewTable)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.distributionTab = QWidget()
        self.distributionTab.setObjectName(u"distributionTab")
        self.distributionLayout = QVBoxLayout(self.distributionTab)
        self.distributionLayout.setObjectName(u"distributionLayout")
        self.distributionHint = QLabel(self.distributionTab)
        self.distributionHint.setObjectName(u"distributionHint")
        self.distributionHint.setWordWrap(True)

        self.distributionLayout.addWidget(self.distributionHint)

        self.distributionTable = QTableView(self.distributionTab)
        self.distributionTable.setObjectName(u"distributionTable")
        self.distributionTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.distributionTable.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.distributionTable.setWordWrap(False)

        self.distributionLayout.addWidget(self.distributionTable)

        self.tabs.addTab(self.distributionTab, "")
        self.unvisitedTab = QWidget()
        self.unvisitedTab.setObjectName(u"unvisitedTab")
        self.unvisitedLayout = QVBoxLayout(self.unvisitedTab)
        self.unvisitedLayout.setObjectName(u"unvisitedLayout")
        self.unvisitedTable = QTableView(self.unvisitedTab)
        self.unvisitedTable.setObjectName(u"unvisitedTable")
        self.unvisitedTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unvisitedTable.setAlternatingRowColors(True)
        self.unvisitedTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unvisitedTable.setSortingEnabled(True)

        self.unvisitedLayout.addWidget(self.unvisitedTable)

        self.tabs.addTab(self.unvisitedTab, "")
        self.conflictsTab = QWidget()
        self.conflictsTab.setObjectName(u"conflictsTab")
        self.conflictsLayout = QVBoxLayout(self.conflictsTab)
        self.conflictsLayout.setObjectName(u"conflictsLayout")
        self.conflictTable = QTableView(self.conflictsTab)
        self.conflictTable.setObjectName(u"conflictTable")
        self.conflictTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflictTable.setAlternatingRowColors(True)
        self.conflictTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflictTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.conflictsLayout.addWidget(self.conflictTable)

        self.conflictButtons = QHBoxLayout()
        self.conflictButtons.setObjectName(u"conflictButtons")
        self.resolveButton = QPushButton(self.conflictsTab)
        self.resolveButton.setObjectName(u"resolveButton")

        self.conflictButtons.addWidget(self.resolveButton)

        self.conflictHint = QLabel(self.conflictsTab)
        self.conflictHint.setObjectName(u"conflictHint")
        self.conflictHint.setWordWrap(True)

        self.conflictButtons.addWidget(self.conflictHint)


        self.conflictsLayout.addLayout(self.conflictButtons)

        self.tabs.addTab(self.conflictsTab, "")
        self.importsTab = QWidget()
        self.importsTab.setObjectName(u"importsTab")
        self.importsLayout = QHBoxLayout(self.importsTab)
        self.importsLayout.setObjectName(u"importsLayout")
        self.lastImportText = QPlainTextEdit(self.importsTab)
        self.lastImportText.setObjectName(u"lastImportText")
        self.lastImportText.setReadOnly(True)

        self.importsLayout.addWidget(self.lastImportText)

        self.importLogTable = QTableView(self.importsTab)
        self.importLogTable.setObjectName(u"importLogTable")
        self.importLogTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.importLogTable.setAlternatingRowColors(True)
        self.importLogTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.importsLayout.addWidget(self.importLogTable)

        self.tabs.addTab(self.importsTab, "")
        self.splitter.addWidget(self.tabs)

        self.pageLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.syncFolderCaption.setBuddy(self.syncFolderEdit)
        self.sendToCaption.setBuddy(self.sendToCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BureauPage)
    # setupUi

    def retranslateUi(self, BureauPage):
#if QT_CONFIG(tooltip)
        self.importFilesButton.setToolTip(QCoreApplication.translate("BureauPage", u"\u9009\u62e9\u4e00\u4e2a\u6216\u591a\u4e2a\u6570\u636e\u5305\uff08.xzp\uff09\uff0c\u5148\u9884\u89c8\u518d\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.importFilesButton.setText(QCoreApplication.translate("BureauPage", u"\u5bfc\u5165\u6570\u636e\u5305\u2026", None))
#if QT_CONFIG(tooltip)
        self.importFolderButton.setToolTip(QCoreApplication.translate("BureauPage", u"\u5bfc\u5165\u4e00\u4e2a\u6587\u4ef6\u5939\u4e2d\u7684\u5168\u90e8\u6570\u636e\u5305\uff08.xzp\uff09\uff0c\u5148\u9884\u89c8\u518d\u5bfc\u5165", None))
#endif // QT_CONFIG(tooltip)
        self.importFolderButton.setText(QCoreApplication.translate("BureauPage", u"\u5bfc\u5165\u6587\u4ef6\u5939\u2026", None))
        self.dropHint.setText(QCoreApplication.translate("BureauPage", u"\u4e5f\u53ef\u628a\u6570\u636e\u5305\u6216\u6587\u4ef6\u5939\u62d6\u5230\u672c\u9875", None))
        self.dropHint.setStyleSheet(QCoreApplication.translate("BureauPage", u"color: #5f6b77;", None))
#if QT_CONFIG(tooltip)
        self.exportWorkbookButton.setToolTip(QCoreApplication.translate("BureauPage", u"\u6309\u5f53\u524d\u7b5b\u9009\u5bfc\u51fa\u6c47\u603b\u8868\uff08\u9644\u4ef62\u3001\u6210\u719f\u5ea6\u6c47\u603b\u3001\u95ee\u9898\u6e05\u5355\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.exportWorkbookButton.setText(QCoreApplication.translate("BureauPage", u"\u5bfc\u51fa\u6c47\u603b\u8868\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportPdfsButton.setToolTip(QCoreApplication.translate("BureauPage", u"\u628a\u5f53\u524d\u7b5b\u9009\u51fa\u7684\u5de1\u8bca\u7684\u8d28\u91cf\u5de1\u8bca\u62a5\u544a\u6253\u5305\u4e3a\u4e00\u4e2a\u538b\u7f29\u6587\u4ef6", None))
#endif // QT_CONFIG(tooltip)
        self.exportPdfsButton.setText(QCoreApplication.translate("BureauPage", u"\u5bfc\u51fa\u62a5\u544a\u538b\u7f29\u5305\u2026", None))
        self.syncFolderCaption.setText(QCoreApplication.translate("BureauPage", u"\u540c\u6b65\u6587\u4ef6\u5939", None))
        self.syncFolderEdit.setPlaceholderText(QCoreApplication.translate("BureauPage", u"\u5171\u4eab\u6587\u4ef6\u5939\u3001U \u76d8\u6216\u540c\u6b65\u76d8\u4e0a\u7684\u6587\u4ef6\u5939", None))
        self.chooseSyncFolderButton.setText(QCoreApplication.translate("BureauPage", u"\u9009\u62e9\u2026", None))
        self.sendToCaption.setText(QCoreApplication.translate("BureauPage", u"\u53d1\u9001\u7ed9", None))
#if QT_CONFIG(tooltip)
        self.sendToCombo.setToolTip(QCoreApplication.translate("BureauPage", u"\u540c\u6b65\u65f6\u628a\u672c\u673a\u65b0\u7684\u6216\u6539\u8fc7\u7684\u5de1\u8bca\u52a0\u5bc6\u5199\u7ed9\u8c01\uff08\u4f8b\u5982\u5e02\u5c40\uff09\uff1b\u53ea\u63a5\u6536\u65f6\u4e0d\u5199\u51fa\u6570\u636e\u5305", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.syncButton.setToolTip(QCoreApplication.translate("BureauPage", u"\u5bfc\u5165\u6587\u4ef6\u5939\u4e2d\u53d1\u7ed9\u672c\u673a\u7684\u6570\u636e\u5305\u5e76\u5199\u56de\u6267\uff1b\u9009\u4e86\u53d1\u9001\u5bf9\u8c61\u65f6\uff0c\u518d\u5199\u51fa\u7ed9\u5b83\u7684\u65b0\u6570\u636e\u5305", None))
#endif // QT_CONFIG(tooltip)
        self.syncButton.setText(QCoreApplication.translate("BureauPage", u"\u540c\u6b65", None))
#if QT_CONFIG(tooltip)
        self.conflictBannerButton.setToolTip(QCoreApplication.translate("BureauPage", u"\u67e5\u770b\u5e76\u9010\u5b57\u6bb5\u89e3\u51b3\u51b2\u7a81", None))
#endif // QT_CONFIG(tooltip)
        self.conflictBannerButton.setStyleSheet(QCoreApplication.translate("BureauPage", u"QPushButton { background: #fff3e0; color: #a15c00; border: 1px solid #f0b060; border-radius: 4px; font-weight: bold; }", None))
#if QT_CONFIG(tooltip)
        self.overviewTable.setToolTip(QCoreApplication.translate("BureauPage", u"\u53cc\u51fb\u6253\u5f00\u8be5\u6b21\u5de1\u8bca", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.distributionTab), QCoreApplication.translate("BureauPage", u"\u6210\u719f\u5ea6\u5206\u5e03", None))
        self.tabs.setTabText(self.tabs.indexOf(self.unvisitedTab), QCoreApplication.translate("BureauPage", u"\u672a\u5de1\u8bca\u4f01\u4e1a", None))
#if QT_CONFIG(tooltip)
        self.conflictTable.setToolTip(QCoreApplication.translate("BureauPage", u"\u53cc\u51fb\u9010\u5b57\u6bb5\u5bf9\u7167\u5e76\u89e3\u51b3", None))
#endif // QT_CONFIG(tooltip)
        self.resolveButton.setText(QCoreApplication.translate("BureauPage", u"\u9010\u5b57\u6bb5\u89e3\u51b3\u2026", None))
        self.conflictHint.setText(QCoreApplication.translate("BureauPage", u"\u4e24\u8fb9\u90fd\u6539\u8fc7\u7684\u8bb0\u5f55\uff1a\u672c\u673a\u7684\u7248\u672c\u4fdd\u6301\u4e0d\u53d8\uff0c\u5bfc\u5165\u7684\u7248\u672c\u7559\u5728\u8fd9\u91cc\uff0c\u7b49\u60a8\u9010\u5b57\u6bb5\u51b3\u5b9a\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.conflictsTab), QCoreApplication.translate("BureauPage", u"\u5f85\u89e3\u51b3\u51b2\u7a81", None))
        self.lastImportText.setPlaceholderText(QCoreApplication.translate("BureauPage", u"\u672c\u6b21\u8fd0\u884c\u4e2d\u6700\u8fd1\u4e00\u6b21\u5bfc\u5165\u6216\u540c\u6b65\u7684\u5b8c\u6574\u62a5\u544a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.importsTab), QCoreApplication.translate("BureauPage", u"\u5bfc\u5165\u8bb0\u5f55", None))
        pass
    # retranslateUi

