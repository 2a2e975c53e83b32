"""Settings → Data sources: what she types is what the CLI's refresh reads (one path)."""

from __future__ import annotations

import pytest

from qnai_desktop.services.fundamentals.sec import UA_SETTING
from qnai_desktop.services.refresh_sources import configured_providers
from qnai_desktop.services.secrets import get_key
from qnai_desktop.store.cache import Cache
from qnai_desktop.ui.common import i18n
from qnai_desktop.ui.common.app_context import AppContext
from qnai_desktop.ui.shell.settings_dialog import SettingsDialog

UA = "Jane Analyst jane@example.com"


@pytest.fixture
def ctx(cache):
    c = AppContext(cache, poll_ms=60_000)
    yield c
    c.stop()


def _by_name(providers) -> dict:
    return {p.name: p for p in providers}


def test_user_agent_and_keys_typed_in_settings_are_what_the_cli_refresh_reads(
        qtbot, ctx, db_path, ring) -> None:
    before = _by_name(configured_providers(ctx.cache))
    assert "User-Agent" in before["sec"].unavailable()
    assert before["quotes"].unavailable() and before["artificial_analysis"].unavailable()
    dialog = SettingsDialog(str(db_path), ["house_default"], ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.focus_field("sec_user_agent"), "  Jane   Analyst jane@example.com ")
    qtbot.keyClicks(dialog.focus_field("tiingo"), "tiingo-key-0123456789")
    qtbot.keyClicks(dialog.focus_field("artificial_analysis"), "aa-key-abcdefghij")
    assert dialog.user_agent_note.text() == "Sent to SEC EDGAR with every request."
    dialog.save_and_accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    # the CLI opens the cache itself: wait for the operation to land, then read as it does
    cli = Cache.open(db_path)
    try:
        qtbot.waitUntil(lambda: cli.settings.get(UA_SETTING) == UA, timeout=5000)
        after = _by_name(configured_providers(cli))
    finally:
        cli.close()
    assert after["sec"].user_agent == UA and after["sec"].unavailable() is None
    assert after["meta_ads"].unavailable() is None  # the same User-Agent reaches Meta's filings
    assert after["quotes"].unavailable() is None and after["artificial_analysis"].unavailable() is None
    assert get_key("tiingo") == "tiingo-key-0123456789"
    assert get_key("artificial_analysis") == "aa-key-abcdefghij"
    # reopened, the dialog shows the stored User-Agent and masked keys, never the keys themselves
    again = SettingsDialog(str(db_path), ["house_default"], ctx=ctx)
    qtbot.addWidget(again)
    assert again.user_agent.text() == UA
    assert again.key_states["tiingo"].text() == "Stored: ••••6789"
    assert again.keys["tiingo"].text() == ""


def test_a_user_agent_without_an_email_is_refused_in_her_language(qtbot, ctx, db_path, ring) -> None:
    i18n.set_language("ko")
    dialog = SettingsDialog(str(db_path), ["house_default"], ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.focus_field("sec_user_agent"), "Jane Analyst")
    dialog.save_and_accept()
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert "이메일" in dialog.error.text(), dialog.error.text()
    assert ctx.cache.settings.get(UA_SETTING) is None
    assert dialog.sources_box.title() == "데이터 출처"


def test_without_a_keyring_the_key_is_refused_and_nothing_else_is_saved(qtbot, ctx, db_path) -> None:
    import keyring
    from keyring.backend import KeyringBackend
    from keyring.errors import KeyringError

    class Locked(KeyringBackend):
        priority = 1  # type: ignore[assignment]

        def get_password(self, service, username):
            return None

        def set_password(self, service, username, password):
            raise KeyringError("the Secret Service is locked")

        def delete_password(self, service, username):
            raise KeyringError("the Secret Service is locked")

    previous = keyring.get_keyring()
    keyring.set_keyring(Locked())
    try:
        i18n.set_language("ko")
        dialog = SettingsDialog(str(db_path), ["house_default"], ctx=ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.keyClicks(dialog.focus_field("sec_user_agent"), UA)
        qtbot.keyClicks(dialog.focus_field("artificial_analysis"), "aa-key-abcdefghij")
        dialog.save_and_accept()
    finally:
        keyring.set_keyring(previous)
    assert dialog.isVisible() and dialog.result() != dialog.DialogCode.Accepted
    assert dialog.error.text().startswith("키를 보관할 OS 키링이 없습니다")
    assert "locked" in dialog.error.toolTip()  # the keyring's own words, not on the dialog
    assert ctx.cache.settings.get(UA_SETTING) is None  # nothing half-saved
