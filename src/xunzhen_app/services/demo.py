"""A realistic, entirely fictional data set for trying every screen and report.

Names, codes and people are invented; the 统一社会信用代码 are well-formed
(correct check character) but belong to no one.
"""

from __future__ import annotations

import random
import struct
import zlib
from datetime import date, timedelta

from sqlalchemy import func, select

from ..core.actions import ActionStatus
from ..core.domain import Honour, HonourKind, HonourLevel, Stage
from ..core.errors import UserError
from ..core.uscc import CHARSET, check_character
from ..db.models import Enterprise
from . import actions, experts, visits
from .dto import Contact, EnterpriseInput

# (name, city, county, area code, industry, honours)
ENTERPRISES = [
    ("晋阳重工精密装备有限公司", "太原市", "小店区", "140105", "高端装备制造",
     [Honour(HonourKind.QUALITY_AWARD, HonourLevel.PROVINCIAL, 2023, name="山西省质量奖")]),
    ("汾河新材料科技股份有限公司", "太原市", "清徐县", "140121", "新材料",
     [Honour(HonourKind.SHANXI_JINGPIN, None, 2024, name="山西精品认证")]),
    ("云冈智能电气有限公司", "大同市", "云州区", "140215", "电气机械",
     [Honour(HonourKind.CHAIN_LEADER, HonourLevel.PROVINCIAL, 2024, name="省级重点产业链（新能源装备）")]),
    ("塞上黄花食品有限公司", "大同市", "云州区", "140215", "农产品加工",
     [Honour(HonourKind.TOWN_CORE, None, 2024, name="云州黄花专业镇")]),
    ("上党老陈醋酿造有限公司", "长治市", "潞州区", "140403", "食品制造",
     [Honour(HonourKind.QUALITY_AWARD, HonourLevel.CITY, 2022, name="长治市市长质量奖")]),
    ("太行轴承制造有限公司", "晋城市", "高平市", "140581", "通用设备",
     [Honour(HonourKind.CHAIN_CORE, None, 2024, name="轴承产业链链核企业"),
      Honour(HonourKind.CERTIFICATE, None, 2021, name="IATF 16949")]),
    ("平遥古城牛肉食品有限公司", "晋中市", "平遥县", "140728", "食品制造",
     [Honour(HonourKind.TOWN_CORE, None, 2023, name="平遥牛肉专业镇")]),
    ("汾州酒业集团有限公司", "吕梁市", "汾阳市", "141182", "酒、饮料制造",
     [Honour(HonourKind.QUALITY_AWARD, HonourLevel.NATIONAL, 2021, nomination=True, name="中国质量奖提名奖")]),
    ("河东盐湖化工有限公司", "运城市", "盐湖区", "140802", "化学原料",
     [Honour(HonourKind.CERTIFICATE, None, 2020, name="ISO 9001")]),
    ("尧都锻造股份有限公司", "临汾市", "尧都区", "141002", "金属制品",
     [Honour(HonourKind.QUALITY_AWARD, HonourLevel.PROVINCIAL, 2024, nomination=True, name="山西省质量奖提名奖")]),
    ("忻州杂粮食品有限公司", "忻州市", "定襄县", "140921", "农副食品加工", []),
    ("潇河智能制造产业园示范企业有限公司", "山西转型综合改革示范区", "", "140191", "智能制造",
     [Honour(HonourKind.SHANXI_JINGPIN, None, 2023, name="山西精品认证")]),
]

EXPERTS = [
    ("王建平", "山西省质量强省助企惠企专家库", "正高级工程师", "质量管理体系"),
    ("刘晓燕", "太原理工大学", "教授", "质量工程与统计"),
    ("陈志强", "山西省检验检测中心", "高级工程师", "计量与检验检测"),
    ("赵敏", "山西省标准化研究院", "高级工程师", "标准化与品牌"),
]

