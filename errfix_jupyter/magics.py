"""ErrfixMagics: the %errfix magic and its options as traitlets (IPython glue)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import Magics, line_cell_magic, magics_class
from traitlets import Bool, Float, Int, List, TraitError, Unicode, default, validate

from .i18n import LANGS, resolve_lang

SUBCOMMANDS = ("on", "off", "lang", "apply", "problems", "help")


@dataclass(frozen=True)
class Command:
    """A parsed ``%errfix`` line: the subcommand and its argument (text to look up for ``lookup``)."""

    name: str
    argument: str = ""


def parse(line: str) -> Command:
    """Parse a ``%errfix`` line; raise UsageError with a clear message on bad arguments."""
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
    if head == "apply" and rest and not (rest.isdigit() and int(rest) >= 1):
        raise UsageError(f"%errfix apply takes a fix number (1, 2, ...), got {rest!r}")
    return Command(head, rest)


@magics_class
class ErrfixMagics(Magics):
    """The ``%errfix`` magic and the options of errfix_jupyter (``%config ErrfixMagics``)."""

    lang = Unicode(help="Panel language: 'en' or 'zh'. Default: from LANGUAGE/LC_ALL/LC_MESSAGES/LANG, else English.").tag(config=True)
    auto = Bool(True, help="Show a panel automatically under every failing cell.").tag(config=True)
    min_score = Float(0.5, help="Matches scoring below this (0-1) are shown as general advice, not as the fix.").tag(config=True)
    max_fixes = Int(3, help="How many fixes the panel lists.").tag(config=True)
    records_path = List(Unicode(), help="Extra folders of records in the seed format, loaded after the shipped ones.").tag(config=True)
    collapsed = Bool(True, help="Panels start collapsed to one line.").tag(config=True)
    widget = Bool(True, help="Use the ipywidgets panel (language toggle) in Jupyter front ends; False shows the "
                               "static HTML panel only, which is lighter (no widget models).").tag(config=True)

    def __init__(self, shell: Any = None, **kwargs: Any) -> None:
        super().__init__(shell=shell, **kwargs)
        self.handler: Any = None

    @default("lang")
    def _default_lang(self) -> str:
        return resolve_lang()

    @validate("lang")
    def _check_lang(self, proposal: Any) -> str:
        if proposal["value"] not in LANGS:
            raise TraitError(f"ErrfixMagics.lang must be 'en' or 'zh', not {proposal['value']!r}")
        return proposal["value"]

    @validate("min_score")
    def _check_min_score(self, proposal: Any) -> float:
        if not 0.0 <= proposal["value"] <= 1.0:
            raise TraitError(f"ErrfixMagics.min_score must be between 0 and 1, not {proposal['value']!r}")
        return proposal["value"]

    @validate("max_fixes")
    def _check_max_fixes(self, proposal: Any) -> int:
        if proposal["value"] < 1:
            raise TraitError(f"ErrfixMagics.max_fixes must be at least 1, not {proposal['value']!r}")
        return proposal["value"]

    @line_cell_magic
    def errfix(self, line: str, cell: str | None = None) -> None:
        """%errfix: the fix panel for the last error or for pasted text.

        Usage::

          %errfix                 panel for the last error, expanded
          %errfix <traceback>     look up pasted text (or use a %%errfix cell for a multi-line traceback)
          %errfix on | off        show panels automatically on every error, or not
          %errfix lang en | zh    panel language (English / 简体中文)
          %errfix apply [N]       put fix N (default 1) of the last panel into the next cell
          %errfix problems        record files that failed to load, and why
          %errfix help            this text

        Options (``%config ErrfixMagics.<name> = value`` or ipython_config.py): lang, auto, min_score,
        max_fixes, records_path, collapsed, widget; ``%config ErrfixMagics`` lists them with their help.
        """
        if cell is not None:
            return self._handle_lookup("\n".join(p for p in (line, cell) if p.strip()))
        command = parse(line)
        return getattr(self, f"_handle_{command.name}")(command.argument)

    # one small handler per subcommand

    def _handle_last(self, _: str = "") -> None:
        import sys

        from . import errorinfo

        error = self.handler.last_error if self.handler else None
        if error is None and getattr(sys, "last_value", None) is not None:
            error = errorinfo.from_exception(sys.last_value)
        if error is None:
            raise UsageError("no error in this session yet: run a failing cell first, or paste a traceback: %errfix <text>")
        self.handler.show_panel(error, collapsed=False, say_if_none=True)

    def _handle_lookup(self, text: str) -> None:
        from . import errorinfo

        if not text.strip():
            raise UsageError("%%errfix needs a pasted traceback or error message in the cell")
        self.handler.show_panel(errorinfo.from_text(text), collapsed=False, say_if_none=True)

    def _handle_on(self, _: str = "") -> None:
        self.auto = True
        print("errfix: panels on")

    def _handle_off(self, _: str = "") -> None:
        self.auto = False
        print("errfix: panels off")

    def _handle_lang(self, value: str) -> None:
        if value:
            self.lang = value
        print(f"errfix: language {self.lang}")

    def _handle_apply(self, value: str) -> None:
        model = self.handler.last_model if self.handler else None
        if model is None or not model.fixes:
            raise UsageError("no fix to apply: no panel with fixes has been shown yet")
        number = int(value or 1)
        fix = next((f for f in model.fixes if f.number == number), None)
        if fix is None:
            raise UsageError(f"the last panel has fixes 1 to {len(model.fixes)}, not {number}")
        if not fix.code:
            raise UsageError(f"fix {number} has no code to apply; it says: {fix.action.text}")
        self.shell.set_next_input(fix.code)

    def _handle_problems(self, _: str = "") -> None:
        from . import loader

        kb = loader.knowledge_base(list(self.records_path))
        print(f"errfix: {len(kb)} records loaded, {len(kb.problems)} problems")
        for problem in kb.problems:
            print(f"  {problem}")

    def _handle_help(self, _: str = "") -> None:
        print(self.errfix.__doc__)
