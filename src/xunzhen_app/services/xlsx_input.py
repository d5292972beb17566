"""Reading a workbook someone sent: refuse what is not an .xlsx, or is too big, before openpyxl
parses it, and turn whatever openpyxl raises on a hostile file into a Chinese message.

openpyxl parses through defusedxml (a dependency for this reason), so a document type
declaration with entities — external (XXE) or expanding ("billion laughs") — is refused
instead of being resolved. The zip limits count bytes as they are inflated, not as the zip's
directory declares them, because the directory is the attacker's to write.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from defusedxml import DefusedXmlException

from ..core.errors import UserError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 1000
# A 100,000-row 附件2 list inflates to about 40 MB; a zip bomb to gigabytes.
MAX_INFLATED_BYTES = 400 * 1024 * 1024
_CHUNK = 1024 * 1024

SAVE_AS = "请在 Excel 或 WPS 中另存为 .xlsx（Excel 工作簿）后再导入"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and .et (WPS) are OLE compound files


def not_xlsx(path: Path, what: str) -> UserError:
    return UserError(f"“{path}”{what}：{SAVE_AS}")


def _sniff(path: Path) -> None:
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            head = f.read(8)
    except FileNotFoundError:
        raise UserError(f"文件“{path}”不存在") from None
    except IsADirectoryError:
        raise UserError(f"“{path}”是文件夹，不是 Excel 文件") from None
    except OSError as exc:
        raise UserError(f"无法读取“{path}”：{exc.strerror}") from None
    if head == _OLE_MAGIC:
        raise not_xlsx(path, "是旧版 Excel（.xls）或 WPS（.et）文件，不是 .xlsx")
    if not head.startswith(b"PK\x03\x04"):
        kind = "是文本或 CSV 文件，不是 .xlsx" if _looks_like_text(path) else "不是有效的 Excel（.xlsx）文件"
        raise not_xlsx(path, kind)
    if size > MAX_FILE_BYTES:
        raise UserError(f"“{path}”有 {size // 2**20} MB，超过 {MAX_FILE_BYTES // 2**20} MB 的上限，请拆分后再导入")


def _looks_like_text(path: Path) -> bool:
    with path.open("rb") as f:
        sample = f.read(4096)
    for encoding in ("utf-8", "gb18030"):
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\r\n\t" for ch in text.rstrip("\x00"))
    return False


def _check_zip(path: Path) -> None:
    """Inflate every member once, counting what comes out, and stop at the limits."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise UserError(f"“{path}”含有 {len(infos)} 个部件，超过 {MAX_MEMBERS} 个的上限，不是正常的 Excel 名单")
            names = {i.filename for i in infos}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise not_xlsx(path, "是压缩文件，不是 Excel（.xlsx）工作簿")
            total = 0
            for info in infos:
                with zf.open(info) as member:
                    first = True
                    while chunk := member.read(_CHUNK):
                        if first and _declares_entities(chunk):
                            raise _entities_refused(path)
                        first = False
                        total += len(chunk)
                        if total > MAX_INFLATED_BYTES:
                            raise UserError(f"“{path}”解压后超过 {MAX_INFLATED_BYTES // 2**20} MB 的上限"
                                            "（可能是压缩炸弹），已拒绝")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, NotImplementedError, ValueError,
            OSError) as exc:  # OSError: a directory pointing before the file's start makes seek fail
        raise UserError(f"“{path}”已损坏，无法作为 .xlsx 读取（{exc}）：{SAVE_AS}") from None
    except RuntimeError as exc:  # an encrypted member: a password-protected workbook
        raise UserError(f"“{path}”有密码保护，无法读取（{exc}）；请取消密码后再导入") from None


def _declares_entities(head: bytes) -> bool:
    """A document type declaration, which no Excel or WPS part has: refused whichever XML parser
    openpyxl ends up using (defusedxml, or lxml when that is installed)."""
    return b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper()


