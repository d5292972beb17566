"""Short names of the 培育目标 for narrow places (a table's column header), e.g. 质量体系成熟 → 体系成熟."""

from __future__ import annotations


def short_goal_title(title: str) -> str:
    """附件3's goal titles, shortened so that six fit side by side: the part before “与”, without
    “发挥…作用” and the leading “质量” wherever four characters remain (质量人才 stays whole)."""
    text = title.strip().split("与")[0]
    text = text.removeprefix("发挥").removesuffix("作用")
    if text.startswith("质量") and len(text) > 4:
        text = text[2:]
    return text or title
