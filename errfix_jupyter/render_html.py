"""PanelModel -> static, escaped HTML (``<details>``, no JavaScript) for text/html and untrusted notebooks (pure)."""

from __future__ import annotations

from html import escape

from .i18n import t
from .view import PanelModel, Shown

_BOX = ("border-left:4px solid {color};padding:4px 10px;margin:4px 0;"
        "font-family:var(--jp-ui-font-family, sans-serif);font-size:13px")
_PRE = "background:rgba(127,127,127,0.12);padding:6px 8px;margin:4px 0;overflow-x:auto;white-space:pre"


def render_html(model: PanelModel | None, *, other: PanelModel | None = None, collapsed: bool = True) -> str:
    """The panel as one ``<details>`` element; ``other`` (the other language) nests as a second one."""
    if model is None:
        return ""
    color = "#2e7d32" if model.confident else "#9e9e9e"
    opened = "" if collapsed else " open"
    parts = [
        f'<details class="errfix-panel" lang="{"zh-CN" if model.lang == "zh" else "en"}"{opened} style="{_BOX.format(color=color)}">',
        f"<summary>{summary_html(model)}</summary>",
        body_html(model),
    ]
    if other is not None:
        label = "中文" if other.lang == "zh" else "English"
        parts.append(f'<details class="errfix-other-lang" lang="{"zh-CN" if other.lang == "zh" else "en"}">'
                     f"<summary>{escape(label)}</summary>{body_html(other, with_headline=True)}</details>")
    parts.append("</details>")
    return "".join(parts)


def summary_html(model: PanelModel) -> str:
    """The collapsed line: brand, what went wrong, and the top fix."""
    text = f"<b>{escape(t('brand', model.lang))}</b> ▸ {_shown(model.headline, model)}"
    top = model.top_fix
    if top is not None and model.confident:
        text += f" — <i>{escape(t('top_fix', model.lang) + t('colon', model.lang))}</i>{_shown(top.action, model)}"
    return text


def body_html(model: PanelModel, *, with_headline: bool = False) -> str:
    """Everything under the collapsed line."""
    parts = [f"<p><b>{summary_html(model)}</b></p>"] if with_headline else []
    parts.append(f'<div class="errfix-error"><code>{escape(model.error_line)}</code></div>')
    parts.append(_section("what_happened", model, f"<p>{_shown(model.explanation, model)}</p><p>{_shown(model.root_cause, model)}</p>"))
    if model.fixes:
        parts.append(_section("fixes", model, _fixes(model), css="errfix-fixes"))
    if model.dead_ends:
        items = "".join(
            f"<li>{_shown(d.action, model)}"
            + (f" — <i>{escape(t('why_fails', model.lang) + t('colon', model.lang))}</i>{_shown(d.why_fails, model)}" if d.why_fails.text else "")
            + "</li>" for d in model.dead_ends)
        parts.append(_section("dead_ends", model, f"<ul>{items}</ul>"))
    if model.versions:
        parts.append(_section("versions", model, "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in model.versions) + "</ul>"))
    parts.append(_footer(model))
    return "".join(parts)


def _fixes(model: PanelModel) -> str:
    items = []
    for fix in model.fixes:
        rate = f' <span class="errfix-rate">{escape(t("paren", model.lang, x=t("works", model.lang, rate=f"{fix.success_rate:.0%}")))}</span>' if fix.success_rate is not None else ""
        item = f"<li>{_shown(fix.action, model)}{rate}"
        if fix.condition.text:
            item += f"<br><i>{escape(t('when', model.lang) + t('colon', model.lang))}</i>{_shown(fix.condition, model)}"
        if fix.how.text:
            item += f"<br>{_shown(fix.how, model)}"
        if fix.code:
            item += f'<pre class="errfix-code" style="{_PRE}"><code>{escape(fix.code)}</code></pre>'
            item += f'<span class="errfix-hint" style="opacity:0.7">{escape(t("apply_hint", model.lang, n=fix.number))}</span>'
        items.append(item + "</li>")
    return "<ol>" + "".join(items) + "</ol>"


def _footer(model: PanelModel) -> str:
    lang = model.lang
    parts = []
    if model.doc_url:
        if model.doc_url_safe:
            link = f'<a href="{escape(model.doc_url, quote=True)}" target="_blank" rel="noopener noreferrer">{escape(model.doc_url)}</a>'
        else:
            link = f"{escape(model.doc_url)} {escape(t('unsafe_link', lang))}"
        parts.append(f"<p><b>{escape(t('docs', lang) + t('colon', lang))}</b>{link}</p>")
    facts = [f"<code>{escape(model.record_id)}</code>", escape(t("tier", lang, tier=model.tier))]
    if model.confidence is not None:
        facts.append(escape(t("confidence", lang, confidence=f"{model.confidence:.2f}")))
    facts.append(escape(t("score", lang, score=f"{model.score:.2f}") + t("paren", lang, x=model.match_kind)))
    reasons = "".join(f"<li>{escape(r)}</li>" for r in model.reasons)
    details = f"<p>{' · '.join(facts)}</p><p>{escape(t('why_matched', lang) + t('colon', lang))}</p><ul>{reasons}</ul>"
    if model.others:
        others = "".join(f"<li><code>{escape(c.record_id)}</code> ({c.score:.2f}, {escape(c.kind)}): {_shown(c.headline, model)}</li>"
                         for c in model.others)
        details += f"<p>{escape(t('others', lang) + t('colon', lang))}</p><ul>{others}</ul>"
    parts.append(f'<details class="errfix-record"><summary>{escape(t("record", lang))}</summary>{details}</details>')
    return "".join(parts)


def _section(key: str, model: PanelModel, inner: str, css: str = "") -> str:
    cls = f' class="{css}"' if css else ""
    return f"<div{cls}><b>{escape(t(key, model.lang))}</b>{inner}</div>"


def _shown(value: Shown, model: PanelModel) -> str:
    """Escaped record text, with inline `code` spans, and the visible marker when English stands in for Chinese."""
    html = _code_spans(escape(value.text))
    marker = t("fallback_marker", model.lang)
    if value.fallback and marker:
        html += f' <span class="errfix-fallback" style="opacity:0.7">{escape(marker)}</span>'
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
