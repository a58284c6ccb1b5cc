"""PanelModel: what the panel says about THIS error, in which language and order, decided once for every renderer (pure).

The subject is the user's error: its own line, the line of the user's code that raised it, and what the session
shows (close names, columns, shapes, the cells that set the state). A record contributes its explanation and fixes,
with its placeholders filled from the user's message; another error's example message is never shown as the
user's. When nothing specific fits, the panel says only what the session shows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypedDict
from urllib.parse import urlsplit

from . import i18n, patterns, placeholders
from .context import CONTEXT_PLACEHOLDERS, EMPTY, Context, Fact, Suggestion
from .errorinfo import ErrorInfo
from .i18n import Lang, t
from .matcher import Match, Reason
from .record import Record, Translation, Workaround
from .versions import VersionCheck

DEFAULT_MIN_SCORE = 0.5
# Session facts that say what went wrong better than any record's summary: they lead the collapsed line.
STRONG_FACTS = ("history_failed", "history_deleted", "history_removed", "history_twice", "history_builtin",
                "history_rebound", "key_close", "key_is_index", "key_missing", "did_you_mean",
                "did_you_mean_attribute", "did_you_mean_import", "module_shadowed", "module_elsewhere")
DEFAULT_MAX_FIXES = 3
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class Shown:
    """A piece of text; ``fallback`` is True when Chinese was asked for but English is shown."""

    text: str
    fallback: bool = False


@dataclass(frozen=True)
class FixItem:
    """A fix as the panel shows it; ``number`` is what ``%errfix apply N`` takes, ``key`` what feedback names."""

    number: int
    kind: str  # "fix", "check" (only inspects), or "session" (made from this session: a close name, a pip name)
    action: Shown
    how: Shown
    condition: Shown
    success_rate: float | None
    code: str
    checked: bool = False
    personal: bool = False
    key: str = ""
    outcome: str = ""  # "good" or "bad" when the user said so with %errfix good|bad
    source: str = ""  # where the code comes from, for %errfix apply
    unfit: bool = False  # needs versions other than the installed ones


@dataclass(frozen=True)
class DeadEndItem:
    """A dead end as the panel shows it."""

    action: Shown
    why_fails: Shown
    fail_rate: float | None


@dataclass(frozen=True)
class Candidate:
    """Another record that matched less well."""

    record_id: str
    score: float
    kind: str
    headline: Shown


@dataclass(frozen=True)
class PanelModel:
    """Everything one panel shows, already localised; renderers only lay it out."""

    lang: Lang
    error_line: str
    source_line: str
    confident: bool
    headline: Shown
    facts: tuple[str, ...]
    root_cause: Shown
    fixes: tuple[FixItem, ...]
    dead_ends: tuple[DeadEndItem, ...]
    versions: tuple[str, ...]
    doc_url: str
    doc_url_safe: bool
    record_id: str
    tier: str
    origin: str
    confidence: float | None
    score: float
    match_kind: str
    reasons: tuple[str, ...]
    others: tuple[Candidate, ...]
    notes: tuple[str, ...] = ()

    def badges(self, fix: FixItem) -> list[str]:
        """The short notes after a fix's action: your own outcome, checked here, version fit, success rate."""
        found = []
        if fix.outcome:
            found.append(t("worked_for_you" if fix.outcome == "good" else "failed_for_you", self.lang))
        if fix.checked:
            found.append("✓ " + t("checked", self.lang))
        if fix.unfit:
            found.append(t("not_for_your_versions", self.lang))
        if fix.success_rate is not None and fix.kind == "fix":
            found.append(t("works", self.lang, rate=f"{fix.success_rate:.0%}"))
        return found

    @property
    def top_fix(self) -> FixItem | None:
        """The fix shown on the collapsed line (a check is never presented as the fix)."""
        return next((f for f in self.fixes if f.kind != "check"), None)


