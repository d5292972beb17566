"""Attestations: an installation's signature over the record versions it vouches for.

One Ed25519 signature per signer per package, over a sorted list of entries
``[entity, record id, revision, content digest, author]`` — one signature per
record would cost a verification each (~0.1–0.7 ms), a city's import minutes.
Any single record is still verifiable on its own: its entry plus the
attestation's signature. The receiver keeps attestations exactly as received,
so a relay (city → province) can carry an expert's records on with the
expert's own signature; the relay's own changes to them travel under the
relay's attestation instead, and count as the relay's.

The signer is the one whose rights are checked for that version; ``author``
says whose record it is (a signer may vouch for its own version of someone
else's record: that arrives at the owner as a proposal).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .format import PackageError, canonical_json, sha256

FORMAT = "xunzhen-attestation"
VERSION = 1
_FP = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Entry:
    entity: str
    record_id: str
    revision: int
    digest: str
    author: str
    signer: str
    attestation_id: str


def body(signer: str, entries: list[list]) -> bytes:
    return canonical_json({"format": FORMAT, "version": VERSION, "signer": signer, "entries": sorted(entries)})


def make(keys, entries: list[list]) -> dict:
    """Our attestation of ``entries`` (each [entity, id, revision, digest, author])."""
    signed = body(keys.fingerprint, entries)
    return {"signer": keys.fingerprint, "signing_key": base64.b64encode(keys.signing_public).decode("ascii"),
            "entries": sorted(entries), "signature": base64.b64encode(keys.sign(signed)).decode("ascii")}


def attestation_id(att: dict) -> str:
    return sha256(body(att["signer"], att["entries"]))


def verify(source: str, atts) -> tuple[list[dict], dict[tuple[str, str], list[Entry]]]:
    """Check every attestation of a package; the entries by (entity, record id). Raises PackageError."""
    if not isinstance(atts, list):
        raise PackageError(source, "data.json 的“attestations”不是列表")
    by_record: dict[tuple[str, str], list[Entry]] = {}
    for n, att in enumerate(atts):
        where = f"attestations[{n}]"
        try:
            assert isinstance(att, dict) and set(att) == {"signer", "signing_key", "entries", "signature"}, "字段不符"
            signer, key = att["signer"], base64.b64decode(att["signing_key"], validate=True)
            assert isinstance(signer, str) and _FP.match(signer) and sha256(key) == signer, "签名者指纹与公钥不符"
            entries = att["entries"]
            assert isinstance(entries, list), "entries 不是列表"
            for e in entries:
                assert (isinstance(e, list) and len(e) == 5 and all(isinstance(x, str) for x in e[:2])
                        and isinstance(e[2], int) and not isinstance(e[2], bool)
                        and isinstance(e[3], str) and isinstance(e[4], str) and _FP.match(e[4])), f"条目 {e!r} 无效"
            Ed25519PublicKey.from_public_bytes(key).verify(base64.b64decode(att["signature"], validate=True),
                                                           body(signer, entries))
        except InvalidSignature:
            raise PackageError(source, f"data.json 的 {where} 签名无效（记录被篡改）") from None
        except (AssertionError, ValueError, TypeError) as exc:
            raise PackageError(source, f"data.json 的 {where} 无效：{exc}") from None
        aid = attestation_id(att)
        for entity, record_id, revision, digest, author in entries:
            by_record.setdefault((entity, record_id), []).append(
                Entry(entity, record_id, revision, digest, author, signer, aid))
    return atts, by_record
