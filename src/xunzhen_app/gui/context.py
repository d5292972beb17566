"""What every page of the window shares: the store, the worker, the settings."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from ..db.store import Store
from .tasks import TaskRunner


@dataclass
class AppContext:
    store: Store
    tasks: TaskRunner
    settings: QSettings
