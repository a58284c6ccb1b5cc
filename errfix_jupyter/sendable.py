"""Keep an error the kernel must send encodable: lone surrogates become ``\\udXXX`` escapes (IPython glue).

ipykernel serialises the traceback and its execute_reply as UTF-8; one lone surrogate in a message
makes that raise, so the traceback is lost and the front end waits for a reply that never comes.
"""

from __future__ import annotations

from typing import Any


def encodable(text: str) -> str:
    """``text`` with lone surrogates escaped, as Python's own stderr prints them."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def message_problem(value: BaseException) -> str | None:
    """The sendable text for ``str(value)`` when the original cannot be sent, else None."""
    try:
        text = str(value)
    except BaseException:  # noqa: BLE001 - a user's __str__ may raise anything
        return f"<{type(value).__name__} whose str() failed>"
    if not isinstance(text, str):
        return ""
    safe = encodable(text)
    return None if safe == text else safe


def stand_in(etype: type, message: str) -> BaseException:
    """An exception with ``etype``'s name whose str() is ``message``: what ipykernel reads for its reply."""
    name = etype.__name__ if isinstance(getattr(etype, "__name__", None), str) else "Exception"
    cls: type[Exception] = type(name, (Exception,), {"__module__": __name__, "__str__": lambda self: message})
    return cls(message)


def show_escaped_traceback(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None) -> bool:
    """IPython's own traceback with surrogates escaped, when sending the original failed; False if not applicable."""
    message = message_problem(value)
    if message is None:
        return False
    stb = shell.InteractiveTB.structured_traceback(etype, value, tb, tb_offset=tb_offset)
    shell._showtraceback(etype, stand_in(etype, message), [encodable(line) for line in stb])
    return True


def make_reply_sendable(result: Any) -> None:
    """Swap an unsendable error in the cell's ExecutionResult for a stand-in; the user's exception is untouched."""
    for field in ("error_before_exec", "error_in_exec"):
        error = getattr(result, field, None)
        if isinstance(error, BaseException):
            message = message_problem(error)
            if message is not None:
                setattr(result, field, stand_in(type(error), message))
            return
