"""The set_custom_exc handler and post_run_cell hook: IPython's traceback first, then a guarded panel (IPython glue)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from .errorinfo import ErrorInfo
    from .magics import ErrfixMagics
    from .matcher import Match
    from .view import PanelModel

EXCEPTIONS = (BaseException,)
NO_PANEL = (KeyboardInterrupt, SystemExit, GeneratorExit)
# IPython's compile step shows these with showsyntaxerror() when no custom handler takes them.
_COMPILE_STAGE_SYNTAX = (OverflowError, SyntaxError, ValueError, TypeError, MemoryError)


def wants_panel(etype: type) -> bool:
    """False for control flow (KeyboardInterrupt, SystemExit, GeneratorExit) and IPython's UsageError."""
    from IPython.core.error import UsageError

    return isinstance(etype, type) and not issubclass(etype, NO_PANEL + (UsageError,))


def show_default_traceback(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None) -> None:
    """Show the traceback exactly as IPython would without any custom handler."""
    stage = tb.tb_frame.f_code.co_name if tb is not None else ""
    current = sys.exc_info()[1] is value
    if stage == "run_code":
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset, running_compiled_code=True)
    elif stage == "run_cell_async" and current and issubclass(etype, IndentationError):
        shell.showindentationerror()
    elif stage == "run_cell_async" and current and issubclass(etype, _COMPILE_STAGE_SYNTAX):
        shell.showsyntaxerror()
    else:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def unwrap_custom_tb(custom_tb: Any) -> Callable[..., Any] | None:
    """The user function inside IPython's ``set_custom_exc`` wrapper, or None if it cannot be found."""
    func = getattr(custom_tb, "__func__", None)
    code = getattr(func, "__code__", None)
    if code is None or "handler" not in code.co_freevars or not func.__closure__:
        return None
    try:
        return func.__closure__[code.co_freevars.index("handler")].cell_contents
    except (ValueError, IndexError):
        return None


