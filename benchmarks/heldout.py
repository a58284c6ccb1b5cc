"""Score the knowledge base on held-out real errors: does the top record's text name the fix the thread settled on?

The cases (`benchmarks/heldout/cases.jsonl`) were copied verbatim from public threads by someone who did not look at
the records. A case whose thread a record cites is left out: it is no longer held out. A case counts as named when
one of its `fix_terms` appears in the text of the panel errfix would show (top 1), or of one of the three best
confident records (top 3).

Usage: .venv/bin/python benchmarks/heldout.py [--verbose]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "benchmarks" / "heldout" / "cases.jsonl"
sys.path.insert(0, str(ROOT))


def cited_urls() -> set[str]:
    """Every URL a record or a migration entry cites."""
    found: set[str] = set()
    for path in list((ROOT / "records").rglob("*.json")) + list((ROOT / "migrations").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        found |= {part.split('"')[0].rstrip("/") for part in text.split('"https://')[1:]}
    return {"https://" + u for u in found}


def panel_text(match: object, lang: str = "en") -> str:
    """What the panel says of a match: summary, cause and every fix (actions, explanations, code)."""
    from errfix_jupyter import view

    model = view.build([match], None, lang)  # type: ignore[list-item]
    if model is None or not model.confident:
        return ""
    parts = [model.headline.text, model.root_cause.text, *model.versions]
    parts += [text for f in model.fixes for text in (f.action.text, f.how.text, f.condition.text, f.code)]
    return "\n".join(parts).lower()


def score(verbose: bool = False) -> dict[str, float]:
    from errfix_jupyter import lookup

    cited = cited_urls()
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    kept = [c for c in cases if c["url"].rstrip("/") not in cited]
    top1 = top3 = 0
    for case in kept:
        matches = lookup.lookup_text(case["text"], top=3)
        texts = [panel_text(m) for m in matches]
        terms = [t.lower() for t in case["fix_terms"]]
        first = bool(texts) and any(t in texts[0] for t in terms)
        any3 = any(any(t in text for t in terms) for text in texts)
        top1 += first
        top3 += any3
        if verbose:
            mark = "✓" if first else ("·" if any3 else "✗")
            best = f"{matches[0].record.id} ({matches[0].score:.2f})" if matches else "-"
            print(f"{mark} {case['id']:<16} {best:<55} {case['fix_terms']}")
    n = max(len(kept), 1)
    return {"cases": len(kept), "excluded": len(cases) - len(kept), "top1": top1 / n, "top3": top3 / n}


def by_domain() -> dict[str, tuple[int, int]]:
    """Per domain: (cases, top-1 hits)."""
    from errfix_jupyter import lookup

    cited = cited_urls()
    found: dict[str, tuple[int, int]] = {}
    for line in CASES.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        if case["url"].rstrip("/") in cited:
            continue
        matches = lookup.lookup_text(case["text"], top=1)
        hit = bool(matches) and any(t.lower() in panel_text(matches[0]) for t in case["fix_terms"])
        cases, hits = found.get(case["domain"], (0, 0))
        found[case["domain"]] = (cases + 1, hits + hit)
    return found


if __name__ == "__main__":
    result = score(verbose="--verbose" in sys.argv)
    print(f"\n{result['cases']} held-out cases ({result['excluded']} left out, cited by a record): "
          f"top 1 names the fix {result['top1']:.0%}, top 3 {result['top3']:.0%}")
    if "--verbose" in sys.argv:
        for domain, (cases, hits) in sorted(by_domain().items()):
            print(f"  {domain:<12} {hits}/{cases}")
