"""Ranking: regex beats near-miss beats generic; evidence from libraries, versions and trust moves scores (pure)."""

from __future__ import annotations

import time

import pytest

from errfix_jupyter import errorinfo
from errfix_jupyter.knowledge import KnowledgeBase
from errfix_jupyter.literals import required_words
from errfix_jupyter.matcher import match, normalise
from errfix_jupyter.record import from_dict


def rec(rid: str, signature: str, regex: str, **extra):
    data = {"id": rid, "signature": signature, "regex": regex, "domain": rid.split("/", maxsplit=1)[0],
            "root_cause": "because", "workarounds": [{"action": "a"}, {"action": "b"}],
            "verification_tier": "reproduced", "confidence": 0.9}
    data.update(extra)
    return from_dict(data)


NOT_FITTED = rec("sklearn/not-fitted",
                 "sklearn.exceptions.NotFittedError: This LinearRegression instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.",
                 r"NotFittedError: This \w+ instance is not fitted yet\. Call 'fit' with appropriate arguments before using this estimator\.")
PANDAS_KEY = rec("pandas/column-keyerror", "KeyError: 'price'", r"KeyError: '[^']*'$", modules=["pandas"])
DICT_KEY = rec("python/dict-keyerror", "KeyError: 'price'", r"KeyError: '[^']*'$")
GENERIC_VALUE = rec("python/generic-valueerror", "ValueError: invalid literal for int() with base 10: 'abc'", r"^ValueError\b",
                    generic=True, confidence=0.4)
BROADCAST = rec("numpy/broadcast", "ValueError: operands could not be broadcast together with shapes (3,) (4,) ",
                r"ValueError: operands could not be broadcast together with shapes \([\d, ]*\) \([\d, ]*\)",
                versions=[{"version": "numpy>=1.0"}])
KB = KnowledgeBase([NOT_FITTED, PANDAS_KEY, DICT_KEY, GENERIC_VALUE, BROADCAST])


def top(text: str, kb=KB, **kw):
    return match(errorinfo.from_text(text), kb, installed=kw.pop("installed", {}), **kw)


def test_a_regex_match_scores_high_with_its_reasons():
    [best] = top("sklearn.exceptions.NotFittedError: This SVC instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.")
    assert best.record is NOT_FITTED and best.match_kind == "regex"
    assert 0.8 <= best.score <= 1.0
    assert [r.code for r in best.reasons][:1] == ["regex"]


def test_a_near_miss_is_found_when_the_wording_changed_a_little():
    best = top("ValueError: operands could not be broadcast together with shape (3,) (4,)")[0]
    assert best.record is BROADCAST and best.match_kind == "near_miss"
    exact = top("ValueError: operands could not be broadcast together with shapes (3,) (4,)")[0]
    assert 0.4 <= best.score < exact.score


def test_a_generic_record_never_reaches_half_and_never_outranks_a_specific_one():
    matches = top("ValueError: operands could not be broadcast together with shapes (2,) (5,)")
    assert [m.record.id for m in matches] == ["numpy/broadcast", "python/generic-valueerror"]
    assert matches[1].score < 0.5


def test_a_users_own_error_gets_no_confident_match():
    matches = top("ValueError: invoice total must be positive")
    assert [m.match_kind for m in matches] == ["generic"]
    assert matches[0].score < 0.5


def test_the_traceback_libraries_decide_between_records_with_the_same_message():
    pasted = ('Traceback (most recent call last):\n  File "/v/site-packages/pandas/core/frame.py", line 4113, in __getitem__\n'
              "    indexer = self.columns.get_loc(key)\nKeyError: 'price'")
    assert top(pasted)[0].record is PANDAS_KEY
    plain = 'Traceback (most recent call last):\n  File "/home/me/job.py", line 3, in <module>\n    d["price"]\nKeyError: \'price\''
    assert top(plain)[0].record is DICT_KEY


def test_an_installed_version_outside_the_affected_range_lowers_the_score():
    text = "ValueError: operands could not be broadcast together with shapes (2,) (5,)"
    inside = top(text, installed={"numpy": "2.1.0"})[0]
    outside = top(text, kb=KnowledgeBase([rec("numpy/old", BROADCAST.signature, BROADCAST.regex,
                                              versions=[{"version": "numpy<1.0"}])]), installed={"numpy": "2.1.0"})[0]
    assert "version_affected" in [r.code for r in inside.reasons]
    assert "version_not_affected" in [r.code for r in outside.reasons]
    assert outside.score < inside.score


def test_an_ai_generated_record_ranks_below_a_reproduced_one_with_the_same_pattern():
    ai = rec("tensorflow/ai", DICT_KEY.signature, DICT_KEY.regex, verification_tier="ai_generated")
    matches = top("KeyError: 'x'", kb=KnowledgeBase([ai, DICT_KEY]))
    assert [m.record.id for m in matches] == ["python/dict-keyerror", "tensorflow/ai"]


def test_a_bare_message_matches_by_assuming_the_records_type():
    [best] = top("This KMeans instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.")
    assert best.record is NOT_FITTED and best.match_kind == "regex"


