"""Two languages from one table; language resolution; Chinese detection (pure)."""

from __future__ import annotations

import re

import pytest

from errfix_jupyter import i18n


def test_every_ui_string_has_english_and_chinese():
    for key, entry in i18n.STRINGS.items():
        assert set(entry) == {"en", "zh"}, key
        if key not in ("brand", "colon", "sep", "list_sep", "period", "paren", "fallback_marker", "what_changed") and entry["en"]:
            assert i18n.has_chinese(entry["zh"]), key


def test_both_languages_use_the_same_placeholders():
    for key, entry in i18n.STRINGS.items():
        assert set(re.findall(r"{(\w+)}", entry["en"])) == set(re.findall(r"{(\w+)}", entry["zh"])), key


@pytest.mark.parametrize("explicit, env, expected", [
    ("zh", {"LANG": "en_US.UTF-8"}, "zh"),
    (None, {"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
    (None, {"LC_ALL": "zh_CN.UTF-8"}, "zh"),
    (None, {"LANG": "zh_CN.UTF-8"}, "zh"),
    (None, {"LANG": "fr_FR.UTF-8"}, "en"),
    (None, {}, "en"),
    ("klingon", {"LANG": "zh_CN.UTF-8"}, "zh"),
])
def test_language_is_the_setting_then_the_environment_then_english(explicit, env, expected):
    assert i18n.resolve_lang(explicit, env) == expected


def test_unknown_keys_and_bad_parameters_never_raise():
    assert i18n.t("no_such_key", "zh") == "no_such_key"
    assert i18n.t("works", "en") == "works {rate} of the time"
