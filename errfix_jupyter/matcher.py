"""Rank records for an error: regex and migration beat near-miss beat generic, adjusted by evidence (pure).

Candidates come from the index as summaries; only the few shown are parsed in full. Records that do not come with
errfix (packs and user folders) are never trusted for their own tier, and a broad pattern of theirs (one that needs
no literal words) is capped below every specific record.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz

from . import patterns, versions
from .errorinfo import ErrorInfo
from .knowledge import KnowledgeBase
from .literals import normalise, required_words, tokens
from .migrations import Hit, MigrationIndex, entry_record
from .record import Record, Summary

MatchKind = Literal["regex", "migration", "near_miss", "generic"]

LOOKUP_BUDGET = 1.0  # seconds for every pattern of one lookup, record and failing-line patterns alike
REGEX_BASE = 0.80
MIGRATION_BASE = 0.88  # an exact removed-API entry outranks a broad "has no attribute" record
NEAR_MISS_MIN = 0.80  # similarity below which a signature is not a near miss
NEAR_MISS_LOW, NEAR_MISS_HIGH = 0.35, 0.65
GENERIC_BASE, GENERIC_CAP = 0.30, 0.45
DOMAIN_AGREES, DOMAIN_DISAGREES = 0.08, -0.15
MODULES_ABSENT = -0.35  # the record names the modules that raise its message, and the traceback's frames have none
SOURCE_LINE = 0.06  # the record's source_regex matches the failing line
SOURCE_LINE_MISSING = -0.10  # the failing line is known and does not show the case the record's source_regex describes
SOURCE_LINE_UNKNOWN = -0.05  # no failing line to check the record's source_regex against (a pasted message)
SPECIFICITY_PER_CHAR, SPECIFICITY_CAP = 0.0008, 0.08
VERSION_AFFECTED, VERSION_NOT_AFFECTED = 0.04, -0.12
TIER_BONUS = {"reproduced": 0.04, "reported": 0.02, "maintainer_confirmed": 0.03, "verified": 0.03, "community": 0.0,
              "user": 0.0, "ai_generated": -0.12}
TIER_UNKNOWN = -0.04
UNSHIPPED_CONFIDENCE = 0.8  # the most a pack or user record's own confidence counts for
_KIND_ORDER = {"regex": 0, "migration": 1, "near_miss": 2, "generic": 3}
MAX_SHOWN = 20
# A bare pasted message (no exception type) is tried against each record with the record's own type put in front; the
# record's pattern must then require words of the message itself, not only that type's name.
TYPELESS_MIN_LITERAL = 8

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
    """A record that fits an error: score in [0, 1], how it matched, why, and the user's values for its placeholders."""

    record: Record
    score: float
    match_kind: MatchKind
    reasons: tuple[Reason, ...]
    version_checks: tuple[versions.VersionCheck, ...] = ()
    groups: Mapping[str, str] = field(default_factory=dict)
    migration: Hit | None = None


@dataclass
class _Found:
    summary: Summary
    kind: MatchKind
    first: Reason
    groups: dict[str, str] = field(default_factory=dict)


@dataclass
class _Scored:
    score: float
    found: _Found
    reasons: list[Reason]
    checks: list[versions.VersionCheck]


class _Budget:
    """One lookup's time for patterns; every search takes from it."""

    def __init__(self, seconds: float, diagnostics: list[str] | None) -> None:
        self.deadline = time.perf_counter() + seconds
        self.diagnostics = diagnostics

    def spent(self) -> bool:
        if time.perf_counter() <= self.deadline:
            return False
        _note(self.diagnostics, "lookup time budget used up; some records were not tried")
        return True

    def search(self, pattern: str, text: str, owner: str) -> object:
        """Search under the budget; a timeout or an unusable pattern is a miss, noted once."""
        if self.spent():
            return None
        compiled = patterns.compiled(pattern)
        if compiled is None:
            return None
        try:
            return compiled.search(text, timeout=max(min(patterns.TIMEOUT, self.deadline - time.perf_counter()), 0.001))
        except TimeoutError:
            _note(self.diagnostics, f"{owner}: regex timed out after {patterns.TIMEOUT * 1000:.0f} ms; skipped")
            return None


def match(error: ErrorInfo, kb: KnowledgeBase, *, installed: Mapping[str, str] | None = None, top: int | None = None,
          diagnostics: list[str] | None = None, migrations: MigrationIndex | None = None) -> list[Match]:
    """Rank the records of ``kb`` (and the migration entries) for ``error``; best first, at most ``top``."""
    installed = installed if installed is not None else {}
    budget = _Budget(LOOKUP_BUDGET, diagnostics)
    found: dict[str, _Found] = {}
    words = tokens(error.message) | tokens(error.qualname)
    names = list(error.type_names)
    _regex_pass(error, kb, names, words, found=found, budget=budget)
    _near_miss_pass(error, kb, names or kb.type_names(), words, found)
    for summary in kb.generic_for(error.type_names):
        found.setdefault(summary.id, _Found(summary, "generic", Reason("generic", GENERIC_BASE, {"type": error.type_name})))
    scored = sorted((_score(f, error, installed, budget) for f in found.values()), key=_order)
    matches = _resolve(scored, kb, top)
    if migrations is not None:
        matches = _with_migrations(matches, migrations.lookup(error.type_names, error.message), error, installed)
    return matches[:top] if top else matches