EVIDENCE = [
    "查阅质量手册（第5版）及近两年管理评审记录，内容完整。",
    "现场抽查三条生产线作业指导书，均为现行有效版本。",
    "访谈质量部长，能清楚说明质量目标的分解与考核方式。",
    "调阅近一年质量数据报表，数据按月统计，尚未实现实时监控。",
    "查看QC小组成果报告4份，其中1项获省级优秀成果。",
]
PROBLEMS = [
    "质量数据仍以人工汇总为主，未实现实时采集与预警。",
    "供应商质量管理停留在来料检验，缺少对关键供应商的帮扶。",
    "首席质量官制度已建立，但履职记录不完整。",
    "质量成本未单独核算，质量投入收益难以量化。",
    "品牌建设投入缺少年度规划，品牌价值评价尚未开展。",
]
SUGGESTIONS = [
    "建设质量数据采集平台，先覆盖关键工序，逐步实现SPC在线监控。",
    "建立关键供应商分级管理与质量帮扶机制，每年开展联合改进项目。",
    "完善首席质量官履职台账，按季度报告质量状况。",
    "按GB/T 13339建立质量成本核算体系，纳入经营分析。",
    "制定三年品牌建设规划，申报“山西精品”认证。",
]
PLAN = [
    ("建设质量数据实时监控平台（一期覆盖关键工序）", "信息中心、质量部", date(2025, 10, 31), "关键工序质量数据在线率达到90%",
     ("4.3.2",)),
    ("开展首席质量官履职能力提升培训", "人力资源部", date(2025, 8, 31), "首席质量官及质量骨干全员参训", ()),
    ("建立供应商质量分级帮扶机制", "采购部、质量部", date(2025, 11, 30), "关键供应商来料合格率提升2个百分点", ()),
    ("申报市级政府质量奖", "企业管理部", date(2025, 12, 31), "形成申报材料并通过初审", ("4.5.1",)),
]
OWNERS = ["张伟", "李芳", "王强", "郭静"]
PROGRESS = [(ActionStatus.IN_PROGRESS, "已启动，完成方案评审"), (ActionStatus.DONE, "已按计划完成，资料已留存"),
            (ActionStatus.NOT_STARTED, "")]


def fictional_uscc(area: str, rng: random.Random) -> str:
    body = "91" + area + "".join(rng.choice(CHARSET) for _ in range(9))
    return body + check_character(body)


