"""Shared fixtures: offscreen Qt, private settings file, and a seeded cache per test."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings
from keyring.backend import KeyringBackend

from qnai_desktop.services.seed import open_cache
from qnai_desktop.store.cache import Cache

# Fuzzing depth: "ci" (default, short) or "long" (≥ 10,000 cases per property), chosen with
# HYPOTHESIS_PROFILE=long — see README "Long fuzz run". No example database: runs are reproducible
# from the printed seed, and nothing is written into the work tree.
settings.register_profile("ci", max_examples=100, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=10_000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SHARED_DATA = Path(os.environ.get("QNAI_SHARED_DATA",
                                  Path(__file__).resolve().parents[2] / "shared" / "data"))


@pytest.fixture(autouse=True)
def _private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the developer's real settings or cache."""
    monkeypatch.setenv("QNAI_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("QNAI_DB", str(tmp_path / "default-cache.sqlite"))


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver binds the name ``localhost`` by default, which fails where /etc/hosts is
    missing (a bare debootstrap; PITFALLS.md): every test server binds the address instead."""
    return ("127.0.0.1", 0)


@pytest.fixture
def unprivileged() -> Callable[[list[str]], list[str]]:
    """Wrap a command so that file permissions apply to it (a read-only folder stays read-only).

    Tests often run as root, which ignores permissions: then the command runs with every
    capability dropped (util-linux ``setpriv``), so CAP_DAC_OVERRIDE no longer lets it write.
    Running it as ``nobody`` would need the interpreter and the work tree readable by others.
    """
    if os.name != "posix" or os.geteuid() != 0:
        return lambda cmd: cmd
    setpriv = shutil.which("setpriv")
    drop = [setpriv or "setpriv", "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-all"]
    if setpriv is None or subprocess.run([*drop, "true"], capture_output=True).returncode != 0:
        pytest.skip("running as root and cannot drop capabilities (setpriv): a read-only folder "
                    "cannot be tested")
    return lambda cmd: [*drop, *cmd]


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "seeded.sqlite"
    open_cache(path).close()
    return path


@pytest.fixture
def db_path(seeded_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the seeded cache file for this test."""
    dest = tmp_path / "cache.sqlite"
    shutil.copy(seeded_template, dest)
    return dest


@pytest.fixture
def no_watch_rules(db_path: Path) -> None:
    """For tests of rules they build themselves: the cache without the seeded watch-point rules
    (a new cache has them; tests/journeys/test_1_morning_check.py checks they fire)."""
    c = Cache.open(db_path)
    for rule_id in c.alerts.rules()["id"]:
        c.alerts.delete_rule(int(rule_id))
    c.close()


@pytest.fixture
def cache(db_path: Path):
    c = Cache.open(db_path)
    yield c
    c.close()


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared datasets not found at {SHARED_DATA}")
    return SHARED_DATA


class MemoryKeyring(KeyringBackend):
    """An in-memory OS keyring stand-in (CI machines have no Secret Service)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def ring():
    """Install a fresh memory keyring for one test; the previous backend comes back after."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread():
    """As the app does (``app._start_window``: pyqtgraph's GarbageCollector): no automatic
    collection — it would run in whatever thread allocates, and a worker thread reading frames
    would then destroy an earlier test's Qt objects off the GUI thread — but a collection on
    the main thread after each test, generation by generation as the collector's thresholds
    say."""
    import gc

    was = gc.isenabled()
    gc.disable()
    yield
    threshold = gc.get_threshold()
    l0, l1, l2 = gc.get_count()
    if l0 > threshold[0]:
        gc.collect(0)
        if l1 > threshold[1]:
            gc.collect(1)
            if l2 > threshold[2]:
                gc.collect(2)
    if was:
        gc.enable()
