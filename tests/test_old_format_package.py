"""A version-2 package from a release before the later columns (schema 0005 onwards) still imports:
what it lacks takes the value an upgrade gives old rows (records.LATER_COLUMNS)."""

from __future__ import annotations

import json
import uuid

from exchange_helpers import members, resign, rezip, seed_visit

from xunzhen_app.services import enterprises, visits
from xunzhen_app.services.exchange.export import export_package
from xunzhen_app.services.exchange.format import canonical_json
from xunzhen_app.services.exchange.merge import import_package
from xunzhen_app.services.exchange.records import LATER_COLUMNS, SINCE_VERSION


def test_a_version_2_package_without_the_later_columns_imports_with_their_defaults(expert, bureau, tmp_path):
    vid = seed_visit(expert)
    bureau.trust(expert)
    blob = export_package(expert.store, expert.keys, visit_refs=[vid], reports=False).data
    entries = members(blob)
    data = json.loads(entries["data.json"])
    for part in [p for p in data if SINCE_VERSION.get(p, 1) > 2]:
        del data[part]  # what version 2 did not have (attestations, …)
    section_of = {"assessment": "assessments", "visit": "visits", "enterprise": "enterprises",
                  "visit_expert": "visit_experts"}
    for entity, cols in LATER_COLUMNS.items():
        for row in data[section_of[entity]]:
            for col in cols:
                row.pop(col, None)
    entries["data.json"] = canonical_json(data)
    old = tmp_path / "old.xzp"
    old.write_bytes(rezip(resign(entries, expert.keys, attest=False, format_version=2, package_id=str(uuid.uuid4()))))

    rep = import_package(bureau.store, bureau.keys, old)
    assert not rep.refused and vid in rep.visit_ids, rep.summary()
    d = visits.get_visit(bureau.store, vid)
    assert d.expert_opinion == "" and d.assessments["1.1.1"].strength == ""
    ent = enterprises.get_enterprise(bureau.store, d.enterprise.id)
    assert ent.profile.main_products == "" and ent.profile.employees is None
