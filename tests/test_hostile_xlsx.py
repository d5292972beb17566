"""`xunzhen enterprise import` against hostile and malformed files, built here: each is refused
with exit code 2 and a Chinese message naming the file, and the store is left exactly as it was.
A bounded fuzz over the reader checks that nothing but the app's own error escapes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_digest import store_digest

from xunzhen_app.cli import main
from xunzhen_app.core.errors import UserError
from xunzhen_app.services import enterprise_import, xlsx_input
from xunzhen_app.services.enterprises import list_enterprises

HEADER = ["序号", "企业名称", "所属地市", "培育类型", "备注", "统一社会信用代码"]
USCC = "91350100M000100Y43"


def good_xlsx(path: Path, rows=((1, "甲公司", "太原市", "领军型", "", USCC),)) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for r in rows:
        ws.append(list(r))
    wb.save(path)
    return path


def rewritten(src: Path, dst: Path, change=lambda name, data: data, extra=()) -> Path:
    """A copy of the workbook ``src`` with members changed by ``change`` and ``extra`` (name, bytes) added."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info)))
        for name, data in extra:
            zout.writestr(name, data)
    return dst


SHEET = "xl/worksheets/sheet1.xml"  # openpyxl writes its strings inline, in the sheet


def _replace(data: bytes, old: str, new: bytes) -> bytes:
    # openpyxl writes CJK as UTF-8, or as character references when lxml is installed.
    for form in (old.encode(), "".join(f"&#{ord(ch)};" for ch in old).encode()):
        data = data.replace(form, new)
    return data


def in_sheet(old: str, new: str):
    return lambda name, data: _replace(data, old, new.encode()) if name == SHEET else data


def with_doctype(doctype: bytes, entity_ref: bytes):
    """Put ``doctype`` at the top of the sheet and ``entity_ref`` in the first name's place."""
    def change(name, data):
        if name != SHEET:
            return data
        head, sep, body = data.partition(b"?>") if data.startswith(b"<?xml") else (b"", b"", data)
        return head + sep + doctype + _replace(body, "甲公司", entity_ref)
    return change


