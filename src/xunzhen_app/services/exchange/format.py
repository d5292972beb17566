"""The package file: a zip with a signed manifest. See docs/exchange-format.md.

Reading is defensive because a package comes from a USB stick or an e-mail:
every limit is checked on the zip directory *and* while decompressing (the
sizes in a zip header can lie), member names are checked before anything is
read, and nothing here touches the database.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime

from ...core.bounded_json import JsonRefused, load_bounded
from ...core.errors import UserError

FORMAT_NAME = "xunzhen-exchange"
# 2: data.json may carry "tombstones" (deleted visit parts).
# 3: ownership — records travel under their signers' attestations, no history. Versions 1 and 2 are still
#    read, every record in them counting as the sender's (docs/exchange-format.md, "Versions").
# 5: expert teams — team rows carry members' assignments, item ratings a consensus, and each member's
#    own ratings travel as "member_ratings" (docs/exchange-format.md, "Teams"). Version 4 is still read.
# 6: 典型案例 travel as "cases", records of their drafter (docs/exchange-format.md, "Cases"); the bureau's
#    入选 stays local. Version 5 and older are still read.
# 7: a city's 培育成功 decisions and 附件2 submissions travel as "successes" and "list_submissions", the
#    city's own records (docs/exchange-format.md, "Programme desk records"). Version 6 and older are still read.
FORMAT_VERSION = 7
KINDS = ("data", "task", "receipt")

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
DATA = "data.json"
ATTACHMENT_DIR = "attachments/"
REPORT_DIR = "reports/"

# Zip-safety limits: generous for a city's worth of visits with photos, far
# below what would exhaust a laptop's memory or disk.
MAX_PACKAGE_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_MEMBER_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed; JSON compresses ~10×, bombs 1000×+
_RATIO_FLOOR = 64 * 1024  # tiny members may compress well without being bombs
# The manifest lists every member (≈ 130 bytes each); JSON nests a few levels: a row of a section,
# a template's goals → measures → items → rubric. Deeper is not something this app writes.
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
# Revisions a peer may send: far below 2³¹ − 1 so that resolving a conflict (max of both + 1) never
# overflows an INTEGER column, and at most MAX_REVISION_STEP above the version held here, so a forged
# jump cannot make every genuine later edit look older ("未变").
MAX_REVISION = 1_000_000_000
MAX_REVISION_STEP = 1000
MAX_JSON_DEPTH = 32

_SAFE_NAME = re.compile(r"^(manifest\.json|manifest\.sig|data\.json|attachments/[0-9a-f]{64}|reports/[0-9a-f-]{36}\.pdf)$")


class PackageError(UserError):
    """A package refused before the database was touched; names the file and the reason."""

    def __init__(self, source: str, reason: str):
        self.source, self.reason = source, reason
        super().__init__(f"数据包“{source}”被拒绝：{reason}；数据库未作任何修改")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_json(obj) -> bytes:
    """One byte sequence per value, so hashes and signatures are reproducible."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class RawPackage:
    """A package whose zip structure, member hashes and manifest were checked (signature: see signing)."""

    source: str
    file_sha256: str
    manifest: dict
    manifest_bytes: bytes
    signature: bytes
    members: dict[str, bytes]


