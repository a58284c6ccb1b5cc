"""Coded quality checks beyond the schema (RX, ZH, DUP, ID, ...), with a checked-in allow-list (pure)."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from importlib import resources

import regex

from . import patterns, placeholders
from .i18n import has_chinese
from .literals import atoms
from .record import Record, Translation, exception_name_of
from .schema import Problem

PATHOLOGICAL_TIMEOUT = 0.1
_CODE_SPAN = re.compile(r"`([^`\n]+)`")
_CJK = r"[\u3400-\u4dbf\u4e00-\u9fff]"
_NO_SPACE = re.compile(rf"{_CJK}[A-Za-z0-9]|[A-Za-z0-9]{_CJK}")
_HALF_WIDTH_PUNCT = re.compile(rf"{_CJK}[,;:!?](?:\s|$)")
_ASCII_GROUP = re.compile(r"\([^()]*\)")  # shapes and tuples such as (批, 高, 宽) keep ASCII commas
KNOWN_TIERS = {"reproduced", "reported", "user", "maintainer_confirmed", "verified", "community"}
CITED_TIERS = {"reproduced", "user"}  # every other tier must cite a public source
MIN_LITERAL = 10  # fixed letters and digits a specific record's regex must spell out
FIX_LINE = "<FIX>"

Check = Callable[[Record], Iterable[Problem]]


def _p(record: Record, json_path: str, code: str, message: str) -> Problem:
    return Problem(record.source or record.id, json_path, message, code)


def check_regex(record: Record) -> Iterable[Problem]:
    """RX001 compiles within bounds, RX002 matches its own signature, RX003 cannot hang; source_regex too."""
    if record.source_regex:
        bad = patterns.pattern_problem(record.source_regex)
        if bad:
            yield _p(record, "$.source_regex", "RX001", bad)
        elif has_nested_quantifier(record.source_regex):
            yield _p(record, "$.source_regex", "RX003", "nested quantifier can backtrack catastrophically")
    bad = patterns.pattern_problem(record.regex)
    pattern = patterns.compiled(record.regex)
    if bad or pattern is None:
        yield _p(record, "$.regex", "RX001", bad or "regex does not compile")
        return
    if not record.generic:
        from .literals import literal_size

        # A short pattern is acceptable only when `modules` ties it to the library whose frames must raise it.
        if literal_size(record.regex) < MIN_LITERAL and not record.modules:
            yield _p(record, "$.regex", "BROAD002",
                     f"regex spells out fewer than {MIN_LITERAL} fixed letters: it would match unrelated errors "
                     "(narrow it, or declare the `modules` that raise it)")
    try:
        if not pattern.search(record.signature, timeout=PATHOLOGICAL_TIMEOUT):
            yield _p(record, "$.regex", "RX002", "regex does not match the record's own signature")
    except TimeoutError:
        yield _p(record, "$.regex", "RX003", "regex timed out on the record's own signature")
        return
    yield from _catastrophic(record, pattern)


def has_nested_quantifier(pattern: str) -> bool:
    """Whether a repeated group contains a repeated atom, like ``(a+)+`` or ``(?:(?:a|aa)+)+``."""
    stack: list[bool] = []  # per open group: does it contain a quantifier?
    items = list(atoms(pattern))
    for k, (at, atom) in enumerate(items):
        following = items[k + 1] if k + 1 < len(items) else (len(pattern), "")
        if atom == "(":
            stack.append(False)
        elif atom == ")" and stack:
            inner = stack.pop()
            repeated = following[1] in ("+", "*") or _unbounded_brace(pattern, following[0])
            if inner and repeated:
                return True
            if stack and (inner or repeated):
                stack[-1] = True
        elif (atom in ("+", "*") or _unbounded_brace(pattern, at)) and stack:
            stack[-1] = True
    return False


def _unbounded_brace(pattern: str, at: int) -> bool:
    found = re.match(r"\{\d*,\}", pattern[at:])
    return bool(found)


def _catastrophic(record: Record, pattern: regex.Pattern[str]) -> Iterable[Problem]:
    if has_nested_quantifier(record.regex):
        yield _p(record, "$.regex", "RX003", "nested quantifier (a group with + or * repeated again) can backtrack catastrophically")
        return
    head, _, body = record.signature.partition(": ")
    head = head + ": " if body else ""
    fills = [body * 20, "a" * 20_000, " ".join(["word"] * 5000), "x" * 10_000, "(" * 5000, "'" * 5000]
    probes = [head + fill + "!" for fill in fills]
    for probe in probes:
        try:
            pattern.search(probe, timeout=PATHOLOGICAL_TIMEOUT)
        except TimeoutError:
            yield _p(record, "$.regex", "RX003", f"regex took over {PATHOLOGICAL_TIMEOUT * 1000:.0f} ms on a long input")
            return


def _zh_texts(record: Record) -> list[tuple[str, str]]:
    texts = [("$.signature_zh", record.signature_zh), ("$.root_cause_zh", record.root_cause_zh),
             ("$.summary_zh", record.summary_zh)]
    for name, items in (("workarounds_zh", record.workarounds_zh), ("dead_ends_zh", record.dead_ends_zh)):
        for i, item in enumerate(items):
            for field in ("action", "how", "condition", "why_fails"):
                value = getattr(item, field)
                path = f"$.{name}[{i}]" + ("" if isinstance(record.raw.get(name, [None] * (i + 1))[i], str) else f".{field}")
                texts.append((path, value))
    return [(path, text) for path, text in texts if text.strip()]


def check_chinese(record: Record) -> Iterable[Problem]:
    """ZH001 Chinese present, ZH002 code spans kept, ZH003 typography, ZH004 item counts."""
    for path, text in _zh_texts(record):
        if not has_chinese(text):
            yield _p(record, path, "ZH001", "Chinese field holds no Chinese text")
            continue
        outside = _CODE_SPAN.sub(" ", text)
        tight = _NO_SPACE.search(outside)
        half = _HALF_WIDTH_PUNCT.search(_ASCII_GROUP.sub(" ", outside))
        if tight:
            yield _p(record, path, "ZH003", f"no space between Chinese and Latin text near {tight.group()!r}")
        elif half:
            yield _p(record, path, "ZH003", f"half-width punctuation in a Chinese sentence near {half.group()!r}")
    yield from _code_spans_kept(record)
    if record.workarounds_zh and len(record.workarounds_zh) != len(record.workarounds):
        yield _p(record, "$.workarounds_zh", "ZH004", f"{len(record.workarounds_zh)} items for {len(record.workarounds)} workarounds")
    if record.dead_ends_zh and len(record.dead_ends_zh) != len(record.dead_ends):
        yield _p(record, "$.dead_ends_zh", "ZH004", f"{len(record.dead_ends_zh)} items for {len(record.dead_ends)} dead ends")


def _code_spans_kept(record: Record) -> Iterable[Problem]:
    for i, fix in enumerate(record.workarounds):
        zh = record.workarounds_zh[i] if i < len(record.workarounds_zh) else Translation()
        zh_text = " ".join((zh.action, zh.how, zh.condition))
        if not has_chinese(zh_text):
            continue
        for span in _CODE_SPAN.findall(" ".join((fix.action, fix.condition))):
            if span not in zh_text:
                yield _p(record, f"$.workarounds_zh[{i}]", "ZH002", f"code span `{span}` of the English is missing")


def check_placeholders(record: Record) -> Iterable[Problem]:
    """PH001: every ``{name}`` in text or code is a named group of the regex (or one the session fills)."""
    from .context import CONTEXT_PLACEHOLDERS

    pattern = patterns.compiled(record.regex)
    own = set(pattern.groupindex) if pattern is not None else set()
    groups = own | CONTEXT_PLACEHOLDERS
    texts = [("$.summary", record.summary, False), ("$.root_cause", record.root_cause, False),
             ("$.summary_zh", record.summary_zh, False), ("$.root_cause_zh", record.root_cause_zh, False)]
    for i, fix in enumerate(record.workarounds):
        texts += [(f"$.workarounds[{i}].{k}", getattr(fix, k), k == "code") for k in ("action", "how", "condition", "code")]
    for i, zh in enumerate(record.workarounds_zh):
        texts += [(f"$.workarounds_zh[{i}]", zh.action, False), (f"$.workarounds_zh_details[{i}]", zh.how + zh.condition, False)]
    for path, text, code in texts:
        for name in sorted(placeholders.names_in(text, code=True) - groups):
            yield _p(record, path, "PH001", f"placeholder {{{name}}} has no named group (?P<{name}>...) in the regex")
        if code:
            plain = [ln for ln in text.splitlines() if not ln.lstrip().startswith(("%", "!"))]
            for name in sorted((placeholders.names_in("\n".join(plain), code=True) & CONTEXT_PLACEHOLDERS) - own):
                yield _p(record, path, "PH002", f"the session placeholder {{{name}}} is for text and %pip lines, not Python code")


def check_fixes(record: Record) -> Iterable[Problem]:
    """VER001 a reproduced fix with code has a verify program, VER002 with a <FIX> line, CODE001 the code compiles."""
    pattern = patterns.compiled(record.regex)
    groups = set(pattern.groupindex) if pattern is not None else set()
    for i, fix in enumerate(record.workarounds):
        if not fix.code:
            continue
        filled, _ = placeholders.fill_code(fix.code, {g: "x" for g in groups}, groups)
        problem = code_problem(filled)
        if problem:
            yield _p(record, f"$.workarounds[{i}].code", "CODE001", problem)
        if fix.is_check:
            continue
        if record.verification_tier == "reproduced" and not fix.verify:
            yield _p(record, f"$.workarounds[{i}].verify", "VER001",
                     "a fix with code needs a verify program that applies it to the reproducer (or kind: check)")
        elif fix.verify and not any(line.strip() == FIX_LINE for line in fix.verify.splitlines()):
            yield _p(record, f"$.workarounds[{i}].verify", "VER002", "verify has no line that is exactly <FIX>")


def code_problem(code: str) -> str | None:
    """Why fix code would not run as Python (IPython ``%``/``!`` lines aside), or None."""
    text = "\n".join("pass" if line.lstrip().startswith(("%", "!")) else line for line in code.splitlines())
    try:
        compile(text, "<fix>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, dont_inherit=True)  # notebooks await at top level
    except SyntaxError as exc:
        return f"code does not compile: {exc.msg} (line {exc.lineno})"
    except (ValueError, RecursionError, MemoryError, OverflowError) as exc:
        return f"code does not compile: {type(exc).__name__}"
    return None


def check_sources(record: Record) -> Iterable[Problem]:
    """SRC001: a record that was not raised here cites the public threads or docs it comes from."""
    if record.verification_tier in CITED_TIERS:
        return
    urls = list(record.sources) + [s for w in record.workarounds for s in w.sources]
    if not any(u.startswith("https://") for u in urls):
        yield _p(record, "$.sources", "SRC001", f"a {record.verification_tier or 'untiered'} record cites no public https source")


def check_requires(record: Record) -> Iterable[Problem]:
    """REQ001: ``reproduce.requires`` names the distribution of every third-party module the reproducer imports."""
    repro = record.reproduce or {}
    code, requires = repro.get("code"), repro.get("requires") or {}
    if not isinstance(code, str) or not isinstance(requires, dict):
        return
    from .imports import distributions_for, imported_modules

    wanted = {canonical(n) for n in requires}
    for module in sorted(imported_modules(code)):
        dists = distributions_for(module)
        if dists and not wanted & {canonical(d) for d in dists}:
            names = " or ".join(sorted(dists))
            yield _p(record, "$.reproduce.requires", "REQ001", f"the reproducer imports {module} ({names}), which requires does not list")


def canonical(name: str) -> str:
    """A distribution name as packaging compares it."""
    from packaging.utils import canonicalize_name

    return str(canonicalize_name(name))


def check_content(record: Record) -> Iterable[Problem]:
    """DUP001, REC001-REC002, SIG001, URL001, TYPE001-TYPE002, TIER001, ID002."""
    zh = record.raw.get("workarounds_zh")
    if isinstance(zh, list) and any(isinstance(item, dict) for item in zh):
        yield _p(record, "$.workarounds_zh", "TYPE002", "workarounds_zh items are objects; the seed format has strings "
                 "(put how/condition in workarounds_zh_details)")
    for i, fix in enumerate(record.workarounds):
        if fix.how and fix.how.strip() == fix.action.strip():
            yield _p(record, f"$.workarounds[{i}].how", "DUP001", "`how` repeats `action` word for word")
    yield from _shape(record)


def _shape(record: Record) -> Iterable[Problem]:
    """REC001-REC002, SIG001, URL001, TYPE001, TIER001, ID002: the record's form beyond the schema."""
    if not record.generic and len(record.workarounds) < 2:
        yield _p(record, "$.workarounds", "REC001", "fewer than two workarounds")
    if record.verification_tier == "reproduced" and not (record.reproduce or {}).get("code"):
        yield _p(record, "$.reproduce", "REC002", "no reproduce.code: the message cannot be checked against a real library")
    if not exception_name_of(record.signature):
        yield _p(record, "$.signature", "SIG001", "signature does not start with an exception type ('Type: message')")
    if record.official_doc_url and not record.official_doc_url.startswith("https://"):
        yield _p(record, "$.official_doc_url", "URL001", "official_doc_url is not an https link")
    if isinstance(record.raw.get("resolvable"), str):
        yield _p(record, "$.resolvable", "TYPE001", "resolvable is a string; write true or false")
    if record.verification_tier not in KNOWN_TIERS:
        yield _p(record, "$.verification_tier", "TIER001", f"tier {record.verification_tier or 'missing'!r} is not a verified tier")
    if record.id.split("/", 1)[0] != record.domain:
        yield _p(record, "$.domain", "ID002", f"domain {record.domain!r} differs from the id's first segment")


