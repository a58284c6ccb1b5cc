"""Error records and their parts as frozen dataclasses, read tolerantly from the seed format (pure)."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .literals import literal_size, normalise

_TYPE_AT_START = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*(?::|$)")


@dataclass(frozen=True)
class Workaround:
    """One fix: what to do, how, when it applies, how often it works, and copy-ready code."""

    action: str
    how: str = ""
    condition: str = ""
    success_rate: float | None = None
    code: str = ""
    kind: str = "fix"
    verify: str = ""
    sources: tuple[str, ...] = ()
    requires: str = ""  # the versions this fix needs, e.g. "pandas>=2.1" (checked against what is installed)

    @property
    def is_check(self) -> bool:
        """A check only inspects (``print(df.columns)``); it is shown as a check, never as a fix."""
        return self.kind == "check"


@dataclass(frozen=True)
class DeadEnd:
    """Something people try that does not work, and why."""

    action: str
    why_fails: str = ""
    fail_rate: float | None = None
    condition: str = ""


@dataclass(frozen=True)
class VersionRange:
    """One affected-versions entry: a requirement such as ``pandas>=2.0`` and its history."""

    requirement: str
    introduced: str = ""
    deprecated: str = ""
    removed: str = ""
    behavior_change: str = ""


@dataclass(frozen=True)
class Translation:
    """Chinese text of one workaround or dead end; empty strings where the record has none."""

    action: str = ""
    how: str = ""
    condition: str = ""
    why_fails: str = ""


@dataclass(frozen=True, eq=False)
class Record:
    """One error record. ``raw`` keeps the record exactly as it was on disk."""

    id: str
    signature: str
    regex: str
    domain: str
    root_cause: str
    workarounds: tuple[Workaround, ...]
    summary: str = ""
    signature_zh: str = ""
    summary_zh: str = ""
    root_cause_zh: str = ""
    workarounds_zh: tuple[Translation, ...] = ()
    dead_ends: tuple[DeadEnd, ...] = ()
    dead_ends_zh: tuple[Translation, ...] = ()
    versions: tuple[VersionRange, ...] = ()
    official_doc_url: str = ""
    verification_tier: str = ""
    confidence: float | None = None
    generic: bool = False
    modules: tuple[str, ...] = ()
    source_regex: str = ""
    aliases: tuple[str, ...] = ()
    confused_with: tuple[str, ...] = ()
    reproduce: Mapping[str, Any] | None = None
    sources: tuple[str, ...] = ()
    source: str = ""
    origin: str = "shipped"
    raw: Mapping[str, Any] = field(default_factory=dict)

    @property
    def exception_name(self) -> str:
        """Short exception class name from the signature (``ParserError`` for ``pandas.errors.ParserError: ...``)."""
        return exception_name_of(self.signature)

    @property
    def ranked_workarounds(self) -> list[tuple[int, Workaround]]:
        """Workarounds with their index in the record: fixes before checks, then best success rate first."""
        indexed = list(enumerate(self.workarounds))
        return sorted(indexed, key=lambda pair: (pair[1].is_check, -(pair[1].success_rate or 0.0)))


def exception_name_of(text: str) -> str:
    """The short exception class name a ``Type: message`` line starts with, or ``""``."""
    found = _TYPE_AT_START.match(text or "")
    return found.group(1).rsplit(".", 1)[-1] if found else ""


def from_dict(data: Mapping[str, Any], source: str = "", origin: str = "shipped") -> Record:
    """Build a Record from a parsed JSON object; wrong or missing optional fields become defaults."""
    return Record(
        id=_str(data.get("id")),
        signature=_str(data.get("signature")),
        regex=_str(data.get("regex")),
        domain=_str(data.get("domain")),
        root_cause=_str(data.get("root_cause")),
        workarounds=tuple(_workaround(w) for w in _dicts(data.get("workarounds"))),
        summary=_str(data.get("summary")),
        signature_zh=_str(data.get("signature_zh")),
        summary_zh=_str(data.get("summary_zh")),
        root_cause_zh=_str(data.get("root_cause_zh")),
        workarounds_zh=_workaround_translations(data),
        dead_ends=tuple(_dead_end(d) for d in _dicts(data.get("dead_ends"))),
        dead_ends_zh=tuple(_translation(t) for t in _list(data.get("dead_ends_zh"))),
        versions=tuple(_version(v) for v in _dicts(data.get("versions")) if _str(v.get("version"))),
        official_doc_url=_str(data.get("official_doc_url")),
        verification_tier=_str(data.get("verification_tier")),
        confidence=_rate(data.get("confidence")),
        generic=data.get("generic") is True,
        modules=tuple(_strs(data.get("modules"))),
        source_regex=_str(data.get("source_regex")),
        aliases=tuple(_strs(data.get("aliases"))),
        confused_with=tuple(_strs(_dict(data.get("transition_graph")).get("frequently_confused_with"))),
        reproduce=_dict(data.get("reproduce")) or None,
        sources=tuple(_strs(data.get("sources"))),
        source=source,
        origin=origin,
        raw=dict(data),
    )


def _workaround(d: Mapping[str, Any]) -> Workaround:
    return Workaround(
        action=_str(d.get("action")),
        how=_str(d.get("how")),
        condition=_str(d.get("condition")),
        success_rate=_rate(d.get("success_rate")),
        code=_str(d.get("code")),
        kind="check" if d.get("kind") == "check" else "fix",
        verify=_str(d.get("verify")),
        sources=tuple(_strs(d.get("sources"))),
        requires=_str(d.get("requires")),
    )


def _dead_end(d: Mapping[str, Any]) -> DeadEnd:
    return DeadEnd(
        action=_str(d.get("action")),
        why_fails=_str(d.get("why_fails")),
        fail_rate=_rate(d.get("fail_rate")),
        condition=_str(d.get("condition")),
    )


def _version(d: Mapping[str, Any]) -> VersionRange:
    return VersionRange(
        requirement=_str(d.get("version")),
        introduced=_str(d.get("introduced")),
        deprecated=_str(d.get("deprecated")),
        removed=_str(d.get("removed")),
        behavior_change=_str(d.get("behavior_change")),
    )


def _workaround_translations(data: Mapping[str, Any]) -> tuple[Translation, ...]:
    """``workarounds_zh`` is the seed's list of strings (the action); ``workarounds_zh_details`` adds how and when.

    Objects in ``workarounds_zh`` (an earlier form of ours) are still read.
    """
    details = _list(data.get("workarounds_zh_details"))
    items = []
    for i, item in enumerate(_list(data.get("workarounds_zh"))):
        base = _translation(item)
        extra = _dict(details[i]) if i < len(details) else {}
        items.append(Translation(action=base.action, how=base.how or _str(extra.get("how")),
                                 condition=base.condition or _str(extra.get("condition"))))
    return tuple(items)


def _translation(item: Any) -> Translation:
    if isinstance(item, str):
        return Translation(action=item)
    d = _dict(item)
    return Translation(
        action=_str(d.get("action")),
        how=_str(d.get("how")),
        condition=_str(d.get("condition")),
        why_fails=_str(d.get("why_fails")),
    )


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _rate(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return min(max(float(value), 0.0), 1.0)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _dicts(value: Any) -> list[Mapping[str, Any]]:
    return [v for v in _list(value) if isinstance(v, dict)]


def _dict(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _strs(value: Any) -> list[str]:
    return [v for v in _list(value) if isinstance(v, str)]


@dataclass(frozen=True)
class Summary:
    """What ranking needs of a record, kept in the index so that matching parses no record file."""

    id: str
    type_name: str
    regex: str
    generic: bool = False
    domain: str = ""
    modules: tuple[str, ...] = ()
    source_regex: str = ""
    tier: str = ""
    confidence: float | None = None
    literal_size: int = 0
    versions: tuple[VersionRange, ...] = ()
    signatures: tuple[str, ...] = ()
    confused_with: tuple[str, ...] = ()
    origin: str = "shipped"
    path: str = ""

    @property
    def shipped(self) -> bool:
        """Whether the record comes with errfix_jupyter (only then is its tier taken at its word)."""
        return self.origin == "shipped"

    def to_json(self) -> str:
        """The summary as compact JSON, for the index."""
        data = dict(self.__dict__)
        data["versions"] = [list(v.__dict__.values()) for v in self.versions]
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Summary:
        """A summary read back from the index."""
        data = json.loads(text)
        data["versions"] = tuple(VersionRange(*v) for v in data.get("versions", ()))
        for key in ("modules", "signatures", "confused_with"):
            data[key] = tuple(data.get(key, ()))
        return cls(**data)


def summarise(record: Record, origin: str = "shipped", path: str = "") -> Summary:
    """The index's view of a record: type, pattern, evidence fields and normalised signatures."""
    texts = (record.signature, *record.aliases)
    return Summary(
        id=record.id, type_name=record.exception_name, regex=record.regex, generic=record.generic,
        domain=record.domain, modules=record.modules, source_regex=record.source_regex,
        tier=record.verification_tier, confidence=record.confidence, literal_size=literal_size(record.regex),
        versions=record.versions, signatures=tuple(normalise(t.partition(": ")[2] if ": " in t else t) for t in texts),
        confused_with=record.confused_with, origin=origin, path=path or record.source,
    )
