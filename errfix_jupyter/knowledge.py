"""KnowledgeBase: records indexed by exception type and by words their regex requires (pure)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable, Mapping, Sequence

import regex

from .literals import literal_size, normalise, required_words, tokens
from .record import Record
from .schema import Problem

NEAR_MISS_SCAN_ALL = 200  # buckets up to this size are compared in full; larger ones through the word index
RARE_WORD = 64  # in a large bucket, only words in at most this many signatures select near-miss candidates


class KnowledgeBase:
    """Records plus the indexes the matcher needs; cheap to query, built once."""

    def __init__(self, records: Iterable[Record], problems: Sequence[Problem] = (),
                 required: Mapping[str, set[str]] | None = None) -> None:
        self.records: list[Record] = list(records)
        self.problems: list[Problem] = list(problems)
        self._by_id = {r.id: r for r in self.records}
        self._compiled: dict[str, regex.Pattern[str] | None] = {}
        self._normalised: dict[str, tuple[str, ...]] = {}
        self._by_type: dict[str, list[Record]] = defaultdict(list)
        self._specific: dict[str, list[Record]] = defaultdict(list)
        self._literal_size: dict[str, int] = {}
        self._generic: dict[str, list[Record]] = defaultdict(list)
        self._keyed: dict[tuple[str, str], list[Record]] = defaultdict(list)
        self._unkeyed: dict[str, list[Record]] = defaultdict(list)
        self._signature_words: dict[tuple[str, str], list[Record]] = defaultdict(list)
        self._build(required or {})

    def __len__(self) -> int:
        return len(self.records)

    def get(self, record_id: str) -> Record | None:
        """The record with this id, if loaded."""
        return self._by_id.get(record_id)

    def compiled(self, record: Record) -> regex.Pattern[str] | None:
        """The record's compiled regex (cached), or None when it does not compile."""
        if record.id not in self._compiled:
            try:
                self._compiled[record.id] = regex.compile(record.regex)
            except (regex.error, TypeError, ValueError, RecursionError):
                self._compiled[record.id] = None
        return self._compiled[record.id]

    def regex_candidates(self, type_names: Sequence[str], words: set[str]) -> list[Record]:
        """Specific records of these exception types whose required word is among ``words``."""
        found: dict[str, Record] = {}
        for name in type_names:
            for record in self._unkeyed.get(name, ()):
                found.setdefault(record.id, record)
            for word in words:
                for record in self._keyed.get((name, word), ()):
                    found.setdefault(record.id, record)
        return list(found.values())

    def near_miss_candidates(self, type_names: Sequence[str], words: set[str], *, scan_all: bool = True) -> list[Record]:
        """Specific records of these types worth a text-similarity comparison (small buckets in full if ``scan_all``)."""
        found: dict[str, Record] = {}
        for name in type_names:
            bucket = self._specific.get(name, ())
            if scan_all and len(bucket) <= NEAR_MISS_SCAN_ALL:
                found.update((r.id, r) for r in bucket)
                continue
            lists = [self._signature_words.get((name, w), ()) for w in words]
            shared = Counter(r.id for hits in lists if len(hits) <= RARE_WORD for r in hits)
            found.update((rid, self._by_id[rid]) for rid, _ in shared.most_common(NEAR_MISS_SCAN_ALL))
        return list(found.values())

    def normalised_signatures(self, record: Record) -> tuple[str, ...]:
        """The record's signature and aliases, message part only, normalised for near-miss comparison (cached)."""
        cached = self._normalised.get(record.id)
        if cached is None:
            texts = (record.signature, *record.aliases)
            cached = tuple(normalise(t.partition(": ")[2] if ": " in t else t) for t in texts)
            self._normalised[record.id] = cached
        return cached

    def literal_size(self, record: Record) -> int:
        """How specific the record's regex is (its fixed letters and digits), cached."""
        size = self._literal_size.get(record.id)
        if size is None:
            size = self._literal_size[record.id] = literal_size(record.regex)
        return size

    def generic_for(self, type_names: Sequence[str]) -> list[Record]:
        """Generic fallback records for the first of these type names that has one."""
        for name in type_names:
            if self._generic.get(name):
                return list(self._generic[name])
        return []

    def _build(self, known: Mapping[str, set[str]]) -> None:
        specific = [r for r in self.records if not r.generic]
        required = {r.id: known[r.id] if r.id in known else required_words(r.regex) for r in specific}
        frequency = Counter(w for words in required.values() for w in words)
        for record in self.records:
            name = record.exception_name
            self._by_type[name].append(record)
            if record.generic:
                self._generic[name].append(record)
                continue
            self._specific[name].append(record)
            words = required[record.id]
            if words:
                key = min(words, key=lambda w: (frequency[w], -len(w), w))
                self._keyed[(name, key)].append(record)
            else:
                self._unkeyed[name].append(record)
            for word in tokens(record.signature.partition(":")[2]):
                self._signature_words[(name, word)].append(record)

    def type_names(self) -> list[str]:
        """Every exception type name some record is about."""
        return list(self._by_type)
