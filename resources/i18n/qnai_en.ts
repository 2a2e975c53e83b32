<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Q&amp;AI Desktop</source>
        <translation>Q&amp;AI Desktop</translation>
    </message>
    <message>
        <source>A desktop workstation for AI-infrastructure analysts</source>
        <translation>A desktop workstation for AI-infrastructure analysts</translation>
    </message>
    <message>
        <source>Data sources and licences</source>
        <translation>Data sources and licences</translation>
    </message>
    <message>
        <source>Illustrative (unsourced) data: {n} series</source>
        <translation>Illustrative (unsourced) data: {n} series</translation>
    </message>
    <message>
        <source>About Q&amp;AI Desktop</source>
        <translation>About Q&amp;AI Desktop</translation>
    </message>
</context>
<context>
    <name>AddChartDialog</name>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Stacked area</source>
        <translation>Stacked area</translation>
    </message>
    <message>
        <source>100% stacked area</source>
        <translation>100% stacked area</translation>
    </message>
    <message>
        <source>Bar</source>
        <translation>Bar</translation>
    </message>
    <message>
        <source>Dual axis</source>
        <translation>Dual axis</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Log scale</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>Moving average</translation>
    </message>
    <message>
        <source>YoY %</source>
        <translation>YoY %</translation>
    </message>
    <message>
        <source>To weekly</source>
        <translation>To weekly</translation>
    </message>
    <message>
        <source>To monthly</source>
        <translation>To monthly</translation>
    </message>
    <message>
        <source>Cumulative sum</source>
        <translation>Cumulative sum</translation>
    </message>
    <message>
        <source>Index to date = 100</source>
        <translation>Index to date = 100</translation>
    </message>
    <message>
        <source>Share of total %</source>
        <translation>Share of total %</translation>
    </message>
    <message>
        <source>Threshold day = 100</source>
        <translation>Threshold day = 100</translation>
    </message>
    <message>
        <source>Add chart</source>
        <translation>Add chart</translation>
    </message>
    <message>
        <source>Title (Korean)</source>
        <translation>Title (Korean)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Title (English)</translation>
    </message>
    <message>
        <source>Chart kind</source>
        <translation>Chart kind</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>Transform</translation>
    </message>
    <message>
        <source>Transform value</source>
        <translation>Transform value</translation>
    </message>
    <message>
        <source>Right-axis series</source>
        <translation>Right-axis series</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Filter series…</source>
        <translation>Filter series…</translation>
    </message>
    <message>
        <source>MA window / base date YYYY-MM-DD / cumulative threshold</source>
        <translation>MA window / base date YYYY-MM-DD / cumulative threshold</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>Illustrative data</translation>
    </message>
</context>
<context>
    <name>AlertWatcher</name>
    <message>
        <source>Alert evaluation failed: {error}</source>
        <translation>Alert evaluation failed: {error}</translation>
    </message>
    <message>
        <source>{n} new alert(s): {first}</source>
        <translation>{n} new alert(s): {first}</translation>
    </message>
    <message>
        <source>Q&amp;AI: {n} alert(s)</source>
        <translation>Q&amp;AI: {n} alert(s)</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <source>Add event</source>
        <translation>Add event</translation>
    </message>
    <message>
        <source>Add callout</source>
        <translation>Add callout</translation>
    </message>
    <message>
        <source>Add difference arrow</source>
        <translation>Add difference arrow</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>Date: {date}</translation>
    </message>
    <message>
        <source>Label (Korean)</source>
        <translation>Label (Korean)</translation>
    </message>
    <message>
        <source>Label (English, optional)</source>
        <translation>Label (English, optional)</translation>
    </message>
    <message>
        <source>e.g. Meta compute-sale report</source>
        <translation>e.g. Meta compute-sale report</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The cache file is damaged and no usable backup exists: {path}</source>
        <translation>The cache file is damaged and no usable backup exists: {path}</translation>
    </message>
    <message>
        <source>Q&amp;AI Desktop</source>
        <translation>Q&amp;AI Desktop</translation>
    </message>
    <message>
        <source>The cache file is damaged: {path}
Restore the newest automatic backup ({backup})? The damaged file is kept beside it.</source>
        <translation>The cache file is damaged: {path}
Restore the newest automatic backup ({backup})? The damaged file is kept beside it.</translation>
    </message>
    <message>
        <source>Restored. The damaged file: {damaged}</source>
        <translation>Restored. The damaged file: {damaged}</translation>
    </message>
</context>
<context>
    <name>CacheGuard</name>
    <message>
        <source>Q&amp;AI Desktop</source>
        <translation>Q&amp;AI Desktop</translation>
    </message>
    <message>
        <source>The cache file is damaged (SQLite: {reason}).
{path}

No usable backup exists. Every write is stopped. Keep a copy of the file and run `qnai-desktop cache check`.</source>
        <translation>The cache file is damaged (SQLite: {reason}).
{path}

No usable backup exists. Every write is stopped. Keep a copy of the file and run `qnai-desktop cache check`.</translation>
    </message>
    <message>
        <source>The cache file is damaged (SQLite: {reason}).
{path}

Restore the newest usable backup ({backup}) and reopen? The damaged file is kept beside it, not deleted.</source>
        <translation>The cache file is damaged (SQLite: {reason}).
{path}

Restore the newest usable backup ({backup}) and reopen? The damaged file is kept beside it, not deleted.</translation>
    </message>
</context>
<context>
    <name>ChartAnnotator</name>
    <message>
        <source>Delete “{label}”</source>
        <translation>Delete “{label}”</translation>
    </message>
    <message>
        <source>End the difference arrow here</source>
        <translation>End the difference arrow here</translation>
    </message>
    <message>
        <source>Cancel the difference arrow</source>
        <translation>Cancel the difference arrow</translation>
    </message>
    <message>
        <source>Add event at this date…</source>
        <translation>Add event at this date…</translation>
    </message>
    <message>
        <source>Add callout here…</source>
        <translation>Add callout here…</translation>
    </message>
    <message>
        <source>Start a difference arrow</source>
        <translation>Start a difference arrow</translation>
    </message>
    <message>
        <source>Click the arrow&apos;s end on the chart</source>
        <translation>Click the arrow&apos;s end on the chart</translation>
    </message>
    <message>
        <source>Annotation not saved</source>
        <translation>Annotation not saved</translation>
    </message>
</context>
<context>
    <name>ChartToolbar</name>
    <message>
        <source>1M</source>
        <translation>1M</translation>
    </message>
    <message>
        <source>3M</source>
        <translation>3M</translation>
    </message>
    <message>
        <source>6M</source>
        <translation>6M</translation>
    </message>
    <message>
        <source>YTD</source>
        <translation>YTD</translation>
    </message>
    <message>
        <source>1Y</source>
        <translation>1Y</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Log-scale y axis (line charts only)</source>
        <translation>Log-scale y axis (line charts only)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Show the plotted numbers</source>
        <translation>Show the plotted numbers</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copy image</translation>
    </message>
    <message>
        <source>1920×1080 image to the clipboard</source>
        <translation>1920×1080 image to the clipboard</translation>
    </message>
