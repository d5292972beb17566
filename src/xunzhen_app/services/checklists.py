"""Which checklist templates are installed, and the snapshot a visit was filled with."""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache

from sqlalchemy.orm import Session

from .. import resources_access
from ..core.checklist import Template, load_template_file, parse_template, template_to_dict
from ..core.errors import NotFoundError, TemplateError, UserError
from ..db.models import ChecklistTemplate
from ..paths import AppPaths

DEFAULT_TEMPLATE_ID = "shanxi-2025-toutou"


def _version_key(version: str):
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-]", version))


@lru_cache(maxsize=1)
def bundled_templates() -> tuple[Template, ...]:
    return tuple(
        parse_template(json.loads(node.read_text(encoding="utf-8")), f"resources/checklists/{node.name}")
        for node in resources_access.listing("checklists")
        if node.name.endswith(".json")
    )


def user_templates(paths: AppPaths) -> tuple[list[Template], list[TemplateError]]:
    """Templates the user placed in the data folder; broken ones are reported, not fatal."""
    found, problems = [], []
    if paths.checklists.is_dir():
        for file in sorted(paths.checklists.glob("*.json")):
            try:
                found.append(load_template_file(file))
            except TemplateError as exc:
                problems.append(exc)
    return found, problems


def available_templates(paths: AppPaths) -> list[Template]:
    mine, _ = user_templates(paths)
    by_key = {t.key: t for t in (*bundled_templates(), *mine)}
    return sorted(by_key.values(), key=lambda t: (t.id, _version_key(t.version)))


def find_template(paths: AppPaths, template_id: str | None = None, version: str | None = None) -> Template:
    template_id = template_id or DEFAULT_TEMPLATE_ID
    matches = [t for t in available_templates(paths) if t.id == template_id and version in (None, t.version)]
    if not matches:
        wanted = f"{template_id} {version}" if version else template_id
        known = "、".join(f"{t.id} {t.version}" for t in available_templates(paths))
        raise NotFoundError(f"没有检查表模板“{wanted}”；已安装：{known}")
    return matches[-1]


def _digest(content: dict) -> str:
    return hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def snapshot_problem(row: dict) -> str:
    """Why a snapshot from outside (a package) cannot be trusted, or "": it must be a valid template
    whose id, version, title and hash are the ones its content gives."""
    key = f"{row.get('template_id')} 版本 {row.get('version')}"
    try:
        template = parse_template(row["content"], f"模板 {key}")
    except TemplateError as exc:
        return str(exc)
    if (template.id, template.version, template.title) != (row["template_id"], row["version"], row["title"]):
        return f"检查表模板 {key} 的编号、版本或标题与其内容不符"
    if _digest(row["content"]) != row["sha256"]:
        return f"检查表模板 {key} 的内容与其声明的哈希不符"
    return ""


def snapshot(session: Session, template: Template) -> None:
    """Keep the template in the store so the visit renders the same forever."""
    content = template_to_dict(template)
    digest = _digest(content)
    row = session.get(ChecklistTemplate, (template.id, template.version))
    if row is None:
        session.add(
            ChecklistTemplate(
                template_id=template.id, version=template.version, title=template.title, content=content, sha256=digest
            )
        )
    elif row.sha256 != digest:
        raise UserError(
            f"检查表模板 {template.id} 版本 {template.version} 的内容与此前使用的同版本不同；修改模板时请提高版本号"
        )


@lru_cache(maxsize=32)
def _parse_snapshot(template_id: str, version: str, digest: str, content_json: str) -> Template:
    return parse_template(json.loads(content_json), f"数据库中的模板 {template_id} {version}")


def stored_template(session: Session, template_id: str, version: str) -> Template:
    row = session.get(ChecklistTemplate, (template_id, version))
    if row is None:
        raise NotFoundError(f"数据库中没有检查表模板 {template_id} {version}")
    return _parse_snapshot(template_id, version, row.sha256, json.dumps(row.content, ensure_ascii=False))
