"""`xunzhen keys …`: this installation's key card and the registry of senders."""

from __future__ import annotations

from pathlib import Path

from ..services.exchange import signing
from .context import print_json, store_for, table


def register(sub, common) -> None:
    k = sub.add_parser("keys", help="密钥与密钥卡（签名、加密、发送方登记册）", parents=[common])
    kc = k.add_subparsers(dest="keys_command", metavar="子命令", required=True)
    show = kc.add_parser("show", help="显示本机的密钥卡与指纹（首次使用时生成密钥）", parents=[common])
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    ex = kc.add_parser("export-card", help="导出本机的密钥卡，交给对方登记", parents=[common])
    ex.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    ex.set_defaults(handler=_export_card)
    im = kc.add_parser("import-card", help="登记对方的密钥卡", parents=[common])
    im.add_argument("file", type=Path)
    im.set_defaults(handler=_import_card)
    rv = kc.add_parser("revoke", help="吊销一张已登记的密钥卡（其后的数据包一律拒收）", parents=[common])
    rv.add_argument("fingerprint", help="指纹（至少前 8 位）")
    rv.add_argument("--reason", default="")
    rv.set_defaults(handler=_revoke)
    ls = kc.add_parser("list", help="列出已登记的密钥卡", parents=[common])
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(handler=_list)


def _show(args) -> int:
    store = store_for(args)
    keys = signing.load_or_create_keys(store.paths, store)
    card = keys.card()
    if args.json:
        print_json({"name": card.name, "organisation": card.organisation, "fingerprint": card.fingerprint,
                    "signing_key": card.signing_key, "encryption_key": card.encryption_key})
    else:
        print(f"名称：{card.name}\n单位：{card.organisation}\n指纹：{signing.pretty(card.fingerprint)}\n"
              f"完整指纹：{card.fingerprint}\n私钥位置：{store.paths.data_dir / 'keys'}")
    return 0


def _export_card(args) -> int:
    store = store_for(args)
    keys = signing.load_or_create_keys(store.paths, store)
    args.output.write_bytes(signing.card_bytes(keys))
    print(f"已导出密钥卡到 {args.output}（指纹 {signing.pretty(keys.fingerprint)}）")
    return 0


def _import_card(args) -> int:
    card, new = signing.import_card(store_for(args), args.file)
    state = "已登记" if new else "此前已登记"
    print(f"{state}：{card.name}（{card.organisation}），指纹 {signing.pretty(card.fingerprint)}")
    return 0


def _revoke(args) -> int:
    card = signing.revoke_card(store_for(args), args.fingerprint, args.reason)
    print(f"已吊销：{card.name}（指纹 {signing.pretty(card.fingerprint)}）；此后该密钥签发的数据包一律拒收")
    return 0


def _list(args) -> int:
    cards = signing.list_cards(store_for(args))
    if args.json:
        print_json([{"name": c.name, "organisation": c.organisation, "fingerprint": c.fingerprint,
                     "revoked": c.revoked} for c in cards])
    else:
        table([[c.name, c.organisation, signing.pretty(c.fingerprint), "已吊销" if c.revoked else "有效"] for c in cards],
              ["名称", "单位", "指纹", "状态"])
    return 0
