"""`xunzhen checklist list | show | validate`."""

from __future__ import annotations

from pathlib import Path

from ..core.checklist import GUIDANCE_LABELS, load_template_file, template_to_dict
from ..paths import resolve_paths
from ..services import checklists
from .context import print_json, table


def register(sub, common) -> None:
    group = sub.add_parser("checklist", help="检查表模板", parents=[common])
    cmds = group.add_subparsers(dest="checklist_command", metavar="子命令", required=True)
    cmds.add_parser("list", help="列出已安装的模板", parents=[common]).set_defaults(handler=_list)
    show = cmds.add_parser("show", help="显示模板内容", parents=[common])
    show.add_argument("id", nargs="?", help=f"模板编号（默认 {checklists.DEFAULT_TEMPLATE_ID}）")
    show.add_argument("--version", dest="template_version", help="模板版本（默认最新）")
    show.add_argument("--json", action="store_true", help="以 JSON 输出")
    show.set_defaults(handler=_show)
    validate = cmds.add_parser("validate", help="检查一个模板文件是否有效", parents=[common])
    validate.add_argument("file", type=Path)
    validate.set_defaults(handler=_validate)


def _list(args) -> int:
    paths = resolve_paths(getattr(args, "data_dir", None))
    rows = [[t.id, t.version, str(sum(1 for _ in t.items())), t.title] for t in checklists.available_templates(paths)]
    table(rows, ["编号", "版本", "条目", "名称"])
    _, problems = checklists.user_templates(paths)
    for p in problems:
        print(f"警告：{p}")
    return 0


def _show(args) -> int:
    t = checklists.find_template(resolve_paths(getattr(args, "data_dir", None)), args.id, args.template_version)
    if args.json:
        data = template_to_dict(t)
        data.pop("format")
        print_json(data)
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
                if i.check:
                    print(f"        【否决项】{i.check.text}")
                for key, label in GUIDANCE_LABELS.items():
                    if i.guidance.get(key):
                        print(f"        {label}：{i.guidance[key]}")
    return 0


def _validate(args) -> int:
    t = load_template_file(args.file)
    print(f"模板有效：{t.id} 版本 {t.version}，{len(t.goals)} 个培育目标，{sum(1 for _ in t.items())} 个条目")
    return 0
