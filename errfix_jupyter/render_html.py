"""PanelModel -> escaped HTML: the static ``<details>`` card for text/html (no JavaScript), and the same card with copy
buttons for the widget (pure).

Every string from an error message or a record goes through ``html.escape``; URLs become links only when safe.
Styles use JupyterLab's CSS variables with fallbacks, so the card follows the light and dark themes in Jupyter
and still reads in nbconvert, GitHub and VS Code.
"""

from __future__ import annotations

from html import escape

from .i18n import t
from .view import FixItem, PanelModel, Shown

_CARD = ("border:1px solid var(--jp-border-color2,#d0d7de);border-left:4px solid {accent};border-radius:4px;"
         "padding:2px 10px;margin:6px 0;background:var(--jp-layout-color1,transparent);color:var(--jp-ui-font-color1,inherit);"
         "font-family:var(--jp-ui-font-family,system-ui,sans-serif);font-size:var(--jp-ui-font-size1,13px);line-height:1.5;"
         "max-width:100%;overflow-wrap:anywhere;word-break:normal;line-break:strict")
_PRE = ("background:var(--jp-cell-editor-background,rgba(127,127,127,0.1));border:1px solid var(--jp-border-color2,#d0d7de);"
        "border-radius:3px;padding:6px 8px;margin:4px 0;overflow-x:auto;white-space:pre;"
        "font-family:var(--jp-code-font-family,monospace);font-size:var(--jp-code-font-size,12px)")
_MUTED = "color:var(--jp-ui-font-color2,#57606a)"
_ACCENT = {"confident": "var(--jp-brand-color1,#1976d2)", "unknown": "var(--jp-border-color1,#8c959f)"}


def render_html(model: PanelModel | None, *, other: PanelModel | None = None, collapsed: bool = True,
                interactive: bool = False, show_error: bool = False) -> str:
    """The panel as one ``<details>`` card; ``other`` (the other language) nests as a closed section."""
    if model is None:
        return ""
    accent = _ACCENT["confident" if model.confident or model.fixes else "unknown"]
    opened = "" if collapsed else " open"
    parts = [
        f'<details class="errfix-panel" lang="{_lang_tag(model)}" data-record="{escape(model.record_id, quote=True)}"{opened} '
        f'style="{_CARD.format(accent=accent)}">',
        f'<summary class="errfix-summary" style="cursor:pointer;padding:2px 0">{summary_html(model)}</summary>',
        body_html(model, interactive=interactive, show_error=show_error),
    ]
    if other is not None:
        label = "中文" if other.lang == "zh" else "English"
        parts.append(f'<details class="errfix-other-lang" lang="{_lang_tag(other)}"><summary>{escape(label)}</summary>'
                     f"<p><b>{summary_html(other)}</b></p>{body_html(other, show_error=show_error)}</details>")
    parts.append("</details>")
    return "".join(parts)


def _lang_tag(model: PanelModel) -> str:
    return "zh-CN" if model.lang == "zh" else "en"


def summary_html(model: PanelModel) -> str:
    """The collapsed line: a mark, what went wrong in the user's terms, and the top fix."""
    mark = "●" if model.confident or model.fixes else "○"
    text = (f'<span class="errfix-mark" aria-hidden="true">{mark}</span> <b>{escape(t("brand", model.lang))}</b> '
            f'<span class="errfix-headline">{_shown(model.headline, model)}</span>')
    top = model.top_fix
    if top is not None:
        text += (f' <span class="errfix-topfix" style="{_MUTED}">— {escape(t("top_fix", model.lang) + t("colon", model.lang))}'
                 f"{_shown(top.action, model)}</span>")
    return text


def body_html(model: PanelModel, *, interactive: bool = False, show_error: bool = False) -> str:
    """Everything under the collapsed line, as sections that open on their own."""
    lang = model.lang
    parts = [_section("what_happened", model, _what_happened(model, show_error), opened=True, css="errfix-cause")]
    fixes = [f for f in model.fixes if f.kind != "check"]
    checks = [f for f in model.fixes if f.kind == "check"]
    if fixes:
        parts.append(_section("fixes", model, _fix_list(fixes, model, interactive), opened=True, css="errfix-fixes"))
    if checks:
        parts.append(_section("checks", model, _fix_list(checks, model, interactive), css="errfix-checks"))
    if model.dead_ends:
        items = "".join(
            f"<li>{_shown(d.action, model)}"
            + (f' <span style="{_MUTED}">— {escape(t("why_fails", lang) + t("colon", lang))}{_shown(d.why_fails, model)}</span>'
               if d.why_fails.text else "") + "</li>" for d in model.dead_ends)
        parts.append(_section("dead_ends", model, f'<ul style="margin:2px 0">{items}</ul>', css="errfix-dead-ends"))
    if model.versions:
        items = "".join(f"<li>{_code_spans(escape(v))}</li>" for v in model.versions)
        parts.append(_section("versions", model, f'<ul style="margin:2px 0">{items}</ul>', css="errfix-versions"))
    if model.record_id:
        parts.append(_section("record", model, _record(model), css="errfix-record"))
    return "".join(parts)


