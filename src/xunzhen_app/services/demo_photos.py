"""Site photos for the demo, drawn with Pillow: a workshop line, a quality board, a lab bench.

Simple shapes and colours, but scenes a reader recognises in a report, varied by a seed so two
visits do not show the same picture.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from .. import resources_access

SIZE = (800, 600)


def _font(size: int):
    """The app's bundled CJK font, for the board's captions; Pillow's own has no Chinese."""
    for node in resources_access.listing("fonts"):
        if node.name.lower().endswith((".ttf", ".ttc", ".otf")):
            return ImageFont.truetype(io.BytesIO(node.read_bytes()), size)
    return None


def _jpeg(image: Image.Image) -> bytes:
    # A phone photo is never perfectly crisp: soften the drawn edges a little.
    out = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(0.8)).save(out, "JPEG", quality=85)
    return out.getvalue()


def _room(draw: ImageDraw.ImageDraw, wall: tuple, floor: tuple, horizon: int) -> None:
    w, h = SIZE
    for y in range(h):
        base, top, span = (wall, 0, horizon) if y < horizon else (floor, horizon, h - horizon)
        shade = 0.85 + 0.25 * (y - top) / max(span, 1)
        draw.line([(0, y), (w, y)], fill=tuple(min(255, int(c * shade)) for c in base))


def workshop_line(seed: int) -> bytes:
    rng = random.Random(seed)
    img = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(img)
    _room(d, (196, 204, 210), (150, 156, 150), 300)
    for x in range(60, 800, 180):  # ceiling lights
        d.rectangle([x, 20, x + 90, 32], fill=(250, 250, 235))
    d.polygon([(0, 470), (800, 400), (800, 412), (0, 484)], fill=(235, 190, 30))  # walkway line
    belt_top = 330
    d.rectangle([40, belt_top, 780, belt_top + 34], fill=(60, 64, 70))
    for x in range(50, 780, 28):
        d.ellipse([x, belt_top + 30, x + 14, belt_top + 44], fill=(110, 114, 120))
    for x in range(50, 770, rng.choice([70, 85, 100])):  # products on the belt
        colour = rng.choice([(214, 120, 40), (200, 110, 35), (180, 180, 185)])
        d.rectangle([x, belt_top - 30, x + 40, belt_top], fill=colour, outline=(90, 60, 30))
    for x in (90, 390, 640):  # machines along the line
        body = rng.choice([(40, 110, 170), (50, 130, 90), (60, 100, 150)])
        d.rectangle([x, 150, x + 130, belt_top - 34], fill=body, outline=(20, 40, 60), width=2)
        d.rectangle([x + 20, belt_top - 34, x + 110, belt_top], fill=(70, 74, 80))  # the station over the belt
        d.rectangle([x + 15, 170, x + 70, 215], fill=(30, 35, 40))
        d.rectangle([x + 20, 175, x + 65, 210], fill=(90, 200, 120))
        d.ellipse([x + 90, 175, x + 110, 195], fill=(220, 40, 40))
        d.ellipse([x + 90, 205, x + 110, 225], fill=(40, 180, 60))
    for x in (300, 560):  # operators in helmets
        d.rectangle([x, 250, x + 34, 360], fill=(30, 70, 140))
        d.ellipse([x + 3, 214, x + 31, 246], fill=(230, 190, 160))
        d.chord([x, 206, x + 34, 236], 180, 360, fill=(250, 200, 20))
    d.rectangle([700, 60, 780, 120], fill=(255, 255, 255), outline=(200, 40, 40), width=3)  # safety sign
    return _jpeg(img)


