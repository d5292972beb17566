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

from openpyxl.utils import get_column_letter
from sqlalchemy import insert, select

from ..core.annex2_variants import canonical_header, canonical_type, fold
from ..core.errors import UserError
from ..core.regions import read_city
from ..core.uscc import normalize_uscc
from ..db.base import table_of
from ..db.chunks import in_chunks
from ..db.models import Enterprise
from . import xlsx_input
from .dto import Contact, EnterpriseInput
from .enterprises import enterprise_values, fill_enterprise, input_of, validate_enterprise

REQUIRED = ("企业名称", "所属地市", "培育类型")
OPTIONAL = ("序号", "备注", "统一社会信用代码", "区县", "联系人", "联系电话", "职务")
HEADER_SEARCH_ROWS = 10
MAX_SHOWN_PROBLEMS = 50  # an error message listing 100,000 bad rows helps nobody
MAX_SHOWN_ROWS = 10  # rows named per normalisation; the rest are counted
_FLUSH_EVERY = 2000


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)  # "第 N 行：…"
    cancelled: bool = False  # stopped through ``progress``: nothing was written
    normalised: list[str] = field(default_factory=list)  # each variant read as the canonical value, and where
    cities: dict[str, int] = field(default_factory=dict)  # enterprises imported per city

    def summary(self) -> str:
        if self.cancelled:
            return "已取消，未导入任何企业"
        text = f"新增 {len(self.created)} 家，更新 {len(self.updated)} 家"
        text += f"，跳过无效行 {len(self.invalid)} 行" if self.invalid else ""
        return text + (f"；读取说明 {len(self.normalised)} 条（变体写法按标准值读取、未导入的列）" if self.normalised else "")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@dataclass
