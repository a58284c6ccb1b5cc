"""Statistics of a knowledge base: records per domain, type, tier and origin; fixes verified; sources; migrations (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from .i18n import has_chinese
from .migrations import MigrationIndex
from .record import Record


def format_stats(records: Sequence[Record], migrations: MigrationIndex | None = None) -> str:
    """A plain-text report, section by section."""
    lines = [f"{len(records)} records in {len(set(r.domain for r in records))} domains"]
    lines += _counts("records per domain", Counter(r.domain for r in records))
    lines += _counts("records per origin", Counter(r.origin for r in records))
    lines += _counts("records per exception type", Counter(r.exception_name or "?" for r in records), limit=25)
    lines += _tiers(records) + _fixes(records) + _coverage(records)
    if migrations is not None:
        lines += _counts("migration entries per library", Counter(t.library for t in migrations.tables for _ in t.entries))
        reproduced = sum(1 for t in migrations.tables for e in t.entries if e.reproduce)
        lines.append(f"  reproduced here: {reproduced} of {len(migrations)}; with a verified replacement: "
                     f"{sum(1 for t in migrations.tables for e in t.entries if e.code and e.verify)}")
    return "\n".join(lines)


def _counts(title: str, counts: Counter[str], limit: int | None = None) -> list[str]:
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    shown = rows[:limit] if limit else rows
    lines = ["", f"{title}:"] + [f"  {name:<30}{count:>6}" for name, count in shown]
    if limit and len(rows) > limit:
        lines.append(f"  ... and {len(rows) - limit} more ({sum(c for _, c in rows[limit:])} records)")
    return lines


def _tiers(records: Sequence[Record]) -> list[str]:
    tiers = Counter(r.verification_tier or "missing" for r in records)
    cited = [r for r in records if r.verification_tier != "reproduced"]
    with_source = sum(1 for r in cited if any(s.startswith("https://") for s in _sources(r)))
    threads = {s for r in records for s in _sources(r) if "github.com" in s and ("/issues/" in s or "/pull/" in s)}
    return ["", "trust tiers:"] + [f"  {name:<30}{count:>6}" for name, count in tiers.most_common()] + [
        "", "sources:",
        f"  records that are not reproduced and cite a public source   {with_source} of {len(cited)}",
        f"  records citing at least one source                          {sum(1 for r in records if _sources(r))}",
        f"  distinct public threads cited                               {len(threads)}",
    ]


def _sources(record: Record) -> list[str]:
    return list(record.sources) + [s for w in record.workarounds for s in w.sources]


def _fixes(records: Sequence[Record]) -> list[str]:
    fixes = [(r, w) for r in records for w in r.workarounds]
    code = [(r, w) for r, w in fixes if w.code and not w.is_check]
    verified = [(r, w) for r, w in code if w.verify and r.verification_tier == "reproduced"]
    cited = [(r, w) for r, w in code if r.verification_tier != "reproduced"]
    return ["", "fixes:",
            f"  workarounds                                 {len(fixes)}",
            f"  fixes with code                             {len(code)}",
            f"    verified by a test (verify program)       {len(verified)}",
            f"    from a cited thread, not runnable here    {len(cited)}",
            f"    neither                                   {len(code) - len(verified) - len(cited)}",
            f"  checks (inspect only, shown as checks)      {sum(1 for _, w in fixes if w.is_check)}",
            f"  advice without code                         {sum(1 for _, w in fixes if not w.code and not w.is_check)}"]


def _coverage(records: Sequence[Record]) -> list[str]:
    total = len(records) or 1

    def share(test: Callable[[Record], bool]) -> str:
        return f"{sum(1 for r in records if test(r)) / total:.0%}"

    return ["", "coverage:",
            f"  with a code fix           {share(lambda r: any(w.code for w in r.workarounds))}",
            f"  with dead ends            {share(lambda r: bool(r.dead_ends))}",
            f"  with version ranges       {share(lambda r: bool(r.versions))}",
            f"  with a reproducer         {share(lambda r: bool((r.reproduce or {}).get('code')))}",
            f"  with placeholders         {share(lambda r: '(?P<' in r.regex)}",
            f"  with Chinese text         {share(lambda r: has_chinese(r.root_cause_zh))}",
            f"  generic fallbacks         {share(lambda r: r.generic)}"]
