"""Every test server binds an address, never a name (PITFALLS.md, December 2026).

Where ``/etc/hosts`` is missing (a bare debootstrap) ``localhost`` does not resolve and a server
bound to it never starts. The scan below reads every test and benchmark file and fails on a
server started without a host, or with a host that is not an IP address literal.
"""

from __future__ import annotations

import ast
import ipaddress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SERVER_CALLS = {"HTTPServer", "BlockingHTTPServer", "ThreadingHTTPServer", "TCPServer",
                "ThreadingTCPServer", "create_server", "bind", "make_server"}


def _is_address(text: object) -> bool:
    try:
        ipaddress.ip_address(str(text))
    except ValueError:
        return False
    return True


def _constants(tree: ast.Module) -> dict[str, object]:
    """Module-level ``NAME = "literal"`` assignments (so ``host=LOOPBACK`` can be checked)."""
    out: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out[target.id] = node.value.value
    return out


def _value(node: ast.expr | None, consts: dict[str, object]) -> object:
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return consts.get(node.id)
    if isinstance(node, ast.Tuple) and node.elts:  # bind(("127.0.0.1", 0))
        return _value(node.elts[0], consts)
    return None


def bound_to_names(source: str, where: str = "<source>") -> list[str]:
    """``file:line call`` for every server call whose host is absent or not an IP literal."""
    tree = ast.parse(source)
    consts = _constants(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in SERVER_CALLS:
            continue
        kwargs = {k.arg: k.value for k in node.keywords}
        host = kwargs.get("host", kwargs.get("address", node.args[0] if node.args else None))
        if not _is_address(_value(host, consts)):
            found.append(f"{where}:{node.lineno} {name}(…)")
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and (
                node.value == "localhost" or "//localhost" in node.value):
            found.append(f"{where}:{node.lineno} {node.value[:40]!r}")
    return found


def test_no_test_or_benchmark_binds_a_host_name() -> None:
    files = sorted([*(ROOT / "tests").rglob("*.py"), *(ROOT / "benchmarks").rglob("*.py")])
    files = [f for f in files if f.resolve() != Path(__file__).resolve()]
    assert len(files) > 20
    bad = [hit for f in files
           for hit in bound_to_names(f.read_text(encoding="utf-8"), str(f.relative_to(ROOT)))]
    assert bad == []


def test_the_scan_catches_names_and_missing_hosts() -> None:
    source = '''
HOST = "localhost"
a = HTTPServer()
b = HTTPServer(host="localhost", port=0)
c = HTTPServer(host=HOST)
sock.bind(("localhost", 0))
url = "http://localhost:8000/x"
ok1 = HTTPServer(host="127.0.0.1")
ok2 = socket.create_server(("127.0.0.2", 0))
'''
    lines = {int(hit.split(":")[1].split()[0]) for hit in bound_to_names(source)}
    assert lines == {2, 3, 4, 5, 6, 7}  # lines 8 and 9 bind addresses


def test_the_httpserver_fixture_listens_on_an_address(httpserver) -> None:
    assert _is_address(httpserver.host), httpserver.host
    assert httpserver.url_for("/x").startswith(f"http://{httpserver.host}:")
