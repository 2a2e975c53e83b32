"""Ordered schema migrations. ``PRAGMA user_version`` holds the number of the last one applied.

Each migration is a list of SQL statements run inside one transaction. Never edit a shipped
migration; append a new one. ``SCHEMA_VERSION`` is what this build writes.
"""

from __future__ import annotations

MIGRATIONS: list[list[str]] = [
    # v1: the cache as first shipped.
    [
        """CREATE TABLE companies (
            ticker TEXT PRIMARY KEY,
            name_ko TEXT NOT NULL,
            name_en TEXT NOT NULL,
            market_cap_usd_bn REAL CHECK (market_cap_usd_bn IS NULL OR market_cap_usd_bn >= 0),
            per_12mf REAL,
            thesis1_ko TEXT NOT NULL DEFAULT '',
            thesis2_ko TEXT NOT NULL DEFAULT '',
            thesis1_en TEXT NOT NULL DEFAULT '',
            thesis2_en TEXT NOT NULL DEFAULT '',
            as_of TEXT,
            position INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE series (
            id TEXT PRIMARY KEY,
            title_ko TEXT NOT NULL,
            title_en TEXT NOT NULL,
            unit TEXT NOT NULL,
            frequency TEXT NOT NULL,
            source TEXT NOT NULL,
            source_ko TEXT NOT NULL DEFAULT '',
            note_ko TEXT NOT NULL DEFAULT '',
            note_en TEXT NOT NULL DEFAULT '',
            is_demo INTEGER NOT NULL DEFAULT 0,
            licence TEXT NOT NULL DEFAULT '',
            extra TEXT NOT NULL DEFAULT '{}'
        )""",
        """CREATE TABLE observations (
            series_id TEXT NOT NULL REFERENCES series(id) ON DELETE CASCADE,
            date TEXT NOT NULL,
            value REAL,
            n INTEGER,
            PRIMARY KEY (series_id, date)
        ) WITHOUT ROWID""",
        """CREATE TABLE facts (
            id TEXT PRIMARY KEY,
            value REAL NOT NULL,
            unit TEXT NOT NULL,
            label_ko TEXT NOT NULL,
            label_en TEXT NOT NULL,
            quote TEXT NOT NULL,
            location TEXT NOT NULL
        )""",
        """CREATE TABLE provenance (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            how TEXT NOT NULL CHECK (how IN ('import','fetch','edit','seed','migration','delete')),
            origin TEXT NOT NULL DEFAULT '',
            target TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL DEFAULT '',
            added INTEGER NOT NULL DEFAULT 0,
            changed INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            detail TEXT NOT NULL DEFAULT ''
        )""",
        """CREATE TABLE scenarios (
            id INTEGER PRIMARY KEY,
            model_id TEXT NOT NULL,
            name TEXT NOT NULL,
            params TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (model_id, name)
        )""",
        """CREATE TABLE alert_rules (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            spec TEXT NOT NULL,
            enabled INTEGER NOT NULL DEFAULT 1,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE alert_events (
            id INTEGER PRIMARY KEY,
            rule_id INTEGER NOT NULL REFERENCES alert_rules(id) ON DELETE CASCADE,
            at TEXT NOT NULL,
            series_id TEXT NOT NULL DEFAULT '',
            value REAL,
            message TEXT NOT NULL,
            acknowledged_at TEXT
        )""",
    ],
    # v2: watchlist history and evidence links, key/value settings, user charts, rule state.
    [
        """CREATE TABLE company_history (
            id INTEGER PRIMARY KEY,
            ticker TEXT NOT NULL,
            at TEXT NOT NULL,
            as_of TEXT,
            market_cap_usd_bn REAL,
            per_12mf REAL,
            how TEXT NOT NULL
        )""",
        "CREATE INDEX company_history_ticker ON company_history(ticker, at)",
        """CREATE TABLE company_links (
            ticker TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('series','chart','monitor','scenario')),
            target TEXT NOT NULL,
            PRIMARY KEY (ticker, kind, target)
        )""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE user_charts (
            id TEXT PRIMARY KEY,
            spec TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE TABLE alert_state (rule_id INTEGER PRIMARY KEY, active INTEGER NOT NULL)",
        # Backfill history from the v1 rows so no snapshot is lost.
        """INSERT INTO company_history (ticker, at, as_of, market_cap_usd_bn, per_12mf, how)
           SELECT ticker, COALESCE(as_of, ''), as_of, market_cap_usd_bn, per_12mf, 'migration'
           FROM companies""",
    ],
    # v3: dated, sourced inputs behind the watchlist numbers (shares, close, earnings estimate,
    # capex …), one row per company and field; the companies row keeps the displayed figures.
    [
        """CREATE TABLE company_values (
            ticker TEXT NOT NULL,
            field TEXT NOT NULL,
            value REAL,
            as_of TEXT,
            source TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (ticker, field)
        )""",
    ],
    # v4: per-series point count and first/last date, kept current by every write of
    # observations (store/series_repo.py), so listing, start-up and polling cost grows with the
    # number of series, not of observations.
    [
        """CREATE TABLE series_stats (
            series_id TEXT PRIMARY KEY REFERENCES series(id) ON DELETE CASCADE,
            points INTEGER NOT NULL,
            first TEXT,
            last TEXT
        ) WITHOUT ROWID""",
        """INSERT INTO series_stats (series_id, points, first, last)
           SELECT series_id, COUNT(*), MIN(date), MAX(date) FROM observations
           GROUP BY series_id""",
    ],
    # v5: workbooks linked once and re-read when they change (think-cell's data links), and
    # the dated events, callouts and difference arrows drawn on charts (screen and exports).
    [
        """CREATE TABLE linked_files (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            sheet TEXT NOT NULL DEFAULT '',
            mapping TEXT NOT NULL DEFAULT '{}',
            content_hash TEXT NOT NULL DEFAULT '',
            last_read_at TEXT,
            status TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (path, sheet)
        )""",
        """CREATE TABLE chart_annotations (
            id INTEGER PRIMARY KEY,
            chart_id TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('event', 'callout', 'arrow')),
            date TEXT NOT NULL,
            label_ko TEXT NOT NULL DEFAULT '',
            label_en TEXT NOT NULL DEFAULT '',
            spec TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX chart_annotations_chart ON chart_annotations(chart_id, date)",
    ],
    # v6: the day an alert's rule saw the crossing, stored with the event (its chart shades the
    # window ending there); older events get it from their message's "(YYYY-MM-DD)" ending.
    [
        "ALTER TABLE alert_events ADD COLUMN observed TEXT",
        """UPDATE alert_events SET observed = substr(rtrim(message), -11, 10)
            WHERE rtrim(message) GLOB '*([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])'""",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
