"""Qt test fixtures: every test starts with the English UI (the catalogues' source texts).

The UI language is application-wide state (the installed translators), so a test that switches to
Korean must not leave the next one in Korean."""

from __future__ import annotations

import pytest

from qnai_desktop.ui.common.i18n import set_language


@pytest.fixture(autouse=True)
def _english_ui(qapp) -> None:
    set_language("en")
