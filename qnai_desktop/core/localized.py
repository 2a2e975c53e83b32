"""Content in two languages: series titles, notes, thesis lines, scenario labels, unit words.

UI strings (menus, buttons, dialogs) are Qt Linguist messages in ``ui/``; what the analyst's data
says is a :class:`Localized` pair kept with the data, always in the order (Korean, English). The
caller that knows the language picks a side: the UI reads it from ``ui.common.i18n``, the CLI and
exports from their ``--lang`` option.
"""

from __future__ import annotations

from typing import NamedTuple

LANGUAGES = ("ko", "en")


class Localized(NamedTuple):
    """A Korean/English pair (a tuple, so ``ko, en = pair`` still reads it)."""

    ko: str
    en: str

    def pick(self, lang: str) -> str:
        """The text in ``lang``; a language other than Korean reads English."""
        return self.ko if lang == "ko" else self.en

    def format(self, **kwargs: object) -> Localized:
        """Both sides with the same fields filled in."""
        return Localized(self.ko.format(**kwargs), self.en.format(**kwargs))
