"""UI strings in English and Simplified Chinese, language resolution, and Chinese-text detection (pure)."""

from __future__ import annotations

import os
import re
from typing import Literal, Mapping

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

STRINGS: dict[str, dict[str, str]] = {
    "brand": {"en": "errfix", "zh": "errfix"},
    "colon": {"en": ": ", "zh": "："},
    "sep": {"en": "; ", "zh": "；"},
    "paren": {"en": " ({x})", "zh": "（{x}）"},
    "what_happened": {"en": "What happened", "zh": "发生了什么"},
    "why": {"en": "Why", "zh": "原因"},
    "fixes": {"en": "Fixes, most likely to work first", "zh": "修复方法（按成功率从高到低）"},
    "top_fix": {"en": "fix", "zh": "修复"},
    "dead_ends": {"en": "Dead ends: not worth trying", "zh": "走不通的路：不必再试"},
    "why_fails": {"en": "why it fails", "zh": "为什么不行"},
    "when": {"en": "when", "zh": "适用情况"},
    "works": {"en": "works {rate} of the time", "zh": "成功率约 {rate}"},
    "versions": {"en": "Versions", "zh": "版本"},
    "docs": {"en": "Official docs", "zh": "官方文档"},
    "record": {"en": "Record", "zh": "记录"},
    "why_matched": {"en": "Why this record", "zh": "为什么匹配到这条记录"},
    "others": {"en": "Other candidates", "zh": "其他候选"},
    "apply_hint": {"en": "%errfix apply {n} puts this code in a new cell", "zh": "运行 %errfix apply {n} 可把这段代码放进新单元格"},
    "no_confident": {"en": "No specific fix known for this {type}; general advice follows",
                     "zh": "没有找到针对这个 {type} 的具体修复，下面是通用建议"},
    "no_match": {"en": "errfix knows no fix for this error", "zh": "errfix 没有找到这个错误的修复方法"},
    "fallback_marker": {"en": "", "zh": "〔此项缺少中文，显示英文原文〕"},
    "score": {"en": "score {score}", "zh": "匹配分 {score}"},
    "tier": {"en": "trust: {tier}", "zh": "可信度：{tier}"},
    "confidence": {"en": "confidence {confidence}", "zh": "置信度 {confidence}"},
    "language": {"en": "Language", "zh": "语言"},
    "failed": {"en": "errfix failed: {reason}", "zh": "errfix 出错：{reason}"},
    "unsafe_link": {"en": "(not a web link, not linked)", "zh": "（不是网页链接，未加链接）"},
    # match kinds
    "kind_regex": {"en": "exact pattern match", "zh": "正则完全匹配"},
    "kind_near_miss": {"en": "similar message", "zh": "消息相似"},
    "kind_generic": {"en": "general advice for the exception type", "zh": "该异常类型的通用建议"},
    # reasons
    "reason_regex": {"en": "the message matches the record's pattern", "zh": "报错信息与记录的正则匹配"},
    "reason_near_miss": {"en": "the message is {similarity} similar to the record's signature",
                         "zh": "报错信息与记录的签名相似度为 {similarity}"},
    "reason_generic": {"en": "only the exception type {type} matches", "zh": "只有异常类型 {type} 相符"},
    "reason_domain_agrees": {"en": "the traceback goes through {modules}", "zh": "traceback 经过了 {modules}"},
    "reason_domain_disagrees": {"en": "no {domain} code in the traceback", "zh": "traceback 中没有 {domain} 的代码"},
    "reason_specific": {"en": "the pattern is specific ({chars} fixed characters)", "zh": "正则比较具体（{chars} 个固定字符）"},
    "reason_source_line": {"en": "the failing line looks like this case: {line}", "zh": "出错的那行代码符合这种情况：{line}"},
    "reason_tier": {"en": "trust tier: {tier}", "zh": "可信等级：{tier}"},
    "reason_confidence": {"en": "record confidence {confidence}", "zh": "记录置信度 {confidence}"},
    "reason_version_affected": {"en": "installed {package} {installed} is in {requirement}",
                                "zh": "已安装的 {package} {installed} 在受影响范围 {requirement} 内"},
    "reason_version_not_affected": {"en": "installed {package} {installed} is outside {requirement}",
                                    "zh": "已安装的 {package} {installed} 不在受影响范围 {requirement} 内"},
    # version lines
    "version_affected": {"en": "you have {package} {installed}: affected ({requirement})",
                         "zh": "你安装的是 {package} {installed}：受影响（{requirement}）"},
    "version_not_affected": {"en": "you have {package} {installed}: not affected ({requirement})",
                             "zh": "你安装的是 {package} {installed}：不受影响（{requirement}）"},
    "version_not_installed": {"en": "{package} is not installed ({requirement})", "zh": "未安装 {package}（{requirement}）"},
    "version_unknown": {"en": "{requirement}: cannot tell", "zh": "{requirement}：无法判断"},
    "introduced": {"en": "introduced in {v}", "zh": "{v} 引入"},
    "deprecated": {"en": "deprecated in {v}", "zh": "{v} 弃用"},
    "removed": {"en": "removed in {v}", "zh": "{v} 移除"},
    # tiers
    "tier_reproduced": {"en": "reproduced", "zh": "已复现"},
    "tier_maintainer_confirmed": {"en": "confirmed by maintainers", "zh": "维护者确认"},
    "tier_verified": {"en": "verified", "zh": "已验证"},
    "tier_community": {"en": "community", "zh": "社区"},
    "tier_ai_generated": {"en": "AI-generated, unverified", "zh": "AI 生成，未验证"},
    "tier_unknown": {"en": "unknown", "zh": "未知"},
}


def t(key: str, lang: Lang, **params: object) -> str:
    """The UI string ``key`` in ``lang``, formatted with ``params`` (unknown keys come back as the key)."""
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def has_chinese(text: str) -> bool:
    """Whether ``text`` contains at least one CJK ideograph."""
    return bool(_CJK.search(text or ""))


def resolve_lang(explicit: str | None = None, environ: Mapping[str, str] | None = None) -> Lang:
    """The explicit choice if valid, else the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set, else English."""
    if explicit in LANGS:
        return explicit  # type: ignore[return-value]
    env = os.environ if environ is None else environ
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var, "")
        if value:
            first = value.split(":")[0].lower()
            return "zh" if first.startswith("zh") else "en"
    return "en"


def tier_label(tier: str, lang: Lang) -> str:
    """A record's verification tier as a reader-facing label."""
    key = f"tier_{tier}" if f"tier_{tier}" in STRINGS else "tier_unknown"
    return tier if key == "tier_unknown" and tier else t(key, lang)