def _order(item: _Scored) -> tuple[float, int, int, str]:
    return (-item.score, _KIND_ORDER[item.found.kind], -item.found.summary.literal_size, item.found.summary.id)


def _resolve(scored: list[_Scored], kb: KnowledgeBase, top: int | None) -> list[Match]:
    """Parse the best records in full (only as many as will be shown)."""
    matches: list[Match] = []
    for item in scored:
        if len(matches) >= (top or MAX_SHOWN):
            break
        record = kb.record(item.found.summary)
        if record is not None:
            matches.append(Match(record, item.score, item.found.kind, tuple(item.reasons), tuple(item.checks),
                                 item.found.groups))
    return matches


def _regex_pass(error: ErrorInfo, kb: KnowledgeBase, names: Sequence[str], words: set[str], *,
                found: dict[str, _Found], budget: _Budget) -> None:
    for summary in kb.regex_candidates(names, words):
        if summary.id in found or budget.spent():
            continue
        if not error.type_name and summary.literal_size - len(summary.type_name) < TYPELESS_MIN_LITERAL:
            continue
        for text in _texts_for(error, summary):
            hit = budget.search(summary.regex, text, summary.id)
            if hit is not None:
                groups = {k: patterns_value(v) for k, v in hit.groupdict().items() if v is not None}  # type: ignore[attr-defined]
                found[summary.id] = _Found(summary, "regex", Reason("regex", REGEX_BASE), groups)
                break


def patterns_value(value: str) -> str:
    """A group's value from the user's message, cleaned for showing."""
    from .placeholders import clean_value

    return clean_value(value)


def _texts_for(error: ErrorInfo, summary: Summary) -> list[str]:
    """``Type: message`` with the qualified and the short type name (the record's type if the error has none)."""
    name = error.type_name or summary.type_name
    texts = [f"{error.qualname}: {error.message}"] if error.qualname else []
    short = f"{name}: {error.message}"
    return [*texts, short] if short not in texts else texts


def _near_miss_pass(error: ErrorInfo, kb: KnowledgeBase, names: Sequence[str], words: set[str], found: dict[str, _Found]) -> None:
    mine = normalise(error.message)
    if not mine:
        return
    # With no exception type (a bare pasted message) every type is a candidate: select through rare words only.
    quoted = _quoted(mine)
    for summary in kb.near_miss_candidates(names, words, scan_all=bool(error.type_name)):
        if summary.id in found or not summary.signatures:
            continue
        similarity = max((_similarity(mine, theirs) for theirs in summary.signatures
                          if not quoted or not _quoted(theirs) or quoted == _quoted(theirs)), default=0.0)
        if similarity >= NEAR_MISS_MIN:
            span = (similarity - NEAR_MISS_MIN) / (1 - NEAR_MISS_MIN)
            base = min(NEAR_MISS_LOW + span * (NEAR_MISS_HIGH - NEAR_MISS_LOW), NEAR_MISS_HIGH)
            found[summary.id] = _Found(summary, "near_miss", Reason("near_miss", base, {"similarity": f"{similarity:.0%}"}))


_QUOTED = re.compile(r"'([^']{1,120})'")


def _quoted(message: str) -> set[str]:
    """The quoted names of a message: ``'Series' object has no attribute 'columns'`` -> {series, columns}.

    Two messages of the same shape that quote different names are different errors, however alike the rest is.
    """
    return {q.lower() for q in _QUOTED.findall(message)}


def _similarity(a: str, b: str) -> float:
    if not a or not b or min(len(a), len(b)) < NEAR_MISS_MIN * max(len(a), len(b)):
        return 0.0  # lengths alone rule out a ratio of NEAR_MISS_MIN
    return float(fuzz.ratio(a, b, score_cutoff=NEAR_MISS_MIN * 100)) / 100.0


def _score(found: _Found, error: ErrorInfo, installed: Mapping[str, str], budget: _Budget) -> _Scored:
    summary = found.summary
    reasons = [found.first, *_evidence(summary, error)]
    if found.kind != "generic":
        reasons += _specificity(summary, error, budget)
    checks = versions.check_all(summary.versions, installed)
    reasons += _version_reasons(checks)
    score = sum(r.delta for r in reasons)
    if found.kind == "generic" or broad(summary):
        score = min(score, GENERIC_CAP)
    return _Scored(round(min(max(score, 0.0), 1.0), 3), found, reasons, checks)


def broad(summary: Summary) -> bool:
    """A pack or user record whose pattern needs no literal word can match anything: it never counts as specific."""
    return not summary.shipped and not summary.generic and not required_words(summary.regex)


