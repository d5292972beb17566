"""A private, throw-away PostgreSQL server for the tests (not a mock).

Session-scoped: ``initdb`` into a temporary folder, ``pg_ctl start`` on a free
port on 127.0.0.1 with its socket in /tmp, then one fresh database per test.
PostgreSQL refuses to run as root, so as root the server runs as the
``postgres`` system user (created by Debian's package) or ``nobody``. Tests
skip with the reason only when no server can be started; CI installs the
Debian ``postgresql`` package (.ci/run) so there it always runs.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest


def _bin_dir() -> Path | None:
    if shutil.which("pg_ctl") and shutil.which("initdb"):
        return Path(shutil.which("pg_ctl")).resolve().parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run_as() -> tuple[list[str], int | None, int | None]:
    if os.geteuid() != 0:
        return [], None, None
    for user in ("postgres", "nobody"):
        try:
            pw = pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"], pw.pw_uid, pw.pw_gid
    raise RuntimeError("以 root 运行且没有可用的非特权用户（postgres/nobody）")


class PgServer:
    def __init__(self):
        bin_dir = _bin_dir()
        if bin_dir is None:
            raise RuntimeError("找不到 PostgreSQL（initdb/pg_ctl）；Debian 上请安装 postgresql 包")
        self.prefix, uid, gid = _run_as()
        self.root = Path(tempfile.mkdtemp(prefix="xunzhen-pg-", dir="/tmp"))
        self.data, self.sock = self.root / "data", self.root / "sock"
        self.sock.mkdir()
        if uid is not None:
            for p in (self.root, self.sock):
                os.chown(p, uid, gid)
        self.port = _free_port()
        self.user = "xunzhen"
        self.pg_ctl = str(bin_dir / "pg_ctl")
        self._run([str(bin_dir / "initdb"), "-D", str(self.data), "-U", self.user, "-A", "trust",
                   "-E", "UTF8", "--locale=C", "--no-sync"])
        opts = (f"-c listen_addresses=127.0.0.1 -p {self.port} -c unix_socket_directories={self.sock} "
                "-c fsync=off -c full_page_writes=off -c synchronous_commit=off")
        self._run([self.pg_ctl, "-D", str(self.data), "-o", opts, "-l", str(self.root / "log"), "-w", "-t", "30", "start"])

    def _run(self, cmd: list[str]) -> None:
        proc = subprocess.run(self.prefix + cmd, capture_output=True, text=True, timeout=60)
        if proc.returncode != 0:
            log = self.root / "log"
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise RuntimeError(f"{Path(cmd[0]).name} 失败：{proc.stderr.strip()[-800:]} {tail}")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres", autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run([self.pg_ctl, "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server():
    try:
        server = PgServer()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"无法启动 PostgreSQL 测试服务器：{exc}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """A fresh, empty database on the private server."""
    return pg_server.create_database()
