"""Guard: the stage families read their language data through the article's language.

Scans (with ``ast``) every module of the families below and the shared stage modules, and
fails on
- a ``.dep_`` compared with a string literal or a literal collection of strings (a
  dependency label belongs in ``lang/<code>/labels.json``, read with ``lang.deps(role)``);
- a module-level set / frozenset / tuple / list (or ``"...".split()``) literal
  holding three or more lower-case alphabetic word strings (a word list: a data file);
- a regular expression (a string passed to ``re.compile`` / ``re.match`` / ... or to a
  ``_rx`` helper, anywhere in the module) whose source holds an alternation of three or more
  lower-case words, ``(?:this|last|next)`` (a word list: the language's ``*_rules.json``);
- a module that loads a language data file at import (``.data(...)`` / ``.cached(...)`` /
  ``.deps(...)`` called outside a function), checked again by importing the packages in a
  fresh interpreter and finding every language's cache still empty.
"""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

FAMILIES = ("quotes", "numbers", "times", "places", "events", "entities")
SHARED = ("base", "text", "anchor", "dateline")

STAGES = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "stages"
_LOADERS = {"data", "cached", "deps"}
_RE_FUNCS = {"compile", "match", "search", "fullmatch", "finditer", "findall", "split", "sub", "subn"}
# three or more alternatives in a row that are lower-case words ("from\\s+now", "thirds?" too)
_ALT = r"[a-z][a-z'-]*(?:\\s[+*][a-z]+)*s?\??"
_WORD_ALTERNATION = re.compile(rf"(?:^|(?<=[(:|>]))({_ALT}(?:\|{_ALT}){{2,}})(?=$|[)|])")


def _modules() -> list[Path]:
    out = [STAGES / f"{name}.py" for name in SHARED]
    for fam in FAMILIES:
        out += sorted((STAGES / fam).glob("*.py"))
    return out


def _words(node) -> list[str]:
    """The string constants of a literal collection (or ``"a b c".split()``)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
            and node.func.id in ("set", "frozenset", "tuple", "list") and len(node.args) == 1:
        return _words(node.args[0])
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str):
        return node.func.value.value.split()
    if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


def _is_word(s: str) -> bool:
    return s.isalpha() and s.islower()


def _strings(node) -> bool:
    """A string literal or a literal collection holding a string."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    return bool(_words(node))


def _dep_literals(tree) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if any(isinstance(s, ast.Attribute) and s.attr == "dep_" for s in sides) \
                and any(_strings(s) for s in sides):
            lines.append(node.lineno)
    return lines


def _module_level(tree):
    """Nodes run at import: everything outside function bodies and lambdas."""
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue
        yield node
        todo.extend(ast.iter_child_nodes(node))


def _word_lists(tree) -> list[int]:
    """Lines of module-level literals with 3+ lower-case words; a stage declaration's
    ``requires=(...)`` names stages, not words, and is not one."""
    names = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.keyword) and n.arg == "requires"}
    return [n.lineno for n in _module_level(tree)
            if id(n) not in names and sum(_is_word(w) for w in _words(n)) >= 3]


def _regex_source(node) -> str:
    """The literal text of a regex argument: string constants, f-string constant parts
    (a placeholder splits the text) and ``+`` concatenations."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "\x00".join(v.value if isinstance(v, ast.Constant) else "" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _regex_source(node.left) + "\x00" + _regex_source(node.right)
    return ""


def _is_regex_call(node) -> bool:
    f = node.func
    if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "re":
        return f.attr in _RE_FUNCS
    return isinstance(f, ast.Name) and f.id == "_rx"


def _regex_word_lists(tree) -> list[int]:
    """Lines of regexes whose source holds an alternation of 3+ lower-case words."""
    return sorted(n.lineno for n in ast.walk(tree)
                  if isinstance(n, ast.Call) and _is_regex_call(n) and n.args
                  and any(_WORD_ALTERNATION.search(part) for part in _regex_source(n.args[0]).split("\x00")))


def _import_loads(tree) -> list[int]:
    return [n.lineno for n in _module_level(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in _LOADERS]


def _scan(check) -> list[str]:
    found = []
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(STAGES)}:{line}" for line in sorted(set(check(tree)))]
    return found


def test_the_scan_covers_every_family_module():
    names = {str(p.relative_to(STAGES)) for p in _modules()}
    assert all(p.exists() for p in _modules())
    for fam in FAMILIES:
        assert f"{fam}/__init__.py" in names


@pytest.mark.parametrize("check, what", [
    (_dep_literals, "dependency labels compared as literals (use lang.deps(role))"),
    (_word_lists, "module-level word lists (move them to lang/<code>/ data files)"),
    (_regex_word_lists, "regexes with word alternations (move them to lang/<code>/*_rules.json)"),
    (_import_loads, "language data loaded at import (load it through ctx.lang when a stage runs)"),
])
def test_no_inline_language_data(check, what):
    found = _scan(check)
    assert not found, f"{what}: " + ", ".join(found)


def test_the_checks_catch_the_forms_they_forbid():
    src = ("import x\n"
           "CUES = {'in', 'since', 'by'}\n"
           "SAY = frozenset('say tell report'.split())\n"
           "WORDS = x.lang.data('times_words.json')\n"
           "def f(t):\n"
           "    return t.dep_ == 'dobj' or t.dep_ in ('nsubj', 'nsubjpass')\n")
    tree = ast.parse(src)
    assert sorted(set(_word_lists(tree))) == [2, 3]
    assert _import_loads(tree) == [4]
    assert sorted(_dep_literals(tree)) == [6, 6]
    ok = ast.parse("ROLES = ('subject', 'object')\ndef f(t, s):\n    return t.dep_ in s\n")
    assert not _word_lists(ok) and not _dep_literals(ok) and not _import_loads(ok)


def test_the_regex_check_catches_word_alternations():
    src = ("import re\n"
           "A = re.compile(r'(?P<rel>this|last|next)\\s+year')\n"
           "def f(x, lex):\n"
           "    return re.search(rf'{x}(?:ago|from\\s+now|hence)', x)\n"
           "B = _rx(r'(?P<unit>years|months|weeks)')\n"
           "C = re.compile('(?i:' + 'between|from|to' + ')')\n")
    assert _regex_word_lists(ast.parse(src)) == [2, 4, 5, 6]
    ok = ("import re\n"
          "A = re.compile(r'(?i:between|from)\\s+$')\n"  # two words
          "B = re.compile(r'[ECMP][SD]T|GMT|UTC|BST')\n"  # upper case
          "C = re.compile(rf'(?:{x}|{y}|{z})')\n"  # placeholders
          "D = re.compile(r'\\{([A-Z_]+)\\}|\\d{1,2}|[a-z]')\n")
    assert _regex_word_lists(ast.parse(ok)) == []


def test_importing_the_families_loads_no_language_data():
    mods = ", ".join(f"newsgraph.stages.{fam}" for fam in FAMILIES)
    code = (f"import {mods}\n"
            "from newsgraph.lang import LANGUAGES\n"
            "loaded = {c: sorted(l._cache) for c, l in LANGUAGES.items() if l._cache}\n"
            "print(loaded or '')\n")
    env = {**os.environ, "PYTHONPATH": str(STAGES.parents[1])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "", f"loaded at import: {out.stdout.strip()}"
