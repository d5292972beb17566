"""`xunzhen package …` and `xunzhen sync`: exchange packages on the command line.

A refused package exits with 2 and names the file and the reason; with several
files the others are still imported (each one is its own transaction).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.errors import UserError
from ..services.exchange import conflicts, proposals, receipts, signing, sync, tasks
from ..services.exchange.export import export_package, export_task_package
from ..services.exchange.merge import import_package
from ..services.import_counts import package_counts
from .context import print_json, store_for, table


def register(sub, common) -> None:
    p = sub.add_parser("package", help="数据包：导出、导入、回执、任务、冲突", parents=[common])
    pc = p.add_subparsers(dest="package_command", metavar="子命令", required=True)

    ex = pc.add_parser("export", help="导出签名的数据包", parents=[common])
    scope = ex.add_mutually_exclusive_group(required=True)
    scope.add_argument("--visit", action="append", metavar="ID", help="导出指定巡诊（可多次给出）")
    scope.add_argument("--all", action="store_true", help="导出全部数据")
    scope.add_argument("--since-last", metavar="RECIPIENT", help="自上次发给该接收方（指纹）以来新增或修改的巡诊")
    ex.add_argument("--encrypt-to", metavar="CARD", help="加密给该接收方：密钥卡文件或已登记的指纹")
    ex.add_argument("--no-reports", action="store_true",
                    help="不附带每次巡诊的质量巡诊报告 PDF（导出更快，接收方可自行生成）")
    ex.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    ex.set_defaults(handler=_export)

    im = pc.add_parser("import", help="校验并导入数据包（含回执、任务包）", parents=[common])
    im.add_argument("files", nargs="+", type=Path, metavar="FILE")
    im.add_argument("--accept-unknown", action="store_true", help="接受并登记未登记的发送方")
    im.add_argument("--preview", action="store_true", help="只预览导入结果，不写入数据库")
    im.add_argument("--receipt-dir", type=Path, metavar="DIR", help="为每个导入的数据包在此写一份签名回执")
    im.add_argument("--json", action="store_true")
    im.set_defaults(handler=_import)

    rc = pc.add_parser("receipt", help="为已导入的数据包写签名回执", parents=[common])
    rc.add_argument("package_id", metavar="PACKAGE_ID")
    rc.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    rc.set_defaults(handler=_receipt)

    ta = pc.add_parser("task", help="（市局）导出任务包：企业、专家分配、检查表模板", parents=[common])
    ta.add_argument("--expert", action="append", metavar="ID", help="只导出分配给这些专家的任务")
    ta.add_argument("--encrypt-to", metavar="CARD")
    ta.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    ta.set_defaults(handler=_task)

    asg = pc.add_parser("assign", help="（市局）分配专家巡诊某企业", parents=[common])
    asg.add_argument("enterprise", metavar="ENTERPRISE")
    asg.add_argument("expert", metavar="EXPERT")
    asg.add_argument("--stage", default="")
    asg.add_argument("--role", default="成员")
    asg.set_defaults(handler=_assign)

    al = pc.add_parser("assignments", help="列出任务分配", parents=[common])
    al.add_argument("--json", action="store_true")
    al.set_defaults(handler=_assignments)

    cf = pc.add_parser("conflicts", help="列出待解决的冲突（逐字段）", parents=[common])
    cf.add_argument("--json", action="store_true")
    cf.set_defaults(handler=_conflicts)

    rs = pc.add_parser("resolve", help="解决冲突：逐字段选择本机或对方的值", parents=[common])
    rs.add_argument("conflict", metavar="ID")
    rs.add_argument("--take", action="append", default=[], metavar="FIELD=local|remote",
                    help="删除冲突整条记录选择：*=local（保留）或 *=remote（按对方处理）")
    rs.add_argument("--default", choices=[conflicts.LOCAL, conflicts.REMOTE], default=conflicts.LOCAL)
    rs.set_defaults(handler=_resolve)

    pp = pc.add_parser("proposals", help="列出他人对本机记录的修改建议（逐字段）", parents=[common])
    pp.add_argument("--all", action="store_true", help="也列出已采纳或已拒绝的")
    pp.add_argument("--json", action="store_true")
    pp.set_defaults(handler=_proposals)

    ac = pc.add_parser("accept", help="采纳一条修改建议（作为本机的修改）", parents=[common])
    ac.add_argument("proposal", metavar="ID")
    ac.set_defaults(handler=_accept)

    rj = pc.add_parser("reject", help="拒绝一条修改建议", parents=[common])
    rj.add_argument("proposal", metavar="ID")
    rj.add_argument("--note", default="", help="拒绝的理由（留在本机）")
    rj.set_defaults(handler=_reject)

    sy = sub.add_parser("sync", help="同步文件夹：写出待发数据包，导入发给本机的数据包", parents=[common])
    sy.add_argument("--folder", type=Path, required=True, metavar="DIR")
    sy.add_argument("--accept-unknown", action="store_true")
    sy.add_argument("--to", action="append", metavar="FINGERPRINT",
                    help="只为这些接收方写出数据包（默认：所有已登记且未吊销的密钥卡）；--to none 表示只导入")
    sy.set_defaults(handler=_sync)


def _keys(store):
    return signing.load_or_create_keys(store.paths, store)


def _card(store, ref: str | None):
    if not ref:
        return None
    path = Path(ref)
    if path.is_file():
        try:
            return signing.parse_card(str(path), path.read_bytes())
        except OSError as exc:
            raise UserError(f"无法读取密钥卡“{path}”：{exc}") from None
    return signing.get_card(store, ref)


def _export(args) -> int:
    store = store_for(args)
    result = export_package(store, _keys(store), visit_refs=args.visit, everything=args.all,
                            since_last=args.since_last, encrypt_to=_card(store, args.encrypt_to),
                            reports=not args.no_reports)
    result.write(args.output)
    enc = "（已加密）" if result.encrypted else ""
    print(f"已导出 {len(result.visit_ids)} 次巡诊到 {args.output}{enc}，数据包编号 {result.package_id}")
    return 0


def _import(args) -> int:
    store = store_for(args)
    keys = _keys(store)
    failed, out = 0, []
    for f in args.files:
        try:
            rep = import_package(store, keys, f, accept_unknown=args.accept_unknown, preview=args.preview)
        except UserError as exc:
            failed += 1
            print(f"错误：{exc}", file=sys.stderr)
            continue
        out.append(rep.to_json())
        if not args.json:
            print(rep.summary())
            if not rep.already_imported and rep.kind != "receipt":  # what the records add up to
                print(f"  即{package_counts(rep.new, rep.updated, rep.visit_ids).describe()}")
            for r in rep.deleted:
                print(f"  删除：{r.entity} {r.id[:8]} {r.label}（对方已删除，本机未改动过）")
            if rep.deletions_noted:
                print(f"  记下对方的删除 {rep.deletions_noted} 条（本机没有这些记录，以后收到旧副本也不会再加入）")
            for r in rep.conflicts:
                print(f"  冲突：{r.entity} {r.id[:8]} {r.label}" + (f"：{r.reason}" if r.reason else ""))
            for r in rep.proposals:
                print(f"  修改建议：{r.entity} {r.id[:8]} {r.label}（xunzhen package proposals 查看，accept/reject 处理）")
            for r in rep.refused:
                print(f"  拒收：{r.entity} {r.id[:8]} {r.label}：{r.reason}")
            if rep.sender_registered:
                print(f"  已登记新的发送方：{rep.sender_name}（{signing.pretty(rep.sender_fingerprint)}）")
        if args.receipt_dir and not args.preview and not rep.already_imported and rep.kind != "receipt":
            rc = receipts.receipt_for(store, keys, rep.package_id)
            dest = rc.write(args.receipt_dir / sync.package_name(keys, rep.sender_fingerprint, rc.package_id, "receipt"))
            if not args.json:
                print(f"  回执：{dest}")
    if args.json:
        print_json(out)
    return 2 if failed else 0


def _receipt(args) -> int:
    store = store_for(args)
    rc = receipts.receipt_for(store, _keys(store), args.package_id)
    rc.write(args.output)
    print(f"已写回执 {args.output}：确认 {len(rc.visit_ids)} 次巡诊")
    return 0


def _task(args) -> int:
    store = store_for(args)
    result = export_task_package(store, _keys(store), expert_ids=args.expert, encrypt_to=_card(store, args.encrypt_to))
    result.write(args.output)
    print(f"已导出任务包到 {args.output}：{result.counts.get('assignments', 0)} 项分配")
    if not result.counts.get("grantees"):
        print("注意：任务包没有指定接收方（--encrypt-to），专家的密钥也未登记：其巡诊导入时将因企业未分配而被拒收",
              file=sys.stderr)
    return 0


def _assign(args) -> int:
    a = tasks.assign(store_for(args), args.enterprise, args.expert, args.stage, args.role)
    print(f"已分配：{a.expert_name} → {a.enterprise_name}（{a.city}）")
    return 0


def _assignments(args) -> int:
    rows = tasks.list_assignments(store_for(args))
    if args.json:
        print_json([a.__dict__ for a in rows])
    else:
        table([[a.enterprise_name, a.city, a.expert_name, a.role, a.stage] for a in rows],
              ["企业", "所属地市", "专家", "角色", "阶段"])
    return 0


def _conflicts(args) -> int:
    rows = conflicts.list_conflicts(store_for(args))
    if args.json:
        print_json([{"id": c.id, "kind": c.kind, "reason": c.reason, "entity": c.entity, "record_id": c.record_id,
                     "label": c.label,
                     "fields": [{"field": f.field, "local": f.local, "remote": f.remote} for f in c.fields]}
                    for c in rows])
        return 0
    if not rows:
        print("没有待解决的冲突")
    for c in rows:
        print(f"冲突 {c.id[:8]}：{c.entity} {c.record_id[:8]} {c.label}（本机第 {c.local_revision} 版，对方第 {c.remote_revision} 版）")
        if c.reason:
            print(f"  原因：{c.reason}")
        for f in c.fields:
            print(f"  {f.field}：本机 {f.local!r} ｜ 对方 {f.remote!r}")
    return 0


def _resolve(args) -> int:
    choices = {}
    for t in args.take:
        field, _, pick = t.partition("=")
        if pick not in (conflicts.LOCAL, conflicts.REMOTE):
            raise UserError(f"--take “{t}” 无效，应为 字段=local 或 字段=remote")
        choices[field] = pick
    c = conflicts.resolve_conflict(store_for(args), args.conflict, choices, args.default)
    print(f"冲突 {c.id[:8]} 已解决")
    return 0


def _proposals(args) -> int:
    rows = proposals.list_proposals(store_for(args), include_decided=args.all)
    if args.json:
        print_json([{"id": p.id, "kind": p.kind, "entity": p.entity, "record_id": p.record_id, "label": p.label,
                     "proposer": p.proposer, "proposer_name": p.proposer_name, "decision": p.decision,
                     "fields": [{"field": f.field, "local": f.local, "remote": f.remote} for f in p.fields]}
                    for p in rows])
        return 0
    if not rows:
        print("没有待处理的修改建议")
    for p in rows:
        done = f"（已{'采纳' if p.decision == proposals.ACCEPTED else '拒绝'}）" if p.decision else ""
        print(f"建议 {p.id[:8]}：{p.proposer_name} 建议{p.kind_text} {p.entity} {p.record_id[:8]} {p.label}{done}")
        for f in p.fields:
            print(f"  {f.field}：本机 {f.local!r} ｜ 建议 {f.remote!r}")
    return 0


def _accept(args) -> int:
    p = proposals.accept_proposal(store_for(args), args.proposal)
    print(f"已采纳修改建议 {p.id[:8]}（{p.kind_text} {p.entity} {p.label}）")
    return 0


def _reject(args) -> int:
    p = proposals.reject_proposal(store_for(args), args.proposal, args.note)
    print(f"已拒绝修改建议 {p.id[:8]}（{p.kind_text} {p.entity} {p.label}）")
    return 0


def _sync(args) -> int:
    store = store_for(args)
    to = None if args.to is None else [t for t in args.to if t.lower() != "none"]
    res = sync.sync_folder(store, _keys(store), args.folder, accept_unknown=args.accept_unknown, recipients=to)
    for rep in res.imported:
        print(rep.summary())
        if not rep.already_imported and rep.kind != "receipt":
            print(f"  即{package_counts(rep.new, rep.updated, rep.visit_ids).describe()}")
    for p in res.written:
        print(f"已写出 {p}")
    for exc in res.refused:
        print(f"错误：{exc}", file=sys.stderr)
    print(f"同步完成：导入 {len(res.imported)}，写出 {len(res.written)}，跳过 {res.skipped}，拒收 {len(res.refused)}")
    return 2 if res.refused else 0
