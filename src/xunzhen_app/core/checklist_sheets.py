"""A checklist template from the three sheets of a bureau's workbook (信息, 量表, 条目),
and back. docs/template-workbook.md is the author's guide; this module is its rules.

The sheets arrive as plain rows of cell texts (the service reads the .xlsx), so the
rules are testable without a file. Every problem names the sheet, the row, the
column and what is wrong, and nothing is built from a workbook with a problem.

Reading the 条目 sheet:
- a blank (or merged) 培育目标 / 主要举措 cell continues the one above;
- a goal title that recurs later joins the goal already read (as 发挥示范带动作用
  does in 附件3), and so does a measure title recurring within its goal;
- a 具体内容 cell holding numbered clauses (1. 2. / 1、 / （1） / full-width digits,
  numbered from 1 without gaps) becomes one item per clause, numbering removed;
- codes are 1, 1.1, 1.1.1 in reading order unless 编号 gives an item's code (on a
  row of several clauses it is the first one's, the others count on);
- 目标权重 / 举措权重 on any row of a goal or measure apply to it (the first
  non-empty one); the default is equal weights;
- the per-item columns (guidance, veto, descriptors) belong to one item, so a row
  that splits into several items must leave them empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import partial

from .checklist import GUIDANCE_LABELS, MAX_LEVELS, MIN_LEVELS, Template, parse_template, template_to_dict
from .errors import TemplateError, UserError

INFO_SHEET, SCALE_SHEET, ITEMS_SHEET = "信息", "量表", "条目"
INFO_FIELDS = {"编号": "id", "版本": "version", "标题": "title", "来源": "source", "简称": "short_title",
               "说明": "note"}
INFO_REQUIRED = ("编号", "版本", "标题")
SCALE_COLUMNS = ("等级", "名称", "说明")
GOAL, MEASURE, CONTENT = "培育目标", "主要举措", "具体内容"
CODE, GOAL_WEIGHT, MEASURE_WEIGHT = "编号", "目标权重", "举措权重"
GUIDANCE_COLUMNS = {label: key for key, label in GUIDANCE_LABELS.items()}  # 资料收集 → documents …
VETO, VETO_CAP, NO_NA = "否决条件", "否决封顶等级", "不允许不适用"
ITEM_COLUMNS = (CODE, GOAL, MEASURE, CONTENT, GOAL_WEIGHT, MEASURE_WEIGHT, *GUIDANCE_COLUMNS, VETO, VETO_CAP, NO_NA)
YES = {"是", "√", "✓", "✔", "Y", "y", "yes", "Yes", "YES", "TRUE", "True", "true", "1"}
NO = {"", "否", "×", "N", "n", "no", "No", "NO", "FALSE", "False", "false", "0"}
HEADER_SEARCH_ROWS = 10
_CODE = re.compile(r"^\d+(\.\d+)*$")


class WorkbookError(UserError):
    """A template workbook that cannot be used, with where the problem is."""

    def __init__(self, source: str, sheet: str, row: int | None, column: str | None, problem: str):
        self.source, self.sheet, self.row, self.column, self.problem = source, sheet, row, column, problem
        where = f"工作表“{sheet}”"
        if row is not None:
            where += f"第 {row} 行"
        if column:
            where += f"“{column}”列"
        super().__init__(f"模板工作簿“{source}”{where}：{problem}")


@dataclass(frozen=True)
class Sheet:
    """One sheet as rows of cell texts: (row number in the workbook, cells left to right)."""

    name: str
    rows: tuple[tuple[int, tuple[str, ...]], ...]


# -- numbered clauses ----------------------------------------------------------

_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# A clause number: 1. 1． 1、 (1) （1） — digits half- or full-width; "1.5" is a decimal, not a number.
_MARK = re.compile(r"(?:[（(]\s*([0-9０-９]+)\s*[）)]|([0-9０-９]+)\s*(?:[.．](?![0-9０-９])|、))\s*")
_BEFORE_MARK = set(" \t\r\n\u3000。；;，,：:！!？?")


def split_clauses(text: str) -> list[str]:
    """'1.甲 2.乙' → ['甲', '乙']; a text that does not start with clause number 1 stays whole.
    A later number counts only when it is the next in sequence and, unless bracketed,
    follows a space or punctuation, so '符合GB/T 19001、' or '第2.3节' do not split."""
    text = text.strip()
    marks: list[re.Match] = []
    for m in _MARK.finditer(text):
        if not marks and m.start() != 0:
            break
        number = int((m.group(1) or m.group(2)).translate(_FULL_WIDTH))
        bracketed = m.group(1) is not None  # （2） delimits itself; 2. needs a space or punctuation before it
        if number == len(marks) + 1 and (m.start() == 0 or bracketed or text[m.start() - 1] in _BEFORE_MARK):
            marks.append(m)
    if not marks:
        return [text] if text else []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    parts = [text[m.end():end].strip().rstrip("；;，,") for m, end in zip(marks, ends)]
    return [p for p in parts if p]


# -- reading -------------------------------------------------------------------


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class _Reader:
    def __init__(self, source: str):
        self.source = source

    def fail(self, sheet: str, row: int | None, column: str | None, problem: str) -> WorkbookError:
        return WorkbookError(self.source, sheet, row, column, problem)


@dataclass
class _Origin:
    """Where a goal, measure or item was read, for messages about it."""

    row: int
    column: str


@dataclass
class _Measure:
    title: str
    origin: _Origin
    weight: float | None = None
    code: str | None = None
    items: list[dict] = field(default_factory=list)
    item_origins: list[_Origin] = field(default_factory=list)


@dataclass
class _Goal:
    title: str
    origin: _Origin
    weight: float | None = None
    code: str | None = None
    measures: list[_Measure] = field(default_factory=list)


def _value(cells: tuple[str, ...], cols: dict[str, int], name: str) -> str:
    """The cell under header ``name`` in a row, "" where the row is short or has no such column."""
    i = cols.get(name)
    return cells[i].strip() if i is not None and i < len(cells) else ""


def _header(r: _Reader, sheet: Sheet, required: tuple[str, ...]) -> tuple[int, dict[str, int], list[str]]:
    for row, cells in sheet.rows[:HEADER_SEARCH_ROWS]:
        names = [c.replace(" ", "").replace("\u3000", "") for c in cells]
        if all(n in names for n in required):
            dupes = sorted({n for n in names if n and names.count(n) > 1})
            if dupes:
                raise r.fail(sheet.name, row, dupes[0], "表头中该列出现了不止一次")
            return row, {n: i for i, n in enumerate(names) if n}, names
    raise r.fail(sheet.name, None, None, f"前 {HEADER_SEARCH_ROWS} 行中找不到表头（需要列：{'、'.join(required)}）")


def _read_info(r: _Reader, sheet: Sheet) -> dict:
    info: dict[str, str] = {}
    for row, cells in sheet.rows:
        label = cells[0].strip() if cells else ""
        if not label:
            continue
        key = INFO_FIELDS.get(label)
        if key is None:
            raise r.fail(sheet.name, row, "A", f"未知的项目“{label}”，应为：{'、'.join(INFO_FIELDS)}")
        if key in info:
            raise r.fail(sheet.name, row, "A", f"“{label}”出现了不止一次")
        info[key] = cells[1].strip() if len(cells) > 1 else ""
    for label in INFO_REQUIRED:
        if not info.get(INFO_FIELDS[label]):
            raise r.fail(sheet.name, None, "B", f"缺少“{label}”（A 列写“{label}”，B 列写其内容）")
    return info


def _read_scale(r: _Reader, sheet: Sheet) -> list[dict]:
    header_row, cols, _ = _header(r, sheet, SCALE_COLUMNS[:2])
    levels: list[dict] = []
    for row, cells in sheet.rows:
        if row <= header_row or not any(c.strip() for c in cells):
            continue
        cell = partial(_value, cells, cols)

        expected = len(levels) + 1
        if cell("等级") != str(expected):
            raise r.fail(sheet.name, row, "等级", f"应为 {expected}（等级从 1 起逐行加一），实际为“{cell('等级')}”")
        if not cell("名称"):
            raise r.fail(sheet.name, row, "名称", "等级名称不能为空")
        if any(lv["name"] == cell("名称") for lv in levels):
            raise r.fail(sheet.name, row, "名称", f"等级名称“{cell('名称')}”重复")
        levels.append({"level": expected, "name": cell("名称"), "descriptor": cell("说明") or cell("名称")})
    if not MIN_LEVELS <= len(levels) <= MAX_LEVELS:
        raise r.fail(sheet.name, None, "等级", f"应有 {MIN_LEVELS} 至 {MAX_LEVELS} 个等级，实际为 {len(levels)} 个")
    return levels


def _weight(r: _Reader, sheet: str, row: int, column: str, text: str) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = 0
    if not value > 0:
        raise r.fail(sheet, row, column, f"权重应为正数，实际为“{text}”")
    return value


def _read_items(r: _Reader, sheet: Sheet, levels: list[dict]) -> list[_Goal]:
    header_row, cols, names = _header(r, sheet, (GOAL, MEASURE, CONTENT))
    level_columns = {lv["name"]: lv["level"] for lv in levels}
    for i, name in enumerate(names):
        if name and name not in ITEM_COLUMNS and name not in level_columns:
            raise r.fail(sheet.name, header_row, column_letter(i),
                         f"未知的列“{name}”；等级描述列的表头应为“量表”中的等级名称：{'、'.join(level_columns)}")
    goals: list[_Goal] = []
    goal: _Goal | None = None
    measure: _Measure | None = None
    for row, cells in sheet.rows:
        if row <= header_row or not any(c.strip() for c in cells):
            continue
        cell = partial(_value, cells, cols)

        goal_title, measure_title, content = cell(GOAL), cell(MEASURE), cell(CONTENT)
        if goal_title and (goal is None or goal_title != goal.title):
            goal = next((g for g in goals if g.title == goal_title), None)
            if goal is None:
                goal = _Goal(goal_title, _Origin(row, GOAL))
                goals.append(goal)
            measure = None
        if goal is None:
            raise r.fail(sheet.name, row, GOAL, "为空，且上方没有可延续的培育目标")
        if measure_title and (measure is None or measure_title != measure.title):
            measure = next((m for m in goal.measures if m.title == measure_title), None)
            if measure is None:
                measure = _Measure(measure_title, _Origin(row, MEASURE))
                goal.measures.append(measure)
        if measure is None:
            raise r.fail(sheet.name, row, MEASURE, f"为空，且培育目标“{goal.title}”下上方没有可延续的主要举措")
        if goal.weight is None:
            goal.weight = _weight(r, sheet.name, row, GOAL_WEIGHT, cell(GOAL_WEIGHT))
        if measure.weight is None:
            measure.weight = _weight(r, sheet.name, row, MEASURE_WEIGHT, cell(MEASURE_WEIGHT))
        if not content:
            if any(cell(n) for n in (CODE, *GUIDANCE_COLUMNS, VETO, VETO_CAP, NO_NA, *level_columns)):
                raise r.fail(sheet.name, row, CONTENT, "为空，但本行填了条目的其他内容")
            continue  # a row that only names a goal or measure, or carries a weight
        clauses = split_clauses(content)
        per_item = {n: cell(n) for n in (*GUIDANCE_COLUMNS, VETO, VETO_CAP, NO_NA, *level_columns) if cell(n)}
        if len(clauses) > 1 and per_item:
            raise r.fail(sheet.name, row, next(iter(per_item)),
                         f"本行的具体内容分为 {len(clauses)} 条，条目的要点、否决条件和等级描述须各占一行填写")
        code = cell(CODE)
        if code and not _CODE.match(code):
            raise r.fail(sheet.name, row, CODE, f"编号“{code}”格式不对，应形如 1.2.3")
        if code and code.count(".") != 2:
            raise r.fail(sheet.name, row, CODE, f"编号“{code}”应为三级（培育目标.主要举措.条目），如 1.2.3")
        for k, text in enumerate(clauses):
            item: dict = {"text": text}
            if code:
                head, last = code.rsplit(".", 1)
                item["code"] = f"{head}.{int(last) + k}"
            guidance = {GUIDANCE_COLUMNS[n]: per_item[n] for n in GUIDANCE_COLUMNS if n in per_item}
            if guidance:
                item["guidance"] = guidance
            rubric = {str(level_columns[n]): per_item[n] for n in level_columns if n in per_item}
            if rubric:
                item["rubric"] = rubric
            if VETO in per_item:
                item["check"] = {"text": per_item[VETO], "veto": True}
                if VETO_CAP in per_item:
                    cap = per_item[VETO_CAP]
                    if cap not in {str(lv["level"]) for lv in levels}:
                        raise r.fail(sheet.name, row, VETO_CAP, f"应为 1 至 {len(levels)} 的整数，实际为“{cap}”")
                    item["check"]["cap"] = int(cap)
            elif VETO_CAP in per_item:
                raise r.fail(sheet.name, row, VETO_CAP, "填了封顶等级，但本行没有否决条件")
            if NO_NA in per_item:
                flag = per_item[NO_NA]
                if flag not in YES | NO:
                    raise r.fail(sheet.name, row, NO_NA, f"应填“是”或留空，实际为“{flag}”")
                if flag in YES:
                    item["not_applicable"] = False
            measure.items.append(item)
            measure.item_origins.append(_Origin(row, CONTENT))
    if not goals:
        raise r.fail(sheet.name, None, None, "没有任何条目")
    for g in goals:
        for m in g.measures:
            if not m.items:
                raise r.fail(sheet.name, m.origin.row, CONTENT, f"主要举措“{m.title}”下没有具体内容")
    return goals


def _assign_codes(r: _Reader, sheet: str, goals: list[_Goal]) -> None:
    """编号 given on an item fixes its goal's and measure's codes; the rest count in order."""
    for g in goals:
        for m in g.measures:
            for item, origin in zip(m.items, m.item_origins):
                if "code" not in item:
                    continue
                goal_code, measure_code = item["code"].split(".")[0], item["code"].rsplit(".", 1)[0]
                for owner, wanted, what in ((g, goal_code, "培育目标"), (m, measure_code, "主要举措")):
                    if owner.code is None:
                        owner.code = wanted
                    elif owner.code != wanted:
                        raise r.fail(sheet, origin.row, CODE, f"编号“{item['code']}”与同一{what}中其他条目的编号"
                                                              f"（{owner.code}）不一致")
    for gi, g in enumerate(goals, start=1):
        g.code = g.code or str(gi)
        for mi, m in enumerate(g.measures, start=1):
            m.code = m.code or f"{g.code}.{mi}"
            for ii, item in enumerate(m.items, start=1):
                item.setdefault("code", f"{m.code}.{ii}")


def template_from_sheets(source: str, info: Sheet, scale: Sheet, items: Sheet) -> Template:
    r = _Reader(source)
    meta = _read_info(r, info)
    levels = _read_scale(r, scale)
    goals = _read_items(r, items, levels)
    _assign_codes(r, items.name, goals)
    data = {
        "format": 2, **{k: meta.get(k, "") for k in INFO_FIELDS.values()},
        "scale": {"levels": levels, "not_applicable": "不适用"},
        "goals": [{"code": g.code, "title": g.title, "weight": g.weight or 1, "measures": [
            {"code": m.code, "title": m.title, "weight": m.weight or 1, "items": m.items} for m in g.measures]}
            for g in goals],
    }
    try:
        return parse_template(data, source)
    except TemplateError as exc:
        raise _located(r, items.name, goals, exc) from None


def _located(r: _Reader, sheet: str, goals: list[_Goal], exc: TemplateError) -> WorkbookError:
    """A problem parse_template found (a duplicate or misplaced code), told by sheet and row."""
    m = re.match(r"\$\.goals\[(\d+)\](?:\.measures\[(\d+)\])?(?:\.items\[(\d+)\])?", exc.path)
    if m is None:
        return r.fail(sheet, None, None, exc.problem)
    g = goals[int(m.group(1))]
    if m.group(2) is None:
        return r.fail(sheet, g.origin.row, CODE, exc.problem)
    meas = g.measures[int(m.group(2))]
    if m.group(3) is None:
        return r.fail(sheet, meas.origin.row, CODE, exc.problem)
    return r.fail(sheet, meas.item_origins[int(m.group(3))].row, CODE, exc.problem)


# -- writing -------------------------------------------------------------------


def sheets_from_template(t: Template) -> tuple[list[list], list[list], list[list]]:
    """The three sheets as rows of values, header first (信息 has none): what export writes
    and ``template_from_sheets`` reads back to the same template. Goal and measure titles
    and weights stand on their first row only, as in 附件3."""
    d = template_to_dict(t)
    info = [[label, d.get(key, "")] for label, key in INFO_FIELDS.items() if d.get(key) or label in INFO_REQUIRED]
    scale = [list(SCALE_COLUMNS)] + [[lv.level, lv.name, lv.descriptor] for lv in t.scale.levels]
    header = [*ITEM_COLUMNS, *(lv.name for lv in t.scale.levels)]
    rows: list[list] = [header]
    for g in t.goals:
        for mi, m in enumerate(g.measures):
            for ii, i in enumerate(m.items):
                first_of_goal, first_of_measure = mi == 0 and ii == 0, ii == 0
                check = i.check if i.check is not None and i.check.veto else None
                rows.append([
                    i.code, g.title if first_of_goal else None, m.title if first_of_measure else None, i.text,
                    _number(g.weight) if first_of_goal and g.weight != 1 else None,
                    _number(m.weight) if first_of_measure and m.weight != 1 else None,
                    *(i.guidance.get(key) or None for key in GUIDANCE_COLUMNS.values()),
                    check.text if check else None, check.cap if check and check.cap != 1 else None,
                    "是" if not i.not_applicable_allowed else None,
                    *(i.rubric.get(lv.level) for lv in t.scale.levels),
                ])
    return info, scale, rows


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value
