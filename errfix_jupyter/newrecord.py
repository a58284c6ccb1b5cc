"""A record of the user's own error, in the seed format: ``%errfix new`` and ``errfix new`` (pure, filesystem only).

The signature is the user's error line. The regex is the message with its variable parts generalised into
bounded named groups: quoted parts, numbers, and words that carry digits (``b-771``). The text fields a person
must write are marked with TODO, and ``errfix lint`` lists the ones still empty (Chinese included).
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any

from .errorinfo import ErrorInfo

TODO = "TODO"
_QUOTED = re.compile(r"'[^'\n]{0,200}'|\"[^\"\n]{0,200}\"")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")
_WITH_DIGITS = re.compile(r"(?<![\w.\-])(?=[\w.\-]*\d)(?=[\w.\-]*[A-Za-z])[\w.\-]{2,100}(?![\w.\-])")
_SLUG = re.compile(r"[^a-z0-9]+")
_GROUP_NAMES = {"q": "value", "n": "number", "id": "name"}


def generalise(type_name: str, message: str) -> str:
    """A bounded regex for ``Type: message`` that matches this error and others of its shape."""
    first = message.splitlines()[0][:300] if message else ""
    parts: list[str] = []
    position, counts = 0, {"q": 0, "n": 0, "id": 0}
    for found in _tokens(first):
        parts.append(re.escape(first[position:found.start()]))
        kind, text = found.lastgroup or "", found.group()
        counts[kind] += 1
        name = f"{_GROUP_NAMES[kind]}{counts[kind]}"
        if kind == "q":
            quote = text[0]
            parts.append(f"{quote}(?P<{name}>[^{quote}\\n]{{0,200}}){quote}")
        elif kind == "n":
            parts.append(rf"(?P<{name}>\d{{1,12}}(?:\.\d{{1,12}})?)")
        else:
            parts.append(rf"(?P<{name}>[\w.\-]{{1,100}})")
        position = found.end()
    parts.append(re.escape(first[position:]))
    return re.escape(type_name) + ": " + "".join(parts).replace(r"\ ", " ")


def _tokens(text: str) -> list[re.Match[str]]:
    combined = re.compile(f"(?P<q>{_QUOTED.pattern})|(?P<id>{_WITH_DIGITS.pattern})|(?P<n>{_NUMBER.pattern})")
    return list(combined.finditer(text))


def slug_for(error: ErrorInfo) -> str:
    """A file name from the error: the type and the message's first plain words (``runtimeerror-batch-has-unsettled``)."""
    words = [w for w in re.findall(r"[A-Za-z]{3,}", error.message)[:5]]
    text = "-".join([error.type_name.lower(), *[w.lower() for w in words]])
    return _SLUG.sub("-", text).strip("-")[:60] or "error"


def build(error: ErrorInfo, cell: str, record_id: str) -> dict[str, Any]:
    """The new record as a dict in the seed format (with our optional fields)."""
    today = datetime.date.today().isoformat()
    domain = record_id.split("/", 1)[0]
    return {
        "schema_version": "1.2.0",
        "id": record_id,
        "signature": error.line.splitlines()[0][:500],
        "signature_zh": "",
        "summary": f"{TODO}: what went wrong, in one line",
        "summary_zh": "",
        "regex": generalise(error.type_name or "Exception", error.message),
        "domain": domain,
        "category": None,
        "subcategory": None,
        "root_cause": f"{TODO}: why this happens, and what usually causes it",
        "root_cause_type": None,
        "root_cause_zh": "",
        "versions": [],
        "os_specific": {},
        "dead_ends": [],
        "workarounds": [
            {"action": f"{TODO}: the fix that worked", "success_rate": None, "how": "", "condition": "", "sources": [], "code": ""},
            {"action": f"{TODO}: another fix", "success_rate": None, "how": "", "condition": "", "sources": [], "code": ""},
        ],
        "workarounds_zh": ["", ""],
        "transition_graph": {"leads_to": [], "preceded_by": [], "frequently_confused_with": []},
        "official_doc_url": None,
        "official_doc_section": None,
        "error_code": None,
        "verification_tier": "user",
        "confidence": 0.5,
        "fix_success_rate": None,
        "resolvable": True,
        "first_seen": today,
        "last_confirmed": today,
        "last_updated": today,
        "evidence_count": 1,
        "tags": [],
        "locale": "en",
        "aliases": [],
        **({"reproduce": {"code": cell, "requires": {}}} if cell.strip() else {}),
    }


def write(record: dict[str, Any], folder: Path) -> Path:
    """Write the record at ``folder/<id>.json``; an existing file is never overwritten."""
    target = folder.joinpath(*record["id"].split("/")).with_suffix(".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        json.dump(record, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
    return target
