"""Linked workbooks (think-cell's "data links"): a file she linked once is re-read when it changes.

For the CLI (``qnai-desktop links``), ``refresh --source links`` and the window:

* ``preview_link(cache, path, sheet="") -> ImportPreview`` — the import dialog's preview;
* ``add_link(cache, preview, sheet="", dry_run=False, replace=False) -> LinkResult`` — link
  and import in one transaction (``.link_id``, ``.result`` an ImportResult, ``.change``);
* ``reread_link(cache, link_id, force=False, write=None) -> LinkRead`` — the file watcher's
  call after she saves (``.state`` ok / unchanged / moved / unreadable / conflict,
  ``.message``, ``.notes``, ``.change``, ``.line()``);
* ``refresh_links(cache, …) -> list[LinkRead]``; ``list_links(cache) -> list[LinkInfo]``;
  ``remove_link(cache, link_id) -> ChangeSet``;
* ``LinkedFiles()`` — the ``links`` source that ``services.refresh.run_refresh`` runs.
"""

from __future__ import annotations

from .service import (
    CONFLICT,
    LINKS_SOURCE,
    MOVED,
    OK,
    UNCHANGED,
    UNREADABLE,
    LinkError,
    LinkInfo,
    LinkRead,
    LinkResult,
    add_link,
    add_links,
    list_links,
    preview_link,
    refresh_links,
    remove_link,
    reread_link,
    split_status,
)


def __getattr__(name: str):
    """``LinkedFiles`` (the refresh source) on first use: it is a provider, and importing the
    providers pulls in the HTTP stack, which the window's file watcher never needs."""
    if name == "LinkedFiles":
        from .source import LinkedFiles

        return LinkedFiles
    raise AttributeError(name)

__all__ = ["CONFLICT", "LINKS_SOURCE", "MOVED", "OK", "UNCHANGED", "UNREADABLE", "LinkError",
           "LinkInfo", "LinkRead", "LinkResult", "LinkedFiles", "add_link", "add_links",
           "list_links",
           "preview_link", "refresh_links", "remove_link", "reread_link", "split_status"]
