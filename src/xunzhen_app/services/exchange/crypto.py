"""Optional encryption of a whole package to one recipient (the bureau).

An ephemeral X25519 key agrees a secret with the recipient's X25519 key;
HKDF-SHA256 turns it into an AES-256-GCM key. The header (magic, recipient
fingerprint, ephemeral public key, nonce) is authenticated as associated data,
so swapping the recipient field breaks decryption. Inside is the ordinary
signed zip: who sent it is still checked after decryption.

    magic "XZENC1\\n" | recipient fingerprint (64 ASCII hex) | ephemeral pub (32) | nonce (12) | ciphertext+tag
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from .format import PackageError
from .signing import Card, KeyPair, pretty, unb64

MAGIC = b"XZENC1\n"
_HEADER = len(MAGIC) + 64 + 32 + 12
_INFO = b"xunzhen exchange package v1"


def is_encrypted(blob: bytes) -> bool:
    return blob.startswith(MAGIC)


def _key(shared: bytes, ephemeral_pub: bytes, recipient_pub: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt=ephemeral_pub + recipient_pub, info=_INFO).derive(shared)


def encrypt(blob: bytes, recipient: Card) -> bytes:
    recipient_pub = unb64(recipient.encryption_key)
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    key = _key(eph.exchange(X25519PublicKey.from_public_bytes(recipient_pub)), eph_pub, recipient_pub)
    nonce = os.urandom(12)
    header = MAGIC + recipient.fingerprint.encode("ascii") + eph_pub + nonce
    return header + AESGCM(key).encrypt(nonce, blob, header)


def recipient_of(blob: bytes) -> str | None:
    if not is_encrypted(blob) or len(blob) < _HEADER:
        return None
    return blob[len(MAGIC):len(MAGIC) + 64].decode("ascii", "replace")


def decrypt(source: str, blob: bytes, keys: KeyPair) -> bytes:
    if len(blob) < _HEADER + 16:
        raise PackageError(source, "加密数据包被截断")
    header = blob[:_HEADER]
    recipient = recipient_of(blob)
    if recipient != keys.fingerprint:
        raise PackageError(source, f"数据包是加密发给另一方（指纹 {pretty(recipient or '')}）的，本机无法打开")
    pos = len(MAGIC) + 64
    eph_pub, nonce = blob[pos:pos + 32], blob[pos + 32:pos + 44]
    try:
        key = _key(keys.encryption.exchange(X25519PublicKey.from_public_bytes(eph_pub)), eph_pub, keys.encryption_public)
        return AESGCM(key).decrypt(nonce, blob[_HEADER:], header)
    except (InvalidTag, ValueError):
        raise PackageError(source, "无法解密（数据包被篡改或损坏）") from None
