"""ErrorInfo: what an error is, from a live exception or from pasted traceback text (pure)."""

from __future__ import annotations

import linecache
import os
import re
import stat
import traceback
from dataclasses import dataclass
from types import TracebackType

MAX_MESSAGE = 4000
MAX_TEXT = 200_000
MAX_FRAMES = 200
MAX_CHAIN = 8
MAX_NOTES = 8
MAX_MEMBERS = 8
MAX_SOURCE_BYTES = 1_000_000

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")
_CHAIN_SEPARATOR = re.compile(  # [ \t]* not \s*: \s* spans blank lines and makes the split quadratic
    r"^[ \t]*(?:During handling of the above exception, another exception occurred:"
    r"|The above exception was the direct cause of the following exception:)[ \t]*$",
    re.M,
)
_EXC_LINE = re.compile(r"^([A-Za-z_][\w.]*)(?::(?: (.*))?)?$")
_IPY_HEADER = re.compile(r"^([A-Za-z_][\w.]*)\s{2,}Traceback \(most recent call last\)")
_PY_FRAME = re.compile(r'^\s*File "([^"]+)", line (\d+)(?:, in (.+))?')
_IPY_FRAME = re.compile(r"^\s*File ([^\s,]+?):(\d+)(?:, in (.+))?$")
_IPY_CELL = re.compile(r"^\s*(?:Cell In\s*\[\d*\]|Input In\s*\[\d*\]), line (\d+)")
_IPY_ARROW = re.compile(r"^-+>\s*\d+\s?(.*)$")
_PACKAGE_PATH = re.compile(r"(?:site|dist)-packages[/\\]([A-Za-z_][\w]*)")
_STDLIB_PATH = re.compile(r"[/\\]lib[/\\]python3\.\d+[/\\]([A-Za-z_]\w*)")
_NOT_EXCEPTION = {"Traceback", "File", "Cell", "Input", "During", "The", "Note", "Hint"}


@dataclass(frozen=True)
class Frame:
    """One traceback frame: where it is and which top-level module it belongs to."""

    filename: str
    lineno: int
    name: str
    line: str = ""
    module: str = ""


@dataclass(frozen=True)
class ErrorInfo:
    """An error reduced to data: type names, message, frames, libraries, chain."""

    type_name: str
    qualname: str
    message: str
    frames: tuple[Frame, ...] = ()
    libraries: tuple[str, ...] = ()
    chain: tuple[ErrorInfo, ...] = ()
    source_line: str = ""
    base_names: tuple[str, ...] = ()
    from_text: bool = False
    notes: tuple[str, ...] = ()
    members: tuple[ErrorInfo, ...] = ()

    @property
    def line(self) -> str:
        """``Type: message`` as the last line of a traceback shows it."""
        if not self.qualname:
            return self.message
        return f"{self.qualname}: {self.message}" if self.message else self.qualname

    @property
    def subject(self) -> ErrorInfo:
        """The error to look up: an ExceptionGroup's first member (recursively), else this error."""
        return self.members[0].subject if self.members else self

    @property
    def type_names(self) -> tuple[str, ...]:
        """The short type name followed by its base classes' names (known only for live errors)."""
        names = [self.type_name] + [n for n in self.base_names if n != self.type_name]
        return tuple(n for n in names if n)


def cap(text: str, limit: int = MAX_MESSAGE) -> str:
    """Cut ``text`` to ``limit`` characters, marking the cut."""
    return text if len(text) <= limit else text[:limit] + " …[truncated]"


def strip_ansi(text: str) -> str:
    """Remove terminal colour and control sequences."""
    return _ANSI.sub("", text)


# ---------------------------------------------------------------- live exceptions


def from_exception(exc: BaseException, tb: TracebackType | None = None) -> ErrorInfo:
    """Describe a live exception with the standard library's TracebackException; never raises.

    Chains, ExceptionGroup members and ``__notes__`` come from ``traceback.TracebackException`` (no source lines
    are looked up there); frames and their modules from ``traceback.walk_tb``. A hostile exception (a ``__cause__``
    or ``__notes__`` property that raises, a ``__str__`` that fails) still gets a description, from safe reads only.
    """
    if tb is None:
        found = _attribute(exc, "__traceback__")
        tb = found if isinstance(found, TracebackType) else None
    try:
        summary = traceback.TracebackException(type(exc), exc, tb, lookup_lines=False, max_group_width=8, max_group_depth=4)
    except Exception:  # noqa: BLE001 - a property of the exception raised: describe it without the chain
        summary = None
    return _describe(exc, tb, summary, depth=0)


