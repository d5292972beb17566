"""This installation's keys, key cards, and the registry of trusted senders.

Each installation has an Ed25519 key (signs packages) and an X25519 key (lets
others encrypt packages to it); ``cryptography`` cannot convert one into the
other, so a key card carries both. The private keys live in
``<data folder>/keys/`` with owner-only permissions. The fingerprint is the
SHA-256 of the raw Ed25519 public key, shown in groups of four.
"""

from __future__ import annotations

import base64
import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from ...core.bounded_json import load_bounded
from ...core.errors import NotFoundError, UserError
from ...db.base import utcnow
from ...db.models import Expert, KeyCard
from ...paths import AppPaths
from .format import OpenedZip, PackageError, RawPackage, canonical_json, now_iso, sha256

CARD_FORMAT = "xunzhen-key-card"
CARD_VERSION = 1
MAX_CARD_BYTES = 64 * 1024  # a card is ~600 bytes; names and organisation are short


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint_of(signing_key_raw: bytes) -> str:
    return sha256(signing_key_raw)


def pretty(fp: str) -> str:
    return " ".join(fp[i:i + 4] for i in range(0, 32, 4))


@dataclass(frozen=True)
class Card:
    name: str
    organisation: str
    signing_key: str  # base64 raw Ed25519 public key
    encryption_key: str  # base64 raw X25519 public key
    fingerprint: str
    revoked: bool = False

    def sender_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("name", "organisation", "fingerprint", "signing_key", "encryption_key")}


def card_problem(card: Card) -> str:
    """Why a card (from a key-card file or a package's manifest) cannot be registered, or ""."""
    for what, value, limit in (("名称", card.name, 60), ("单位", card.organisation, 200),
                               ("签名公钥", card.signing_key, 100), ("加密公钥", card.encryption_key, 100)):
        if not isinstance(value, str):
            return f"{what}应为文本"
        if len(value) > limit:
            return f"{what}超过 {limit} 个字符"
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            return f"{what}含有控制字符"
    return ""


@dataclass
class KeyPair:
    signing: Ed25519PrivateKey
    encryption: X25519PrivateKey
    name: str
    organisation: str

    @property
    def signing_public(self) -> bytes:
        return self.signing.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @property
    def encryption_public(self) -> bytes:
        return self.encryption.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.signing_public)

    def card(self) -> Card:
        return Card(self.name, self.organisation, b64(self.signing_public), b64(self.encryption_public), self.fingerprint)

    def sign(self, data: bytes) -> bytes:
        return self.signing.sign(data)


def _key_dir(paths: AppPaths) -> Path:
    return paths.data_dir / "keys"


def _write_private(path: Path, data: bytes) -> None:
    # Created owner-only from the start (no window where the key is world-readable).
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def _pem(key) -> bytes:
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())


def load_or_create_keys(paths: AppPaths, store=None) -> KeyPair:
    """The installation's key pair, created on first use. The card's name and
    organisation come from the expert profile when there is one."""
    d = _key_dir(paths)
    d.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(d, 0o700)
    except OSError:  # e.g. a FAT-formatted data folder; the file modes still apply where possible
        pass
    sign_file, enc_file = d / "signing.key", d / "encryption.key"
    if not sign_file.exists():
        _write_private(sign_file, _pem(Ed25519PrivateKey.generate()))
    if not enc_file.exists():
        _write_private(enc_file, _pem(X25519PrivateKey.generate()))
    try:
        signing = serialization.load_pem_private_key(sign_file.read_bytes(), None)
        encryption = serialization.load_pem_private_key(enc_file.read_bytes(), None)
    except (ValueError, TypeError) as exc:
        raise UserError(f"密钥文件“{d}”损坏，无法读取：{exc}") from None
    if not isinstance(signing, Ed25519PrivateKey) or not isinstance(encryption, X25519PrivateKey):
        raise UserError(f"密钥文件“{d}”中不是巡诊所用的 Ed25519/X25519 密钥")
    name, org = socket.gethostname(), ""
    if store is not None:
        with store.session() as s:
            me = s.scalar(select(Expert).where(Expert.is_self))
            if me is not None:
                name, org = me.name, me.organisation
    return KeyPair(signing, encryption, name, org)


# --- key cards -------------------------------------------------------------


def card_bytes(keys: KeyPair) -> bytes:
    card = asdict(keys.card())
    card.pop("revoked")
    body = {"format": CARD_FORMAT, "format_version": CARD_VERSION, "created_at": now_iso(), **card}
    # Self-signed: proves the card was made by the holder of the key and was not edited on the way.
    body["signature"] = b64(keys.sign(canonical_json(body)))
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")


