# Generated from ui/item_page.ui by tools/build_forms.py — do not edit; edit the .ui and rebuild.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'item_page.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QGroupBox, QHBoxLayout,
    QLabel, QListView, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget,
    QVBoxLayout, QWidget)

class Ui_ItemPage(object):
    def setupUi(self, ItemPage):
        if not ItemPage.objectName():
            ItemPage.setObjectName(u"ItemPage")
        ItemPage.resize(760, 700)
        self.pageLayout = QVBoxLayout(ItemPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(0, 0, 0, 0)
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.codeLabel = QLabel(ItemPage)
        self.codeLabel.setObjectName(u"codeLabel")

        self.headerLayout.addWidget(self.codeLabel)

        self.completeLabel = QLabel(ItemPage)
        self.completeLabel.setObjectName(u"completeLabel")

        self.headerLayout.addWidget(self.completeLabel)

        self.headerSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.progressLabel = QLabel(ItemPage)
        self.progressLabel.setObjectName(u"progressLabel")

        self.headerLayout.addWidget(self.progressLabel)

        self.prevButton = QPushButton(ItemPage)
        self.prevButton.setObjectName(u"prevButton")
        self.prevButton.setFocusPolicy(Qt.NoFocus)

        self.headerLayout.addWidget(self.prevButton)

        self.nextButton = QPushButton(ItemPage)
        self.nextButton.setObjectName(u"nextButton")
        self.nextButton.setFocusPolicy(Qt.NoFocus)

        self.headerLayout.addWidget(self.nextButton)

        self.nextUnratedButton = QPushButton(ItemPage)
        self.nextUnratedButton.setObjectName(u"nextUnratedButton")
        self.nextUnratedButton.setFocusPolicy(Qt.NoFocus)

        self.headerLayout.addWidget(self.nextUnratedButton)


        self.pageLayout.addLayout(self.headerLayout)

        self.contentStack = QStackedWidget(ItemPage)
        self.contentStack.setObjectName(u"contentStack")
        self.scrollArea = QScrollArea()
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFocusPolicy(Qt.NoFocus)
        self.scrollArea.setFrameShape(QFrame.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContent = QWidget()
        self.scrollContent.setObjectName(u"scrollContent")
        self.contentLayout = QVBoxLayout(self.scrollContent)
        self.contentLayout.setObjectName(u"contentLayout")
        self.requirementLabel = QLabel(self.scrollContent)
        self.requirementLabel.setObjectName(u"requirementLabel")
        self.requirementLabel.setWordWrap(True)
        self.requirementLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.contentLayout.addWidget(self.requirementLabel)

        self.guidanceLabel = QLabel(self.scrollContent)
        self.guidanceLabel.setObjectName(u"guidanceLabel")
        self.guidanceLabel.setTextFormat(Qt.RichText)
        self.guidanceLabel.setWordWrap(True)

        self.contentLayout.addWidget(self.guidanceLabel)

        self.levelBox = QGroupBox(self.scrollContent)
        self.levelBox.setObjectName(u"levelBox")
        self.levelLayout = QVBoxLayout(self.levelBox)
        self.levelLayout.setObjectName(u"levelLayout")

        self.contentLayout.addWidget(self.levelBox)

        self.checkBox = QGroupBox(self.scrollContent)
        self.checkBox.setObjectName(u"checkBox")
        self.checkLayout = QVBoxLayout(self.checkBox)
        self.checkLayout.setObjectName(u"checkLayout")
        self.checkTextLabel = QLabel(self.checkBox)
        self.checkTextLabel.setObjectName(u"checkTextLabel")
        self.checkTextLabel.setWordWrap(True)

        self.checkLayout.addWidget(self.checkTextLabel)

        self.checkButtons = QHBoxLayout()
        self.checkButtons.setObjectName(u"checkButtons")
        self.checkPassButton = QPushButton(self.checkBox)
        self.checkPassButton.setObjectName(u"checkPassButton")
        self.checkPassButton.setFocusPolicy(Qt.NoFocus)
        self.checkPassButton.setCheckable(True)

        self.checkButtons.addWidget(self.checkPassButton)

        self.checkFailButton = QPushButton(self.checkBox)
        self.checkFailButton.setObjectName(u"checkFailButton")
        self.checkFailButton.setFocusPolicy(Qt.NoFocus)
        self.checkFailButton.setCheckable(True)

        self.checkButtons.addWidget(self.checkFailButton)

        self.checkClearButton = QPushButton(self.checkBox)
        self.checkClearButton.setObjectName(u"checkClearButton")
        self.checkClearButton.setFocusPolicy(Qt.NoFocus)
        self.checkClearButton.setCheckable(True)

        self.checkButtons.addWidget(self.checkClearButton)


        self.checkLayout.addLayout(self.checkButtons)


        self.contentLayout.addWidget(self.checkBox)

        self.evidenceCaption = QLabel(self.scrollContent)
        self.evidenceCaption.setObjectName(u"evidenceCaption")

        self.contentLayout.addWidget(self.evidenceCaption)

        self.evidenceEdit = QPlainTextEdit(self.scrollContent)
        self.evidenceEdit.setObjectName(u"evidenceEdit")
        self.evidenceEdit.setTabChangesFocus(True)
        self.evidenceEdit.setMinimumSize(QSize(0, 72))
        self.evidenceEdit.setMaximumSize(QSize(16777215, 110))

        self.contentLayout.addWidget(self.evidenceEdit)

        self.problemCaption = QLabel(self.scrollContent)
        self.problemCaption.setObjectName(u"problemCaption")

        self.contentLayout.addWidget(self.problemCaption)

        self.problemEdit = QPlainTextEdit(self.scrollContent)
        self.problemEdit.setObjectName(u"problemEdit")
        self.problemEdit.setTabChangesFocus(True)
        self.problemEdit.setMinimumSize(QSize(0, 60))
        self.problemEdit.setMaximumSize(QSize(16777215, 110))

        self.contentLayout.addWidget(self.problemEdit)

        self.suggestionCaption = QLabel(self.scrollContent)
        self.suggestionCaption.setObjectName(u"suggestionCaption")

        self.contentLayout.addWidget(self.suggestionCaption)

        self.suggestionEdit = QPlainTextEdit(self.scrollContent)
        self.suggestionEdit.setObjectName(u"suggestionEdit")
        self.suggestionEdit.setTabChangesFocus(True)
        self.suggestionEdit.setMinimumSize(QSize(0, 60))
        self.suggestionEdit.setMaximumSize(QSize(16777215, 110))

        self.contentLayout.addWidget(self.suggestionEdit)

        self.strengthCaption = QLabel(self.scrollContent)
        self.strengthCaption.setObjectName(u"strengthCaption")

        self.contentLayout.addWidget(self.strengthCaption)

        self.strengthEdit = QPlainTextEdit(self.scrollContent)
        self.strengthEdit.setObjectName(u"strengthEdit")
        self.strengthEdit.setTabChangesFocus(True)
        self.strengthEdit.setMinimumSize(QSize(0, 60))
        self.strengthEdit.setMaximumSize(QSize(16777215, 110))

        self.contentLayout.addWidget(self.strengthEdit)

        self.attachmentBox = QGroupBox(self.scrollContent)
        self.attachmentBox.setObjectName(u"attachmentBox")
        self.attachmentLayout = QVBoxLayout(self.attachmentBox)
        self.attachmentLayout.setObjectName(u"attachmentLayout")
        self.attachmentView = QListView(self.attachmentBox)
        self.attachmentView.setObjectName(u"attachmentView")
        self.attachmentView.setMinimumSize(QSize(0, 130))
        self.attachmentView.setMaximumSize(QSize(16777215, 150))
        self.attachmentView.setViewMode(QListView.IconMode)
        self.attachmentView.setFlow(QListView.LeftToRight)
        self.attachmentView.setWrapping(False)
        self.attachmentView.setResizeMode(QListView.Adjust)
        self.attachmentView.setSpacing(6)
        self.attachmentView.setIconSize(QSize(96, 72))
        self.attachmentView.setUniformItemSizes(True)

        self.attachmentLayout.addWidget(self.attachmentView)

        self.attachmentButtons = QHBoxLayout()
        self.attachmentButtons.setObjectName(u"attachmentButtons")
        self.addAttachmentButton = QPushButton(self.attachmentBox)
        self.addAttachmentButton.setObjectName(u"addAttachmentButton")
        self.addAttachmentButton.setFocusPolicy(Qt.NoFocus)

        self.attachmentButtons.addWidget(self.addAttachmentButton)

        self.openAttachmentButton = QPushButton(self.attachmentBox)
        self.openAttachmentButton.setObjectName(u"openAttachmentButton")
        self.openAttachmentButton.setFocusPolicy(Qt.NoFocus)

        self.attachmentButtons.addWidget(self.openAttachmentButton)

        self.removeAttachmentButton = QPushButton(self.attachmentBox)
        self.removeAttachmentButton.setObjectName(u"removeAttachmentButton")
        self.removeAttachmentButton.setFocusPolicy(Qt.NoFocus)

        self.attachmentButtons.addWidget(self.removeAttachmentButton)

        self.attachmentSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attachmentButtons.addItem(self.attachmentSpacer)


        self.attachmentLayout.addLayout(self.attachmentButtons)


        self.contentLayout.addWidget(self.attachmentBox)

        self.scrollArea.setWidget(self.scrollContent)
        self.contentStack.addWidget(self.scrollArea)
        self.nodeScroll = QScrollArea()
        self.nodeScroll.setObjectName(u"nodeScroll")
        self.nodeScroll.setFocusPolicy(Qt.NoFocus)
        self.nodeScroll.setFrameShape(QFrame.NoFrame)
        self.nodeScroll.setWidgetResizable(True)
        self.nodeContent = QWidget()
        self.nodeContent.setObjectName(u"nodeContent")
        self.nodeLayout = QVBoxLayout(self.nodeContent)
        self.nodeLayout.setObjectName(u"nodeLayout")
        self.nodeLabel = QLabel(self.nodeContent)
        self.nodeLabel.setObjectName(u"nodeLabel")
        self.nodeLabel.setTextFormat(Qt.RichText)
        self.nodeLabel.setWordWrap(True)
        self.nodeLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.nodeLayout.addWidget(self.nodeLabel)

        self.nodeSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.nodeLayout.addItem(self.nodeSpacer)

        self.nodeScroll.setWidget(self.nodeContent)
        self.contentStack.addWidget(self.nodeScroll)

        self.pageLayout.addWidget(self.contentStack)

#if QT_CONFIG(shortcut)
        self.evidenceCaption.setBuddy(self.evidenceEdit)
        self.problemCaption.setBuddy(self.problemEdit)
        self.suggestionCaption.setBuddy(self.suggestionEdit)
        self.strengthCaption.setBuddy(self.strengthEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ItemPage)
    # setupUi

    def retranslateUi(self, ItemPage):
        self.codeLabel.setText(QCoreApplication.translate("ItemPage", u"\u6761\u76ee", None))
        self.completeLabel.setText("")
        self.progressLabel.setText(QCoreApplication.translate("ItemPage", u"\u5df2\u8bc4 0/0", None))
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("ItemPage", u"\u4e0a\u4e00\u9879\uff08PgUp \u6216 \u2190\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.prevButton.setText(QCoreApplication.translate("ItemPage", u"\u4e0a\u4e00\u9879", None))
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("ItemPage", u"\u4e0b\u4e00\u9879\uff08PgDn \u6216 \u2192\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("ItemPage", u"\u4e0b\u4e00\u9879", None))
#if QT_CONFIG(tooltip)
        self.nextUnratedButton.setToolTip(QCoreApplication.translate("ItemPage", u"\u8df3\u5230\u4e0b\u4e00\u4e2a\u672a\u8bc4\u6761\u76ee\uff08F3\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.nextUnratedButton.setText(QCoreApplication.translate("ItemPage", u"\u4e0b\u4e00\u672a\u8bc4\u9879", None))
        self.requirementLabel.setText("")
        self.guidanceLabel.setText("")
        self.levelBox.setTitle(QCoreApplication.translate("ItemPage", u"\u8bc4\u5b9a\u7b49\u7ea7", None))
        self.checkBox.setTitle(QCoreApplication.translate("ItemPage", u"\u5426\u51b3\u9879\u68c0\u67e5", None))
        self.checkTextLabel.setText("")
#if QT_CONFIG(tooltip)
        self.checkPassButton.setToolTip(QCoreApplication.translate("ItemPage", u"\u901a\u8fc7\uff08P\uff0c\u518d\u6309\u7b49\u7ea7\u6570\u5b57\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.checkPassButton.setText(QCoreApplication.translate("ItemPage", u"\u901a\u8fc7\uff08P\uff09", None))
#if QT_CONFIG(tooltip)
        self.checkFailButton.setToolTip(QCoreApplication.translate("ItemPage", u"\u672a\u901a\u8fc7\uff08F\uff0c\u518d\u6309\u7b49\u7ea7\u6570\u5b57\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.checkFailButton.setText(QCoreApplication.translate("ItemPage", u"\u672a\u901a\u8fc7\uff08F\uff0c\u5426\u51b3\u9879\uff09", None))
        self.checkClearButton.setText(QCoreApplication.translate("ItemPage", u"\u5c1a\u672a\u68c0\u67e5", None))
        self.evidenceCaption.setText(QCoreApplication.translate("ItemPage", u"\u6838\u67e5\u8bb0\u5f55\uff08\u8bc1\u636e\uff09(&E)", None))
        self.evidenceEdit.setPlaceholderText(QCoreApplication.translate("ItemPage", u"\u67e5\u9605\u4e86\u54ea\u4e9b\u8d44\u6599\u3001\u73b0\u573a\u770b\u5230\u4ec0\u4e48\u3001\u8bbf\u8c08\u4e86\u8c01\u2026\u2026", None))
        self.problemCaption.setText(QCoreApplication.translate("ItemPage", u"\u95ee\u9898(&W)", None))
        self.problemEdit.setPlaceholderText(QCoreApplication.translate("ItemPage", u"\u53d1\u73b0\u7684\u95ee\u9898\uff08\u53ef\u5728\u201c\u8bc4\u4ef7\u603b\u7ed3\u201d\u4e2d\u9009\u5165\u4e3b\u8981\u95ee\u9898\uff09", None))
        self.suggestionCaption.setText(QCoreApplication.translate("ItemPage", u"\u6539\u8fdb\u5efa\u8bae(&J)", None))
        self.suggestionEdit.setPlaceholderText(QCoreApplication.translate("ItemPage", u"\u9488\u5bf9\u95ee\u9898\u7684\u6539\u8fdb\u5efa\u8bae", None))
        self.strengthCaption.setText(QCoreApplication.translate("ItemPage", u"\u4eae\u70b9(&L)", None))
        self.strengthEdit.setPlaceholderText(QCoreApplication.translate("ItemPage", u"\u4f01\u4e1a\u5728\u672c\u6761\u76ee\u4e0a\u505a\u5f97\u597d\u7684\u5730\u65b9\uff08\u5199\u5165\u62a5\u544a\u7684\u201c\u4eae\u70b9\u4e0e\u4f18\u52bf\u201d\uff09", None))
        self.attachmentBox.setTitle(QCoreApplication.translate("ItemPage", u"\u9644\u4ef6\uff08\u53ef\u5c06\u7167\u7247\u6216\u6587\u4ef6\u62d6\u5230\u6b64\u5904\uff09", None))
        self.addAttachmentButton.setText(QCoreApplication.translate("ItemPage", u"\u6dfb\u52a0\u7167\u7247\u6216\u6587\u4ef6\u2026", None))
        self.openAttachmentButton.setText(QCoreApplication.translate("ItemPage", u"\u6253\u5f00", None))
        self.removeAttachmentButton.setText(QCoreApplication.translate("ItemPage", u"\u5220\u9664", None))
        self.nodeLabel.setText("")
        pass
    # retranslateUi

