"""The `xunzhen` command: parse arguments, call services, print, exit.

Exit codes: 0 success, 1 usage error, 2 bad input or unknown id (with a
Chinese message on stderr naming what and where). A bug also exits with 1:
its traceback goes to the log file in the data folder and stderr says where.
With no subcommand the desktop workbench opens.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from .. import APP_NAME, __version__
from ..core.errors import UserError

# Modules of this package, imported only when a subcommand is parsed: they load
# SQLAlchemy (~0.7 s), and a bare `xunzhen` shows its window before that.
COMMAND_GROUPS = ("checklist_cmds", "data_cmds", "visit_cmds", "plan_cmds", "backup_cmds", "report_cmds",
                  "screenshots_cmds", "keys_cmds", "package_cmds", "desk_cmds", "case_cmds",
                  "calibration_cmds")
# Which module registers each subcommand, so `xunzhen report …` imports
# report_cmds alone rather than every module and what they import (the
# exchange's cryptography, the checklist services). tests/test_cli.py checks
# this against what the modules register.
COMMAND_MODULES = {
    "checklist": "checklist_cmds", "demo": "data_cmds", "enterprise": "data_cmds", "score": "data_cmds",
    "visit": "visit_cmds", "open": "visit_cmds", "plan": "plan_cmds", "backup": "backup_cmds",
    "restore": "backup_cmds", "report": "report_cmds", "export": "report_cmds", "screenshots": "screenshots_cmds",
    "keys": "keys_cmds", "package": "package_cmds", "sync": "package_cmds", "desk": "desk_cmds",
    "case": "case_cmds",
    "calibration": "calibration_cmds",
}
_VALUED_OPTIONS = ("--data-dir", "--db")
EXIT_USAGE, EXIT_BAD_INPUT = 1, 2
EXIT_BUG = 1


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"用法错误：{message}\n")


def _global_options() -> argparse.ArgumentParser:
    # Accepted both before and after the subcommand; SUPPRESS keeps the later
    # one from overwriting a value given earlier with its default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="数据文件夹（默认为系统的用户数据目录）")
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="数据库地址（SQLAlchemy URL，如 postgresql+psycopg://…），默认为数据文件夹中的 SQLite 文件")
    return common


def _command_word(argv: list[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is not a global option or its value)."""
    words = iter(argv)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with only the named subcommand's module when there is one, else with all."""
    common = _global_options()
    parser = _Parser(prog="xunzhen", description=f"{APP_NAME} — 质量巡诊离线工作台", parents=[common])
    parser.add_argument("--version", action="version", version=f"{APP_NAME} xunzhen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    word = _command_word(argv) if argv is not None else None
    for name in (COMMAND_MODULES[word],) if word in COMMAND_MODULES else COMMAND_GROUPS:
        importlib.import_module(f"{__package__}.{name}").register(sub, common)
    return parser


def _bare_gui_options(argv: list[str]) -> argparse.Namespace | None:
    """The global options when nothing else was given (`xunzhen [--data-dir D] [--db URL]`), else None."""
    quiet = argparse.ArgumentParser(add_help=False, parents=[_global_options()], exit_on_error=False)
    try:
        options, rest = quiet.parse_known_args(argv)
    except argparse.ArgumentError:  # a malformed option: the full parser explains it
        return None
    return None if rest else options


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    gui = _bare_gui_options(sys.argv[1:] if argv is None else argv)
    if gui is not None:
        from ..gui.app import run_gui

        return run_gui(getattr(gui, "data_dir", None), getattr(gui, "db", None))
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        from ..gui.app import run_gui

        return run_gui(getattr(args, "data_dir", None), getattr(args, "db", None))
    if not hasattr(args, "handler"):
        parser.parse_args([args.command, "--help"])
    try:
        code = args.handler(args) or 0
        sys.stdout.flush()  # a pipe is block-buffered: a closed one shows here, not at exit
        return code
    except BrokenPipeError:
        return _reader_went_away()
    except UserError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:
        return _report_bug(args, exc)


def _reader_went_away() -> int:
    """`xunzhen enterprise list | head -1`: the reader has what it wanted; end without a word.

    stdout is pointed at the null device so the interpreter's last flush at exit does not
    fail once more and print a warning.
    """
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no real descriptor behind stdout (a test's capture)
        pass
    return 0


def _report_bug(args: argparse.Namespace, exc: Exception) -> int:
    from ..app_log import log_bug, start_log
    from ..paths import resolve_paths

    try:
        path = start_log(resolve_paths(getattr(args, "data_dir", None)))
        log_bug(exc, f"命令 {args.command} 出错")
    except OSError:  # the log cannot be written: the console is all there is
        import traceback

        traceback.print_exception(exc)
        print("程序出错，且无法写入日志文件，详细信息见上。请发给维护人员。", file=sys.stderr)
        return EXIT_BUG
    print(f"程序出错（{type(exc).__name__}: {exc}）。\n详细信息已记入日志文件：{path}\n请把该文件发给维护人员。",
          file=sys.stderr)
    return EXIT_BUG


def run() -> None:
    sys.exit(main())
