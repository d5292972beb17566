"""`xunzhen checklist list | show | validate | example | import | export | retire | migrate`."""

from __future__ import annotations

import sys
from pathlib import Path

from ..core.checklist import GUIDANCE_LABELS, Template, load_template_file
from ..services import checklists
from .context import print_json, store_for, table


def register(sub, common) -> None:
    group = sub.add_parser("checklist", help="检查表模板", parents=[common])
    cmds = group.add_subparsers(dest="checklist_command", metavar="子命令", required=True)
    cmds.add_parser("list", help="列出已安装的模板（含已停用的版本）", parents=[common]).set_defaults(handler=_list)
    show = cmds.add_parser("show", help="显示模板内容", parents=[common])
    show.add_argument("id", nargs="?", help=f"模板编号（默认 {checklists.DEFAULT_TEMPLATE_ID}）")
    show.add_argument("--version", dest="template_version", help="模板版本（默认最新）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=_show)
    validate = cmds.add_parser("validate", help="检查一个模板文件（.json 或 .xlsx）是否有效", parents=[common])
    validate.add_argument("file", type=Path)
    validate.set_defaults(handler=_validate)
    example = cmds.add_parser("example", help="写出一个填好的模板工作簿样例", parents=[common])
    example.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    example.set_defaults(handler=_example)
    imp = cmds.add_parser("import", help="从 Excel 工作簿安装模板", parents=[common])
    imp.add_argument("file", type=Path, metavar="FILE.xlsx")
    imp.set_defaults(handler=_import)
    export = cmds.add_parser("export", help="把已安装的模板写成 Excel 工作簿", parents=[common])
    export.add_argument("id")
    export.add_argument("--version", dest="template_version", help="模板版本（默认最新）")
    export.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    export.set_defaults(handler=_export)
    retire = cmds.add_parser("retire", help="停用一个模板版本（其巡诊照常显示，新巡诊不再使用）", parents=[common])
    retire.add_argument("id")
    retire.add_argument("--version", dest="template_version", required=True)
    retire.add_argument("--undo", action="store_true", help="恢复使用该版本")
    retire.set_defaults(handler=_retire)
    migrate = cmds.add_parser("migrate", help="把一次草稿巡诊换到同一模板的另一版本（按编号和内容对应）",
                              parents=[common])
    migrate.add_argument("visit", help="巡诊编号（前几位即可）")
    migrate.add_argument("--to", required=True, metavar="VERSION", help="目标版本，如 2026.1")
    migrate.add_argument("--dry-run", action="store_true", help="只列出对应关系，不作修改")
    migrate.set_defaults(handler=_migrate)


def _list(args) -> int:
    store = store_for(args)
    rows = [[i.template.id, i.template.version, str(i.template.scale.top), str(sum(1 for _ in i.template.items())),
             i.origin, "已停用" if i.retired else "", str(i.visits), i.template.title]
            for i in checklists.installed_templates(store)]
    table(rows, ["编号", "版本", "等级", "条目", "来源", "状态", "巡诊", "名称"])
    _, problems = checklists.user_templates(store.paths)
    for p in problems:
        print(f"警告：{p}")
    return 0


def template_json(t: Template) -> dict:
    """The template as `show --json` prints it: each item with its rubric for every level
    (the scale's descriptor where the item has none of its own), guidance, check and
    weight — its share of the overall score (goal and measure weights, equal within a
    measure)."""
    goal_total = sum(g.weight for g in t.goals)

    def item(i, share: float) -> dict:
        check = None
        if i.check is not None:
            check = {"text": i.check.text, "veto": i.check.veto, "cap": i.check.cap if i.check.veto else None}
        return {"code": i.code, "text": i.text,
                "rubric": {str(lv.level): i.descriptor(lv.level, t.scale) for lv in t.scale.levels},
                "own_rubric": sorted(i.rubric),
                "guidance": {key: i.guidance[key] for key in GUIDANCE_LABELS if i.guidance.get(key)},
                "check": check, "not_applicable_allowed": i.may_be_not_applicable, "weight": share}

    goals = []
    for g in t.goals:
        measure_total = sum(m.weight for m in g.measures)
        goals.append({"code": g.code, "title": g.title, "weight": g.weight, "measures": [
            {"code": m.code, "title": m.title, "weight": m.weight,
             "items": [item(i, g.weight / goal_total * m.weight / measure_total / len(m.items)) for i in m.items]}
            for m in g.measures]})
    return {"id": t.id, "version": t.version, "title": t.title, "short_title": t.short_title, "source": t.source,
            "note": t.note,
            "scale": {"levels": [{"level": lv.level, "name": lv.name, "descriptor": lv.descriptor}
                                 for lv in t.scale.levels], "not_applicable": t.scale.not_applicable},
            "goals": goals}


def _show(args) -> int:
    store = store_for(args)
    if args.id is None and args.template_version is None:
        t = checklists.find_usable(store)
    else:
        t = checklists.get_installed(store, args.id or checklists.DEFAULT_TEMPLATE_ID, args.template_version)
    if args.json:
        print_json(template_json(t))
        return 0
    print(f"{t.title}（{t.id} 版本 {t.version}）")
    if t.source:
        print(f"来源：{t.source}")
    print("成熟度等级：" + "；".join(f"{lv.level} {lv.name}（{lv.descriptor}）" for lv in t.scale.levels))
    for g in t.goals:
        print(f"\n{g.code} {g.title}")
        for m in g.measures:
            print(f"  {m.code} {m.title}")
            for i in m.items:
                print(f"    {i.code} {i.text}")
                if i.veto:
                    print(f"        【否决项】{i.check.text}（未通过时最高 {i.veto.cap} 级）")
                for key, label in GUIDANCE_LABELS.items():
                    if i.guidance.get(key):
                        print(f"        {label}：{i.guidance[key]}")
    return 0


def _read(file: Path) -> Template:
    if file.suffix.lower() == ".xlsx":
        from ..services.checklist_workbook import read_template_workbook

        return read_template_workbook(file)
    return load_template_file(file)


def _validate(args) -> int:
    t = _read(args.file)
    print(f"模板有效：{t.id} 版本 {t.version}，{t.scale.top} 级量表，{len(t.goals)} 个培育目标，"
          f"{sum(1 for _ in t.items())} 个条目")
    return 0


def _example(args) -> int:
    from ..services.checklist_workbook import example_template, write_template_workbook

    bundled = next(t for t in checklists.bundled_templates() if t.id == checklists.DEFAULT_TEMPLATE_ID)
    path = write_template_workbook(example_template(bundled), args.output)
    print(f"已写出模板工作簿样例：{path}")
    return 0


def _import(args) -> int:
    from ..services.checklist_workbook import read_template_workbook

    t = read_template_workbook(args.file)
    new = checklists.install(store_for(args), t)
    print(f"{t.id} {t.version}")
    if not new:
        print(f"检查表模板 {t.id} 版本 {t.version} 已安装，内容相同，未作修改", file=sys.stderr)
    return 0


def _export(args) -> int:
    from ..services.checklist_workbook import write_template_workbook

    t = checklists.get_installed(store_for(args), args.id, args.template_version)
    path = write_template_workbook(t, args.output)
    print(f"已写出 {t.id} 版本 {t.version}：{path}")
    return 0


def _retire(args) -> int:
    checklists.set_retired(store_for(args), args.id, args.template_version, not args.undo)
    state = "已恢复使用" if args.undo else "已停用（其巡诊照常显示，新巡诊不再使用）"
    print(f"检查表模板 {args.id} 版本 {args.template_version} {state}")
    return 0


def _migrate(args) -> int:
    from ..services import template_migration

    store = store_for(args)
    if args.dry_run:
        p = template_migration.plan(store, args.visit, args.to)
    else:
        p = template_migration.migrate(store, args.visit, args.to)
    verb = "可以从" if args.dry_run else "已从"
    print(f"巡诊 {p.visit_id[:8]} {verb}检查表 {p.source[0]} 版本 {p.source[1]} 更换为 {p.target[1]}：{p.summary()}")
    if p.rerate:
        print(f"需重新评定：{'、'.join(p.rerate)}")
    moved = [f"{old}→{new}" for old, new in p.kept if old != new]
    if moved:
        print(f"编号改变：{'、'.join(moved)}")
    if p.dropped:
        print(f"已删除的条目：{'、'.join(p.dropped)}")
    return 0
