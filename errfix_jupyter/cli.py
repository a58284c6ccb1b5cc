"""The ``errfix`` command: look errors up in a terminal, validate and lint records, show statistics (no IPython)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

from . import __version__


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``errfix`` and ``python -m errfix_jupyter``; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args))
    except BrokenPipeError:
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="errfix", description="Fixes for Python and data-science errors, offline.")
    parser.add_argument("--version", action="version", version=f"errfix_jupyter {__version__}")
    sub = parser.add_subparsers(dest="command")
    look = sub.add_parser("lookup", help="look up a traceback or error message (from FILE, or - for stdin)")
    look.add_argument("file", nargs="?", default="-", help="file with the pasted traceback; - reads stdin")
    look.add_argument("--json", action="store_true", help="print matches as JSON")
    look.add_argument("--top", type=_positive, default=3, help="how many matches (default 3)")
    look.add_argument("--lang", choices=("en", "zh"), default=None, help="panel language (default: from LANG)")
    look.add_argument("--records", action="append", default=[], metavar="DIR", help="extra record folder")
    look.set_defaults(run=_lookup)
    for name, run, help_text in (("validate", _validate, "check record files against the schema"),
                                 ("lint", _lint, "schema plus coded quality checks (RX, ZH, DUP, ID, ...)"),
                                 ("stats", _stats, "records per domain and exception type, and coverage")):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("paths", nargs="*", help="record files or folders (default: the shipped knowledge base)")
        if name == "lint":
            cmd.add_argument("--no-allowlist", action="store_true", help="also report allow-listed findings")
        cmd.set_defaults(run=run)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {value}")
    return value


def _read_input(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    return Path(name).read_text(encoding="utf-8", errors="replace")


def _lookup(args: argparse.Namespace) -> int:
    from . import errorinfo, lookup, render_text, view
    from .i18n import resolve_lang

    try:
        text = _read_input(args.file)
    except OSError as exc:
        print(f"errfix lookup: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    error = errorinfo.from_text(text)
    kb = _kb(args.records)
    started = time.perf_counter()
    matches = lookup.lookup_error(error, args.top, kb=kb)
    elapsed = (time.perf_counter() - started) * 1000
    if args.json:
        payload = {"matches": [_match_json(m) for m in matches], "elapsed_ms": round(elapsed, 3)}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    model = view.build(matches, error, resolve_lang(args.lang))
    print(render_text.render_text(model) if model else "errfix: no record matches this error")
    return 0


def _match_json(match: object) -> dict[str, object]:
    from .i18n import t

    return {
        "id": match.record.id,  # type: ignore[attr-defined]
        "score": match.score,  # type: ignore[attr-defined]
        "match_kind": match.match_kind,  # type: ignore[attr-defined]
        "reasons": [t(f"reason_{r.code}", "en", **r.params) for r in match.reasons],  # type: ignore[attr-defined]
        "record": dict(match.record.raw),  # type: ignore[attr-defined]
    }


def _kb(extra: Sequence[str]):  # type: ignore[no-untyped-def]
    from . import loader

    if not extra:
        return loader.knowledge_base()
    return loader.knowledge_base(extra)


def _load(paths: Sequence[str]):  # type: ignore[no-untyped-def]
    from . import loader

    dirs = [Path(p) for p in paths] if paths else loader.bundled_dirs()
    return loader.load_dirs(dirs)


def _validate(args: argparse.Namespace) -> int:
    result = _load(args.paths)
    for problem in result.problems:
        print(problem)
    print(f"{result.files} files, {len(result.records)} records loaded, {len(result.problems)} problems")
    return 1 if result.problems else 0


def _lint(args: argparse.Namespace) -> int:
    from . import lint

    result = _load(args.paths)
    found = result.problems + lint.lint(result.records, use_allowlist=not args.no_allowlist)
    problems = list(dict.fromkeys(found))  # the loader and lint both report a regex that does not compile
    for problem in problems:
        print(problem)
    print(f"{result.files} files, {len(result.records)} records, {len(problems)} problems")
    return 1 if problems else 0


def _stats(args: argparse.Namespace) -> int:
    result = _load(args.paths)
    print(format_stats(result.records))
    return 0


def format_stats(records: Sequence[object]) -> str:
    """Records per domain and exception type, and the share with code fixes, dead ends and version ranges."""
    from .i18n import has_chinese

    total = len(records) or 1
    domains = Counter(r.domain for r in records)  # type: ignore[attr-defined]
    types = Counter(r.exception_name or "?" for r in records)  # type: ignore[attr-defined]
    share = lambda pred: f"{sum(1 for r in records if pred(r)) / total:.0%}"  # noqa: E731
    lines = [f"{len(records)} records in {len(domains)} domains", "", "records per domain:"]
    lines += [f"  {name:<14}{count:>5}" for name, count in sorted(domains.items(), key=lambda kv: (-kv[1], kv[0]))]
    lines += ["", "records per exception type:"]
    lines += [f"  {name:<28}{count:>5}" for name, count in sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))]
    tiers = Counter(r.verification_tier or "missing" for r in records)  # type: ignore[attr-defined]
    lines += ["", "coverage:",
              f"  with a code fix           {share(lambda r: any(w.code for w in r.workarounds))}",
              f"  with dead ends            {share(lambda r: bool(r.dead_ends))}",
              f"  with version ranges       {share(lambda r: bool(r.versions))}",
              f"  with a reproducer         {share(lambda r: bool((r.reproduce or {}).get('code')))}",
              f"  with Chinese text         {share(lambda r: has_chinese(r.root_cause_zh))}",
              f"  generic fallbacks         {share(lambda r: r.generic)}",
              "  trust tiers               " + ", ".join(f"{k} {v}" for k, v in tiers.most_common())]
    return "\n".join(lines)