def build(matches: Sequence[Match], error: ErrorInfo | None, lang: Lang, *, context: Context = EMPTY,
          min_score: float = DEFAULT_MIN_SCORE, max_fixes: int = DEFAULT_MAX_FIXES,
          outcomes: Mapping[str, str] | None = None, installed: Mapping[str, str] | None = None) -> PanelModel | None:
    """The panel for the best match and the session's context; None when there is nothing to say."""
    matches = [m for m in matches if fits_session(m, context)]
    best = matches[0] if matches else None
    confident = best is not None and best.score >= min_score and best.match_kind != "generic"
    facts = tuple(fact_text(f, lang) for f in context.facts)
    session = _session_fixes(context.suggestions, lang)
    if not confident and not facts and not session:
        return _unknown(error, lang) if error is not None else None
    shown = best if confident else None
    from_record = _record_fixes(shown, lang, outcomes or {}, context, installed or {}) if shown is not None else []
    return PanelModel(
        lang=lang,
        error_line=error.line if error is not None else "",
        source_line=error.source_line if error is not None else "",
        confident=confident,
        headline=_headline(shown, context, lang) if shown is not None else _session_headline(context, error, lang),
        facts=facts + (tuple(_notes(error, lang)) if error is not None else ()),
        fixes=_numbered(session + from_record, max_fixes),
        **(_record_parts(shown, matches[1:], lang, context) if shown is not None else _NO_RECORD),
    )


class _RecordParts(TypedDict):
    root_cause: Shown
    dead_ends: tuple[DeadEndItem, ...]
    versions: tuple[str, ...]
    doc_url: str
    doc_url_safe: bool
    record_id: str
    tier: str
    origin: str
    confidence: float | None
    score: float
    match_kind: str
    reasons: tuple[str, ...]
    others: tuple[Candidate, ...]


_NO_RECORD: _RecordParts = {
    "root_cause": Shown(""), "dead_ends": (), "versions": (), "doc_url": "", "doc_url_safe": False, "record_id": "",
    "tier": "", "origin": "", "confidence": None, "score": 0.0, "match_kind": "", "reasons": (), "others": (),
}


def _record_parts(best: Match, rest: Sequence[Match], lang: Lang, context: Context) -> _RecordParts:
    """What the panel says of the record behind the best match: cause, dead ends, versions, and where it comes from."""
    record = best.record
    return {
        "root_cause": _filled(best, record.root_cause, record.root_cause_zh, lang, context),
        "dead_ends": _dead_ends(record, lang),
        "versions": _versions(best, lang),
        "doc_url": record.official_doc_url,
        "doc_url_safe": is_safe_url(record.official_doc_url),
        "record_id": record.id,
        "tier": i18n.tier_label(record.verification_tier if record.origin == "shipped" else "user", lang),
        "origin": origin_label(record.origin, record.source, lang),
        "confidence": record.confidence,
        "score": best.score,
        "match_kind": t(f"kind_{best.match_kind}", lang),
        "reasons": tuple(_reason(r, lang) for r in best.reasons),
        "others": tuple(Candidate(m.record.id, m.score, t(f"kind_{m.match_kind}", lang), _headline(m, EMPTY, lang))
                        for m in rest if m.match_kind != "generic"),
    }


def fits_session(match: Match, context: Context) -> bool:
    """False for a record whose ``context_check`` the session answered no (say, "the module is your own file" for a
    module that is a library): a record that cannot apply here is not shown as the fix."""
    check = match.record.raw.get("context_check")
    return not isinstance(check, str) or context.checks.get(check, True)


def _unknown(error: ErrorInfo, lang: Lang) -> PanelModel:
    """A one-line panel for a user's own error: no record, no session facts, no invented advice."""
    return PanelModel(lang, error.line, error.source_line, False, Shown(t("no_match", lang)), tuple(_notes(error, lang)),
                      Shown(""), (), (), (), "", False, "", "", "", None, 0.0, "", (), ())