XXE = b'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
LAUGHS = (b'<!DOCTYPE worksheet [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b"]>")


def _xxe(tmp):
    return rewritten(good_xlsx(tmp / "src.xlsx"), tmp / "名单.xlsx", with_doctype(XXE, b"&xxe;"))


def _laughs(tmp):
    return rewritten(good_xlsx(tmp / "src.xlsx"), tmp / "名单.xlsx", with_doctype(LAUGHS, b"&lol9;"))


def _xxe_in_workbook_part(tmp):
    # openpyxl parses this part with lxml when lxml is installed, not with defusedxml.
    def change(name, data):
        if name != "xl/workbook.xml":
            return data
        return XXE.replace(b"worksheet", b"workbook") + data
    return rewritten(good_xlsx(tmp / "src.xlsx"), tmp / "名单.xlsx", change)


def _zip_bomb(tmp):
    # 64 MB of zeros deflate to 64 KB; the limit is lowered for the test (see the fixture), so a
    # bomb a thousand times the limit costs a second to build rather than minutes.
    return rewritten(good_xlsx(tmp / "src.xlsx"), tmp / "名单.xlsx", extra=[("xl/media/bomb.bin", bytes(64 * 2**20))])


def _many_members(tmp):
    return rewritten(good_xlsx(tmp / "src.xlsx"), tmp / "名单.xlsx",
                     extra=[(f"xl/media/m{i}.bin", b"x") for i in range(xlsx_input.MAX_MEMBERS + 1)])


def _xls(tmp):
    p = tmp / "名单.xls"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    return p


def _xls_renamed(tmp):
    p = _xls(tmp)
    return p.rename(tmp / "名单.xlsx")


def _et(tmp):
    return _xls(tmp).rename(tmp / "名单.et")


def _csv_renamed(tmp):
    p = tmp / "名单.xlsx"
    p.write_text("序号,企业名称,所属地市,培育类型\n1,甲公司,太原市,领军型\n", encoding="utf-8")
    return p


def _gbk_csv(tmp):
    p = tmp / "名单.csv"
    p.write_bytes("序号,企业名称,所属地市,培育类型\n1,甲公司,太原市,领军型\n".encode("gb18030"))
    return p


def _xlsx_named_csv(tmp):
    return good_xlsx(tmp / "src.xlsx").rename(tmp / "名单.csv")


def _plain_zip(tmp):
    p = tmp / "名单.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("readme.txt", "not a workbook")
    return p


def _truncated(tmp):
    data = good_xlsx(tmp / "src.xlsx").read_bytes()
    p = tmp / "名单.xlsx"
    p.write_bytes(data[: len(data) // 2])
    return p


def _broken_sheet_xml(tmp):
    return rewritten(good_xlsx(tmp / "src.xlsx"), tmp / "名单.xlsx",
                     lambda n, d: d[: len(d) // 2] if n == SHEET else d)


def _missing_sheet(tmp):
    src = good_xlsx(tmp / "src.xlsx")
    p = tmp / "名单.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(p, "w") as zout:
        for info in zin.infolist():
            if info.filename != SHEET:
                zout.writestr(info.filename, zin.read(info))
    return p


def _folder(tmp):
    p = tmp / "名单.xlsx"
    p.mkdir()
    return p


def _missing(tmp):
    return tmp / "没有这个文件.xlsx"


def _empty(tmp):
    p = tmp / "名单.xlsx"
    p.write_bytes(b"")
    return p


def _long_name(tmp):
    return good_xlsx(tmp / "名单.xlsx", [(1, "名" * 5000, "太原市", "领军型", "", "")])


def _duplicates(tmp):
    return good_xlsx(tmp / "名单.xlsx", [(1, "甲公司", "太原市", "领军型", "", USCC),
                                        (2, "乙公司", "大同市", "领军型", "", ""),
                                        (3, "甲公司（新名）", "太原市", "领军型", "", USCC.lower()),
                                        (4, "乙公司", "大同市", "重点培育型", "", "")])


def _formula_name(tmp):
    # A formula with no cached value (what a script writes): the name cell is empty once read.
    return good_xlsx(tmp / "名单.xlsx", [(1, '=HYPERLINK("http://evil.example","x")', "太原市", "领军型", "", "")])


def _newline_in_name(tmp):
    return good_xlsx(tmp / "名单.xlsx", [(1, "甲公司\n乙公司", "太原市", "领军型", "", "")])


def _carriage_return_in_name(tmp):
    return rewritten(good_xlsx(tmp / "src.xlsx"), tmp / "名单.xlsx", in_sheet("甲公司", "甲&#13;公司"))


def _raw_control_character(tmp):
    # XML 1.0 has no place for a BEL, even escaped: the parser refuses the sheet.
    return rewritten(good_xlsx(tmp / "src.xlsx"), tmp / "名单.xlsx", in_sheet("甲公司", "甲\x07公司"))


def _bidi_override(tmp):
    return good_xlsx(tmp / "名单.xlsx", [(1, "甲公司\u202egpj.exe", "太原市", "领军型", "", "")])


# (builder, what the message must say)
HOSTILE = {
    "xxe": (_xxe, "XML 实体"),
    "billion_laughs": (_laughs, "XML 实体"),
    "xxe_in_workbook_part": (_xxe_in_workbook_part, "XML 实体"),
    "zip_bomb": (_zip_bomb, "压缩炸弹"),
    "too_many_members": (_many_members, "部件"),
    "xls": (_xls, "另存为 .xlsx"),
    "xls_renamed_xlsx": (_xls_renamed, "另存为 .xlsx"),
    "wps_et": (_et, "另存为 .xlsx"),
    "csv_renamed_xlsx": (_csv_renamed, "另存为 .xlsx"),
    "gbk_csv": (_gbk_csv, "另存为 .xlsx"),
    "xlsx_named_csv": (_xlsx_named_csv, "另存为 .xlsx"),
    "zip_not_workbook": (_plain_zip, "另存为 .xlsx"),
    "truncated": (_truncated, "另存为 .xlsx"),
    "broken_sheet_xml": (_broken_sheet_xml, "另存为 .xlsx"),
    "missing_sheet": (_missing_sheet, "没有工作表"),
    "folder": (_folder, "是文件夹"),
    "missing_file": (_missing, "不存在"),
    "empty_file": (_empty, "另存为 .xlsx"),
    "5000_char_name": (_long_name, "第 2 行：B 列 企业名称：过长：5000 个字符，上限 200 个"),
    "duplicate_rows": (_duplicates, "第 4 行：与第 2 行重复（统一社会信用代码 91350100M000100Y43 相同）"),
    "formula_name": (_formula_name, "第 2 行：B 列 企业名称不能为空"),
    "newline_in_name": (_newline_in_name, "企业名称：第 4 个字符是换行"),
    "carriage_return_in_name": (_carriage_return_in_name, "企业名称：第 2 个字符是换行"),
    "raw_control_character": (_raw_control_character, "XML 已损坏"),
    "bidi_override": (_bidi_override, "控制字符 U+202E"),
}


@pytest.fixture
def small_inflation_limit(monkeypatch):
    monkeypatch.setattr(xlsx_input, "MAX_INFLATED_BYTES", 8 * 2**20)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_and_the_store_is_unchanged(case, store, paths, tmp_path, capsys,
                                                            small_inflation_limit):
    build, message = HOSTILE[case]
    good = good_xlsx(tmp_path / "已有.xlsx", [(1, "已有企业", "晋中市", "重点培育型", "首批", "")])
    assert main(["--data-dir", str(paths.data_dir), "enterprise", "import", str(good)]) == 0
    capsys.readouterr()
    before = store_digest(paths.database)
    hostile = build(tmp_path)
    code = main(["--data-dir", str(paths.data_dir), "enterprise", "import", str(hostile)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert message in err and str(hostile) in err and "Traceback" not in err
    assert store_digest(paths.database) == before
    assert [e.name for e in list_enterprises(store)] == ["已有企业"]


def test_duplicates_name_both_rows_whether_by_code_or_by_name(tmp_path):
    _, problems = enterprise_import.read_rows(_duplicates(tmp_path))
    assert problems == ["第 4 行：与第 2 行重复（统一社会信用代码 91350100M000100Y43 相同）",
                        "第 5 行：与第 3 行重复（大同市的“乙公司”）"]


def test_skip_invalid_imports_the_first_of_duplicates_and_the_rest(store, tmp_path):
    report = enterprise_import.import_enterprises(store, _duplicates(tmp_path), skip_invalid=True)
    assert report.created == ["甲公司", "乙公司"] and len(report.invalid) == 2


def test_a_formula_like_text_is_a_name_like_any_other(store, tmp_path):
    # Kept as the text it is; the exports write it as text (tests/test_xlsx_no_formulas.py).
    f = good_xlsx(tmp_path / "名单.xlsx", [(1, "'=1+1", "太原市", "领军型", "", "")])
    assert enterprise_import.import_enterprises(store, f).created == ["'=1+1"]


def test_openpyxl_parses_through_defusedxml():
    import openpyxl as opx

    assert opx.DEFUSEDXML is True


def test_many_rows_give_a_bounded_message(store, tmp_path):
    rows = [(n, "", "太原市", "领军型", "", "") for n in range(200)]
    with pytest.raises(UserError) as exc:
        enterprise_import.import_enterprises(store, good_xlsx(tmp_path / "名单.xlsx", rows))
    text = str(exc.value)
    assert "有 200 行无效" in text and "另有 150 行无效，未一一列出" in text and text.count("企业名称不能为空") == 50


# -- bounded fuzz: random bytes, and a valid workbook with bytes of its parts flipped --------

def _seed_bytes() -> bytes:
    out = io.BytesIO()
    wb = openpyxl.Workbook()
    wb.active.append(HEADER)
    wb.active.append([1, "甲公司", "太原市", "领军型", "备注", USCC])
    wb.save(out)
    return out.getvalue()


SEED = _seed_bytes()


def _mutate_member(data: bytes, member_index: int, position: int, byte: int) -> bytes:
    """Change one byte inside one (uncompressed) member, then zip again: gets past the zip layer."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        infos = zin.infolist()
        target = infos[member_index % len(infos)]
        for info in infos:
            body = zin.read(info)
            if info is target and body:
                i = position % len(body)
                body = body[:i] + bytes([byte]) + body[i + 1:]
            zout.writestr(info.filename, body)
    return out.getvalue()


def _read_or_refuse(path: Path) -> None:
    try:
        enterprise_import.read_rows(path)
    except UserError:
        pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 20), st.integers(0, 10**6), st.integers(0, 255))
def test_fuzz_mutated_workbook_raises_only_user_errors(tmp_path, member, position, byte):
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(_mutate_member(SEED, member, position, byte))
    _read_or_refuse(path)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(SEED) - 1), st.integers(0, 64), st.binary(max_size=64))
def test_fuzz_raw_bytes_raise_only_user_errors(tmp_path, position, cut, chunk):
    # Anywhere in the file (the zip's directory, at the end, is what a reader trusts most), and
    # of another length than what it replaces, so that the offsets the directory holds go wrong.
    data = bytearray(SEED)
    data[position:position + cut] = chunk
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(data))
    _read_or_refuse(path)
