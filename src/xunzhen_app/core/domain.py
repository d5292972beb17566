"""Vocabulary of the 头雁行动 (stages, types, honours) and the 培育类型 rule."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class CultivationType(StrEnum):
    LEADING = "领军型"
    KEY = "重点培育型"


class Stage(StrEnum):
    """附件1's three stages, as a visit belongs to them."""

    INITIAL = "前期巡诊"
    FOLLOW_UP = "培育跟踪"
    SUMMARY = "成效总结"


class VisitStatus(StrEnum):
    DRAFT = "草稿"
    FINALIZED = "已定稿"


class Method(StrEnum):
    DOCUMENTS = "资料收集"
    SITE = "实地调研"
    INTERVIEW = "深度访谈"


class HonourKind(StrEnum):
    QUALITY_AWARD = "政府质量奖"
    CHAIN_LEADER = "链主企业"
    CHAIN_CORE = "链核企业"
    TOWN_CORE = "专业镇核心企业"
    SHANXI_JINGPIN = "山西精品"
    CERTIFICATE = "管理体系认证"
    OTHER = "其他荣誉资质"


class HonourLevel(StrEnum):
    NATIONAL = "国家级"
    PROVINCIAL = "省级"
    CITY = "市级"
    COUNTY = "县级"


@dataclass(frozen=True)
class Honour:
    kind: HonourKind
    level: HonourLevel | None = None
    year: int | None = None
    nomination: bool = False
    name: str = ""

    def describe(self) -> str:
        parts = [self.level.value if self.level and self.kind not in UNLEVELLED else "", self.kind.value]
        if self.nomination:
            parts.append("提名奖")
        text = "".join(parts)
        if self.name:
            text += f"（{self.name}）"
        return f"{self.year}年{text}" if self.year else text


@dataclass(frozen=True)
class TypeSuggestion:
    type: CultivationType
    reason: str
    # Set when an honour that decides the type lacks its level: the question to ask instead of a guess
    # (``type`` is then only the conservative default for a list that states no type).
    question: str = ""


# Honours whose level decides the type (省级及以上 → 领军型, 市级 → 重点培育型).
LEVELLED = frozenset({HonourKind.QUALITY_AWARD, HonourKind.CHAIN_LEADER})
# Honours that have no level at all: 山西精品 is a provincial certification, never 省级/市级.
UNLEVELLED = frozenset({HonourKind.SHANXI_JINGPIN})


_PROVINCIAL_OR_ABOVE = {HonourLevel.NATIONAL, HonourLevel.PROVINCIAL}


def suggest_cultivation_type(honours: list[Honour]) -> TypeSuggestion:
    """Section 三 of 晋市监发〔2025〕100号.

    领军型: 省级及以上政府质量奖及提名奖获奖企业，省级重点产业链链主企业及专业镇核心企业；
    重点培育型: 市级政府质量奖及提名奖获奖企业，各类链核企业，山西精品获证企业及其他企业。
    """
    for h in honours:
        if h.kind is HonourKind.QUALITY_AWARD and h.level in _PROVINCIAL_OR_ABOVE:
            return TypeSuggestion(CultivationType.LEADING, f"{h.describe()}：省级及以上政府质量奖及提名奖获奖企业")
        if h.kind is HonourKind.CHAIN_LEADER and h.level in _PROVINCIAL_OR_ABOVE:
            return TypeSuggestion(CultivationType.LEADING, f"{h.describe()}：省级重点产业链链主企业")
        if h.kind is HonourKind.TOWN_CORE:
            return TypeSuggestion(CultivationType.LEADING, f"{h.describe()}：专业镇核心企业")
    for h in honours:
        if h.kind in LEVELLED and h.level is None:
            return TypeSuggestion(CultivationType.KEY, f"{h.describe()}未填级别",
                                  f"{h.describe()}未填级别：请补充省级（或国家级）还是市级——省级及以上为领军型，"
                                  "市级为重点培育型")
    for h in honours:
        if h.kind is HonourKind.QUALITY_AWARD and h.level is HonourLevel.CITY:
            return TypeSuggestion(CultivationType.KEY, f"{h.describe()}：市级政府质量奖及提名奖获奖企业")
        if h.kind in (HonourKind.CHAIN_CORE, HonourKind.CHAIN_LEADER):
            return TypeSuggestion(CultivationType.KEY, f"{h.describe()}：链核（或市级链主）企业")
        if h.kind is HonourKind.SHANXI_JINGPIN:
            return TypeSuggestion(CultivationType.KEY, f"{h.describe()}：山西精品获证企业")
    return TypeSuggestion(CultivationType.KEY, "无省级及以上质量荣誉：按有一定质量管理基础的其他企业列为重点培育型")
