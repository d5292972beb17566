"""Relays: a bureau passes its experts' records on to the next level with their authorship intact.

A city's package to the province carries each expert's records under the expert's own attestation as
received (ownership.attestations_for), signed as a whole by the city, and the city's **vouching** for
the key card of every author whose attestation it relays: the card, signed by the city. The province
registers only the cities' cards; an author's key is trusted for a package only through a chain of
vouchings that ends at a key registered there (county → city → province: the county vouches for its
expert, the city for the county). Vouchings are kept as received (``vouching``), so the city can pass
the county's on, and the relays a record came through are kept with its author (``record_author.via``).
"""

from __future__ import annotations

import re

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select

from ...db.models import KeyCard, RecordAuthor, Vouching
from .format import PackageError, canonical_json, sha256
from .signing import Card, KeyPair, b64, card_problem, pretty, unb64

VOUCH_FORMAT = "xunzhen-vouching"
VOUCH_VERSION = 1
CARD_FIELDS = ("name", "organisation", "fingerprint", "signing_key", "encryption_key")
_FP = re.compile(r"^[0-9a-f]{64}$")
_MAX_VOUCHINGS = 10_000  # a province's cities, their counties and experts: far fewer


def author_card(session, fingerprint: str) -> tuple[str, str]:
    """(name, organisation) of an installation as this one knows it: its registry first, else the card
    a trusted relay vouched for."""
    known = session.get(KeyCard, fingerprint)
    if known is not None:
        return known.name, known.organisation
    vouched = session.scalar(select(Vouching).where(Vouching.fingerprint == fingerprint)
                             .order_by(Vouching.received_at.desc()).limit(1))
    if vouched is not None:
        return vouched.card.get("name", ""), vouched.card.get("organisation", "")
    return f"未登记的发送方 {pretty(fingerprint)[:9]}", ""


def author_name(session, fingerprint: str) -> str:
    return author_card(session, fingerprint)[0]


def record_origin(session, entity: str, record_id: str, me: Card) -> dict:
    """``{"author": {"name", "organisation", "fingerprint"}, "via": [relay names]}`` of a record: created
    here, it is this installation's with no relays."""
    found = session.get(RecordAuthor, (entity, record_id))
    if found is None:
        return {"author": {"name": me.name, "organisation": me.organisation, "fingerprint": me.fingerprint},
                "via": []}
    name, organisation = author_card(session, found.author)
    return {"author": {"name": name, "organisation": organisation, "fingerprint": found.author},
            "via": [author_name(session, fp) for fp in found.via or ()]}


# --- vouching: a relay's signed word for a key card --------------------------------------------------


def vouching_body(card: dict, voucher: str) -> bytes:
    return canonical_json({"format": VOUCH_FORMAT, "version": VOUCH_VERSION, "voucher": voucher, "card": card})


def vouch(keys: KeyPair, card: dict) -> dict:
    return {"card": card, "voucher": keys.fingerprint,
            "signature": b64(keys.sign(vouching_body(card, keys.fingerprint)))}


def _trusted_card(session, fingerprint: str) -> KeyCard | None:
    known = session.get(KeyCard, fingerprint)
    return known if known is not None and known.revoked_at is None else None


def vouchings_for(session, keys: KeyPair, attestations: list[dict]) -> list[dict]:
    """What an outgoing package needs so that the authors of the attestations it relays can be trusted
    one level up: for each such author, our vouching for its card if we registered it, else the
    vouching we received for it (as received) and, in turn, what vouches for that voucher. An author
    we can vouch for neither way is left out: the receiver refuses its records, saying why."""
    me = keys.fingerprint
    out: dict[tuple[str, str], dict] = {}
    todo = sorted({a["signer"] for a in attestations} - {me})
    seen: set[str] = set()
    while todo:
        fp = todo.pop()
        if fp in seen or fp == me:
            continue
        seen.add(fp)
        known = _trusted_card(session, fp)
        if known is not None:
            out[(fp, me)] = vouch(keys, {k: getattr(known, k) for k in CARD_FIELDS})
            continue
        stored = session.scalar(select(Vouching).where(Vouching.fingerprint == fp)
                                .order_by(Vouching.received_at.desc()).limit(1))
        if stored is not None:
            out[(fp, stored.voucher)] = {"card": stored.card, "voucher": stored.voucher, "signature": stored.signature}
            todo.append(stored.voucher)
    return [out[k] for k in sorted(out)]


