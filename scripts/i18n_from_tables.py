"""One-off converter from the old ``tr(key, lang)`` tables to Qt Linguist (kept for the record).

The UI used to register (Korean, English) pairs under keys (``ui.common.i18n.register``). This
script moved them to the Qt way without retyping a word:

``dump BASE_TREE OUT.json``
    import every ui module of an old checkout and write its key -> (ko, en) table.
``codemod TABLE.json PROVENANCE.json FILE...``
    rewrite each ``tr("literal.key", lang, **fields)`` to ``self.tr("English")`` (inside a QObject
    method) or ``QCoreApplication.translate("Context", "English")``, ``.format(**fields)`` after;
    records (context, English) -> key so the Korean can be found again.
``fill TABLE.json PROVENANCE.json KO.ts EN.ts``
    after ``pyside6-lupdate``: every message gets its Korean from the old table (by recorded key,
    else by its English when that has one Korean), its English from the source text; prints what
    it could not decide.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NOT_QOBJECT = {"PatchCommand"}  # QUndoCommand subclasses and plain classes: no self.tr()
# (context, English[, disambiguation]) -> old key, where one English text had two Korean ones
OVERRIDES: dict[tuple[str, ...], str] = {
    ("CommandPalette", "Ticker"): "palette.kind.ticker",
    ("HelpDialog", "Refresh"): "help.key.refresh",
    ("WatchlistCheck", "Name"): "wl.check.col.name",
    ("WatchlistDetail", "Kind"): "wl.link.kind",
    ("WatchlistDetail", "Date"): "wl.link.date",
    ("WatchlistTab", "Ticker"): "col.ticker",
    ("WatchlistTab", "Name"): "col.name",
    ("WatchlistTab", "Market cap (USD bn)"): "col.market_cap",
    ("WatchlistValues", "Market cap (USD bn)"): "wl.values.f.market_cap_usd_bn",
    ("WatchlistValues", "Source"): "wl.values.source",
    ("ConditionEditor", "Kind"): "rule.kind",
    ("MonitorTableModel", "Source"): "mon.col.source",
    ("MonitorTableModel", "Date"): "mon.col.last_date",
    ("RulesPanel", "Name"): "mon.rules.col.name",
    ("MappingTable", "Source"): "import.col.source",
    ("MappingTable", "new series", "status of a row"): "import.status.new",
    ("MappingTable", "new series", "choice for a conflict"): "import.choice.new",
    ("SeriesEditor", "Title (Korean)"): "editor.title_ko",
    ("SeriesEditor", "Title (English)"): "editor.title_en",
    ("SeriesEditor", "Source"): "editor.source",
}


def dump(base: str, out: str) -> None:
    code = ("import importlib, pkgutil, json, sys\n"
            "import qnai_desktop.ui as ui\n"
            "for i in pkgutil.walk_packages(ui.__path__, 'qnai_desktop.ui.'):\n"
            "    importlib.import_module(i.name)\n"
            "import qnai_desktop.app\n"
            "from qnai_desktop.ui.common import i18n\n"
            "json.dump(i18n.STRINGS, sys.stdout, ensure_ascii=False, indent=0)\n")
    text = subprocess.run([sys.executable, "-c", code], cwd=base, capture_output=True, text=True,
                          check=True, env={"QT_QPA_PLATFORM": "offscreen"}).stdout
    Path(out).write_text(text, encoding="utf-8")


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _is_qobject_class(node: ast.ClassDef) -> bool:
    if node.name in NOT_QOBJECT:
        return False
    names = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
    return bool(names) and not names <= {"NamedTuple", "Enum", "object", "Protocol", "Generic"}


def _enclosing(parents: list[ast.AST]) -> tuple[str | None, bool]:
    """(class name, self usable) for a call with these ancestors (outermost first)."""
    for i in range(len(parents) - 1, 0, -1):
        node, up = parents[i], parents[i - 1]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and isinstance(up, ast.ClassDef):
            args = node.args.posonlyargs + node.args.args
            has_self = bool(args) and args[0].arg == "self"
            return up.name, has_self and _is_qobject_class(up)
    return None, False


def codemod(table_path: str, prov_path: str, files: list[str], default_context: str) -> None:
    table = json.loads(Path(table_path).read_text(encoding="utf-8"))
    prov_file = Path(prov_path)
    prov = json.loads(prov_file.read_text(encoding="utf-8")) if prov_file.exists() else []
    for name in files:
        count = _rewrite(Path(name), table, prov, default_context)
        print(f"{name}: {count} calls")
    prov_file.write_text(json.dumps(prov, ensure_ascii=False, indent=0), encoding="utf-8")


def _rewrite(path: Path, table: dict, prov: list, default_context: str) -> int:
    source = path.read_text(encoding="utf-8")
    raw = source.encode("utf-8")
    starts = [0]
    for line in raw.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    edits: list[tuple[int, int, str]] = []
    translate_used = False
    stack: list[tuple[ast.AST, list[ast.AST]]] = [(ast.parse(source), [])]
    while stack:
        node, parents = stack.pop()
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                and node.args and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str) and node.args[0].value in table):
            stack.extend((child, [*parents, node]) for child in ast.iter_child_nodes(node))
            continue
        key = node.args[0].value
        en = table[key][1]
        cls, use_self = _enclosing(parents)
        context = cls or default_context
        call = f"self.tr({_literal(en)})" if use_self else \
            f"QCoreApplication.translate({_literal(context)}, {_literal(en)})"
        translate_used |= not use_self
        if node.keywords:
            fields = ", ".join((f"{k.arg}=" if k.arg else "**") + ast.get_source_segment(source, k.value)
                               for k in node.keywords)
            call += f".format({fields})"
        edits.append((starts[node.lineno - 1] + node.col_offset,
                      starts[node.end_lineno - 1] + node.end_col_offset, call))
        prov.append([context, en, key, str(path)])
    for a, b, text in sorted(edits, reverse=True):
        raw = raw[:a] + text.encode("utf-8") + raw[b:]
    out = raw.decode("utf-8")
    if translate_used and "QCoreApplication" not in source:
        out = out.replace("\nfrom PySide6", "\nfrom PySide6.QtCore import QCoreApplication\nfrom PySide6", 1)
    path.write_text(out, encoding="utf-8")
    return len(edits)


def fill(table_path: str, prov_path: str, ko_ts: str, en_ts: str) -> int:
    table = json.loads(Path(table_path).read_text(encoding="utf-8"))
    prov = json.loads(Path(prov_path).read_text(encoding="utf-8")) if Path(prov_path).exists() else []
    by_site: dict[tuple[str, str], set[str]] = {}
    for context, en, key, _file in prov:
        by_site.setdefault((context, en), set()).add(table[key][0])
    by_en: dict[str, set[str]] = {}
    for ko, en in table.values():
        by_en.setdefault(en, set()).add(ko)
    problems = 0
    for ts, lang in ((ko_ts, "ko"), (en_ts, "en")):
        tree = ET.parse(ts)
        for ctx in tree.getroot().iter("context"):
            context = ctx.findtext("name")
            for msg in ctx.iter("message"):
                src, comment = msg.findtext("source"), msg.findtext("comment")
                tr_el = msg.find("translation")
                if tr_el.get("type") not in ("unfinished", None) or (tr_el.text and not tr_el.get("type")):
                    continue  # obsolete/vanished, or already translated
                if lang == "en":
                    text = src
                elif (context, src, comment) in OVERRIDES or (context, src) in OVERRIDES:
                    text = table[OVERRIDES.get((context, src, comment)) or OVERRIDES[(context, src)]][0]
                else:
                    choices = by_site.get((context, src)) or by_en.get(src) or set()
                    if len(choices) != 1:
                        problems += 1
                        print(f"{context}: {src!r} -> {sorted(choices)}")
                        continue
                    text = next(iter(choices))
                tr_el.text = text
                tr_el.attrib.pop("type", None)
        tree.write(ts, encoding="utf-8", xml_declaration=True)
        # lupdate writes a DOCTYPE; keep the file as lupdate would (it re-formats on the next run)
        body = Path(ts).read_text(encoding="utf-8")
        if "<!DOCTYPE TS>" not in body:
            body = body.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
            Path(ts).write_text(body, encoding="utf-8")
    return problems


if __name__ == "__main__":
    cmd, *rest = sys.argv[1:]
    if cmd == "dump":
        dump(*rest)
    elif cmd == "codemod":
        ctx_default = rest.pop(rest.index("--context") + 1) if "--context" in rest else "Qnai"
        rest = [r for r in rest if r != "--context"]
        codemod(rest[0], rest[1], rest[2:], ctx_default)
    elif cmd == "fill":
        sys.exit(1 if fill(*rest) else 0)
