"""Helpers for the exchange tests: two installations, a database fingerprint, package surgery."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from xunzhen_app.db.models import Base
from xunzhen_app.db.store import open_store
from xunzhen_app.paths import AppPaths
from xunzhen_app.services.exchange import signing
from xunzhen_app.services.exchange.format import canonical_json
from xunzhen_app.services.exchange.ownership import own_attestation


@dataclass
class Side:
    store: object
    keys: signing.KeyPair
    dir: Path

    def card_file(self) -> Path:
        p = self.dir / "card.json"
        p.write_bytes(signing.card_bytes(self.keys))
        return p

    def trust(self, other: Side) -> None:
        signing.import_card(self.store, other.card_file())


def make_side(root: Path, url: str | None = None) -> Side:
    paths = AppPaths(root).ensure()
    store = open_store(paths, url)
    return Side(store, signing.load_or_create_keys(paths, store), root)


def db_fingerprint(store) -> str:
    """Every row of every table: equal fingerprints mean an unchanged database."""
    h = hashlib.sha256()
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows = sorted(repr(tuple(r)) for r in conn.execute(select(table)))
            h.update(f"{table.name}:{len(rows)}\n".encode())
            for r in rows:
                h.update(r.encode())
    return h.hexdigest()


def members(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def rezip(entries: dict[str, bytes], compress=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compress) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def resign(entries: dict[str, bytes], keys: signing.KeyPair, attest: bool = True,
           **manifest_changes) -> dict[str, bytes]:
    """Recompute member hashes (and apply manifest edits), signed with ``keys``; unless ``attest`` is
    False, a format-3 data.json is attested anew by ``keys`` too, as the author of everything in it."""
    m = json.loads(entries["manifest.json"])
    body = {k: v for k, v in entries.items() if k not in ("manifest.json", "manifest.sig")}
    if attest and b'"attestations":[' in body.get("data.json", b""):
        data = json.loads(body["data.json"])
        data["attestations"] = [own_attestation(keys, data)]
        body["data.json"] = canonical_json(data)
    m["members"] = [{"name": n, "sha256": hashlib.sha256(b).hexdigest(), "size": len(b)} for n, b in sorted(body.items())]
    m.update(manifest_changes)
    mb = canonical_json(m)
    return {"manifest.json": mb, "manifest.sig": keys.sign(mb), **body}


def seed_visit(side: Side, enterprise: str = "测试精密机械有限公司", uscc: str = "") -> str:
    """An expert's profile, one enterprise and one draft visit with a rating, a problem and a photo."""
    from xunzhen_app.services import enterprises, experts, visits
    from xunzhen_app.services.dto import EnterpriseInput

    me = experts.profile(side.store) or experts.save_profile(side.store, "张测试", "测试大学")
    ent = enterprises.create_enterprise(side.store, EnterpriseInput(
        name=enterprise, city="太原市", cultivation_type="领军型", uscc=uscc))
    v = visits.create_visit(side.store, visits.NewVisit(enterprise_id=ent.id, team=(me.id,)))
    visits.rate_item(side.store, v.id, "1.1.1", level=3)
    visits.set_item_text(side.store, v.id, "1.1.1", "evidence", "质量手册第 3 版")
    visits.add_problem(side.store, v.id, "质量目标未分解到班组", "1.1.1")
    visits.add_attachment_bytes(side.store, v.id, "现场.png", b"\x89PNG fake photo " + v.id.encode())
    return v.id
