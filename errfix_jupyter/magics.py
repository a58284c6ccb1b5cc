"""ErrfixMagics: the %errfix magic and its options as traitlets (IPython glue)."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import Magics, line_cell_magic, magics_class
from traitlets import Bool, Float, Int, List, TraitError, Unicode, default, observe, validate

from .handler import Handler, Settings, Shown
from .i18n import LANGS, Lang, resolve_lang, t

SUBCOMMANDS = ("on", "off", "lang", "apply", "problems", "help", "new", "good", "bad", "feedback")
_NUMBER = re.compile(r"[1-9][0-9]{0,3}", re.ASCII)
_RECORD_ID = re.compile(r"[a-z0-9][a-z0-9_.-]{0,99}/[a-z0-9][a-z0-9_.-]{0,199}")
_TRAITS = ("lang", "auto", "min_score", "max_fixes", "records_path", "collapsed", "widget", "context")


@dataclass(frozen=True)
class Command:
    """A parsed ``%errfix`` line: the subcommand and its argument (text to look up for ``lookup``)."""

    name: str
    argument: str = ""


class Matches(list):  # type: ignore[type-arg]
    """What ``%errfix`` returns: the ranked matches, shown as one short line (the panel is above)."""

    def __repr__(self) -> str:
        if not self:
            return "errfix: no match"
        return "errfix: " + ", ".join(f"{m.record.id} ({m.score:.2f})" for m in self)


def parse(line: str) -> Command:
    """Parse a ``%errfix`` line; raise UsageError naming the argument when it is wrong."""
    stripped = line.strip()
    if not stripped:
        return Command("last")
    head, _, rest = stripped.partition(" ")
    rest = rest.strip()
    if head not in SUBCOMMANDS:
        return Command("lookup", stripped)
    if head in ("on", "off", "problems", "help") and rest:
        raise UsageError(f"%errfix {head} takes no argument, got {rest!r}")
    if head == "lang" and rest and rest not in LANGS:
        raise UsageError(f"%errfix lang takes 'en' or 'zh', got {rest!r}")
    if head in ("apply", "good", "bad") and rest and not _NUMBER.fullmatch(rest):
        raise UsageError(f"%errfix {head} takes a fix number (1, 2, ...), got {rest!r}")
    if head in ("good", "bad") and not rest:
        outcome = "worked" if head == "good" else "did not work"
        raise UsageError(f"%errfix {head} takes the number of the fix that {outcome}: %errfix {head} 1")
    if head == "new" and rest and not _RECORD_ID.fullmatch(rest):
        raise UsageError(f"%errfix new takes a record id DOMAIN/SLUG in lowercase (acme/unsettled-invoices), got {rest!r}")
    if head == "feedback" and rest not in ("", "clear"):
        raise UsageError(f"%errfix feedback takes nothing or 'clear', got {rest!r}")
    return Command(head, rest)


@magics_class
class ErrfixMagics(Magics):
    """The ``%errfix`` magic and the options of errfix_jupyter (``%config ErrfixMagics``)."""

    lang = Unicode(help="Panel language: 'en' or 'zh'. Default: from LANGUAGE/LC_ALL/LC_MESSAGES/LANG, else English.").tag(config=True)
    auto = Bool(True, help="Show a panel automatically under every failing cell.").tag(config=True)
    min_score = Float(0.5, help="Matches scoring below this (0-1) are not shown as the fix.").tag(config=True)
    max_fixes = Int(3, help="How many fixes the panel lists.").tag(config=True)
    records_path = List(Unicode(), help="Extra folders of records in the seed format, loaded after the shipped ones.").tag(config=True)
    collapsed = Bool(True, help="Panels start collapsed to one line.").tag(config=True)
    widget = Bool(True, help="Use the interactive panel (one anywidget model: language switch, copy buttons) in Jupyter "
                               "front ends; False shows the static HTML panel only.").tag(config=True)
    context = Bool(True, help="Read the failing frame, the namespace and the cell history (never running user code) "
                                "to say what happened in this session; False turns that off.").tag(config=True)

    def __init__(self, shell: Any = None, **kwargs: Any) -> None:
        super().__init__(shell=shell, **kwargs)
        self.handler = Handler(shell, self.settings())

    def settings(self) -> Settings:
        """The current options, as the handler reads them."""
        return Settings(lang=self.lang, auto=self.auto, min_score=self.min_score, max_fixes=self.max_fixes,  # type: ignore[arg-type]
                        records_path=tuple(self.records_path), collapsed=self.collapsed, widget=self.widget,
                        context=self.context)

    @observe(*_TRAITS)
    def _push(self, change: Any) -> None:
        if getattr(self, "handler", None) is not None:
            self.handler.settings = self.settings()

    @default("lang")
    def _default_lang(self) -> str:
        return resolve_lang()

    @validate("lang")
    def _check_lang(self, proposal: Any) -> str:
        if proposal["value"] not in LANGS:
            raise TraitError(f"ErrfixMagics.lang must be 'en' or 'zh', not {proposal['value']!r}")
        return str(proposal["value"])

    @validate("min_score")
    def _check_min_score(self, proposal: Any) -> float:
        if not 0.0 <= proposal["value"] <= 1.0:
            raise TraitError(f"ErrfixMagics.min_score must be between 0 and 1, not {proposal['value']!r}")
        return float(proposal["value"])

    @validate("max_fixes")
    def _check_max_fixes(self, proposal: Any) -> int:
        if proposal["value"] < 1:
            raise TraitError(f"ErrfixMagics.max_fixes must be at least 1, not {proposal['value']!r}")
        return int(proposal["value"])

    @line_cell_magic
    def errfix(self, line: str, cell: str | None = None) -> Any:
        """%errfix: the fix panel for the last error or for pasted text.

        Usage::

          %errfix                 panel for the last error, expanded (returns the matches)
          %errfix <traceback>     look up pasted text (or use a %%errfix cell for a multi-line traceback)
          %errfix on | off        show panels automatically on every error, or not
          %errfix lang en | zh    panel language (English / 简体中文)
          %errfix apply [N]       put fix N (default 1) of the last error's panel into the next cell
          %errfix good N | bad N  say that fix N of the last panel worked, or did not (kept locally, re-ranks later panels)
          %errfix feedback [clear]   list what you said about fixes, or forget it
          %errfix new [DOMAIN/SLUG]  write a record of the last error into your records folder
          %errfix problems        record files that failed to load, and why
          %errfix help            this text

        Options (``%config ErrfixMagics.<name> = value`` or ipython_config.py): lang, auto, min_score,
        max_fixes, records_path, collapsed, widget, context; ``%config ErrfixMagics`` lists them with their help.
        """
        command = Command("lookup", "\n".join(p for p in (line, cell) if p.strip())) if cell is not None else parse(line)
        try:
            return getattr(self, f"_handle_{command.name}")(command.argument)
        except UsageError:
            raise
        except Exception as exc:  # noqa: BLE001 - a failure of ours is one line, never a traceback of errfix
            self.handler.report_failure(exc)
            return None

    # ------------------------------------------------------------ one small handler per subcommand

    def _last_exception(self) -> BaseException:
        """The last error is ``sys.last_value`` as IPython set it: never an older panel's error."""
        value = getattr(sys, "last_value", None)
        if not isinstance(value, BaseException):
            raise UsageError(t("usage_no_error", self._lang()))
        return value

    def _panel_for_last(self) -> Shown | None:
        """The panel of the last error: the one shown, if it was for that very error, else built now (not displayed)."""
        from . import errorinfo

        value = self._last_exception()
        shown = self.handler.last
        if shown is not None and shown.exc_id == id(value) and shown.line.startswith(type(value).__name__[:1]):
            return shown
        return self.handler.prepare(errorinfo.from_exception(value), value)

    def _handle_last(self, _: str = "") -> Matches:
        from . import errorinfo

        value = self._last_exception()
        shown = self.handler.show(errorinfo.from_exception(value), value, collapsed=False, show_error=True, say_if_none=True)
        return Matches(shown.matches if shown else ())

    def _handle_lookup(self, text: str) -> Matches:
        from . import errorinfo

        if not text.strip() or not text.strip(" \n"):
            raise UsageError("%%errfix needs a pasted traceback or error message in the cell")
        shown = self.handler.show(errorinfo.from_text(text), collapsed=False, show_error=True, say_if_none=True)
        return Matches(shown.matches if shown else ())

    def _handle_on(self, _: str = "") -> None:
        self.auto = True
        print(t("said_on", self._lang()))

    def _handle_off(self, _: str = "") -> None:
        self.auto = False
        print(t("said_off", self._lang()))

    def _handle_lang(self, value: str) -> None:
        if value:
            self.lang = value
        print(t("said_lang", self._lang(), lang=self.lang))

    def _lang(self) -> Lang:
        return "zh" if self.lang == "zh" else "en"

    def _fix(self, value: str, verb: str) -> tuple[Shown, Any]:
        shown = self._panel_for_last()
        model = shown.models[self.lang] if shown is not None else None  # type: ignore[index]
        lang = self._lang()
        if model is None or not model.fixes:
            raise UsageError(t("usage_no_fix", lang, verb=t(f"verb_{verb}", lang), type=type(self._last_exception()).__name__))
        number = int(value or 1)
        fix = next((f for f in model.fixes if f.number == number), None)
        if fix is None:
            raise UsageError(t("usage_fix_range", lang, count=len(model.fixes), n=number))
        return shown, fix  # type: ignore[return-value]

    def _handle_apply(self, value: str) -> None:
        _, fix = self._fix(value, "apply")
        if not fix.code:
            raise UsageError(t("usage_no_code", self._lang(), n=fix.number, action=fix.action.text))
        header = t("apply_header", self._lang(), n=fix.number, source=fix.source) + "\n"
        self._shell().set_next_input(header + fix.code)

    def _handle_good(self, value: str) -> None:
        self._feedback(value, "good")

    def _handle_bad(self, value: str) -> None:
        self._feedback(value, "bad")

    def _feedback(self, value: str, verdict: str) -> None:
        from . import feedback

        _, fix = self._fix(value, "rate")
        if not fix.key or fix.key.startswith("session:"):
            raise UsageError(f"fix {fix.number} was made from this session, not from a record: there is nothing to re-rank")
        store = feedback.load()
        if store.problem:
            print(f"errfix: {store.problem}", file=sys.stderr)
        store.record(fix.key, verdict)
        print(t(f"said_{verdict}", self._lang(), n=fix.number, key=fix.key, path=store.path))

    def _handle_feedback(self, value: str) -> None:
        from . import feedback

        store = feedback.load()
        if store.problem:
            print(f"errfix: {store.problem}", file=sys.stderr)
        if value == "clear":
            print(f"errfix: forgot the outcomes of {store.clear()} fixes")
            return
        if not store.entries:
            print("errfix: no feedback yet (%errfix good N / %errfix bad N after a panel)")
        for line in feedback.summary({str(store.path): store})[1:]:
            print(line)

    def _handle_new(self, value: str) -> None:
        from . import errorinfo, knowledge, loader, newrecord

        error = errorinfo.from_exception(self._last_exception()).subject
        folder = loader.user_data_dir()
        if folder is None:
            raise UsageError("there is no user data folder to write records into (no home directory)")
        record_id = value or f"mine/{newrecord.slug_for(error)}"
        namespace = getattr(self.shell, "user_ns", None)
        inputs = namespace.get("In") if isinstance(namespace, dict) else None
        cell = _failing_cell(inputs, self.handler.failures, error.line)
        try:
            path = newrecord.write(newrecord.build(error, cell, record_id), folder)
        except FileExistsError:
            raise UsageError(f"a record {record_id} already exists in {folder}: choose another DOMAIN/SLUG") from None
        knowledge.forget_open()
        print(f"errfix: wrote {path}\n  fill in the TODO fields, then `errfix lint {path}` lists what is still missing "
              "(the Chinese fields too); errors of the same shape find it from now on")

    def _handle_problems(self, _: str = "") -> None:
        from . import knowledge

        kb = knowledge.knowledge_base(list(self.records_path))
        problems = kb.problems
        print(f"errfix: {len(kb)} records loaded, {len(problems)} problems")
        for problem in problems:
            print(f"  {problem}")
        for note in kb.notes:
            print(f"  {note}")

    def _shell(self) -> Any:
        if self.shell is None:
            raise UsageError("%errfix needs an IPython shell")
        return self.shell

    def _handle_help(self, _: str = "") -> None:
        print(ErrfixMagics.errfix.__doc__)


def _failing_cell(inputs: Any, failures: dict[int, str], line: str) -> str:
    """The source of the most recent cell that failed with this error line (else the last failed cell)."""
    if not isinstance(inputs, list):
        return ""
    numbers = [n for n, text in failures.items() if line.startswith(text.split(":")[0])] or list(failures)
    for number in reversed(numbers):
        source = inputs[number] if 0 < number < len(inputs) else None
        if isinstance(source, str):
            return source
    return ""
