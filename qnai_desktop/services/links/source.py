"""``links`` as a refresh source: every linked workbook re-read when its content changed."""

from __future__ import annotations

from collections.abc import Callable

from ...core.changes import ChangeSet
from ...store.cache import Cache
from ..refresh import CANCELLED, FAILED, OK, SKIPPED, LocalSource, Progress, SourceResult, Write
from .service import LINKS_SOURCE, refresh_links

NO_LINKS = "no linked files (link one with qnai-desktop links add PATH)"


class LinkedFiles(LocalSource):
    """The linked workbooks as one source of ``run_refresh``: one transaction per changed file;
    the source fails (exit 2 in the CLI) when any link moved, broke or now conflicts, and its
    error names each of them; the others still land."""

    name = LINKS_SOURCE
    title_ko = "연결된 통합 문서"
    title_en = "Linked workbooks"
    terms = "the analyst's own files (e.g. a Bloomberg workbook under her terminal licence)"

    def run(self, cache: Cache, *, write: Write, progress: Progress, cancelled: Callable[[], bool],
            explicit: bool) -> SourceResult:
        if cache.links.list().empty:
            res = SourceResult(self.name, FAILED if explicit else SKIPPED, error=NO_LINKS)
            progress(self.name, 1, 1, NO_LINKS)
            return res
        reads = refresh_links(cache, write=write, cancelled=cancelled,
                              progress=lambda done, total, message: progress(self.name, done, total,
                                                                             message))
        change = ChangeSet()
        for r in reads:
            change.merge(r.change)
        failed = [r for r in reads if r.failed]
        status = FAILED if failed else CANCELLED if cancelled() else OK
        error = "; ".join(r.line() for r in failed) or ("cancelled" if status == CANCELLED else "")
        return SourceResult(self.name, status, change=change, error=error,
                            items=[{**r.to_dict(), "line": r.line()} for r in reads])
