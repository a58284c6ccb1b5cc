"""Patterns from records are untrusted: bound them before compiling, compile lazily, search with a timeout (pure).

The ``regex`` module's timeout covers matching, not compiling: ``a{4294967294}`` or nested counted repeats
allocate gigabytes while compiling. So every pattern a record carries is first scanned (length, group nesting,
repeat counts and their product), and only a pattern within the bounds is compiled.
"""

from __future__ import annotations

import regex

from .literals import atoms

MAX_LENGTH = 2000
MAX_NESTING = 12
MAX_REPEAT = 5000
MAX_REPEAT_PRODUCT = 20_000
HEAVY = 1000  # a pattern whose repeats multiply past this costs memory for as long as it stays compiled
HEAVY_BUDGET = 400_000  # the heavy patterns' products that a session keeps compiled, in all
CACHE_SIZE = 8192
TIMEOUT = 0.05  # seconds per search; texts are capped before searching
_COUNTED = regex.compile(r"\{(\d*)(?:,(\d*))?\}")
_RECURSION = regex.compile(r"\(\?(?:R|[+-]?\d+|&\w+|P>\w+)\)")


def bounds_problem(pattern: str) -> str | None:
    """Why ``pattern`` is too costly to compile, or None; scans the text only, compiles nothing."""
    return _scan(pattern)[0]


def weight(pattern: str) -> int:
    """The largest product of nested repeat counts in ``pattern`` (1 for a pattern without counted repeats)."""
    return _scan(pattern)[1]


def _scan(pattern: str) -> tuple[str | None, int]:
    if len(pattern) > MAX_LENGTH:
        return f"pattern is {len(pattern)} characters long; at most {MAX_LENGTH}", 0
    if _RECURSION.search(pattern):
        return "recursive pattern calls ((?R), (?1), (?&name)) are not allowed", 0
    stack: list[int] = [1]  # per open group: the largest repeat product inside it
    last = 1  # the product of the atom or group just read, before its quantifier
    for at, atom in atoms(pattern):
        if atom == "(":
            stack.append(1)
            if len(stack) > MAX_NESTING + 1:
                return f"groups nested more than {MAX_NESTING} deep", 0
            continue
        if atom == ")" and len(stack) > 1:
            last = stack.pop()
            stack[-1] = max(stack[-1], last)
            continue
        count = _count(pattern, at) if atom == "{" else None
        if count is not None:
            product, problem = last * max(count, 1), _repeat_problem(count, last)
            if problem:
                return problem, 0
            stack[-1] = max(stack[-1], product)
            continue
        if atom not in ("*", "+", "?", "|", "}", ",") and not atom.isdigit():
            last = 1
    return None, max(stack)


def _count(pattern: str, at: int) -> int | None:
    """The count of a ``{m}``, ``{m,}``, ``{,n}`` or ``{m,n}`` repeat starting at ``at`` (its larger bound)."""
    counted = _COUNTED.match(pattern, at)
    if not counted or not (counted.group(1) or counted.group(2)):
        return None
    return max(int(counted.group(1) or 0), int(counted.group(2) or 0))


def _repeat_problem(count: int, inner: int) -> str | None:
    if count > MAX_REPEAT:
        return f"repeat count {count} is over {MAX_REPEAT}"
    if inner * max(count, 1) > MAX_REPEAT_PRODUCT:
        return f"nested repeat counts multiply to {inner * max(count, 1)}; at most {MAX_REPEAT_PRODUCT}"
    return None


def pattern_problem(pattern: str) -> str | None:
    """Why ``pattern`` cannot be used (too costly, or does not compile), or None."""
    bound = bounds_problem(pattern)
    if bound:
        return bound
    if compiled(pattern) is None:
        return f"regex does not compile: {compile_error(pattern)}"
    return None


_CACHE: dict[str, regex.Pattern[str] | None] = {}
_heavy_total = 0


def compiled(pattern: str) -> regex.Pattern[str] | None:
    """The compiled pattern, or None when it is out of bounds, over the session's budget, or does not compile."""
    global _heavy_total
    if pattern in _CACHE:
        return _CACHE[pattern]
    problem, cost = _scan(pattern)
    if problem is not None or (cost > HEAVY and _heavy_total + cost > HEAVY_BUDGET):
        return None  # not cached: a pattern refused for the budget is refused again, at no cost
    try:
        result: regex.Pattern[str] | None = regex.compile(pattern)
    except (regex.error, ValueError, TypeError, RecursionError, OverflowError, MemoryError):
        result = None
    if len(_CACHE) >= CACHE_SIZE:
        _CACHE.clear()
        _heavy_total = 0
    if cost > HEAVY and result is not None:
        _heavy_total += cost
    _CACHE[pattern] = result
    return result


def compile_error(pattern: str) -> str:
    """The compiler's message for a pattern that does not compile."""
    try:
        regex.compile(pattern)
    except (regex.error, ValueError, TypeError, RecursionError, OverflowError, MemoryError) as exc:
        return str(exc)[:200] or type(exc).__name__
    return ""


def search(pattern: str, text: str, *, timeout: float = TIMEOUT) -> regex.Match[str] | None:
    """Search ``text`` with a bounded pattern; None when it is out of bounds, does not compile or times out."""
    found = compiled(pattern)
    if found is None:
        return None
    try:
        return found.search(text, timeout=timeout)
    except TimeoutError:
        return None
