"""Static guarantees: no eval/exec of input, no unsafe deserialisation, TLS never switched off."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "qnai_desktop"


def _calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            fn = node.func
            name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
            out.append((name, node))
    return out


def test_no_eval_exec_pickle_or_shell() -> None:
    offenders = []
    for path in ROOT.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for name, call in _calls(tree):
            if name in {"eval", "exec", "compile"} and isinstance(call.func, ast.Name):
                offenders.append(f"{path}:{call.lineno} {name}()")
            if name in {"loads", "load"} and isinstance(call.func, ast.Attribute) and \
                    isinstance(call.func.value, ast.Name) and call.func.value.id in {"pickle", "marshal"}:
                offenders.append(f"{path}:{call.lineno} pickle/marshal")
            for kw in call.keywords:
                if kw.arg == "shell" and isinstance(kw.value, ast.Constant) and kw.value.value:
                    offenders.append(f"{path}:{call.lineno} shell=True")
                if kw.arg == "verify" and isinstance(kw.value, ast.Constant) and kw.value.value is False:
                    offenders.append(f"{path}:{call.lineno} verify=False")
    assert offenders == []