def record_modules(summary: Summary | Record) -> tuple[str, ...]:
    """Top-level modules whose frames point to this record: its own list, else its domain's."""
    if summary.modules:
        return summary.modules
    return DOMAIN_MODULES.get(summary.domain, (summary.domain,))


def _evidence(summary: Summary, error: ErrorInfo) -> list[Reason]:
    reasons = []
    modules = record_modules(summary)
    shared = [m for m in modules if m in error.libraries]
    if shared:
        reasons.append(Reason("domain_agrees", DOMAIN_AGREES, {"modules": ", ".join(shared)}))
    elif modules and third_party(error.libraries):
        reasons.append(Reason("domain_disagrees", DOMAIN_DISAGREES, {"domain": summary.domain}))
    elif summary.modules and error.frames:
        # The record names the modules whose frames it expects (say, pandas for a KeyError raised inside
        # DataFrame.__getitem__), and the traceback has frames, but none of them.
        reasons.append(Reason("domain_disagrees", MODULES_ABSENT, {"domain": summary.domain}))
    tier = summary.tier if summary.shipped else "user"
    reasons.append(Reason("tier", TIER_BONUS.get(tier, TIER_UNKNOWN), {"tier": tier or "unknown"}))
    if summary.confidence is not None:
        confidence = summary.confidence if summary.shipped else min(summary.confidence, UNSHIPPED_CONFIDENCE)
        reasons.append(Reason("confidence", round(0.1 * (confidence - 0.7), 3), {"confidence": f"{confidence:.2f}"}))
    return reasons


def third_party(libraries: Sequence[str]) -> list[str]:
    """The libraries that are not the standard library (whose frames say nothing about a record's domain)."""
    return [m for m in libraries if m not in sys.stdlib_module_names]


def _specificity(summary: Summary, error: ErrorInfo, budget: _Budget) -> list[Reason]:
    reasons = []
    size = summary.literal_size
    if size:
        reasons.append(Reason("specific", round(min(size * SPECIFICITY_PER_CHAR, SPECIFICITY_CAP), 3), {"chars": str(size)}))
    trusted = summary.shipped or required_words(summary.source_regex)
    if summary.source_regex and not error.source_line:
        reasons.append(Reason("source_line_unknown", SOURCE_LINE_UNKNOWN))
    elif summary.source_regex and trusted:
        if budget.search(summary.source_regex, error.source_line[:300], summary.id) is not None:
            reasons.append(Reason("source_line", SOURCE_LINE, {"line": error.source_line[:80]}))
        else:
            reasons.append(Reason("source_line_missing", SOURCE_LINE_MISSING, {"line": error.source_line[:80]}))
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


# ---------------------------------------------------------------- migrations


def _with_migrations(matches: list[Match], hits: list[Hit], error: ErrorInfo, installed: Mapping[str, str]) -> list[Match]:
    """Add a match per migration entry the message points to, unless a record that covers it already matched."""
    shown = {m.record.id for m in matches}
    seen: set[tuple[str, str, str]] = set()
    for hit in hits:
        same = (hit.table.library, hit.owner, hit.name)  # one removed name may have an entry per way it is met
        skip = bool(hit.entry.record and hit.entry.record in shown) or same in seen
        seen.add(same)  # a covered entry keeps its other spellings out too
        if skip:
            continue
        record = entry_record(hit, caller=calling_library(error, hit.table.module))
        reasons = [Reason("migration", MIGRATION_BASE, {"what": hit.entry.id})]
        modules = (hit.table.module.split(".")[0],)
        if any(m in error.libraries for m in modules):
            reasons.append(Reason("domain_agrees", DOMAIN_AGREES, {"modules": ", ".join(modules)}))
        reasons.append(Reason("tier", TIER_BONUS.get(record.verification_tier, TIER_UNKNOWN), {"tier": record.verification_tier}))
        checks = versions.check_all(record.versions, installed)
        reasons += _version_reasons(checks)
        score = round(min(max(sum(r.delta for r in reasons), 0.0), 1.0), 3)
        groups = {"owner": hit.owner, "name": hit.name}
        matches.append(Match(record, score, "migration", tuple(reasons), tuple(checks), groups, hit))
    matches.sort(key=lambda m: (-m.score, _KIND_ORDER[m.match_kind], m.record.id))
    return matches


def calling_library(error: ErrorInfo, removed_from: str) -> str:
    """The third-party library whose own code called a removed API (the innermost frame outside it), or "".

    When seaborn's frames call a name that matplotlib removed, the user's fix is to upgrade seaborn, not to edit it.
    """
    owner = removed_from.split(".", maxsplit=1)[0]
    callers = [f.module for f in error.frames if f.module and f.module != owner]
    third = [m for m in third_party(callers) if m not in ("IPython", "ipykernel", "__main__")]
    return third[-1] if third and error.frames and error.frames[-1].module != "" else ""


def _note(diagnostics: list[str] | None, text: str) -> None:
    if diagnostics is not None and text not in diagnostics:
        diagnostics.append(text)