def _describe(exc: BaseException, tb: TracebackType | None, summary: traceback.TracebackException | None,
              depth: int) -> ErrorInfo:
    etype = type(exc)
    frames = _live_frames(tb)
    module = _safe_str(getattr(etype, "__module__", "")) or "builtins"
    name = _safe_str(getattr(etype, "__name__", "")) or "Exception"
    qual = _safe_str(getattr(etype, "__qualname__", "")) or name
    qualname = qual if module in ("builtins", "__main__") else f"{module}.{qual}"
    return ErrorInfo(
        type_name=name,
        qualname=qualname,
        message=cap(_message_of(exc, summary)),
        frames=frames,
        libraries=_libraries(frames, module),
        chain=_chain(exc, summary, depth),
        source_line=_source_line(exc, frames),
        base_names=tuple(_safe_str(getattr(b, "__name__", "")) for b in _safe_mro(etype)[1:] if b not in (object,)),
        notes=tuple(cap(_valid_unicode(n), 500) for n in (summary.__notes__ or ())[:MAX_NOTES] if isinstance(n, str)) if summary else (),
        members=_members(exc, summary, depth),
    )


def _chain(exc: BaseException, summary: traceback.TracebackException | None, depth: int) -> tuple[ErrorInfo, ...]:
    """The causes and contexts, innermost last, as TracebackException found them (cycles cut)."""
    chain: list[ErrorInfo] = []
    current, node = exc, summary
    while node is not None and len(chain) < MAX_CHAIN:
        nxt = node.__cause__ if node.__cause__ is not None else (None if node.__suppress_context__ else node.__context__)
        if nxt is None:
            break
        value = _attribute(current, "__cause__") if node.__cause__ is not None else _attribute(current, "__context__")
        if not isinstance(value, BaseException):
            break
        chain.append(_describe(value, _traceback_of(value), None, depth + 1))
        current, node = value, nxt
    return tuple(chain)


def _members(exc: BaseException, summary: traceback.TracebackException | None, depth: int) -> tuple[ErrorInfo, ...]:
    """The sub-exceptions of an ExceptionGroup (bounded in number and depth)."""
    members = _attribute(exc, "exceptions") if isinstance(exc, BaseExceptionGroup) else None
    if not isinstance(members, tuple) or depth >= 3:
        return ()
    nested = (summary.exceptions or []) if summary is not None else []
    out = []
    for i, member in enumerate(members[:MAX_MEMBERS]):
        if isinstance(member, BaseException):
            out.append(_describe(member, _traceback_of(member), nested[i] if i < len(nested) else None, depth + 1))
    return tuple(out)


def _traceback_of(exc: BaseException) -> TracebackType | None:
    found = _attribute(exc, "__traceback__")
    return found if isinstance(found, TracebackType) else None


def _attribute(value: object, name: str) -> object:
    """An exception's attribute, or None when reading it raises (a hostile property)."""
    try:
        return getattr(value, name, None)
    except Exception:  # noqa: BLE001
        return None


def _message_of(exc: BaseException, summary: traceback.TracebackException | None = None) -> str:
    if isinstance(exc, SyntaxError):
        msg = _attribute(exc, "msg")
        if isinstance(msg, str) and msg:
            return _valid_unicode(msg)
    text = getattr(summary, "_str", None)  # TracebackException keeps str(exc), safely computed, here
    if isinstance(text, str):
        return _valid_unicode(text)
    try:
        text = str(exc)
    except BaseException:  # noqa: BLE001 - a user's __str__ may raise anything
        text = f"<{type(exc).__name__} whose str() failed>"
    return _valid_unicode(text if isinstance(text, str) else "")


