"""PanelModel -> plain text for text/plain, terminal IPython and the CLI (pure).

Widths are terminal columns (``wcwidth``: CJK characters take two), lines never exceed the width, and every
control character from a message or a record is removed: only our own output decides what reaches the terminal.
"""

from __future__ import annotations

import re
import textwrap

from wcwidth import wcswidth, wcwidth

from .i18n import t
from .view import FixItem, PanelModel, Shown

WIDTH = 80
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_NO_LINE_START = set("，。、；：！？）」』》〉】”’")


def clean(text: str) -> str:
    """Text with control, escape and bidi characters removed (tabs become spaces)."""
    return _CONTROL.sub("", text.replace("\t", "    "))


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide characters count two)."""
    if text.isascii():
        return len(text)
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(ch), 0) for ch in text)


def render_text(model: PanelModel | None, *, width: int = WIDTH, collapsed: bool = False, cli: bool = False,
                show_error: bool = False) -> str:
    """The panel as text; ``collapsed`` gives the headline and the top fix only; ``cli`` speaks of errfix commands."""
    if model is None:
        return ""
    width = max(width, 30)
    lines = _header(model, width, show_error)
    if collapsed:
        if model.fixes or model.facts or model.root_cause.text:
            lines += _wrap(t("cli_full_hint" if cli else "full_panel_hint", model.lang), 3, width)
        return "\n".join(lines)
    lines += _what_happened(model, width)
    fixes = [f for f in model.fixes if f.kind != "check"]
    checks = [f for f in model.fixes if f.kind == "check"]
    lines += _fixes(t("fixes", model.lang), fixes, model, width, cli)
    lines += _fixes(t("checks", model.lang), checks, model, width, cli)
    if model.dead_ends:
        body = [f"✗ {_shown(d.action, model)}" + (f" — {t('why_fails', model.lang)}{t('colon', model.lang)}{_shown(d.why_fails, model)}"
                                                 if d.why_fails.text else "") for d in model.dead_ends]
        lines += _section(t("dead_ends", model.lang), body, width)
    if model.versions:
        lines += _section(t("versions", model.lang), [clean(v) for v in model.versions], width)
    lines += _footer(model, width)
    return "\n".join(lines)


def _header(model: PanelModel, width: int, show_error: bool) -> list[str]:
    lines = []
    if show_error and model.error_line:
        lines.append(_clip(clean(model.error_line.splitlines()[0]), width))
    mark = "●" if model.confident or model.fixes else "○"
    lines += _wrap(f"{mark} {t('brand', model.lang)} ▸ {_shown(model.headline, model)}", 0, width, hang=3)
    top = model.top_fix
    if top is not None:
        lines += _wrap(f"{t('top_fix', model.lang)}{t('colon', model.lang)}{_shown(top.action, model)}", 3, width, hang=2)
    return lines


def _what_happened(model: PanelModel, width: int) -> list[str]:
    lang = model.lang
    body = []
    if model.source_line:
        body.append(f"{t('your_line', lang)}{t('colon', lang)}{clean(model.source_line)}")
    body += [f"• {clean(f)}" for f in model.facts]
    if model.root_cause.text:
        body.append(_shown(model.root_cause, model))
    return _section(t("what_happened", lang), body, width) if body else []


def _fixes(title: str, fixes: list[FixItem], model: PanelModel, width: int, cli: bool) -> list[str]:
    body: list[str] = []
    for fix in fixes:
        body += _wrap(f"{fix.number}. {_shown(fix.action, model)}{_badges(fix, model)}", 0, width - 4, hang=3)
        if fix.condition.text:
            body += _wrap(f"{t('when', model.lang)}{t('colon', model.lang)}{_shown(fix.condition, model)}", 3, width - 4)
        if fix.how.text:
            body += _wrap(_shown(fix.how, model), 3, width - 4)
        if fix.code:
            body += ["     " + clean(line) for line in fix.code.rstrip().splitlines()]
            hint = t("cli_code_hint", model.lang) if cli else t("apply_hint", model.lang, n=fix.number)
            body += ["   " + hint] if not cli else []
    return _section(title, body, width, wrap=False) if body else []


def _badges(fix: FixItem, model: PanelModel) -> str:
    badges = model.badges(fix)
    return t("paren", model.lang, x=t("list_sep", model.lang).join(badges)) if badges else ""


def _footer(model: PanelModel, width: int) -> list[str]:
    lang = model.lang
    lines = []
    if model.doc_url:
        suffix = "" if model.doc_url_safe else " " + t("unsafe_link", lang)
        lines += _wrap(f"{t('docs', lang)}{t('colon', lang)}{clean(model.doc_url)}{suffix}", 2, width)
    if not model.record_id:
        return lines
    facts = [model.record_id, model.origin, t("tier", lang, tier=model.tier)]
    if model.confidence is not None:
        facts.append(t("confidence", lang, confidence=f"{model.confidence:.2f}"))
    facts.append(t("score", lang, score=f"{model.score:.2f}") + t("paren", lang, x=model.match_kind))
    lines += _wrap(t("record", lang) + t("colon", lang) + " · ".join(clean(f) for f in facts), 2, width)
    lines += _wrap(t("why_matched", lang) + t("colon", lang) + t("sep", lang).join(model.reasons), 2, width)
    if model.others:
        others = t("list_sep", lang).join(f"{c.record_id}{t('paren', lang, x=f'{c.score:.2f}')}" for c in model.others)
        lines += _wrap(t("others", lang) + t("colon", lang) + others, 2, width)
    return lines


def _section(title: str, body: list[str], width: int, *, wrap: bool = True) -> list[str]:
    out = [f"  {title}"]
    for item in body:
        if not item:
            continue
        # Code is never cut: a copied line must be the line apply inserts.
        out += _wrap(item, 4, width) if wrap else ["    " + line if line else line for line in item.splitlines()]
    return out


def _shown(value: Shown, model: PanelModel) -> str:
    marker = t("fallback_marker", model.lang)
    text = clean(value.text)
    return f"{text} {marker}" if value.fallback and marker else text


def _wrap(text: str, indent: int, width: int, *, hang: int = 0) -> list[str]:
    out: list[str] = []
    width = max(width, 20)
    for paragraph in clean(text).splitlines() or [""]:
        if not paragraph.isascii():
            out += _wrap_wide(paragraph, indent, width, hang)
            continue
        out += textwrap.wrap(paragraph, width=width, initial_indent=" " * indent, subsequent_indent=" " * (indent + hang),
                             break_long_words=True, break_on_hyphens=False) or [""]
    return out


def _wrap_wide(paragraph: str, indent: int, width: int, hang: int) -> list[str]:
    """Wrap text with wide characters by display width, between any two wide characters or at spaces."""
    lines, current, used = [], " " * indent, indent
    for unit in _wide_words(paragraph):
        piece, size = unit, display_width(unit)
        if used + size > width and current.strip():
            lines.append(current.rstrip())
            current, used = " " * (indent + hang), indent + hang
            piece = piece.lstrip()
            size = display_width(piece)
        while used + size > width and len(piece) > 1:  # a single word wider than the line is cut
            room = _fit(piece, width - used)
            lines.append(current + piece[:room])
            piece, current, used = piece[room:], " " * (indent + hang), indent + hang
            size = display_width(piece)
        current += piece
        used += size
    lines.append(current.rstrip())
    return lines


def _fit(word: str, columns: int) -> int:
    used = 0
    for i, ch in enumerate(word):
        used += max(wcwidth(ch), 0)
        if used > columns:
            return max(i, 1)
    return len(word)


def _wide_words(text: str) -> list[str]:
    """Break units: each wide character, each Latin word; closing punctuation sticks to what precedes it."""
    words: list[str] = []
    latin = ""
    for ch in text:
        if ch in _NO_LINE_START and (words or latin):
            if latin:
                words.append(latin)
                latin = ""
            words[-1] += ch
        elif wcwidth(ch) == 2:
            if latin:
                words.append(latin)
                latin = ""
            words.append(ch)
        elif ch == " ":
            words.append(latin + " ")
            latin = ""
        else:
            latin += ch
    return words + ([latin] if latin else [])


def _clip(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` terminal columns, marking the cut."""
    if display_width(text) <= width:
        return text
    return text[: _fit(text, width - 1)] + "…"
