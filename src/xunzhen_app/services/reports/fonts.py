"""The bundled CJK font, registered once with reportlab and embedded (subset) in every PDF.

WenQuanYi Micro Hei has a single weight. Bold is mapped to the same face
instead of faking it with another font; headings get their weight from size
and spacing.
"""

from __future__ import annotations

import io
from functools import lru_cache

from ... import resources_access

FONT_NAME = "WQYMicroHei"
FONT_RESOURCE = "fonts/wqy-microhei.ttc"


@lru_cache(maxsize=1)
def register_cjk_font() -> str:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # Read through importlib.resources so a wheel or a frozen app works too.
    data = io.BytesIO(resources_access.read_bytes(FONT_RESOURCE))
    pdfmetrics.registerFont(TTFont(FONT_NAME, data, subfontIndex=0))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(FONT_NAME, bold, italic, FONT_NAME)
    return FONT_NAME
