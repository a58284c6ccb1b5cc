"""The ``errfix`` command: look errors up in a terminal, validate and lint records, write new ones, show statistics (no IPython)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from . import __version__
from .knowledge import KnowledgeBase
from .loader import LoadResult
from .matcher import Match
from .schema import Problem


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
    new = sub.add_parser("new", help="write a record of a pasted error into your records folder (prefilled)")
    new.add_argument("id", nargs="?", default="", help="DOMAIN/SLUG of the new record (default: mine/<from the error>)")
    new.add_argument("--file", default="-", help="file with the pasted traceback; - reads stdin")
    new.add_argument("--folder", default=None, help="folder to write into (default: your errfix records folder)")
    new.set_defaults(run=_new)
    for name, run, help_text in (("validate", _validate, "check record files against the schema"),
                                 ("lint", _lint, "schema plus coded quality checks (RX, ZH, PH, VER, BROAD, ...)"),
                                 ("stats", _stats, "records per domain, type, tier and origin; verified fixes; sources")):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("paths", nargs="*", help="record files or folders (default: every folder errfix loads)")
        if name == "lint":
            cmd.add_argument("--no-allowlist", action="store_true", help="also report allow-listed findings")
        if name == "stats":
            cmd.add_argument("--feedback", action="store_true", help="summarise the outcomes kept by %%errfix good/bad")
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
    if not text.strip():
        print("errfix lookup: no error text given (paste a traceback or a 'Type: message' line)", file=sys.stderr)
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
    print(render_text.render_text(model, cli=True, show_error=True) if model else "errfix: no record matches this error")
    return 0


def _match_json(match: Match) -> dict[str, object]:
    from .i18n import t

    return {
        "id": match.record.id,
        "score": match.score,
        "match_kind": match.match_kind,
        "origin": match.record.origin,
        "groups": dict(match.groups),
        "reasons": [t(f"reason_{r.code}", "en", **r.params) for r in match.reasons],
        "record": dict(match.record.raw),
    }


def _kb(extra: Sequence[str]) -> KnowledgeBase:
    from . import knowledge

    kb: KnowledgeBase = knowledge.knowledge_base(list(extra))
    return kb


def _load(paths: Sequence[str]) -> LoadResult:
    """Every record file under ``paths`` (default: every folder errfix loads, packs and user folders included)."""
    from . import loader

    if paths:
        return loader.load_dirs([Path(p) for p in paths])
    result = LoadResult()
    seen: dict[str, str] = {}
    for folder in loader.folders():
        part = loader.load_dirs([folder.path])
        result.files += part.files
        result.problems += part.problems
        for record in part.records:
            if record.id in seen:
                result.problems.append(_collision(record.source, record.id, seen[record.id]))
                continue
            seen[record.id] = folder.origin
            result.records.append(replace(record, origin=folder.origin))
    return result


def _collision(path: str, record_id: str, first: str) -> Problem:
    return Problem(path, "$.id", f"id {record_id!r} is already a record of {first}; this one is not used")


def _validate(args: argparse.Namespace) -> int:
    result = _load(args.paths)
    for problem in result.problems:
        print(problem)
    print(f"{result.files} files, {len(result.records)} records loaded, {len(result.problems)} problems")
    return 1 if result.problems else 0


def _lint(args: argparse.Namespace) -> int:
    from . import lint

    result = _load(args.paths)
    found = list(result.problems) + lint.lint(result.records, use_allowlist=not args.no_allowlist)
    problems = list(dict.fromkeys(found))  # the loader and lint both report a regex that does not compile
    for problem in problems:
        print(problem)
    todo = sum(1 for p in problems if p.code == "TODO001")
    print(f"{result.files} files, {len(result.records)} records, {len(problems)} problems"
          + (f" ({todo} fields still to write)" if todo else ""))
    return 1 if problems else 0


def _stats(args: argparse.Namespace) -> int:
    from . import feedback, lookup, stats

    if args.feedback:
        store = feedback.load()
        for line in feedback.summary({str(store.path): store}):
            print(line)
        return 0
    result = _load(args.paths)
    print(stats.format_stats(result.records, None if args.paths else lookup.migration_index()))
    return 0


def _new(args: argparse.Namespace) -> int:
    from . import errorinfo, loader, newrecord

    try:
        text = _read_input(args.file)
    except OSError as exc:
        print(f"errfix new: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    error = errorinfo.from_text(text).subject
    if not error.type_name:
        print("errfix new: the text has no 'Type: message' line to make a record of", file=sys.stderr)
        return 2
    record_id = args.id or f"mine/{newrecord.slug_for(error)}"
    if not loader.ID_PATTERN.fullmatch(record_id):
        print(f"errfix new: {record_id!r} is not DOMAIN/SLUG in lowercase (acme/unsettled-invoices)", file=sys.stderr)
        return 2
    folder = Path(args.folder) if args.folder else loader.user_data_dir()
    if folder is None:
        print("errfix new: there is no user data folder (no home directory); give --folder", file=sys.stderr)
        return 2
    try:
        path = newrecord.write(newrecord.build(error, "", record_id), folder)
    except FileExistsError:
        print(f"errfix new: {record_id} already exists in {folder}", file=sys.stderr)
        return 1
    print(f"errfix: wrote {path}\n  fill in the TODO fields, then `errfix lint {path}` lists what is still missing")
    return 0
