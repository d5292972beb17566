"""Chinese line breaking (禁则) and per-glyph font fallback of the report's paragraphs."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle

from xunzhen_app.services.reports.cjk_paragraph import CJKParagraph
from xunzhen_app.services.reports.fonts import register_report_fonts
from xunzhen_app.services.reports.line_breaking import NO_LINE_END, NO_LINE_START, break_opportunities


def _lines(markup: str, width: float, font: str | None = None) -> list[str]:
    fonts = register_report_fonts()
    style = ParagraphStyle("t", fontName=font or fonts.song, fontSize=12, leading=18, wordWrap="CJK")
    para = CJKParagraph(markup, style)
    para.wrap(width, 10_000)
    return ["".join(w.text for w in line.words) for line in para.blPara.lines]


def test_numbers_dates_and_codes_stay_whole():
    for text in ("于2025年11月底前完成", "条目3.1.1未评", "达到85%以上", "通过ISO9001认证"):
        allowed = break_opportunities(text)
        for whole in ("2025年11月底", "3.1.1", "85%", "ISO9001"):
            if whole in text:
                at = text.index(whole)
                assert not any(allowed[at + 1:at + len(whole)]), (text, whole)
    assert break_opportunities("质量")[1]  # plain Chinese breaks anywhere


@pytest.mark.parametrize("width", [85, 97, 109, 121, 133, 157])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(width):
    text = ("企业建立了“首席质量官”制度，设立质量部（含检验室）、计量室；每月召开质量分析会：问题是否闭环？"
            "答复见《质量手册》「第三章」。计划于2025年11月底前完成整改，整改率达到95%以上！")
    lines = _lines(text, width)
    assert "".join(lines) == text and len(lines) > 2
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, lines
    for line in lines[:-1]:
        assert line[-1] not in NO_LINE_END, lines
    assert any("2025年11月底" in line for line in lines), lines


def test_a_character_the_song_face_lacks_is_drawn_in_the_hei_face():
    fonts = register_report_fonts()
    para = CJKParagraph("联系人王喆", ParagraphStyle("t", fontName=fonts.song, fontSize=12, wordWrap="CJK"))
    para.wrap(400, 100)
    faces = {w.fontName: w.text for w in para.blPara.lines[0].words}
    assert faces == {fonts.song: "联系人王", fonts.hei: "喆"}


def test_line_breaks_in_the_text_are_kept():
    assert _lines("第一行<br/>第二行", 400) == ["第一行", "第二行"]