def parse_card(source: str, raw: bytes) -> Card:
    try:
        body = load_bounded(raw, max_bytes=MAX_CARD_BYTES, max_depth=2)
        assert isinstance(body, dict), "顶层不是对象"
        assert body["format"] == CARD_FORMAT, "格式标识不符"
        assert body["format_version"] <= CARD_VERSION, f"格式版本 {body['format_version']} 过新"
        sig = unb64(body.pop("signature"))
        sign_raw, enc_raw = unb64(body["signing_key"]), unb64(body["encryption_key"])
        assert len(sign_raw) == 32 and len(enc_raw) == 32, "公钥长度不符"
        Ed25519PublicKey.from_public_bytes(sign_raw).verify(sig, canonical_json(body))
        fp = fingerprint_of(sign_raw)
        assert body["fingerprint"] == fp, "指纹与公钥不符"
        card = Card(body["name"], body.get("organisation", ""), body["signing_key"], body["encryption_key"], fp)
        problem = card_problem(card)
        assert not problem, problem
        return card
    except InvalidSignature:
        raise UserError(f"密钥卡“{source}”的自签名无效（文件被修改或损坏）") from None
    except (AssertionError, KeyError, TypeError, ValueError, AttributeError) as exc:  # JsonRefused is a ValueError
        raise UserError(f"密钥卡“{source}”无效：{exc}") from None


# --- registry (专家库 key cards) --------------------------------------------


def _to_card(k: KeyCard) -> Card:
    return Card(k.name, k.organisation, k.signing_key, k.encryption_key, k.fingerprint, k.revoked_at is not None)


def register_card(session, card: Card) -> bool:
    """Add a card; True when it was new. A revoked card is not silently revived."""
    existing = session.get(KeyCard, card.fingerprint)
    if existing is not None:
        return False
    session.add(KeyCard(fingerprint=card.fingerprint, name=card.name, organisation=card.organisation,
                        signing_key=card.signing_key, encryption_key=card.encryption_key))
    return True


def import_card(store, path: Path) -> tuple[Card, bool]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"无法读取密钥卡“{path}”：{exc}") from None
    card = parse_card(str(path), raw)
    with store.session() as s:
        existing = s.get(KeyCard, card.fingerprint)
        if existing is not None and existing.revoked_at is not None:
            raise UserError(f"密钥卡“{path}”（指纹 {pretty(card.fingerprint)}）已被吊销，不能再次登记")
        return card, register_card(s, card)


def list_cards(store) -> list[Card]:
    with store.session() as s:
        return [_to_card(k) for k in s.scalars(select(KeyCard).order_by(KeyCard.name))]


def find_card(session, ref: str) -> KeyCard:
    """By fingerprint or its first characters (spaces allowed, as ``pretty`` shows it)."""
    prefix = ref.replace(" ", "").lower()
    if len(prefix) < 8:
        raise UserError(f"指纹“{ref}”太短：至少给出前 8 位")
    hits = list(session.scalars(select(KeyCard).where(KeyCard.fingerprint.startswith(prefix))))
    if not hits:
        raise NotFoundError(f"密钥登记册中没有指纹为“{ref}”的密钥卡")
    if len(hits) > 1:
        raise UserError(f"指纹“{ref}”对应多张密钥卡，请给出更多位")
    return hits[0]


def get_card(store, ref: str) -> Card:
    with store.session() as s:
        return _to_card(find_card(s, ref))


def revoke_card(store, ref: str, reason: str = "") -> Card:
    with store.session() as s:
        k = find_card(s, ref)
        if k.revoked_at is None:
            k.revoked_at = utcnow()
            k.revoke_reason = reason
        return _to_card(k)


# --- verifying a package ----------------------------------------------------


def verify_signature(raw: OpenedZip) -> Card:
    """The manifest's signature against the key it names; the card it claims must match.
    The name in it is the sender's claim: what is shown comes from the registry (``registered_name``)."""
    sender = raw.manifest["sender"]
    try:
        sign_raw = unb64(sender["signing_key"])
        Ed25519PublicKey.from_public_bytes(sign_raw).verify(raw.signature, raw.manifest_bytes)
    except (InvalidSignature, ValueError):
        raise PackageError(raw.source, "签名无效（数据包被篡改，或不是由其声称的发送方签发）") from None
    if fingerprint_of(sign_raw) != sender["fingerprint"]:
        raise PackageError(raw.source, "发送方指纹与其公钥不符")
    card = Card(sender["name"], sender["organisation"], sender["signing_key"], sender["encryption_key"],
                sender["fingerprint"])
    problem = card_problem(card)
    if problem:
        raise PackageError(raw.source, f"发送方信息无效：{problem}")
    return card


def check_trust(session, raw: OpenedZip | RawPackage, sender: Card, own_fingerprint: str,
                accept_unknown: bool) -> tuple[bool, str]:
    """Refuse revoked or (unless accepted) unknown senders. Whether the sender was newly registered,
    and its name in the registry (what is shown from now on)."""
    if sender.fingerprint == own_fingerprint:
        raise PackageError(raw.source, "这是本机自己导出的数据包")
    known = session.get(KeyCard, sender.fingerprint)
    if known is not None and known.revoked_at is not None:
        raise PackageError(raw.source, f"发送方“{known.name}”（指纹 {pretty(sender.fingerprint)}）的密钥已被吊销")
    if known is None:
        if not accept_unknown:
            raise PackageError(raw.source, f"发送方（自称“{sender.name}”，指纹 {pretty(sender.fingerprint)}）未登记；"
                                           "核实后可用 --accept-unknown 接受并登记")
        return register_card(session, sender), sender.name
    return False, known.name


def registered_name(session, fingerprint: str) -> str:
    """The name this installation registered for a key: never the one a package claims."""
    known = session.get(KeyCard, fingerprint)
    return known.name if known is not None else f"未登记的发送方 {pretty(fingerprint)[:9]}"
