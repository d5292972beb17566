"""Import a 附件2 list (序号, 企业名称, 所属地市, 培育类型, 备注[, 统一社会信用代码, 区县]) from Excel.

Every row is checked before anything is written: one invalid row and nothing
is imported, unless the caller asks to skip invalid rows. The import is one
transaction, so a cancelled one (``progress`` returning False) leaves the
enterprise table as it was.

Time and memory are linear in the rows: the sheet is read once in openpyxl's
read-only mode, and the enterprises already stored are looked up in bulk, not
row by row (benchmarks/import_xlsx.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import insert, select

from ..core.errors import UserError
from ..core.uscc import normalize_uscc
from ..db.base import table_of
from ..db.models import Enterprise
from . import xlsx_input
from .dto import EnterpriseInput
from .enterprises import enterprise_values, fill_enterprise, input_of, validate_enterprise

REQUIRED = ("企业名称", "所属地市", "培育类型")
OPTIONAL = ("序号", "备注", "统一社会信用代码", "区县")
HEADER_SEARCH_ROWS = 10
MAX_SHOWN_PROBLEMS = 50  # an error message listing 100,000 bad rows helps nobody
_FLUSH_EVERY = 2000
_LOOKUP_CHUNK = 500  # ids per IN (…): well under SQLite's and PostgreSQL's parameter limits


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # "第 N 行：…"
    cancelled: bool = False  # stopped through ``progress``: nothing was written

    def summary(self) -> str:
        if self.cancelled:
            return "已取消，未导入任何企业"
        text = f"新增 {len(self.created)} 家，更新 {len(self.updated)} 家"
        return text + (f"，跳过无效行 {len(self.invalid)} 行" if self.invalid else "")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _find_header(path: Path, rows: Iterator[tuple]) -> tuple[int, dict[str, int]]:
    for i, row in zip(range(HEADER_SEARCH_ROWS), rows):
        names = [_cell(v).replace(" ", "") for v in row]
        if all(r in names for r in REQUIRED):
            return i, {n: names.index(n) for n in (*REQUIRED, *OPTIONAL) if n in names}
    raise UserError(
        f"“{path}”的第一个工作表前 {HEADER_SEARCH_ROWS} 行中找不到附件2的表头（需要列：{'、'.join(REQUIRED)}）"
    )


class _Duplicates:
    """Remembers the first row of each enterprise, by its USCC and by its name within a city."""

    def __init__(self) -> None:
        self.by_uscc: dict[str, int] = {}
        self.by_name: dict[tuple[str, str], int] = {}

    def problem(self, row_no: int, data: EnterpriseInput) -> str | None:
        uscc, name = normalize_uscc(data.uscc), (data.name.strip(), data.city.strip())
        if uscc and uscc in self.by_uscc:
            return f"与第 {self.by_uscc[uscc]} 行重复（统一社会信用代码 {uscc} 相同）"
        if name in self.by_name:
            return f"与第 {self.by_name[name]} 行重复（{name[1]}的“{name[0]}”）"
        if uscc:
            self.by_uscc[uscc] = row_no
        self.by_name[name] = row_no
        return None


def read_rows(path: Path) -> tuple[list[tuple[int, EnterpriseInput]], list[str]]:
    """(excel row number, input) for each valid data row, plus a "第 N 行：…" line for each invalid one."""
    path = Path(path)
    out, problems = [], []
    duplicates = _Duplicates()
    with xlsx_input.open_first_sheet(path) as rows:
        header_at, columns = _find_header(path, rows)
        for row_no, row in enumerate(rows, start=header_at + 2):
            if not any(_cell(v) for v in row):
                continue
            get = lambda name: _cell(row[columns[name]]) if name in columns and columns[name] < len(row) else ""  # noqa: E731, B023 (used within this iteration only)
            data = EnterpriseInput(name=get("企业名称"), city=get("所属地市"), cultivation_type=get("培育类型") or "",
                                   uscc=get("统一社会信用代码"), county=get("区县"), notes=get("备注"))
            fields = validate_enterprise(data)
            if not data.cultivation_type:
                fields["cultivation_type"] = "培育类型不能为空"
            if not fields and (dup := duplicates.problem(row_no, data)):
                fields["duplicate"] = dup
            if fields:
                problems.append(f"第 {row_no} 行：" + "；".join(fields.values()))
            else:
                out.append((row_no, data))
    return out, problems


def _refusal(path: Path, problems: list[str]) -> UserError:
    shown = problems[:MAX_SHOWN_PROBLEMS]
    more = f"\n……另有 {len(problems) - len(shown)} 行无效，未一一列出" if len(problems) > len(shown) else ""
    return UserError(f"“{path}”有 {len(problems)} 行无效，未导入任何企业：\n" + "\n".join(shown) + more)


class _Cancelled(Exception):
    """Raised inside the transaction so the store rolls back every row written so far."""


def import_enterprises(store, path: Path, skip_invalid: bool = False,
                       progress: Callable[[int, int], bool] | None = None) -> ImportReport:
    """Import the list in one transaction.

    ``progress(done, total)`` is called before each row and once before the
    commit; returning False rolls everything back and the report says
    ``cancelled``.
    """
    path = Path(path)
    rows, problems = read_rows(path)
    if problems and not skip_invalid:
        raise _refusal(path, problems)
    try:
        return _import_rows(store, path, rows, ImportReport(invalid=problems), skip_invalid, progress)
    except _Cancelled:
        return ImportReport(invalid=problems, cancelled=True)


def _import_rows(store, path: Path, rows, report: ImportReport, skip_invalid: bool, progress) -> ImportReport:
    def go_on(done: int) -> None:
        if progress is not None and progress(done, len(rows)) is False:
            raise _Cancelled

    with store.session() as s:
        by_uscc: dict[str, str] = {}
        by_name: dict[tuple[str, str], str] = {}
        for eid, uscc, name, city in s.execute(select(Enterprise.id, Enterprise.uscc, Enterprise.name, Enterprise.city)):
            if uscc:
                by_uscc[uscc] = eid
            by_name.setdefault((name, city), eid)
        targets = [by_uscc.get(normalize_uscc(d.uscc)) or by_name.get((d.name.strip(), d.city.strip()))
                   for _, d in rows]
        existing = _load(s, {t for t in targets if t})
        claimed: dict[str, int] = {}  # existing id → the row that updates it
        refused: list[str] = []
        # New enterprises go in as prepared rows, one executemany per batch: ORM objects (and their
        # flush) were a third of a 100,000-row import. A new enterprise needs nothing of the flush
        # hook but its id, which the column default gives; updates stay ORM so their revision is bumped.
        new_rows: list[dict] = []
        for done, ((row_no, data), target) in enumerate(zip(rows, targets)):
            go_on(done)
            if target is None:
                new_rows.append(enterprise_values(data))
                report.created.append(data.name)
            elif target in claimed:
                refused.append(f"第 {row_no} 行：与第 {claimed[target]} 行对应同一家已有企业“{existing[target].name}”")
                continue
            else:
                claimed[target] = row_no
                _update(existing[target], data)
                report.updated.append(data.name)
            if done % _FLUSH_EVERY == _FLUSH_EVERY - 1:
                _insert(s, new_rows)
                s.flush()
        if refused and not skip_invalid:
            raise _refusal(path, refused)
        report.invalid += refused
        _insert(s, new_rows)
        s.flush()
        go_on(len(rows))  # a 取消 pressed during the last row still wins: nothing is committed yet
    return report


def _insert(session, rows: list[dict]) -> None:
    """Insert the rows gathered so far, and forget them."""
    if rows:
        session.execute(insert(table_of(Enterprise)), rows)
        rows.clear()


def _load(session, ids: set[str]) -> dict[str, Enterprise]:
    ordered = sorted(ids)
    out: dict[str, Enterprise] = {}
    for i in range(0, len(ordered), _LOOKUP_CHUNK):
        out.update((e.id, e) for e in session.scalars(
            select(Enterprise).where(Enterprise.id.in_(ordered[i:i + _LOOKUP_CHUNK]))))
    return out


def _update(e: Enterprise, data: EnterpriseInput) -> None:
    """The list's columns win; what only the 企业库 holds (honours, contacts, profile …) stays."""
    held = input_of(e)
    fill_enterprise(e, replace(held, name=data.name, city=data.city, cultivation_type=data.cultivation_type,
                               uscc=data.uscc or held.uscc, county=data.county or held.county,
                               notes=data.notes or held.notes))
