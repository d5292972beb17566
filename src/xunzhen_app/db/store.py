"""Opening the store: engine set-up, schema migration at start, sessions.

SQLite runs in WAL mode with foreign keys on and synchronous=FULL, so a
committed edit survives a crash or a power cut; any other SQLAlchemy URL
(a bureau's PostgreSQL) is used as given. A SQLite file is looked at before
the engine touches it (db.store_file), and SQLite's own errors about the file
or the disk reach the user as a UserError naming the file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from ..core.errors import UserError
from ..fs import describe_os_error
from ..paths import AppPaths
from . import tracking  # noqa: F401  (registers the flush hook)
from .store_file import check_store_file, explain_sqlite_error


def database_url(paths: AppPaths, url: str | None = None) -> str:
    return url or os.environ.get("XUNZHEN_DB_URL") or f"sqlite:///{paths.database}"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def _postgresql_settings(dbapi_conn, _record) -> None:
    with dbapi_conn.cursor() as cur:
        cur.execute("SET plan_cache_mode = force_custom_plan", prepare=False)
    dbapi_conn.commit()  # a setting made in a transaction psycopg opened would end with its rollback


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise UserError(f"无法建立数据文件夹“{folder}”：{describe_os_error(exc)}") from exc
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_driver_name() == "psycopg":
        # A prepared statement may be run with a generic plan made while a table was still small (a
        # sequential scan): measured, importing 1,000 packages into a new store slowed from 24 ms to
        # 85 ms a package as the tables grew. So every statement is prepared (parsed once per
        # connection: a fifth less server CPU per imported package, benchmarks/import_packages.py)
        # but planned afresh for each run with its own parameters (plan_cache_mode=force_custom_plan).
        engine = create_engine(url, pool_pre_ping=True, connect_args={"prepare_threshold": 0})
        event.listen(engine, "connect", _postgresql_settings)
        return engine
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Store:
    engine: Engine
    paths: AppPaths
    actor: str = ""

    def __post_init__(self):
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def sqlite_file(self) -> Path | None:
        if self.engine.dialect.name != "sqlite":
            return None
        db = self.engine.url.database
        return Path(db) if db and db != ":memory:" else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: committed on success, rolled back on any error."""
        with self.explained_errors(), self._sessions() as session:
            session.info["actor"] = self.actor
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def explained_errors(self) -> Iterator[None]:
        """A full disk, a read-only or corrupt file: a UserError naming the file, not a traceback."""
        try:
            yield
        except DBAPIError as exc:
            db = self.sqlite_file
            explained = explain_sqlite_error(exc, db, self.paths.backups) if db is not None else None
            if explained is None:
                raise
            raise explained from exc

    def close(self) -> None:
        self.engine.dispose()


def open_store(paths: AppPaths, url: str | None = None, *, migrate: bool = True) -> Store:
    """Open (and if needed create or upgrade) the store the user chose."""
    from .migrate import upgrade_if_needed

    url = database_url(paths, url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database and parsed.database != ":memory:":
            check_store_file(Path(parsed.database), paths.backups)
        engine = make_engine(url)
    except UserError:
        raise
    except Exception as exc:  # bad URL or missing driver: the user's environment
        raise UserError(f"无法打开数据库“{url}”：{exc}") from exc
    store = Store(engine, paths)
    try:
        with store.explained_errors():
            if migrate:
                upgrade_if_needed(store)
            store.actor = _profile_name(store)
    except BaseException:
        engine.dispose()
        raise
    return store


def _profile_name(store: Store) -> str:
    from sqlalchemy import select

    from .models import Expert

    with store.session() as s:
        return s.scalar(select(Expert.name).where(Expert.is_self)) or ""
