"""`xunzhen visit team …`: the 组长's expert team and who assesses what (issue 16), and the 合议 part
of `visit rate … --consensus`."""

from __future__ import annotations

from ..core.errors import UserError
from .context import print_json, store_for, table


def register(vcmds, common) -> None:
    vt = vcmds.add_parser("team", help="专家组：添加成员、分配培育目标或条目、移除成员", parents=[common])
    vt.add_argument("visit", help="巡诊编号（可只写前几位）")
    action = vt.add_mutually_exclusive_group()
    action.add_argument("--add", metavar="密钥卡文件或指纹", help="从密钥登记册添加成员（或修改其分工）")
    action.add_argument("--remove", metavar="密钥卡文件或指纹", help="移除成员（其已给出的评定保留）")
    vt.add_argument("--goals", default="", metavar="4,5", help="分配的培育目标编号，逗号分隔")
    vt.add_argument("--items", default="", metavar="1.1.1,2.3.1", help="分配的单个条目编号，逗号分隔")
    vt.add_argument("--json", action="store_true")
    vt.set_defaults(handler=_team)


def _split(text: str) -> list[str]:
    return [c.strip() for c in text.replace("，", ",").split(",") if c.strip()]


def _team(args) -> int:
    from ..services import team

    store = store_for(args)
    if (args.goals or args.items) and not args.add:
        raise UserError("--goals 和 --items 须与 --add 一起使用")
    if args.add:
        row = team.set_member(store, args.visit, args.add, goals=_split(args.goals), items=_split(args.items))
        print(f"已将“{row.name}”加入专家组，负责：{row.assignment}")
    elif args.remove:
        row = team.remove_member(store, args.visit, args.remove)
        print(f"已将“{row.name}”移出专家组（其已给出的评定保留）")
    rows = team.team_of(store, args.visit)
    if args.json:
        print_json([{"expert": r.name, "organisation": r.organisation, "role": r.role, "fingerprint": r.fingerprint,
                     "goals": list(r.goals), "items": list(r.items)} for r in rows])
    elif not (args.add or args.remove):
        table([[r.name, r.role, r.organisation, r.assignment, r.fingerprint[:16]] for r in rows],
              ["专家", "角色", "单位", "负责", "指纹"])
    return 0


def rate_consensus(args, level: int) -> int:
    from ..services import team

    team.record_consensus(store_for(args), args.visit, args.code, level, args.note or "")
    print(f"已记录条目 {args.code} 的合议等级：{level}" + (f"（{args.note}）" if args.note else ""))
    return 0
