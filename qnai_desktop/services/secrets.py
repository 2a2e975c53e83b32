"""API keys in the OS keyring (never in the cache, settings or logs)."""

from __future__ import annotations

SERVICE = "qnai-desktop"
#: Every key name the app stores (OpenRouter rankings; Tiingo end-of-day prices; Artificial
#: Analysis): services.scrub masks each of them in anything a refresh writes. A new keyed source
#: adds its name here.
KEY_NAMES = ("openrouter", "tiingo", "artificial_analysis")


class SecretStoreError(Exception):
    """No usable OS keyring (e.g. a headless Linux without a Secret Service)."""


def get_key(name: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(SERVICE, name)
    except KeyringError:
        return None


def stored_keys(names: tuple[str, ...] = KEY_NAMES) -> list[str]:
    """The keys stored under ``names`` (none when there is no usable keyring)."""
    found = []
    for name in names:
        try:
            value = get_key(name)
        except Exception:  # no keyring backend at all, or a broken one: nothing stored to find
            value = None
        if value:
            found.append(value)
    return found


def set_key(name: str, value: str) -> None:
    """Store (or, with an empty value, delete) a key; raise SecretStoreError with a clear reason."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if value:
            keyring.set_password(SERVICE, name, value)
        else:
            try:
                keyring.delete_password(SERVICE, name)
            except PasswordDeleteError:
                pass
    except KeyringError as exc:
        raise SecretStoreError(
            f"no OS keyring is available to store the {name} key ({exc}); "
            "install and unlock a Secret Service (e.g. GNOME Keyring or KWallet)") from exc


def masked(value: str | None) -> str:
    """``sk-or-v1-abcdef…wxyz`` → ``••••wxyz``."""
    if not value:
        return ""
    return "••••" + value[-4:] if len(value) > 8 else "••••"
