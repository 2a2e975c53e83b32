"""``qnai-desktop refresh [--source NAME...] [--json]``: fetch new data from the live sources.

Cron-friendly: quiet on success apart from one line per source; exit 2 when any source failed
(its reason on stderr); each source is its own transaction, so the others still land. Without
``--source`` a source that cannot run (no OpenRouter or Artificial Analysis key, no SEC
User-Agent for ``meta_ads``) is skipped, not failed. Base URLs can be pointed elsewhere with
``QNAI_<PROVIDER>_BASE_URL``; keys can come from ``QNAI_<SOURCE>_API_KEY``.
"""

from __future__ import annotations

import argparse
import sys

from ._common import fail, open_cache, print_json

NAME = "refresh"
HELP = ("fetch new observations from npm, gpurentalprices, Epoch AI, the agent tracker, OpenRouter, "
        "FRED, StatCounter, Artificial Analysis and Meta's earnings releases")


def register(parser: argparse.ArgumentParser) -> None:
    from ..services.fundamentals import FUNDAMENTAL_PROVIDERS
    from ..services.providers import PROVIDERS

    names = [*PROVIDERS, *FUNDAMENTAL_PROVIDERS]
    parser.add_argument("--source", action="append", choices=names, metavar="NAME",
                        help=f"only this source (repeatable): {', '.join(names)}")
    parser.add_argument("--json", action="store_true", help="machine-readable output")


def run(args: argparse.Namespace) -> int:
    from ..services.refresh import run_refresh
    from ..services.refresh_sources import SourceConfigError, configured_providers

    with open_cache(args) as cache:
        try:
            providers = configured_providers(cache, args.source)
        except SourceConfigError as exc:
            return fail(str(exc))
        result = run_refresh(cache, providers, explicit=bool(args.source))
    if args.json:
        print_json(result.to_dict())
    else:
        for s in result.sources:
            tail = s.change.summary() if s.status == "ok" else s.error
            print(f"{s.source}: {s.status} — {tail} ({s.requests} request(s), {s.seconds:.1f} s)")
    for s in result.failed:
        print(f"error: {s.source}: {s.error}", file=sys.stderr)
    return 0 if result.ok else 2
