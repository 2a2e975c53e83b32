"""Draw the Q&AI Desktop app icon with QPainter and write it to ``resources/icons/``.

Run once after changing the design (the outputs are committed)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py

Writes ``qnai-desktop-<N>.png`` for N in SIZES (each size drawn at its own resolution, not scaled
down from 512, so small sizes stay crisp), ``qnai-desktop.png`` (= 256 px, for the .desktop entry),
``qnai-desktop.ico`` (Windows; PNG-compressed entries 16..256) and ``qnai-desktop.icns`` (macOS;
PNG entries 16..1024). The .ico/.icns containers are written here by hand (a few lines of
``struct``) so no extra dependency is needed.

Design: a navy rounded square, a rising amber "chart" line along the bottom, and the word mark
"Q&AI" in white; at 32 px and below only a bold "Q" is drawn (four letters are unreadable there).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# icns element type -> pixel size (PNG payloads; accepted by macOS 10.7+)
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256),
              ("ic09", 512), ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256),
              ("ic14", 512))
NAME = "qnai-desktop"
OUT_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"

NAVY_TOP = "#16335f"
NAVY_BOTTOM = "#0a1a33"
AMBER = "#f2a93b"
WHITE = "#ffffff"
FONT_FAMILIES = ["DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica"]


def _font(weight):
    from PySide6.QtGui import QFont, QFontDatabase

    available = set(QFontDatabase.families())
    family = next((f for f in FONT_FAMILIES if f in available), "Sans Serif")
    font = QFont(family)
    font.setPixelSize(100)
    font.setWeight(weight)
    return font


def _text_path(text: str, weight, box):
    """``text`` as a filled path scaled to fit ``box`` (QRectF), centred."""
    from PySide6.QtGui import QPainterPath, QTransform

    path = QPainterPath()
    path.addText(0, 0, _font(weight), text)
    r = path.boundingRect()
    scale = min(box.width() / r.width(), box.height() / r.height())
    t = QTransform()
    t.translate(box.center().x(), box.center().y())
    t.scale(scale, scale)
    t.translate(-r.center().x(), -r.center().y())
    return t.map(path)


def render(size: int):
    """The icon at ``size`` x ``size`` pixels as a QImage (ARGB32, transparent corners)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QImage, QLinearGradient, QPainter, QPainterPath, QPen

    img = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    small = size <= 32
    margin = 0.0 if small else s * 0.04
    body = QRectF(margin, margin, s - 2 * margin, s - 2 * margin)
    radius = body.width() * (0.18 if small else 0.2)

    grad = QLinearGradient(body.topLeft(), body.bottomLeft())
    grad.setColorAt(0.0, QColor(NAVY_TOP))
    grad.setColorAt(1.0, QColor(NAVY_BOTTOM))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(grad))
    p.drawRoundedRect(body, radius, radius)

    # rising chart line along the bottom (clipped to the rounded body)
    clip = QPainterPath()
    clip.addRoundedRect(body, radius, radius)
    p.setClipPath(clip)
    x0, w = body.left(), body.width()
    y0, h = body.top(), body.height()
    pts = [(0.10, 0.86), (0.32, 0.78), (0.50, 0.82), (0.70, 0.68), (0.90, 0.56)]
    if small:
        pts = [(0.12, 0.88), (0.45, 0.80), (0.88, 0.62)]
    line = QPainterPath(QPointF(x0 + pts[0][0] * w, y0 + pts[0][1] * h))
    for fx, fy in pts[1:]:
        line.lineTo(QPointF(x0 + fx * w, y0 + fy * h))
    pen = QPen(QColor(AMBER), max(1.0, s * (0.07 if small else 0.045)))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(line)
    if not small:
        fx, fy = pts[-1]
        dot = s * 0.045
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(AMBER))
        p.drawEllipse(QPointF(x0 + fx * w, y0 + fy * h), dot, dot)
    p.setClipping(False)

    # word mark
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(WHITE))
    if small:
        box = QRectF(x0 + w * 0.16, y0 + h * 0.06, w * 0.68, h * 0.66)
        p.drawPath(_text_path("Q", QFont.Weight.Black, box))
    else:
        box = QRectF(x0 + w * 0.12, y0 + h * 0.20, w * 0.76, h * 0.36)
        p.drawPath(_text_path("Q&AI", QFont.Weight.Bold, box))
    p.end()
    return img


def _png_bytes(img) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not img.save(buf, "PNG"):
        raise OSError("PNG encoding failed")
    buf.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding the given PNG images (PNG entries are valid since Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for n in sizes:
        data = pngs[n]
        dim = 0 if n >= 256 else n
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns with PNG payloads for every element type in ICNS_TYPES."""
    body = b""
    for kind, n in ICNS_TYPES:
        data = pngs[n]
        body += kind.encode("ascii") + struct.pack(">I", len(data) + 8) + data
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main(out_dir: Path = OUT_DIR) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = sorted(set(SIZES) | set(ICO_SIZES) | {n for _, n in ICNS_TYPES})
    pngs = {n: _png_bytes(render(n)) for n in wanted}
    written = []
    for n in SIZES:
        path = out_dir / f"{NAME}-{n}.png"
        path.write_bytes(pngs[n])
        written.append(path)
    plain = out_dir / f"{NAME}.png"
    plain.write_bytes(pngs[256])
    ico = out_dir / f"{NAME}.ico"
    ico.write_bytes(ico_bytes({n: pngs[n] for n in ICO_SIZES}))
    icns = out_dir / f"{NAME}.icns"
    icns.write_bytes(icns_bytes(pngs))
    written += [plain, ico, icns]
    return written


if __name__ == "__main__":
    for path in main():
        print(path)