def _parse_vouching(source: str, n: int, v) -> tuple[str, dict, bytes]:
    where = f"data.json 的 vouchings[{n}]"
    try:
        assert isinstance(v, dict) and set(v) == {"card", "voucher", "signature"}, "字段不符"
        card, voucher = v["card"], v["voucher"]
        assert isinstance(card, dict) and set(card) == set(CARD_FIELDS), "密钥卡字段不符"
        assert all(isinstance(card[k], str) for k in CARD_FIELDS), "密钥卡字段应为文本"
        assert isinstance(voucher, str) and _FP.match(voucher), "担保方指纹无效"
        key = unb64(card["signing_key"])
        assert len(key) == 32 and sha256(key) == card["fingerprint"], "密钥卡的指纹与公钥不符"
        assert len(unb64(card["encryption_key"])) == 32, "加密公钥长度不符"
        problem = card_problem(Card(card["name"], card["organisation"], card["signing_key"], card["encryption_key"],
                                    card["fingerprint"]))
        assert not problem, problem
        assert voucher != card["fingerprint"], "不能为自己担保"
        signature = unb64(v["signature"]) if isinstance(v["signature"], str) else b""
        assert len(signature) == 64, "签名长度不符"
        return voucher, card, signature
    except (AssertionError, ValueError, TypeError) as exc:
        raise PackageError(source, f"{where} 无效：{exc}") from None


def check_relayed(session, source: str, sender: Card, keys: KeyPair, vouchings, signers) -> dict[str, list[str]]:
    """Whether each signer of the package's attestations may be trusted here: ourselves, the sender, a key
    registered here, or one vouched for — by a chain of vouchings in the package that ends at a key
    registered here. Verified vouchings are kept (``vouching``). Returns each signer's relays, nearest
    the author first and ending at the sender (empty for the sender itself). Raises PackageError."""
    if not isinstance(vouchings, list) or len(vouchings) > _MAX_VOUCHINGS:
        raise PackageError(source, "data.json 的“vouchings”不是列表或过长")
    parsed = [_parse_vouching(source, n, v) for n, v in enumerate(vouchings)]
    me = keys.fingerprint
    # fingerprint → signing key of what is trusted without a vouching
    anchors: dict[str, str] = {sender.fingerprint: sender.signing_key, me: b64(keys.signing_public)}
    for voucher, card, _sig in parsed:
        for fp in (voucher, card["fingerprint"]):
            if fp not in anchors and (known := _trusted_card(session, fp)) is not None:
                anchors[fp] = known.signing_key
        known_card = session.get(KeyCard, card["fingerprint"])
        if known_card is not None and known_card.revoked_at is not None:
            raise PackageError(source, f"转发方为“{known_card.name}”（指纹 {pretty(known_card.fingerprint)}）担保，"
                                       "但该密钥已在本机吊销")
    chain: dict[str, list[str]] = {fp: [] for fp in anchors}  # trusted key → vouchers above it
    signing_keys = dict(anchors)
    pending = list(range(len(parsed)))
    while pending:  # a vouching counts once its voucher is trusted: rounds up the chain
        left = []
        for n in pending:
            voucher, card, sig = parsed[n]
            if voucher not in signing_keys:
                left.append(n)
                continue
            try:
                Ed25519PublicKey.from_public_bytes(unb64(signing_keys[voucher])).verify(sig, vouching_body(card, voucher))
            except (InvalidSignature, ValueError):
                raise PackageError(source, f"data.json 的 vouchings[{n}]：担保签名无效（伪造的担保，"
                                           f"自称由 {pretty(voucher)[:9]} 为“{card['name']}”担保）") from None
            fp = card["fingerprint"]
            if fp not in signing_keys:
                signing_keys[fp] = card["signing_key"]
                chain[fp] = [voucher, *chain[voucher]]
            if fp != me:
                _keep(session, fp, voucher, card, vouchings[n]["signature"])
        if len(left) == len(pending):
            voucher, card, _sig = parsed[left[0]]
            raise PackageError(source, f"data.json 的 vouchings[{left[0]}]：为“{card['name']}”担保的"
                                       f"转发方（指纹 {pretty(voucher)}）在本机未登记，也没有已登记的转发方为其担保")
        pending = left
    out: dict[str, list[str]] = {}
    for signer in set(signers) - {me}:
        if signer not in chain and _trusted_card(session, signer) is not None:
            chain[signer] = []  # registered here itself: it came through the sender only
        if signer not in chain:
            raise PackageError(source, f"data.json 中有记录由未登记的密钥（指纹 {pretty(signer)}）签名，"
                                       "且数据包中没有已登记的转发方为其密钥卡担保")
        via = chain[signer]
        if signer != sender.fingerprint and (not via or via[-1] != sender.fingerprint):
            via = [*via, sender.fingerprint]
        out[signer] = via
    return out


def _keep(session, fingerprint: str, voucher: str, card: dict, signature: str) -> None:
    """Kept as received, so this installation can pass the vouching on; the newest word for a card wins."""
    if _trusted_card(session, fingerprint) is not None:
        return  # registered here: our own registry speaks for it
    row = session.get(Vouching, (fingerprint, voucher))
    if row is None:
        session.add(Vouching(fingerprint=fingerprint, voucher=voucher, card=card, signature=signature))
    elif row.card != card or row.signature != signature:
        row.card, row.signature = card, signature
