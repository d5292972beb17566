"""Import a 附件2 list (序号, 企业名称, 所属地市, 培育类型, 备注[, 统一社会信用代码, 区县]) from Excel.

Every row is checked before anything is written: one invalid row and nothing
is imported, unless the caller asks to skip invalid rows. The import is one
transaction, so a cancelled one (``progress`` returning False) leaves the
enterprise table as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select

from ..core.errors import UserError
from ..db.models import Enterprise
from .dto import EnterpriseInput
from .enterprises import ValidationError, _apply, add_enterprise, input_of, validate_enterprise

REQUIRED = ("企业名称", "所属地市", "培育类型")
OPTIONAL = ("序号", "备注", "统一社会信用代码", "区县")
HEADER_SEARCH_ROWS = 10


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


def _open_sheet(path: Path):
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise UserError(f"文件“{path}”不存在") from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UserError(f"“{path}”不是有效的 Excel（.xlsx）文件：{exc}") from None
    return wb, wb.worksheets[0]


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_rows(path: Path) -> tuple[list[tuple[int, EnterpriseInput]], list[str]]:
    """(excel row number, input) for each data row, plus problems found while reading."""
    wb, ws = _open_sheet(path)
    try:
        rows = list(ws.iter_rows(values_only=True))
    finally:
        wb.close()
    header_at, columns = None, {}
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = [_cell(v).replace(" ", "") for v in row]
        if all(r in names for r in REQUIRED):
            header_at, columns = i, {n: names.index(n) for n in (*REQUIRED, *OPTIONAL) if n in names}
            break
    if header_at is None:
        raise UserError(
            f"“{path}”的第一个工作表前 {HEADER_SEARCH_ROWS} 行中找不到附件2的表头（需要列：{'、'.join(REQUIRED)}）"
        )
    out, problems = [], []
    for offset, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        get = lambda name: _cell(row[columns[name]]) if name in columns and columns[name] < len(row) else ""  # noqa: E731, B023 (used within this iteration only)
        if not any(_cell(v) for v in row):
            continue
        data = EnterpriseInput(name=get("企业名称"), city=get("所属地市"), cultivation_type=get("培育类型") or "",
                               uscc=get("统一社会信用代码"), county=get("区县"), notes=get("备注"))
        fields = validate_enterprise(data)
        if not data.cultivation_type:
            fields["cultivation_type"] = "培育类型不能为空"
        if fields:
            problems.append(f"第 {offset} 行：" + "；".join(fields.values()))
        else:
            out.append((offset, data))
    return out, problems


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
        raise UserError(f"“{path}”有 {len(problems)} 行无效，未导入任何企业：\n" + "\n".join(problems))
    try:
        return _import_rows(store, path, rows, ImportReport(invalid=problems), skip_invalid, progress)
    except _Cancelled:
        return ImportReport(invalid=problems, cancelled=True)


def _import_rows(store, path: Path, rows, report: ImportReport, skip_invalid: bool, progress) -> ImportReport:
    def go_on(done: int) -> None:
        if progress is not None and progress(done, len(rows)) is False:
            raise _Cancelled

    with store.session() as s:
        for done, (row_no, data) in enumerate(rows):
            go_on(done)
            where = f"“{path.name}”第 {row_no} 行"
            existing = None
            if data.uscc:
                existing = s.scalar(select(Enterprise).where(Enterprise.uscc == data.uscc.upper()))
            if existing is None:
                existing = s.scalar(select(Enterprise).where(Enterprise.name == data.name, Enterprise.city == data.city))
            try:
                if existing is None:
                    add_enterprise(s, data, where)
                    report.created.append(data.name)
                else:
                    # The list's columns win; what only the 企业库 holds (honours, profile …) stays.
                    held = input_of(existing)
                    keep = replace(held, name=data.name, city=data.city, cultivation_type=data.cultivation_type,
                                   uscc=data.uscc or held.uscc, county=data.county or held.county,
                                   notes=data.notes or held.notes)
                    _apply(s, existing, keep, where)
                    report.updated.append(data.name)
                s.flush()
            except ValidationError as exc:
                if not skip_invalid:
                    raise
                report.invalid.append(str(exc))
        go_on(len(rows))  # a 取消 pressed during the last row still wins: nothing is committed yet
    return report
