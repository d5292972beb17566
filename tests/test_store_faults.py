"""A store that is not what it should be: refused with exit code 2 and a message naming the file and
what to do, never re-initialised, never written to before it was looked at; `restore` checks a
backup before anything is replaced; full disks, read-only folders and closed pipes end cleanly."""

from __future__ import annotations

import errno
import gc
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from store_digest import store_digest

from xunzhen_app.cli import main
from xunzhen_app.db.store import open_store
from xunzhen_app.fs import HELD_OPEN
from xunzhen_app.paths import AppPaths
from xunzhen_app.services.reports import atomic


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def data(tmp_path) -> AppPaths:
    return AppPaths(tmp_path / "data").ensure()


def _with_backup(data: AppPaths, capsys) -> Path:
    """A real store with its rotating backup, then the store's own file is taken away."""
    assert run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")[0] == 0
    store = open_store(data)
    from xunzhen_app.db.backup import rotating_backup

    backup = rotating_backup(store, "manual")
    store.close()
    for suffix in ("", "-wal", "-shm"):
        Path(str(data.database) + suffix).unlink(missing_ok=True)
    return backup


def test_zero_byte_store_is_refused_not_reinitialised_and_the_backups_are_offered(data, capsys):
    backup = _with_backup(data, capsys)
    data.database.write_bytes(b"")
    code, _, err = run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")
    assert code == 2 and str(data.database) in err and "0 字节" in err and "没有新建空数据库" in err
    assert str(backup) in err and "xunzhen restore" in err
    assert data.database.stat().st_size == 0 and not Path(str(data.database) + "-wal").exists()

    # What the message offers works: restore puts the backup in place and keeps the empty file aside.
    code, out, err = run(capsys, "--data-dir", str(data.data_dir), "restore", str(backup))
    assert code == 0 and "改名保存为" in out, err
    assert list(data.data_dir.glob("xunzhen.sqlite3.broken-*"))
    assert run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")[0] == 0


def test_not_a_database_is_refused_and_left_alone(data, capsys):
    data.database.write_bytes("这不是数据库\n".encode() * 100)
    before = file_digest(data.database)
    code, _, err = run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")
    assert code == 2 and str(data.database) in err and "不是 SQLite 数据库" in err and "备份" in err
    assert file_digest(data.database) == before


def test_corrupt_database_is_refused_and_left_alone(data, capsys):
    assert run(capsys, "--data-dir", str(data.data_dir), "demo")[0] == 0
    gc.collect()  # the CLI's engine holds the -shm open; a store never damaged while in use
    open_store(data).close()  # checkpoints the WAL into the file
    raw = bytearray(data.database.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # the schema page, past the 100-byte header
    data.database.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        Path(str(data.database) + suffix).unlink(missing_ok=True)
    before = file_digest(data.database)
    code, _, err = run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")
    assert code == 2 and str(data.database) in err and "已损坏" in err
    assert file_digest(data.database) == before


def test_database_path_that_is_a_folder(data, capsys):
    data.database.mkdir()
    code, _, err = run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")
    assert code == 2 and str(data.database) in err and "是一个文件夹" in err
    assert data.database.is_dir() and not any(data.database.iterdir())


def test_foreign_sqlite_file_is_checked_read_only_before_any_write(data, capsys):
    conn = sqlite3.connect(data.database)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('张三')")
    conn.commit()
    conn.close()
    before = file_digest(data.database)
    code, _, err = run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")
    assert code == 2 and str(data.database) in err and "不是巡诊的数据库" in err and "customers" in err
    # Not switched to WAL (bytes 18–19 of the header would say 2), not touched at all.
    assert file_digest(data.database) == before and data.database.read_bytes()[18:20] == b"\x01\x01"
    assert not Path(str(data.database) + "-wal").exists()


# -- restore validates the backup before replacing anything ---------------------------------

def _backup_variant(data: AppPaths, tmp_path: Path, name: str, sql: str) -> Path:
    store = open_store(data)
    from xunzhen_app.db.backup import backup_to

    path = backup_to(store, tmp_path / name)
    store.close()
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    return path


def _alembic_only(tmp_path: Path) -> Path:
    path = tmp_path / "只有版本表.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL);"
                       "INSERT INTO alembic_version VALUES ('0004');")
    conn.close()
    return path


