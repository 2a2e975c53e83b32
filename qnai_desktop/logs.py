"""The log file in the user log dir, with secrets redacted before anything is written."""

from __future__ import annotations

import logging
import os
import re
from logging.handlers import RotatingFileHandler
from pathlib import Path

# API keys and bearer tokens never reach the log: anything that looks like one is masked.
_SECRET = re.compile(
    r"(?i)(api[_-]?key|token|bearer|secret|password)([\"'\s:=]+)([^\s\"',;]+)")
_AUTH_LINE = re.compile(r"(?i)(authorization\s*[:=]\s*)[^\n]+")
_KEYLIKE = re.compile(r"\b(sk-[A-Za-z0-9_-]{8,}|[A-Za-z0-9_-]{32,})\b")


def redact(text: str) -> str:
    text = _AUTH_LINE.sub(lambda m: f"{m.group(1)}***", text)
    text = _SECRET.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)
    return _KEYLIKE.sub("***", text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        return True


def log_path() -> Path:
    env = os.environ.get("QNAI_LOG")
    if env:
        return Path(env)
    from platformdirs import user_log_dir

    return Path(user_log_dir("qnai-desktop", "qnai")) / "qnai-desktop.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Rotate at 1 MB × 3; idempotent."""
    path = log_path()
    # "qnai" (UI loggers) and "qnai_desktop" (module loggers: getLogger(__name__)) both reach the file.
    loggers = [logging.getLogger("qnai"), logging.getLogger("qnai_desktop")]
    if any(isinstance(h, RotatingFileHandler) for h in loggers[0].handlers):
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(level)
    return path
