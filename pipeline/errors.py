"""One catalogue of errors: each says what went wrong, where, and how to fix it.

A user sees ``error.line()`` and the process exits with ``error.code``; never a traceback.
Exit codes are part of the interface (README, "Exit codes"); do not renumber them.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Documented process exit codes."""

    OK = 0
    GAPS_FOUND = 1  # --fail-on matched a status
    USAGE = 2  # typer/click usage errors
    INPUT = 3  # generic unreadable input
    CONFIG = 4
    ARTIFACT = 5  # a model or knowledge-base file is missing or has the wrong version
    NOT_FOUND = 10
    EMPTY = 11
    UNKNOWN_FORMAT = 12
    LEGACY_DOC = 13
    ENCRYPTED = 14
    NO_TEXT_LAYER = 15
    CORRUPT = 16
    TOO_LARGE = 17
    INTERNAL = 70


class WsisAuditError(Exception):
    """Base error: a message, a hint saying how to fix it, and the location (usually a file)."""

    default_code = ExitCode.INPUT

    def __init__(self, message: str, *, hint: str = "", location: str | None = None, code: int | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.location = location
        self.code = int(code if code is not None else self.default_code)

    def line(self) -> str:
        """The single line shown to the user."""
        where = f"{self.location}: " if self.location else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"error: {where}{self.message}{hint}"

    def to_dict(self) -> dict:
        """Plain record for batch outputs."""
        return {"location": self.location, "code": self.code, "message": self.message, "hint": self.hint}


class InputError(WsisAuditError):
    """A document cannot be read; named constructors give one per failure kind."""

    default_code = ExitCode.INPUT

    @classmethod
    def not_found(cls, path: str) -> InputError:
        return cls("file not found or not readable", hint="check the path and permissions", location=path,
                   code=ExitCode.NOT_FOUND)

    @classmethod
    def empty(cls, path: str) -> InputError:
        return cls("the file is empty", hint="export the document again; a zero-byte file has no text", location=path,
                   code=ExitCode.EMPTY)

    @classmethod
    def unknown_format(cls, path: str, detail: str = "") -> InputError:
        msg = "unrecognised format" + (f" ({detail})" if detail else "")
        return cls(msg, hint="give a .docx, .pdf or plain-text/Markdown file", location=path,
                   code=ExitCode.UNKNOWN_FORMAT)

    @classmethod
    def legacy_doc(cls, path: str) -> InputError:
        return cls("legacy binary Word (.doc) file", hint="open it in Word or LibreOffice and save as .docx",
                   location=path, code=ExitCode.LEGACY_DOC)

    @classmethod
    def encrypted(cls, path: str) -> InputError:
        return cls("the PDF is encrypted", hint="save an unprotected copy (print to PDF) and try again", location=path,
                   code=ExitCode.ENCRYPTED)

    @classmethod
    def no_text_layer(cls, path: str) -> InputError:
        return cls("the PDF has no text layer (scanned pages?)", hint="OCR it first, e.g. `ocrmypdf in.pdf out.pdf`",
                   location=path, code=ExitCode.NO_TEXT_LAYER)

    @classmethod
    def corrupt(cls, path: str, fmt: str, detail: str = "") -> InputError:
        msg = f"the {fmt} file is damaged or truncated" + (f": {detail}" if detail else "")
        return cls(msg, hint="re-export or download the document again", location=path, code=ExitCode.CORRUPT)

    @classmethod
    def too_large(cls, path: str, size: int, limit: int) -> InputError:
        return cls(f"the file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit",
                   hint="raise it with --max-size-mb or max_size_mb in the config file", location=path,
                   code=ExitCode.TOO_LARGE)


class ConfigError(WsisAuditError):
    """A configuration file or option is invalid."""

    default_code = ExitCode.CONFIG


class ArtifactError(WsisAuditError):
    """A shipped artifact (model, knowledge base) is missing, corrupt or of the wrong version."""

    default_code = ExitCode.ARTIFACT
