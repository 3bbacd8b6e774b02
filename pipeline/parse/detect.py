"""Format detection by content (magic bytes and structure), never by file extension."""

from __future__ import annotations

import io
import zipfile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls (Compound File Binary)


def detect_format(data: bytes) -> str:
    """Return 'pdf', 'docx', 'zip', 'ole', 'text', 'markdown' or 'binary'."""
    head = data[:1024]
    if head.lstrip(b"\x00\t\r\n ")[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except Exception:  # noqa: BLE001 - BadZipFile, NotImplementedError (version), ValueError, struct.error ...
            # A truncated or damaged DOCX still starts with a local header naming its first part; the DOCX
            # parser then says what is wrong with it.
            return "docx" if b"[Content_Types].xml" in head or b"word/" in head else "zip"
        if "word/document.xml" in names:
            return "docx"
        return "zip"
    if _looks_like_text(data):
        return "markdown" if _looks_like_markdown(data) else "text"
    return "binary"


def _looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with BOM
    if b"\x00" in sample:
        return False
    # Control characters other than tab/newline/formfeed mark binary data.
    bad = sum(1 for c in sample if c < 32 and c not in (9, 10, 12, 13))
    return bad / len(sample) < 0.01


def _looks_like_markdown(data: bytes) -> bool:
    lines = data[:65536].splitlines()
    hashes = sum(1 for ln in lines if ln.startswith(b"#") and ln[:7].lstrip(b"#").startswith(b" "))
    return hashes >= 2


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252. Returns (text, encoding)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        # Word's "plain text" export on Western Windows is cp1252; it maps nearly every byte.
        return data.decode("cp1252", errors="replace"), "cp1252"
