"""The DOCX package: its ZIP container and XML parts read safely (size limits against ZIP bombs, no entities)."""

from __future__ import annotations

import io
import posixpath
import zipfile
from urllib.parse import unquote

from lxml import etree

from ...errors import InputError
from .names import BODY, REL_NS, W_NS, W_STRICT_NS

# Word's XML is about ten times the text it holds, so 32 MB of one part is over a thousand pages of text;
# lxml's tree takes some 20-30 times the XML's size in memory, so a part this size stays well under 1 GB.
MAX_PART_BYTES = 32_000_000
# All parts read from one package together (document, styles, numbering, notes): twice the largest part.
MAX_TOTAL_BYTES = 64_000_000
# Parts are decompressed this much at a time, so that a header understating a part's size costs nothing.
READ_CHUNK = 1 << 20


class _Package:
    """The ZIP container: the main document part and its related parts, found through relationships."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            self.names = {n.lower(): n for n in self.zip.namelist()}
        except Exception as exc:  # zipfile raises many kinds on junk: BadZipFile, ValueError, struct.error ...
            raise InputError.corrupt(path, "DOCX", _why(exc)) from None
        self.warnings: list[str] = []
        self.read_total = 0  # bytes decompressed so far, against MAX_TOTAL_BYTES
        main = self._targets("", "_rels/.rels").get("officeDocument", "word/document.xml")
        if main.lower() not in self.names:
            main = "word/document.xml"
        if main.lower() not in self.names:
            raise InputError.corrupt(path, "DOCX", "no word/document.xml in the package")
        self.main = main
        self.related = self._targets(posixpath.dirname(main),
                                     posixpath.join(posixpath.dirname(main), "_rels",
                                                    posixpath.basename(main) + ".rels"))

    def document(self) -> etree._Element:
        """The main document part; any failure to read it is a damaged file."""
        root = self._xml(self.main)
        if root.find(BODY) is None:
            raise InputError.corrupt(self.path, "DOCX", f"{self.main} has no body")
        return root

    def part(self, rel_type: str, default: str) -> etree._Element | None:
        """A part related to the document (styles, numbering, notes, settings), or None if absent or unreadable."""
        name = self.related.get(rel_type, default)
        if name.lower() not in self.names:
            return None
        try:
            return self._xml(name)
        except InputError as exc:
            # Word refuses such a file too, but the body is still worth reading.
            self.warnings.append(f"{name} unreadable ({exc.message}); read without it")
            return None

    def _bytes(self, name: str) -> bytes:
        real = self.names[name.lower()]
        try:
            info = self.zip.getinfo(real)
            if info.file_size > MAX_PART_BYTES:
                raise self._too_big(real)
            data = self._stream(info)
        except InputError:
            raise
        except Exception as exc:  # CRC errors, truncated streams, unsupported compression, encrypted entries
            raise InputError.corrupt(self.path, "DOCX", f"{real}: {_why(exc)}") from None
        if W_STRICT_NS in data:
            data = data.replace(W_STRICT_NS, W_NS.encode())
        return data

    def _stream(self, info: zipfile.ZipInfo) -> bytes:
        """Decompress one part a chunk at a time, counting what comes out, whatever its header claims."""
        chunks, size = [], 0
        with self.zip.open(info) as member:
            while chunk := member.read(READ_CHUNK):
                size += len(chunk)
                self.read_total += len(chunk)
                if size > MAX_PART_BYTES or self.read_total > MAX_TOTAL_BYTES:
                    raise self._too_big(info.filename)
                chunks.append(chunk)
        return b"".join(chunks)

    def _too_big(self, name: str) -> InputError:
        return InputError.corrupt(self.path, "DOCX", f"{name} expands past {MAX_PART_BYTES / 1e6:.0f} MB of XML "
                                  f"(or the parts together past {MAX_TOTAL_BYTES / 1e6:.0f} MB): a ZIP bomb?")

    def _xml(self, name: str) -> etree._Element:
        data = self._bytes(name)
        try:
            return etree.fromstring(data, _xml_parser())
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise InputError.corrupt(self.path, "DOCX", f"{self.names[name.lower()]}: {_why(exc)}") from None

    def _targets(self, base: str, rels_name: str) -> dict[str, str]:
        """Relationship type (last URI segment, e.g. 'styles') -> part name; empty if the rels part is missing."""
        if rels_name.lower() not in self.names:
            return {}
        try:
            root = self._xml(rels_name)
        except InputError as exc:
            self.warnings.append(f"{rels_name} unreadable ({exc.message}); using the usual part names")
            return {}
        found: dict[str, str] = {}
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            target = rel.get("Target") or ""
            if not kind or not target or rel.get("TargetMode") == "External" or kind in found:
                continue
            target = unquote(target)
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
            found[kind] = name
        return found


def document_root(data: bytes, path: str) -> etree._Element:
    """The main document part of a DOCX package, read with the same limits as the parser (ZIP bombs, entities)."""
    return _Package(data, path).document()


def _xml_parser() -> etree.XMLParser:
    # No entity expansion, no network, libxml2's default depth and size limits (no huge_tree).
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                           remove_pis=True)


def _why(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:160] if text else type(exc).__name__
