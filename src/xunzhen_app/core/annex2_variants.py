"""附件2 lists as bureaus really receive them: the column names and 培育类型 values cities and counties
write instead of the form's own, each read as the canonical one (the import lists every such reading)."""

from __future__ import annotations

import unicodedata

from .domain import CultivationType

# Canonical column → the other names it comes under (compared without spaces, full-width folded).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "企业名称": ("单位名称", "企业（单位）名称", "企业全称", "企业名称（全称）", "单位全称", "名称"),
    "所属地市": ("地市", "所属市", "所在地市", "所在市", "市别", "所属城市", "地区"),
    "培育类型": ("类型", "培育类别", "企业类型", "培育分类"),
    "序号": ("编号", "序"),
    "备注": ("说明", "备  注"),
    "统一社会信用代码": ("社会信用代码", "信用代码", "统一信用代码", "统一社会信用代码（18位）"),
    "区县": ("所属区县", "县区", "所属县（市、区）", "所在县区", "县（市、区）", "所属县区"),
    "联系人": ("企业联系人", "联系人姓名"),
    "联系电话": ("电话", "手机", "联系方式", "手机号码"),
    "职务": ("联系人职务",),
}

TYPE_ALIASES: dict[str, CultivationType] = {
    "领军型": CultivationType.LEADING, "领军型企业": CultivationType.LEADING, "领军": CultivationType.LEADING,
    "领军企业": CultivationType.LEADING,
    "重点培育型": CultivationType.KEY, "重点培育": CultivationType.KEY, "重点培育型企业": CultivationType.KEY,
    "重点培育企业": CultivationType.KEY, "重点": CultivationType.KEY,
}


def fold(text: str) -> str:
    """Full-width letters and digits folded, spaces dropped: how two spellings of one name compare."""
    return "".join(unicodedata.normalize("NFKC", text).split())


_HEADER_OF = {fold(alias): canonical for canonical, aliases in HEADER_ALIASES.items()
              for alias in (canonical, *aliases)}


def canonical_header(text: str) -> str | None:
    return _HEADER_OF.get(fold(text))


def canonical_type(text: str) -> str | None:
    """“领军型企业” → 领军型, “重点培育” → 重点培育型; None for anything else."""
    found = TYPE_ALIASES.get(fold(text))
    return found.value if found else None
