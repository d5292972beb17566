"""Schema revisions: checked cheaply at every start, upgraded with Alembic when needed.

Reading ``alembic_version`` with plain SQL costs nothing, so Alembic (≈0.3 s to
import) is only loaded when there is something to upgrade. A database written
by a newer release is refused rather than damaged, and an existing SQLite file
is backed up before any upgrade.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect, text

from ..core.errors import UserError

# Oldest first; tests check this against Alembic's own revision graph.
REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011", "0012", "0013", "0014", "0015", "0016")
HEAD = REVISIONS[-1]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            if inspect(conn).get_table_names():
                raise UserError(f"数据库“{engine.url.render_as_string(hide_password=True)}”不是巡诊的数据库（缺少版本表），未作任何修改")
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", "xunzhen_app.db:migrations")
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(engine: Engine, target: str = "head") -> None:
    from alembic import command

    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Batch migrations copy tables; with foreign keys on, the copy would
            # cascade or fail. The pragma only takes effect outside a transaction.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        try:
            command.upgrade(alembic_config(conn), target)
            conn.commit()
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")


def upgrade_if_needed(store) -> None:
    rev = current_revision(store.engine)
    if rev == HEAD:
        return
    if rev is not None and rev not in REVISIONS:
        raise UserError(
            f"数据库“{store.url}”由更新版本的巡诊创建（结构版本 {rev}），本程序不能打开，"
            "请升级巡诊后再试；数据库未作任何修改"
        )
    if rev is not None and store.sqlite_file is not None:
        from .backup import backup_before_upgrade

        backup_before_upgrade(store, rev)
    upgrade(store.engine)
