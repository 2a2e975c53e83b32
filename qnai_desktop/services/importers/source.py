"""An import file opened by the shared reader (:mod:`services.table_files`), with its refusals
as ``ImportFileError`` naming the file, row, column and value."""

from __future__ import annotations

import io
from dataclasses import dataclass, fields
from pathlib import Path

from ..table_files import SAMPLE_ROWS, Sheet, TableFile, TableFileError, csv_rows, read_table
from .errors import ImportFileError

__all__ = ["SAMPLE_ROWS", "Sheet", "SourceFile", "open_source", "read_rows", "utf8_bytes",
           "utf8_stream"]


@dataclass
class SourceFile(TableFile):
    """A table file being imported: ``error(...)`` builds the located refusal."""

    def error(self, message: str, **where: object) -> ImportFileError:
        return ImportFileError(self.path, message, **where)  # type: ignore[arg-type]


def open_source(path: Path | str, *, sample: bool = False) -> SourceFile:
    """Read and decode ``path``; ``sample`` keeps only the first rows of a CSV grid."""
    try:
        table = read_table(path, sample=sample)
    except TableFileError as exc:
        raise ImportFileError(exc.path, exc.reason, row=exc.row) from None
    return SourceFile(**{f.name: getattr(table, f.name) for f in fields(TableFile)})


def read_rows(src: SourceFile, limit: int | None = None) -> list[list[object]]:
    """The CSV's rows (padded to one width), or the first ``limit`` rows."""
    try:
        return csv_rows(src.path, src.text, src.delimiter, limit)
    except TableFileError as exc:
        raise src.error(exc.reason, row=exc.row) from None


def _utf8_start(src: SourceFile) -> int | None:
    """Offset from which the file's bytes are exactly ``src.text`` in UTF-8 (past a BOM), or None."""
    if src.encoding == "UTF-8":
        return 0
    if src.encoding == "UTF-8 (BOM)" and not src.data.startswith(b"\xef\xbb\xbf" * 2):
        return 3
    return None


def utf8_bytes(src: SourceFile) -> bytes | None:
    """The file's bytes when they are exactly ``src.text`` in UTF-8 (BOM dropped), else None."""
    start = _utf8_start(src)
    return None if start is None else src.data[start:] if start else src.data


def utf8_stream(src: SourceFile) -> io.BytesIO | None:
    """``utf8_bytes`` as a stream over the file's own bytes, positioned past a BOM (a slice
    would copy 100 MB), else None."""
    start = _utf8_start(src)
    if start is None:
        return None
    stream = io.BytesIO(src.data)  # shares the bytes object's buffer: it is only read
    stream.seek(start)
    return stream
