"""A realistic, entirely fictional data set for trying every screen and report.

Names, codes and people are invented; the 统一社会信用代码 are well-formed
(correct check character) but belong to no one. Each firm has a maturity of its
own (strong and weak goals); every visit's ratings follow from it, and its texts
follow from the ratings (``demo_text``): weak items carry problems and
suggestions, strong ones 亮点. Dates keep to the programme's calendar: 前期巡诊
in May after the notice of 10 May 2025, 培育跟踪 from June to November, 成效总结
in December.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from ..core.actions import ActionStatus
from ..core.checklist import Item
from ..core.domain import Honour, HonourKind, HonourLevel, Stage
from ..core.errors import UserError
from ..core.uscc import CHARSET, check_character
from ..db.models import Enterprise
from . import actions, demo_text, experts, visits
from .demo_photos import SCENES
from .dto import Contact, EnterpriseInput, EnterpriseProfile, Interviewee


@dataclass(frozen=True)
class DemoFirm:
    name: str
    city: str
    county: str
    area: str  # 行政区划代码, the USCC's 3rd–8th characters
    industry: str
    honours: tuple[Honour, ...]
    profile: EnterpriseProfile
    base: float  # the firm's maturity at the 前期巡诊, 1–5
    strong: tuple[str, ...] = ()  # goal codes it does better in
    weak: tuple[str, ...] = ()  # and worse
    failed_check: bool = False  # a 监督抽查 failure in the last year (item 3.1.1's 否决项)
    extra: dict = field(default_factory=dict)


def _p(products, employees, revenue_wan, certifications, introduction) -> EnterpriseProfile:
    return EnterpriseProfile(products, employees, revenue_wan, certifications, introduction)


FIRMS = (
    DemoFirm("晋阳重工精密装备有限公司", "太原市", "小店区", "140105", "高端装备制造",
             (Honour(HonourKind.QUALITY_AWARD, HonourLevel.PROVINCIAL, 2023, name="山西省质量奖"),),
             _p("矿山液压支架、精密减速机", 2360, 386000, "ISO 9001、ISO 14001、ISO 45001",
                "始建于1958年的国有控股装备制造企业，液压支架国内市场占有率居前列，设有省级企业技术中心。"),
             4.1, strong=("1", "4"), weak=("6",)),
    DemoFirm("汾河新材料科技股份有限公司", "太原市", "清徐县", "140121", "新材料",
             (Honour(HonourKind.SHANXI_JINGPIN, None, 2024, name="山西精品认证"),),
             _p("高性能碳纤维复合材料、特种涂层", 640, 92000, "ISO 9001、IATF 16949",
                "2009年成立的高新技术企业，产品用于新能源汽车和轨道交通，2024年主导产品获“山西精品”认证。"),
             3.4, strong=("2",), weak=("3", "5")),
    DemoFirm("云冈智能电气有限公司", "大同市", "云州区", "140215", "电气机械",
             (Honour(HonourKind.CHAIN_LEADER, HonourLevel.PROVINCIAL, 2024, name="省级重点产业链（新能源装备）"),),
             _p("智能配电成套设备、储能变流器", 1120, 158000, "ISO 9001、ISO 14001",
                "省级新能源装备产业链链主企业，配套本地40余家供应商，建有数字化配电设备生产线。"),
             3.7, strong=("3", "6"), weak=("4",)),
    DemoFirm("塞上黄花食品有限公司", "大同市", "云州区", "140215", "农产品加工",
             (Honour(HonourKind.TOWN_CORE, None, 2024, name="云州黄花专业镇"),),
             _p("黄花菜干制品、即食黄花菜", 310, 26000, "ISO 9001、ISO 22000、HACCP",
                "云州黄花专业镇核心企业，带动周边农户种植黄花菜两万余亩，产品出口东南亚。"),
             3.0, strong=("6",), weak=("2", "3")),
    DemoFirm("上党老陈醋酿造有限公司", "长治市", "潞州区", "140403", "食品制造",
             (Honour(HonourKind.QUALITY_AWARD, HonourLevel.CITY, 2022, name="长治市市长质量奖"),),
             _p("老陈醋、保健醋饮", 420, 31000, "ISO 9001、ISO 22000",
                "传承百年酿醋技艺的老字号企业，固态发酵工艺入选市级非物质文化遗产名录。"),
             3.2, strong=("4",), weak=("3",)),
    DemoFirm("太行轴承制造有限公司", "晋城市", "高平市", "140581", "通用设备",
             (Honour(HonourKind.CHAIN_CORE, None, 2024, name="轴承产业链链核企业"),
              Honour(HonourKind.CERTIFICATE, None, 2021, name="IATF 16949")),
             _p("汽车轮毂轴承、风电主轴轴承", 980, 124000, "ISO 9001、IATF 16949",
                "轴承产业链链核企业，为多家整车和风电主机厂配套，拥有省级精密轴承工程技术研究中心。"),
             3.6, strong=("1", "2"), weak=("4",)),
    DemoFirm("平遥古城牛肉食品有限公司", "晋中市", "平遥县", "140728", "食品制造",
             (Honour(HonourKind.TOWN_CORE, None, 2023, name="平遥牛肉专业镇"),),
             _p("平遥牛肉、卤制肉制品", 560, 48000, "ISO 9001、ISO 22000、HACCP",
                "平遥牛肉专业镇核心企业，“中华老字号”品牌，年加工牛肉八千余吨。"),
             3.3, strong=("4",), weak=("3", "5")),
    DemoFirm("汾州酒业集团有限公司", "吕梁市", "汾阳市", "141182", "酒、饮料制造",
             (Honour(HonourKind.QUALITY_AWARD, HonourLevel.NATIONAL, 2021, nomination=True, name="中国质量奖提名奖"),),
             _p("清香型白酒、配制酒", 3200, 865000, "ISO 9001、ISO 14001、ISO 22000、GB/T 27341",
                "清香型白酒龙头企业，获中国质量奖提名奖，酿酒原粮基地覆盖吕梁、晋中两市。"),
             4.3, strong=("1", "4", "6"), weak=("5",)),
    DemoFirm("河东盐湖化工有限公司", "运城市", "盐湖区", "140802", "化学原料",
             (Honour(HonourKind.CERTIFICATE, None, 2020, name="ISO 9001"),),
             _p("无水硫酸钠、硫化碱", 740, 67000, "ISO 9001",
                "依托运城盐湖资源的基础化工企业，近年推进生产线自动化改造。"),
             2.6, strong=(), weak=("3", "4"), failed_check=True),
    DemoFirm("尧都锻造股份有限公司", "临汾市", "尧都区", "141002", "金属制品",
             (Honour(HonourKind.QUALITY_AWARD, HonourLevel.PROVINCIAL, 2024, nomination=True, name="山西省质量奖提名奖"),),
             _p("风电法兰、工程机械锻件", 860, 126000, "ISO 9001、ISO 14001、ISO 45001",
                "省内规模较大的锻造企业，风电法兰出口欧洲，2024年获山西省质量奖提名奖。"),
             3.8, strong=("1", "2"), weak=("6",)),
    DemoFirm("忻州杂粮食品有限公司", "忻州市", "定襄县", "140921", "农副食品加工", (),
             _p("小米、杂粮粉", 150, 9800, "ISO 9001",
                "以本地谷子、莜麦为原料的农产品加工企业，通过电商渠道销售。"),
             2.7, strong=(), weak=("2", "3", "4")),
    DemoFirm("潇河智能制造产业园示范企业有限公司", "山西转型综合改革示范区", "", "140191", "智能制造",
             (Honour(HonourKind.SHANXI_JINGPIN, None, 2023, name="山西精品认证"),),
             _p("工业机器人集成系统、智能仓储装备", 420, 58000, "ISO 9001、ISO 27001",
                "示范区重点引进的智能制造企业，2023年主导产品获“山西精品”认证。"),
             3.5, strong=("3",), weak=("5", "6")),
)

EXPERTS = [
    ("王建平", "山西省质量强省助企惠企专家库", "正高级工程师", "质量管理体系"),
    ("刘晓燕", "太原理工大学", "教授", "质量工程与统计"),
    ("陈志强", "山西省检验检测中心", "高级工程师", "计量与检验检测"),
    ("赵敏", "山西省标准化研究院", "高级工程师", "标准化与品牌"),
]

SURNAMES = "张李王郭杨赵刘陈贾韩武程常"
GIVEN = ["伟", "芳", "强", "静", "磊", "建国", "晓东", "丽华", "志刚", "海燕", "俊峰", "文斌", "红梅"]
POSITIONS = ["总经理", "分管质量副总经理", "质量部部长（首席质量官）", "生产部经理", "技术中心主任", "采购部经理",
             "一线班组长"]

PROGRESS = [(ActionStatus.IN_PROGRESS, "已启动，完成方案评审"), (ActionStatus.DONE, "已按计划完成，资料已留存"),
            (ActionStatus.NOT_STARTED, "")]

# Stage → (first day, last day) of its window in 附件1's calendar.
STAGE_WINDOWS = {
    Stage.INITIAL: (date(2025, 5, 11), date(2025, 5, 31)),
    Stage.FOLLOW_UP: (date(2025, 6, 1), date(2025, 11, 30)),
    Stage.SUMMARY: (date(2025, 12, 1), date(2025, 12, 31)),
}


def fictional_uscc(area: str, rng: random.Random) -> str:
    body = "91" + area + "".join(rng.choice(CHARSET) for _ in range(9))
    return body + check_character(body)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def load_demo(store, seed: int = 2025) -> int:
    """Fill the store; returns the number of visits created. Refuses a non-empty store."""
    with store.session() as s:
        if s.scalar(select(func.count()).select_from(Enterprise)):
            raise UserError("数据库中已有企业数据；示例数据只能装入空的数据库（可用 --data-dir 指定新的数据文件夹）")
    rng = random.Random(seed)
    me = experts.profile(store) or experts.save_profile(store, *EXPERTS[0], phone="0351-0000000")
    team = [me.id] + [experts.add_expert(store, *e).id for e in EXPERTS[1:]]
    # Every stage in both statuses: initial visits 0, 4, 8 stay drafts; follow-ups
    # of 2 and 6 are drafts; 3 has a finalized 成效总结 and 9 a draft one.
    count = 0
    for n, firm in enumerate(FIRMS):
        info = _enterprise(store, firm, rng)
        first = _visit(store, info.id, firm, Stage.INITIAL, date(2025, 5, 12) + timedelta(days=n * 14 // 11),
                       team, rng, completeness=0.75 if n % 4 == 0 else 1.0)
        count += 1
        if n % 4 == 0:
            continue
        visits.finalize(store, first)
        visit = first
        if n in (1, 2, 3, 5, 6, 9):
            start = date(2025, 6 + n % 6, 8 + n)
            visit = _visit(store, info.id, firm, Stage.FOLLOW_UP, start, team, rng, previous=visit, first=first,
                           completeness=0.85 if n in (2, 6) else 1.0, uplift=0.4)
            count += 1
            if n in (2, 6):
                continue
            visits.finalize(store, visit)
        if n in (3, 9):
            visit = _visit(store, info.id, firm, Stage.SUMMARY, date(2025, 12, 2 + n), team, rng, previous=visit,
                           first=first, uplift=0.8)
            count += 1
            if n == 3:
                visits.finalize(store, visit)
                # Its year ends in a 典型案例 drafted from what the visits found, which the bureau selected.
                from . import cases

                cases.set_selected(store, cases.draft_case(store, info.id).id)
    return count


def _enterprise(store, firm: DemoFirm, rng: random.Random):
    from .enterprises import create_enterprise

    return create_enterprise(store, EnterpriseInput(
        name=firm.name, city=firm.city, county=firm.county, industry=firm.industry,
        uscc=fictional_uscc(firm.area, rng), honours=firm.honours, cultivation_type=None,
        contacts=(Contact(_person(rng), "质量部部长", f"13{rng.randrange(10**8, 10**9)}"),),
        notes="示例数据（虚构企业）", profile=firm.profile))


def _level(firm: DemoFirm, item_code: str, uplift: float, rng: random.Random) -> int:
    goal = item_code.split(".")[0]
    adjust = 0.8 if goal in firm.strong else -0.8 if goal in firm.weak else 0.0
    value = firm.base + uplift + adjust + rng.choice([-0.6, -0.3, 0.0, 0.0, 0.3, 0.6])
    return max(1, min(5, round(value)))


def _visit(store, enterprise_id, firm: DemoFirm, stage: Stage, start: date, team, rng, previous=None, first=None,
           completeness=1.0, uplift=0.0):
    end = start + timedelta(days=1)
    row = visits.create_visit(store, visits.NewVisit(
        enterprise_id=enterprise_id, stage=stage.value, start_date=start, end_date=end,
        team=tuple(team[: rng.choice([2, 3])]), previous_visit_id=previous, copy_previous=previous is not None))
    vid = row.id
    people = rng.sample(POSITIONS, rng.choice([3, 4]))
    visits.set_visit_field(store, vid, "interviewees", [Interviewee(_person(rng), p) for p in people])
    detail = visits.get_visit(store, vid)
    scale, product = detail.template.scale, firm.profile.main_products.split("、")[0]
    weak_items: list[tuple[int, int, Item]] = []  # (0 for a failed veto, level, item): the 主要问题 to be
    held = detail.assessments  # what a follow-up copied from the last visit
    empty = dict.fromkeys(visits.ASSESSMENT_TEXT_FIELDS, "")
    for item in detail.template.items():
        veto_case = item.check is not None and firm.failed_check
        if rng.random() > completeness and not veto_case:  # the failed 否决项 is always on record
            # Left to rate later: nothing copied from the last visit stays as if it were this one's.
            if item.code in held:
                visits.rate_item(store, vid, item.code, level=None, texts=empty)
            continue
        if item.code == "6.2.1" and not firm.county:
            visits.rate_item(store, vid, item.code, not_applicable=True, texts=empty)  # no county to lead
            continue
        level = _level(firm, item.code, uplift, rng)
        failed = item.check is not None and firm.failed_check and stage is Stage.INITIAL
        if failed:
            level = min(level, 2)
        texts = {**empty, "evidence": demo_text.evidence(item, level, scale)}
        # Every 3 has room to improve; half of them are written up, and at least two per visit.
        if level <= 2 or (level == 3 and (rng.random() < 0.5 or len(weak_items) < 2)):
            texts["problem"] = ("近一年省级监督抽查中有1批次产品不合格。" if failed else "") + \
                demo_text.finding(item, level, scale, rng)
            texts["suggestion"] = demo_text.suggestion(item.code, firm.honours)
            weak_items.append((0 if failed else 1, level, item))
        elif level >= 4:
            texts["strength"] = demo_text.strength(item, level, scale, product, rng)
        # The rating and its texts in one transaction, as the CLI's `visit rate` writes them.
        if item.check is not None:
            visits.rate_item(store, vid, item.code, level=level, check_passed=not failed, texts=texts)
        else:
            visits.rate_item(store, vid, item.code, level=level, texts=texts)
    weak_items.sort(key=lambda w: (w[0], w[1]))
    detail = visits.get_visit(store, vid)
    for _, _, item in weak_items[:4]:  # 主要问题: the veto first, then the weakest items
        visits.add_problem(store, vid, detail.assessments[item.code].problem, item.code)
    if previous is None:
        _plan(store, vid, firm, [w[2] for w in weak_items[:4]], detail, rng)
    else:
        _progress(store, vid, start, rng)
    for name, caption, code, draw in rng.sample(SCENES, rng.choice([2, 3])):
        visits.add_attachment_bytes(store, vid, name, draw(rng.randrange(10**6)), code, caption)
    detail = visits.get_visit(store, vid)
    visits.set_visit_field(store, vid, "summary", demo_text.overall_assessment(
        detail, visits.get_visit(store, previous) if previous else None,
        visits.get_visit(store, first) if first else None, rng))
    visits.set_visit_field(store, vid, "expert_opinion", demo_text.expert_opinion(detail, rng))
    visits.set_visit_field(store, vid, "report_date", end + timedelta(days=rng.choice([1, 2, 3])))
    return vid


def _plan(store, vid, firm: DemoFirm, items, detail, rng) -> None:
    """一企一策 for the weakest items: the item's own step, who does it, by when, to what level."""
    scale = detail.template.scale
    kinds = actions.categories(detail.enterprise.cultivation_type)
    for n, item in enumerate(items):
        level = detail.assessments[item.code].level or 1
        text = demo_text.ITEMS[item.code]
        measure = demo_text.suggestion(item.code, firm.honours).rstrip("。")
        month = rng.choice([8, 9, 10, 11])
        visits.add_plan_row(store, vid, measure=measure, department=text.department, owner=_person(rng),
                            due=date(2025, month + 1, 1) - timedelta(days=1),
                            expected_outcome=f"{text.topic}达到{scale.name(min(5, level + 1))}",
                            category=kinds[n % len(kinds)] if kinds else "", item_codes=[item.code])


def _progress(store, vid, on: date, rng) -> None:
    """A follow-up finds the actions it carried over under way, done or not yet started."""
    for row in visits.get_visit(store, vid).plan:
        status, note = rng.choice(PROGRESS)
        if note:
            actions.update_action(store, row.id, status=status.value, note=note, on=on)