def _valid_unicode(text: str) -> str:
    """Replace lone surrogates, which cannot be encoded to send to a front end."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _safe_str(value: object) -> str:
    return _valid_unicode(value) if isinstance(value, str) else ""


def _safe_mro(etype: type) -> tuple[type, ...]:
    try:
        return tuple(etype.__mro__)
    except Exception:  # noqa: BLE001
        return (etype,)


_RUNNER_MODULES = {"IPython", "ipykernel"}


def _live_frames(tb: object) -> tuple[Frame, ...]:
    if not isinstance(tb, TracebackType):
        return ()
    # IPython hands the handler a traceback that starts in its own run_code frame: skip that machinery.
    while tb.tb_next is not None and _top(tb.tb_frame.f_globals.get("__name__")) in _RUNNER_MODULES:
        tb = tb.tb_next
    frames: list[Frame] = []
    for frame, lineno in traceback.walk_tb(tb):
        if len(frames) >= MAX_FRAMES:
            break
        code = frame.f_code
        frames.append(Frame(code.co_filename, lineno or 0, code.co_name, module=_top(frame.f_globals.get("__name__"))))
    return tuple(frames)


def _top(module: object) -> str:
    return module.split(".", 1)[0] if isinstance(module, str) else ""


def _libraries(frames: tuple[Frame, ...], exc_module: str = "") -> tuple[str, ...]:
    """Top-level modules of the frames (and of the exception's class), in order, without the user's code."""
    seen: dict[str, None] = {}
    for frame in frames:
        module = frame.module or _module_from_path(frame.filename)
        if module and module not in ("__main__", "builtins") and not module.startswith("<"):
            seen.setdefault(module, None)
    top = _top(exc_module)
    if top and top not in ("builtins", "__main__"):
        seen.setdefault(top, None)
    return tuple(seen)


def _module_from_path(filename: str) -> str:
    found = _PACKAGE_PATH.search(filename) or _STDLIB_PATH.search(filename)
    return found.group(1) if found else ""


def _source_line(exc: BaseException, frames: tuple[Frame, ...]) -> str:
    if isinstance(exc, SyntaxError):
        text = _attribute(exc, "text")
        return cap(text.strip(), 300) if isinstance(text, str) else ""
    for frame in reversed(frames):
        if not _module_from_path(frame.filename) and frame.module not in _RUNNER_MODULES:
            line = source_line(frame.filename, frame.lineno)
            if line:
                return cap(line, 300)
    return ""


def source_line(filename: str, lineno: int) -> str:
    """One source line, read only where it is safe: IPython's cells (already in linecache) or a regular file < 1 MB.

    Never a device, a FIFO or a huge file: ``/dev/zero`` or a pipe as a code object's filename must not hang or fill
    the kernel.
    """
    cached = linecache.cache.get(filename)
    if cached is not None and len(cached) >= 3 and isinstance(cached[2], list):
        lines = cached[2]
        return lines[lineno - 1].strip() if 0 < lineno <= len(lines) and isinstance(lines[lineno - 1], str) else ""
    try:
        info = os.stat(filename)
    except (OSError, ValueError):
        return ""
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SOURCE_BYTES:
        return ""
    return linecache.getline(filename, lineno).strip()


# ---------------------------------------------------------------- pasted text


def from_text(text: str) -> ErrorInfo:
    """Describe an error from pasted text: a Python or IPython traceback, a ``Type: message`` line, or a message."""
    clean = _valid_unicode(strip_ansi(text[:MAX_TEXT])).replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    blocks = [b for b in _CHAIN_SEPARATOR.split(clean) if b.strip()] or [clean]
    infos = [_block_info(b) for b in blocks]
    last = infos[-1]
    chain = tuple(reversed(infos[:-1]))[:MAX_CHAIN]
    return ErrorInfo(
        type_name=last.type_name, qualname=last.qualname, message=last.message, frames=last.frames,
        libraries=last.libraries, chain=chain, source_line=last.source_line, from_text=True,
    )


_EMBEDDED = "Traceback (most recent call last):"


def embedded_cause(error: ErrorInfo) -> ErrorInfo | None:
    """The Python error a message carries inside it, or None.

    TensorFlow reports an exception raised in a ``py_function`` or a ``from_generator`` generator as an
    ``InvalidArgumentError`` whose message holds the original traceback; the original ``Type: message`` is the cause.
    """
    if _EMBEDDED not in error.message:
        return None
    inner = from_text(error.message[error.message.rindex(_EMBEDDED):])
    if not inner.type_name or not inner.message or inner.type_name == error.type_name:
        return None
    return inner


def _block_info(block: str) -> ErrorInfo:
    lines = block.strip("\n").split("\n")
    frames, source = _text_frames(lines)
    index, qualname, message = _exception_line(lines)
    if index is None:
        message = "\n".join(line.rstrip() for line in lines).strip()
    else:
        rest = [line.rstrip() for line in lines[index + 1 :]]
        message = "\n".join([message, *rest]).strip() if rest and message else (message or "\n".join(rest).strip())
    name = qualname.rsplit(".", 1)[-1] if qualname else ""
    exc_module = qualname.rsplit(".", 1)[0] if "." in qualname else ""
    return ErrorInfo(
        type_name=name, qualname=qualname, message=cap(message), frames=frames,
        libraries=_libraries(frames, exc_module), source_line=source, from_text=True,
    )


def _exception_line(lines: list[str]) -> tuple[int | None, str, str]:
    """Find the ``Type: message`` line: the first unindented one after the last frame (or caret)."""
    header = next((m.group(1) for m in map(_IPY_HEADER.match, lines) if m), "")
    after = _last_frame_index(lines) + 1
    for i in range(after, len(lines)):
        line = lines[i].rstrip()
        found = _EXC_LINE.match(line)
        if not found or lines[i][:1].isspace() or found.group(1).split(".")[0] in _NOT_EXCEPTION:
            continue
        name = found.group(1)
        plausible = after > 0 or header or _looks_like_exception(name) or ("." in name) or name[:1].isupper()
        if plausible and (found.group(2) is not None or _looks_like_exception(name) or header.endswith(name)):
            return i, name, found.group(2) or ""
    # Some messages (TensorFlow's graph errors) carry frame-like lines themselves: take the last unindented
    # line that names an exception, wherever it is.
    for i in range(len(lines) - 1, -1, -1):
        found = _EXC_LINE.match(lines[i].rstrip())
        if found and not lines[i][:1].isspace() and found.group(2) is not None and _looks_like_exception(found.group(1)):
            return i, found.group(1), found.group(2)
    return None, header, ""


_CARET = re.compile(r"^\s+\^+\s*$")
_NUMBERED_SOURCE = re.compile(r"^\s+\d+\s")
_FRAME_LINES = (_PY_FRAME, _IPY_FRAME, _IPY_CELL, _IPY_HEADER, _CARET, _NUMBERED_SOURCE)


def _is_frame_line(line: str) -> bool:
    """A line that belongs to a traceback's frames: a File/Cell line, a caret, a numbered source line, the header."""
    return (any(p.match(line) for p in _FRAME_LINES) or bool(_IPY_ARROW.match(line.strip()))
            or line.startswith("Traceback (most recent call last)"))


def _last_frame_index(lines: list[str]) -> int:
    return max((i for i, line in enumerate(lines) if _is_frame_line(line)), default=-1)


def _looks_like_exception(name: str) -> bool:
    short = name.rsplit(".", 1)[-1]
    return bool(re.search(r"(Error|Exception|Warning|Interrupt|Exit|Iteration|Group|Timeout|Refused|NotFound|Fault)$", short)) or short in {
        "KeyboardInterrupt", "SystemExit", "StopIteration", "GeneratorExit"}


def _text_frames(lines: list[str]) -> tuple[tuple[Frame, ...], str]:
    frames: list[Frame] = []
    source = ""
    for i, line in enumerate(lines):
        found = _PY_FRAME.match(line) or _IPY_FRAME.match(line)
        if found and len(frames) < MAX_FRAMES:
            filename, lineno, name = found.group(1), int(found.group(2)), (found.group(3) or "").strip()
            following = lines[i + 1] if i + 1 < len(lines) else ""
            # Python prints a frame's code indented under it; an unindented next line is the exception itself.
            code = following.strip() if found.re is _PY_FRAME and following[:1].isspace() and not _PY_FRAME.match(following) else ""
            frames.append(Frame(filename, lineno, name, code, _module_from_path(filename)))
            if code and not _module_from_path(filename):
                source = code
        elif cell := _IPY_CELL.match(line):
            frames.append(Frame("<cell>", int(cell.group(1)), "<module>"))
        arrow = _IPY_ARROW.match(line.strip())
        if arrow and frames and not frames[-1].module:
            source = arrow.group(1).strip()
    if not source:
        source = _syntax_error_source(lines)
    return tuple(frames), cap(source, 300)


def _syntax_error_source(lines: list[str]) -> str:
    for i, line in enumerate(lines):
        if re.match(r"^\s+\^+\s*$", line) and i > 0:
            return lines[i - 1].strip()
    return ""
