"""The set_custom_exc handler and post_run_cell hook: IPython's traceback first, then a guarded panel (IPython glue)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .i18n import Lang, t

if TYPE_CHECKING:
    from .context import Context
    from .errorinfo import ErrorInfo
    from .matcher import Match
    from .view import PanelModel

EXCEPTIONS = (BaseException,)
NO_PANEL = (KeyboardInterrupt, SystemExit, GeneratorExit)
# IPython's compile step shows these with showsyntaxerror() when no custom handler takes them.
_COMPILE_STAGE_SYNTAX = (OverflowError, SyntaxError, ValueError, TypeError, MemoryError)
MAX_FAILURES = 500
_LAST = ("last_type", "last_value", "last_traceback", "last_exc")


@dataclass
class Settings:
    """What the panel does; ErrfixMagics keeps it in step with its traitlets (the handler never reads the magics)."""

    lang: Lang = "en"
    auto: bool = True
    min_score: float = 0.5
    max_fixes: int = 3
    records_path: tuple[str, ...] = ()
    collapsed: bool = True
    widget: bool = True
    context: bool = True


@dataclass(frozen=True)
class Shown:
    """The last panel: for which exception (by identity and line), its models in both languages, and its matches."""

    exc_id: int
    line: str
    models: Mapping[Lang, PanelModel]
    matches: tuple[Match, ...] = ()
    context: Context | None = None


def wants_panel(etype: type) -> bool:
    """False for control flow (KeyboardInterrupt, SystemExit, GeneratorExit) and IPython's UsageError."""
    from IPython.core.error import UsageError

    return isinstance(etype, type) and not issubclass(etype, (*NO_PANEL, UsageError))


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
    if code is None or func is None or "handler" not in code.co_freevars or not func.__closure__:
        return None
    try:
        found = func.__closure__[code.co_freevars.index("handler")].cell_contents
    except (ValueError, IndexError):
        return None
    return found if callable(found) else None


class _KeepLastError:
    """IPython's record of the last error (sys.last_*) exactly as it was: a panel that fails to display may not change it."""

    def __enter__(self) -> None:
        self._saved = {name: getattr(sys, name, _MISSING) for name in _LAST}

    def __exit__(self, *exc: object) -> None:
        for name, value in self._saved.items():
            if value is _MISSING:
                if hasattr(sys, name):
                    delattr(sys, name)
            elif getattr(sys, name, _MISSING) is not value:
                setattr(sys, name, value)


