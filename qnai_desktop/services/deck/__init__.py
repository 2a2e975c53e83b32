"""The note as an editable PowerPoint deck: native charts, the note's pages, events, update in place.

The API (Qt-free; the GUI's pack exporter and the CLI call the same functions):

- :func:`gather_content` reads what a deck shows from the cache (on the caller's thread);
- :func:`write_deck` writes a new deck; :func:`pictures_needed` says which charts need a
  rendered picture (a chart that cannot be native, or all with ``charts="picture"``);
- :func:`update_deck` refreshes the app's charts and table in a deck she has edited.
"""

from .content import AUTHOR_KEY, DeckContent, gather_content, load_layout, set_author
from .update import DeckUpdateError, UpdateReport, update_deck
from .writer import CHART_MODES, DeckReport, pictures_needed, write_deck

__all__ = [
    "AUTHOR_KEY",
    "CHART_MODES",
    "DeckContent",
    "DeckReport",
    "DeckUpdateError",
    "UpdateReport",
    "gather_content",
    "load_layout",
    "pictures_needed",
    "set_author",
    "update_deck",
    "write_deck",
]
