"""Validate a record against the shipped JSON Schema; every finding is a Problem naming file and JSON path (pure)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_FILE = "record.v1.schema.json"


@dataclass(frozen=True)
class Problem:
    """One finding about a record file: where it is and what is wrong."""

    path: str
    json_path: str
    message: str
    code: str = ""

    def __str__(self) -> str:
        prefix = f"{self.code} " if self.code else ""
        return f"{self.path}: {self.json_path}: {prefix}{self.message}"


@lru_cache(maxsize=1)
def record_schema() -> dict[str, Any]:
    """The record JSON Schema shipped inside the package."""
    text = resources.files("errfix_jupyter").joinpath("schemas", SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(record_schema())


@lru_cache(maxsize=1)
def _fast_check() -> Any:
    """fastjsonschema's compiled check (about 50 times faster); it only says valid or not, and where first."""
    import fastjsonschema

    schema = {k: v for k, v in record_schema().items() if k not in ("$schema", "$id")}  # keywords it does not need
    return fastjsonschema.compile(schema)


def validate(data: Any, path: str) -> list[Problem]:
    """Return every schema violation in ``data`` (a parsed record), ordered by JSON path.

    Valid records (nearly all) pass the compiled fast check; only an invalid one is re-checked with jsonschema,
    which reports every error with its JSON path.
    """
    import fastjsonschema

    try:
        _fast_check()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    errors = sorted(_validator().iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [Problem(path, e.json_path, _short(e.message)) for e in errors]


def _short(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
