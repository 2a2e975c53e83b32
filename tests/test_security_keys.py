"""API keys stay in the keyring, and HTTP goes only to the configured base URLs (issue 10, item 6).

The analyst stores an OpenRouter key in the settings dialog (a memory keyring backend here), a
keyed refresh runs against a local replay server with the log file, the settings file, the cache
and the temp folder all under this test's tmp dir; then every byte the app wrote is scanned for
the key. The HTTP client is checked against redirects to other hosts (refused, the other host is
never contacted), https → http downgrades, untrusted TLS certificates, and every provider's
requests are recorded to prove they go to the configured base URL only.
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import json
import logging
import re
import ssl
import tempfile
from datetime import date
from pathlib import Path

import httpx
import pytest
from pytest_httpserver import HTTPServer

from qnai_desktop.logs import setup_logging
from qnai_desktop.services.providers import (
    PROVIDERS,
    HttpClient,
    OpenRouterRankings,
    ProviderError,
    make_providers,
)
from qnai_desktop.services.refresh import FAILED, OK, run_refresh
from qnai_desktop.store.cache import Cache

REPLAY = Path(__file__).resolve().parent / "fixtures" / "replay"
RANKINGS = "/api/v1/datasets/rankings-daily"
TODAY = date(2026, 7, 13)  # the replay file holds complete weeks up to 2026-07-06
# A realistic key (the log filter would mask it) and one no redaction pattern recognises: the
# second proves the key is never handed to a log call, a message or a setting in the first place.
LOOPBACK = "127.0.0.1"  # test servers bind an address: "localhost" may not resolve (no /etc/hosts)
KEYS = ["sk-or-v1-" + "0123456789abcdef" * 4, "Qnai~Test.Key!42"]


@pytest.fixture
def app_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Settings, log and temp files of the app under ``tmp_path``; every log record at DEBUG,
    from any logger (httpx, werkzeug, qnai_desktop.*), goes to the app's log file too."""
    monkeypatch.setenv("QNAI_SETTINGS", str(tmp_path / "config" / "settings.ini"))
    monkeypatch.setenv("QNAI_LOG", str(tmp_path / "logs" / "qnai-desktop.log"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    app_logger, root = logging.getLogger("qnai"), logging.getLogger()
    kept = (list(app_logger.handlers), app_logger.level, root.level)
    for h in list(app_logger.handlers):  # setup_logging is idempotent: start from none
        app_logger.removeHandler(h)
    log_file = setup_logging(logging.DEBUG)
    [handler] = app_logger.handlers
    root.addHandler(handler)  # the app logs under "qnai"; refresh logs under "qnai_desktop.*"
    root.setLevel(logging.DEBUG)
    yield tmp_path, log_file
    root.removeHandler(handler)
    app_logger.removeHandler(handler)
    handler.close()
    for h in kept[0]:
        app_logger.addHandler(h)
    app_logger.setLevel(kept[1])
    root.setLevel(kept[2])


def store_key_in_settings_dialog(qtbot, tmp_path: Path, key: str) -> None:
    from qnai_desktop.ui.shell.settings_dialog import SettingsDialog

    dialog = SettingsDialog(str(tmp_path / "cache.sqlite"), ["house_default"])
    qtbot.addWidget(dialog)
    dialog.key.setText(key)
    dialog.save_and_accept()


def key_forms(key: str) -> list[bytes]:
    raw = key.encode()
    return [raw, key.encode("utf-16-le"), base64.b64encode(raw), base64.b64encode(f"Bearer {key}".encode()),
            raw.hex().encode()]


def files_with_key(folder: Path, key: str) -> list[str]:
    return [str(p.relative_to(folder)) for p in sorted(folder.rglob("*")) if p.is_file()
            and any(form in p.read_bytes() for form in key_forms(key))]


@pytest.mark.parametrize("key", KEYS)
def test_a_keyed_refresh_writes_the_key_nowhere(qtbot, ring, app_files, db_path: Path, httpserver,
                                                monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    tmp, log_file = app_files
    store_key_in_settings_dialog(qtbot, tmp, key)
    assert ring.store[("qnai-desktop", "openrouter")] == key
    httpserver.expect_request(RANKINGS, headers={"Authorization": f"Bearer {key}"}).respond_with_data(
        (REPLAY / "openrouter_rankings_daily.json").read_bytes(), content_type="application/json")
    monkeypatch.setenv("QNAI_OPENROUTER_BASE_URL", httpserver.url_for(""))
    with Cache.open(db_path) as cache:
        result = run_refresh(cache, make_providers(["openrouter_rankings"]), explicit=True, today=TODAY)
        assert [s.status for s in result.sources] == [OK], result.to_dict()
        assert not cache.series.meta("openrouter.tokens.anthropic").is_demo  # the keyed data landed
        wal = Path(f"{db_path}-wal")
        assert wal.is_file() and wal.stat().st_size > 0
        assert files_with_key(tmp, key) == []  # cache + WAL open, settings, log, temp
        assert key not in json.dumps(result.to_dict())
        assert key not in "\n".join(cache.db.conn.iterdump())
    assert "rankings-daily" in log_file.read_text(encoding="utf-8")  # the refresh was logged
    assert Path(tmp / "config" / "settings.ini").is_file()
    assert files_with_key(tmp, key) == []  # after the WAL is checkpointed into the cache file


@pytest.mark.parametrize("key", KEYS)
def test_a_server_echoing_the_key_in_its_error_does_not_leak_it(ring, app_files, db_path: Path, httpserver,
                                                                key: str) -> None:
    tmp, _log_file = app_files
    ring.set_password("qnai-desktop", "openrouter", key)
    httpserver.expect_request(RANKINGS).respond_with_json(
        {"error": {"code": 401, "message": f"Invalid key {key} (Bearer {key})"}}, status=401)
    with Cache.open(db_path) as cache:
        result = run_refresh(cache, [OpenRouterRankings(httpserver.url_for(""))], explicit=True, today=TODAY)
        [res] = result.sources
        assert res.status == FAILED and "HTTP 401" in res.error, res.error
        assert key not in res.error
    assert files_with_key(tmp, key) == []


# --- HTTP only to the configured base URL -------------------------------------------------------------

@pytest.fixture
def other_host():
    """A second server on another loopback address (127.0.0.2; all of 127/8 is loopback on Linux)
    that must never be called."""
    server = HTTPServer(host="127.0.0.2")
    server.expect_request(re.compile(".*")).respond_with_data("stolen", status=200)
    server.start()
    yield server
    server.clear()
    server.stop()


def test_a_redirect_to_another_host_is_refused(ring, db_path: Path, httpserver, other_host) -> None:
    key = KEYS[0]
    ring.set_password("qnai-desktop", "openrouter", key)
    httpserver.expect_request(RANKINGS).respond_with_data(
        "", status=302, headers={"Location": other_host.url_for(RANKINGS)})
    with Cache.open(db_path) as cache:
        [res] = run_refresh(cache, [OpenRouterRankings(httpserver.url_for(""))], explicit=True,
                            today=TODAY).sources
    assert res.status == FAILED and "refused a redirect" in res.error, res.error
    assert other_host.log == []  # the other host never saw a request, let alone the key


def test_a_redirect_on_the_same_server_is_followed(ring, db_path: Path, httpserver) -> None:
    ring.set_password("qnai-desktop", "openrouter", KEYS[0])
    httpserver.expect_request(RANKINGS).respond_with_data("", status=301, headers={"Location": "/v2"})
    httpserver.expect_request("/v2", headers={"Authorization": f"Bearer {KEYS[0]}"}).respond_with_data(
        (REPLAY / "openrouter_rankings_daily.json").read_bytes(), content_type="application/json")
    with Cache.open(db_path) as cache:
        [res] = run_refresh(cache, [OpenRouterRankings(httpserver.url_for(""))], explicit=True,
                            today=TODAY).sources
    assert res.status == OK, res.error


@pytest.mark.parametrize("location", ["http://api.example/data", "https://evil.example/data",
                                      "https://api.example:8443/data", "//evil.example/data"])
def test_redirects_off_the_origin_or_down_to_http_are_refused(location: str) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(302, headers={"Location": location})

    with HttpClient(transport=httpx.MockTransport(handler), retries=0) as http, \
            pytest.raises(ProviderError, match="refused a redirect"):
        http.get("https://api.example/start")
    assert seen == ["https://api.example/start"]


def test_an_endless_same_origin_redirect_loop_gives_up() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "/again"})

    with HttpClient(transport=httpx.MockTransport(handler), retries=0) as http, \
            pytest.raises(ProviderError, match="redirects"):
        http.get("https://api.example/start")


class RecordingTransport(httpx.HTTPTransport):
    def __init__(self, seen: list[str]) -> None:
        super().__init__()
        self.seen = seen

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(str(request.url))
        return super().handle_request(request)


def test_every_provider_calls_only_its_configured_base_url(ring, db_path: Path, httpserver,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    ring.set_password("qnai-desktop", "openrouter", KEYS[0])
    ring.set_password("qnai-desktop", "artificial_analysis", KEYS[1])
    monkeypatch.setenv("QNAI_SEC_USER_AGENT", "Jane Analyst jane@example.com")  # meta_ads runs too
    base = httpserver.url_for("").rstrip("/")
    for env in {p.env for p in PROVIDERS.values()}:
        monkeypatch.setenv(f"QNAI_{env}_BASE_URL", base)
    httpserver.expect_request(re.compile(".*")).respond_with_data("{}", status=404)
    seen: list[str] = []
    with Cache.open(db_path) as cache:
        result = run_refresh(cache, make_providers(), explicit=True, today=TODAY,
                             http_factory=lambda cancel: HttpClient(
                                 cancelled=cancel, retries=0, transport=RecordingTransport(seen)))
    assert {s.source for s in result.sources} == set(PROVIDERS)
    asked = {s.source for s in result.sources if s.requests}
    assert {"artificial_analysis", "meta_ads", "fred", "statcounter"} <= asked  # keyed ones ran too
    assert seen and all(url.startswith(base + "/") for url in seen), seen


def self_signed(folder: Path) -> ssl.SSLContext:
    crypto = pytest.importorskip("cryptography")
    del crypto
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, LOOPBACK)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address(LOOPBACK))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                       serialization.PrivateFormat.PKCS8,
                                                       serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "cert.pem", folder / "key.pem")
    return context


def test_tls_certificates_are_verified(tmp_path: Path) -> None:
    server = HTTPServer(host=LOOPBACK, ssl_context=self_signed(tmp_path))
    server.expect_request("/x").respond_with_data("{}")
    server.start()
    try:
        with HttpClient(retries=0) as http, pytest.raises(ProviderError, match="connection failed"):
            http.get(server.url_for("/x"))
        assert server.log == []  # the handshake failed: no request was sent
        # the control: trusting this certificate, the same URL works (it is valid for 127.0.0.1),
        # so the refusal above is about trust, not about the address
        trusted = ssl.create_default_context(cafile=str(tmp_path / "cert.pem"))
        assert httpx.get(server.url_for("/x"), verify=trusted).status_code == 200
    finally:
        server.stop()
