"""Every error doingoai reports, with a stable code.

Library code raises these; the CLI and the API turn them into one-line messages or JSON errors at
their own edge. Tests assert on ``code``, not on wording.
"""

from __future__ import annotations

__all__ = ["DoingoaiError", "InputError", "UsageError", "WriteError"]


class DoingoaiError(Exception):
    """Base of every error doingoai raises on purpose."""

    code = "E000"
    # The command's exit status when this error ends it: 2, a mistake in the input or the options.
    exit_status = 2

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else ""


class UsageError(DoingoaiError):
    """Wrong arguments: an unknown format, an impossible option combination."""

    code = "E010"


class WriteError(DoingoaiError):
    """Something the environment refuses to let us write: a full disk, a read-only file, folder or
    knowledge base. Not the user's typing, so it ends the command with its own status (74, sysexits'
    EX_IOERR), and what was there before is left as it was."""

    code = "E030"
    exit_status = 74


class InputError(DoingoaiError):
    """One input (a file, a record, stdin) that cannot be read as a news page.

    ``source`` names the input as the user gave it, so that a batch can report it and go on.
    """

    code = "E100"

    # The codes of the read stage; messages are built where the problem is found.
    NOT_FOUND = "E101"
    UNREADABLE = "E102"
    EMPTY = "E103"
    BINARY = "E104"
    TOO_LARGE = "E105"
    ENCODING = "E106"
    BAD_RECORD = "E107"
    NO_CONTENT = "E108"
    TIMEOUT = "E109"

    def __init__(self, source: str, message: str, *, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"
