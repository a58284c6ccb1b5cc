"""UI strings in English and Simplified Chinese, language resolution, and Chinese-text detection (pure)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Literal

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

STRINGS: dict[str, dict[str, str]] = {
    "brand": {"en": "errfix", "zh": "errfix"},
    "colon": {"en": ": ", "zh": "："},
    "sep": {"en": "; ", "zh": "；"},
    "list_sep": {"en": ", ", "zh": "、"},
    "paren": {"en": " ({x})", "zh": "（{x}）"},
    "period": {"en": ".", "zh": "。"},
    # sections
    "what_happened": {"en": "What happened", "zh": "发生了什么"},
    "your_line": {"en": "your line", "zh": "出错的代码"},
    "why": {"en": "Why", "zh": "原因"},
    "fixes": {"en": "Fixes, most likely to work first", "zh": "修复方法（按成功率从高到低）"},
    "checks": {"en": "Checks", "zh": "检查"},
    "top_fix": {"en": "fix", "zh": "修复"},
    "dead_ends": {"en": "Dead ends: not worth trying", "zh": "走不通的路：不必再试"},
    "why_fails": {"en": "why it fails", "zh": "为什么不行"},
    "when": {"en": "when", "zh": "适用情况"},
    "works": {"en": "works {rate} of the time", "zh": "成功率约 {rate}"},
    "checked": {"en": "checked in this session", "zh": "已在当前会话中核实"},
    "not_for_your_versions": {"en": "not for the versions installed here", "zh": "不适用于这里安装的版本"},
    "personal": {"en": "with your names", "zh": "已代入你的变量名"},
    "worked_for_you": {"en": "worked for you", "zh": "对你有效"},
    "failed_for_you": {"en": "did not work for you", "zh": "对你无效"},
    "check_label": {"en": "check", "zh": "检查"},
    "versions": {"en": "Versions", "zh": "版本"},
    "docs": {"en": "Official docs", "zh": "官方文档"},
    "record": {"en": "Record", "zh": "记录"},
    "why_matched": {"en": "Why this record", "zh": "为什么匹配到这条记录"},
    "others": {"en": "Other candidates", "zh": "其他候选"},
    "copy": {"en": "Copy", "zh": "复制"},
    "copy_code": {"en": "Copy code", "zh": "复制代码"},
    "or_run": {"en": "or run", "zh": "或运行"},
    "copied": {"en": "Copied", "zh": "已复制"},
    "insert": {"en": "Insert below", "zh": "插入到下方"},
    "apply_hint": {"en": "%errfix apply {n} puts this code in a new cell", "zh": "运行 %errfix apply {n} 可把这段代码放进新单元格"},
    "cli_code_hint": {"en": "copy the code below", "zh": "复制下面的代码"},
    "full_panel_hint": {"en": "%errfix shows the full panel", "zh": "运行 %errfix 查看完整说明"},
    "cli_full_hint": {"en": "errfix lookup shows the full panel", "zh": "运行 errfix lookup 查看完整说明"},
    "draft_record": {"en": "Your draft record {id} matches: fill in its TODO fields (errfix lint lists them)",
                     "zh": "匹配到你的草稿记录 {id}：请补全其中的 TODO 字段（errfix lint 会列出来）"},
    "apply_header": {"en": "# errfix: fix {n}, {source}. Read it before you run it.",
                     "zh": "# errfix：第 {n} 个修复，{source}。运行前请先读一遍。"},
    "said_on": {"en": "errfix: panels on", "zh": "errfix：已开启面板"},
    "said_off": {"en": "errfix: panels off", "zh": "errfix：已关闭面板"},
    "said_lang": {"en": "errfix: language {lang}", "zh": "errfix：语言 {lang}"},
    "said_good": {"en": "errfix: noted that fix {n} ({key}) worked; kept in {path}",
                  "zh": "errfix：已记下第 {n} 个修复（{key}）有效；保存在 {path}"},
    "said_bad": {"en": "errfix: noted that fix {n} ({key}) did not work; kept in {path}",
                 "zh": "errfix：已记下第 {n} 个修复（{key}）无效；保存在 {path}"},
    "usage_no_error": {"en": "no error in this session yet: run a failing cell first, or paste a traceback: %errfix <text>",
                       "zh": "这个会话里还没有出过错：先运行一个出错的单元格，或者粘贴 traceback：%errfix <文本>"},
    "usage_no_fix": {"en": "no fix to {verb}: errfix has no fix for the last error ({type})",
                     "zh": "没有可以{verb}的修复：errfix 没有针对上一个错误（{type}）的修复"},
    "usage_fix_range": {"en": "the last panel has fixes 1 to {count}, not {n}",
                        "zh": "上一个面板只有第 1 到 {count} 个修复，没有第 {n} 个"},
    "usage_no_code": {"en": "fix {n} has no code to apply; it says: {action}", "zh": "第 {n} 个修复没有可插入的代码，它的内容是：{action}"},
    "verb_apply": {"en": "apply", "zh": "插入"},
    "verb_rate": {"en": "rate", "zh": "评价"},
    "no_match": {"en": "errfix knows no fix for this error; %errfix new turns it into a record of your own",
                 "zh": "errfix 还不认识这个错误；运行 %errfix new 可以把它记成你自己的记录"},
    "fallback_marker": {"en": "", "zh": "〔此项缺少中文，显示英文原文〕"},
    "score": {"en": "score {score}", "zh": "匹配分 {score}"},
    "tier": {"en": "trust: {tier}", "zh": "可信度：{tier}"},
    "confidence": {"en": "confidence {confidence}", "zh": "置信度 {confidence}"},
    "language": {"en": "Language", "zh": "语言"},
    "failed": {"en": "errfix failed: {reason}", "zh": "errfix 出错：{reason}"},
    "failed_tail": {"en": " (the traceback above is complete; errfix stays on)", "zh": "（上面的 traceback 是完整的；errfix 仍在运行）"},
    "unsafe_link": {"en": "(not a web link, not linked)", "zh": "（不是网页链接，未加链接）"},
    "origin_shipped": {"en": "shipped with errfix", "zh": "errfix 自带"},
    "origin_pack": {"en": "from the record pack {pack}", "zh": "来自记录包 {pack}"},
    "origin_user": {"en": "from your records ({path})", "zh": "来自你的记录（{path}）"},
    "source_record": {"en": "from record {id}, {origin}", "zh": "来自记录 {id}，{origin}"},
    "source_session": {"en": "made from this session", "zh": "根据当前会话生成"},
    "group_member": {"en": "in the group: {line}", "zh": "异常组中的一个：{line}"},
    "note": {"en": "note: {note}", "zh": "附注：{note}"},
    # what the session shows
    "fact_did_you_mean": {"en": "`{name}` is not defined; did you mean `{suggestion}`? ({how})",
                          "zh": "`{name}` 没有定义；你是不是想写 `{suggestion}`？（{how}）"},
    "fact_did_you_mean_attribute": {"en": "There is no attribute `{name}`; did you mean `{suggestion}`? ({how})",
                                    "zh": "没有属性 `{name}`；你是不是想写 `{suggestion}`？（{how}）"},
    "fact_did_you_mean_import": {"en": "`{module}` has no `{name}`; did you mean `{suggestion}`?",
                                 "zh": "`{module}` 里没有 `{name}`；你是不是想导入 `{suggestion}`？"},
    "fact_module_pip": {"en": "The import name `{module}` comes from the distribution `{dist}`: `pip install {dist}`.",
                        "zh": "导入名 `{module}` 对应的安装包是 `{dist}`：`pip install {dist}`。"},
    "fact_module_not_on_pypi": {"en": "`{module}` is not a package pip installs: it comes with Python, or was removed from it.",
                                "zh": "`{module}` 不是 pip 能安装的包：它随 Python 自带，或者已经从 Python 中移除。"},
    "fact_module_elsewhere": {"en": "`{module}` is installed in {where}, but this kernel runs {kernel}: "
                                    "install it into the kernel's environment.",
                              "zh": "`{module}` 装在 {where}，但当前内核用的是 {kernel}：需要装进内核所在的环境。"},
    "fact_key_close": {"en": "`{container}` has no {kind} '{key}'; did you mean '{suggestion}'? ({how})",
                       "zh": "`{container}` 里没有{kind} '{key}'；你是不是想用 '{suggestion}'？（{how}）"},
    "fact_key_missing": {"en": "`{container}` has no {kind} '{key}'; it has {some}",
                         "zh": "`{container}` 里没有{kind} '{key}'；现有的是 {some}"},
    "fact_key_is_index": {"en": "'{key}' is the index of `{container}` now, not a column (an earlier set_index moved it there).",
                          "zh": "'{key}' 现在是 `{container}` 的索引，不是列（之前的 set_index 把它移过去了）。"},
    "fact_shape": {"en": "`{name}.shape == {shape}` ({dtype})", "zh": "形状：`{name}.shape == {shape}`（{dtype}）"},
    "fact_module_shadowed": {"en": "`{module}` here is your own file {path}, not the library: it shadows the module of that name.",
                             "zh": "这里的 `{module}` 是你自己的文件 {path}，不是那个库：同名文件把库“挡住”了。"},
    "fact_history_failed": {"en": "`{name}` is assigned in {cell}, which failed with {error}.",
                            "zh": "`{name}` 是在 {cell} 里赋值的，而那个单元格报了错：{error}。"},
    "fact_history_deleted": {"en": "`{name}` was deleted in {cell}.", "zh": "`{name}` 在 {cell} 里被 del 删除了。"},
    "fact_history_twice": {"en": "This cell already ran as {cell}{what}: its first run changed the state this run expects.",
                           "zh": "这个单元格已经以 {cell} 运行过一次{what}：第一次运行已经改变了这次依赖的状态。"},
    "what_changed": {"en": " (`{what}`)", "zh": "（`{what}`）"},
    "fact_history_builtin": {"en": "`{name}` is a Python builtin that {cell} rebound to a {type}: `del {name}` brings the builtin back.",
                             "zh": "`{name}` 本是 Python 内置名，{cell} 把它重新赋值成了 {type}：执行 `del {name}` 即可恢复内置的那个。"},
    "fact_history_removed": {"en": "'{key}' was removed from `{name}` by {cell} (`{code}`): this cell expects it to be there.",
                             "zh": "{cell} 已经把 '{key}' 从 `{name}` 里去掉了（`{code}`），而这个单元格还在用它。"},
    "fact_history_rebound": {"en": "`{name}` became a {type} in {cell} (`{code}`).",
                             "zh": "`{name}` 在 {cell} 里变成了 {type}（`{code}`）。"},
    "how_case": {"en": "case differs", "zh": "大小写不同"},
    "how_spaces": {"en": "spaces differ", "zh": "空格不同"},
    "how_spelling": {"en": "close spelling", "zh": "拼写相近"},
    "kind_word_column": {"en": "column", "zh": "列"},
    "kind_word_key": {"en": "key", "zh": "键"},
    "kind_word_label": {"en": "label", "zh": "标签"},
    # fixes made from the session
    "suggest_use_name": {"en": "Use `{suggestion}` instead of `{name}`", "zh": "把 `{name}` 改成 `{suggestion}`"},
    "suggest_use_attribute": {"en": "Use `.{suggestion}` instead of `.{name}`", "zh": "把 `.{name}` 改成 `.{suggestion}`"},
    "suggest_use_import": {"en": "Import `{suggestion}` instead of `{name}`", "zh": "把导入的 `{name}` 改成 `{suggestion}`"},
    "suggest_use_key": {"en": "Use '{suggestion}', the {kind} that `{container}` has",
                        "zh": "改用 `{container}` 里真实存在的{kind} '{suggestion}'"},
    "suggest_del_builtin": {"en": "Give `{name}` back to Python with `del {name}`, then rename the variable in {cell}",
                            "zh": "用 `del {name}` 恢复内置的 `{name}`，再把 {cell} 里的变量改个名"},
    "suggest_rerun_failed": {"en": "Fix the error in {cell} and run it again: that is where `{name}` is assigned",
                             "zh": "先解决 {cell} 里的错误并重新运行它：`{name}` 是在那里赋值的"},
    "suggest_keep_name": {"en": "Keep `{name}` as it was: give the result of {cell} its own name (`{new}`), then rerun "
                                "the cells that build `{name}`",
                          "zh": "别再覆盖 `{name}`：把 {cell} 的结果存进新变量 `{new}`，再重新运行生成 `{name}` 的单元格"},
    "suggest_rerunnable": {"en": "Make the cell safe to run again with `errors='ignore'`, or run the cells above first "
                                 "(Run All Above)",
                           "zh": "加上 `errors='ignore'` 让这个单元格可以重复运行，或者先重跑上面的单元格（Run All Above）"},
    "suggest_rerun_above": {"en": "Run the cells above first (Run All Above), then this cell once: its first run already "
                                  "changed the state it needs",
                            "zh": "先把上面的单元格重新跑一遍（Run All Above），再只运行这个单元格一次：它第一次运行时已经改掉了"
                                  "它依赖的状态"},
    "suggest_pip_install": {"en": "Install `{dist}` into this kernel's environment", "zh": "把 `{dist}` 安装到当前内核的环境里"},
    # migrations
    "migration_installed": {"en": "you have {library} {installed}; `{what}` was removed in {removed}: use `{replacement}`",
                            "zh": "你装的是 {library} {installed}，`{what}` 在 {removed} 中已移除：请改用 `{replacement}`"},
    "migration_removed": {"en": "`{what}` was removed in {library} {removed}: use `{replacement}`",
                          "zh": "`{what}` 在 {library} {removed} 中已移除：请改用 `{replacement}`"},
    # match kinds
    "kind_regex": {"en": "exact pattern match", "zh": "正则完全匹配"},
    "kind_migration": {"en": "a removed or renamed API", "zh": "已移除或改名的 API"},
    "kind_near_miss": {"en": "similar message", "zh": "消息相似"},
    "kind_generic": {"en": "general advice for the exception type", "zh": "该异常类型的通用建议"},
    # reasons
    "reason_regex": {"en": "the message matches the record's pattern", "zh": "报错信息与记录的正则匹配"},
    "reason_migration": {"en": "the message names an API that was removed ({what})", "zh": "报错信息指向一个已移除的 API（{what}）"},
    "reason_near_miss": {"en": "the message is {similarity} similar to the record's signature",
                         "zh": "报错信息与记录的签名相似度为 {similarity}"},
    "reason_generic": {"en": "only the exception type {type} matches", "zh": "只有异常类型 {type} 相符"},
    "reason_domain_agrees": {"en": "the traceback goes through {modules}", "zh": "traceback 经过了 {modules}"},
    "reason_domain_disagrees": {"en": "no {domain} code in the traceback", "zh": "traceback 中没有 {domain} 的代码"},
    "reason_specific": {"en": "the pattern is specific ({chars} fixed characters)", "zh": "正则比较具体（{chars} 个固定字符）"},
    "reason_source_line": {"en": "the failing line looks like this case: {line}", "zh": "出错的那行代码符合这种情况：{line}"},
    "reason_source_line_missing": {"en": "the failing line does not look like this case: {line}",
                                   "zh": "出错的那行代码不像这种情况：{line}"},
    "reason_source_line_unknown": {"en": "the failing line is not known, so this case cannot be confirmed",
                                   "zh": "不知道出错的那行代码，无法确认是这种情况"},
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
    "introduced": {"en": "introduced in {v}", "zh": "{v} 引入"},
    "deprecated": {"en": "deprecated in {v}", "zh": "{v} 弃用"},
    "removed": {"en": "removed in {v}", "zh": "{v} 移除"},
    # tiers
    "tier_reproduced": {"en": "reproduced", "zh": "已复现"},
    "tier_reported": {"en": "reported in a public thread", "zh": "公开讨论中报告过"},
    "tier_user": {"en": "your own record, unverified", "zh": "你自己的记录，未经验证"},
    "tier_maintainer_confirmed": {"en": "confirmed by maintainers", "zh": "维护者确认"},
    "tier_verified": {"en": "verified", "zh": "已验证"},
    "tier_community": {"en": "community", "zh": "社区"},
    "tier_ai_generated": {"en": "AI-generated, unverified", "zh": "AI 生成，未验证"},
    "tier_unknown": {"en": "unknown", "zh": "未知"},
}


def t(key: str, lang: Lang, /, **params: object) -> str:
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
    if explicit == "en":
        return "en"
    if explicit == "zh":
        return "zh"
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