def _what_happened(model: PanelModel, show_error: bool) -> str:
    lang = model.lang
    parts = []
    if show_error and model.error_line:
        parts.append(f'<div class="errfix-error"><code>{escape(model.error_line.splitlines()[0][:500])}</code></div>')
    if model.source_line:
        parts.append(f'<div class="errfix-line"><span style="{_MUTED}">{escape(t("your_line", lang) + t("colon", lang))}</span>'
                     f"<code>{escape(model.source_line)}</code></div>")
    if model.facts:
        parts.append('<ul class="errfix-facts" style="margin:2px 0">' +
                     "".join(f"<li>{_code_spans(escape(f))}</li>" for f in model.facts) + "</ul>")
    if model.root_cause.text:
        parts.append(f'<p style="margin:4px 0">{_shown(model.root_cause, model)}</p>')
    return "".join(parts)


def _fix_list(fixes: list[FixItem], model: PanelModel, interactive: bool) -> str:
    return '<ol style="margin:2px 0;padding-left:1.6em">' + "".join(_fix(f, model, interactive) for f in fixes) + "</ol>"


def _fix(fix: FixItem, model: PanelModel, interactive: bool) -> str:
    lang = model.lang
    badges = model.badges(fix)
    space = " " if lang == "en" else ""
    label = escape(t("paren", lang, x=t("list_sep", lang).join(badges)).strip())
    meta = f'{space}<span class="errfix-badges" style="{_MUTED}">{label}</span>' if badges else ""
    item = f'<li value="{fix.number}" class="errfix-fix" data-fix="{fix.number}">{_shown(fix.action, model)}{meta}'
    if fix.condition.text:
        item += f'<br><i style="{_MUTED}">{escape(t("when", lang) + t("colon", lang))}</i>{_shown(fix.condition, model)}'
    if fix.how.text:
        item += f"<br>{_shown(fix.how, model)}"
    if fix.code:
        item += _code_block(fix, model, interactive)
    return item + "</li>"


def _code_block(fix: FixItem, model: PanelModel, interactive: bool) -> str:
    lang = model.lang
    block = f'<pre class="errfix-code" style="{_PRE}"><code>{escape(fix.code)}</code></pre>'
    apply_line = f"%errfix apply {fix.number}"
    if not interactive:
        return block + f'<div class="errfix-hint" style="{_MUTED}">{escape(t("apply_hint", lang, n=fix.number))}</div>'
    return (f'<div class="errfix-codebox">{block}<div class="errfix-actions">'
            f'<button type="button" class="errfix-copy" data-copy="code">{escape(t("copy_code", lang))}</button>'
            f'<span class="errfix-apply">{escape(t("or_run", lang))} <code>{escape(apply_line)}</code></span>'
            f'<button type="button" class="errfix-copy" data-copy="apply" data-text="{escape(apply_line, quote=True)}">'
            f'{escape(t("copy", lang))}</button></div></div>')


def _record(model: PanelModel) -> str:
    lang = model.lang
    facts = [f"<code>{escape(model.record_id)}</code>", escape(model.origin), escape(t("tier", lang, tier=model.tier))]
    if model.confidence is not None:
        facts.append(escape(t("confidence", lang, confidence=f"{model.confidence:.2f}")))
    facts.append(escape(t("score", lang, score=f"{model.score:.2f}") + t("paren", lang, x=model.match_kind)))
    parts = [f"<p style=\"margin:2px 0\">{' · '.join(facts)}</p>"]
    if model.doc_url:
        if model.doc_url_safe:
            link = (f'<a href="{escape(model.doc_url, quote=True)}" target="_blank" rel="noopener noreferrer">'
                    f"{escape(model.doc_url)}</a>")
        else:
            link = f"{escape(model.doc_url)} {escape(t('unsafe_link', lang))}"
        parts.append(f"<p style=\"margin:2px 0\">{escape(t('docs', lang) + t('colon', lang))}{link}</p>")
    reasons = "".join(f"<li>{escape(r)}</li>" for r in model.reasons)
    parts.append(_titled_list(t("why_matched", lang) + t("colon", lang), reasons))
    if model.others:
        others = "".join(f"<li><code>{escape(c.record_id)}</code>{escape(t('paren', lang, x=f'{c.score:.2f}'))}"
                         f"{escape(t('colon', lang))}{_shown(c.headline, model)}</li>" for c in model.others)
        parts.append(_titled_list(t("others", lang) + t("colon", lang), others))
    return "".join(parts)


def _titled_list(title: str, items: str) -> str:
    return f'<p style="margin:2px 0">{escape(title)}</p><ul style="margin:2px 0">{items}</ul>'


def _section(key: str, model: PanelModel, inner: str, *, opened: bool = False, css: str = "") -> str:
    state = " open" if opened else ""
    return (f'<details class="errfix-section {css}"{state} style="margin:4px 0"><summary style="cursor:pointer">'
            f"<b>{escape(t(key, model.lang))}</b></summary>{inner}</details>")


def _shown(value: Shown, model: PanelModel) -> str:
    """Escaped text, with inline `code` spans, and the visible marker when English stands in for Chinese."""
    html = _code_spans(escape(value.text))
    marker = t("fallback_marker", model.lang)
    if value.fallback and marker:
        html += f' <span class="errfix-fallback" style="{_MUTED}">{escape(marker)}</span>'
    return html


def _code_spans(escaped: str) -> str:
    pieces = escaped.split("`")
    if len(pieces) < 3:
        return escaped
    out = []
    for i, piece in enumerate(pieces):
        odd = i % 2 == 1 and i < len(pieces) - 1
        out.append(f"<code>{piece}</code>" if odd else ("`" + piece if i % 2 == 1 else piece))
    return "".join(out)
