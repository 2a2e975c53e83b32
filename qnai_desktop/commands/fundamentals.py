"""``qnai-desktop fundamentals …``: live market caps, PERs and capex behind the watchlist.

  refresh [--source sec|quotes]…   fetch SEC filings / end-of-day prices, recompute (exit 2 on failure)
  show [--ticker T] [--json]       every value with its as-of date, source and stale flag
  set-earnings TICKER USD_BN       the analyst's 12MF earnings estimate (PER follows)
  import-prices FILE               closes from a Bloomberg/CSV price export
  set-user-agent "Name e-mail"     the User-Agent SEC requires (or $QNAI_SEC_USER_AGENT)
  set-key                          the quote service's API key, into the OS keyring (stdin)

SEC's base URL can be pointed at a replay server with ``QNAI_SEC_BASE_URL``, quotes' with
``QNAI_QUOTES_BASE_URL``.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date

from ._common import fail, open_cache, print_json

NAME = "fundamentals"
HELP = "live market cap / PER and hyperscaler capex from SEC filings and quotes"
SOURCES = ("sec", "quotes")


def register(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="fundamentals_command", required=True, metavar="ACTION")
    ref = sub.add_parser("refresh", help="fetch SEC filings and/or end-of-day prices")
    ref.add_argument("--source", action="append", choices=SOURCES, metavar="NAME",
                     help="sec or quotes (repeatable; default: both, skipping one that cannot run)")
    show = sub.add_parser("show", help="values with as-of dates, sources and stale flags")
    show.add_argument("--ticker", help="one name only")
    show.add_argument("--today", type=date.fromisoformat, default=None, help=argparse.SUPPRESS)
    earn = sub.add_parser("set-earnings", help="the analyst's 12MF earnings estimate, USD bn")
    earn.add_argument("ticker")
    earn.add_argument("usd_bn", type=float)
    earn.add_argument("--as-of", type=date.fromisoformat, default=None,
                      help="date of the estimate (default: today)")
    imp = sub.add_parser("import-prices", help="last closes from a price export (.csv/.xlsx)")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="match and report, write nothing")
    ua = sub.add_parser("set-user-agent", help="User-Agent for SEC EDGAR: your name and e-mail")
    ua.add_argument("text")
    key = sub.add_parser("set-key", help="store the quote service's API key in the OS keyring")
    key.add_argument("--source", default="tiingo", help="quote service (default tiingo)")
    for p in (ref, show, earn, imp, ua, key):
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.add_argument("--db", default=argparse.SUPPRESS, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    action = args.fundamentals_command.replace("-", "_")
    return globals()[f"_{action}"](args)


def _refresh(args: argparse.Namespace) -> int:
    from ..services.fundamentals import make_fundamental_providers
    from ..services.refresh import run_refresh

    with open_cache(args) as cache:
        providers = make_fundamental_providers(args.source, cache)
        result = run_refresh(cache, providers, explicit=bool(args.source))
    notes = {p.name: list(getattr(p, "warnings", [])) for p in providers}
    if args.json:
        data = result.to_dict()
        for s in data["sources"]:
            s["notes"] = notes.get(s["source"], [])
        print_json(data)
    else:
        for s in result.sources:
            tail = s.change.summary() if s.status == "ok" else s.error
            print(f"{s.source}: {s.status} — {tail} ({s.requests} request(s), {s.seconds:.1f} s)")
            for note in notes.get(s.source, []) if s.status == "ok" else []:
                print(f"  note: {note}")
    for s in result.failed:
        print(f"error: {s.source}: {s.error}", file=sys.stderr)
    return 0 if result.ok else 2


def _show(args: argparse.Namespace) -> int:
    from ..services.fundamentals import value_table
    from ..services.fundamentals.scenario_inputs import scenario_inputs

    today = args.today or date.today()
    with open_cache(args) as cache:
        table = value_table(cache, today)
        actual = scenario_inputs(cache, "meta_compute_sale")
    if args.ticker:
        ticker = args.ticker.upper()
        if ticker not in table:
            return fail(f"{ticker} is not in the watchlist")
        table = {ticker: table[ticker]}
    if args.json:
        print_json({"today": today.isoformat(), "values": table,
                    "meta_capex_share_ttm": actual.get("actual_meta_ttm_share")})
        return 0
    for ticker, fields in table.items():
        print(ticker)
        for name, v in fields.items():
            shown = "-" if v["value"] is None else f"{v['value']:,.6g}"
            stale = "  [stale]" if v["stale"] else ""
            print(f"  {name:<22} {shown:>16}  {v['as_of'] or '-':<10}  {v['source']}{stale}")
    if actual:
        a = actual["actual_meta_ttm_share"]
        print(f"Meta share of major AI capex (TTM): {a['value']:.1%} as of {a['as_of']} "
              f"(note: 17% in 2026F) — {a['source']}")
    return 0


def _set_earnings(args: argparse.Namespace) -> int:
    from ..services.fundamentals import set_earnings

    as_of = (args.as_of or date.today()).isoformat()
    with open_cache(args) as cache:
        try:
            change = set_earnings(cache, args.ticker, args.usd_bn, as_of)
        except (KeyError, ValueError) as exc:
            return fail(str(exc).strip("'\""))
        row = cache.watchlist.company(args.ticker.upper())
    if args.json:
        print_json({"ticker": row["ticker"], "earnings_12mf_usd_bn": args.usd_bn, "as_of": as_of,
                    "per_12mf": row["per_12mf"], "changed": change.added + change.changed})
    else:
        print(f"{row['ticker']}: 12MF earnings {args.usd_bn:,.1f} (analyst, {as_of}) → "
              f"PER {row['per_12mf'] if row['per_12mf'] is not None else '-'}")
    return 0


def _import_prices(args: argparse.Namespace) -> int:
    from ..services.fundamentals import import_prices
    from ..services.importers import ImportFileError

    with open_cache(args) as cache:
        try:
            res = import_prices(cache, args.file, dry_run=args.dry_run)
        except ImportFileError as exc:
            return fail(f"{exc} — nothing was imported")
    if not res.closes:
        return fail(f"{args.file}: no column matches a watchlist ticker "
                    f"(found: {', '.join(res.unmatched) or 'none'}) — nothing was imported")
    if args.json:
        print_json({**res.to_dict(), "dry_run": bool(args.dry_run)})
    else:
        for t, (d, v) in res.closes.items():
            print(f"{t:<6} close {v:,.2f} on {d}")
        for t, (d, v) in res.at_note.items():
            print(f"{t:<6} close {v:,.2f} on {d}, the note's as-of: market cap and PER move with "
                  "the price until share counts arrive")
        if res.unmatched:
            print(f"not matched: {', '.join(res.unmatched)}")
        print(("would import" if args.dry_run else "imported") + f": {len(res.closes)} close(s)")
    return 0


def _set_user_agent(args: argparse.Namespace) -> int:
    from ..services.source_settings import UserAgentError, normalize_user_agent, set_user_agent

    try:
        text = normalize_user_agent(args.text)
    except UserAgentError as exc:
        return fail(str(exc))
    with open_cache(args) as cache:
        set_user_agent(cache, text)
    print_json({"user_agent": text}) if args.json else print(f"SEC User-Agent: {text}")
    return 0


def _set_key(args: argparse.Namespace) -> int:
    from ..services.fundamentals.quotes import SOURCES as QUOTE_SOURCES
    from ..services.secrets import SecretStoreError, set_key

    source = QUOTE_SOURCES.get(args.source)
    if source is None:
        return fail(f"unknown quote source {args.source!r}; known: {', '.join(QUOTE_SOURCES)}")
    prompt = f"{source.title} API key (input hidden; empty deletes it): "
    value = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline()
    try:
        set_key(source.key_name, value.strip())
    except SecretStoreError as exc:
        return fail(str(exc))
    done = "stored" if value.strip() else "deleted"
    print_json({"key": source.key_name, "status": done}) if args.json else \
        print(f"{source.title} key {done} in the OS keyring")
    return 0