@pytest.mark.parametrize("case, message", [
    ("alembic_only", "缺少巡诊的数据表"),
    ("trigger", "触发器 steal"),
    ("view", "视图 everything"),
    ("unknown_revision", "结构版本 9999"),
    ("not_sqlite", "不是 SQLite 数据库"),
    ("empty", "不是 SQLite 数据库"),
])
def test_restore_refuses_a_bad_backup_and_changes_nothing(case, message, demo_store, paths, tmp_path, capsys):
    demo_store.close()
    if case == "alembic_only":
        bad = _alembic_only(tmp_path)
    elif case == "trigger":
        bad = _backup_variant(paths, tmp_path, "触发器.sqlite3",
                              "CREATE TRIGGER steal AFTER INSERT ON enterprise BEGIN DELETE FROM visit; END;")
    elif case == "view":
        bad = _backup_variant(paths, tmp_path, "视图.sqlite3", "CREATE VIEW everything AS SELECT * FROM enterprise;")
    elif case == "unknown_revision":
        bad = _backup_variant(paths, tmp_path, "新版本.sqlite3", "UPDATE alembic_version SET version_num = '9999';")
    elif case == "not_sqlite":
        bad = tmp_path / "备份.sqlite3"
        bad.write_text("SQLite? no")
    else:
        bad = tmp_path / "备份.sqlite3"
        bad.write_bytes(b"")
    before = store_digest(paths.database)
    backups_before = sorted(paths.backups.glob("*"))
    code, _, err = run(capsys, "--data-dir", str(paths.data_dir), "restore", str(bad))
    assert code == 2 and message in err and str(bad) in err
    assert store_digest(paths.database) == before
    assert sorted(paths.backups.glob("*")) == backups_before  # not even the safety copy was taken
    assert run(capsys, "--data-dir", str(paths.data_dir), "enterprise", "list")[0] == 0


# -- disks that are full or read-only: a real tiny file system when we may mount one ---------

@pytest.fixture
def tiny_fs(tmp_path):
    """A 1 MB tmpfs (root only: skipped elsewhere), unmounted afterwards."""
    mount_point = tmp_path / "小盘 U"
    mount_point.mkdir()
    if not shutil.which("mount") or os.geteuid() != 0:
        pytest.skip("mounting a tiny tmpfs needs root and mount(8)")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount_point)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"mount refused here: {made.stderr.strip()}")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path) -> None:
    """Fill the file system to the last byte."""
    with open(folder / "filler.bin", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def test_full_disk_store_write_is_refused_and_nothing_half_saved(tiny_fs, capsys):
    data = AppPaths(tiny_fs / "data").ensure()
    assert run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")[0] == 0
    open_store(data).close()
    before = store_digest(data.database)
    _fill(tiny_fs)
    code, _, err = run(capsys, "--data-dir", str(data.data_dir), "demo")
    assert code == 2 and ("磁盘空间不足" in err or "磁盘错误" in err) and str(data.database) in err, err
    (tiny_fs / "filler.bin").unlink()
    assert store_digest(data.database) == before


@pytest.mark.parametrize("what", ["xlsx", "package"])
def test_full_disk_export_leaves_no_partial_file(what, demo_store, paths, tiny_fs, capsys):
    demo_store.close()
    _fill(tiny_fs)
    if what == "xlsx":
        target = tiny_fs / "汇总.xlsx"
        args = ["export", "xlsx", "--all", "-o", str(target)]
    else:
        target = tiny_fs / "备份包.xzpkg"
        args = ["package", "export", "--all", "--no-reports", "-o", str(target)]
    code, _, err = run(capsys, "--data-dir", str(paths.data_dir), *args)
    assert code == 2 and "磁盘空间不足" in err and str(target) in err, err
    assert sorted(p.name for p in tiny_fs.iterdir()) == ["filler.bin"]


def test_read_only_data_folder(tiny_fs, capsys):
    data = AppPaths(tiny_fs / "data").ensure()
    assert run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")[0] == 0
    open_store(data).close()
    before = store_digest(data.database)
    gc.collect()  # the CLI's engine, and with it its open database files, must be gone for a remount
    remounted = subprocess.run(["mount", "-o", "remount,ro", str(tiny_fs)], capture_output=True, text=True)
    if remounted.returncode != 0:
        pytest.skip(f"remount read-only refused: {remounted.stderr.strip()}")
    try:
        code, _, err = run(capsys, "--data-dir", str(data.data_dir), "enterprise", "list")
        assert code == 2 and str(data.data_dir) in err and "磁盘为只读" in err, err
        code, _, err = run(capsys, "--data-dir", str(tiny_fs / "新文件夹"), "enterprise", "list")
        assert code == 2 and "无法建立数据文件夹" in err and "磁盘为只读" in err, err
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tiny_fs)], check=False)
    assert store_digest(data.database) == before


