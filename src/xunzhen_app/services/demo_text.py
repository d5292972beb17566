"""Findings, 亮点 and suggestions for the demo, composed from the item, its level and the firm.

Each checklist item has its own topic, the gap experts typically find, the practice a strong firm
shows and the step that closes the gap; the sentence around them depends on the level given, the
firm (its products, its honours) and the visit. Honours decide which award or certificate a
suggestion may name: a firm is never told to apply for what it already holds.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from ..core.domain import Honour, HonourKind, HonourLevel


@dataclass(frozen=True)
class ItemText:
    topic: str  # what the item is about, as a heading would name it
    gap: str  # what experts find missing at a low level
    practice: str  # what a strong firm does, for its 亮点
    action: str  # the step that closes the gap
    department: str  # who in the firm carries it out


ITEMS: dict[str, ItemText] = {
    "1.1.1": ItemText("全流程质量管控体系", "质量策划与过程检验记录未形成闭环，不合格品处置缺少原因分析和纠正措施验证",
                      "将卓越绩效模式融入质量管控，策划、执行、检查、改进各环节记录完整、闭环及时",
                      "按PDCA梳理质量管控流程，对不合格处置建立原因分析、纠正措施和效果验证的闭环台账", "质量部"),
    "1.1.2": ItemText("制度化与流程标准化", "部分作业指导书版本滞后于工艺变更，现场操作与文件规定不一致",
                      "作业指导书与工艺变更同步受控，现场抽查的文件均为现行有效版本，制度每年评审优化",
                      "建立文件与工艺变更联动机制，每季度开展一次现场文件有效性核查", "质量部、技术部"),
    "1.1.3": ItemText("数字化质量管理平台", "质量数据仍以人工填报、月度汇总为主，关键工序缺少实时监控和异常报警",
                      "质量管理平台实时采集关键工序数据，异常自动报警并推送至责任部门，支撑跨部门决策",
                      "建设质量数据采集平台，一期覆盖关键工序，实现数据实时采集与异常报警", "信息中心、质量部"),
    "1.2.1": ItemText("质量效益与质量成本", "质量成本未单独核算，废品、返工和索赔损失分散在各部门，难以量化质量投入收益",
                      "按GB/T 13339核算质量成本，质量损失率逐年下降，质量投入与经营效益形成良性互动",
                      "按GB/T 13339建立质量成本核算体系，将质量损失率纳入月度经营分析", "财务部、质量部"),
    "2.1.1": ItemText("质量改进活动", "质量改进项目多为临时性攻关，缺少立项、过程跟踪和改进前后数据对比",
                      "QC小组和六西格玛项目常态化开展，近两年改进成果有前后对比数据，多项获省级优秀成果",
                      "建立质量改进项目立项、评审和成果发布机制，每年确定不少于3项重点改进课题", "质量部、生产部"),
    "3.1.1": ItemText("质量风险防控", "风险识别停留在产品检验环节，留样、追溯标识和不合格品隔离管理不够规范",
                      "建立覆盖原料、过程和成品的风险防控清单，近一年监督抽查全部合格，留样与追溯规范",
                      "编制质量风险清单并分级管控，规范不合格品隔离、留样和追溯标识管理", "质量部"),
    "3.1.2": ItemText("质量风险快速响应", "客诉与质量异常的响应时限未作规定，抽查的一条客诉处置用时较长且未闭环",
                      "客诉和质量异常实行分级响应，抽查的客诉24小时内响应、一周内闭环并有回访记录",
                      "制定质量异常和客诉分级响应规定，明确响应时限并按月通报闭环情况", "质量部、销售部"),
    "3.2.1": ItemText("全流程质量追溯", "追溯依靠纸质批次记录，从成品追溯到原材料批次需要跨部门人工查找",
                      "赋码追溯覆盖原材料、生产、检测和售后，现场任取成品可在数分钟内追溯全过程",
                      "推行产品赋码，先打通原材料批次与成品批次的电子追溯链", "信息中心、生产部"),
    "3.2.2": ItemText("质量数据分析与智能应用", "统计过程控制仅在个别工序试用，检测数据未与工艺参数关联分析",
                      "关键工序全面应用SPC，检测数据与工艺参数关联分析，智能检测设备在线判定",
                      "在关键工序推广SPC控制图，建立检测数据与工艺参数的关联分析模型", "质量部、技术部"),
    "4.1.1": ItemText("质量战略与质量理念", "尚未制定中长期质量战略，质量理念在车间班组的宣贯形式单一",
                      "制定五年质量战略规划，质量理念融入企业价值观，车间班组宣贯形式多样、员工知晓率高",
                      "制定中长期质量发展规划，将质量理念纳入新员工培训和班组例会", "企业管理部"),
    "4.1.2": ItemText("质量战略与经营战略融合", "质量目标未纳入部门绩效考核，与企业年度经营目标衔接不紧",
                      "质量目标逐级分解到部门和班组并与绩效挂钩，支撑企业高质量发展目标",
                      "将质量目标分解纳入部门年度绩效考核，按季度考核兑现", "人力资源部、质量部"),
    "4.2.1": ItemText("质量文化活动", "质量文化活动以质量月为主，日常活动较少，一线员工参与面不广",
                      "质量月、质量信得过班组、质量知识竞赛等活动常态开展，一线员工参与率高",
                      "制定年度质量文化活动计划，开展质量信得过班组创建", "工会、质量部"),
    "4.2.2": ItemText("特色质量文化", "合理化建议渠道不畅，改进成果缺少展示和激励，企业特色的质量文化尚未形成",
                      "形成具有企业特色的质量文化，合理化建议看板常年更新，改进成果及时表彰奖励",
                      "建立合理化建议收集、评审和奖励机制，定期发布改进成果", "企业管理部、工会"),
    "4.3.1": ItemText("体系认证与质量荣誉", "管理体系认证覆盖范围与实际经营范围不完全一致，部分证书临近到期",
                      "管理体系认证齐全有效、覆盖全部产品，并获得政府质量奖等权威荣誉",
                      "核对体系认证覆盖范围并及时扩项换证", "质量部"),
    "4.3.2": ItemText("行业标杆对比", "未开展与行业先进企业的关键质量指标对标，行业地位缺少数据支撑",
                      "关键质量指标与行业先进企业定期对标，多项指标处于行业领先水平",
                      "选取2至3家行业标杆企业，对关键质量指标开展年度对标分析", "质量部、企业管理部"),
    "4.4.1": ItemText("先进质量方法推广", "内部有效的质量管理方法尚未总结提炼，对外交流推广较少",
                      "总结提炼的质量管理模式在行业内交流推广，多次接待同行企业观摩学习",
                      "总结提炼1至2项特色质量管理方法，形成可推广的案例材料", "企业管理部"),
    "4.5.1": ItemText("品牌建设投入", "品牌建设缺少年度规划和专项投入，品牌宣传以展会和产品手册为主",
                      "品牌建设有规划、有专项投入，品牌标识、包装和宣传统一，品牌知名度持续提升",
                      "制定品牌建设三年规划并设立品牌建设专项经费", "市场部"),
    "4.5.2": ItemText("品牌价值与顾客满意", "顾客满意度测评未形成制度，客诉数据未用于品牌和产品改进",
                      "定期开展顾客满意度测评，满意度持续提升，客诉数据用于产品和服务改进",
                      "建立年度顾客满意度测评制度，将客诉分析结果纳入产品改进", "销售部、质量部"),
    "4.6.1": ItemText("质量基础设施", "检测和计量能力不能覆盖全部关键指标，部分项目依赖外委检测",
                      "检测实验室通过CNAS认可，计量器具管理规范，检测资源向区域内企业开放共享",
                      "补齐关键指标的检测能力，推动企业实验室申请CNAS认可", "质量部、检测中心"),
    "4.6.2": ItemText("对外质量技术服务", "对产业链上下游的质量技术支持以零散答疑为主，缺少固定机制",
                      "为上下游企业提供检测、标准和培训服务，形成区域质量公共服务能力",
                      "建立面向上下游企业的质量技术服务机制，每年开展专题培训", "技术部"),
    "5.1.1": ItemText("质量人员与首席质量官", "首席质量官制度已建立，但履职记录不完整，质量培训计划执行不到位",
                      "首席质量官履职到位，质量团队专业配置合理，年度质量培训覆盖全体员工",
                      "完善首席质量官履职台账，按季度报告质量状况，落实年度质量培训计划", "人力资源部、质量部"),
    "5.1.2": ItemText("科技领军人才", "高层次技术人才数量不足，关键质量技术研发主要依靠外部合作",
                      "拥有省级技术中心和一支科技领军人才团队，承担多项关键质量技术研发项目",
                      "依托技术中心引进和培养高层次质量技术人才，设立关键质量技术攻关课题", "技术中心、人力资源部"),
    "6.1.1": ItemText("产业链供应链质量赋能", "供应商管理停留在来料检验，对关键供应商缺少质量帮扶和联合改进",
                      "对关键供应商开展分级管理和质量帮扶，带动供应链来料合格率持续提升",
                      "建立关键供应商分级管理与质量帮扶机制，每年开展联合改进项目", "采购部、质量部"),
    "6.2.1": ItemText("带动县域质量提升", "与县域中小企业的质量交流和帮扶尚未开展",
                      "牵头开展县域质量交流活动，帮扶本地中小企业提升质量管理水平",
                      "结合县域产业特点，与本地中小企业开展质量结对帮扶", "企业管理部"),
}


def _award_step(honours: tuple[Honour, ...]) -> str:
    """The next government quality award the firm can aim for, above any it holds."""
    held = {(h.level, h.nomination) for h in honours if h.kind is HonourKind.QUALITY_AWARD}
    if (HonourLevel.NATIONAL, True) in held or (HonourLevel.NATIONAL, False) in held:
        return "对标中国质量奖评审标准持续改进，巩固国家级质量荣誉成果"
    if (HonourLevel.PROVINCIAL, False) in held:
        return "对标中国质量奖评审标准开展自评，争取中国质量奖提名"
    if (HonourLevel.PROVINCIAL, True) in held:
        return "对照山西省质量奖评审标准补齐短板，争创山西省质量奖"
    if any(level is HonourLevel.CITY for level, _ in held):
        return "总结市长质量奖创建经验，对照卓越绩效评价准则申报山西省质量奖"
    return "导入卓越绩效评价准则开展自评，申报市级政府质量奖"


def _brand_step(honours: tuple[Honour, ...]) -> str:
    if any(h.kind is HonourKind.SHANXI_JINGPIN for h in honours):
        return "扩大“山西精品”认证产品范围，发挥山西精品品牌的市场带动作用"
    return "对照“山西精品”认证要求梳理主导产品，申报“山西精品”认证"


# Items whose step depends on what the firm already holds.
HONOUR_STEPS = {"4.3.1": _award_step, "4.5.1": _brand_step}


def suggestion(code: str, honours: tuple[Honour, ...]) -> str:
    step = HONOUR_STEPS.get(code)
    return f"{ITEMS[code].action}；{step(honours)}。" if step else f"{ITEMS[code].action}。"


def finding(item, level: int, scale, rng: random.Random) -> str:
    """The 问题 of an item rated low (1–3): what is missing, against the next level's descriptor."""
    t = ITEMS[item.code]
    target = item.descriptor(level + 1, scale)
    if level <= 2:
        frame = rng.choice(["{gap}；对照“{target}”的要求差距明显。", "{topic}方面，{gap}，尚处于{name}。",
                            "现场核查发现{gap}，{topic}仍处于{name}。"])
    else:
        frame = rng.choice(["{topic}总体规范，但{gap}，距“{target}”尚有差距。",
                            "{topic}已有制度和记录，仍存在{gap}的情况。"])
    return frame.format(gap=t.gap, topic=t.topic, name=scale.name(level), target=target.rstrip("。"))


