"""`xunzhen plan list VISIT` and `xunzhen plan update ACTION`: the 一企一策 actions of a visit.

A bad status, a date that is not YYYY-MM-DD or an unknown action is refused by the
service with its Chinese message (exit 2), and nothing is saved.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .context import print_json, store_for, table


def register(sub, common) -> None:
    plan = sub.add_parser("plan", help="一企一策帮扶举措", parents=[common])
    cmds = plan.add_subparsers(dest="plan_command", metavar="子命令", required=True)
    pl = cmds.add_parser("list", help="列出一次巡诊的帮扶举措", parents=[common])
    pl.add_argument("visit", help="巡诊编号（可只写前几位）")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(handler=_list)

    pu = cmds.add_parser("update", help="更新一项帮扶举措的状态、完成时限、责任人或进展", parents=[common])
    pu.add_argument("action", help="举措编号（可只写前几位，见 plan list）")
    pu.add_argument("--status", metavar="状态", help="未开始、进行中、已完成、已核验或已取消")
    pu.add_argument("--due", metavar="YYYY-MM-DD", help="完成时限（空字符串表示不设）")
    pu.add_argument("--owner", metavar="姓名", help="责任人")
    pu.add_argument("--note", metavar="文字", help="今天的进展记录")
    pu.add_argument("--result", metavar="核验结果", help="跟踪巡诊对延续举措的核验结果：已完成并见效、部分完成或未完成")
    pu.add_argument("--result-note", metavar="文字", default="", help="核验说明")
    pu.add_argument("--attach", metavar="文件", action="append", type=Path, default=[],
                    help="随今天的进展记录附上照片或文件（可多次给出）")
    pu.set_defaults(handler=_update)


def _list(args) -> int:
    from ..core.actions import status_text
    from ..services import actions

    rows = actions.list_actions(store_for(args), args.visit)
    today = date.today()
    if args.json:
        print_json([actions.action_json(r, today) for r in rows])
    else:
        table([[r.id[:8], r.category, r.measure[:24], r.owner or r.department, r.due.isoformat() if r.due else "",
                status_text(r.status, r.due, today)] for r in rows],
              ["编号", "类别", "措施", "责任人", "完成时限", "状态"])
    return 0


def _update(args) -> int:
    from ..services import actions

    changes: dict = {}
    if args.due is not None:
        changes["due"] = args.due
    if args.result is not None:
        changes["result"] = args.result.strip()
        changes["result_note"] = args.result_note
    from ..services.attachment_store import read_attachment_file

    files = [read_attachment_file(f) for f in args.attach]  # read before the store opens: all or nothing
    row = actions.update_action(store_for(args), args.action, status=args.status, owner=args.owner,
                                note=args.note, attachments=files, **changes)
    print(f"已更新举措 {row.id[:8]}：{row.status}" + (f"，完成时限 {row.due}" if row.due else ""))
    return 0
