"""The Qt Linguist catalogues: every message has its Korean and its English, carries the same
``{fields}`` as its source, the catalogues match the code (pyside6-lupdate finds nothing new) and the
committed ``.qm`` files are the compiled ``.ts``."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
CATALOGUES = {"ko": I18N / "qnai_ko.ts", "en": I18N / "qnai_en.ts"}
FIELD = re.compile(r"\{[^{}]*\}")
HANGUL = re.compile(r"[\uac00-\ud7a3]")
TOOLS = Path(sys.executable).parent


def messages(ts: Path) -> dict[tuple[str, str, str], ET.Element]:
    """(context, source, disambiguation) -> the <translation> element."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            out[key] = message.find("translation")
    return out


def _tool(name: str) -> Path:
    tool = TOOLS / name
    if not tool.exists():
        found = shutil.which(name)
        if found is None:
            pytest.skip(f"{name} not installed")
        tool = Path(found)
    return tool


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_message_has_its_translation(lang: str) -> None:
    found = messages(CATALOGUES[lang])
    assert len(found) > 400
    missing = [key for key, tr in found.items()
               if tr is None or not (tr.text or "").strip() or tr.get("type")]  # unfinished, vanished
    assert missing == [], missing[:10]


def test_both_catalogues_hold_the_same_messages() -> None:
    assert set(messages(CATALOGUES["ko"])) == set(messages(CATALOGUES["en"]))


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_translations_keep_the_fields_of_their_source(lang: str) -> None:
    wrong = [(key, tr.text) for key, tr in messages(CATALOGUES[lang]).items()
             if sorted(FIELD.findall(key[1])) != sorted(FIELD.findall(tr.text or ""))]
    assert wrong == [], wrong[:10]


def test_english_is_english_and_korean_is_korean() -> None:
    english = messages(CATALOGUES["en"])
    assert [k for k, tr in english.items() if HANGUL.search(tr.text or "")] == []
    korean = messages(CATALOGUES["ko"])
    untranslated = [k for k, tr in korean.items()
                    if tr.text == k[1] and re.search("[a-z]{3}", FIELD.sub("", k[1]))]
    # the same in both languages only where the words are names or units
    assert {k[1] for k in untranslated} <= {"12MF PER", "S&P 500"}, untranslated


def test_no_translated_text_hides_in_an_f_string() -> None:
    """pyside6-lupdate does not look inside f-strings: such a text would stay English."""
    hidden = []
    for path in (ROOT / "qnai_desktop" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and getattr(call.func, "attr", getattr(
                            call.func, "id", "")) in ("tr", "translate", "QT_TRANSLATE_NOOP"):
                        hidden.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    assert hidden == []


def test_catalogues_match_the_code(tmp_path: Path) -> None:
    """A text added or changed in the code without scripts/update_translations.sh fails here."""
    lupdate = _tool("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "qnai_desktop" / "ui").rglob("*.py"))
    sources.append(str(ROOT / "qnai_desktop" / "app.py"))
    fresh = tmp_path / "fresh.ts"
    shutil.copy(CATALOGUES["ko"], fresh)
    subprocess.run([str(lupdate), "-silent", "-locations", "none", "-no-obsolete", *sources,
                    "-ts", str(fresh)], check=True, capture_output=True, timeout=300)
    assert set(messages(fresh)) == set(messages(CATALOGUES["ko"]))
    assert [k for k, tr in messages(fresh).items() if tr.get("type")] == []


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_committed_qm_is_the_compiled_ts(lang: str, tmp_path: Path) -> None:
    lrelease = _tool("pyside6-lrelease")
    out = tmp_path / f"qnai_{lang}.qm"
    subprocess.run([str(lrelease), "-silent", str(CATALOGUES[lang]), "-qm", str(out)], check=True,
                   capture_output=True, timeout=120)
    assert out.read_bytes() == (I18N / f"qnai_{lang}.qm").read_bytes()
