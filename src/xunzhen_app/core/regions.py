"""Shanxi's prefecture-level cities (所属地市) and their counties (县、市、区)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from .. import resources_access

DEMO_ZONE = "山西转型综合改革示范区"


@cache
def counties_by_city() -> dict[str, tuple[str, ...]]:
    data = json.loads(resources_access.read_text("regions/shanxi.json"))
    return {city: tuple(counties) for city, counties in data["cities"].items()}


# The order the provincial bureau lists its cities in (晋市监发〔2025〕156号, as its other notices do):
# north to south, then the 示范区. regions/shanxi.json keeps the administrative-code order.
CITY_ORDER = ("太原市", "大同市", "朔州市", "忻州市", "吕梁市", "晋中市", "阳泉市", "长治市", "晋城市", "临汾市",
              "运城市", DEMO_ZONE)


def cities() -> tuple[str, ...]:
    """The 11 cities and the 示范区, in the province's order (CITY_ORDER)."""
    return CITY_ORDER


def city_problem(city: str) -> str | None:
    if city in counties_by_city():
        return None
    return f"所属地市“{city}”不是山西省的地市，应为：{'、'.join(cities())}"


@cache
def quality_counties() -> dict[str, tuple[str, ...]]:
    """The 22 counties in the national 质量强县培育库 (晋市监发〔2025〕156号), by city."""
    data = json.loads(resources_access.read_text("regions/quality_counties.json"))
    return {city: tuple(counties) for city, counties in data["counties"].items()}


def is_quality_county(city: str, county: str) -> bool:
    return county in quality_counties().get(city, ())


# What 附件2 lists from cities and counties write for the 示范区 instead of its full name.
ZONE_ALIASES = ("山西综改示范区", "综改示范区", "转型综改示范区", "综改区", "示范区", "山西转型综改示范区")


@dataclass(frozen=True)
class CityReading:
    """How a 所属地市 as written reads: the canonical city, or why it cannot be told (``problem``)."""

    city: str | None
    problem: str | None = None
    ambiguous: bool = False  # it fits several cities (a name that fits none is left to check_city)


def read_city(text: str) -> CityReading:
    """“太原” → 太原市, “综改示范区” / “示范区” → 山西转型综合改革示范区; a name that fits more than one
    city (“晋” of 晋中市 and 晋城市) or none is not guessed."""
    value = "".join(text.split())
    if value in counties_by_city():
        return CityReading(value)
    if value in ZONE_ALIASES:
        return CityReading(DEMO_ZONE)
    stem = value.removesuffix("市")
    fits = [c for c in cities() if c != DEMO_ZONE and c.removesuffix("市").startswith(stem)] if stem else []
    if len(fits) == 1 and len(stem) >= 2:
        return CityReading(fits[0])
    if len(fits) > 1 or (len(fits) == 1 and len(stem) < 2):
        return CityReading(None, f"“{text}”不能确定是哪个地市（可能是 {'、'.join(fits)}），请写全称", ambiguous=True)
    return CityReading(None, city_problem(value) or f"“{text}”不是山西省的地市")
