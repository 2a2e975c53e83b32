"""The UI language: Qt Linguist catalogues, Qt's own translations, and the one current language.

How a widget speaks (the Qt way):

* Source text is English: ``self.tr("Refresh")`` in a QObject's method; elsewhere
  ``QCoreApplication.translate("Context", "…")``; a table defined at module level marks its texts
  with ``QT_TRANSLATE_NOOP("Context", "…")`` and translates them where they are shown. Fields are
  filled after translation: ``self.tr("Cache: {path}").format(path=…)``.
* ``scripts/update_translations.sh`` extracts the texts into ``resources/i18n/qnai_ko.ts`` and
  ``qnai_en.ts`` (pyside6-lupdate) and compiles the committed ``.qm`` files (pyside6-lrelease).
* :func:`set_language` installs our catalogue and Qt's ``qtbase_<lang>.qm`` (OK/Cancel, file
  dialogs, context menus); Qt then sends every widget a ``QEvent.LanguageChange``, and each widget
  sets its texts again in ``changeEvent`` (its ``retranslate()``).
* Content — series titles, notes, thesis lines, unit words — is data in both languages
  (``core.localized.Localized``); UI code picks a side with :func:`current_language`.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...core.localized import LANGUAGES
from ...paths import resources_dir

log = logging.getLogger(__name__)

_current = "en"  # what the UI shows with no catalogue installed: the English source texts
_translators: list[QTranslator] = []


def current_language() -> str:
    """``"ko"`` or ``"en"``: the language the UI shows now (content follows it)."""
    return _current


def catalogue_dir() -> Path:
    return resources_dir() / "i18n"


def system_language() -> str:
    """Korean on a Korean system (``ko_*``), English on any other."""
    return "ko" if QLocale.system().language() == QLocale.Language.Korean else "en"


def startup_language(explicit: str | None = None) -> str:
    """``--lang`` wins, then the remembered choice (settings ``main/lang``), then the system."""
    if explicit in LANGUAGES:
        return str(explicit)
    from .settings import make_settings

    saved = make_settings().value("main/lang")
    return str(saved) if saved in LANGUAGES else system_language()


def set_language(lang: str) -> bool:
    """Show the UI in ``lang``: install its catalogue and Qt's own, replacing the previous ones.

    Installing posts ``QEvent.LanguageChange`` to every widget. False when nothing changed."""
    global _current
    lang = lang if lang in LANGUAGES else "en"
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs the QApplication")
    if lang == _current and _translators:
        return False
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qnai_{lang}", str(catalogue_dir())), (f"qtbase_{lang}", qt_dir)):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _translators.append(translator)
        elif lang != "en":  # English needs no catalogue: the source texts are English
            log.warning("no translation catalogue %s in %s", name, folder)
    changed = lang != _current
    _current = lang
    return changed