class Handler:
    """Everything errfix does when a cell fails; never raises into IPython."""

    def __init__(self, shell: Any, settings: Settings | None = None) -> None:
        self.shell = shell
        self.settings = settings or Settings()
        self.previous: tuple[tuple[type, ...], Any] = (shell.custom_exceptions, shell.CustomTB)
        self._previous_handler = unwrap_custom_tb(shell.CustomTB) if shell.custom_exceptions else None
        self._previous_enabled = bool(shell.custom_exceptions)
        self._handled_this_cell = False
        self._announced: Any = None
        self.last: Shown | None = None
        self.failures: dict[int, str] = {}
        self._display: Any = None

    @property
    def display(self) -> Any:
        """The shell's panel display, made at the first panel (loading imports no rendering code)."""
        if self._display is None:
            from .display import Display

            self._display = Display(self.shell)
        return self._display

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
        if self._display is not None:
            self._display.close()

    # ------------------------------------------------------------ IPython entry points

    def on_exception(self, shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> None:
        """Called by IPython for every exception in a cell: traceback first, then the panel."""
        self._show_traceback(etype, value, tb, tb_offset)
        self._handled_this_cell = True
        try:
            self._remember_failure(value)
            if self.settings.auto and wants_panel(etype):
                self.panel_for_exception(value, tb)
        except BaseException as exc:  # noqa: BLE001 - nothing may escape into IPython, which would unregister us
            self.report_failure(exc)

    def on_post_run_cell(self, result: Any) -> None:
        """After each cell: panel for errors the handler never saw (compile-stage, or while displaced)."""
        handled, self._handled_this_cell = self._handled_this_cell, False
        try:
            from .sendable import make_reply_sendable

            make_reply_sendable(result)
        except BaseException as exc:  # noqa: BLE001
            self.report_failure(exc)
        try:
            error = result.error_before_exec or result.error_in_exec
            self._ensure_registered()
            if error is None or handled or not self.settings.auto or not wants_panel(type(error)):
                return
            self._remember_failure(error)
            self.panel_for_exception(error, error.__traceback__)
        except BaseException as exc:  # noqa: BLE001 - nothing may escape into the user's session
            self.report_failure(exc)

    # ------------------------------------------------------------ panel

    def panel_for_exception(self, value: BaseException, tb: Any) -> None:
        """Describe, gather context, look up and display, all under one guard."""
        try:
            from . import errorinfo

            with _KeepLastError():
                self.show(errorinfo.from_exception(value, tb), value)
        except BaseException as exc:  # noqa: BLE001
            self.report_failure(exc)

    def show(self, error: ErrorInfo, exc: BaseException | None = None, *, collapsed: bool | None = None,
             show_error: bool = False, say_if_none: bool = False) -> Shown | None:
        """Look ``error`` up, build its panel in both languages and display it (raises on failure; callers guard)."""
        shown = self.prepare(error, exc)
        if shown is None:
            if say_if_none:
                print(t("no_match", self.settings.lang))
            return None
        settings = self.settings
        self.display.show(shown.models, settings.lang, widget=settings.widget, show_error=show_error,
                          collapsed=settings.collapsed if collapsed is None else collapsed)
        self.last = shown
        return shown

    def prepare(self, error: ErrorInfo, exc: BaseException | None = None) -> Shown | None:
        """The panel for an error, not displayed: matches, context and models in both languages."""
        from . import context as ctx
        from . import feedback, knowledge, lookup, view
        from .display import progress_reporter
        from .i18n import LANGS

        settings = self.settings
        kb = knowledge.knowledge_base(list(settings.records_path), progress=progress_reporter(self.shell))
        self._announce_problems(kb)
        matches = lookup.lookup_error(error, top=3, kb=kb)
        found = self._context(exc, error) if exc is not None and settings.context else ctx.EMPTY
        outcomes = feedback.load().outcomes()
        models = {code: view.build(matches, error, code, context=found, min_score=settings.min_score, max_fixes=settings.max_fixes,
                                   outcomes=outcomes, installed=lookup.installed_versions()) for code in LANGS}
        if any(m is None for m in models.values()):
            return None
        return Shown(id(exc) if exc is not None else 0, error.line, models, tuple(matches), found)  # type: ignore[arg-type]

    def _context(self, exc: BaseException, error: ErrorInfo) -> Context:
        from . import context as ctx

        namespace = getattr(self.shell, "user_ns", None)
        return ctx.gather(exc, error.subject, namespace, history=self._history(error, namespace))

    def _history(self, error: ErrorInfo, namespace: Any) -> list[Any]:
        """Facts from IPython's ``In`` and this session's failed cells (empty where there is no history)."""
        from . import history

        inputs = namespace.get("In") if isinstance(namespace, dict) else None
        number = self._cell_number()
        if not isinstance(inputs, list) or number is None or number >= len(inputs) or number < 1:
            return []
        subject = error.subject
        earlier = history.cells(inputs, self.failures, number)
        current = history.Cell(number, inputs[number] if isinstance(inputs[number], str) else "")
        types_now = {name: type(namespace[name]).__name__ for name in _names_in(subject.source_line)
                     if name in namespace}
        return history.facts(subject.type_name, subject.message, subject.source_line, current=current, earlier=earlier,
                             types_now=types_now)

    def _cell_number(self) -> int | None:
        """The running cell's number, In[N] (IPython has already counted it, so it is the last entry of ``In``)."""
        namespace = getattr(self.shell, "user_ns", None)
        inputs = namespace.get("In") if isinstance(namespace, dict) else None
        if isinstance(inputs, list) and len(inputs) > 1:
            return len(inputs) - 1
        return None

    def _remember_failure(self, value: BaseException) -> None:
        number = self._cell_number()
        if number is not None:
            try:
                line = f"{type(value).__name__}: {str(value)[:120]}"
            except Exception:  # noqa: BLE001 - a user __str__ that raises
                line = type(value).__name__
            self.failures[number] = line
            while len(self.failures) > MAX_FAILURES:
                del self.failures[next(iter(self.failures))]

    def _announce_problems(self, kb: Any) -> None:
        """Once per knowledge base: one line saying how many record files did not load, and where to see why."""
        if self._announced is kb:
            return
        self._announced = kb
        problems = [p for i in kb.indexes for p in i.problems()] if hasattr(kb, "indexes") else []
        if problems:
            files = len({p.path for p in problems})
            print(f"errfix: {files} record file(s) have problems and were skipped or partly used; "
                  "%errfix problems lists them", file=sys.stderr)

    def report_failure(self, exc: BaseException) -> None:
        """The one short line that says errfix failed; the traceback above it is untouched."""
        try:
            reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        except BaseException:  # noqa: BLE001
            reason = type(exc).__name__
        try:
            lang = self.settings.lang
            print(t("failed", lang, reason=reason) + t("failed_tail", lang), file=sys.stderr)
        except BaseException:  # noqa: BLE001 - even printing can fail (a closed stream)
            pass

    # ------------------------------------------------------------ traceback and neighbours

    def _show_traceback(self, etype: type, value: BaseException, tb: Any, tb_offset: int | None) -> None:
        try:
            if self._previous_covers(etype) and self._run_previous(etype, value, tb, tb_offset):
                return
            show_default_traceback(self.shell, etype, value, tb, tb_offset)
        except BaseException as exc:  # noqa: BLE001 - IPython's own display failed (e.g. a __context__ cycle)
            if not (isinstance(exc, UnicodeEncodeError) and self._escaped_traceback(etype, value, tb, tb_offset)):
                self._plain_traceback(etype, value, tb, exc)

    def _escaped_traceback(self, etype: type, value: BaseException, tb: Any, tb_offset: int | None) -> bool:
        from .sendable import show_escaped_traceback

        try:
            return show_escaped_traceback(self.shell, etype, value, tb, tb_offset)
        except BaseException:  # noqa: BLE001 - then Python's plain traceback
            return False

    def _plain_traceback(self, etype: type, value: BaseException, tb: Any, why: BaseException) -> None:
        """Python's own traceback when IPython's display failed; a single line when even that fails."""
        import traceback

        try:
            traceback.print_exception(etype, value, tb)
        except BaseException:  # noqa: BLE001 - a hostile exception breaks the stdlib too
            try:
                print(f"{getattr(etype, '__name__', 'Exception')}: <the error could not be printed>", file=sys.stderr)
            except BaseException:  # noqa: BLE001
                pass
        try:
            print(f"errfix: IPython could not display this traceback ({type(why).__name__}); "
                  "Python's plain traceback is shown above instead", file=sys.stderr)
        except BaseException:  # noqa: BLE001
            pass

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


def _names_in(line: str) -> Iterator[str]:
    seen: set[str] = set()
    for name in re.findall(r"(?<![\w.])[A-Za-z_]\w{0,60}", line or ""):
        if name not in seen:
            seen.add(name)
            yield name


class _TracebackCounter:
    """Counts showtraceback/showsyntaxerror calls while a neighbour runs; restores the shell's attributes exactly."""

    _NAMES = ("showtraceback", "showsyntaxerror")

    def __init__(self, shell: Any) -> None:
        self.shell = shell
        self.count = 0
        self._saved: dict[str, Any] = {}

    def __enter__(self) -> _TracebackCounter:
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
