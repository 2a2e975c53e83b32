"""Importers: files analysts get (CSV, Excel, Bloomberg BDH sheets, the shared datasets) → cache.

Usage (no Qt): ``p = preview_file(path, cache.metas(), remembered_mappings(cache))`` shows the
layout, encoding, candidate series and a suggested mapping (``p.mapping``, plain dataclasses the
dialog edits); ``commit_imports(cache, [p], dry_run=True)`` gives the exact counts without
writing; ``commit_imports(cache, [p])`` writes every file in one transaction.
"""

from __future__ import annotations

from .candidates import Candidate
from .commit import ImportResult, commit_imports, remembered_mappings, write_replacing_demo
from .errors import ImportFileError
from .mapping import EXISTING, NEW, REPLACES_DEMO, MappingRow, retarget
from .paste import PasteError, frame_from_rows, split_pasted
from .preview import LAYOUT_LABELS, ImportPreview, preview_file

__all__ = ["EXISTING", "LAYOUT_LABELS", "NEW", "REPLACES_DEMO", "Candidate", "ImportFileError",
           "ImportPreview", "ImportResult", "MappingRow", "PasteError", "commit_imports",
           "frame_from_rows", "preview_file", "remembered_mappings", "retarget", "split_pasted",
           "write_replacing_demo"]
