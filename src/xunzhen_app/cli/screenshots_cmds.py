"""`xunzhen screenshots OUT_DIR`: each main screen rendered offscreen to PNG."""

from __future__ import annotations

from pathlib import Path


def register(sub, common) -> None:
    p = sub.add_parser("screenshots", help="把各主要界面（企业库、工作台、评价总结、设置）截图为 PNG", parents=[common])
    p.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="截图保存到的文件夹")
    p.set_defaults(handler=_screenshots)


def _screenshots(args) -> int:
    from ..gui.screenshots import render_screenshots  # Qt loads only for this command

    for path in render_screenshots(args.out_dir, getattr(args, "data_dir", None), getattr(args, "db", None)):
        print(f"已写入 {path}")
    return 0