</context>
<context>
    <name>ChartsTab</name>
    <message>
        <source>Search charts…</source>
        <extracomment>Prepared charts by id, dropped when a change touches their series: flipping back to a chart whose data did not change costs a draw, not a read + transforms. asks before deleting (tests replace it); returns True to go ahead</extracomment>
        <translation>Search charts…</translation>
    </message>
    <message>
        <source>Add chart…</source>
        <translation>Add chart…</translation>
    </message>
    <message>
        <source>Delete chart…</source>
        <translation>Delete chart…</translation>
    </message>
    <message>
        <source>Delete the selected saved chart (pack and series charts cannot be deleted)</source>
        <translation>Delete the selected saved chart (pack and series charts cannot be deleted)</translation>
    </message>
    <message>
        <source>Chart pack</source>
        <translation>Chart pack</translation>
    </message>
    <message>
        <source>My charts</source>
        <translation>My charts</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source> (illustrative)</source>
        <translation> (illustrative)</translation>
    </message>
    <message>
        <source>Not in the cache: {items}</source>
        <translation>Not in the cache: {items}</translation>
    </message>
    <message>
        <source>Unreadable saved charts: {items}</source>
        <translation>Unreadable saved charts: {items}</translation>
    </message>
    <message>
        <source>Chart image copied to the clipboard</source>
        <translation>Chart image copied to the clipboard</translation>
    </message>
    <message>
        <source>Chart saved: {title}</source>
        <translation>Chart saved: {title}</translation>
    </message>
    <message>
        <source>Delete your chart &apos;{title}&apos;?</source>
        <translation>Delete your chart &apos;{title}&apos;?</translation>
    </message>
    <message>
        <source>
The {n} scenario curve(s) published with it are deleted too.</source>
        <translation>
The {n} scenario curve(s) published with it are deleted too.</translation>
    </message>
    <message>
        <source>Delete chart</source>
        <translation>Delete chart</translation>
    </message>
    <message>
        <source>Chart deleted: {title}</source>
        <translation>Chart deleted: {title}</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Ticker</source>
        <translation>Ticker</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <source>Ticker, chart, series, scenario or command…</source>
        <translation>Ticker, chart, series, scenario or command…</translation>
    </message>
</context>
<context>
    <name>ConditionEditor</name>
    <message>
        <source>Level above</source>
        <translation>Level above</translation>
    </message>
    <message>
        <source>Level below</source>
        <translation>Level below</translation>
    </message>
    <message>
        <source>Change within N days</source>
        <translation>Change within N days</translation>
    </message>
    <message>
        <source>z-score beyond k</source>
        <translation>z-score beyond k</translation>
    </message>
    <message>
        <source>Data older than N days</source>
        <translation>Data older than N days</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Measure</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>k (standard deviations)</source>
        <translation>k (standard deviations)</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Threshold</translation>
    </message>
    <message>
        <source>difference (series unit, bp for spreads)</source>
        <translation>difference (series unit, bp for spreads)</translation>
    </message>
    <message>
        <source>percent change</source>
        <translation>percent change</translation>
    </message>
    <message>
        <source>up</source>
        <translation>up</translation>
    </message>
    <message>
        <source>down</source>
        <translation>down</translation>
    </message>
    <message>
        <source>either way</source>
        <translation>either way</translation>
    </message>
</context>
<context>
    <name>DataSourcesView</name>
    <message>
        <source>configured</source>
        <translation>configured</translation>
    </message>
    <message>
        <source>needs API key</source>
        <translation>needs API key</translation>
    </message>
    <message>
        <source>needs SEC User-Agent</source>
        <translation>needs SEC User-Agent</translation>
    </message>
    <message>
        <source>no file linked</source>
        <translation>no file linked</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>real</source>
        <translation>real</translation>
    </message>
    <message>
        <source>proxy</source>
        <translation>proxy</translation>
    </message>
    <message>
        <source>illustrative</source>
        <translation>illustrative</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>missing</translation>
    </message>
    <message>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <source>, stale</source>
        <translation>, stale</translation>
    </message>
    <message>
        <source>Enter User-Agent…</source>
        <translation>Enter User-Agent…</translation>
    </message>
    <message>
        <source>Enter API key…</source>
        <translation>Enter API key…</translation>
    </message>
    <message>
        <source>Link a file…</source>
        <translation>Link a file…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Refresh now</source>
        <translation>Refresh now</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last refresh</source>
        <translation>Last refresh</translation>
    </message>
    <message>
        <source>Series kept</source>
        <translation>Series kept</translation>
    </message>
    <message>
        <source>Series waiting</source>
        <translation>Series waiting</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Chart of the note</source>
        <translation>Chart of the note</translation>
    </message>
    <message>
        <source>Stands on</source>
        <translation>Stands on</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>What would make it real</source>
        <translation>What would make it real</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Data sources</translation>
    </message>
    <message>
        <source>Where every number comes from: the sources a refresh runs, and what each chart of the note stands on.</source>
        <translation>Where every number comes from: the sources a refresh runs, and what each chart of the note stands on.</translation>
    </message>
