"""The Windows VERSIONINFO resource of Xunzhen.exe and xunzhen.exe, made from the
package version at build time so that Explorer's 属性 → 详细信息 never shows a stale
number. Imported by packaging/xunzhen.spec on Windows only: PyInstaller's
versioninfo module needs pefile, which PyInstaller installs on Windows alone.
"""

from __future__ import annotations

import re

PRODUCT = "巡诊 Xunzhen"
# The same publisher as the installer's AppPublisher; the bureau is the user, not the author.
COMPANY = "巡诊开发组"
COPYRIGHT = "© 巡诊开发组"


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """'0.1.0' → (0, 1, 0, 0); a suffix such as 'rc1' or '.dev3' is dropped, as the
    fixed part of VERSIONINFO holds four 16-bit numbers only."""
    match = re.match(r"\d+(?:\.\d+){0,3}", version)
    if match is None:
        raise ValueError(f"not a version number: {version!r}")
    parts = [int(p) for p in match.group().split(".")]
    return tuple(parts + [0] * (4 - len(parts)))  # type: ignore[return-value]


def version_info(version: str, description: str, original_filename: str):
    from PyInstaller.utils.win32.versioninfo import (
        FixedFileInfo,
        StringFileInfo,
        StringStruct,
        StringTable,
        VarFileInfo,
        VarStruct,
        VSVersionInfo,
    )

    numbers = numeric_version(version)
    # 0804 = Chinese (PRC), 04B0 = code page 1200 (UTF-16): Explorer shows the strings as written.
    strings = StringTable("080404B0", [
        StringStruct("CompanyName", COMPANY),
        StringStruct("FileDescription", description),
        StringStruct("FileVersion", version),
        StringStruct("InternalName", original_filename.removesuffix(".exe")),
        StringStruct("LegalCopyright", COPYRIGHT),
        StringStruct("OriginalFilename", original_filename),
        StringStruct("ProductName", PRODUCT),
        StringStruct("ProductVersion", version),
    ])
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[StringFileInfo([strings]), VarFileInfo([VarStruct("Translation", [0x0804, 1200])])],
    )
