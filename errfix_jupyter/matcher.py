"""Rank records for an error: regex beats near-miss beats generic, adjusted by evidence (pure)."""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from typing import Literal, Mapping, Sequence

import regex
from rapidfuzz import fuzz

from . import versions
from .errorinfo import ErrorInfo
from .knowledge import KnowledgeBase
from .literals import literal_size, normalise, tokens
from .record import Record

MatchKind = Literal["regex", "near_miss", "generic"]

REGEX_TIMEOUT = 0.05  # seconds per pattern; patterns run on capped text
LOOKUP_BUDGET = 1.0  # seconds for all patterns of one lookup
REGEX_BASE = 0.80
NEAR_MISS_MIN = 0.80  # similarity below which a signature is not a near miss
NEAR_MISS_LOW, NEAR_MISS_HIGH = 0.35, 0.65
GENERIC_BASE, GENERIC_CAP = 0.30, 0.45
DOMAIN_AGREES, DOMAIN_DISAGREES = 0.08, -0.15
SOURCE_LINE = 0.06  # the record's source_regex matches the failing line
SPECIFICITY_PER_CHAR, SPECIFICITY_CAP = 0.0008, 0.08
VERSION_AFFECTED, VERSION_NOT_AFFECTED = 0.04, -0.12
TIER_BONUS = {"reproduced": 0.04, "maintainer_confirmed": 0.03, "verified": 0.03, "community": 0.0, "ai_generated": -0.12}
TIER_UNKNOWN = -0.04
_KIND_ORDER = {"regex": 0, "near_miss": 1, "generic": 2}

DOMAIN_MODULES: dict[str, tuple[str, ...]] = {
    "python": (), "environment": (),
    "sklearn": ("sklearn",), "scikit-learn": ("sklearn",),
    "matplotlib": ("matplotlib", "mpl_toolkits"),
    "tensorflow": ("tensorflow", "keras", "tf_keras"),
    "keras": ("keras", "tf_keras", "tensorflow"),
    "requests": ("requests", "urllib3"),
    "jupyter": ("IPython", "ipykernel", "ipywidgets", "traitlets", "jupyter_client", "comm"),
}


@dataclass(frozen=True)
class Reason:
    """One contribution to a score: a code the panel translates, the change it made, and its parameters."""

    code: str
    delta: float
    params: Mapping[str, str] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, eq=False)
class Match:
    """A record that fits an error, with its score in [0, 1], how it matched, and why."""

    record: Record
    score: float
    match_kind: MatchKind
    reasons: tuple[Reason, ...]
    version_checks: tuple[versions.VersionCheck, ...] = ()


def match(error: ErrorInfo, kb: KnowledgeBase, *, installed: Mapping[str, str] | None = None,
          top: int | None = None, diagnostics: list[str] | None = None) -> list[Match]:
    """Rank the records of ``kb`` for ``error``; best first, at most ``top``."""
    installed = installed if installed is not None else {}
    found: dict[str, tuple[MatchKind, Reason]] = {}
    words = tokens(error.message)
    names = list(error.type_names) or kb.type_names()
    _regex_pass(error, kb, names, words, found, diagnostics)
    _near_miss_pass(error, kb, names, words, found)
    for record in kb.generic_for(error.type_names):
        found.setdefault(record.id, ("generic", Reason("generic", GENERIC_BASE, {"type": error.type_name})))
    matches = [_score(kb.get(rid), kind, first, error, installed, kb) for rid, (kind, first) in found.items()]
    matches.sort(key=lambda m: (-m.score, _KIND_ORDER[m.match_kind], -kb.literal_size(m.record), m.record.id))
    return matches[:top] if top else matches


def _regex_pass(error: ErrorInfo, kb: KnowledgeBase, names: Sequence[str], words: set[str],
                found: dict[str, tuple[MatchKind, Reason]], diagnostics: list[str] | None) -> None:
    deadline = time.perf_counter() + LOOKUP_BUDGET
    for record in kb.regex_candidates(names, words):
        pattern = kb.compiled(record)
        if pattern is None or record.id in found:
            continue
        if time.perf_counter() > deadline:
            _note(diagnostics, "lookup time budget used up; some records were not tried")
            return
        try:
            hit = any(pattern.search(text, timeout=REGEX_TIMEOUT) for text in _texts_for(error, record))
        except TimeoutError:
            _note(diagnostics, f"{record.id}: regex timed out after {REGEX_TIMEOUT * 1000:.0f} ms; skipped")
            continue
        if hit:
            found[record.id] = ("regex", Reason("regex", REGEX_BASE))


def _texts_for(error: ErrorInfo, record: Record) -> list[str]:
    """``Type: message`` with the qualified and the short type name (the record's type if the error has none)."""
    name = error.type_name or record.exception_name
    texts = [f"{error.qualname}: {error.message}"] if error.qualname else []
    short = f"{name}: {error.message}"
    return texts + [short] if short not in texts else texts


