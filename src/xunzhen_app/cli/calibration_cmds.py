"""`xunzhen calibration`: who rates apart from the team, and which items spread widest (issue 16)."""

from __future__ import annotations

from .context import print_json, store_for, table


def register(sub, common) -> None:
    p = sub.add_parser("calibration", help="校准：各专家与专家组其他成员及合议结果的偏差、分歧最大的条目",
                       parents=[common])
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_calibration)


def _figure(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def _calibration(args) -> int:
    from ..services.calibration import calibration, calibration_json

    c = calibration(store_for(args))
    if args.json:
        print_json(calibration_json(c))
        return 0
    print(f"标记规则：与合议（或一致）等级的平均偏差达 {c.threshold} 级且至少 {c.min_items} 个条目")
    if not c.experts:
        print("尚无多位专家独立评定同一条目的巡诊")
        return 0
    table([[e.name, str(e.items), _figure(e.mean_from_others), str(e.consensus_items), _figure(e.mean_from_consensus),
            f"需校准（{e.direction}）" if e.flagged else ""] for e in c.experts],
          ["专家", "条目数", "与他人平均偏差", "已定等级条目数", "与合议偏差", "标记"])
    for e in c.experts:
        if e.flagged:
            print(f"\n{e.name} 的依据条目：")
            table([[d.enterprise, d.item_code, str(d.level), f"{d.others_mean:.1f}",
                    "—" if d.consensus is None else str(d.consensus)] for d in e.behind],
                  ["企业", "条目", "本人", "他人平均", "合议"])
    print("\n分歧最大的条目（可考虑细化评分说明）：")
    table([[i.code, i.text[:24], str(i.instances), f"{i.mean_spread:.2f}", str(i.max_spread), str(i.pending)]
           for i in c.items], ["条目", "要求", "多人评定次数", "平均分歧", "最大分歧", "待合议"])
    return 0
