"""The public lookup API: text or exception in, ranked matches out, against the shipped knowledge base."""

from __future__ import annotations

import os
from typing import Sequence

from . import errorinfo, loader, matcher, versions
from .knowledge import KnowledgeBase

_INSTALLED = versions.InstalledVersions()


def installed_versions() -> versions.InstalledVersions:
    """The process-wide lazily-read mapping of installed distribution versions."""
    return _INSTALLED


def lookup_error(error: errorinfo.ErrorInfo, top: int = 3, *, kb: KnowledgeBase | None = None,
                 records_path: Sequence[str | os.PathLike[str]] = (),
                 diagnostics: list[str] | None = None) -> list[matcher.Match]:
    """Rank records for an already-described error."""
    base = kb if kb is not None else loader.knowledge_base(records_path)
    return matcher.match(error, base, installed=_INSTALLED, top=top, diagnostics=diagnostics)


def lookup_text(text: str, top: int = 3, **options: object) -> list[matcher.Match]:
    """Rank records for a pasted traceback, ``Type: message`` line, or bare message."""
    return lookup_error(errorinfo.from_text(text), top, **options)  # type: ignore[arg-type]


def lookup_exception(exc: BaseException, top: int = 3, **options: object) -> list[matcher.Match]:
    """Rank records for a live exception (its traceback, chain and class hierarchy included)."""
    return lookup_error(errorinfo.from_exception(exc), top, **options)  # type: ignore[arg-type]