# -- Windows: a target held open by another program -----------------------------------------

def test_export_over_a_file_held_open_says_so_and_keeps_the_old_file(demo_store, tmp_path, monkeypatch, capsys):
    target = tmp_path / "汇总.xlsx"
    target.write_bytes(b"the earlier export")

    def held_open(src, dst):  # what Windows does while Excel has the file open
        raise PermissionError(errno.EACCES, "Access is denied", str(dst))

    monkeypatch.setattr(atomic.replace_file.__globals__["os"], "replace", held_open)
    code = main(["--data-dir", str(demo_store.paths.data_dir), "export", "xlsx", "--all", "-o", str(target)])
    err = capsys.readouterr().err
    assert code == 2 and HELD_OPEN in err and str(target) in err
    assert target.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


# -- a closed pipe ----------------------------------------------------------------------------

@pytest.mark.slow
def test_closed_pipe_ends_quietly(demo_store):
    demo_store.close()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen([sys.executable, "-m", "xunzhen_app", "--data-dir", str(demo_store.paths.data_dir),
                             "enterprise", "list"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # `| head -0`: the reader is gone before the first line
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0 and err == ""


# -- the desktop app says the same at start, in a dialog ---------------------------------------

@pytest.mark.parametrize("fault, message", [("empty", "0 字节"), ("folder", "是一个文件夹"), ("foreign", "不是巡诊的数据库")])
def test_gui_start_explains_a_broken_store_and_exits_2(fault, message, qtbot, data, monkeypatch):
    from xunzhen_app.gui import app as gui_app

    if fault == "empty":
        data.database.write_bytes(b"")
    elif fault == "folder":
        data.database.mkdir()
    else:
        sqlite3.connect(data.database).executescript("CREATE TABLE t (x);")
    shown = []
    monkeypatch.setattr(gui_app.QMessageBox, "critical", lambda parent, title, text: shown.append((title, text)))
    assert gui_app.run_gui(str(data.data_dir)) == 2
    assert shown and shown[0][0] == "巡诊无法启动" and message in shown[0][1] and str(data.database) in shown[0][1]
    assert data.database.is_dir() if fault == "folder" else data.database.is_file()


# -- a data folder and exports under a path with Chinese characters and spaces ----------------

def test_chinese_path_with_spaces_end_to_end(tmp_path, capsys):
    home = tmp_path / "Users" / "张 三" / "巡诊 数据"
    out = tmp_path / "Users" / "张 三" / "桌面 文件"
    out.mkdir(parents=True)
    d = str(home)
    assert run(capsys, "--data-dir", d, "demo")[0] == 0
    code, listed, _ = run(capsys, "--data-dir", d, "visit", "list", "--json")
    visit = __import__("json").loads(listed)[0]["id"]
    assert run(capsys, "--data-dir", d, "report", visit, "-o", str(out / "报告 一.pdf"))[0] == 0
    assert run(capsys, "--data-dir", d, "export", "xlsx", "--all", "-o", str(out / "汇总 表.xlsx"))[0] == 0
    assert run(capsys, "--data-dir", d, "backup", str(out / "备份 一.sqlite3"))[0] == 0
    assert run(capsys, "--data-dir", d, "package", "export", "--all", "--no-reports", "-o", str(out / "数据 包.xzpkg"))[0] == 0
    assert run(capsys, "--data-dir", d, "restore", str(out / "备份 一.sqlite3"))[0] == 0
    assert {p.name for p in out.iterdir()} == {"报告 一.pdf", "汇总 表.xlsx", "备份 一.sqlite3", "数据 包.xzpkg"}
    assert (out / "报告 一.pdf").read_bytes().startswith(b"%PDF")
    assert store_digest(home / "xunzhen.sqlite3")  # readable after the restore
