"""The note's watch points, seeded with their Korean names, read in English in the English UI;
a name she gave a rule stays hers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from qnai_desktop.core.monitors import WATCH_RULES, rule_display_name
from qnai_desktop.services import alerts
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.common.i18n import set_language
from qnai_desktop.ui.monitors.tab import MonitorsTab


def test_seeded_names_follow_the_ui_language_and_hers_stay(qtbot, db_path: Path) -> None:
    cache = Cache.open(db_path)
    ctx = AppContext(cache, poll_ms=3_600_000)
    try:
        alerts.add_rule(cache, {"kind": "level_above", "series": "cds.oracle_5y", "threshold": 400},
                        name="내 오라클 규칙")
        set_language("en")
        page = MonitorsTab(ctx, today=lambda: date(2026, 8, 10))
        qtbot.addWidget(page)
        page.show()
        qtbot.waitUntil(lambda: page.rules.table.rowCount() == len(WATCH_RULES) + 1)
        names = [page.rules.table.item(r, 1).text() for r in range(page.rules.table.rowCount())]
        assert set(names) == {w.name.en for w in WATCH_RULES} | {"내 오라클 규칙"}
        stored = {r.name for r in alerts.load_rules(cache)}
        assert stored >= {w.name.ko for w in WATCH_RULES}  # stored as seeded
    finally:
        ctx.stop()
        cache.close()


def test_display_name_maps_either_language_and_nothing_else() -> None:
    assert rule_display_name("코어위브 CDS 급등", "en") == "CoreWeave CDS jump"
    assert rule_display_name("CoreWeave CDS jump", "ko") == "코어위브 CDS 급등"
    assert rule_display_name("코어위브 CDS 급등 (내 버전)", "en") == "코어위브 CDS 급등 (내 버전)"
