"""Placeholders: a record's text and code may say ``{column}`` for the named group ``(?P<column>...)`` of its regex (pure).

In text, ``{name}`` becomes the user's value. In code, ``{name}`` becomes the value only when it is a plain name
or number (so a message cannot inject code), and ``{name!r}`` becomes its Python literal. A placeholder with no
value (a near-miss match, or a group that did not take part) becomes ``<name>``: never another error's example.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{([A-Za-z_]\w{0,40})(!r)?\}")
MAX_VALUE = 200
_PLAIN = re.compile(r"[\w.\-]{1,100}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FSTRING = re.compile(r"""\b[rRbB]?[fF][rRbB]?("|')(?:\\.|(?!\1).)*\1""")


def clean_value(value: str) -> str:
    """A group's value as it may be shown: control and bidi characters removed, length bounded."""
    text = _CONTROL.sub("", value)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1] + "…"


def names_in(text: str, *, code: bool = False) -> set[str]:
    """Placeholder names used in ``text``; with ``code``, braces inside f-string literals are not counted."""
    if code:
        text = _FSTRING.sub("", text)
    return {m.group(1) for m in PLACEHOLDER.finditer(text)}


def fill_text(text: str, values: Mapping[str, str], groups: frozenset[str] | set[str]) -> str:
    """Prose with each placeholder of a known group replaced by its value, or ``<name>`` when it has none."""
    if "{" not in text:
        return text

    def one(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in groups:
            return found.group(0)
        value = values.get(name)
        if value is None:
            return f"<{name}>"
        return repr(value) if found.group(2) else value

    return PLACEHOLDER.sub(one, text)


def fill_code(code: str, values: Mapping[str, str], groups: frozenset[str] | set[str]) -> tuple[str, bool]:
    """Code with placeholders filled; the flag says whether every placeholder got the user's own value."""
    if "{" not in code:
        return code, True
    complete = True

    def one(found: re.Match[str]) -> str:
        nonlocal complete
        name = found.group(1)
        if name not in groups:
            return found.group(0)
        value = values.get(name)
        if found.group(2):
            if value is None:
                complete = False
                return repr(f"<{name}>")
            return repr(value)
        if value is None or not _PLAIN.fullmatch(value):
            complete = False
            return f"<{name}>"
        return value

    return PLACEHOLDER.sub(one, code), complete
