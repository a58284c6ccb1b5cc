"""Installed versions and record version ranges: affected, not affected, or unknown (pure)."""

from __future__ import annotations

import platform
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from typing import Literal

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

from .record import VersionRange

Status = Literal["affected", "not_affected", "not_installed", "unknown"]


class InstalledVersions(Mapping[str, str]):
    """Read-only mapping distribution name -> installed version, read lazily with importlib.metadata."""

    def __init__(self) -> None:
        self._cache: dict[str, str | None] = {"python": platform.python_version()}

    def __getitem__(self, name: str) -> str:
        key = _normalise(name)
        if key not in self._cache:
            try:
                self._cache[key] = metadata.version(key)
            except (metadata.PackageNotFoundError, ValueError, OSError):
                self._cache[key] = None
        value = self._cache[key]
        if value is None:
            raise KeyError(name)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(k for k, v in self._cache.items() if v is not None)

    def __len__(self) -> int:
        return sum(1 for v in self._cache.values() if v is not None)


@dataclass(frozen=True)
class VersionCheck:
    """One affected-range entry checked against what is installed."""

    requirement: str
    package: str
    installed: str
    status: Status
    entry: VersionRange


@lru_cache(maxsize=4096)
def _requirement(text: str) -> Requirement | None:
    try:
        return Requirement(text)
    except InvalidRequirement:
        return None


def check(entry: VersionRange, installed: Mapping[str, str]) -> VersionCheck:
    """Whether the installed version of the entry's package falls in its range."""
    req = _requirement(entry.requirement)
    if req is None:
        return VersionCheck(entry.requirement, "", "", "unknown", entry)
    name = _normalise(req.name)
    version = installed.get(name) or installed.get(req.name)
    if not version:
        return VersionCheck(entry.requirement, req.name, "", "not_installed", entry)
    try:
        inside = req.specifier.contains(Version(version), prereleases=True)
    except InvalidVersion:
        return VersionCheck(entry.requirement, req.name, version, "unknown", entry)
    return VersionCheck(entry.requirement, req.name, version, "affected" if inside else "not_affected", entry)


def check_all(entries: tuple[VersionRange, ...], installed: Mapping[str, str]) -> list[VersionCheck]:
    """Check every entry of a record."""
    return [check(e, installed) for e in entries]


def overall(checks: list[VersionCheck]) -> Status:
    """Per package, affected if any of its ranges holds the installed version; overall not_affected if any
    installed package is outside all its ranges, affected if some package is inside, else unknown."""
    per_package: dict[str, set[str]] = {}
    for c in checks:
        per_package.setdefault(_normalise(c.package), set()).add(c.status)
    verdicts = {"affected" if "affected" in s else ("not_affected" if "not_affected" in s else "unknown")
                for s in per_package.values()}
    if "not_affected" in verdicts:
        return "not_affected"
    return "affected" if "affected" in verdicts else "unknown"


def _normalise(name: str) -> str:
    return str(canonicalize_name(name.strip()))
