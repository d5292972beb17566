"""Orders a person expects in a Chinese list: the province's city order, then names by pinyin.

Names are compared syllable by syllable as a dictionary orders them (letters, then tone), by each
character's first reading in pypinyin's character table (pinyin_dict.json, read as data: importing
pypinyin itself loads its phrase dictionary, >1 s and ~50 MB, to guess readings from context, which
a sort does not need). A few characters whose first reading there is not the one names use (长治,
太行) are read as GB 2312 places them.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from functools import cache
from pathlib import Path

from .regions import cities

# 长 and 行 come first as zhǎng and xíng in pypinyin's table; in names (长治, 长城, 太行, 银行) they are
# cháng and háng, which is also where GB 2312 files them.
_NAME_READINGS = {"长": "cháng", "行": "háng"}

_TONES = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}  # combining macron, acute, caron, grave


@cache
def _syllable(reading: str) -> tuple[str, int]:
    """"zhǒng" → ("zhong", 3); ü is written v, as pinyin input does; a neutral tone is 5."""
    letters: list[str] = []
    tone = 5
    for ch in unicodedata.normalize("NFD", reading):
        if ch in _TONES:
            tone = _TONES[ch]
        elif ch == "\u0308":  # the diaeresis of ü
            letters[-1] = "v"
        else:
            letters.append(ch)
    return "".join(letters), tone


@cache
def _readings() -> dict[str, str]:
    """Code point (decimal, as text) → "reading,reading…", the first being the most common."""
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pypinyin is not installed")  # a dependency of the app: a broken install
    folder = Path(next(iter(spec.submodule_search_locations)))
    return json.loads((folder / "pinyin_dict.json").read_text(encoding="utf-8"))


def _reading(ch: str) -> str | None:
    if ch in _NAME_READINGS:
        return _NAME_READINGS[ch]
    readings = _readings().get(str(ord(ch)))
    return readings.split(",", 1)[0] if readings else None


def pinyin_key(text: str) -> tuple:
    """Per character (syllable, tone, character); other characters as themselves, before 阿."""
    key = []
    for ch in text:
        reading = _reading(ch)
        key.append((*_syllable(reading), ch) if reading else (ch.lower(), 0, ch))
    return tuple(key)


def pinyin_text(text: str) -> str:
    """``pinyin_key`` as one string ("tai4hang2…"), for sorters that compare strings (a Qt view):
    a tone digit sorts before any letter, so "an1" comes before "ang1" as in a dictionary."""
    return "".join(f"{syllable}{tone}" for syllable, tone, _ in pinyin_key(text))


def region_text(city: str, name: str) -> str:
    """``region_key`` as one string."""
    return f"{city_rank(city):02d} {pinyin_text(name)}"


@cache
def _city_ranks() -> dict[str, int]:
    return {city: n for n, city in enumerate(cities())}


def city_rank(city: str) -> int:
    """A city's place in the province's order; anything else after them."""
    return _city_ranks().get(city, len(_city_ranks()))


def region_key(city: str, name: str) -> tuple:
    """Sort key for a list of enterprises: city in the province's order, then name by pinyin."""
    return city_rank(city), pinyin_key(name), name
