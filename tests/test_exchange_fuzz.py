"""Bounded fuzzing of what arrives from outside: a package's manifest and data.json, and key cards.
Whatever the input, only the app's own errors (UserError, with a message) may escape, and a refused
package leaves the store as it was."""

from __future__ import annotations

import json
import uuid

import pytest
from exchange_helpers import db_fingerprint, members, resign, rezip, seed_visit
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xunzhen_app.core.errors import UserError
from xunzhen_app.services.exchange import format, signing
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.merge import import_package

FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# JSON values, including the awkward ones: huge and negative numbers, floats, control characters,
# deep-ish nesting, wrong types where a record field is expected.
_SCALARS = (st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False)
            | st.text(max_size=40) | st.sampled_from(["", "../x", "9999-99-99", "已定稿", "\x00", "1.1.1"]))
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)


@pytest.fixture
def sent(expert, bureau, tmp_path):
    vid = seed_visit(expert)
    bureau.trust(expert)
    path = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).write(tmp_path / "p.xzp")
    return members(path.read_bytes())


def _import_or_refuse(bureau, path) -> None:
    before = db_fingerprint(bureau.store)
    try:
        import_package(bureau.store, bureau.keys, path)
    except UserError as exc:
        assert str(exc) and db_fingerprint(bureau.store) == before


@FUZZ
@given(data=st.data())
def test_fuzzed_records_are_imported_or_refused_with_a_message(sent, expert, bureau, tmp_path, data):
    body = json.loads(sent["data.json"])
    for _ in range(data.draw(st.integers(1, 3))):
        section = data.draw(st.sampled_from(sorted(k for k, v in body.items() if v and k != "attestations")))
        rows = body[section]
        row = rows[data.draw(st.integers(0, len(rows) - 1))]
        if data.draw(st.booleans()) and isinstance(row, dict):
            field = data.draw(st.sampled_from(sorted(row)))
        else:  # a field the format does not have, or the whole section replaced
            field = data.draw(st.text(min_size=1, max_size=8))
        row[field] = data.draw(_JSON)
    # Signed and attested by the (registered) expert: only the values themselves can refuse it.
    entries = resign({**sent, "data.json": format.canonical_json(body)}, expert.keys, package_id=str(uuid.uuid4()))
    path = tmp_path / "fuzz.xzp"
    path.write_bytes(rezip(entries))
    _import_or_refuse(bureau, path)


@FUZZ
@given(data=st.data())
def test_fuzzed_manifests_are_refused_with_a_message(sent, expert, bureau, tmp_path, data):
    manifest = json.loads(sent["manifest.json"])
    key = data.draw(st.sampled_from(sorted(manifest) + ["sender.name", "sender.fingerprint", "members.0", "extra"]))
    value = data.draw(_JSON)
    if key.startswith("sender."):
        manifest["sender"][key.split(".")[1]] = value
    elif key == "members.0":
        manifest["members"][0] = value
    else:
        manifest[key] = value
    mb = format.canonical_json(manifest)
    path = tmp_path / "fuzz.xzp"
    path.write_bytes(rezip({**sent, "manifest.json": mb, "manifest.sig": expert.keys.sign(mb)}))
    _import_or_refuse(bureau, path)


@FUZZ
@given(data=st.data())
def test_fuzzed_key_cards_are_read_or_refused_with_a_message(expert, data):
    card = json.loads(signing.card_bytes(expert.keys))
    if data.draw(st.booleans()):
        card[data.draw(st.sampled_from(sorted(card) + ["extra"]))] = data.draw(_JSON)
        raw = json.dumps(card, ensure_ascii=False).encode()
    else:
        raw = bytearray(signing.card_bytes(expert.keys))
        for _ in range(data.draw(st.integers(1, 6))):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
        raw = bytes(raw)
    try:
        signing.parse_card("card.json", raw)
    except UserError as exc:
        assert "card.json" in str(exc)
