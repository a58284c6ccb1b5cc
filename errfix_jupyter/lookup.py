"""The public lookup API: text or exception in, ranked matches out, against the shipped knowledge base."""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache

from . import errorinfo, knowledge, loader, matcher, migrations, versions
from .knowledge import KnowledgeBase

_INSTALLED = versions.InstalledVersions()


def installed_versions() -> versions.InstalledVersions:
    """The process-wide lazily-read mapping of installed distribution versions."""
    return _INSTALLED


@lru_cache(maxsize=1)
def migration_index() -> migrations.MigrationIndex:
    """The shipped migration tables, loaded once per process."""
    return migrations.load_tables(loader.migration_dirs())


def lookup_error(error: errorinfo.ErrorInfo, top: int = 3, *, kb: KnowledgeBase | None = None,
                 records_path: Sequence[str | os.PathLike[str]] = (), diagnostics: list[str] | None = None,
                 with_migrations: bool = True) -> list[matcher.Match]:
    """Rank records for an already-described error (an ExceptionGroup is looked up by its first member).

    An error whose message carries another Python error (TensorFlow's wrapped ``py_function`` errors) is also looked
    up by that cause; each record keeps its better score, and on equal scores the cause's record comes first.
    """
    base = kb if kb is not None else knowledge.knowledge_base(records_path)
    table = migration_index() if with_migrations else None
    subjects = [s for s in (errorinfo.embedded_cause(error.subject), error.subject) if s is not None]
    found: dict[str, matcher.Match] = {}
    for subject in subjects:
        for match in matcher.match(subject, base, installed=_INSTALLED, top=top, diagnostics=diagnostics, migrations=table):
            if match.record.id not in found or match.score > found[match.record.id].score:
                found[match.record.id] = match
    ranked = sorted(found.values(), key=lambda m: -m.score)  # stable: the cause's records first on ties
    return ranked[:top] if top else ranked


def lookup_text(text: str, top: int = 3, *, kb: KnowledgeBase | None = None,
                records_path: Sequence[str | os.PathLike[str]] = (), with_migrations: bool = True) -> list[matcher.Match]:
    """Rank records for a pasted traceback, ``Type: message`` line, or bare message."""
    return lookup_error(errorinfo.from_text(text), top, kb=kb, records_path=records_path, with_migrations=with_migrations)


def lookup_exception(exc: BaseException, top: int = 3, *, kb: KnowledgeBase | None = None,
                     records_path: Sequence[str | os.PathLike[str]] = (), with_migrations: bool = True) -> list[matcher.Match]:
    """Rank records for a live exception (its traceback, chain and class hierarchy included)."""
    return lookup_error(errorinfo.from_exception(exc), top, kb=kb, records_path=records_path, with_migrations=with_migrations)