def write_zip(manifest_bytes: bytes, signature: bytes, members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        # A fixed timestamp keeps the bytes of a package a function of its content.
        for name, data in [(MANIFEST, manifest_bytes), (SIGNATURE, signature), *sorted(members.items())]:
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if name.startswith(ATTACHMENT_DIR) else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def _check_name(source: str, name: str) -> None:
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or "\\" in name:
        raise PackageError(source, f"成员名“{name}”是绝对路径")
    if ".." in name.split("/"):
        raise PackageError(source, f"成员名“{name}”含有“../”")
    if not _SAFE_NAME.match(name):
        raise PackageError(source, f"成员名“{name}”不是本格式允许的文件")


class OpenedZip:
    """A package zip whose directory, names and sizes were checked and whose manifest was read,
    with nothing else inflated yet: the sender is checked before ``inflate`` reads the rest."""

    def __init__(self, source: str, blob: bytes):
        self.source, self.file_sha256 = source, sha256(blob)
        if len(blob) > MAX_PACKAGE_BYTES:
            raise PackageError(source, f"文件过大（超过 {MAX_PACKAGE_BYTES // 2**20} MB）")
        try:
            self._zf = zipfile.ZipFile(io.BytesIO(blob))
            infos = self._zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise PackageError(source, f"不是有效的巡诊数据包（zip 文件损坏或被截断：{exc}）") from None
        _check_directory(source, infos, getattr(self._zf, "start_dir", len(blob)))
        self._infos = {i.filename: i for i in infos}
        if MANIFEST not in self._infos or SIGNATURE not in self._infos:
            raise PackageError(source, "缺少清单（manifest.json）或签名（manifest.sig）")
        self.manifest_bytes = self._read(self._infos[MANIFEST], MAX_MANIFEST_BYTES)
        self.signature = self._read(self._infos[SIGNATURE], 1024)
        self.manifest = parse_manifest(source, self.manifest_bytes)

    def _read(self, info: zipfile.ZipInfo, cap: int) -> bytes:
        """Inflate one member, never producing more than its declared size (+1 to catch a lie) or ``cap``."""
        if info.file_size > cap:
            raise PackageError(self.source, f"成员“{info.filename}”过大（{info.file_size:,} 字节，上限 {cap:,}）")
        try:
            with self._zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
            raise PackageError(self.source, f"zip 文件损坏：{exc}") from None
        except Exception as exc:  # zlib.error and friends from a damaged stream
            raise PackageError(self.source, f"zip 文件损坏：{type(exc).__name__}: {exc}") from None
        if len(data) != info.file_size:
            raise PackageError(self.source, f"成员“{info.filename}”的实际大小与声明不符")
        return data

    def inflate(self) -> RawPackage:
        """Every other member, checked against the manifest's list, hashes and sizes."""
        listed = {m["name"]: m for m in self.manifest["members"]}
        present = set(self._infos) - {MANIFEST, SIGNATURE}
        if set(listed) != present:
            extra = sorted(present - set(listed))
            missing = sorted(set(listed) - present)
            raise PackageError(self.source, f"成员与清单不一致（多出 {extra or '无'}，缺少 {missing or '无'}）")
        members: dict[str, bytes] = {}
        for name in sorted(present):
            info = self._infos[name]
            if info.file_size != listed[name]["size"]:
                raise PackageError(self.source, f"成员“{name}”的大小与清单不符（文件被篡改或损坏）")
            data = self._read(info, MAX_MEMBER_BYTES)
            digest = sha256(data)
            if digest != listed[name]["sha256"]:
                raise PackageError(self.source, f"成员“{name}”的 SHA-256 与清单不符（文件被篡改或损坏）")
            if name.startswith(ATTACHMENT_DIR) and digest != name[len(ATTACHMENT_DIR):]:
                raise PackageError(self.source, f"附件“{name}”的内容与其名称中的哈希不符")
            members[name] = data
        return RawPackage(self.source, self.file_sha256, self.manifest, self.manifest_bytes, self.signature, members)


def _check_directory(source: str, infos: list[zipfile.ZipInfo], directory_offset: int) -> None:
    """Names, counts and sizes from the zip directory — and the compressed sizes against where the
    members really lie, since a directory may overstate them to pass the ratio limit."""
    if len(infos) > MAX_MEMBERS:
        raise PackageError(source, f"成员过多（{len(infos)} 个，上限 {MAX_MEMBERS}）")
    names = [i.filename for i in infos]
    for name in names:
        _check_name(source, name)
    if len(set(names)) != len(names):
        raise PackageError(source, "含有重名成员")
    if sum(i.file_size for i in infos) > MAX_TOTAL_BYTES:
        raise PackageError(source, "解压后总大小超过上限（疑似压缩炸弹）")
    offsets = [i.header_offset for i in infos]
    if len(set(offsets)) != len(offsets):
        raise PackageError(source, "有成员在文件中相互重叠（疑似压缩炸弹）")
    # Each member's bytes end where the next member (or the directory) begins.
    starts = sorted({*offsets, directory_offset})
    following = {a: b for a, b in zip(starts, starts[1:])}
    for i in infos:
        room = following.get(i.header_offset, 0) - i.header_offset
        if i.compress_size > room:
            raise PackageError(source, f"成员“{i.filename}”声明的压缩大小超出其在文件中所占的位置（疑似压缩炸弹）")
        if i.file_size > MAX_MEMBER_BYTES or (
            i.file_size > _RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1)
        ):
            raise PackageError(source, f"成员“{i.filename}”压缩比异常（疑似压缩炸弹）")


def load_json(source: str, raw: bytes, what: str, max_bytes: int):
    """Every JSON a package carries is read through here: bounded before it is parsed."""
    try:
        return load_bounded(raw, max_bytes=max_bytes, max_depth=MAX_JSON_DEPTH)
    except JsonRefused as exc:
        raise PackageError(source, f"{what}{exc}") from None


def parse_manifest(source: str, raw: bytes) -> dict:
    m = load_json(source, raw, "清单（manifest.json）", MAX_MANIFEST_BYTES)
    if not isinstance(m, dict) or m.get("format") != FORMAT_NAME:
        raise PackageError(source, "不是巡诊数据包（清单格式标识不符）")
    version = m.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise PackageError(source, f"格式版本“{version}”无效")
    if version > FORMAT_VERSION:
        raise PackageError(source, f"格式版本 {version} 比本程序支持的 {FORMAT_VERSION} 新，请升级巡诊后再导入")
    if version < 1:
        raise PackageError(source, f"格式版本 {version} 无效")
    try:
        assert m["kind"] in KINDS
        assert isinstance(m["package_id"], str) and len(m["package_id"]) == 36
        assert isinstance(m["created_at"], str)
        sender = m["sender"]
        for key in ("name", "organisation", "fingerprint", "signing_key", "encryption_key"):
            assert isinstance(sender[key], str)
        assert re.fullmatch(r"[0-9a-f]{64}", sender["fingerprint"]), "sender.fingerprint"
        assert m.get("recipient") is None or isinstance(m["recipient"], str)
        assert isinstance(m["members"], list)
        for entry in m["members"]:
            assert isinstance(entry["name"], str) and isinstance(entry["sha256"], str)
            assert isinstance(entry["size"], int)
    except (AssertionError, KeyError, TypeError) as exc:
        raise PackageError(source, f"清单缺少字段或字段类型不符（{exc!r}）") from None
    return m


def load_json_member(source: str, raw: bytes, name: str) -> dict:
    data = load_json(source, raw, f"{name} ", MAX_MEMBER_BYTES)
    if not isinstance(data, dict):
        raise PackageError(source, f"{name} 的顶层不是对象")
    return data
