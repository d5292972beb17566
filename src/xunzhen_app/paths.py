"""Where the user's data lives. Every path the app writes is derived here.

Order of precedence: ``--data-dir`` on the command line, then the
XUNZHEN_DATA_DIR environment variable, then platformdirs' user data folder
(``%LOCALAPPDATA%\\xunzhen`` on Windows, ``~/.local/share/xunzhen`` on Linux).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from . import APP_ID
from .core.errors import UserError
from .fs import describe_os_error


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "xunzhen.sqlite3"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def checklists(self) -> Path:
        """Templates the user installed beside the bundled ones."""
        return self.data_dir / "checklists"

    @property
    def log_file(self) -> Path:
        """The rotating log of bugs and Qt warnings (older parts beside it as .1, .2, …)."""
        return self.data_dir / "logs" / "xunzhen.log"

    def ensure(self) -> AppPaths:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"无法建立数据文件夹“{self.data_dir}”：{describe_os_error(exc)}；"
                            "请用 --data-dir 选择另一个文件夹") from exc
        return self


def resolve_paths(data_dir: str | os.PathLike | None = None) -> AppPaths:
    chosen = data_dir or os.environ.get("XUNZHEN_DATA_DIR") or platformdirs.user_data_dir(APP_ID, appauthor=False)
    return AppPaths(Path(chosen).expanduser().resolve())


def cache_dir() -> Path:
    """Where derived files that can be rebuilt at any time live (XUNZHEN_CACHE_DIR, else the user cache folder)."""
    chosen = os.environ.get("XUNZHEN_CACHE_DIR") or platformdirs.user_cache_dir(APP_ID, appauthor=False)
    return Path(chosen).expanduser()
