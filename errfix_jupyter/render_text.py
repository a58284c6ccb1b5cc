"""PanelModel -> plain text for text/plain, terminal IPython and the CLI (pure)."""

from __future__ import annotations

import re
import textwrap
import unicodedata

from .i18n import t
from .view import PanelModel, Shown

WIDTH = 80
_WIDE = re.compile("[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def render_text(model: PanelModel | None, *, width: int = WIDTH, collapsed: bool = False) -> str:
    """The panel as text; ``collapsed`` gives the headline and the top fix only."""
    if model is None:
        return ""
    lines = _header(model, width)
    if collapsed:
        return "\n".join(lines + [_indent("%errfix: full panel", 2, width)])
    lines += _section(t("what_happened", model.lang), [_shown(model.explanation, model), _shown(model.root_cause, model)], width)
    lines += _fixes(model, width)
    if model.dead_ends:
        body = [f"✗ {_shown(d.action, model)}" + (f" — {t('why_fails', model.lang)}{t('colon', model.lang)}{_shown(d.why_fails, model)}" if d.why_fails.text else "")
                for d in model.dead_ends]
        lines += _section(t("dead_ends", model.lang), body, width)
    if model.versions:
        lines += _section(t("versions", model.lang), list(model.versions), width)
    lines += _footer(model, width)
    return "\n".join(lines)


def _header(model: PanelModel, width: int) -> list[str]:
    title = f"── {t('brand', model.lang)} ── {model.error_line.splitlines()[0] if model.error_line else ''}"
    lines = [_clip(title, width), *_wrap(f"▸ {_shown(model.headline, model)}", 0, width, hang=2)]
    top = model.top_fix
    if top is not None and model.confident:
        lines += _wrap(f"{t('top_fix', model.lang)}{t('colon', model.lang)}{_shown(top.action, model)}", 2, width)
    return lines


def _fixes(model: PanelModel, width: int) -> list[str]:
    body: list[str] = []
    for fix in model.fixes:
        rate = t("paren", model.lang, x=t("works", model.lang, rate=f"{fix.success_rate:.0%}")) if fix.success_rate is not None else ""
        body += _wrap(f"{fix.number}. {_shown(fix.action, model)}{rate}", 0, width - 4, hang=3)
        if fix.condition.text:
            body += _wrap(f"{t('when', model.lang)}{t('colon', model.lang)}{_shown(fix.condition, model)}", 3, width - 4)
        if fix.how.text:
            body += _wrap(_shown(fix.how, model), 3, width - 4)
        if fix.code:
            body += ["     " + line for line in fix.code.rstrip().splitlines()]
            body += ["   " + t("apply_hint", model.lang, n=fix.number)]
    return _section(t("fixes", model.lang), body, width, wrap=False) if body else []


def _footer(model: PanelModel, width: int) -> list[str]:
    lang = model.lang
    lines = []
    if model.doc_url:
        suffix = "" if model.doc_url_safe else " " + t("unsafe_link", lang)
        lines += _wrap(f"{t('docs', lang)}{t('colon', lang)}{model.doc_url}{suffix}", 2, width)
    facts = [model.record_id, t("tier", lang, tier=model.tier)]
    if model.confidence is not None:
        facts.append(t("confidence", lang, confidence=f"{model.confidence:.2f}"))
    facts.append(t("score", lang, score=f"{model.score:.2f}") + t("paren", lang, x=model.match_kind))
    lines += _wrap(t("record", lang) + t("colon", lang) + " · ".join(facts), 2, width)
    lines += _wrap(t("why_matched", lang) + t("colon", lang) + t("sep", lang).join(model.reasons), 2, width)
    if model.others:
        others = ", ".join(f"{c.record_id} ({c.score:.2f})" for c in model.others)
        lines += _wrap(t("others", lang) + t("colon", lang) + others, 2, width)
    return lines


def _section(title: str, body: list[str], width: int, *, wrap: bool = True) -> list[str]:
    out = [f"  {title}"]
    for item in body:
        if not item:
            continue
        out += _wrap(item, 4, width) if wrap else ["    " + line if line else line for line in item.splitlines()]
    return out


def _shown(value: Shown, model: PanelModel) -> str:
    marker = t("fallback_marker", model.lang)
    return f"{value.text} {marker}" if value.fallback and marker else value.text


def _wrap(text: str, indent: int, width: int, *, hang: int = 0) -> list[str]:
    out: list[str] = []
    width = max(width, 20)
    for paragraph in text.splitlines() or [""]:
        if not paragraph.isascii() and _WIDE.search(paragraph):
            out += _wrap_wide(paragraph, indent, width, hang)
            continue
        out += textwrap.wrap(paragraph, width=width, initial_indent=" " * indent,
                             subsequent_indent=" " * (indent + hang), break_long_words=False,
                             break_on_hyphens=False) or [""]
    return out


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: East Asian wide and full-width characters count two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap_wide(paragraph: str, indent: int, width: int, hang: int) -> list[str]:
    """Wrap text with CJK characters by display width, breaking between any two wide characters or at spaces."""
    lines, current, used = [], " " * indent, indent
    for word in _wide_words(paragraph):
        size = display_width(word)
        if used + size > width and current.strip():
            lines.append(current.rstrip())
            current, used = " " * (indent + hang), indent + hang
            word = word.lstrip()
            size = display_width(word)
        current += word
        used += size
    lines.append(current.rstrip())
    return lines


_NO_LINE_START = set("，。、；：！？）」』》〉】”’")


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
        elif display_width(ch) == 2:
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


def _indent(text: str, indent: int, width: int) -> str:
    return _clip(" " * indent + text, width)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