def test_a_bare_message_never_matches_a_record_whose_pattern_requires_only_its_type_name():
    exits = rec("jupyter/sys-exit", "SystemExit: 1", r"SystemExit: (?:(?P<code>\d{1,3})|(?P<text>[^\d\n][^\n]{0,200}))$")
    kb = KnowledgeBase([exits, NOT_FITTED])
    assert top("Could not locate zlibwapi.dll. Please make sure it is in your library path!", kb) == []
    assert [m.record for m in top("SystemExit: 1", kb)] == [exits]


def test_a_live_exception_matches_through_its_base_class_names():
    class MyParseError(ValueError):
        pass

    error = errorinfo.from_exception(MyParseError("operands could not be broadcast together with shapes (1,) (2,)"))
    assert match(error, KB, installed={})[0].record is BROADCAST


def test_a_catastrophic_regex_times_out_without_hurting_the_other_matches():
    evil = rec("evil/backtracking", "ValueError: aaaa", r"ValueError: (?:(?:a|aa)+)+b")
    kb = KnowledgeBase([evil, BROADCAST, GENERIC_VALUE])
    diagnostics: list[str] = []
    started = time.perf_counter()
    matches = match(errorinfo.from_text("ValueError: " + "a" * 60), kb, installed={}, diagnostics=diagnostics)
    assert time.perf_counter() - started < 5
    assert any("evil/backtracking: regex timed out" in d for d in diagnostics)
    assert [m.record.id for m in matches] == ["python/generic-valueerror"]


def test_a_regex_that_does_not_compile_is_skipped():
    broken = rec("bad/regex", "KeyError: 'x'", "KeyError: ([")
    assert [m.record.id for m in top("KeyError: 'x'", kb=KnowledgeBase([broken, DICT_KEY]))][0] == "python/dict-keyerror"


@pytest.mark.parametrize("pattern, words", [
    (r"KeyError: 'x' not found in axis", {"not", "found"}),
    (r"ValueError: abc+ def ghi", {"def"}),
    (r"TypeError: (?:foo|bar) baz qux", {"baz"}),
    (r"a|b long words here", set()),
    (r"Error: [abc]+ words\. more", {"words"}),
])
def test_required_words_are_only_words_every_match_contains(pattern, words):
    assert required_words(pattern) == words


def test_normalise_masks_numbers_but_keeps_names():
    assert normalise("Expected 3 fields in line 7,  saw 'abc'") == "expected 0 fields in line 0, saw 'abc'"


# ---------------------------------------------------------------- errors that carry their cause in the message

# TensorFlow 2.20's message for a from_generator element of the wrong shape, as raised here (paths shortened).
WRAPPED_MESSAGE = (
    "{{function_node __wrapped__IteratorGetNext_output_types_1_device_/job:localhost/replica:0/task:0/device:CPU:0}} "
    "TypeError: `generator` yielded an element of shape (4,) where an element of shape (None, 4) was expected.\n"
    "Traceback (most recent call last):\n\n"
    '  File "/site-packages/tensorflow/python/ops/script_ops.py", line 269, in __call__\n    ret = func(*args)\n'
    "          ^^^^^^^^^^^\n\n"
    '  File "/site-packages/tensorflow/python/data/ops/from_generator_op.py", line 235, in generator_py_func\n'
    "    raise TypeError(\n\n"
    "TypeError: `generator` yielded an element of shape (4,) where an element of shape (None, 4) was expected.\n\n\n\n"
    "\t [[{{node PyFunc}}]] [Op:IteratorGetNext] name: ")
YIELDED = rec("tensorflow/yielded-shape", "TypeError: `generator` yielded an element of shape (4,) where an element of shape (None, 4) was expected.",
              r"TypeError: `generator` yielded an element of shape (?P<got>\([^)]{0,200}\)) where an element of shape \([^)]{0,200}\) was expected",
              modules=["tensorflow"])


class InvalidArgumentError(Exception):
    """Stands in for tensorflow.python.framework.errors_impl.InvalidArgumentError (same name, same message)."""


def test_the_python_error_inside_a_wrapped_message_is_its_cause():
    outer = errorinfo.from_exception(InvalidArgumentError(WRAPPED_MESSAGE))
    cause = errorinfo.embedded_cause(outer)
    assert cause is not None and cause.type_name == "TypeError"
    assert cause.message.startswith("`generator` yielded an element of shape (4,)")
    assert "tensorflow" in cause.libraries, "the inner frames tell the library"


def test_a_message_without_an_inner_traceback_has_no_embedded_cause():
    assert errorinfo.embedded_cause(errorinfo.from_exception(ValueError("Traceback is a word here"))) is None


def test_a_wrapped_error_is_looked_up_by_the_cause_it_carries():
    from errfix_jupyter.lookup import lookup_exception

    found = lookup_exception(InvalidArgumentError(WRAPPED_MESSAGE), kb=KnowledgeBase([YIELDED, GENERIC_VALUE]),
                             with_migrations=False)
    assert [m.record.id for m in found][:1] == ["tensorflow/yielded-shape"]
    assert found[0].groups["got"] == "(4,)" and found[0].score >= 0.5