class ListReading:
    """The rows of a 附件2 list as read: valid rows, a line per invalid one, and every normalisation."""

    rows: list[tuple[int, EnterpriseInput]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    normalised: list[str] = field(default_factory=list)


class _Normalisations:
    """“太原” → “太原市” on rows 3, 4, 9 …: one line per distinct reading, naming where it was made."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str, str], list[int]] = {}

    def add(self, column: str, written: str, canonical: str, row_no: int) -> None:
        self.seen.setdefault((column, written, canonical), []).append(row_no)

    def lines(self) -> list[str]:
        out = []
        for (column, written, canonical), rows in self.seen.items():
            shown = "、".join(map(str, rows[:MAX_SHOWN_ROWS])) + (f" 等 {len(rows)} 行" if len(rows) > MAX_SHOWN_ROWS else " 行")
            out.append(f"{column}“{written}”读作“{canonical}”：第 {shown}")
        return out


def _find_header(path: Path, rows: Iterator[tuple]) -> tuple[int, dict[str, int], list[str]]:
    """The header row, canonical column → index, and a line for each renamed or ignored column."""
    for i, row in zip(range(HEADER_SEARCH_ROWS), rows):
        names = [_cell(v) for v in row]
        columns: dict[str, int] = {}
        for n, name in enumerate(names):
            canonical = canonical_header(name) if name else None
            if canonical is not None and canonical not in columns:
                columns[canonical] = n
        if not all(r in columns for r in REQUIRED):
            continue
        notes: list[str] = []
        for n, name in enumerate(names):
            canonical = canonical_header(name) if name else None
            letter = get_column_letter(n + 1)
            if canonical is None:
                if name:
                    notes.append(f"第 {i + 1} 行 {letter} 列“{name}”不是附件2的列，未导入")
            elif columns[canonical] != n:
                raise UserError(f"“{path}”第 {i + 1} 行的 {get_column_letter(columns[canonical] + 1)} 列和 {letter} 列"
                                f"都是“{canonical}”，无法确定用哪一列，请删去其一")
            elif fold(name) != canonical:
                notes.append(f"列名“{name}”（{letter} 列）读作“{canonical}”")
        return i, columns, notes
    raise UserError(
        f"“{path}”的第一个工作表前 {HEADER_SEARCH_ROWS} 行中找不到附件2的表头（需要列：{'、'.join(REQUIRED)}；"
        f"也认“单位名称”“地市”“类型”等常见写法）"
    )


_COLUMN_OF = {"name": "企业名称", "city": "所属地市", "cultivation_type": "培育类型", "uscc": "统一社会信用代码",
              "county": "区县", "notes": "备注"}


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


def read_list(path: Path) -> ListReading:
    """Every data row read, variants normalised (short city names, 培育类型 spellings, renamed columns)."""
    path = Path(path)
    out = ListReading()
    duplicates, normal = _Duplicates(), _Normalisations()
    with xlsx_input.open_first_sheet(path) as rows:
        header_at, columns, notes = _find_header(path, rows)
        for row_no, row in enumerate(rows, start=header_at + 2):
            if not any(_cell(v) for v in row):
                continue
            get = lambda name: _cell(row[columns[name]]) if name in columns and columns[name] < len(row) else ""  # noqa: E731, B023 (used within this iteration only)
            ambiguous = None
            city = get("所属地市")
            reading = read_city(city) if city else None
            if reading is not None and reading.city is not None and reading.city != city:
                normal.add("所属地市", city, reading.city, row_no)
                city = reading.city
            elif reading is not None and reading.city is None and reading.ambiguous:
                ambiguous = f"所属地市：{reading.problem}"
            written_type = get("培育类型")
            ctype = canonical_type(written_type) if written_type else None
            if ctype is not None and ctype != written_type:
                normal.add("培育类型", written_type, ctype, row_no)
            contact = get("联系人")
            contacts = (Contact(contact, get("职务"), get("联系电话")),) if contact else ()
            data = EnterpriseInput(name=get("企业名称"), city=city, cultivation_type=ctype or written_type,
                                   uscc=get("统一社会信用代码"), county=get("区县"), notes=get("备注"),
                                   contacts=contacts)
            problems = validate_enterprise(data)
            if ambiguous:
                problems["city"] = ambiguous
            if not data.cultivation_type:
                problems["cultivation_type"] = "培育类型不能为空"
            # Each problem names its column, so the sender finds the cell at once.
            fields = {k: (f"{get_column_letter(columns[_COLUMN_OF[k]] + 1)} 列 " if _COLUMN_OF.get(k) in columns else "")
                      + v for k, v in problems.items()}
            if not fields and (dup := duplicates.problem(row_no, data)):
                fields["duplicate"] = dup
            if fields:
                out.problems.append(f"第 {row_no} 行：" + "；".join(fields.values()))
            else:
                out.rows.append((row_no, data))
    out.normalised = notes + normal.lines()
    return out


def read_rows(path: Path) -> tuple[list[tuple[int, EnterpriseInput]], list[str]]:
    """(excel row number, input) for each valid data row, plus a "第 N 行：…" line for each invalid one."""
    reading = read_list(path)
    return reading.rows, reading.problems


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
    reading = read_list(path)
    if reading.problems and not skip_invalid:
        raise _refusal(path, reading.problems)
    try:
        return _import_rows(store, path, reading.rows,
                            ImportReport(invalid=reading.problems, normalised=reading.normalised), skip_invalid, progress)
    except _Cancelled:
        return ImportReport(invalid=reading.problems, cancelled=True, normalised=reading.normalised)


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
                report.cities[data.city] = report.cities.get(data.city, 0) + 1
            elif target in claimed:
                refused.append(f"第 {row_no} 行：与第 {claimed[target]} 行对应同一家已有企业“{existing[target].name}”")
                continue
            else:
                claimed[target] = row_no
                _update(existing[target], data)
                report.updated.append(data.name)
                report.cities[data.city] = report.cities.get(data.city, 0) + 1
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
    for chunk in in_chunks(ordered):
        out.update((e.id, e) for e in session.scalars(
            select(Enterprise).where(Enterprise.id.in_(chunk))))
    return out


def _update(e: Enterprise, data: EnterpriseInput) -> None:
    """The list's columns win; what only the 企业库 holds (honours, contacts, profile …) stays."""
    held = input_of(e)
    known = {c.name for c in held.contacts}
    fill_enterprise(e, replace(held, name=data.name, city=data.city, cultivation_type=data.cultivation_type,
                               uscc=data.uscc or held.uscc, county=data.county or held.county,
                               notes=data.notes or held.notes,
                               contacts=held.contacts + tuple(c for c in data.contacts if c.name not in known)))