def _entities_refused(path: Path) -> UserError:
    return UserError(f"“{path}”含有 XML 实体或文档类型声明（正常的 Excel 文件没有，可能是恶意文件），已拒绝")


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it was raised from: openpyxl wraps a parser's error in a ValueError."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


@contextmanager
def reading(path: Path) -> Iterator[None]:
    """Turn what openpyxl raises on a malformed or hostile workbook into a UserError."""
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        yield
    except InvalidFileException:  # openpyxl goes by the file name's extension
        raise not_xlsx(path, f"的扩展名“{path.suffix}”不是 .xlsx") from None
    # SyntaxError: what both ElementTree (ParseError) and lxml (XMLSyntaxError) raise on broken XML.
    except (SyntaxError, zipfile.BadZipFile, zlib.error, EOFError, KeyError, IndexError, TypeError, ValueError,
            AttributeError, OSError) as exc:
        chain = _causes(exc)
        if any(isinstance(e, DefusedXmlException) for e in chain):
            raise _entities_refused(path) from None
        detail = str(chain[-1]).splitlines()[0][:200] if str(chain[-1]) else type(chain[-1]).__name__
        if any(isinstance(e, SyntaxError) for e in chain):
            raise UserError(f"“{path}”中的 XML 已损坏（{detail}）：{SAVE_AS}") from None
        raise UserError(f"“{path}”不是有效的 .xlsx 文件（{detail}）：{SAVE_AS}") from None


def _read_only_sheet_size(ws) -> None:
    """ReadOnlyWorksheet._get_size, reading only up to the sheet's data.

    openpyxl 3.1 looks for a sheet's <dimension> among iterparse's *end* events and stops at
    <sheetData> — which ends only after the last row. A sheet saved without a dimension (openpyxl's
    own write-only mode does that) was parsed whole before its first row was read: a fifth of a
    100,000-row import. Start events see both elements at once, with their attributes.
    """
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.xml.constants import SHEET_MAIN_NS
    from openpyxl.xml.functions import iterparse  # defusedxml's, as openpyxl's own

    src = ws._get_source()
    try:
        for _event, element in iterparse(src, events=("start",)):
            if element.tag == f"{{{SHEET_MAIN_NS}}}dimension":
                ws._min_column, ws._min_row, ws._max_column, ws._max_row = SheetDimension.from_tree(element).boundaries
                return
            if element.tag == f"{{{SHEET_MAIN_NS}}}sheetData":
                return
    finally:
        src.close()


def _patch_openpyxl() -> None:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    ReadOnlyWorksheet._get_size = _read_only_sheet_size


@contextmanager
def open_workbook(path: Path):
    """A checked workbook, opened read-only (values, not formulas); closed on exit.

    Read its sheets through ``sheet_rows`` (or under ``reading``), so that what openpyxl raises
    on a malformed part becomes a message too.
    """
    from openpyxl import load_workbook

    path = Path(path)
    _sniff(path)
    _check_zip(path)
    _patch_openpyxl()
    with reading(path):
        wb = load_workbook(path, read_only=True, data_only=True)
    try:
        yield wb
    finally:
        wb.close()


@contextmanager
def open_first_sheet(path: Path) -> Iterator[Iterator[tuple]]:
    """The rows (tuples of values) of the first worksheet of a checked workbook; closed on exit.

    Only openpyxl's own work runs under ``reading``, so a bug in the caller keeps its traceback.
    """
    path = Path(path)
    with open_workbook(path) as wb:
        if not wb.worksheets:
            raise UserError(f"“{path}”中没有工作表")
        yield sheet_rows(path, wb.worksheets[0])


def sheet_rows(path: Path, ws) -> Iterator[tuple]:
    """The rows (tuples of values) of a sheet of a workbook from ``open_workbook``, parsed lazily."""
    rows = ws.iter_rows(values_only=True)  # parsed lazily, row by row
    while True:
        with reading(path):
            row = next(rows, None)
        if row is None:
            return
        yield row
