"""Words every match of a regex must contain, for indexing records without running their patterns (pure)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_TOKEN = re.compile(r"[A-Za-z0-9_]+")
_QUANTIFIERS = "*+?{"
_SPECIAL = ".^$|()[]"
_ESCAPED_LITERALS = set(".^$*+?{}[]()|\\/-'\"`:;,=!<>#&%@~ ")
_BRACED_ESCAPES = set("pPNxuU")


def tokens(text: str) -> set[str]:
    """Lower-case ASCII word tokens (with at least one letter and three characters) of ``text``."""
    return {t for t in _TOKEN.findall(text.lower()) if len(t) >= 3 and not t.isdigit()}


def required_words(pattern: str) -> set[str]:
    """Lower-case words that appear in every string ``pattern`` matches; empty when unsure.

    Only literal runs at the top level count (not inside groups, alternations or classes), and only
    words not touching either end of a run, so a word can never be part of a longer word in a match.
    """
    return set(_required_words(pattern))


@lru_cache(maxsize=16384)
def _required_words(pattern: str) -> frozenset[str]:
    # Asked again on every lookup for each candidate of a user folder (whether its pattern is broad): parse once.
    if _has_top_level_alternation(pattern) or re.match(r"\(\?[a-zA-Z]*x", pattern):
        return frozenset()
    words: set[str] = set()
    for run in _literal_runs(pattern):
        inner = [m for m in _TOKEN.finditer(run) if m.start() > 0 and m.end() < len(run)]
        words |= {m.group().lower() for m in inner if len(m.group()) >= 3 and not m.group().isdigit()}
    return frozenset(words)


def atoms(pattern: str) -> Iterator[tuple[int, str]]:
    """Split a pattern into atoms with their start: an escape (``\\x``), a whole class (``[...]``), or one character."""
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            yield i, pattern[i : i + 2]
            i += 2
        elif pattern[i] == "[":
            j = i + 1 + (pattern[i + 1 : i + 2] == "^")
            j += pattern[j : j + 1] == "]"
            while j < len(pattern) and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            yield i, pattern[i : j + 1]
            i = j + 1
        else:
            yield i, pattern[i]
            i += 1


def _has_top_level_alternation(pattern: str) -> bool:
    return len(_top_level_branches(pattern)) > 1


def _literal_runs(pattern: str) -> list[str]:
    """The runs of literal characters at the top level of ``pattern`` (outside groups, classes and quantified atoms)."""
    runs = [""]
    depth = 0
    items = _plain_atoms(pattern)
    for k, atom in enumerate(items):
        following = items[k + 1] if k + 1 < len(items) else ""
        depth = depth + 1 if atom == "(" else max(depth - 1, 0) if atom == ")" else depth
        char = None if depth or atom in "()" else _literal(atom, following)
        if char is None:
            runs.append("")
        else:
            runs[-1] += char
    return [run for run in runs if run]


def _plain_atoms(pattern: str) -> list[str]:
    """The atoms of ``pattern`` with the braces of ``\\p{...}``, ``\\N{...}``, ``\\x{...}`` left out."""
    out: list[str] = []
    skipping = False
    for _, atom in atoms(pattern):
        if skipping:
            skipping = atom != "}"
        elif atom == "{" and out and out[-1][1:] in _BRACED_ESCAPES and out[-1].startswith("\\"):
            skipping = True
        else:
            out.append(atom)
    return out


def _literal(atom: str, following: str) -> str | None:
    """The character a top-level atom stands for, or None when it is not a fixed, unquantified character."""
    if following[:1] in _QUANTIFIERS:
        return None
    if atom.startswith("\\"):
        return atom[1] if len(atom) == 2 and atom[1] in _ESCAPED_LITERALS else None
    if atom.startswith("[") or atom in _SPECIAL or atom in _QUANTIFIERS or atom == "}":
        return None
    return atom


def _quantified(pattern: str, after: int) -> bool:
    """Whether the atom ending just before ``after`` is followed by a quantifier."""
    return after < len(pattern) and pattern[after] in _QUANTIFIERS


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SPACE = re.compile(r"\s+")


def normalise(message: str) -> str:
    """A message with numbers masked and spaces folded, for near-miss comparison.

    Quoted names are kept: masking them would make every "'X' object has no attribute 'y'" alike.
    """
    return _SPACE.sub(" ", _NUMBER.sub("0", message[:400].lower())).strip()


_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]")
_ESCAPE = re.compile(r"\\[A-Za-z](?:\{[^}]*\})?")
_GROUP_FLAGS = re.compile(r"\(\?(?:[a-zA-Z]+\)|P?<[^>]*>|[:=!]|<[=!])")
_QUANT = re.compile(r"\{\d*,?\d*\}")


def literal_size(pattern: str) -> int:
    """How many letters and digits a pattern spells out literally (its fixed text), a measure of how specific it is.

    A pattern of alternatives at its top level is as specific as its least specific alternative: listing two
    messages must not count as spelling out twice as much.
    """
    branches = _top_level_branches(_required_only(pattern))
    return min(_letters(branch) for branch in branches) if branches else 0


def _required_only(pattern: str) -> str:
    """``pattern`` without what a match need not contain: lookarounds and groups that may occur zero times."""
    spans, opened = [], []
    for at, atom in atoms(pattern):
        if atom == "(":
            opened.append(at)
        elif atom == ")" and opened:
            start = opened.pop()
            after = pattern[at + 1 : at + 3]
            if pattern.startswith(("(?!", "(?=", "(?<!", "(?<="), start) or after[:1] in ("?", "*") or after == "{0":
                spans.append((start, at + 1))
    kept, last = [], 0
    for start, end in sorted(spans):
        if start >= last:  # an inner span inside a removed one is already gone
            kept.append(pattern[last:start])
            last = end
    return "".join(kept) + pattern[last:]


def _letters(pattern: str) -> int:
    text = _QUANT.sub("", _GROUP_FLAGS.sub("", _ESCAPE.sub("", _CLASS.sub("", pattern))))
    return sum(ch.isalnum() for ch in text)


def _top_level_branches(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (outside groups and classes)."""
    depth, start, branches = 0, 0, []
    for at, atom in atoms(pattern):
        if atom == "(":
            depth += 1
        elif atom == ")":
            depth = max(depth - 1, 0)
        elif atom == "|" and depth == 0:
            branches.append(pattern[start:at])
            start = at + 1
    return [*branches, pattern[start:]]
