"""The user-cache entries a report keeps: parsed fonts and print-ready photos."""

from __future__ import annotations

import io

from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from xunzhen_app import resources_access
from xunzhen_app.services.reports import font_cache, photos


def _pdf_with(font) -> bytes:
    from reportlab.pdfbase import pdfmetrics

    pdfmetrics.registerFont(font)
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1, initialFontName=font.fontName)
    canvas.setFont(font.fontName, 12)
    canvas.drawString(72, 720, "质量巡诊报告 2025年11月底")
    canvas.save()
    return out.getvalue()


def test_a_cached_font_renders_the_same_pdf_as_a_parsed_one(tmp_path, monkeypatch):
    monkeypatch.setenv("XUNZHEN_CACHE_DIR", str(tmp_path))
    data = resources_access.read_bytes("fonts/gkai00mp.ttf")
    parsed = font_cache.load_font("CacheTestA", data, "kai")
    assert list((tmp_path / "fonts").glob("kai-*.pickle"))
    cached = font_cache.load_font("CacheTestB", data, "kai")
    assert cached.face.charWidths == parsed.face.charWidths
    assert _pdf_with(cached).replace(b"CacheTestB", b"CacheTestA") == _pdf_with(parsed)


def test_a_broken_cache_entry_falls_back_to_parsing(tmp_path, monkeypatch):
    monkeypatch.setenv("XUNZHEN_CACHE_DIR", str(tmp_path))
    data = resources_access.read_bytes("fonts/gkai00mp.ttf")
    font_cache.load_font("CacheTestC", data, "kai")
    (entry,) = (tmp_path / "fonts").glob("kai-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert font_cache.load_font("CacheTestD", data, "kai").face.name == b"GBZenKai-Medium"


def test_a_prepared_photo_is_taken_from_the_cache_without_reading_the_original(tmp_path, monkeypatch):
    monkeypatch.setenv("XUNZHEN_CACHE_DIR", str(tmp_path))
    buffer = io.BytesIO()
    Image.new("RGB", (3000, 2000), "teal").save(buffer, "JPEG")
    first = photos.print_photo("ab" * 32, lambda: buffer.getvalue())
    assert first is not None and max(first.width, first.height) == photos.MAX_PIXELS
    photos.forget_prepared_photos()  # as in a new process: only the disk cache is left

    def never() -> bytes:
        raise AssertionError("the original was read although the cache holds the photo")

    again = photos.print_photo("ab" * 32, never)
    assert (again.width, again.height, again.jpeg) == (first.width, first.height, first.jpeg)
