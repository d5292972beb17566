"""What every page of the window shares: the store, the worker, the settings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from .tasks import TaskRunner

if TYPE_CHECKING:  # SQLAlchemy takes ~0.7 s to import; the window shows before the store opens
    from ..db.store import Store


@dataclass
class AppContext:
    store: Store
    tasks: TaskRunner
    settings: QSettings
