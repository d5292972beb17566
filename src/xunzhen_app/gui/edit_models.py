"""Small editable models behind the enterprise dialog's honour and contact lists."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, Qt

from ..core.domain import Honour
from ..services.dto import Contact


class HonourListModel(QAbstractListModel):
    def __init__(self, honours=(), parent=None):
        super().__init__(parent)
        self._honours: list[Honour] = list(honours)

    def honours(self) -> tuple[Honour, ...]:
        return tuple(self._honours)

    def add(self, honour: Honour) -> None:
        self.beginInsertRows(QModelIndex(), len(self._honours), len(self._honours))
        self._honours.append(honour)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._honours):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._honours[row]
            self.endRemoveRows()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._honours)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.DisplayRole:
            return self._honours[index.row()].describe()
        return None


class ContactTableModel(QAbstractTableModel):
    """Contacts edited in place: 姓名, 职务, 电话, 邮箱."""

    HEADERS = ("姓名", "职务", "电话", "电子邮箱")
    _FIELDS = tuple(f.name for f in fields(Contact))

    def __init__(self, contacts=(), parent=None):
        super().__init__(parent)
        self._contacts: list[Contact] = list(contacts)

    def contacts(self) -> tuple[Contact, ...]:
        # A row left without a name is an unfinished entry, not a contact.
        return tuple(c for c in self._contacts if c.name.strip())

    def add(self) -> int:
        row = len(self._contacts)
        self.beginInsertRows(QModelIndex(), row, row)
        self._contacts.append(Contact(name=""))
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._contacts):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._contacts[row]
            self.endRemoveRows()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._contacts)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return getattr(self._contacts[index.row()], self._FIELDS[index.column()])
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        c = self._contacts[index.row()]
        self._contacts[index.row()] = replace(c, **{self._FIELDS[index.column()]: str(value).strip()})
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None