def quality_board(seed: int) -> bytes:
    rng = random.Random(seed)
    img = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(img)
    _room(d, (214, 208, 196), (168, 150, 130), 520)
    d.rectangle([60, 50, 740, 500], fill=(120, 125, 130))
    d.rectangle([72, 62, 728, 488], fill=(248, 248, 244))
    d.rectangle([72, 62, 728, 112], fill=(25, 85, 160))
    font = _font(30)
    if font is not None:
        d.text((300, 70), "质量看板", font=font, fill=(255, 255, 255))
        small = _font(16)
        for i, label in enumerate(("一次合格率", "客诉闭环", "改进项目")):
            d.text((100 + i * 210, 455), label, font=small, fill=(60, 60, 60))
    d.line([(100, 420), (360, 420)], fill=(80, 80, 80), width=2)  # bar chart of 合格率
    for i in range(6):
        hgt = rng.randint(150, 270)
        colour = (60, 160, 90) if hgt > 180 else (210, 70, 60)
        d.rectangle([110 + i * 40, 420 - hgt, 136 + i * 40, 420], fill=colour)
    d.line([(105, 240), (355, 240)], fill=(220, 60, 60), width=2)  # the target line
    points, y = [], 330
    for i in range(7):  # trend of closed complaints
        y = max(150, min(400, y + rng.randint(-40, 20)))
        points.append((392 + i * 25, y))
    d.line(points, fill=(25, 85, 160), width=4)
    for x, y in points:
        d.ellipse([x - 6, y - 6, x + 6, y + 6], fill=(25, 85, 160))
    for r in range(5):  # a table of improvement projects
        for c in range(3):
            d.rectangle([560 + c * 50, 140 + r * 44, 606 + c * 50, 180 + r * 44], outline=(120, 120, 120),
                        fill=rng.choice([(255, 255, 255), (255, 240, 150), (200, 235, 200)]))
    for _ in range(4):  # magnets and notes
        x, y = rng.randint(90, 700), rng.randint(120, 200)
        d.ellipse([x, y, x + 14, y + 14], fill=rng.choice([(220, 40, 40), (40, 90, 200), (40, 160, 80)]))
    return _jpeg(img)


def lab_bench(seed: int) -> bytes:
    rng = random.Random(seed)
    img = Image.new("RGB", SIZE)
    d = ImageDraw.Draw(img)
    _room(d, (222, 230, 234), (190, 196, 200), 380)
    for x in range(30, 800, 190):  # wall cabinets
        d.rectangle([x, 30, x + 170, 150], fill=(236, 238, 240), outline=(160, 170, 175), width=2)
        d.line([(x + 85, 30), (x + 85, 150)], fill=(160, 170, 175), width=2)
    d.rectangle([0, 360, 800, 392], fill=(40, 48, 56))  # bench top
    d.rectangle([0, 392, 800, 600], fill=(205, 210, 214))
    # microscope
    d.rectangle([90, 330, 190, 360], fill=(235, 235, 235), outline=(80, 80, 80))
    d.rectangle([150, 200, 172, 335], fill=(235, 235, 235), outline=(80, 80, 80))
    d.polygon([(120, 200), (165, 190), (175, 215), (128, 230)], fill=(60, 60, 70))
    d.rectangle([112, 280, 160, 292], fill=(80, 80, 90))
    # balance with its glass draft shield
    d.rectangle([250, 300, 370, 360], fill=(245, 245, 245), outline=(90, 90, 90))
    d.rectangle([262, 250, 358, 300], outline=(150, 190, 210), width=3)
    d.rectangle([270, 338, 320, 352], fill=(30, 40, 30))
    d.text((276, 339), f"{rng.uniform(10, 99):.4f}", fill=(120, 240, 120))
    # beakers and a rack of test tubes
    for x, colour in ((420, (120, 180, 230)), (480, (230, 200, 90)), (530, (170, 220, 170))):
        top = rng.randint(270, 300)
        d.polygon([(x, top), (x + 40, top), (x + 46, 360), (x - 6, 360)], outline=(120, 140, 150), fill=(235, 245, 250))
        d.rectangle([x - 4, top + 35, x + 44, 358], fill=colour)
    d.rectangle([600, 320, 700, 360], fill=(200, 200, 200), outline=(100, 100, 100))
    for i in range(6):
        x = 610 + i * 15
        d.rectangle([x, 290, x + 8, 340], fill=rng.choice([(200, 60, 60), (60, 120, 200), (240, 240, 240)]),
                    outline=(120, 120, 120))
    # monitor with a measurement curve
    d.rectangle([560, 170, 760, 290], fill=(25, 30, 35))
    d.rectangle([570, 180, 750, 280], fill=(235, 245, 255))
    d.line([(575 + i * 6, 260 - int(40 * rng.random()) - (i % 5) * 4) for i in range(29)], fill=(200, 60, 60), width=2)
    return _jpeg(img)


# (file name, caption, item it documents, the scene)
SCENES = (
    ("现场照片-生产线.jpg", "生产线作业指导书与现场操作核对", "1.1.2", workshop_line),
    ("现场照片-质量看板.jpg", "车间质量看板：一次合格率、客诉闭环和改进项目", "3.2.2", quality_board),
    ("现场照片-检测实验室.jpg", "检测实验室设备与检测记录", "4.6.1", lab_bench),
)


def demo_photo(seed: int) -> bytes:
    """One of the scenes, chosen and varied by ``seed`` (a JPEG)."""
    return SCENES[seed % len(SCENES)][3](seed)
