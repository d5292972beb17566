"""`xunzhen desk …`: the programme desk — targets per city, 标杆 and 推荐 picks, roll-ups."""

from __future__ import annotations

from pathlib import Path

from ..core import programme_targets as targets
from ..core.errors import UserError
from ..services import programme_desk as desk
from .context import print_json, store_for, table


def register(sub, common) -> None:
    d = sub.add_parser("desk", help="工作进展：各市目标完成情况、标杆与推荐名单、汇总材料", parents=[common])
    cmds = d.add_subparsers(dest="desk_command", metavar="子命令", required=True)
    p = cmds.add_parser("progress", help="各市目标完成情况（市局看本市，省局看各市）", parents=[common])
    p.add_argument("--city", help="只看这个地市")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_progress)
    c = cmds.add_parser("benchmark-candidates", help="标杆候选企业：按总体等级和提升幅度排序（否决项未通过者不列入）",
                        parents=[common])
    c.add_argument("--json", action="store_true")
    c.set_defaults(handler=_candidates)
    for name, kind, text in (("benchmark", targets.BENCHMARK, "选定（或 --off 撤下）一家质量标杆企业（3-5家）"),
                             ("recommend", targets.RECOMMENDED, "把一家企业列入（或 --off 移出）推荐名单（不超过5家）")):
        pick = cmds.add_parser(name, help=text, parents=[common])
        pick.add_argument("enterprise", help="企业名称或编号")
        pick.add_argument("--off", action="store_true", help="移出名单")
        pick.set_defaults(handler=_pick, kind=kind)
    x = cmds.add_parser("export-recommendations", help="推荐名单汇总表（xlsx）", parents=[common])
    x.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    x.set_defaults(handler=_export_recommendations)
    r = cmds.add_parser("recommendation-report", help="一家企业的推荐报告（docx），由其巡诊记录起草", parents=[common])
    r.add_argument("enterprise", help="企业名称或编号")
    r.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.docx")
    r.set_defaults(handler=_recommendation_report)
    u = cmds.add_parser("rollup", help="汇总材料：汇总表（.xlsx）或一页的工作进展（.pdf）", parents=[common])
    u.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx|FILE.pdf")
    u.add_argument("--city", help="只汇总这个地市")
    u.set_defaults(handler=_rollup)
    s = cmds.add_parser("send-list", help="导出本市的附件2名单（xlsx）并记为已报送", parents=[common])
    s.add_argument("--city", required=True, help="地市")
    s.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.xlsx")
    s.add_argument("--date", help="报送日期 YYYY-MM-DD（默认今天）")
    s.set_defaults(handler=_send_list)


def _yes(flag: bool) -> str:
    return "达标" if flag else "未达标"


def _num(value) -> str:
    return "—" if value is None else f"{value:.2f}"


def progress_json(p: desk.CityProgress) -> dict:
    return {
        "city": p.city,
        "enterprises": {"total": p.enterprises, **p.by_type, "target": targets.MIN_ENTERPRISES,
                        "met": p.enterprises_met},
        "list": {"sent_on": p.list_sent_on.isoformat() if p.list_sent_on else None,
                 "due": targets.LIST_DUE.isoformat(), "in_time": p.list_in_time},
        "stages": p.stages,
        "stage_gaps": p.stage_gaps,
        "visits": {"total": p.visits, "finalized": p.visits_finalized, "reviewed": p.visits_reviewed,
                   "returned": p.visits_returned},
        "overdue_actions": p.overdue_actions,
        "maturity": {"mean": p.mean_level, "baseline": p.mean_baseline, "change": p.mean_improvement},
        "vetoed": list(p.vetoed),
        "successes": {"count": len(p.successes), "target": targets.MIN_SUCCESSES, "met": p.successes_met,
                      "enterprises": list(p.successes)},
        "quality_counties": [{"county": c, "enterprises": n} for c, n in p.counties.items()],
    }


def _progress(args) -> int:
    rows = desk.progress(store_for(args), args.city)
    if args.json:
        print_json([progress_json(p) for p in rows])
        return 0
    table([[p.city, f"{p.enterprises}/{targets.MIN_ENTERPRISES}",
            "、".join(f"{t}{n}" for t, n in p.by_type.items()),
            (p.list_sent_on.isoformat() + ("" if p.list_in_time else " 逾期")) if p.list_sent_on else "未报送",
            "/".join(str(n) for n in p.stages.values()), f"{p.visits_finalized}/{p.visits}",
            f"{p.visits_reviewed}/{p.visits_returned}", str(p.overdue_actions),
            _num(p.mean_level), _num(p.mean_improvement), str(len(p.vetoed)),
            f"{len(p.successes)}/{targets.MIN_SUCCESSES}"] for p in rows],
          ["地市", "培育库", "类型", "附件2报送", "前期/跟踪/总结", "定稿/巡诊", "已审核/退回", "逾期举措",
           "平均等级", "较前期", "否决", "培育成功"])
    return 0


def _candidates(args) -> int:
    rows = desk.benchmark_candidates(store_for(args))
    if args.json:
        print_json([{"rank": c.rank, "id": c.standing.id, "enterprise": c.standing.name, "city": c.standing.city,
                     "cultivation_type": c.standing.cultivation_type, "level": c.standing.level,
                     "baseline": c.standing.baseline, "improvement": c.standing.improvement,
                     "benchmark": c.benchmark, "recommended": c.recommended} for c in rows])
        return 0
    table([[str(c.rank), c.standing.name, c.standing.city, c.standing.cultivation_type, _num(c.standing.level),
            _num(c.standing.improvement), "是" if c.benchmark else "", "是" if c.recommended else ""] for c in rows],
          ["名次", "企业名称", "所属地市", "培育类型", "总体等级", "较前期", "标杆", "推荐"])
    return 0


def _pick(args) -> int:
    name = desk.set_pick(store_for(args), args.kind, args.enterprise, on=not args.off)
    what = "质量标杆企业" if args.kind == targets.BENCHMARK else "推荐名单"
    print(f"已将“{name}”{'移出' if args.off else '列入'}{what}")
    return 0


def _suffix(path: Path, suffix: str) -> None:
    if path.suffix.lower() != suffix:
        raise UserError(f"“{path.name}”：应保存为 {suffix} 文件")


def _export_recommendations(args) -> int:
    from ..services import recommendations

    _suffix(args.output, ".xlsx")
    written = recommendations.write_summary_workbook(store_for(args), args.output)
    print(f"已导出推荐名单汇总表：{written.path}")
    return 0


def _recommendation_report(args) -> int:
    from ..services import recommendations

    _suffix(args.output, ".docx")
    written = recommendations.write_recommendation_report(store_for(args), args.enterprise, args.output)
    print(f"已起草推荐报告：{written.path}（请在 Word 或 WPS 中核改）")
    return 0


def _rollup(args) -> int:
    from ..services import programme_rollup

    written = programme_rollup.write_rollup(store_for(args), args.output, args.city)
    print(f"已导出汇总材料：{written.path}")
    return 0


def _send_list(args) -> int:
    from ..services import list_submission

    written = list_submission.send_list(store_for(args), args.city, args.output, args.date)
    print(f"已导出{args.city}的附件2名单（{written.rows} 家）并记为 {written.sent_on} 报送：{written.path}")
    return 0
