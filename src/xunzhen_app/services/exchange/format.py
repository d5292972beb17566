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

from ...core.errors import UserError

FORMAT_NAME = "xunzhen-exchange"
# 2: data.json may carry "tombstones" (deleted visit parts). Version 1 packages are still read.
FORMAT_VERSION = 2
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


def read_zip(source: str, blob: bytes) -> RawPackage:
    """Open, bound-check and hash-check a (decrypted) package; raise PackageError otherwise."""
    if len(blob) > MAX_PACKAGE_BYTES:
        raise PackageError(source, f"文件过大（超过 {MAX_PACKAGE_BYTES // 2**20} MB）")
    try:
        zf = zipfile.ZipFile(io.BytesIO(blob))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise PackageError(source, f"不是有效的巡诊数据包（zip 文件损坏或被截断：{exc}）") from None
    if len(infos) > MAX_MEMBERS:
        raise PackageError(source, f"成员过多（{len(infos)} 个，上限 {MAX_MEMBERS}）")
    names = [i.filename for i in infos]
    for name in names:
        _check_name(source, name)
    if len(set(names)) != len(names):
        raise PackageError(source, "含有重名成员")
    declared = sum(i.file_size for i in infos)
    if declared > MAX_TOTAL_BYTES:
        raise PackageError(source, "解压后总大小超过上限（疑似压缩炸弹）")
    for i in infos:
        if i.file_size > MAX_MEMBER_BYTES or (
            i.file_size > _RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1)
        ):
            raise PackageError(source, f"成员“{i.filename}”压缩比异常（疑似压缩炸弹）")
    members: dict[str, bytes] = {}
    total = 0
    try:
        for i in infos:
            # Read at most the declared size + 1: a header that lies is caught here.
            with zf.open(i) as fh:
                data = fh.read(i.file_size + 1)
            if len(data) != i.file_size:
                raise PackageError(source, f"成员“{i.filename}”的实际大小与声明不符")
            total += len(data)
            if total > MAX_TOTAL_BYTES:
                raise PackageError(source, "解压后总大小超过上限（疑似压缩炸弹）")
            members[i.filename] = data
    except PackageError:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise PackageError(source, f"zip 文件损坏：{exc}") from None
    except Exception as exc:  # zlib.error and friends from a damaged stream
        raise PackageError(source, f"zip 文件损坏：{type(exc).__name__}: {exc}") from None

    if MANIFEST not in members or SIGNATURE not in members:
        raise PackageError(source, "缺少清单（manifest.json）或签名（manifest.sig）")
    manifest_bytes = members.pop(MANIFEST)
    signature = members.pop(SIGNATURE)
    manifest = parse_manifest(source, manifest_bytes)
    listed = {m["name"]: m for m in manifest["members"]}
    if set(listed) != set(members):
        extra = sorted(set(members) - set(listed))
        missing = sorted(set(listed) - set(members))
        raise PackageError(source, f"成员与清单不一致（多出 {extra or '无'}，缺少 {missing or '无'}）")
    for name, data in members.items():
        if sha256(data) != listed[name]["sha256"] or len(data) != listed[name]["size"]:
            raise PackageError(source, f"成员“{name}”的 SHA-256 与清单不符（文件被篡改或损坏）")
        if name.startswith(ATTACHMENT_DIR) and sha256(data) != name[len(ATTACHMENT_DIR):]:
            raise PackageError(source, f"附件“{name}”的内容与其名称中的哈希不符")
    return RawPackage(source, sha256(blob), manifest, manifest_bytes, signature, members)


def parse_manifest(source: str, raw: bytes) -> dict:
    try:
        m = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(source, f"清单不是有效的 JSON（{exc}）") from None
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
        assert m.get("recipient") is None or isinstance(m["recipient"], str)
        assert isinstance(m["members"], list)
        for entry in m["members"]:
            assert isinstance(entry["name"], str) and isinstance(entry["sha256"], str)
            assert isinstance(entry["size"], int)
    except (AssertionError, KeyError, TypeError) as exc:
        raise PackageError(source, f"清单缺少字段或字段类型不符（{exc!r}）") from None
    return m


def load_json_member(source: str, raw: bytes, name: str) -> dict:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackageError(source, f"{name} 不是有效的 JSON（{exc}）") from None
    if not isinstance(data, dict):
        raise PackageError(source, f"{name} 的顶层不是对象")
    return data