def is_safe_url(url: str) -> bool:
    """Only absolute http(s) URLs without spaces, quotes or direction controls become links."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return (parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c in url for c in "\"'<> \n\r\t")
            and not _BIDI.search(url))


def origin_label(origin: str, source: str, lang: Lang) -> str:
    """Where a record comes from, as the panel names it: shipped, a pack, or a user folder."""
    if origin == "shipped":
        return t("origin_shipped", lang)
    if origin.startswith("pack:"):
        return t("origin_pack", lang, pack=origin[5:])
    return t("origin_user", lang, path=source)


def fact_text(fact: Fact, lang: Lang) -> str:
    """One context fact in words."""
    params = dict(fact.params)
    if "how" in params:
        params["how"] = t(f"how_{params['how']}", lang)
    if "kind" in params:
        params["kind"] = t(f"kind_word_{params['kind']}", lang)
    if fact.code == "history_twice":
        params["what"] = t("what_changed", lang, what=params["what"]) if params.get("what") else ""
    return t(f"fact_{fact.code}", lang, **params)


def _notes(error: ErrorInfo, lang: Lang) -> list[str]:
    """An ExceptionGroup's members and the exception's notes: shown in "what happened", never dropped."""
    lines = [t("group_member", lang, line=m.line) for m in error.members]
    return lines + [t("note", lang, note=n) for n in error.notes]


def _session_fixes(suggestions: Sequence[Suggestion], lang: Lang) -> list[FixItem]:
    items = []
    for suggestion in suggestions:
        params = dict(suggestion.params)
        if "kind" in params:
            params["kind"] = t(f"kind_word_{params['kind']}", lang)
        items.append(FixItem(0, "session", Shown(t(f"suggest_{suggestion.code}", lang, **params)), Shown(""), Shown(""), None,
                             suggestion.snippet, checked=suggestion.checked, personal=True, key=f"session:{suggestion.code}",
                             source=t("source_session", lang)))
    return items


def _numbered(items: list[FixItem], limit: int) -> tuple[FixItem, ...]:
    fixes = [i for i in items if i.kind != "check"][: max(limit, 1)]
    checks = [i for i in items if i.kind == "check"][:2]
    return tuple(replace(f, number=n) for n, f in enumerate(fixes + checks, start=1))


def _groups(match: Match, context: Context = EMPTY) -> tuple[frozenset[str], dict[str, str]]:
    """The placeholder names a record may use (its regex groups, and the session's), and the user's values for them."""
    if match.migration is not None:
        return frozenset(("owner", "name")), dict(match.groups)
    compiled = patterns.compiled(match.record.regex)
    names = frozenset(compiled.groupindex) if compiled is not None else frozenset()
    return names | CONTEXT_PLACEHOLDERS, {**context.values, **match.groups}


def _filled(match: Match, english: str, chinese: str, lang: Lang, context: Context = EMPTY) -> Shown:
    names, values = _groups(match, context)
    shown = _pick(english, chinese, lang)
    return Shown(placeholders.fill_text(shown.text, values, names), shown.fallback)


def _record_fixes(match: Match, lang: Lang, outcomes: Mapping[str, str], context: Context = EMPTY,
                  installed: Mapping[str, str] | None = None) -> list[FixItem]:
    record = match.record
    names, values = _groups(match, context)
    items = []
    fits = {i: fix_fits(fix, installed or {}) for i, fix in enumerate(record.workarounds)}
    for index, fix in _ranked(record, outcomes, fits):
        zh = record.workarounds_zh[index] if index < len(record.workarounds_zh) else Translation()
        how = fix.how if fix.how.strip() != fix.action.strip() else ""
        code, personal = placeholders.fill_code(fix.code, values, names) if fix.code else ("", False)
        key = f"{record.id}#{index}"
        items.append(FixItem(
            number=0, kind="check" if fix.is_check else "fix",
            action=_fill(_pick(fix.action, zh.action, lang), values, names),
            how=_fill(_pick(how, zh.how, lang), values, names) if how else Shown(""),
            condition=_fill(_pick(fix.condition, zh.condition, lang), values, names) if fix.condition else Shown(""),
            success_rate=fix.success_rate, code=code, personal=personal and "{" in fix.code, key=key,
            checked=fits[index] is True, unfit=fits[index] is False,
            outcome=outcomes.get(key, ""),
            source=t("source_record", lang, id=record.id, origin=origin_label(record.origin, record.source, lang)),
        ))
    return items


def fix_fits(fix: Workaround, installed: Mapping[str, str]) -> bool | None:
    """Whether the installed versions satisfy what a fix needs (None when it says nothing or cannot be told)."""
    if not fix.requires:
        return None
    from .record import VersionRange
    from .versions import check

    status = check(VersionRange(fix.requires), installed).status
    return True if status == "affected" else False if status in ("not_affected", "not_installed") else None


def _ranked(record: Record, outcomes: Mapping[str, str],
            fits: Mapping[int, bool | None] | None = None) -> list[tuple[int, Workaround]]:
    """Fixes the user said worked first, those that did not last, then those that fit the installed versions, then by
    how often they work; a fix that cannot apply here is never first; checks after fixes."""
    order = {"good": 0, "": 1, "bad": 2}
    fits = fits or {}

    def rank(pair: tuple[int, Workaround]) -> tuple[bool, int, bool, float]:
        index, fix = pair
        return (fix.is_check, order.get(outcomes.get(f"{record.id}#{index}", ""), 1), fits.get(index) is False,
                -(fix.success_rate or 0.0))

    return sorted(enumerate(record.workarounds), key=rank)


def _fill(shown: Shown, values: Mapping[str, str], names: frozenset[str]) -> Shown:
    return Shown(placeholders.fill_text(shown.text, values, names), shown.fallback)


def _reason(reason: Reason, lang: Lang) -> str:
    params = dict(reason.params)
    if reason.code == "tier":
        params["tier"] = i18n.tier_label(params.get("tier", ""), lang)
    return t(f"reason_{reason.code}", lang, **params)


def _pick(english: str, chinese: str, lang: Lang) -> Shown:
    if lang == "en":
        return Shown(english)
    if i18n.has_chinese(chinese):
        return Shown(chinese)
    return Shown(english, fallback=bool(english))


def _headline(match: Match, context: Context, lang: Lang) -> Shown:
    """What went wrong in the user's terms: the strongest session fact, else the record's summary, filled."""
    strong = next((f for f in context.facts if f.code in STRONG_FACTS), None)
    if strong is not None:
        return Shown(fact_text(strong, lang))
    record = match.record
    if record.verification_tier == "user" and "TODO" in record.summary + record.root_cause:
        return Shown(t("draft_record", lang, id=record.id))
    if record.summary or record.summary_zh:
        return _filled(match, record.summary or _first_sentence(record.root_cause), record.summary_zh, lang, context)
    return _filled(match, _first_sentence(record.root_cause) or record.exception_name, _first_sentence(record.root_cause_zh),
                   lang, context)


def _session_headline(context: Context, error: ErrorInfo | None, lang: Lang) -> Shown:
    if context.facts:
        return Shown(fact_text(context.facts[0], lang))
    return Shown(t("no_match", lang))


def _first_sentence(text: str) -> str:
    found = re.match(r"(.+?[.。;；])(?:\s|$)", text.strip(), re.S)
    return (found.group(1) if found else text.strip())[:240]


def _dead_ends(record: Record, lang: Lang) -> tuple[DeadEndItem, ...]:
    items = []
    for index, dead in enumerate(record.dead_ends):
        zh = record.dead_ends_zh[index] if index < len(record.dead_ends_zh) else Translation()
        why = _pick(dead.why_fails, zh.why_fails, lang) if dead.why_fails else Shown("")
        items.append(DeadEndItem(_pick(dead.action, zh.action, lang), why, dead.fail_rate))
    return tuple(items)


def _versions(match: Match, lang: Lang) -> tuple[str, ...]:
    """Only versions that matter: an installed package in or out of the affected range (and, for a migration, when)."""
    if match.migration is not None:
        entry, table = match.migration.entry, match.migration.table
        installed = next((c.installed for c in match.version_checks if c.installed), "")
        what = entry.id.split("/", 1)[-1]
        key = "migration_installed" if installed else "migration_removed"
        return (t(key, lang, library=table.library, installed=installed, what=what, removed=entry.removed,
                  replacement=entry.replacement or "—"),)
    return tuple(_version_line(c, lang) for c in match.version_checks if _matters(c))


def _matters(check: VersionCheck) -> bool:
    """A version line says something when the installed version is outside the range, or the range has a history
    (introduced, deprecated, removed, changed) or an upper bound; "pandas>=1.0: affected" says nothing."""
    if check.status == "not_affected":
        return True
    entry = check.entry
    return check.status == "affected" and bool(entry.introduced or entry.deprecated or entry.removed
                                                or entry.behavior_change or "<" in check.requirement)


def _version_line(check: VersionCheck, lang: Lang) -> str:
    line = t(f"version_{check.status}", lang, package=check.package or check.requirement,
             installed=check.installed, requirement=check.requirement)
    history = [t(k, lang, v=getattr(check.entry, k)) for k in ("introduced", "deprecated", "removed")
               if getattr(check.entry, k)]
    return line + (t("sep", lang) + t("list_sep", lang).join(history) if history else "")
