"""PanelModel: what the panel says, in which language and order, decided once for every renderer (pure)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence
from urllib.parse import urlsplit

from . import i18n
from .errorinfo import ErrorInfo
from .i18n import Lang, t
from .matcher import Match, Reason
from .record import Record, Translation
from .versions import VersionCheck

DEFAULT_MIN_SCORE = 0.5
DEFAULT_MAX_FIXES = 3


@dataclass(frozen=True)
class Shown:
    """A piece of record text; ``fallback`` is True when Chinese was asked for but English is shown."""

    text: str
    fallback: bool = False


@dataclass(frozen=True)
class FixItem:
    """A fix as the panel shows it; ``number`` is what ``%errfix apply N`` takes."""

    number: int
    action: Shown
    how: Shown
    condition: Shown
    success_rate: float | None
    code: str


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
    confident: bool
    headline: Shown
    explanation: Shown
    root_cause: Shown
    fixes: tuple[FixItem, ...]
    dead_ends: tuple[DeadEndItem, ...]
    versions: tuple[str, ...]
    doc_url: str
    doc_url_safe: bool
    record_id: str
    tier: str
    confidence: float | None
    score: float
    match_kind: str
    reasons: tuple[str, ...]
    others: tuple[Candidate, ...]

    @property
    def top_fix(self) -> FixItem | None:
        """The fix shown on the collapsed line."""
        return self.fixes[0] if self.fixes else None


def build(matches: Sequence[Match], error: ErrorInfo | None, lang: Lang, *,
          min_score: float = DEFAULT_MIN_SCORE, max_fixes: int = DEFAULT_MAX_FIXES) -> PanelModel | None:
    """The panel for the best match, or None when nothing matched at all."""
    if not matches:
        return None
    best = matches[0]
    record = best.record
    confident = best.score >= min_score and best.match_kind != "generic"
    error_line = error.line if error is not None else record.signature
    headline = _headline(record, lang) if confident else Shown(t("no_confident", lang, type=_type_of(error, record)))
    return PanelModel(
        lang=lang,
        error_line=error_line,
        confident=confident,
        headline=headline,
        explanation=_pick(record.signature, record.signature_zh, lang),
        root_cause=_pick(record.root_cause, record.root_cause_zh, lang),
        fixes=_fixes(record, lang, max_fixes),
        dead_ends=_dead_ends(record, lang),
        versions=tuple(_version_line(c, lang) for c in best.version_checks),
        doc_url=record.official_doc_url,
        doc_url_safe=is_safe_url(record.official_doc_url),
        record_id=record.id,
        tier=i18n.tier_label(record.verification_tier, lang),
        confidence=record.confidence,
        score=best.score,
        match_kind=t(f"kind_{best.match_kind}", lang),
        reasons=tuple(_reason(r, lang) for r in best.reasons),
        others=tuple(Candidate(m.record.id, m.score, t(f"kind_{m.match_kind}", lang), _headline(m.record, lang))
                     for m in matches[1:]),
    )


def is_safe_url(url: str) -> bool:
    """Only absolute http(s) URLs become links."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c in url for c in "\"'<> \n\r\t")


def _reason(reason: Reason, lang: Lang) -> str:
    params = dict(reason.params)
    if reason.code == "tier":
        params["tier"] = i18n.tier_label(params.get("tier", ""), lang)
    return t(f"reason_{reason.code}", lang, **params)


def _type_of(error: ErrorInfo | None, record: Record) -> str:
    return (error.type_name if error is not None and error.type_name else record.exception_name) or "error"


def _pick(english: str, chinese: str, lang: Lang) -> Shown:
    if lang == "en":
        return Shown(english)
    if i18n.has_chinese(chinese):
        return Shown(chinese)
    return Shown(english, fallback=bool(english))


def _headline(record: Record, lang: Lang) -> Shown:
    if record.summary or record.summary_zh:
        return _pick(record.summary or _first_sentence(record.root_cause), record.summary_zh, lang)
    return _pick(_first_sentence(record.root_cause) or record.signature, _first_sentence(record.root_cause_zh), lang)


def _first_sentence(text: str) -> str:
    found = re.match(r"(.+?[.。;；])(?:\s|$)", text.strip(), re.S)
    return (found.group(1) if found else text.strip())[:240]


def _translation(items: tuple[Translation, ...], index: int) -> Translation:
    return items[index] if index < len(items) else Translation()


def _fixes(record: Record, lang: Lang, limit: int) -> tuple[FixItem, ...]:
    items = []
    for number, (index, fix) in enumerate(record.ranked_workarounds[: max(limit, 0)], start=1):
        zh = _translation(record.workarounds_zh, index)
        how = fix.how if fix.how.strip() != fix.action.strip() else ""
        items.append(FixItem(
            number=number,
            action=_pick(fix.action, zh.action, lang),
            how=_pick(how, zh.how, lang) if how else Shown(""),
            condition=_pick(fix.condition, zh.condition, lang) if fix.condition else Shown(""),
            success_rate=fix.success_rate,
            code=fix.code,
        ))
    return tuple(items)


def _dead_ends(record: Record, lang: Lang) -> tuple[DeadEndItem, ...]:
    items = []
    for index, dead in enumerate(record.dead_ends):
        zh = _translation(record.dead_ends_zh, index)
        why = _pick(dead.why_fails, zh.why_fails, lang) if dead.why_fails else Shown("")
        items.append(DeadEndItem(_pick(dead.action, zh.action, lang), why, dead.fail_rate))
    return tuple(items)


def _version_line(check: VersionCheck, lang: Lang) -> str:
    line = t(f"version_{check.status}", lang, package=check.package or check.requirement,
             installed=check.installed, requirement=check.requirement)
    history = [t(k, lang, v=getattr(check.entry, k)) for k in ("introduced", "deprecated", "removed")
               if getattr(check.entry, k)]
    return line + (t("sep", lang) + ", ".join(history) if history else "")