def strength(item, level: int, scale, product: str, rng: random.Random) -> str:
    """The 亮点 of an item rated high (4–5)."""
    t = ITEMS[item.code]
    frame = rng.choice(["{practice}，{topic}达到{name}。", "围绕{product}，{practice}。",
                        "{topic}是企业的突出优势：{practice}。"])
    return frame.format(practice=t.practice, topic=t.topic, name=scale.name(level), product=product)


def _first_part(text: str, separators: str) -> str:
    """Up to the first separator outside brackets: "近三年质量成本（预防、鉴定）台账、…" → its first entry."""
    depth = 0
    for pos, ch in enumerate(text):
        depth += ch in "（(“" and 1 or 0
        depth -= ch in "）)”" and 1 or 0
        if depth == 0 and ch in separators:
            return text[:pos]
    return text.rstrip("。")


def evidence(item, level: int, scale) -> str:
    """What the expert looked at (the item's own guidance) and what was seen (the level's descriptor)."""
    docs = _first_part(item.guidance.get("documents", ""), "、：；")
    site = _first_part(item.guidance.get("site", ""), "，；").removeprefix("现场")
    seen = item.descriptor(level, scale).rstrip("。")
    looked = "；".join(p for p in (f"查阅{docs}等资料" if docs else "", f"现场{site}" if site else "") if p)
    return f"{looked}。所见情况：{seen}。" if looked else f"所见情况：{seen}。"