def demo_photo(seed: int, width: int = 320, height: int = 240) -> bytes:
    """A small generated PNG standing in for a site photo (no image library needed)."""
    rng = random.Random(seed)
    base = [rng.randrange(60, 200) for _ in range(3)]
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            band = 40 if (x // 40 + y // 40) % 2 else 0
            rows += bytes(min(255, c + band + (x + y) * 60 // (width + height)) for c in base)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")


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
    for n, (name, city, county, area, industry, honours) in enumerate(ENTERPRISES):
        info = _enterprise(store, name, city, county, area, industry, honours, rng)
        visit = _visit(store, info.id, Stage.INITIAL, date(2025, 5, 8) + timedelta(days=n), team, rng,
                       completeness=0.75 if n % 4 == 0 else 1.0)
        count += 1
        if n % 4 == 0:
            continue
        visits.finalize(store, visit)
        if n in (1, 2, 3, 5, 6, 9):
            visit = _visit(store, info.id, Stage.FOLLOW_UP, date(2025, 9, 10) + timedelta(days=n), team, rng,
                           previous=visit, completeness=0.85 if n in (2, 6) else 1.0, uplift=1)
            count += 1
            if n in (2, 6):
                continue
            visits.finalize(store, visit)
        if n in (3, 9):
            visit = _visit(store, info.id, Stage.SUMMARY, date(2025, 12, 5) + timedelta(days=n), team, rng,
                           previous=visit, uplift=1)
            count += 1
            if n == 3:
                visits.finalize(store, visit)
    return count


def _enterprise(store, name, city, county, area, industry, honours, rng):
    from .enterprises import create_enterprise

    return create_enterprise(store, EnterpriseInput(
        name=name, city=city, county=county, industry=industry, uscc=fictional_uscc(area, rng),
        honours=tuple(honours), cultivation_type=None,
        contacts=(Contact(rng.choice(["张", "李", "王", "郭", "杨"]) + rng.choice(["伟", "芳", "强", "静", "磊"]),
                          "质量部部长", f"13{rng.randrange(10**8, 10**9)}"),),
        notes="示例数据（虚构企业）"))


def _visit(store, enterprise_id, stage, start, team, rng, previous=None, completeness=1.0, uplift=0):
    row = visits.create_visit(store, visits.NewVisit(
        enterprise_id=enterprise_id, stage=stage.value, start_date=start, end_date=start + timedelta(days=1),
        team=tuple(team[: rng.choice([2, 3])]), previous_visit_id=previous, copy_previous=previous is not None))
    vid = row.id
    visits.set_visit_field(store, vid, "interviewees", [
        {"name": "总经理", "position": "企业负责人"}, {"name": "质量部部长", "position": "首席质量官"},
        {"name": "班组长", "position": "一线员工代表"}])
    detail = visits.get_visit(store, vid)
    for i, item in enumerate(detail.template.items()):
        if rng.random() > completeness:
            continue
        if item.code == "6.2.1" and rng.random() < 0.3:
            visits.rate_item(store, vid, item.code, not_applicable=True)
            continue
        last = detail.suggestion(item.code)  # a follow-up re-rates from the last level
        base = last.level if last and last.level else rng.choice([2, 2, 3, 3, 3, 4])
        top = detail.template.scale.top
        visits.rate_item(store, vid, item.code, level=min(top, base + (uplift if rng.random() < 0.6 else 0)))
        if item.check is not None:
            passed = rng.random() > 0.15
            visits.rate_item(store, vid, item.code, check_passed=passed)
            if not passed:  # a failed veto check must be written up before 定稿
                visits.add_problem(store, vid, f"{item.check.text}：未通过（见抽查记录）", item.code)
        visits.set_item_text(store, vid, item.code, "evidence", EVIDENCE[i % len(EVIDENCE)])
        if base <= 3:
            k = rng.randrange(len(PROBLEMS))
            visits.set_item_text(store, vid, item.code, "problem", PROBLEMS[k])
            visits.set_item_text(store, vid, item.code, "suggestion", SUGGESTIONS[k])
    for k in rng.sample(range(len(PROBLEMS)), 3):
        visits.add_problem(store, vid, PROBLEMS[k])
    if previous is None:
        kinds = actions.categories(detail.enterprise.cultivation_type)
        for n, (measure, dept, due, outcome, codes) in enumerate(rng.sample(PLAN, 3)):
            codes = tuple(c for c in codes if c in {i.code for i in detail.template.items()})
            visits.add_plan_row(store, vid, measure=measure, department=dept, owner=OWNERS[n], due=due,
                                expected_outcome=outcome, category=kinds[n % len(kinds)] if kinds else "",
                                item_codes=list(codes))
    else:
        for row in visits.get_visit(store, vid).plan:
            status, note = rng.choice(PROGRESS)
            if note:
                actions.update_action(store, row.id, status=status.value, note=note, on=start)
    visits.add_attachment_bytes(store, vid, "现场照片-生产线.png", demo_photo(rng.randrange(1000)), "1.1.2",
                                "生产线作业指导书现场核对")
    visits.set_visit_field(store, vid, "summary",
                           "企业质量管理体系运行总体规范，质量意识较强；数字化质量管控和示范带动作用仍有提升空间。")
    visits.set_visit_field(store, vid, "report_number", f"ZLXZ-2025-{rng.randrange(1000, 9999)}")
    return vid
