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
    NO_PASSAGES = 18  # the report gave no readable text to audit
    NO_REQUIREMENTS = 19  # a mandate document gave no requirement
    OUTPUT = 20  # the output folder or file cannot be written
    LOCKED = 21  # another run is writing the same output folder
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

    def __reduce__(self):
        # Keyword-only fields survive pickling (parsing in worker processes, the fuzz harness's children).
        return (_rebuild, (type(self), self.message, self.hint, self.location, self.code))


def _rebuild(cls, message: str, hint: str, location: str | None, code: int) -> WsisAuditError:
    return cls(message, hint=hint, location=location, code=code)


class InputError(WsisAuditError):
    """A document cannot be read; named constructors give one per failure kind."""

    default_code = ExitCode.INPUT

    @classmethod
    def not_found(cls, path: str) -> InputError:
        return cls("file not found or not readable", hint="check the path and permissions", location=path,
                   code=ExitCode.NOT_FOUND)

    @classmethod
    def permission_denied(cls, path: str) -> InputError:
        return cls("permission denied", hint="give yourself read access, e.g. `chmod u+r FILE`, or copy the file "
                   "somewhere you can read it", location=path, code=ExitCode.NOT_FOUND)

    @classmethod
    def is_directory(cls, path: str) -> InputError:
        return cls("is a directory, not a document", hint="give the files inside it", location=path,
                   code=ExitCode.NOT_FOUND)

    @classmethod
    def not_regular(cls, path: str) -> InputError:
        return cls("not a regular file (a pipe, socket or device)",
                   hint="save the document to a file and give that file", location=path,
                   code=ExitCode.UNKNOWN_FORMAT)

    @classmethod
    def no_reports(cls, path: str) -> InputError:
        return cls("no report in this folder (no .docx, .pdf, .txt or .md file directly inside it)",
                   hint="give the folder that holds the reports, or the report files themselves", location=path,
                   code=ExitCode.NOT_FOUND)

    @classmethod
    def no_passages(cls, path: str) -> InputError:
        return cls("the report has no readable text to audit, so no requirement can be judged",
                   hint="check that it is the right file; a scanned report needs OCR first", location=path,
                   code=ExitCode.NO_PASSAGES)

    @classmethod
    def no_requirements(cls, path: str) -> InputError:
        return cls("no requirement found in this mandate document",
                   hint="check that it is the mandate (a resolution, contribution or target list), "
                   "not the report; `wsis-audit extract FILE` shows what is read", location=path,
                   code=ExitCode.NO_REQUIREMENTS)

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


class OutputError(WsisAuditError):
    """An output folder or file cannot be written, or another run is writing it."""

    default_code = ExitCode.OUTPUT

    @classmethod
    def cannot_write(cls, path: str, exc: BaseException) -> OutputError:
        why = {IsADirectoryError: "a folder is in the way", NotADirectoryError: "a file is in the way",
               FileExistsError: "a file is in the way", PermissionError: "permission denied"}.get(type(exc))
        if why is None:
            why = getattr(exc, "strerror", None) or type(exc).__name__
        return cls(f"cannot write here: {why[:1].lower() + why[1:]}",
                   hint="choose another --out folder, or move what is in the way", location=path)

    @classmethod
    def locked(cls, path: str) -> OutputError:
        return cls("another wsis-audit run is writing this folder", hint="wait for it to finish, or use another "
                   "--out folder", location=path, code=ExitCode.LOCKED)


class ArtifactError(WsisAuditError):
    """A shipped artifact (model, knowledge base) is missing, corrupt or of the wrong version."""

    default_code = ExitCode.ARTIFACT

    @classmethod
    def judge(cls, message: str, location: str | None = None) -> ArtifactError:
        """The judge model cannot be used as it is: retraining writes one this version reads."""
        return cls(message, hint=RETRAIN, location=location)


RETRAIN = "retrain with `wsis-audit train`"
