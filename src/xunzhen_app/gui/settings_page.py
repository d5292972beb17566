"""设置 (form: ui/settings_page.ui): expert profile, data folder, the programme calendar
(gui/calendar_settings.py), default template, 触屏模式, backups, and the 检查表模板 manager
(gui/template_manager.py) under them.

The default template is a user preference (QSettings); the profile lives in
the store, because its name is recorded as the author of every change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStringListModel, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QFrame, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from ..db import backup
from ..db.store import open_store
from ..services import checklists, experts
from .calendar_settings import CalendarSettings
from .context import AppContext
from .form_errors import FieldErrors
from .forms.ui_settings_page import Ui_SettingsPage
from .guarded import WorkerCalls
from .messages import show_info
from .new_visit_dialog import DEFAULT_TEMPLATE_KEY
from .template_manager import TemplateManager
from .text_limits import limit_lengths
from .touch import TOUCH_KEY, apply_touch_mode, touch_preferred
from .widgets.error_banner import ErrorBanner

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class SettingsPage(QWidget):
    profileSaved = Signal(object)  # ExpertInfo
    restored = Signal()  # the store was replaced; the app must restart

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.ui = ui = Ui_SettingsPage()
        # In a scroll area: at 150 % scaling (or in 触屏模式) on 1366×768 the form is taller than the window.
        form = QWidget()
        ui.setupUi(form)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.errorBanner = ErrorBanner(self)
        ui.leftColumn.insertWidget(0, self.errorBanner)
        self.calls = WorkerCalls(ctx, self, self.errorBanner, "设置")
        # The manager shares the right-hand column with the backups: both are lists with buttons.
        self.templates = TemplateManager(ctx, self.calls, self)
        self.templates.changed.connect(self.refresh)
        self.calendar = CalendarSettings(self.calls, form)
        ui.leftColumn.insertWidget(ui.leftColumn.indexOf(ui.dataGroup) + 1, self.calendar)
        ui.columns.removeWidget(ui.backupGroup)
        right = QVBoxLayout()
        right.addWidget(self.templates, 3)
        right.addWidget(ui.backupGroup, 2)
        ui.columns.addLayout(right, 1)
        self.errors = FieldErrors({"name": ui.profileNameError}, ui.profileMessage)
        limit_lengths({"expert.name": ui.profileName, "expert.organisation": ui.profileOrg,
                       "expert.title": ui.profileTitle, "expert.specialty": ui.profileSpecialty,
                       "expert.phone": ui.profilePhone, "expert.email": ui.profileEmail})
        self.backups = QStringListModel(self)
        self._backup_files: list[Path] = []
        ui.backupsView.setModel(self.backups)
        ui.backupsView.setSpacing(4)  # rows tall enough for a finger
        ui.dataDirLabel.setText(str(ctx.store.paths.data_dir))
        ui.databaseLabel.setText(ctx.store.url)
        ui.saveProfileButton.clicked.connect(self.save_profile)
        ui.openDataDirButton.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ctx.store.paths.data_dir))))
        ui.defaultTemplateCombo.activated.connect(self._template_chosen)
        ui.touchModeCheck.setChecked(touch_preferred(ctx.settings))
        ui.touchModeCheck.toggled.connect(self._touch_mode_chosen)
        ui.backupNowButton.clicked.connect(self.backup_now)
        ui.restoreButton.clicked.connect(self.choose_restore)
        is_sqlite = ctx.store.sqlite_file is not None
        ui.backupNowButton.setEnabled(is_sqlite)
        ui.restoreButton.setEnabled(is_sqlite)
        if not is_sqlite:
            ui.backupHint.setText("当前使用共享数据库，请由管理员备份（如 pg_dump）。")
        self.refresh()


    def refresh(self) -> None:
        store = self.ctx.store
        self.calls.run(lambda: (experts.profile(store), checklists.usable_templates(store)),
                       self._fill)
        self.templates.refresh()
        self.calendar.load()
        self._list_backups()

    def _fill(self, result) -> None:
        me, templates = result
        ui = self.ui
        if me is not None:
            for widget, value in ((ui.profileName, me.name), (ui.profileOrg, me.organisation),
                                  (ui.profileTitle, me.title), (ui.profileSpecialty, me.specialty),
                                  (ui.profilePhone, me.phone), (ui.profileEmail, me.email)):
                widget.setText(value)
        preferred = self.ctx.settings.value(DEFAULT_TEMPLATE_KEY, checklists.DEFAULT_TEMPLATE_ID)
        ui.defaultTemplateCombo.clear()
        for t in templates:
            if ui.defaultTemplateCombo.findData(t.id) < 0:  # one entry per template id: the newest is used
                ui.defaultTemplateCombo.addItem(f"{t.short_title or t.title}（{t.id}）", t.id)
        ui.defaultTemplateCombo.setCurrentIndex(max(0, ui.defaultTemplateCombo.findData(preferred)))

    def _touch_mode_chosen(self, on: bool) -> None:
        self.ctx.settings.setValue(TOUCH_KEY, on)
        apply_touch_mode(on)

    def _template_chosen(self, index: int) -> None:
        self.ctx.settings.setValue(DEFAULT_TEMPLATE_KEY, self.ui.defaultTemplateCombo.itemData(index))

    def save_profile(self) -> None:
        ui = self.ui
        values = (ui.profileName.text(), ui.profileOrg.text().strip(), ui.profileTitle.text().strip(),
                  ui.profileSpecialty.text().strip(), ui.profilePhone.text().strip(), ui.profileEmail.text().strip())
        if not values[0].strip():
            self.errors.show({"name": "专家姓名不能为空"})
            return
        self.errors.clear()
        store = self.ctx.store
        self.calls.run(lambda: experts.save_profile(store, *values), self._profile_saved,
                       lambda exc: self.errors.show({"": str(exc)}))

    def _profile_saved(self, info) -> None:
        self.ui.profileMessage.setText(f"已保存。此后的修改记录将署名“{info.name}”。")
        self.ui.profileMessage.show()
        self.profileSaved.emit(info)

    # -- backups ----------------------------------------------------------------
    def _list_backups(self) -> None:
        self._backup_files = backup.list_backups(self.ctx.store.paths.backups)
        self.backups.setStringList([p.name for p in self._backup_files] or [])
        if not self._backup_files:
            self.ui.backupMessage.setText("还没有备份。")

    def backup_now(self) -> None:
        store = self.ctx.store
        self.ui.backupNowButton.setEnabled(False)
        self.calls.run(lambda: backup.rotating_backup(store, "manual"), self._backed_up, self._backup_failed)

    def _backed_up(self, path: Path) -> None:
        self.ui.backupNowButton.setEnabled(True)
        self._list_backups()
        self.ui.backupMessage.setText(f"已备份：{path.name}")

    def _backup_failed(self, exc: BaseException) -> None:
        self.ui.backupNowButton.setEnabled(True)
        self.calls.show(exc)

    def choose_restore(self) -> None:
        row = self.ui.backupsView.currentIndex().row()
        if 0 <= row < len(self._backup_files):
            self.confirm_restore(self._backup_files[row])
            return
        path, _ = QFileDialog.getOpenFileName(self, "选择备份文件", str(self.ctx.store.paths.backups),
                                              "巡诊备份 (*.sqlite3)")
        if path:
            self.confirm_restore(Path(path))

    def confirm_restore(self, source: Path) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, "从备份恢复",
                          f"用备份“{source.name}”替换当前数据库吗？\n当前数据库会先另存一份备份。恢复后需要重新启动巡诊。",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.button(QMessageBox.StandardButton.Yes).setText("恢复")
        box.button(QMessageBox.StandardButton.Cancel).setText("取消")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._restore(source))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _restore(self, source: Path) -> None:
        store = self.ctx.store

        def job():
            safety = backup.restore_from(store, source)
            # An older backup is upgraded to the current schema at once, as `xunzhen restore` does.
            open_store(store.paths, store.engine.url.render_as_string(hide_password=False)).close()
            return safety

        # Queued behind every pending edit on the one worker thread, so nothing is half-written.
        self.calls.run(job, self._restored)

    def _restored(self, safety) -> None:
        self._list_backups()
        kept = f"原数据库已另存为 {safety.name}。" if safety else ""
        show_info(self, "从备份恢复", f"已从备份恢复。{kept}\n请关闭并重新启动巡诊，以载入恢复的数据。")
        self.restored.emit()