class Handler:
    """Everything errfix does when a cell fails; never raises into IPython."""

    def __init__(self, shell: Any, settings: "ErrfixMagics") -> None:
        self.shell = shell
        self.settings = settings
        self.previous: tuple[tuple[type, ...], Any] = (shell.custom_exceptions, shell.CustomTB)
        self._previous_handler = unwrap_custom_tb(shell.CustomTB) if shell.custom_exceptions else None
        self._previous_enabled = bool(shell.custom_exceptions)
        self._pending: BaseException | None = None
        self.last_error: ErrorInfo | None = None
        self.last_matches: list[Match] = []
        self.last_model: PanelModel | None = None
        self._announced: Any = None

    # ------------------------------------------------------------ registration

    def register(self) -> None:
        """Take IPython's one custom-exception slot for every exception."""
        self.shell.set_custom_exc(EXCEPTIONS, self.on_exception)

    def is_registered(self) -> bool:
        """Whether the slot currently holds this handler."""
        return unwrap_custom_tb(self.shell.CustomTB) == self.on_exception

    def restore_previous(self) -> None:
        """Put back the exact (custom_exceptions, CustomTB) pair that was there before us, if the slot is still ours."""
        if self.is_registered():
            self.shell.custom_exceptions, self.shell.CustomTB = self.previous

    # ------------------------------------------------------------ IPython entry points

    def on_exception(self, shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> None:
        """Called by IPython for every exception in a cell: traceback first, then the panel."""
        self._show_traceback(etype, value, tb, tb_offset)
        self._pending = value
        if self.settings.auto and wants_panel(etype):
            self.panel_for_exception(value, tb)
        return None

    def on_post_run_cell(self, result: Any) -> None:
        """After each cell: panel for errors the handler never saw (compile-stage, or while displaced)."""
        pending, self._pending = self._pending, None
        error = result.error_before_exec or result.error_in_exec
        if error is None:
            return
        try:
            self._ensure_registered()
            if error is pending or not self.settings.auto or not wants_panel(type(error)):
                return
            self.panel_for_exception(error, error.__traceback__)
        except BaseException as exc:  # noqa: BLE001 - nothing may escape into the user's session
            self.report_failure(exc)

    # ------------------------------------------------------------ panel

    def panel_for_exception(self, value: BaseException, tb: Any) -> None:
        """Describe, look up and display, all under one guard."""
        try:
            from . import errorinfo

            self.show_panel(errorinfo.from_exception(value, tb))
        except BaseException as exc:  # noqa: BLE001
            self.report_failure(exc)

    def show_panel(self, error: "ErrorInfo", *, collapsed: bool | None = None, say_if_none: bool = False) -> None:
        """Look ``error`` up and display its panel (raises on failure; callers guard)."""
        from . import display, loader, lookup

        settings = self.settings
        self.last_error = error
        kb = loader.knowledge_base(list(settings.records_path))
        self._announce_problems(kb)
        matches = lookup.lookup_error(error, top=3, kb=kb)
        self.last_matches = matches
        shown = display.show(matches, error, settings.lang, shell=self.shell, widget=settings.widget,
                             collapsed=settings.collapsed if collapsed is None else collapsed,
                             min_score=settings.min_score, max_fixes=settings.max_fixes)
        if shown is not None:
            self.last_model = shown
        elif say_if_none:
            from .i18n import t

            print(t("no_match", settings.lang))

    def _announce_problems(self, kb: Any) -> None:
        """Once per knowledge base: one line saying how many record files did not load, and where to see why."""
        if kb.problems and self._announced is not kb:
            files = len({p.path for p in kb.problems})
            print(f"errfix: {files} record file(s) have problems and were skipped or partly used; "
                  "%errfix problems lists them", file=sys.stderr)
        self._announced = kb

    def report_failure(self, exc: BaseException) -> None:
        """The one short line that says errfix failed; the traceback above it is untouched."""
        try:
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        except BaseException:  # noqa: BLE001
            reason = type(exc).__name__
        print(f"errfix failed: {reason}", file=sys.stderr)

    # ------------------------------------------------------------ traceback and neighbours

    def _show_traceback(self, etype: type, value: BaseException, tb: Any, tb_offset: int | None) -> None:
        try:
            if self._previous_covers(etype) and self._run_previous(etype, value, tb, tb_offset):
                return
            show_default_traceback(self.shell, etype, value, tb, tb_offset)
        except BaseException as exc:  # noqa: BLE001 - IPython's own display failed (e.g. a __context__ cycle)
            import traceback

            traceback.print_exception(etype, value, tb)
            print(f"errfix: IPython could not display this traceback ({type(exc).__name__}: {exc}); "
                  "Python's plain traceback is shown above instead"[:300], file=sys.stderr)

    def _previous_covers(self, etype: type) -> bool:
        types_, custom_tb = self.previous
        try:
            return self._previous_enabled and custom_tb is not None and bool(types_) and issubclass(etype, types_)
        except TypeError:
            return False

    def _run_previous(self, etype: type, value: BaseException, tb: Any, tb_offset: int | None) -> bool:
        """Let the previous handler run; True if it showed the traceback itself."""
        shown = _TracebackCounter(self.shell)
        with shown:
            if self._previous_handler is not None:
                try:
                    self._previous_handler(self.shell, etype, value, tb, tb_offset=tb_offset)
                except BaseException as exc:  # noqa: BLE001
                    self._previous_enabled = False
                    name = getattr(self._previous_handler, "__qualname__", "previous handler")
                    print(f"errfix: the exception handler registered before errfix ({name}) failed and is now "
                          f"disabled: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
            else:
                self.previous[1](etype, value, tb, tb_offset)
        self._ensure_registered()
        return shown.count > 0

    def _ensure_registered(self) -> None:
        """Come back if IPython emptied the slot (it does so after any handler fails)."""
        if not self.shell.custom_exceptions:
            self.register()


class _TracebackCounter:
    """Counts showtraceback/showsyntaxerror calls while a neighbour runs; restores the shell's attributes exactly."""

    _NAMES = ("showtraceback", "showsyntaxerror")

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.count = 0
        self._saved: dict[str, Any] = {}

    def __enter__(self) -> "_TracebackCounter":
        for name in self._NAMES:
            self._saved[name] = self.shell.__dict__.get(name, _MISSING)
            original = getattr(self.shell, name)

            def counting(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
                self.count += 1
                return _original(*args, **kwargs)

            setattr(self.shell, name, counting)
        return self

    def __exit__(self, *exc: object) -> None:
        for name, saved in self._saved.items():
            if saved is _MISSING:
                self.shell.__dict__.pop(name, None)
            else:
                setattr(self.shell, name, saved)


_MISSING = object()
