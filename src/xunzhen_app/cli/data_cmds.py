"""`xunzhen demo`, `enterprise …` and `score` (`visit …` is in visit_cmds)."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import UserError
from ..core.scoring import Score, band, round_half_up, scoring_rule
from ..core.validation import check_date
from ..services import demo, enterprise_import, enterprises, programme_desk, visits
from .context import print_json, store_for, table


def register(sub, common) -> None:
    sub.add_parser("demo", help="装入一套虚构的示例数据", parents=[common]).set_defaults(handler=_demo)

    ent = sub.add_parser("enterprise", help="企业库", parents=[common])
    ecmds = ent.add_subparsers(dest="enterprise_command", metavar="子命令", required=True)
    imp = ecmds.add_parser("import", help="从附件2格式的 Excel 名单导入企业", parents=[common])
    imp.add_argument("file", type=Path)
    imp.add_argument("--skip-invalid", action="store_true", help="跳过无效行，导入其余各行")
    imp.add_argument("--received-on", metavar="YYYY-MM-DD",
                     help="省局收到该名单的日期：记为名单中各市附件2的报送日期（工作进展按5月21日判断是否按期）")
    imp.set_defaults(handler=_enterprise_import)
    lst = ecmds.add_parser("list", help="列出企业", parents=[common])
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_enterprise_list)
    ok = ecmds.add_parser("success", help="记录（或 --off 撤销）市局对一家企业培育成功的认定", parents=[common])
    ok.add_argument("enterprise", help="企业名称或编号")
    ok.add_argument("--date", help="认定日期 YYYY-MM-DD")
    ok.add_argument("--reason", help="认定理由")
    ok.add_argument("--off", action="store_true", help="撤销认定")
    ok.set_defaults(handler=_enterprise_success)

    sc = sub.add_parser("score", help="计算一次巡诊的成熟度得分", parents=[common])
    sc.add_argument("visit", help="巡诊编号（可只写前几位）")
    sc.add_argument("--json", action="store_true")
    sc.set_defaults(handler=_score)


def _demo(args) -> int:
    store = store_for(args)
    n = demo.load_demo(store)
    print(f"已装入示例数据：{len(demo.FIRMS)} 家企业，{n} 次巡诊（{store.url}）")
    return 0


def _enterprise_import(args) -> int:
    store = store_for(args)
    if args.received_on is not None:
        check_date(args.received_on, field="收到日期")  # before anything is imported
    report = enterprise_import.import_enterprises(store, args.file, args.skip_invalid)
    for line in report.normalised:
        print(f"读取：{line}")
    for line in report.invalid:
        print(f"跳过：{line}")
    print(f"导入完成：{report.summary()}")
    if args.received_on is not None and report.cities:
        from ..services import list_submission

        cities = list_submission.record_received(store, report.cities, args.received_on, args.file.name)
        print(f"已记下{'、'.join(cities)}的附件2名单于 {args.received_on} 收到")
    return 0


def _enterprise_list(args) -> int:
    rows = enterprises.list_enterprises(store_for(args))
    if args.json:
        print_json([{"id": e.id, "name": e.name, "uscc": e.uscc, "city": e.city, "county": e.county,
                     "cultivation_type": e.cultivation_type, "visits": e.visit_count} for e in rows])
    else:
        table([[e.id[:8], e.name, e.city, e.cultivation_type, e.uscc, str(e.visit_count)] for e in rows],
              ["编号", "企业名称", "所属地市", "培育类型", "统一社会信用代码", "巡诊次数"])
    return 0


def _enterprise_success(args) -> int:
    store = store_for(args)
    if args.off:
        print(f"已撤销“{programme_desk.withdraw_success(store, args.enterprise)}”的培育成功认定")
        return 0
    if not args.date or args.reason is None:
        raise UserError("认定培育成功需要 --date（认定日期）和 --reason（认定理由）")
    name = programme_desk.record_success(store, args.enterprise, args.date, args.reason)
    print(f"已记录“{name}”培育成功（{args.date}）")
    return 0


def _score_json(score: Score, scale) -> dict:
    lv = band(score, scale)
    return {
        "level": None if score.level is None else float(round_half_up(score.level, 1)),
        "index": None if score.index is None else int(round_half_up(score.index, 0)),
        "band": lv.name if lv else None,
        "level_exact": score.level,
        "provisional": score.provisional,
    }


def _score(args) -> int:
    detail = visits.get_visit(store_for(args), args.visit)
    result, scale = detail.result, detail.template.scale
    if args.json:
        print_json({
            "visit": detail.row.id,
            "enterprise": detail.row.enterprise,
            "template": {"id": detail.template.id, "version": detail.template.version},
            "overall": {**_score_json(result.overall, scale), "failed_checks": list(result.failed_checks),
                        "unrated": list(result.unrated)},
            "goals": [{"code": g.code, "title": g.title, **_score_json(g.score, scale),
                       "failed_checks": list(g.failed_checks), "unrated": list(g.unrated)} for g in result.goals],
            "rule": scoring_rule(scale),
        })
        return 0
    print(f"{detail.row.enterprise}　{detail.row.stage}　{detail.row.start_date}　{detail.row.status}")
    rows = []
    for g in result.goals:
        d = _score_json(g.score, scale)
        rows.append([g.code, g.title, _fmt(d["level"]), _fmt(d["index"]), d["band"] or "—",
                     "暂定" if g.score.provisional else "", "、".join(g.failed_checks)])
    o = _score_json(result.overall, scale)
    rows.append(["", "总体", _fmt(o["level"]), _fmt(o["index"]), o["band"] or "—",
                 "暂定" if result.overall.provisional else "", "、".join(result.failed_checks)])
    table(rows, ["编号", "培育目标", "等级", "指数", "等级名称", "", "否决项未通过"])
    if result.unrated:
        print(f"未评条目：{'、'.join(result.unrated)}")
    print(scoring_rule(scale))
    return 0


def _fmt(value) -> str:
    return "—" if value is None else str(value)
