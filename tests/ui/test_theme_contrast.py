"""Both themes are readable: every text colour the app draws has WCAG contrast >= 4.5:1 against the
background it is drawn on, computed from the applied palette, the theme's stylesheet and what the
item models return. (The chart canvas keeps the note's print colours on white in either theme.)"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from qnai_desktop.app import build_window
from qnai_desktop.ui.common import theme
from qnai_desktop.ui.common.theme import (
    DARK,
    LIGHT,
    ThemeColors,
    apply_theme,
    contrast_ratio,
    readable_text,
    set_tone,
)

AA = 4.5
TEXT_TONES = ("muted", "ok", "warn", "error", "info", "premium", "discount")
R = QPalette.ColorRole
ROLE = Qt.ItemDataRole


@pytest.fixture(params=["light", "dark"])
def themed(request, qapp):
    """The app in a theme; style, palette and stylesheet restored afterwards."""
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    previous = theme.colors()
    apply_theme(qapp, request.param)
    yield DARK if request.param == "dark" else LIGHT
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    theme._current = previous


def _pairs(c: ThemeColors, pal: QPalette) -> dict[str, tuple[str, str]]:
    """Every (text, background) pair the app paints with the theme's colours."""
    window, base, alt, text = (pal.color(r).name() for r in (R.Window, R.Base, R.AlternateBase, R.Text))
    pairs = {f"{t} on {where}": (getattr(c, t), bg) for t in TEXT_TONES
             for where, bg in (("window", window), ("base", base), ("alternate", alt))}
    pairs |= {name[:-3]: (getattr(c, name), getattr(c, name[:-3] + "_bg"))
              for name in (f.name for f in fields(c)) if name.endswith("_fg")
              and hasattr(c, name[:-3] + "_bg")}
    pairs |= {
        "issue error cell": (c.issue_fg, c.issue_error_bg),
        "issue warning cell": (c.issue_fg, c.issue_warn_bg),
        "stale value (table text)": (text, c.stale_bg), "compared value that differs": (text, c.diff_bg),
        "result row": (text, c.output_bg), "stale age": (c.chip_stale_fg, c.chip_stale_bg),
        "card title": (c.card_muted, c.card_bg), "card value": (c.card_fg, c.card_bg),
        "changed card delta": (c.info, c.card_bg), "main card value": (c.card_main_fg, c.card_main_bg),
        "main card title": (c.card_muted, c.card_main_bg), "selected row": (c.select_fg, c.select_bg),
        "soft table error move": (c.error, c.alternate_bg), "soft table text": (text, c.alternate_bg),
        "drop zone": (c.drop_fg, window), "monitor muted on alternate": (c.muted, c.alternate_bg),
    }
    return pairs


def test_every_named_colour_pair_reads_in_both_themes(themed: ThemeColors, qapp) -> None:
    low = {name: round(contrast_ratio(fg, bg), 2) for name, (fg, bg) in _pairs(themed, qapp.palette()).items()
           if contrast_ratio(fg, bg) < AA}
    assert low == {}


def test_each_tone_renders_readable(themed: ThemeColors, qapp, qtbot) -> None:
    """A label per tone, rendered: its text colour against the pixels actually painted behind it."""
    host = QWidget()
    qtbot.addWidget(host)
    box = QVBoxLayout(host)
    labels = {}
    for tone in theme._TONES:
        if tone in ("card", "card-main", "soft-table"):
            continue  # containers, not text: their text tones are checked below on their fill
        label = QLabel("가나다 Text 123")
        label.setStyleSheet("padding: 6px;")
        set_tone(label, tone)
        box.addWidget(label)
        labels[tone] = label
    host.show()
    for _ in range(2):
        QApplication.processEvents()
    low = {}
    for tone, label in labels.items():
        label.ensurePolished()
        fg = label.palette().color(R.WindowText)
        bg = label.grab().toImage().pixelColor(3, 3)
        if tone.startswith("card-"):  # text drawn on the card's fill
            bg = theme.qcolor("card_main_bg" if tone == "card-main-text" else "card_bg")
        if contrast_ratio(fg, bg) < AA:
            low[tone] = (fg.name(), bg.name(), round(contrast_ratio(fg, bg), 2))
    assert low == {}


def test_table_cells_of_the_real_tabs_read(themed: ThemeColors, qapp, qtbot, db_path: Path) -> None:
    """Every coloured cell of the watchlist and the monitors table, as the models return it."""
    window = build_window(db_path, lang="ko")
    apply_theme(qapp, "dark" if themed is DARK else "light")  # build_window applies the saved theme
    qtbot.addWidget(window)
    pal = qapp.palette()
    low = []
    for name in ("watchlist", "monitors"):
        window.show_tab(name)
        model = window.pages.built[name].view.model()
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                index = model.index(r, c)
                fg, bg = index.data(ROLE.ForegroundRole), index.data(ROLE.BackgroundRole)
                fg = fg.color() if hasattr(fg, "color") else fg
                bg = bg.color() if hasattr(bg, "color") else bg
                fg = fg or pal.color(R.Text)
                bg = bg or pal.color(R.AlternateBase if r % 2 else R.Base)
                if index.data() and contrast_ratio(fg, bg) < AA:
                    low.append((name, r, c, index.data(), fg.name(), bg.name()))
    window.ctx.stop()
    window.close()
    assert low == []


def test_heat_map_text_picks_the_readable_colour() -> None:
    from PySide6.QtGui import QColor

    from qnai_desktop.ui.scenarios.grid_model import HIGH, LOW

    for t in [i / 100 for i in range(101)]:  # every shade of the sensitivity grid
        bg = QColor(*(int(v) for v in LOW + (HIGH - LOW) * t))
        assert contrast_ratio(readable_text(bg), bg) >= AA, (t, bg.name())
