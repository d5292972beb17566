"""`xunzhen visit …` (list, history, new, show, rate, team, attach, finalize, reopen) and `xunzhen open`.

The commands script what the workbench does, over the same services and so
with the same checks: a bad level, an unknown item or a finalized visit is
refused by the service with its Chinese message (exit 2), and nothing of a
refused command is saved. Services are imported inside the handlers, so
parsing the command line stays fast.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ..core.calendar import stage_label
from ..core.errors import UserError
from ..core.validation import check_date
from . import review_cmds, team_cmds
from .context import print_json, store_for, table

NOT_APPLICABLE = "不适用"
CHECK_VALUES = {"通过": True, "未通过": False}


def register(sub, common) -> None:
    vis = sub.add_parser("visit", help="巡诊", parents=[common])
    vcmds = vis.add_subparsers(dest="visit_command", metavar="子命令", required=True)
    vl = vcmds.add_parser("list", help="列出巡诊", parents=[common])
    vl.add_argument("--json", action="store_true")
    vl.set_defaults(handler=_list)
    vh = vcmds.add_parser("history", help="显示一次巡诊的修改记录", parents=[common])
    vh.add_argument("visit")
    vh.set_defaults(handler=_history)

    vn = vcmds.add_parser("new", help="新建巡诊", parents=[common])
    vn.add_argument("--enterprise", metavar="名称或编号", help="企业名称、统一社会信用代码或编号（用 --from 时可不写）")
    vn.add_argument("--stage", metavar="阶段",
                    help="前期巡诊、培育跟踪或成效总结（用 --from 时默认按日期：12 月为成效总结，否则培育跟踪）")
    vn.add_argument("--date", metavar="YYYY-MM-DD", help="巡诊日期（默认今天）")
    vn.add_argument("--template", metavar="ID", help="检查表模板（默认为最新的山西头雁行动模板）")
    vn.add_argument("--from", dest="previous", metavar="巡诊",
                    help="上一次巡诊：逐项显示其等级供复核（待复核），未完成的一企一策举措延续到本次")
    vn.add_argument("--json", action="store_true", help='输出 {"id": …}')
    vn.set_defaults(handler=_new)

    vs = vcmds.add_parser("show", help="显示一次巡诊的逐项评价", parents=[common])
    vs.add_argument("visit", help="巡诊编号（可只写前几位）")
    vs.add_argument("--json", action="store_true")
    vs.set_defaults(handler=_show)

    vr = vcmds.add_parser("rate", help="评定一个条目", parents=[common])
    vr.add_argument("visit")
    vr.add_argument("code", help="条目编号，如 1.1.1")
    vr.add_argument("level", metavar="等级", help=f"等级（如 1–5）或“{NOT_APPLICABLE}”")
    vr.add_argument("--check", metavar="通过|未通过", help="否决项检查的结果（仅用于有否决项的条目）")
    vr.add_argument("--evidence", metavar="文字", help="核查记录")
    vr.add_argument("--problem", metavar="文字", help="问题")
    vr.add_argument("--suggestion", metavar="文字", help="改进建议")
    vr.add_argument("--strength", metavar="文字", help="亮点（企业在本条目上做得好的地方）")
    vr.add_argument("--consensus", action="store_true", help="记录专家组的合议等级（组长），而非本人的评定")
    vr.add_argument("--note", metavar="文字", help="合议说明（与 --consensus 一起使用）")
    vr.set_defaults(handler=_rate)
    team_cmds.register(vcmds, common)

    va = vcmds.add_parser("attach", help="添加照片或文件", parents=[common])
    va.add_argument("visit")
    va.add_argument("file", type=Path)
    va.add_argument("--item", metavar="条目", help="所属条目编号（不写则属于整次巡诊）")
    va.add_argument("--caption", default="", metavar="文字", help="说明")
    va.set_defaults(handler=_attach)

    vf = vcmds.add_parser("finalize", help="定稿（此后只读，直到重新打开）", parents=[common])
    vf.add_argument("visit")
    vf.set_defaults(handler=_finalize)

    vo = vcmds.add_parser("reopen", help="重新打开已定稿的巡诊", parents=[common])
    vo.add_argument("visit")
    vo.add_argument("--reason", required=True, metavar="原因", help="重新打开的原因（记入修改记录）")
    vo.set_defaults(handler=_reopen)

    review_cmds.register(vcmds, common)

    op = sub.add_parser("open", help="打开工作台，定位到该巡诊的第一个未评条目", parents=[common])
    op.add_argument("visit", help="巡诊编号（可只写前几位）")
    op.set_defaults(handler=_open)


def _list(args) -> int:
    from ..services import visits

    rows = visits.list_visits(store_for(args))
    if args.json:
        print_json([{"id": v.id, "enterprise": v.enterprise, "enterprise_id": v.enterprise_id, "city": v.city,
                     "cultivation_type": v.cultivation_type, "date": v.start_date.isoformat(),
                     "end_date": v.end_date.isoformat(), "stage": v.stage, "status": v.status,
                     "template": f"{v.template_id} {v.template_version}", "outside_window": v.outside_window,
                     "review": v.review or None}  # 已审核, 退回, 退回后已修改 or null (services.reviews.review_mark)
                    for v in rows])
    else:
        table([[v.id[:8], v.start_date.isoformat(), v.enterprise, v.city, stage_label(v.stage, v.outside_window),
                v.status, v.review] for v in rows],
              ["编号", "日期", "企业", "所属地市", "阶段", "状态", "审核"])
    return 0


def _history(args) -> int:
    from ..services import visits

    rows = visits.history(store_for(args), args.visit)
    table([[h.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), h.actor, h.entity, h.field,
            (h.old_value or "")[:20], (h.new_value or "")[:20], h.reason] for h in rows],
          ["时间", "修改人", "对象", "字段", "原值", "新值", "原因"])
    return 0


def _new(args) -> int:
    from ..services import enterprises, experts, visits

    store = store_for(args)
    start = date.today() if args.date is None else check_date(args.date.strip(), field="--date")
    if args.enterprise is None and args.previous is None:
        raise UserError("请用 --enterprise 给出企业，或用 --from 给出上一次巡诊")
    if args.stage is None and args.previous is None:
        raise UserError("请用 --stage 给出阶段（前期巡诊、培育跟踪或成效总结）")
    enterprise_id = enterprises.find_enterprise(store, args.enterprise).id if args.enterprise else ""
    me = experts.profile(store)  # the workbench's new-visit form ticks the user too
    row = visits.create_visit(store, visits.NewVisit(
        enterprise_id=enterprise_id, stage=(args.stage or "").strip(), start_date=start, team=(me.id,) if me else (),
        template_id=args.template, previous_visit_id=args.previous, copy_previous=bool(args.previous)))
    if row.outside_window:  # flagged, not refused: the visit is saved as asked
        from ..services import calendar

        cal = calendar.programme_calendar(store, row.start_date.year)
        print(f"警告：{calendar.outside_window_text(cal, row.stage, row.start_date)}", file=sys.stderr)
    if args.json:
        print_json({"id": row.id})
    else:
        print(f"已新建巡诊 {row.id}：{row.enterprise}　{row.stage}　{row.start_date}")
    return 0


def _show(args) -> int:
    from ..services import visits
    from ..services.exchange import relay, signing
    from ..services.reviews import review_states
    from ..services.visit_json import visit_json

    store = store_for(args)
    detail = visits.get_visit(store, args.visit)
    me = signing.load_or_create_keys(store.paths, store).card()
    with store.session() as s:
        review = review_states(s, [detail.row.id]).get(detail.row.id)
        origin = relay.record_origin(s, "visit", detail.row.id, me)
    data = visit_json(detail, origin, review.to_json() if review else None)
    if args.json:
        print_json(data)
        return 0
    print(f"{data['enterprise']}　{stage_label(data['stage'], data['outside_window'])}　{data['date']}　{data['status']}"
          f"　（{data['template']['id']} {data['template']['version']}）")
    table([[i["code"], NOT_APPLICABLE if i["not_applicable"] else "待合议" if i["consensus_needed"]
            else str(i["level"] or "未评"), i["check"] or "",
            i["text"][:24]] for i in data["items"]], ["条目", "等级", "否决项", "要求"])
    print(f"\n作者：{data['author']['name']}" + (f"　经 {' → '.join(data['via'])} 转发" if data["via"] else ""))
    if review is not None:
        print(review_cmds.review_line(review))
    return 0


def _rate(args) -> int:
    from ..services import visits

    value = args.level.strip()
    if value == NOT_APPLICABLE:
        rating: dict = {"not_applicable": True}
    else:
        try:
            rating = {"level": int(value)}
        except ValueError:
            raise UserError(f"条目 {args.code} 的等级“{value}”无效，应为数字或“{NOT_APPLICABLE}”") from None
    if args.note is not None and not args.consensus:
        raise UserError("--note 是合议说明，须与 --consensus 一起使用")
    if args.consensus:
        if "level" not in rating:
            raise UserError(f"合议等级应为数字，不能为“{NOT_APPLICABLE}”")
        if args.check is not None or any(getattr(args, n) is not None for n in ("evidence", "problem", "suggestion",
                                                                                 "strength")):
            raise UserError("--consensus 只记录合议等级和说明，不能同时写否决项检查或文字")
        return team_cmds.rate_consensus(args, rating["level"])
    if args.check is not None:
        if args.check.strip() not in CHECK_VALUES:
            raise UserError(f"--check 的值“{args.check}”无效，应为“通过”或“未通过”")
        rating["check_passed"] = CHECK_VALUES[args.check.strip()]
    texts = {name: getattr(args, name) for name in visits.ASSESSMENT_TEXT_FIELDS if getattr(args, name) is not None}
    visits.rate_item(store_for(args), args.visit, args.code, texts=texts, **rating)
    print(f"已评定条目 {args.code}：{value}" + (f"，否决项{args.check.strip()}" if args.check else ""))
    return 0


def _attach(args) -> int:
    from ..services import visits

    info = visits.add_attachment(store_for(args), args.visit, args.file, args.item, args.caption)
    where = f"条目 {info.item_code}" if info.item_code else "本次巡诊"
    print(f"已添加附件“{info.filename}”（{info.size} 字节）到{where}")
    return 0


def _finalize(args) -> int:
    from ..services import visits

    visits.finalize(store_for(args), args.visit)
    print("已定稿。")
    return 0


def _reopen(args) -> int:
    from ..services import visits

    visits.reopen(store_for(args), args.visit, args.reason)
    print("已重新打开。")
    return 0


def _open(args: argparse.Namespace) -> int:
    from ..services import visits

    store = store_for(args)
    try:  # an unknown visit is refused here, before any window opens
        visit_id = visits.get_visit(store, args.visit).row.id
    finally:
        store.close()
    from ..gui.app import run_gui

    return run_gui(getattr(args, "data_dir", None), getattr(args, "db", None), rate_visit=visit_id)