def _near_miss_pass(error: ErrorInfo, kb: KnowledgeBase, names: Sequence[str], words: set[str],
                    found: dict[str, tuple[MatchKind, Reason]]) -> None:
    mine = normalise(error.message)
    if not mine:
        return
    # With no exception type (a bare pasted message) every bucket is a candidate: select through rare words only.
    for record in kb.near_miss_candidates(names, words, scan_all=bool(error.type_name)):
        if record.id in found:
            continue
        similarity = max(_similarity(mine, theirs) for theirs in kb.normalised_signatures(record))
        if similarity >= NEAR_MISS_MIN:
            span = (similarity - NEAR_MISS_MIN) / (1 - NEAR_MISS_MIN)
            base = min(NEAR_MISS_LOW + span * (NEAR_MISS_HIGH - NEAR_MISS_LOW), NEAR_MISS_HIGH)
            found[record.id] = ("near_miss", Reason("near_miss", base, {"similarity": f"{similarity:.0%}"}))


def _similarity(a: str, b: str) -> float:
    if not a or not b or min(len(a), len(b)) < NEAR_MISS_MIN * max(len(a), len(b)):
        return 0.0  # lengths alone rule out a ratio of NEAR_MISS_MIN
    return fuzz.ratio(a, b, score_cutoff=NEAR_MISS_MIN * 100) / 100.0


def _score(record: Record | None, kind: MatchKind, first: Reason, error: ErrorInfo,
           installed: Mapping[str, str], kb: KnowledgeBase) -> Match:
    assert record is not None
    reasons = [first, *_evidence(record, error)]
    if kind != "generic":
        reasons += _specificity(record, error, kb.literal_size(record))
    checks = versions.check_all(record.versions, installed)
    reasons += _version_reasons(checks)
    score = sum(r.delta for r in reasons)
    if kind == "generic":
        score = min(score, GENERIC_CAP)
    return Match(record, round(min(max(score, 0.0), 1.0), 3), kind, tuple(reasons), tuple(checks))


def record_modules(record: Record) -> tuple[str, ...]:
    """Top-level modules whose frames point to this record: its own list, else its domain's."""
    if record.modules:
        return record.modules
    return DOMAIN_MODULES.get(record.domain, (record.domain,))


def _evidence(record: Record, error: ErrorInfo) -> list[Reason]:
    reasons = []
    modules = record_modules(record)
    shared = [m for m in modules if m in error.libraries]
    if shared:
        reasons.append(Reason("domain_agrees", DOMAIN_AGREES, {"modules": ", ".join(shared)}))
    elif modules and third_party(error.libraries):
        reasons.append(Reason("domain_disagrees", DOMAIN_DISAGREES, {"domain": record.domain}))
    elif record.modules and error.frames:
        # The record names the modules whose frames it expects (say, pandas for a KeyError raised inside
        # DataFrame.__getitem__), and the traceback has frames, but none of them.
        reasons.append(Reason("domain_disagrees", DOMAIN_DISAGREES, {"domain": record.domain}))
    tier = record.verification_tier
    reasons.append(Reason("tier", TIER_BONUS.get(tier, TIER_UNKNOWN), {"tier": tier or "unknown"}))
    if record.confidence is not None:
        reasons.append(Reason("confidence", round(0.1 * (record.confidence - 0.7), 3),
                              {"confidence": f"{record.confidence:.2f}"}))
    return reasons


def third_party(libraries: Sequence[str]) -> list[str]:
    """The libraries that are not the standard library (whose frames say nothing about a record's domain)."""
    return [m for m in libraries if m not in sys.stdlib_module_names]


def _specificity(record: Record, error: ErrorInfo, size: int) -> list[Reason]:
    reasons = []
    if size:
        reasons.append(Reason("specific", round(min(size * SPECIFICITY_PER_CHAR, SPECIFICITY_CAP), 3), {"chars": str(size)}))
    if record.source_regex and error.source_line:
        try:
            hit = regex.search(record.source_regex, error.source_line[:300], timeout=REGEX_TIMEOUT)
        except (regex.error, TimeoutError, TypeError):
            hit = None
        if hit:
            reasons.append(Reason("source_line", SOURCE_LINE, {"line": error.source_line[:80]}))
    return reasons


def _version_reasons(checks: list[versions.VersionCheck]) -> list[Reason]:
    status = versions.overall(checks)
    relevant = [c for c in checks if c.status == status]
    params = {"package": relevant[0].package, "installed": relevant[0].installed,
              "requirement": relevant[0].requirement} if relevant else {}
    if status == "affected":
        return [Reason("version_affected", VERSION_AFFECTED, params)]
    if status == "not_affected":
        return [Reason("version_not_affected", VERSION_NOT_AFFECTED, params)]
    return []


def _note(diagnostics: list[str] | None, text: str) -> None:
    if diagnostics is not None and text not in diagnostics:
        diagnostics.append(text)