def _goal_names(goals) -> str:
    return "、".join(f"“{g.title}”" for g in goals)


def overall_assessment(detail, previous, first, rng: random.Random) -> str:
    """总体评价 from the visit's own figures: level and band, strongest and weakest goals, the
    veto, the change since the previous (and the first) visit."""
    from ..core.scoring import band, display_index, round_half_up

    e, result, scale = detail.enterprise, detail.result, detail.template.scale
    level = round_half_up(result.overall.level, 1)
    named = band(result.overall, scale)
    rated = sorted((g for g in result.goals if g.score.level is not None), key=lambda g: g.score.level)
    weak, strong = rated[:2], rated[-2:][::-1]
    products = e.profile.main_products.split("、")[0] or e.industry
    opening = {
        "前期巡诊": rng.choice([f"专家组通过资料收集、实地调研和深度访谈，对{e.name}的质量管理现状进行了全面诊断。",
                             f"本次前期巡诊摸清了{e.name}质量管理的基础和短板。"]),
        "培育跟踪": "本次为培育跟踪巡诊，重点核查一企一策帮扶举措的推进情况。",
        "成效总结": "本次为成效总结巡诊，对培育期内的提升成效进行总结评价。",
    }[detail.row.stage]
    parts = [opening,
             f"企业主营{products}，对照附件3的{len(result.goals)}项培育目标逐项评价，总体成熟度{level}级"
             f"（{named.name if named else '—'}），质量发展指数{display_index(result.overall)}。"]
    if strong and strong[0].score.level >= 3.5:
        parts.append(f"{_goal_names(strong)}基础较好，在同行业中具有一定优势。")
    if weak and weak[0].score.level < 3.0:
        parts.append(f"{_goal_names(weak)}是当前的主要短板，应作为下一阶段培育的重点。")
    elif weak and weak[0].score.level < 4.0:
        parts.append(f"{_goal_names(weak[:1])}相对薄弱，可作为下一阶段的提升方向。")
    if result.failed_checks:
        parts.append(f"否决项{'、'.join(result.failed_checks)}未通过，须优先整改并在下次巡诊时复核。")
    if previous is not None and previous.result.overall.level is not None:
        before = round_half_up(previous.result.overall.level, 1)
        if first is not None and first.row.id != previous.row.id:
            start = round_half_up(first.result.overall.level, 1)
            parts.append(f"培育期内总体成熟度由前期巡诊的{start}级提升至{level}级，帮扶举措成效明显。")
        elif level > before:
            parts.append(f"与上次巡诊的{before}级相比提升{level - before}级，帮扶举措已初见成效。")
        else:
            parts.append(f"与上次巡诊的{before}级相比变化不大，帮扶举措仍需加快落实。")
    if result.unrated:
        parts.append(f"尚有{len(result.unrated)}项未评，以上结论为暂定。")
    return "".join(parts)


def expert_opinion(detail, rng: random.Random) -> str:
    """专家组意见: agreement with the findings and what the group asks of the firm and the bureau."""
    result = detail.result
    rated = sorted((g for g in result.goals if g.score.level is not None), key=lambda g: g.score.level)
    focus = _goal_names(rated[:2]) if rated else "各项培育目标"
    ask = rng.choice(["按一企一策明确的时间节点逐项落实", "细化一企一策的责任部门和完成时限"])
    veto = "，并对否决项整改情况形成专项报告" if result.failed_checks else ""
    return (f"专家组一致同意本报告的评价结论。建议企业围绕{focus}，{ask}{veto}；"
            f"建议{detail.organiser or '属地市场监管部门'}加强跟踪指导，在下一阶段巡诊中复核整改成效。")
