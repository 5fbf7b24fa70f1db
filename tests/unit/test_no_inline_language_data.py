"""No language data inline in the stage packages: dependency labels come from the language's
``labels.json`` (``Language.deps(role)``) and word lists from its data files (``lang/<code>/``).

The guard reads every module of the families below with ``ast`` and fails on
- a ``.dep_`` attribute compared with a string literal or a literal collection of strings
  (``tok.dep_ == "dobj"``, ``c.dep_ in ("nsubj", "nsubjpass")``);
- a module-level set, frozenset, tuple or list literal holding three or more lower-case
  alphabetic words (``_OBJECT_CONTROL = {"force", "urge", ...}``).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

FAMILIES = ("events", "entities")

STAGES = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "stages"


def _modules() -> list[Path]:
    return sorted(p for family in FAMILIES for p in (STAGES / family).rglob("*.py"))


def _strings(node: ast.AST) -> list[str] | None:
    """The strings of a string literal or of a literal collection of strings, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and node.elts and all(
            isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
        return [e.value for e in node.elts]
    return None


def _is_dep(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "dep_"


def dep_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, labels) of every comparison of ``.dep_`` with literal strings."""
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        operands = [node.left, *node.comparators]
        if not any(_is_dep(o) for o in operands):
            continue
        for o in operands:
            labels = _strings(o)
            if labels is not None:
                out.append((node.lineno, ", ".join(labels)))
    return out


def _collection(value: ast.AST) -> ast.AST | None:
    """The literal collection of a module-level value: ``{...}``, ``(...)``, ``[...]`` or
    ``frozenset({...})`` / ``set(...)`` / ``tuple(...)`` / ``list(...)`` of one."""
    if isinstance(value, (ast.Set, ast.Tuple, ast.List)):
        return value
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and \
            value.func.id in ("frozenset", "set", "tuple", "list") and len(value.args) == 1:
        return _collection(value.args[0])
    return None


def _word(s: object) -> bool:
    return isinstance(s, str) and s.isalpha() and s.islower()


def word_sets(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, words) of every module-level collection literal with 3+ lower-case words."""
    out = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            value = node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            value = node.value
        else:
            continue
        coll = _collection(value)
        if coll is None:
            continue
        words = [e.value for e in coll.elts if isinstance(e, ast.Constant) and _word(e.value)]
        if len(words) >= 3:
            out.append((node.lineno, ", ".join(words)))
    return out


def test_the_families_exist():
    assert all((STAGES / family / "__init__.py").is_file() for family in FAMILIES)
    assert len(_modules()) > len(FAMILIES)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_dependency_label_literals(path):
    found = dep_literals(ast.parse(path.read_text(encoding="utf-8")))
    assert not found, (f"{path}: dependency labels inline at lines {found}; look the role up with "
                       f"lang.deps(role) (roles in lang/<code>/labels.json)")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_module_level_word_sets(path):
    found = word_sets(ast.parse(path.read_text(encoding="utf-8")))
    assert not found, (f"{path}: word lists inline at lines {found}; move them to a data file in "
                       f"lang/<code>/ and read them through the language (lang.data / lang.cached)")


def test_the_guard_sees_what_it_guards_against():
    bad = ast.parse('A = frozenset({"force", "urge", "ask"})\n'
                    'B = ("COERCE", "AID", "x")\n'
                    'def f(t, lex):\n'
                    '    return t.dep_ == "dobj" or t.head.dep_ not in ("nsubj", "csubj") or t.dep_ in lex.dep("x")\n')
    assert [line for line, _ in word_sets(bad)] == [1]
    assert dep_literals(bad) == [(4, "dobj"), (4, "nsubj, csubj")]