def check_unwritten(record: Record) -> Iterable[Problem]:
    """TODO001: text still to write in a record made by ``%errfix new``: a TODO mark, or an empty Chinese field."""
    if record.verification_tier != "user":
        return
    texts = [("$.summary", record.summary), ("$.root_cause", record.root_cause)]
    texts += [(f"$.workarounds[{i}].action", w.action) for i, w in enumerate(record.workarounds)]
    for path, text in texts:
        if "TODO" in text:
            yield _p(record, path, "TODO001", "still to write (it says TODO)")
    chinese = [("$.signature_zh", record.signature_zh), ("$.summary_zh", record.summary_zh), ("$.root_cause_zh", record.root_cause_zh)]
    chinese += [(f"$.workarounds_zh[{i}]", record.workarounds_zh[i].action if i < len(record.workarounds_zh) else "")
                for i in range(len(record.workarounds))]
    for path, text in chinese:
        if not text.strip():
            yield _p(record, path, "TODO001", "Chinese text still to write")


CHECKS: tuple[Check, ...] = (check_regex, check_chinese, check_content, check_placeholders, check_fixes,
                             check_sources, check_requires, check_unwritten)


def lint_record(record: Record) -> list[Problem]:
    """Every lint finding for one record."""
    return [problem for check in CHECKS for problem in check(record)]


