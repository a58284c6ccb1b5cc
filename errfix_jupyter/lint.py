"""Coded quality checks beyond the schema (RX, ZH, DUP, ID, ...), with a checked-in allow-list (pure)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable

import regex

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
KNOWN_TIERS = {"reproduced", "maintainer_confirmed", "verified", "community"}

Check = Callable[[Record], Iterable[Problem]]


def _p(record: Record, json_path: str, code: str, message: str) -> Problem:
    return Problem(record.source or record.id, json_path, message, code)


def check_regex(record: Record) -> Iterable[Problem]:
    """RX001 compiles, RX002 matches its own signature, RX003 cannot hang."""
    try:
        pattern = regex.compile(record.regex)
    except (regex.error, TypeError, ValueError) as exc:
        yield _p(record, "$.regex", "RX001", f"regex does not compile: {exc}")
        return
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
        if _NO_SPACE.search(outside):
            yield _p(record, path, "ZH003", f"no space between Chinese and Latin text near {_NO_SPACE.search(outside).group()!r}")
        elif _HALF_WIDTH_PUNCT.search(_ASCII_GROUP.sub(" ", outside)):
            near = _HALF_WIDTH_PUNCT.search(_ASCII_GROUP.sub(" ", outside)).group()
            yield _p(record, path, "ZH003", f"half-width punctuation in a Chinese sentence near {near!r}")
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


def check_content(record: Record) -> Iterable[Problem]:
    """DUP001, REC001-REC002, SIG001, URL001, TYPE001, TIER001, ID002."""
    for i, fix in enumerate(record.workarounds):
        if fix.how and fix.how.strip() == fix.action.strip():
            yield _p(record, f"$.workarounds[{i}].how", "DUP001", "`how` repeats `action` word for word")
    if not record.generic and len(record.workarounds) < 2:
        yield _p(record, "$.workarounds", "REC001", "fewer than two workarounds")
    if not (record.reproduce or {}).get("code"):
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


CHECKS: tuple[Check, ...] = (check_regex, check_chinese, check_content)


def lint_record(record: Record) -> list[Problem]:
    """Every lint finding for one record."""
    return [problem for check in CHECKS for problem in check(record)]


@lru_cache(maxsize=1)
def allowlist() -> dict[str, frozenset[str]]:
    """Known findings we accept, by record id (the user's seeds stay as given)."""
    text = resources.files("errfix_jupyter").joinpath("lint_allowlist.json").read_text(encoding="utf-8")
    return {rid: frozenset(codes) for rid, codes in json.loads(text).items() if not rid.startswith("_")}


def lint(records: Iterable[Record], *, use_allowlist: bool = True) -> list[Problem]:
    """Lint findings for ``records``, minus the allow-listed ones."""
    allowed = allowlist() if use_allowlist else {}
    found = []
    for record in records:
        skip = allowed.get(record.id, frozenset())
        found += [p for p in lint_record(record) if p.code not in skip]
    return found
