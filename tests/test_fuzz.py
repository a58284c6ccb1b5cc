"""Hostile and random input through parsing, matching and every renderer: nothing escapes, output stays valid."""

from __future__ import annotations

import json
import time
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from errfix_jupyter import errorinfo, knowledge, render_html, render_text, view
from errfix_jupyter.matcher import match

KB = knowledge.knowledge_base()
WORST = {"seconds": 0.0, "input": ""}

ANSI = st.sampled_from(["\x1b[0;31m", "\x1b[0m", "\x1b[38;5;28;01m", "\x1b]8;;http://x\x07", "\x1b[2J", "\x1b"])
TYPES = st.sampled_from(["ValueError", "KeyError", "pandas.errors.ParserError", "torch.OutOfMemoryError", "X" * 300,
                         "TypeError", "SyntaxError", "", "numpy.linalg.LinAlgError", "NotFittedError"])
ANY_CHAR = st.characters(codec=None, categories=None)  # includes lone surrogates, controls, NUL
MESSAGES = st.one_of(
    st.text(ANY_CHAR, max_size=300),
    st.binary(max_size=300).map(lambda b: b.decode("latin-1")),
    st.just("<script>alert(1)</script><img src=x onerror=alert(2)>"),
    st.just('{"json": [1, 2, {"deep": "<b>x</b>"}]}'),
    st.just("a" * 50_000 + "!"),
    st.lists(st.sampled_from(["(", ")", "[", "'", "\\", "*", "\n", " ", "a", "0"]), max_size=400).map("".join),
)
CHAINS = st.lists(st.sampled_from(["\nDuring handling of the above exception, another exception occurred:\n\n",
                                   "\nThe above exception was the direct cause of the following exception:\n\n"]), max_size=30)


@st.composite
def tracebacks(draw) -> str:
    blocks = []
    for sep in draw(CHAINS) + [""]:
        frames = "".join(f'  File "/v/site-packages/{draw(st.sampled_from(["pandas", "torch", "numpy", "x"]))}/m.py", '
                         f"line {draw(st.integers(0, 10**9))}, in f\n    {draw(st.text(max_size=40))}\n"
                         for _ in range(draw(st.integers(0, 3))))
        blocks.append(f"Traceback (most recent call last):\n{frames}{draw(ANSI) if draw(st.booleans()) else ''}"
                      f"{draw(TYPES)}: {draw(MESSAGES)}\n{sep}")
    return "".join(blocks)


class _Strict(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        assert not any(name.startswith("on") for name, _ in attrs), attrs


def check_everything(text: str) -> None:
    started = time.perf_counter()
    error = errorinfo.from_text(text)
    matches = match(error, KB, installed={})
    elapsed = time.perf_counter() - started
    if elapsed > WORST["seconds"]:
        WORST.update(seconds=elapsed, input=text[:80])
    assert elapsed < 10, "a lookup must never hang"
    for lang in ("en", "zh"):
        model = view.build(matches, error, lang)
        html = render_html.render_html(model)
        text_out = render_text.render_text(model)
        parser = _Strict()
        parser.feed(html)
        assert "script" not in parser.tags and "img" not in parser.tags
        json.dumps({"text/html": html, "text/plain": text_out})  # what a kernel must be able to send
        html.encode("utf-8")
        text_out.encode("utf-8")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(tracebacks())
def test_random_tracebacks_never_break_parsing_matching_or_rendering(text):
    check_everything(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TYPES, MESSAGES)
def test_random_one_line_errors_never_break_anything(name, message):
    check_everything(f"{name}: {message}")


def test_hostile_extremes(capsys):
    extremes = [
        "ValueError: " + "x" * 1_000_000,
        "\x00" * 10_000,
        "KeyError: " + "(" * 100_000,
        "Traceback (most recent call last):\n" + '  File "a.py", line 1, in f\n    x\n' * 5000 + "KeyError: 'a'",
        "\n".join(["The above exception was the direct cause of the following exception:", "ValueError: a"] * 10_000),
        "TypeError: \ud800\udfff lone surrogates \udc80",
        "SyntaxError: " + "\x1b[31m" * 10_000,
    ]
    for text in extremes:
        check_everything(text)
    with capsys.disabled():
        print(f"\n[fuzz] worst lookup {WORST['seconds'] * 1000:.1f} ms on {WORST['input']!r}")


class Unprintable(Exception):
    def __str__(self):
        raise RuntimeError("no str")

    def __repr__(self):
        raise RuntimeError("no repr")


def _settable_type_name(name: str) -> bool:
    # CPython itself refuses NUL and lone surrogates in a class name.
    return "\x00" not in name and name == name.encode("utf-8", "replace").decode("utf-8")


@given(st.text(ANY_CHAR, max_size=50).filter(_settable_type_name), st.text(ANY_CHAR, max_size=50))
@settings(max_examples=100, deadline=None)
def test_live_exceptions_with_odd_classes_are_described(name, module):
    cls = type("E", (Exception,), {"__module__": module})
    cls.__name__ = name or "E"
    error = errorinfo.from_exception(cls("msg"))
    error.line.encode("utf-8")  # what a kernel must be able to send
    assert error.message == "msg" and error.type_name == (name or "E").encode("utf-8", "replace").decode("utf-8")
    odd = errorinfo.from_exception(Unprintable())
    assert odd.type_name == "Unprintable" and odd.message.startswith("<") and "str() failed" in odd.message
