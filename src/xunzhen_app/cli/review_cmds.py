"""`xunzhen visit review VISIT --status 已审核|退回 --note T`: the bureau's review of an expert's visit."""

from __future__ import annotations

from .context import print_json, store_for


def register(vcmds, common) -> None:
    from ..services.reviews import STATUSES

    vr = vcmds.add_parser("review", help="审核一次已定稿的巡诊：已审核，或退回并写明修改意见", parents=[common])
    vr.add_argument("visit", help="巡诊编号（可只写前几位）")
    vr.add_argument("--status", required=True, metavar="|".join(STATUSES), help="审核结果")
    vr.add_argument("--note", default="", metavar="文字", help="审核意见（退回时必填）")
    vr.add_argument("--json", action="store_true")
    vr.set_defaults(handler=_review)


def review_line(review) -> str:
    """One line for a person: 退回 with the note, or 已审核; and whether the expert amended it since."""
    line = f"审核：{review.status}（{review.by}，{review.at.astimezone():%Y-%m-%d %H:%M}）"
    if review.note:
        line += f"　意见：{review.note}"
    if review.amended:
        line += "　此后已修改，待重新审核"
    return line


def _review(args) -> int:
    from ..services import reviews
    from ..services.exchange import signing

    store = store_for(args)
    reviewer = signing.load_or_create_keys(store.paths, store).name
    state = reviews.review_visit(store, args.visit, args.status, args.note, reviewer)
    if args.json:
        print_json(state.to_json())
    else:
        print(f"已记录审核：{state.status}。下次发给该专家的数据包（任务包、同步或 package export --visit）会带上它。")
    return 0
