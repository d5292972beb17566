"""Checklist templates (培育目标 → 主要举措 → 具体内容) as validated, immutable data.

A template is plain JSON so a new year's 工作指引 is a data change, not a code
change. ``parse_template`` checks every field and reports the first problem
with the file and the JSON path inside it.

File format 2 added scales of 2–10 levels, a check's 封顶等级 (``cap``) and
items that may not be 不适用 (``"not_applicable": false``). Format 1 files
(always five levels) still load, and ``template_to_dict`` writes format 1
whenever the template uses none of that, so a template's content hash — and
with it every stored snapshot — does not change because the app learned more.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import TemplateError

FORMAT_VERSION = 2
READABLE_FORMATS = (1, 2)
GUIDANCE_LABELS = {"documents": "资料收集", "site": "实地调研", "interview": "深度访谈"}
MIN_LEVELS, MAX_LEVELS = 2, 10
FORMAT_1_LEVELS = 5  # format 1 knew only five-level scales


@dataclass(frozen=True)
class Level:
    level: int
    name: str
    descriptor: str


@dataclass(frozen=True)
class Scale:
    levels: tuple[Level, ...]
    not_applicable: str = "不适用"

    @property
    def top(self) -> int:
        """N, the highest level; levels run 1…N."""
        return len(self.levels)

    def values(self) -> tuple[int, ...]:
        return tuple(lv.level for lv in self.levels)

    def name(self, level: int) -> str:
        return self.levels[level - 1].name

    def index(self, level: float) -> float:
        """(level − 1) / (N − 1) × 100: 0 at the lowest level, 100 at the highest."""
        return (level - 1) / (self.top - 1) * 100

    def band(self, score: float) -> Level:
        """The highest level the score reaches: 3.6 on a 5-level scale → its level 3."""
        reached = [lv for lv in self.levels if score + 1e-9 >= lv.level]
        return reached[-1] if reached else self.levels[0]


@dataclass(frozen=True)
class Check:
    """A pass/fail condition. A failed veto check (否决项) caps the item's level at
    ``cap``, flags its goal and the overall result, and must be written up as a 问题."""

    text: str
    veto: bool = True
    cap: int = 1


@dataclass(frozen=True)
class Item:
    code: str
    text: str
    guidance: dict[str, str] = field(default_factory=dict)
    rubric: dict[int, str] = field(default_factory=dict)
    check: Check | None = None
    not_applicable_allowed: bool = True  # the template's own 不允许不适用

    @property
    def veto(self) -> Check | None:
        return self.check if self.check is not None and self.check.veto else None

    @property
    def may_be_not_applicable(self) -> bool:
        """A veto item is never 不适用: that would skip its check."""
        return self.not_applicable_allowed and self.veto is None

    def descriptor(self, level: int, scale: Scale) -> str:
        return self.rubric.get(level) or scale.levels[level - 1].descriptor


@dataclass(frozen=True)
class Measure:
    code: str
    title: str
    items: tuple[Item, ...]
    weight: float = 1.0


@dataclass(frozen=True)
class Goal:
    code: str
    title: str
    measures: tuple[Measure, ...]
    weight: float = 1.0

    def items(self) -> Iterator[Item]:
        for measure in self.measures:
            yield from measure.items


@dataclass(frozen=True)
class Template:
    id: str
    version: str
    title: str
    source: str
    scale: Scale
    goals: tuple[Goal, ...]
    short_title: str = ""
    note: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    def items(self) -> Iterator[Item]:
        for goal in self.goals:
            yield from goal.items()

    def item(self, code: str) -> Item:
        for it in self.items():
            if it.code == code:
                return it
        raise KeyError(code)

    def goal_of(self, item_code: str) -> Goal:
        return next(g for g in self.goals if any(i.code == item_code for i in g.items()))


_CODE = re.compile(r"^\d+(\.\d+)*$")


class _Reader:
    """Walks the raw JSON, remembering the path for error messages."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, path: str, problem: str) -> TemplateError:
        return TemplateError(self.source, path, problem)

    def obj(self, value: Any, path: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(path, "应为对象（{…}）")
        return value

    def text(self, obj: dict, key: str, path: str, required: bool = True) -> str:
        value = obj.get(key)
        if value in (None, "") and not required:  # template_to_dict writes "" for an optional text
            return ""
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{path}.{key}", "缺少或为空，应为非空文本")
        return value

    def array(self, obj: dict, key: str, path: str) -> list:
        value = obj.get(key)
        if not isinstance(value, list) or not value:
            raise self.fail(f"{path}.{key}", "缺少或为空，应为非空列表")
        return value

    def weight(self, obj: dict, path: str) -> float:
        value = obj.get("weight", 1)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise self.fail(f"{path}.weight", f"权重应为正数，实际为 {value!r}")
        return float(value)

    def code(self, obj: dict, path: str, parent: str | None) -> str:
        code = self.text(obj, "code", path)
        if not _CODE.match(code):
            raise self.fail(f"{path}.code", f"编号“{code}”格式不对，应形如 1、1.2、1.2.3")
        if parent is not None and not code.startswith(parent + "."):
            raise self.fail(f"{path}.code", f"编号“{code}”不在上级“{parent}”之下")
        return code


def parse_template(data: Any, source: str = "<模板>") -> Template:
    r = _Reader(source)
    root = r.obj(data, "$")
    fmt = root.get("format")
    if fmt not in READABLE_FORMATS:
        supported = "、".join(map(str, READABLE_FORMATS))
        raise r.fail("$.format", f"不支持的模板格式版本 {fmt!r}，本程序支持 {supported}")
    scale = _parse_scale(r, r.obj(root.get("scale"), "$.scale"), fmt)
    seen: set[str] = set()

    def unique(code: str, path: str) -> str:
        if code in seen:
            raise r.fail(path, f"编号“{code}”重复")
        seen.add(code)
        return code

    goals = []
    for gi, graw in enumerate(r.array(root, "goals", "$")):
        gp = f"$.goals[{gi}]"
        g = r.obj(graw, gp)
        measures = []
        gcode = unique(r.code(g, gp, None), gp + ".code")
        for mi, mraw in enumerate(r.array(g, "measures", gp)):
            mp = f"{gp}.measures[{mi}]"
            m = r.obj(mraw, mp)
            mcode = unique(r.code(m, mp, gcode), mp + ".code")
            items = [
                _parse_item(r, r.obj(iraw, f"{mp}.items[{ii}]"), f"{mp}.items[{ii}]", mcode, unique, scale)
                for ii, iraw in enumerate(r.array(m, "items", mp))
            ]
            measures.append(Measure(mcode, r.text(m, "title", mp), tuple(items), r.weight(m, mp)))
        goals.append(Goal(gcode, r.text(g, "title", gp), tuple(measures), r.weight(g, gp)))
    return Template(
        id=r.text(root, "id", "$"),
        version=r.text(root, "version", "$"),
        title=r.text(root, "title", "$"),
        source=r.text(root, "source", "$", required=False),
        scale=scale,
        goals=tuple(goals),
        short_title=r.text(root, "short_title", "$", required=False),
        note=r.text(root, "note", "$", required=False),
    )


def _parse_scale(r: _Reader, raw: dict, fmt: int) -> Scale:
    levels_raw = r.array(raw, "levels", "$.scale")
    if fmt == 1 and len(levels_raw) != FORMAT_1_LEVELS:
        raise r.fail("$.scale.levels", f"格式 1 的成熟度应为 {FORMAT_1_LEVELS} 级，实际为 {len(levels_raw)} 级")
    if not MIN_LEVELS <= len(levels_raw) <= MAX_LEVELS:
        raise r.fail("$.scale.levels", f"成熟度应为 {MIN_LEVELS} 至 {MAX_LEVELS} 级，实际为 {len(levels_raw)} 级")
    levels = []
    for i, lraw in enumerate(levels_raw):
        path = f"$.scale.levels[{i}]"
        lv = r.obj(lraw, path)
        if lv.get("level") != i + 1:
            raise r.fail(f"{path}.level", f"应为 {i + 1}，实际为 {lv.get('level')!r}")
        levels.append(Level(i + 1, r.text(lv, "name", path), r.text(lv, "descriptor", path)))
    names = [lv.name for lv in levels]
    if len(set(names)) != len(names):
        raise r.fail("$.scale.levels", "等级名称不能重复")
    na = raw.get("not_applicable", "不适用")
    return Scale(tuple(levels), na)


def _parse_item(r: _Reader, raw: dict, path: str, parent: str, unique, scale: Scale) -> Item:
    code = unique(r.code(raw, path, parent), path + ".code")
    guidance_raw = r.obj(raw.get("guidance", {}), path + ".guidance")
    for key, value in guidance_raw.items():
        if key not in GUIDANCE_LABELS:
            raise r.fail(f"{path}.guidance.{key}", f"未知的巡诊方式，应为 {', '.join(GUIDANCE_LABELS)}")
        if not isinstance(value, str):
            raise r.fail(f"{path}.guidance.{key}", "应为文本")
    rubric: dict[int, str] = {}
    for key, value in r.obj(raw.get("rubric", {}), path + ".rubric").items():
        if key not in {str(lv) for lv in scale.values()}:
            raise r.fail(f"{path}.rubric.{key}", f"分级描述的键应为 1 至 {scale.top}")
        if not isinstance(value, str) or not value.strip():
            raise r.fail(f"{path}.rubric.{key}", "分级描述应为非空文本")
        rubric[int(key)] = value
    check = None
    if "check" in raw:
        c = r.obj(raw["check"], path + ".check")
        veto = c.get("veto", True)
        if not isinstance(veto, bool):
            raise r.fail(f"{path}.check.veto", "应为 true 或 false")
        cap = c.get("cap", 1)
        if isinstance(cap, bool) or cap not in scale.values():
            raise r.fail(f"{path}.check.cap", f"否决封顶等级应为 1 至 {scale.top} 的整数，实际为 {cap!r}")
        check = Check(r.text(c, "text", path + ".check"), veto, cap)
    allowed = raw.get("not_applicable", True)
    if not isinstance(allowed, bool):
        raise r.fail(f"{path}.not_applicable", "应为 true 或 false")
    return Item(code, r.text(raw, "text", path), dict(guidance_raw), rubric, check, allowed)


def load_template_file(path: Path) -> Template:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise TemplateError(str(path), "", "文件不是 UTF-8 编码的文本") from None
    except json.JSONDecodeError as exc:
        raise TemplateError(str(path), f"第 {exc.lineno} 行第 {exc.colno} 列", f"JSON 格式错误（{exc.msg}）") from None
    except OSError as exc:
        raise TemplateError(str(path), "", f"无法读取（{exc.strerror}）") from None
    return parse_template(data, str(path))


def needs_format_2(t: Template) -> bool:
    return t.scale.top != FORMAT_1_LEVELS or any(
        not i.not_applicable_allowed or (i.check is not None and i.check.cap != 1) for i in t.items())


def template_to_dict(t: Template) -> dict:
    """The template in its file format; parse_template(template_to_dict(t)) == t.
    Written in the oldest format that holds it (see the module docstring)."""

    def item(i: Item) -> dict:
        d: dict[str, Any] = {"code": i.code, "text": i.text}
        if i.guidance:
            d["guidance"] = dict(i.guidance)
        if i.rubric:
            d["rubric"] = {str(k): v for k, v in sorted(i.rubric.items())}
        if i.check:
            d["check"] = {"text": i.check.text, "veto": i.check.veto}
            if i.check.cap != 1:
                d["check"]["cap"] = i.check.cap
        if not i.not_applicable_allowed:
            d["not_applicable"] = False
        return d

    return {
        "format": FORMAT_VERSION if needs_format_2(t) else 1,
        "id": t.id,
        "version": t.version,
        "title": t.title,
        "short_title": t.short_title,
        "source": t.source,
        "note": t.note,
        "scale": {
            "levels": [{"level": lv.level, "name": lv.name, "descriptor": lv.descriptor} for lv in t.scale.levels],
            "not_applicable": t.scale.not_applicable,
        },
        "goals": [
            {
                "code": g.code,
                "title": g.title,
                "weight": g.weight,
                "measures": [
                    {"code": m.code, "title": m.title, "weight": m.weight, "items": [item(i) for i in m.items]}
                    for m in g.measures
                ],
            }
            for g in t.goals
        ],
    }
