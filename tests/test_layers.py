"""The layers hold: no import cycle between modules of the service, and the form's parts are named in one
place (the section records and `applications.parts`), never listed again in code. The app layers themselves
are import-linter contracts (pyproject.toml, `lint-imports` in .ci/run)."""

import ast
import re
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PART_KINDS = {"indicators", "participants", "contacts", "budget", "attachments", "confidentiality", "maturity"}  # fmt: skip


def service_modules(graph) -> list[str]:
    return sorted(m for m in graph.modules if ".tests" not in m and ".migrations" not in m)


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for v in edges:
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules_of_the_service():
    """Imports inside functions count too: they only hide a cycle."""
    graph = grimp.build_graph("kannustin")
    modules = service_modules(graph)
    edges = {m: {i for i in graph.find_modules_directly_imported_by(m) if i in modules} for m in modules}
    assert cycles(edges) == []


def literal_lists_of_parts(source: str) -> list[int]:
    """Lines where a list, tuple or set literal names two or more structured parts of the form."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            names = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
            if len(names & PART_KINDS) >= 2:
                lines.append(node.lineno)
    return lines


def test_the_check_for_lists_of_parts_finds_one():
    assert literal_lists_of_parts('KEYS = ("budget", "contacts")') == [1]
    assert literal_lists_of_parts('x = ["budget"]\ny = ("a", "b")') == []


def test_no_list_of_section_keys_outside_the_form_definitions():
    """The task list, completeness, check-your-answers, the conflict page, the PDF and the API follow the
    section records; a list of part keys in code would be a second definition of the form."""
    allowed = re.compile(r"/(tests|migrations|content)/|/parts\.py$")
    found = []
    for path in sorted((ROOT / "kannustin").rglob("*.py")):
        if allowed.search(path.as_posix()):
            continue
        found += [f"{path.relative_to(ROOT)}:{line}" for line in literal_lists_of_parts(path.read_text())]
    for path in sorted((ROOT / "templates").rglob("*.html")):
        text = path.read_text()
        for match in re.finditer(r"\bin\s+['\"]?\(?([a-z_]+['\"]?\s*,\s*['\"]?[a-z_]+)", text):
            if len(set(re.findall(r"[a-z_]+", match.group(1))) & PART_KINDS) >= 2:
                found.append(f"{path.relative_to(ROOT)}:{text[: match.start()].count(chr(10)) + 1}")
    assert found == []