@lru_cache(maxsize=1)
def allowlist() -> dict[str, frozenset[str]]:
    """Known findings we accept, by record id (the user's seeds stay as given)."""
    text = resources.files("errfix_jupyter").joinpath("lint_allowlist.json").read_text(encoding="utf-8")
    return {rid: frozenset(codes) for rid, codes in json.loads(text).items() if not rid.startswith("_")}


def lint(records: Iterable[Record], *, use_allowlist: bool = True) -> list[Problem]:
    """Lint findings for ``records`` (each, and across them), minus the allow-listed ones."""
    allowed = allowlist() if use_allowlist else {}
    records = list(records)
    found = []
    for record in records:
        found += lint_record(record)
    found += cross_check(records)
    return [p for p in found if p.code not in allowed.get(_record_id(p, records), frozenset())]


def _record_id(problem: Problem, records: list[Record]) -> str:
    for record in records:
        if problem.path in (record.source, record.id):
            return record.id
    return ""


def cross_check(records: list[Record]) -> list[Problem]:
    """DUP002 the same regex in two records; BROAD001 a regex that matches another record's real message."""
    found: list[Problem] = []
    first: dict[str, Record] = {}
    specific = [r for r in records if not r.generic]
    for record in specific:
        if record.regex in first:
            found.append(_p(record, "$.regex", "DUP002", f"the same regex as {first[record.regex].id}"))
        first.setdefault(record.regex, record)
    by_type: dict[str, list[Record]] = {}
    for record in specific:
        by_type.setdefault(record.exception_name, []).append(record)
    for record in specific:
        pattern = patterns.compiled(record.regex)
        if pattern is None:
            continue
        related = set(record.confused_with)
        for other in by_type.get(record.exception_name, []):
            if other is record or other.id in related or record.id in other.confused_with or _told_apart(record, other):
                continue
            if any(_hits(pattern, text) for text in (other.signature, *other.aliases)):
                found.append(_p(record, "$.regex", "BROAD001", f"regex also matches the message of {other.id}"))
                break
    return found


def _told_apart(record: Record, other: Record) -> bool:
    """Records with the same message that declare how they differ (failing line, or the modules in the traceback)."""
    return bool(record.source_regex or other.source_regex) or bool(
        record.modules and other.modules and not set(record.modules) & set(other.modules))


def _hits(pattern: regex.Pattern[str], text: str) -> bool:
    try:
        return bool(pattern.search(text[:2000], timeout=PATHOLOGICAL_TIMEOUT))
    except TimeoutError:
        return False