</context>
<context>
    <name>DeckUpdate</name>
    <message>
        <source>Deck updated: {n} chart(s) refreshed in {deck}.</source>
        <translation>Deck updated: {n} chart(s) refreshed in {deck}.</translation>
    </message>
    <message>
        <source>Appended at the end: {charts}</source>
        <translation>Appended at the end: {charts}</translation>
    </message>
    <message>
        <source>In the deck but not in this pack (left as they were): {charts}</source>
        <translation>In the deck but not in this pack (left as they were): {charts}</translation>
    </message>
    <message>
        <source>Not updated: {chart} ({why})</source>
        <translation>Not updated: {chart} ({why})</translation>
    </message>
    <message>
        <source>The previous deck is kept as {backup}</source>
        <translation>The previous deck is kept as {backup}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Log file: {path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <source>Something unexpected went wrong. Your cached data is safe.</source>
        <translation>Something unexpected went wrong. Your cached data is safe.</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <source>Alerts ({n} unacknowledged)</source>
        <translation>Alerts ({n} unacknowledged)</translation>
    </message>
    <message>
        <source>Ack</source>
        <translation>Ack</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Unacknowledge</source>
        <translation>Unacknowledge</translation>
    </message>
    <message>
        <source>Acknowledge all</source>
        <translation>Acknowledge all</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>Open chart</translation>
    </message>
    <message>
        <source>New only</source>
        <translation>New only</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export chart</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copy image</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnings</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>No warnings</translation>
    </message>
    <message>
        <source>Chart image copied to the clipboard</source>
        <translation>Chart image copied to the clipboard</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Watchlist</source>
        <translation>Watchlist</translation>
    </message>
    <message>
        <source>The note&apos;s coverage table: market cap, 12MF PER, theses. Edit in place; Ctrl+Z undoes.</source>
        <translation>The note&apos;s coverage table: market cap, 12MF PER, theses. Edit in place; Ctrl+Z undoes.</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>The note&apos;s chart pack, redrawn whenever data arrives.</source>
        <translation>The note&apos;s chart pack, redrawn whenever data arrives.</translation>
    </message>
    <message>
        <source>Monitors</source>
        <translation>Monitors</translation>
    </message>
    <message>
        <source>CDS-spread and GPU-rent signals with alert rules.</source>
        <translation>CDS-spread and GPU-rent signals with alert rules.</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <source>The note&apos;s arguments as slider models, saved cases and sensitivity grids.</source>
        <translation>The note&apos;s arguments as slider models, saved cases and sensitivity grids.</translation>
    </message>
    <message>
        <source>Switch tabs</source>
        <translation>Switch tabs</translation>
    </message>
    <message>
        <source>Command palette</source>
        <translation>Command palette</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Export pack</source>
        <translation>Export pack</translation>
    </message>
    <message>
        <source>Search / filter</source>
        <translation>Search / filter</translation>
    </message>
    <message>
        <source>Undo / redo</source>
        <translation>Undo / redo</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Tabs</source>
        <translation>Tabs</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>row {row}</source>
        <translation>row {row}</translation>
    </message>
    <message>
        <source>column &apos;{column}&apos;</source>
        <translation>column &apos;{column}&apos;</translation>
    </message>
    <message>
        <source>value &apos;{value}&apos;</source>
        <translation>value &apos;{value}&apos;</translation>
    </message>
    <message>
        <source>{added:,} added, {changed:,} changed, {unchanged:,} unchanged</source>
        <translation>{added:,} added, {changed:,} changed, {unchanged:,} unchanged</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>reading…</translation>
    </message>
    <message>
        <source>{layout} · {encoding} · {series} series · {rows} rows</source>
        <translation>{layout} · {encoding} · {series} series · {rows} rows</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Import data</translation>
    </message>
    <message>
        <source>Many stored values change</source>
        <translation>Many stored values change</translation>
    </message>
    <message>
        <source>{lines}

Import anyway?</source>
        <translation>{lines}

Import anyway?</translation>
    </message>
    <message>
        <source>Imported: {summary}</source>
        <translation>Imported: {summary}</translation>
    </message>
    <message>
        <source>{n} file(s) with errors: remove them to import the others</source>
        <translation>{n} file(s) with errors: remove them to import the others</translation>
    </message>
    <message>
        <source>Import will give: {summary}</source>
        <translation>Import will give: {summary}</translation>
    </message>
    <message>
        <source> · replaces {n} stored series</source>
        <translation> · replaces {n} stored series</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>counting…</translation>
    </message>
    <message>
        <source>Drop CSV / Excel / Bloomberg files here</source>
        <translation>Drop CSV / Excel / Bloomberg files here</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Keep linked</source>
        <translation>Keep linked</translation>
    </message>
    <message>
        <source>Re-read the file whenever it is saved (e.g. a Bloomberg workbook refreshed in Excel) and on every refresh</source>
        <translation>Re-read the file whenever it is saved (e.g. a Bloomberg workbook refreshed in Excel) and on every refresh</translation>
    </message>
</context>
<context>
    <name>ImportNotes</name>
    <message>
        <source>delimiter {d}</source>
        <translation>delimiter {d}</translation>
    </message>
    <message>
        <source>sheet {s} skipped: no table</source>
        <translation>sheet {s} skipped: no table</translation>
    </message>
    <message>
        <source>{n} row(s) above the header read as notes</source>
        <translation>{n} row(s) above the header read as notes</translation>
    </message>
    <message>
        <source>NN/NN/YYYY dates read day-first (a first part is above 12)</source>
        <translation>NN/NN/YYYY dates read day-first (a first part is above 12)</translation>
    </message>
    <message>
        <source>{label}: no values (blank or #N/A), skipped</source>
        <translation>{label}: no values (blank or #N/A), skipped</translation>
    </message>
</context>
<context>
    <name>ImportReasons</name>
    <message>
        <source>not a valid date ({detail})</source>
        <translation>not a valid date ({detail})</translation>
    </message>
    <message>
        <source>cannot read as a date</source>
        <translation>cannot read as a date</translation>
    </message>
    <message>
        <source>cannot read as a number (&apos;,&apos; is read as a thousands separator)</source>
        <translation>cannot read as a number (&apos;,&apos; is read as a thousands separator)</translation>
    </message>
    <message>
        <source>cannot read as a number</source>
        <translation>cannot read as a number</translation>
    </message>
    <message>
        <source>number too large (not finite)</source>
        <translation>number too large (not finite)</translation>
    </message>
    <message>
        <source>not a finite number</source>
        <translation>not a finite number</translation>
    </message>
    <message>
        <source>a value without a date</source>
        <translation>a value without a date</translation>
    </message>
    <message>
        <source>a row without a series id</source>
        <translation>a row without a series id</translation>
    </message>
    <message>
        <source>a row without a date</source>
        <translation>a row without a date</translation>
    </message>
    <message>
        <source>date {day} appears twice for series {sid} (rows {first} and {second})</source>
        <translation>date {day} appears twice for series {sid} (rows {first} and {second})</translation>
    </message>
    <message>
        <source>more cells than the header&apos;s {width}</source>
        <translation>more cells than the header&apos;s {width}</translation>
    </message>
    <message>
        <source>a TRUE/FALSE cell is not a number</source>
        <translation>a TRUE/FALSE cell is not a number</translation>
    </message>
    <message>
        <source>a TRUE/FALSE cell is not a date</source>
        <translation>a TRUE/FALSE cell is not a date</translation>
    </message>
    <message>
        <source>a date where a number was expected</source>
        <translation>a date where a number was expected</translation>
    </message>
    <message>
        <source>Excel error {text}</source>
        <translation>Excel error {text}</translation>
    </message>
    <message>
        <source>Bloomberg was still loading when the sheet was saved</source>
        <translation>Bloomberg was still loading when the sheet was saved</translation>
    </message>
    <message>
        <source>number {number} is not an Excel date serial ({range})</source>
        <translation>number {number} is not an Excel date serial ({range})</translation>
    </message>
    <message>
        <source>values in a column without a header</source>
        <translation>values in a column without a header</translation>
    </message>
    <message>
        <source>no values found (every value cell is blank or #N/A)</source>
        <translation>no values found (every value cell is blank or #N/A)</translation>
    </message>
    <message>
        <source>not a readable CSV file ({detail})</source>
        <translation>not a readable CSV file ({detail})</translation>
    </message>
    <message>
        <source>a quoted cell is never closed (a &quot; without its closing &quot;)</source>
        <translation>a quoted cell is never closed (a &quot; without its closing &quot;)</translation>
    </message>
    <message>
        <source>month must be in 1..12</source>
        <translation>month must be in 1..12</translation>
    </message>
    <message>
        <source>day is out of range for month</source>
        <translation>day is out of range for month</translation>
    </message>
    <message>
        <source>year {year} is out of range</source>
        <translation>year {year} is out of range</translation>
    </message>
</context>
<context>
    <name>LinkWatcher</name>
    <message>
        <source>The linked file {file} is not there any more (moved, renamed or deleted); nothing was updated.</source>
        <translation>The linked file {file} is not there any more (moved, renamed or deleted); nothing was updated.</translation>
    </message>
    <message>
        <source>The linked file {file} would overwrite values from another source; nothing was updated.</source>
        <translation>The linked file {file} would overwrite values from another source; nothing was updated.</translation>
    </message>
    <message>
        <source>The linked file {file} could not be read; nothing was updated.</source>
        <translation>The linked file {file} could not be read; nothing was updated.</translation>
    </message>
    <message>
        <source>Linked file {file} re-read: {added} added, {changed} changed</source>
        <translation>Linked file {file} re-read: {added} added, {changed} changed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Watchlist</source>
        <translation>Watchlist</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Monitors</source>
        <translation>Monitors</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scenarios</translation>
    </message>
    <message>
        <source>Waiting for another program writing the cache…</source>
        <translation>Waiting for another program writing the cache…</translation>
    </message>
    <message>
        <source>Q&amp;AI Desktop</source>
        <translation>Q&amp;AI Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Edit series values…</source>
        <translation>Edit series values…</translation>
    </message>
    <message>
        <source>Export pack…</source>
        <translation>Export pack…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>About Q&amp;AI Desktop</source>
        <translation>About Q&amp;AI Desktop</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>Command palette…</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Korean</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Refresh data</source>
        <translation>Refresh data</translation>
    </message>
    <message>
        <source>Cache: {path}</source>
        <translation>Cache: {path}</translation>
    </message>
    <message>
        <source>Newest observation: {date}</source>
        <translation>Newest observation: {date}</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>Column in file</source>
        <translation>Column in file</translation>
    </message>
    <message>
        <source>Series id</source>
        <translation>Series id</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>If values differ</source>
        <translation>If values differ</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Freq.</source>
        <translation>Freq.</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>existing</source>
        <translation>existing</translation>
    </message>
    <message>
        <source>new series</source>
        <comment>status of a row</comment>
        <translation>new series</translation>
    </message>
    <message>
        <source>replaces illustrative</source>
        <translation>replaces illustrative</translation>
    </message>
    <message>
        <source>replace {series}</source>
        <translation>replace {series}</translation>
    </message>
    <message>
        <source>new series</source>
        <comment>choice for a conflict</comment>
        <translation>new series</translation>
    </message>
    <message>
        <source>skip</source>
        <translation>skip</translation>
    </message>
    <message>
        <source>{file} column &apos;{column}&apos; → {series} “{title}” (from {origin}): would change {changed:,} of {stored:,} stored values</source>
        <translation>{file} column &apos;{column}&apos; → {series} “{title}” (from {origin}): would change {changed:,} of {stored:,} stored values</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; already exists as {stored} (another file, source or title): it is imported as the new series {series}, not over it. Choose &apos;{replace}&apos; to overwrite</source>
        <translation>&apos;{column}&apos; already exists as {stored} (another file, source or title): it is imported as the new series {series}, not over it. Choose &apos;{replace}&apos; to overwrite</translation>
    </message>
    <message>
        <source>&apos;{column}&apos; would overwrite the stored {stored}: skipped</source>
        <translation>&apos;{column}&apos; would overwrite the stored {stored}: skipped</translation>
    </message>
    <message>
        <source>{file}: would change {changed:,} of {stored:,} stored values of {group} ({share:.1%})</source>
        <translation>{file}: would change {changed:,} of {stored:,} stored values of {group} ({share:.1%})</translation>
    </message>
</context>
<context>
    <name>MonitorDetail</name>
    <message>
        <source>Selected monitor</source>
        <translation>Selected monitor</translation>
    </message>
    <message>
        <source>Open chart</source>
        <translation>Open chart</translation>
    </message>
    <message>
        <source>Add rule on this series…</source>
        <translation>Add rule on this series…</translation>
    </message>
    <message>
        <source>Remove monitor</source>
        <translation>Remove monitor</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>Illustrative data</translation>
    </message>
    <message>
        <source>Pick a monitor in the table.</source>
        <translation>Pick a monitor in the table.</translation>
    </message>
    <message>
        <source>Watch point in the note</source>
        <translation>Watch point in the note</translation>
    </message>
    <message>
        <source>Linked names</source>
        <translation>Linked names</translation>
    </message>
    <message>
        <source>Source: {source} · {freq} · last {date}</source>
        <translation>Source: {source} · {freq} · last {date}</translation>
    </message>
    <message>
        <source>B200 ÷ H100 medians (same dates only)</source>
        <translation>B200 ÷ H100 medians (same dates only)</translation>
    </message>
    <message>
        <source>Alert rules on this series: {n}</source>
        <translation>Alert rules on this series: {n}</translation>
    </message>
</context>
<context>
    <name>MonitorPickerDialog</name>
    <message>
        <source>either way</source>
        <translation>either way</translation>
    </message>
    <message>
        <source>rising hurts</source>
        <translation>rising hurts</translation>
    </message>
    <message>
        <source>falling hurts</source>
        <translation>falling hurts</translation>
    </message>
    <message>
        <source>Add monitor</source>
        <translation>Add monitor</translation>
    </message>
    <message>
        <source>Search series…</source>
        <translation>Search series…</translation>
    </message>
    <message>
        <source>Adverse direction</source>
        <translation>Adverse direction</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>Illustrative data</translation>
    </message>
</context>
<context>
    <name>MonitorStatus</name>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Watch</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Stale</translation>
    </message>
</context>
<context>
    <name>MonitorTableModel</name>
    <message>
        <source>Monitor</source>
        <extracomment>change units as written after a number (content: Korean writes percentage points &quot;%p&quot;)</extracomment>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>1D</source>
        <translation>1D</translation>
    </message>
    <message>
        <source>1W</source>
        <translation>1W</translation>
    </message>
    <message>
        <source>1M</source>
        <translation>1M</translation>
    </message>
    <message>
        <source>3M</source>
        <translation>3M</translation>
    </message>
    <message>
        <source>z (1Y)</source>
        <translation>z (1Y)</translation>
    </message>
    <message>
        <source>52W high</source>
        <translation>52W high</translation>
    </message>
    <message>
        <source>52W low</source>
        <translation>52W low</translation>
    </message>
    <message>
        <source>Trend (last 90)</source>
        <translation>Trend (last 90)</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Age</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Quotes</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>daily</translation>
    </message>
    <message>
        <source>weekly</source>
        <translation>weekly</translation>
    </message>
    <message>
        <source>monthly</source>
        <translation>monthly</translation>
    </message>
    <message>
        <source>quarterly</source>
        <translation>quarterly</translation>
    </message>
    <message>
        <source>annual</source>
        <translation>annual</translation>
    </message>
    <message>
        <source>Illustrative data</source>
        <translation>Illustrative data</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>no data</translation>
    </message>
    <message>
        <source>⚠ {n}d</source>
        <translation>⚠ {n}d</translation>
    </message>
    <message>
        <source>{n}d</source>
        <translation>{n}d</translation>
    </message>
    <message>
        <source>Illustrative, unsourced data ({source} layout); replaced when real data is imported.</source>
        <translation>Illustrative, unsourced data ({source} layout); replaced when real data is imported.</translation>
    </message>
    <message>
        <source>{window} change ({unit}) · red = the direction that hurts the thesis</source>
        <translation>{window} change ({unit}) · red = the direction that hurts the thesis</translation>
    </message>
    <message>
        <source>Standard deviations of the last value from its 1-year mean (- without a year of history)</source>
        <translation>Standard deviations of the last value from its 1-year mean (- without a year of history)</translation>
    </message>
    <message>
        <source>Public offers (quotes) behind the last value</source>
        <translation>Public offers (quotes) behind the last value</translation>
    </message>
    <message>
        <source>{age} days since the last point · expected {freq} ({spacing} d) · stale after {limit} d</source>
        <translation>{age} days since the last point · expected {freq} ({spacing} d) · stale after {limit} d</translation>
    </message>
</context>
<context>
    <name>MonitorsTab</name>
    <message>
        <source>&lt;b&gt;Status&lt;/b&gt; {ok} under 1σ from the 1-year mean in the adverse direction &amp;nbsp;{warn} 1σ+ &amp;nbsp;{alert} 2σ+ &amp;nbsp;{stale} no update for twice the expected spacing &amp;nbsp;│&amp;nbsp; &lt;b&gt;Change&lt;/b&gt; ▲up ▼down, &lt;span style=&apos;color:{red}&apos;&gt;red&lt;/span&gt; = the direction that hurts the thesis (CDS up, GPU rent down) &amp;nbsp;│&amp;nbsp; spreads in bp, prices in %</source>
        <translation>&lt;b&gt;Status&lt;/b&gt; {ok} under 1σ from the 1-year mean in the adverse direction &amp;nbsp;{warn} 1σ+ &amp;nbsp;{alert} 2σ+ &amp;nbsp;{stale} no update for twice the expected spacing &amp;nbsp;│&amp;nbsp; &lt;b&gt;Change&lt;/b&gt; ▲up ▼down, &lt;span style=&apos;color:{red}&apos;&gt;red&lt;/span&gt; = the direction that hurts the thesis (CDS up, GPU rent down) &amp;nbsp;│&amp;nbsp; spreads in bp, prices in %</translation>
    </message>
    <message>
        <source>Market signals — the note&apos;s watch points</source>
        <translation>Market signals — the note&apos;s watch points</translation>
    </message>
    <message>
        <source>Add monitor…</source>
        <translation>Add monitor…</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Delete rule</translation>
    </message>
    <message>
        <source>Delete this rule and its alert history?</source>
        <translation>Delete this rule and its alert history?</translation>
    </message>
</context>
<context>
    <name>OptionsForm</name>
    <message>
        <source>16:9 full slide (1920×1080)</source>
        <translation>16:9 full slide (1920×1080)</translation>
    </message>
    <message>
        <source>16:9 half slide (960×540)</source>
        <translation>16:9 half slide (960×540)</translation>
    </message>
    <message>
        <source>4:3 slide (1440×1080)</source>
        <translation>4:3 slide (1440×1080)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>Transparent background (PNG/SVG)</source>
        <translation>Transparent background (PNG/SVG)</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Korean</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Scale (PNG)</source>
        <translation>Scale (PNG)</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Style</translation>
    </message>
    <message>
        <source>Language of titles and sources</source>
        <translation>Language of titles and sources</translation>
    </message>
</context>
<context>
    <name>PackExportDialog</name>
    <message>
        <source>Export chart pack</source>
        <translation>Export chart pack</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Select all</translation>
    </message>
    <message>
        <source>Select none</source>
        <translation>Select none</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Update an existing deck…</source>
        <translation>Update an existing deck…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formats</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Charts</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <source>Choose at least one chart</source>
        <translation>Choose at least one chart</translation>
    </message>
    <message>
        <source>Choose at least one format</source>
        <translation>Choose at least one format</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>Export failed: {error}</translation>
    </message>
    <message>
        <source>Nothing exported: every chosen chart is held back</source>
        <translation>Nothing exported: every chosen chart is held back</translation>
    </message>
    <message>
        <source>{done}/{total} {what}</source>
        <translation>{done}/{total} {what}</translation>
    </message>
    <message>
        <source>Cancelled; no files were written.</source>
        <translation>Cancelled; no files were written.</translation>
    </message>
    <message>
        <source>{n} files written to {folder} ({sec:.1f} s)</source>
        <translation>{n} files written to {folder} ({sec:.1f} s)</translation>
    </message>
    <message>
        <source>Held back: {line}</source>
        <translation>Held back: {line}</translation>
    </message>
    <message>
        <source>No warnings</source>
        <translation>No warnings</translation>
    </message>
    <message>
        <source>Deck not updated: {error}</source>
        <translation>Deck not updated: {error}</translation>
    </message>
    <message>
        <source>Updating {deck}…</source>
        <translation>Updating {deck}…</translation>
    </message>
</context>
<context>
    <name>PriceImporter</name>
    <message>
        <source>Import prices</source>
        <translation>Import prices</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>No column of {file} is the price of a watchlist name; nothing was imported.</source>
        <translation>No column of {file} is the price of a watchlist name; nothing was imported.</translation>
    </message>
    <message>
        <source>Columns found: {found}</source>
        <translation>Columns found: {found}</translation>
    </message>
    <message>
        <source>Prices imported from {file}: {closes} — market cap and PER follow</source>
        <translation>Prices imported from {file}: {closes} — market cap and PER follow</translation>
    </message>
    <message>
        <source>{file} could not be read as a price file; nothing was imported.</source>
        <translation>{file} could not be read as a price file; nothing was imported.</translation>
    </message>
</context>
<context>
    <name>RefreshPanel</name>
    <message>
        <source>fetching…</source>
        <translation>fetching…</translation>
    </message>
    <message>
        <source>Refresh: {ok} ok, {failed} failed — {summary}</source>
        <translation>Refresh: {ok} ok, {failed} failed — {summary}</translation>
    </message>
    <message>
        <source>{added:,} added, {changed:,} changed, {unchanged:,} unchanged</source>
        <translation>{added:,} added, {changed:,} changed, {unchanged:,} unchanged</translation>
    </message>
    <message>
        <source>done: {summary}</source>
        <translation>done: {summary}</translation>
    </message>
    <message>
        <source>waiting…</source>
        <translation>waiting…</translation>
    </message>
    <message>
        <source>Refreshing… 0/{n}</source>
        <translation>Refreshing… 0/{n}</translation>
    </message>
    <message>
        <source>fetching… {done}/{total}</source>
        <translation>fetching… {done}/{total}</translation>
    </message>
    <message>
        <source>Refreshing… {done}/{n}</source>
        <translation>Refreshing… {done}/{n}</translation>
    </message>
    <message>
        <source>Refreshed: {ok} ok, {failed} failed</source>
        <translation>Refreshed: {ok} ok, {failed} failed</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>unexpected error</translation>
    </message>
    <message>
        <source>Refresh failed</source>
        <translation>Refresh failed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>No problems reported.</source>
        <translation>No problems reported.</translation>
    </message>
    <message>
        <source>last success {when}</source>
        <translation>last success {when}</translation>
    </message>
    <message>
        <source>never succeeded</source>
        <translation>never succeeded</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Data sources…</source>
        <translation>Data sources…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>RefreshReasons</name>
    <message>
        <source>connection failed</source>
        <translation>connection failed</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <source>refused by the server — check the key or User-Agent</source>
        <translation>refused by the server — check the key or User-Agent</translation>
    </message>
    <message>
        <source>not found on the server</source>
        <translation>not found on the server</translation>
    </message>
    <message>
        <source>too many requests — try again later</source>
        <translation>too many requests — try again later</translation>
    </message>
    <message>
        <source>server error — try again later</source>
        <translation>server error — try again later</translation>
    </message>
    <message>
        <source>unexpected answer from the server</source>
        <translation>unexpected answer from the server</translation>
    </message>
    <message>
        <source>no API key — enter it in Settings</source>
        <translation>no API key — enter it in Settings</translation>
    </message>
    <message>
        <source>no SEC User-Agent — enter it in Settings</source>
        <translation>no SEC User-Agent — enter it in Settings</translation>
    </message>
    <message>
        <source>no linked files</source>
        <translation>no linked files</translation>
    </message>
    <message>
        <source>a linked file moved or could not be read</source>
        <translation>a linked file moved or could not be read</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>not available</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>unexpected error</source>
        <translation>unexpected error</translation>
    </message>
</context>
<context>
    <name>RefreshStatusButton</name>
    <message>
        <source>Refresh ▸</source>
        <translation>Refresh ▸</translation>
    </message>
    <message>
        <source>Show the refresh panel: each source&apos;s progress and problems</source>
        <translation>Show the refresh panel: each source&apos;s progress and problems</translation>
    </message>
    <message>
        <source>Last success:</source>
        <translation>Last success:</translation>
    </message>
</context>
<context>
    <name>RuleEditorDialog</name>
    <message>
        <source>CDS jump: {series} +60 bp in 20 days</source>
        <extracomment>key -&gt; (the rule&apos;s name with {series} for the watched series&apos; title, both languages; its spec). The note&apos;s watch points (core.monitors.watch_points): the same thresholds as the seeded rules.</extracomment>
        <translation>CDS jump: {series} +60 bp in 20 days</translation>
    </message>
    <message>
        <source>Rent drop: {series} −4% in a month</source>
        <translation>Rent drop: {series} −4% in a month</translation>
    </message>
    <message>
        <source>Thesis break: {series} &gt; 250 bp and H100 −4% m/m</source>
        <translation>Thesis break: {series} &gt; 250 bp and H100 −4% m/m</translation>
    </message>
    <message>
        <source>Condition {n}</source>
        <translation>Condition {n}</translation>
    </message>
    <message>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <source>enter a number (got {got})</source>
        <translation>enter a number (got {got})</translation>
    </message>
    <message>
        <source>enter a whole number of days, at least 1</source>
        <translation>enter a whole number of days, at least 1</translation>
    </message>
    <message>
        <source>must be ≥ 0 (pick the sign under Direction)</source>
        <translation>must be ≥ 0 (pick the sign under Direction)</translation>
    </message>
    <message>
        <source>must be greater than 0</source>
        <translation>must be greater than 0</translation>
    </message>
    <message>
        <source>no such series in the cache: {got}</source>
        <translation>no such series in the cache: {got}</translation>
    </message>
    <message>
        <source>Alert rule</source>
        <translation>Alert rule</translation>
    </message>
    <message>
        <source>e.g. Oracle CDS jump (empty: the condition is the name)</source>
        <translation>e.g. Oracle CDS jump (empty: the condition is the name)</translation>
    </message>
    <message>
        <source>Blank</source>
        <translation>Blank</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Conditions (alert when all hold)</source>
        <translation>Conditions (alert when all hold)</translation>
    </message>
    <message>
        <source>+ Add condition (AND)</source>
        <translation>+ Add condition (AND)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Remove condition</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Alert rules</source>
        <translation>Alert rules</translation>
    </message>
    <message>
        <source>Add alert rule…</source>
        <translation>Add alert rule…</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Delete rule</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <source>No rules yet. Use ‘Add alert rule…’.</source>
        <translation>No rules yet. Use ‘Add alert rule…’.</translation>
    </message>
    <message>
        <source>invalid</source>
        <translation>invalid</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>holding</source>
        <translation>holding</translation>
    </message>
    <message>
        <source>armed</source>
        <translation>armed</translation>
    </message>
</context>
<context>
    <name>ScenarioCasesPanel</name>
    <message>
        <source>Case name</source>
        <translation>Case name</translation>
    </message>
    <message>
        <source>Save current values</source>
        <translation>Save current values</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Compare selected</source>
        <translation>Compare selected</translation>
    </message>
    <message>
        <source>Publish as chart</source>
        <translation>Publish as chart</translation>
    </message>
    <message>
        <source>Add the selected case&apos;s curve to the Charts tab (and the export pack)</source>
        <translation>Add the selected case&apos;s curve to the Charts tab (and the export pack)</translation>
    </message>
    <message>
        <source>Current values (autosaved)</source>
        <translation>Current values (autosaved)</translation>
    </message>
    <message>
        <source>Some stored values were ignored: {why}</source>
        <translation>Some stored values were ignored: {why}</translation>
    </message>
    <message>
        <source>Select a case in the list first</source>
        <translation>Select a case in the list first</translation>
    </message>
</context>
<context>
    <name>ScenarioChart</name>
    <message>
        <source>The note&apos;s values</source>
        <translation>The note&apos;s values</translation>
    </message>
</context>
<context>
    <name>ScenarioCompareModel</name>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Input</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>vs the note: {delta}</source>
        <translation>vs the note: {delta}</translation>
    </message>
</context>
<context>
    <name>ScenarioGridPanel</name>
    <message>
        <source>Across (columns)</source>
        <translation>Across (columns)</translation>
    </message>
    <message>
        <source>Down (rows)</source>
        <translation>Down (rows)</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>Centre on current</source>
        <translation>Centre on current</translation>
    </message>
    <message>
        <source>Copy as TSV</source>
        <translation>Copy as TSV</translation>
    </message>
    <message>
        <source>Outlined cell = current case. Darker = larger.</source>
        <translation>Outlined cell = current case. Darker = larger.</translation>
    </message>
    <message>
        <source>Sensitivity table copied (paste into Excel)</source>
        <translation>Sensitivity table copied (paste into Excel)</translation>
    </message>
</context>
<context>
    <name>ScenarioOutputCards</name>
    <message>
        <source>Not given in the note</source>
        <translation>Not given in the note</translation>
    </message>
</context>
<context>
    <name>ScenarioParamRow</name>
    <message>
        <source>assumption</source>
        <extracomment>key -&gt; (steps of the single step, steps of the page step); Home/End are handled apart</extracomment>
        <translation>assumption</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
</context>
<context>
    <name>ScenariosTab</name>
    <message>
        <source>Scenario models</source>
        <translation>Scenario models</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Inputs</translation>
    </message>
    <message>
        <source>assumption = not in the note (hover for why)</source>
        <translation>assumption = not in the note (hover for why)</translation>
    </message>
    <message>
        <source>Reset to the note&apos;s values</source>
        <translation>Reset to the note&apos;s values</translation>
    </message>
    <message>
        <source>Set every input back to the note&apos;s figures (and the marked assumptions)</source>
        <translation>Set every input back to the note&apos;s figures (and the marked assumptions)</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensitivity</translation>
    </message>
    <message>
        <source>Compare cases</source>
        <translation>Compare cases</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <source>From the note</source>
        <translation>From the note</translation>
    </message>
    <message>
        <source>Values that differ from the note&apos;s are highlighted. Select several cases in the Cases tab to compare them.</source>
        <translation>Values that differ from the note&apos;s are highlighted. Select several cases in the Cases tab to compare them.</translation>
    </message>
    <message>
        <source>Figures taken from the note, with the sentence each comes from.</source>
        <translation>Figures taken from the note, with the sentence each comes from.</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Fact</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Quote from the note</source>
        <translation>Quote from the note</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Saved: {name}</translation>
    </message>
    <message>
        <source>Loaded: {name}</source>
        <translation>Loaded: {name}</translation>
    </message>
    <message>
        <source>Renamed: {old} → {new}</source>
        <translation>Renamed: {old} → {new}</translation>
    </message>
    <message>
        <source>Deleted: {name}</source>
        <translation>Deleted: {name}</translation>
    </message>
    <message>
        <source>The note&apos;s values</source>
        <translation>The note&apos;s values</translation>
    </message>
    <message>
        <source>Current values (autosaved)</source>
        <translation>Current values (autosaved)</translation>
    </message>
    <message>
        <source>On screen now</source>
        <translation>On screen now</translation>
    </message>
    <message>
        <source>Published to the Charts tab: {title}</source>
        <translation>Published to the Charts tab: {title}</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>SeriesEditor</name>
    <message>
        <source>A series id is letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>A series id is letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</translation>
    </message>
    <message>
        <source>A scenario curve is not a dated series and cannot be edited here (publish it again from the Scenarios tab)</source>
        <translation>A scenario curve is not a dated series and cannot be edited here (publish it again from the Scenarios tab)</translation>
    </message>
    <message>
        <source>Not saved: the stored history is kept</source>
        <translation>Not saved: the stored history is kept</translation>
    </message>
    <message>
        <source>Replace the stored history?</source>
        <translation>Replace the stored history?</translation>
    </message>
    <message>
        <source>“{title}” holds {n} illustrative points ({first} – {last}). Saving replaces them with the {typed} typed here.</source>
        <translation>“{title}” holds {n} illustrative points ({first} – {last}). Saving replaces them with the {typed} typed here.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Replace</translation>
    </message>
    <message>
        <source>Saved: {added} added, {changed} changed, {unchanged} unchanged</source>
        <translation>Saved: {added} added, {changed} changed, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>Enter series values</source>
        <translation>Enter series values</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Title (Korean)</source>
        <translation>Title (Korean)</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>Title (English)</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Illustrative data: saving replaces it</source>
        <translation>Illustrative data: saving replaces it</translation>
    </message>
    <message>
        <source>Paste a &apos;date⇥value&apos; block copied from Excel with Ctrl+V (e.g. 2Q26 ⇥ +11%)</source>
        <translation>Paste a &apos;date⇥value&apos; block copied from Excel with Ctrl+V (e.g. 2Q26 ⇥ +11%)</translation>
    </message>
    <message>
        <source>Add rows</source>
        <translation>Add rows</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>what ``refresh`` runs (``services.refresh_sources.configured_providers``): the market-data providers, then SEC filings and end-of-day quotes, then the linked workbooks</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Korean</source>
        <translation>Korean</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Follow system</source>
        <translation>Follow system</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Chart house style</source>
        <translation>Chart house style</translation>
    </message>
    <message>
        <source>Cache file</source>
        <translation>Cache file</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>Automatic backups kept</translation>
    </message>
    <message>
        <source>Auto-refresh every (minutes, 0 = off)</source>
        <translation>Auto-refresh every (minutes, 0 = off)</translation>
    </message>
    <message>
        <source>Auto-refresh sources</source>
        <translation>Auto-refresh sources</translation>
    </message>
    <message>
        <source>Data sources</source>
        <translation>Data sources</translation>
    </message>
    <message>
        <source>SEC User-Agent</source>
        <translation>SEC User-Agent</translation>
    </message>
    <message>
        <source>Your name and e-mail, e.g. Jane Analyst jane@example.com</source>
        <translation>Your name and e-mail, e.g. Jane Analyst jane@example.com</translation>
    </message>
    <message>
        <source>OpenRouter API key</source>
        <translation>OpenRouter API key</translation>
    </message>
    <message>
        <source>SEC filings (share counts) and Meta&apos;s ad metrics need it; SEC asks for your name and a contact e-mail.</source>
        <translation>SEC filings (share counts) and Meta&apos;s ad metrics need it; SEC asks for your name and a contact e-mail.</translation>
    </message>
    <message>
        <source>Sent to SEC EDGAR with every request.</source>
        <translation>Sent to SEC EDGAR with every request.</translation>
    </message>
    <message>
        <source>SEC asks for a name and a contact e-mail, e.g. &quot;Jane Analyst jane@example.com&quot;.</source>
        <translation>SEC asks for a name and a contact e-mail, e.g. &quot;Jane Analyst jane@example.com&quot;.</translation>
    </message>
    <message>
        <source>No OS keyring is available to keep the key; install and unlock one (e.g. GNOME Keyring or KWallet).</source>
        <translation>No OS keyring is available to keep the key; install and unlock one (e.g. GNOME Keyring or KWallet).</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Quote service key (Tiingo)</source>
        <translation>Quote service key (Tiingo)</translation>
    </message>
    <message>
        <source>Artificial Analysis API key</source>
        <translation>Artificial Analysis API key</translation>
    </message>
    <message>
        <source>Stored: {masked}</source>
        <translation>Stored: {masked}</translation>
    </message>
    <message>
        <source>No key stored</source>
        <translation>No key stored</translation>
    </message>
    <message>
        <source>Keys are kept only in the OS keyring</source>
        <translation>Keys are kept only in the OS keyring</translation>
    </message>
</context>
<context>
    <name>ShellWindow</name>
    <message>
        <source>Loading…</source>
        <translation>Loading… (the last window)</translation>
    </message>
</context>
<context>
    <name>SourcesUi</name>
    <message>
        <source>Data sources</source>
        <translation>Data sources</translation>
    </message>
    <message>
        <source>Import prices…</source>
        <translation>Import prices…</translation>
    </message>
</context>
<context>
    <name>WatchlistCheck</name>
    <message>
        <source>S&amp;P 500 benchmark</source>
        <extracomment>The benchmark &quot;fields&quot; of an issue; the others are core.watchlist.FIELD_LABELS (content pairs the CLI&apos;s messages use too).</extracomment>
        <translation>S&amp;P 500 benchmark</translation>
    </message>
    <message>
        <source>Big-tech benchmark</source>
        <translation>Big-tech benchmark</translation>
    </message>
    <message>
        <source>Report check</source>
        <translation>Report check</translation>
    </message>
    <message>
        <source>Stale after</source>
        <translation>Stale after</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Issue</translation>
    </message>
    <message>
        <source>{errors} errors · {warnings} warnings</source>
        <translation>{errors} errors · {warnings} warnings</translation>
    </message>
    <message>
        <source>No issues — ready to publish</source>
        <translation>No issues — ready to publish</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
</context>
<context>
    <name>WatchlistColumns</name>
    <message>
        <source>Note order</source>
        <translation>Note order</translation>
    </message>
</context>
<context>
    <name>WatchlistDetail</name>
    <message>
        <source>Series</source>
        <translation>Series</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Monitor</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Scenario</translation>
    </message>
    <message>
        <source>Pick a name in the table to see details</source>
        <translation>Pick a name in the table to see details</translation>
    </message>
    <message>
        <source>History (market cap, PER)</source>
        <translation>History (market cap, PER)</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Click to open in the Charts tab</source>
        <translation>Click to open in the Charts tab</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Latest</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Unlink</translation>
    </message>
    <message>
        <source>Series or chart id</source>
        <translation>Series or chart id</translation>
    </message>
    <message>
        <source>Market cap {cap} · 12MF PER {per} · vs S&amp;P 500 {vs_sp} · vs big tech {vs_bt}</source>
        <translation>Market cap {cap} · 12MF PER {per} · vs S&amp;P 500 {vs_sp} · vs big tech {vs_bt}</translation>
    </message>
    <message>
        <source>As of {as_of}</source>
        <translation>As of {as_of}</translation>
    </message>
</context>
<context>
    <name>WatchlistFooter</name>
    <message>
        <source>Note: market cap in USD bn; PER premium (+) / discount (−) vs benchmark</source>
        <translation>Note: market cap in USD bn; PER premium (+) / discount (−) vs benchmark</translation>
    </message>
    <message>
        <source>Benchmark PER</source>
        <translation>Benchmark PER</translation>
    </message>
    <message>
        <source>S&amp;P 500</source>
        <translation>S&amp;P 500</translation>
    </message>
    <message>
        <source>Big-tech avg</source>
        <translation>Big-tech avg</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
</context>
<context>
    <name>WatchlistHistory</name>
    <message>
        <source>Note (seed)</source>
        <translation>Note (seed)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <source>Fetch</source>
        <translation>Fetch</translation>
    </message>
    <message>
        <source>Market cap</source>
        <translation>Market cap</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>12MF PER</source>
        <translation>12MF PER</translation>
    </message>
    <message>
        <source>How</source>
        <translation>How</translation>
    </message>
</context>
<context>
    <name>WatchlistOps</name>
    <message>
        <source>S&amp;P 500</source>
        <translation>S&amp;P 500</translation>
    </message>
    <message>
        <source>Big-tech avg</source>
        <translation>Big-tech avg</translation>
    </message>
    <message>
        <source>{ticker} 12MF earnings: {old} → {new}</source>
        <translation>{ticker} 12MF earnings: {old} → {new}</translation>
    </message>
    <message>
        <source>Not saved: {msg}</source>
        <translation>Not saved: {msg}</translation>
    </message>
    <message>
        <source>Saved: {what}</source>
        <translation>Saved: {what}</translation>
    </message>
    <message>
        <source>Rejected — {msg}</source>
        <translation>Rejected — {msg}</translation>
    </message>
    <message>
        <source>{ticker} {field}: {old} → {new}</source>
        <translation>{ticker} {field}: {old} → {new}</translation>
    </message>
    <message>
        <source>Add {ticker}</source>
        <translation>Add {ticker}</translation>
    </message>
    <message>
        <source>Remove {ticker}</source>
        <translation>Remove {ticker}</translation>
    </message>
    <message>
        <source>{ticker} removed — Ctrl+Z to undo</source>
        <translation>{ticker} removed — Ctrl+Z to undo</translation>
    </message>
    <message>
        <source>Move {ticker}</source>
        <translation>Move {ticker}</translation>
    </message>
    <message>
        <source>Benchmark {name} {old}x → {new}x</source>
        <translation>Benchmark {name} {old}x → {new}x</translation>
    </message>
    <message>
        <source>Change {ticker} evidence links</source>
        <translation>Change {ticker} evidence links</translation>
    </message>
    <message>
        <source>Nothing imported — {msg}</source>
        <translation>Nothing imported — {msg}</translation>
    </message>
    <message>
        <source>Import {file}</source>
        <translation>Import {file}</translation>
    </message>
    <message>
        <source>{file}: {added} added, {changed} changed, {unchanged} unchanged</source>
        <translation>{file}: {added} added, {changed} changed, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>Wrote {n} names to {path}</source>
        <translation>Wrote {n} names to {path}</translation>
    </message>
    <message>
        <source>{ticker} 12MF earnings {value} ({as_of}) → PER recomputed</source>
        <translation>{ticker} 12MF earnings {value} ({as_of}) → PER recomputed</translation>
    </message>
</context>
<context>
    <name>WatchlistTab</name>
    <message>
        <source>Ticker</source>
        <translation>Ticker</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Market cap (USD bn)</source>
        <translation>Market cap (USD bn)</translation>
    </message>
    <message>
        <source>12MF PER</source>
        <translation>12MF PER</translation>
    </message>
    <message>
        <source>Thesis</source>
        <translation>Thesis</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>What to watch</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>vs S&amp;P 500 ({x}x)</source>
        <translation>vs S&amp;P 500 ({x}x)</translation>
    </message>
    <message>
        <source>vs big tech ({x}x)</source>
        <translation>vs big tech ({x}x)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Report check ({n})</source>
        <translation>Report check ({n})</translation>
    </message>
    <message>
        <source>{shown} of {total} names</source>
        <translation>{shown} of {total} names</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>Spreadsheets (*.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Copied {n} rows</source>
        <translation>Copied {n} rows</translation>
    </message>
</context>
<context>
    <name>WatchlistToolbar</name>
    <message>
        <source>Filter names and thesis (Ctrl+F)</source>
        <translation>Filter names and thesis (Ctrl+F)</translation>
    </message>
    <message>
        <source>New ticker</source>
        <translation>New ticker</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>WatchlistValues</name>
    <message>
        <source>Market cap (USD bn)</source>
        <translation>Market cap (USD bn)</translation>
    </message>
    <message>
        <source>12MF PER</source>
        <translation>12MF PER</translation>
    </message>
    <message>
        <source>Close (USD)</source>
        <translation>Close (USD)</translation>
    </message>
    <message>
        <source>Close on the note&apos;s date (USD)</source>
        <translation>Close on the note&apos;s date (USD)</translation>
    </message>
    <message>
        <source>Shares outstanding</source>
        <translation>Shares outstanding</translation>
    </message>
    <message>
        <source>12MF earnings estimate</source>
        <translation>12MF earnings estimate</translation>
    </message>
    <message>
        <source>Capex (TTM)</source>
        <translation>Capex (TTM)</translation>
    </message>
    <message>
        <source>Revenue (TTM)</source>
        <translation>Revenue (TTM)</translation>
    </message>
    <message>
        <source>close × shares outstanding (SEC)</source>
        <extracomment>what a live market cap / PER rests on (``live.value_table``&apos;s ``basis``); the full line is the tooltip</extracomment>
        <translation>close × shares outstanding (SEC)</translation>
    </message>
    <message>
        <source>note&apos;s market cap × price move since its date (no share count yet)</source>
        <translation>note&apos;s market cap × price move since its date (no share count yet)</translation>
    </message>
    <message>
        <source>market cap ÷ 12MF earnings estimate</source>
        <translation>market cap ÷ 12MF earnings estimate</translation>
    </message>
    <message>
        <source>What the figures rest on (as of, source)</source>
        <translation>What the figures rest on (as of, source)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>12MF earnings estimate (USD bn)</source>
        <translation>12MF earnings estimate (USD bn)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>analyst</source>
        <translation>analyst</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>stale</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to Q&amp;AI Desktop</source>
        <translation>Welcome to Q&amp;AI Desktop</translation>
    </message>
    <message>
        <source>The note&apos;s watchlist, charts, monitors and scenarios are ready in your local cache.</source>
        <translation>The note&apos;s watchlist, charts, monitors and scenarios are ready in your local cache.</translation>
    </message>
    <message>
        <source>Real data (attributed)</source>
        <translation>Real data (attributed)</translation>
    </message>
    <message>
        <source>Illustrative data — generated, unsourced; marked &apos;Illustrative data&apos; in every view and export</source>
        <translation>Illustrative data — generated, unsourced; marked &apos;Illustrative data&apos; in every view and export</translation>
    </message>
    <message>
        <source>To replace them, drag Bloomberg/CSV/XLSX files onto the window or use File → Import… (Ctrl+I), or refresh open sources (Ctrl+R). Ctrl+K finds anything.</source>
        <translation>To replace them, drag Bloomberg/CSV/XLSX files onto the window or use File → Import… (Ctrl+I), or refresh open sources (Ctrl+R). Ctrl+K finds anything.</translation>
    </message>
</context>
</TS>
