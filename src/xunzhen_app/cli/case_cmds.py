"""`xunzhen case …`: 典型案例 — draft one from an enterprise's visits, list, export as .docx or PDF, and
the bureau's 入选 flag. A bad enterprise, case or file type exits 2 with its Chinese message."""

from __future__ import annotations

from pathlib import Path

from .context import print_json, store_for, table


def register(sub, common) -> None:
    case = sub.add_parser("case", help="典型案例", parents=[common])
    cmds = case.add_subparsers(dest="case_command", metavar="子命令", required=True)
    cd = cmds.add_parser("draft", help="根据企业的巡诊（亮点、提升情况）起草典型案例", parents=[common])
    cd.add_argument("enterprise", help="企业名称、统一社会信用代码或编号")
    cd.add_argument("--replace", action="store_true", help="已有案例时按最新巡诊重新起草（保留入选标记）")
    cd.add_argument("--json", action="store_true")
    cd.set_defaults(handler=_draft)
    cl = cmds.add_parser("list", help="列出典型案例", parents=[common])
    cl.add_argument("--selected", action="store_true", help="只列出已入选的案例")
    cl.add_argument("--json", action="store_true")
    cl.set_defaults(handler=_list)
    ce = cmds.add_parser("export", help="导出典型案例（.docx 或 .pdf，按文件扩展名）", parents=[common])
    ce.add_argument("case", help="案例编号（可只写前几位，见 case list）")
    ce.add_argument("-o", "--output", required=True, type=Path, metavar="文件")
    ce.set_defaults(handler=_export)
    cs = cmds.add_parser("select", help="标记典型案例入选（--off 取消）", parents=[common])
    cs.add_argument("case", help="案例编号（可只写前几位）")
    cs.add_argument("--off", action="store_true", help="取消入选")
    cs.set_defaults(handler=_select)


def _draft(args) -> int:
    from ..services import cases

    info = cases.draft_case(store_for(args), args.enterprise, replace=args.replace)
    if args.json:
        print_json(cases.case_json(info))
    else:
        print(f"已起草典型案例 {info.id[:8]}：{info.title}")
    return 0


def _list(args) -> int:
    from ..services import cases

    found = cases.list_cases(store_for(args), selected_only=args.selected)
    if args.json:
        print_json([cases.case_json(c) for c in found])
    else:
        table([[c.id[:8], c.enterprise, c.city, "已入选" if c.selected else "", c.title[:30]] for c in found],
              ["编号", "企业", "所属地市", "入选", "题目"])
    return 0


def _export(args) -> int:
    from ..services.reports.case_report import write_case

    written = write_case(store_for(args), args.case, args.output)
    print(f"已导出：{written.path}" + (f"（{written.pages} 页）" if written.pages else ""))
    return 0


def _select(args) -> int:
    from ..services import cases

    info = cases.set_selected(store_for(args), args.case, not args.off)
    print(f"典型案例 {info.id[:8]}（{info.enterprise}）：{'已入选' if info.selected else '已取消入选'}")
    return 0
