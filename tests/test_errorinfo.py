"""Understanding an error from a live exception or from pasted text (pure)."""

from __future__ import annotations

from pathlib import Path

import pytest

from errfix_jupyter import errorinfo
from errfix_jupyter.errorinfo import from_exception, from_text

TRACEBACKS = Path(__file__).parent / "data" / "tracebacks"


def read(name: str) -> str:
    return (TRACEBACKS / name).read_text(encoding="utf-8")


def test_an_ipython_traceback_with_colours_and_a_chain_is_understood():
    error = from_text(read("ipython_pandas_keyerror_chained_ansi.txt"))
    assert (error.type_name, error.qualname, error.message) == ("KeyError", "KeyError", "'price'")
    assert "pandas" in error.libraries
    assert error.source_line == "df['price']"
    assert [c.line for c in error.chain] == ["KeyError: 'price'"]


def test_ipython_prints_short_names_and_the_frames_tell_the_library():
    error = from_text(read("ipython_sklearn_not_fitted_ansi.txt"))
    assert error.qualname == error.type_name == "NotFittedError"
    assert error.libraries[0] == "sklearn"


def test_a_qualified_exception_name_is_kept_and_shortened():
    error = from_text("Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n"
                      "sklearn.exceptions.NotFittedError: This SVC instance is not fitted yet.")
    assert (error.qualname, error.type_name) == ("sklearn.exceptions.NotFittedError", "NotFittedError")
    assert error.libraries == ("sklearn",)


def test_the_direct_cause_chain_of_a_python_traceback_is_kept():
    error = from_text(read("python_numpy_linalg_cause.txt"))
    assert error.line == "RuntimeError: inversion failed"
    assert [c.qualname for c in error.chain] == ["numpy.linalg.LinAlgError"]
    assert error.chain[0].message == "Singular matrix"
    assert error.chain[0].libraries == ("numpy",)


def test_during_handling_blocks_are_chained_too():
    error = from_text(read("python_during_handling.txt"))
    assert error.line == "KeyError: 'missing'"
    assert error.chain[0].qualname == "json.decoder.JSONDecodeError"


def test_a_syntax_error_keeps_the_failing_source_line():
    error = from_text(read("ipython_syntax_error_ansi.txt"))
    assert error.type_name == "SyntaxError"
    assert error.source_line == "print 'hello'"


@pytest.mark.parametrize("text, expected", [
    ("ValueError: invoice total must be positive", ("ValueError", "invoice total must be positive")),
    ("numpy.linalg.LinAlgError: Singular matrix", ("LinAlgError", "Singular matrix")),
    ("torch.OutOfMemoryError: CUDA out of memory.", ("OutOfMemoryError", "CUDA out of memory.")),
    ("pandas.errors.ParserError: Error tokenizing data", ("ParserError", "Error tokenizing data")),
    ("Singular matrix", ("", "Singular matrix")),
    ("KeyboardInterrupt", ("KeyboardInterrupt", "")),
])
def test_one_line_pastes_and_bare_messages(text, expected):
    error = from_text(text)
    assert (error.type_name, error.message) == expected


def test_a_multi_line_message_is_kept_whole():
    error = from_text("ValueError: Input X contains NaN.\nLinearRegression does not accept missing values encoded as NaN natively.")
    assert error.message.endswith("natively.")


def test_pasted_text_and_messages_are_capped():
    error = from_text("ValueError: " + "x" * 1_000_000)
    assert len(error.message) <= errorinfo.MAX_MESSAGE + 20


def test_a_live_exception_gives_frames_libraries_bases_and_source():
    import json

    try:
        json.loads("{")
    except ValueError as exc:
        error = from_exception(exc)
    assert error.qualname == "json.decoder.JSONDecodeError"
    assert error.base_names[0] == "ValueError"
    assert "json" in error.libraries
    assert error.source_line == 'json.loads("{")'


def test_a_live_exception_whose_str_raises_is_still_described():
    class Nasty(Exception):
        def __str__(self):
            raise RuntimeError("no str for you")

        def __repr__(self):
            raise RuntimeError("no repr either")

    error = from_exception(Nasty())
    assert error.type_name == "Nasty" and "str() failed" in error.message


def test_a_cycle_in_the_context_chain_ends():
    a, b = ValueError("a"), KeyError("b")
    a.__context__, b.__context__ = b, a
    error = from_exception(a)
    assert [c.type_name for c in error.chain] == ["KeyError"]


def test_an_exception_class_with_an_odd_module_and_name():
    odd = type("Odd Name!", (Exception,), {"__module__": None})
    error = from_exception(odd("boom"))
    assert error.message == "boom" and error.type_name == "Odd Name!"
