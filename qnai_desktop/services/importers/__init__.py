"""Importers: files analysts get (CSV, Excel, Bloomberg BDH sheets, the shared datasets) → cache.

Usage (no Qt): ``p = preview_file(path, cache.series.metas(), remembered_mappings(cache))`` shows the
layout, encoding, candidate series and a suggested mapping (``p.mapping``, plain dataclasses the
dialog edits); ``keep_apart([p.mapping for p in previews], metas)`` gives the same header in two
files two series; ``commit_imports(cache, [p], dry_run=True)`` gives the exact counts and the
review (stored values from elsewhere it would overwrite) without writing;
``commit_imports(cache, [p])`` writes every file in one transaction, or refuses an unapproved
overwrite with ``ImportConflictError``.
"""

from __future__ import annotations

from .candidates import Candidate
from .commit import ImportResult, commit_imports, remembered_mappings, write_replacing_demo
from .conflicts import (
    ImportConflictError,
    MassChange,
    Review,
    SeriesConflict,
    choose,
    default_choices,
)
from .errors import ImportFileError
from .mapping import (
    EXISTING,
    NEW,
    NEW_SERIES,
    REPLACE,
    REPLACES_DEMO,
    SKIP,
    MappingRow,
    keep_apart,
    retarget,
)
from .paste import PasteError, frame_from_rows, split_pasted
from .preview import LAYOUT_LABELS, ImportPreview, preview_file

__all__ = ["EXISTING", "LAYOUT_LABELS", "NEW", "NEW_SERIES", "REPLACE", "REPLACES_DEMO", "SKIP",
           "Candidate", "ImportConflictError", "ImportFileError", "ImportPreview", "ImportResult",
           "MappingRow", "MassChange", "PasteError", "Review", "SeriesConflict", "choose",
           "commit_imports", "default_choices", "frame_from_rows", "keep_apart", "preview_file",
           "remembered_mappings", "retarget", "split_pasted", "write_replacing_demo"]
