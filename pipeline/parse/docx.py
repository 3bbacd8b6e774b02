"""DOCX: body paragraphs and tables in reading order, Word's automatic numbering rebuilt, notes after the body.

The package is read with ``zipfile`` and ``lxml`` directly (python-docx builds the same lxml trees, but its
per-paragraph style lookups are slow and its ``paragraph.text`` drops runs inside ``w:ins``, ``w:smartTag``,
``w:sdt`` and ``w:fldSimple``). What a reader sees is what we keep:

- tracked changes read as if accepted: ``w:ins``/``w:moveTo`` kept, ``w:del``/``w:moveFrom`` dropped;
- field instructions (``w:instrText``) dropped, field results kept; hidden text (``w:vanish``) and
  content-control placeholder text dropped;
- list numbers rendered from numbering.xml as Word shows them ("6", "2.1", "a)", "(i)");
- page headers, footers, comments and text boxes are never read.

Locators: ``Locator(paragraph=N)`` where N counts every ``w:p`` of the body in document order, table
paragraphs included, starting at 1. A table cell points at its first paragraph; a footnote or endnote
points at the body paragraph that carries its reference mark.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from ..errors import InputError
from ..model import BlockKind, Document, Locator
from .base import RawBlock, build_document

PARSER = "docx/1"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# ISO 29500 Strict documents use the same element names under another namespace; read them alike.
W_STRICT_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

# Word's XML is about ten times the text it holds, so 32 MB of one part is over a thousand pages of text;
# lxml's tree takes some 20-30 times the XML's size in memory, so a part this size stays well under 1 GB.
MAX_PART_BYTES = 32_000_000
# All parts read from one package together (document, styles, numbering, notes): twice the largest part.
MAX_TOTAL_BYTES = 64_000_000
# Parts are decompressed this much at a time, so that a header understating a part's size costs nothing.
READ_CHUNK = 1 << 20
MAX_LEVELS = 9  # w:ilvl runs 0..8 (ECMA-376 17.9.3)


def _w(name: str) -> str:
    return f"{{{W_NS}}}{name}"


# Element and attribute names, computed once (lxml compares Clark names).
P, R, T, TAB, PTAB, BR, CR = _w("p"), _w("r"), _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
NO_BREAK_HYPHEN, SYM, FLD_CHAR = _w("noBreakHyphen"), _w("sym"), _w("fldChar")
TBL, TR, TC, TC_PR, TR_PR = _w("tbl"), _w("tr"), _w("tc"), _w("tcPr"), _w("trPr")
GRID_SPAN, GRID_BEFORE, V_MERGE, H_MERGE = _w("gridSpan"), _w("gridBefore"), _w("vMerge"), _w("hMerge")
BODY, SDT, SDT_PR, SDT_CONTENT, CUSTOM_XML = _w("body"), _w("sdt"), _w("sdtPr"), _w("sdtContent"), _w("customXml")
SHOWING_PLACEHOLDER = _w("showingPlcHdr")
PPR, RPR, PSTYLE, NUM_PR, NUM_ID, ILVL = _w("pPr"), _w("rPr"), _w("pStyle"), _w("numPr"), _w("numId"), _w("ilvl")
OUTLINE_LVL, VANISH = _w("outlineLvl"), _w("vanish")
INS, DEL, MOVE_TO, MOVE_FROM = _w("ins"), _w("del"), _w("moveTo"), _w("moveFrom")
HYPERLINK, SMART_TAG, FLD_SIMPLE, DIR, BDO = _w("hyperlink"), _w("smartTag"), _w("fldSimple"), _w("dir"), _w("bdo")
FOOTNOTE_REF, ENDNOTE_REF = _w("footnoteReference"), _w("endnoteReference")
DRAWING, PICT, OBJECT = _w("drawing"), _w("pict"), _w("object")
TXBX_CONTENT, ALT_CHUNK = _w("txbxContent"), _w("altChunk")
SECT_PR, FOOTNOTE_PR, ENDNOTE_PR, NUM_FMT, NUM_START = (_w("sectPr"), _w("footnotePr"), _w("endnotePr"),
                                                       _w("numFmt"), _w("numStart"))
STYLE, STYLE_ID, NAME, BASED_ON, TYPE, DEFAULT = (_w("style"), _w("styleId"), _w("name"), _w("basedOn"),
                                                  _w("type"), _w("default"))
ABSTRACT_NUM, ABSTRACT_NUM_ID, NUM, LVL, LVL_OVERRIDE = (_w("abstractNum"), _w("abstractNumId"), _w("num"),
                                                         _w("lvl"), _w("lvlOverride"))
START, START_OVERRIDE, LVL_TEXT, LVL_RESTART, IS_LGL = (_w("start"), _w("startOverride"), _w("lvlText"),
                                                        _w("lvlRestart"), _w("isLgl"))
NUM_STYLE_LINK, ID, VAL, CHAR, FONT, FLD_CHAR_TYPE = (_w("numStyleLink"), _w("id"), _w("val"), _w("char"),
                                                      _w("font"), _w("fldCharType"))
CUSTOM_MARK_FOLLOWS = _w("customMarkFollows")
ALTERNATE_CONTENT, MC_CHOICE = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"
M_OMATH, M_OMATH_PARA, M_T = f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara", f"{{{M_NS}}}t"

# Inline wrappers whose runs Word displays (tracked insertions, links, tags, simple fields, controls).
SHOWN_WRAPPERS = {INS, MOVE_TO, HYPERLINK, SMART_TAG, FLD_SIMPLE, CUSTOM_XML, DIR, BDO}
TRACKED = {INS, MOVE_TO, DEL, MOVE_FROM}
FALSE_VALUES = {"0", "false", "off"}

# Symbol-font code points (w:sym w:char="F0B7") that carry meaning in text; other symbol glyphs are dropped.
SYMBOL_FONT_CHARS = {0x2D: "\u2212", 0x6D: "\u03bc", 0xA3: "\u2264", 0xAE: "\u2192", 0xB0: "\u00b0",
                     0xB1: "\u00b1", 0xB3: "\u2265", 0xB7: "\u2022", 0xB9: "\u2260", 0xBB: "\u2248", 0xD7: "\u00d7"}

HEADING_NAME_RE = re.compile(r"^heading\s*([1-9])$")
# ITU templates: "Headingb"/"Headingi" are unnumbered bold/italic headings ("Purpose", "Action required");
# "enumlev1".."enumlev3" carry manual "a)\t" or "–\t" items at that depth (ITU editorial guidelines).
RUN_IN_HEADING_NAMES = {"headingb", "headingi", "headingib"}
ENUMLEV_RE = re.compile(r"^enumlev\s*([1-9])$")

# A manual label and a TAB, as ITU and UN drafts type them: "1\t", "2.1.\t", "a)\t", "(iii)\t", "II\t",
# and WSIS Action Line codes "C2.\t" (Geneva Plan of Action, section C).
_LABEL = (r"\d{1,3}(?:\.\d{1,3}){0,5}\.?|\(?\d{1,3}\)|\(?[a-zA-Z]{1,2}\)|\(?[ivxlcdm]{1,7}\)"
          r"|\(?[IVXLCDM]{1,7}\)|[IVXLCDM]{1,7}\.?|[a-zA-Z]\.|[A-Z]\d{1,2}\.?")
TAB_LABEL_RE = re.compile(rf"^[ \t\u00a0]*(?P<label>{_LABEL})\t+(?P<rest>.*\S.*)$", re.S)
# Without a TAB only unmistakable forms count: "1.", "2.1.", "(a)", "a)", "(iv)" (at most three numeric
# components), or "2.4 To ..." where a capital follows (so "3.5 million people" stays a sentence and
# "2024 was a year" never matches).
SPACE_LABEL_RE = re.compile(
    r"^[ \t\u00a0]*(?:(?P<label>\d{1,3}(?:\.\d{1,3}){0,2}\.|\(?\d{1,3}\)|\(?[a-z]\)|\([ivx]{1,5}\)|[ivx]{2,5}\))"
    r"|(?P<dotted>\d{1,3}(?:\.\d{1,3}){1,2})(?=[ \u00a0]+[A-Z]))[ \u00a0]+(?P<rest>\S.*)$", re.S)
# Headings also take "I. Introduction" and "A. Background" (UN section numbering).
HEADING_SPACE_LABEL_RE = re.compile(r"^[ \t\u00a0]*(?P<label>[IVXLCDM]{1,7}\.|[A-Z]\.)[ \u00a0]+(?P<rest>\S.*)$", re.S)
# Manual bullets typed as a dash or bullet and a TAB (ITU "enumlev1" items start with "–\t").
BULLET_TAB_RE = re.compile(r"^[ \t\u00a0]*[\u2013\u2014\u2022\u00b7\u25aa\u25cf\-*]\t+(?P<rest>.*\S.*)$", re.S)
UPPER_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
LOWER_ROMAN_RE = re.compile(r"^(?:i|[ivx]{2,})$")
PLACEHOLDER_RE = re.compile(r"%([1-9])")
LABEL_TRAILING = " \t\u00a0.:\u2013\u2014-"


def parse_docx(data: bytes, *, path: str, sha256: str) -> Document:
    """Parse .docx bytes into a Document; damaged packages raise ``InputError.corrupt``."""
    package = _Package(data, path)
    reader = _Reader(package)
    raw = reader.read()
    return build_document(raw, path=path, sha256=sha256, fmt="docx", parser=PARSER, pages=None,
                          warnings=reader.warnings, missing=reader.missing)


# --------------------------------------------------------------------------- package


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


def _int(value: str | None, default: int | None = None) -> int | None:
    """An integer attribute; damaged or missing values give the default."""
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        return default


def _on(el: etree._Element | None) -> bool:
    """A WordprocessingML on/off property: present and not w:val="0"/"false"/"off"."""
    return el is not None and (el.get(VAL) or "1").lower() not in FALSE_VALUES


# --------------------------------------------------------------------------- styles


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


@dataclass(frozen=True, slots=True)
class _StyleInfo:
    """What a paragraph style means for parsing, resolved once along its basedOn chain."""

    style_id: str | None
    name: str = ""
    heading_level: int | None = None
    num_id: str | None = None
    ilvl: int | None = None
    run_in_heading: bool = False  # ITU "Headingb": unnumbered heading nested under the last outline heading
    enum_level: int | None = None  # ITU "enumlevN"
    toc: bool = False


class _Styles:
    """Paragraph styles from styles.xml: style id -> name, numbering and outline level, with basedOn resolved."""

    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_id: str | None = None
        self._cache: dict[str | None, _StyleInfo] = {}
        if root is None:
            return
        for s in root.iter(STYLE):
            sid = s.get(STYLE_ID)
            if not sid:
                continue
            name_el, based_el, ppr = s.find(NAME), s.find(BASED_ON), s.find(PPR)
            # Names may carry aliases after a comma ("heading 1,H1"); the first is the real name.
            name = ((name_el.get(VAL) if name_el is not None else None) or "").split(",")[0].strip().lower()
            num_id, ilvl, outline = _num_pr(ppr)
            self.by_id[sid] = _Style(name=name, based_on=based_el.get(VAL) if based_el is not None else None,
                                     num_id=num_id, ilvl=ilvl, outline=outline)
            is_default = (s.get(DEFAULT) or "0").lower() not in FALSE_VALUES
            if (s.get(TYPE) or "paragraph") == "paragraph" and is_default and self.default_id is None:
                self.default_id = sid

    def info(self, style_id: str | None) -> _StyleInfo:
        """The resolved meaning of a paragraph style (the default style when none or an unknown one is named)."""
        if style_id not in self.by_id:
            style_id = self.default_id
        cached = self._cache.get(style_id)
        if cached is None:
            cached = self._cache[style_id] = self._resolve(style_id)
        return cached

    def chain(self, style_id: str | None) -> list[_Style]:
        """The style and its basedOn ancestors, nearest first; cycles are cut."""
        out, seen = [], set()
        while style_id in self.by_id and style_id not in seen and len(out) < 32:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def _resolve(self, style_id: str | None) -> _StyleInfo:
        chain = self.chain(style_id)
        if not chain:
            return _StyleInfo(style_id=style_id)
        heading: int | None = None
        for s in chain:
            # The nearest style that decides wins: an explicit outline level (9 = body text), else a heading name.
            if s.outline is not None:
                heading = s.outline + 1 if 0 <= s.outline < 9 else None
                break
            m = HEADING_NAME_RE.match(s.name)
            if m:
                heading = int(m.group(1))
                break
            if s.name == "title":
                heading = 1
                break
        num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
        names = [s.name for s in chain]
        enum = next((int(m.group(1)) for n in names if (m := ENUMLEV_RE.match(n))), None)
        return _StyleInfo(style_id=style_id, name=chain[0].name, heading_level=heading, num_id=num_id, ilvl=ilvl,
                          run_in_heading=any(n in RUN_IN_HEADING_NAMES for n in names), enum_level=enum,
                          toc=chain[0].name.startswith("toc "))


def _num_pr(ppr: etree._Element | None) -> tuple[str | None, int | None, int | None]:
    """(numId, ilvl, outline level) written directly in a pPr; None where absent."""
    if ppr is None:
        return None, None, None
    num_id = ilvl = None
    num_pr = ppr.find(NUM_PR)
    if num_pr is not None:
        nid, lvl = num_pr.find(NUM_ID), num_pr.find(ILVL)
        num_id = (nid.get(VAL) or "").strip() if nid is not None else None
        ilvl = _int(lvl.get(VAL)) if lvl is not None else None
    outline_el = ppr.find(OUTLINE_LVL)
    outline = _int(outline_el.get(VAL)) if outline_el is not None else None
    return num_id, ilvl, outline


# --------------------------------------------------------------------------- numbering


@dataclass(frozen=True, slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # the w:lvlText template, e.g. "%1.%2."
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level is used; 0 = never
    legal: bool = False  # w:isLgl: show every number of the template in decimal
    pstyle: str | None = None  # the paragraph style linked to this level


@dataclass(slots=True)
class _Instance:
    """A w:num resolved: the counters it shares, its levels and its start overrides."""

    key: str  # counters are kept per abstract definition (ECMA-376 17.9), shared by its w:num instances
    levels: dict[int, _Level]
    starts: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Number:
    label: str | None  # as a reader cites it: "6", "2.1", "a)"; None for bullets
    ilvl: int


class _Lists:
    """Word's list numbering: counters per abstract list, advanced paragraph by paragraph in document order."""

    def __init__(self, root: etree._Element | None, styles: _Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_link: dict[str, str] = {}  # abstractNumId -> numbering style id (w:numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.seen: set[tuple[str, int]] = set()
        self.missing: set[str] = set()
        self._instances: dict[str, _Instance | None] = {}
        if root is None:
            return
        for a in root.iter(ABSTRACT_NUM):
            aid = (a.get(ABSTRACT_NUM_ID) or "").strip()
            levels: dict[int, _Level] = {}
            for el in a.findall(LVL):
                ilvl = _int(el.get(ILVL), 0)
                if 0 <= ilvl < MAX_LEVELS and ilvl not in levels:
                    levels[ilvl] = _level(el)
            self.abstract.setdefault(aid, levels)
            link = a.find(NUM_STYLE_LINK)
            if link is not None and link.get(VAL):
                self.style_link[aid] = link.get(VAL)
        for n in root.iter(NUM):
            nid = (n.get(NUM_ID) or "").strip()
            aid_el = n.find(ABSTRACT_NUM_ID)
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for o in n.iter(LVL_OVERRIDE):
                ilvl = _int(o.get(ILVL))
                if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                    continue
                so = o.find(START_OVERRIDE)
                if so is not None and _int(so.get(VAL)) is not None:
                    starts[ilvl] = _int(so.get(VAL))
                lvl_el = o.find(LVL)
                if lvl_el is not None:
                    overrides[ilvl] = _level(lvl_el)
            self.nums[nid] = ((aid_el.get(VAL) or "").strip() if aid_el is not None else "", starts, overrides)

    def linked_level(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle names this paragraph style (heading styles linked to an outline list)."""
        inst = self._instance(num_id)
        if inst is None or style_id is None:
            return None
        return next((i for i, lvl in sorted(inst.levels.items()) if lvl.pstyle == style_id), None)

    def advance(self, num_id: str, ilvl: int) -> _Number | None:
        """Count one numbered paragraph and return its number as Word shows it; None if nothing shows."""
        inst = self._instance(num_id)
        if inst is None:
            return None
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        lvl = inst.levels.get(ilvl)
        if lvl is None:
            return None
        counters = self.counters.setdefault(inst.key, [None] * MAX_LEVELS)
        first_here = (num_id, ilvl) not in self.seen
        self.seen.add((num_id, ilvl))
        if first_here and ilvl in inst.starts:
            # A startOverride restarts the shared list at the instance's first paragraph on that level.
            counters[ilvl] = inst.starts[ilvl]
        elif counters[ilvl] is None:
            counters[ilvl] = lvl.start
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            d = inst.levels.get(deeper)
            restart = d.restart if d is not None else None
            # Default: a level restarts whenever a shallower one is used; w:lvlRestart="n" only after level n.
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if lvl.fmt == "bullet":
            return _Number(label=None, ilvl=ilvl)
        label = self._render(inst, lvl, counters, ilvl)
        return _Number(label=label, ilvl=ilvl) if label else None

    def _render(self, inst: _Instance, lvl: _Level, counters: list[int | None], ilvl: int) -> str | None:
        if not lvl.text:
            return None

        def number(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            if i > ilvl:
                return ""
            d = inst.levels.get(i) or _Level()
            value = counters[i] if counters[i] is not None else d.start
            fmt = "decimal" if lvl.legal and d.fmt not in ("none", "bullet") else d.fmt
            return _format_number(value, fmt)

        return _cite_label(PLACEHOLDER_RE.sub(number, lvl.text))

    def _instance(self, num_id: str) -> _Instance | None:
        if num_id in self._instances:
            return self._instances[num_id]
        inst = None
        if num_id in self.nums:
            aid, starts, overrides = self.nums[num_id]
            levels = self.abstract.get(aid, {})
            key = aid
            # w:numStyleLink: the definition lives in the list a numbering style points at (one or two hops).
            for _ in range(3):
                if levels or aid not in self.style_link:
                    break
                linked = self.styles.info(self.style_link[aid]).num_id if self.style_link[aid] in self.styles.by_id \
                    else None
                if linked is None or linked not in self.nums:
                    break
                aid = self.nums[linked][0]
                levels = self.abstract.get(aid, {})
                key = aid
            if levels or overrides:
                inst = _Instance(key=key, levels={**levels, **overrides}, starts=starts)
        if inst is None:
            self.missing.add(num_id)
        self._instances[num_id] = inst
        return inst


def _level(el: etree._Element) -> _Level:
    start_el, text_el, restart_el = el.find(START), el.find(LVL_TEXT), el.find(LVL_RESTART)
    fmt = "decimal"
    # Word 2010+ wraps custom formats in mc:AlternateContent with a plain w:numFmt as the fallback.
    for f in el.iter(NUM_FMT):
        val = f.get(VAL)
        if val and val != "custom":
            fmt = val
            break
    pstyle = el.find(PSTYLE)
    return _Level(start=_int(start_el.get(VAL), 1) if start_el is not None else 1, fmt=fmt,
                  text=text_el.get(VAL) if text_el is not None else None,
                  restart=_int(restart_el.get(VAL)) if restart_el is not None else None,
                  legal=_on(el.find(IS_LGL)), pstyle=pstyle.get(VAL) if pstyle is not None else None)


def _format_number(n: int, fmt: str) -> str:
    """A counter value in a w:numFmt; unknown or out-of-range formats fall back to decimal like Word does."""
    if fmt in ("none", "bullet"):
        return ""
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 780:
        # Word repeats the letter after z: 27 -> "aa", 53 -> "aaa".
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 4000:
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    if fmt == "decimalZero" and 0 <= n < 10:
        return f"0{n}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _cite_label(text: str) -> str | None:
    """A rendered number as a reader cites it: "6." -> "6", "2.1." -> "2.1"; "a)" and "(i)" keep parentheses."""
    label = " ".join(text.split()).rstrip(LABEL_TRAILING).lstrip()
    return label or None


def _manual_label(label: str) -> str:
    """'2.1.' -> '2.1', 'IV.' -> 'IV'; parenthesised labels are kept as printed ('a)', '(ii)')."""
    return label if label.endswith(")") else label.rstrip(".")


def _label_level(label: str) -> int:
    """Depth of a typed label, by ITU/UN drafting convention: 1, 1.1 ... then a) then i)."""
    core = label.strip("().")
    if core[:1].isdigit():
        return core.count(".") + 1
    if UPPER_ROMAN_RE.match(core) or core.isupper():
        return 1
    if LOWER_ROMAN_RE.match(core):
        return 3
    return 2


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class _Para:
    index: int
    text: str  # as shown, tabs kept (manual labels are split off at the tab)
    style: _StyleInfo
    heading_level: int | None
    number: _Number | None
    numbered: bool  # automatic numbering applies (a bullet, or a number that shows)


class _Reader:
    """One pass over the body in document order, then the notes the body refers to."""

    def __init__(self, package: _Package) -> None:
        self.package = package
        self.root = package.document()
        self.styles = _Styles(package.part("styles", "word/styles.xml"))
        self.lists = _Lists(package.part("numbering", "word/numbering.xml"), self.styles)
        self.warnings: list[str] = []
        self.missing: list[str] = []  # parts whose text was not read
        self.blocks: list[RawBlock] = []
        self.paragraph_index = 0
        self.table_index = -1
        self.outline_level = 0  # level of the last styled heading, for ITU run-in headings beneath it
        self.note_refs: dict[tuple[str, str], tuple[int, bool]] = {}  # (kind, id) -> (paragraph, custom mark)
        self.tracked = 0
        self.textboxes = 0

    def read(self) -> list[RawBlock]:
        body = self.root.find(BODY)
        for el in _block_items(body):
            if el.tag == P:
                self._body_paragraph(el)
            else:
                self._table(el)
        self._notes(body)
        self.warnings = self.package.warnings + self.warnings
        if self.tracked:
            self.warnings.append(f"{self.tracked} tracked change(s): text read as if all changes were accepted")
        if self.textboxes:
            self.warnings.append(f"{self.textboxes} text box(es) or shape(s) with text not read")
            self.missing.append(f"{self.textboxes} text box(es)")
        if self.lists.missing:
            ids = ", ".join(sorted(self.lists.missing, key=lambda s: (len(s), s))[:5])
            self.warnings.append(f"numbering definition(s) missing for numId {ids}: those numbers are not shown")
        if any(True for _ in body.iter(ALT_CHUNK)):
            self.warnings.append("embedded alternative-format chunk(s) (w:altChunk) not read")
            self.missing.append("embedded alternative-format chunk(s)")
        return self.blocks

    # ----- paragraphs

    def _paragraph(self, p: etree._Element) -> _Para:
        """Read one w:p: its text, style meaning and automatic number (advancing the list counters)."""
        self.paragraph_index += 1
        ppr = p.find(PPR)
        style_id = None
        mark_deleted = False
        if ppr is not None:
            ps = ppr.find(PSTYLE)
            style_id = ps.get(VAL) if ps is not None else None
            rpr = ppr.find(RPR)
            mark_deleted = rpr is not None and (rpr.find(DEL) is not None or rpr.find(MOVE_FROM) is not None)
        style = self.styles.info(style_id)
        num_id, ilvl, outline = _num_pr(ppr)
        text = self._text(p)

        heading = style.heading_level
        if outline is not None:
            heading = outline + 1 if 0 <= outline < 9 else None

        number, numbered = None, False
        from_style = num_id is None
        if from_style:
            num_id = style.num_id
        if num_id is not None and _int(num_id) != 0 and not (mark_deleted and not text.strip()):
            # numId 0 switches numbering off; a deleted empty paragraph is gone once changes are accepted.
            if ilvl is None:
                ilvl = style.ilvl
            if ilvl is None and from_style:
                ilvl = self.lists.linked_level(num_id, style.style_id)
            number = self.lists.advance(num_id, ilvl or 0)
            numbered = number is not None
        return _Para(index=self.paragraph_index, text=text, style=style, heading_level=heading, number=number,
                     numbered=numbered)

    def _body_paragraph(self, p: etree._Element) -> None:
        para = self._paragraph(p)
        text = para.text
        if not text.strip():
            return
        loc = Locator(paragraph=para.index)
        style = para.style
        if para.heading_level:
            label = para.number.label if para.number else None
            if not para.numbered:
                label, text = _split_label(text, heading=True)
            self.outline_level = para.heading_level
            self._emit(BlockKind.HEADING, text, loc, level=para.heading_level, label=label)
            return
        if style.run_in_heading:
            label = para.number.label if para.number else None
            if not para.numbered:
                label, text = _split_label(text, heading=True)
            self._emit(BlockKind.HEADING, text, loc, level=self.outline_level + 1, label=label)
            return
        if para.numbered:
            self._emit(BlockKind.LIST_ITEM, text, loc, level=para.number.ilvl + 1, label=para.number.label)
            return
        if not style.toc:  # table-of-contents lines ("1\tIntroduction\t3") repeat the headings
            m = BULLET_TAB_RE.match(text)
            if m:
                self._emit(BlockKind.LIST_ITEM, m.group("rest"), loc, level=style.enum_level or 1, label=None)
                return
            label, rest = _split_label(text, heading=False)
            if label is not None:
                if UPPER_ROMAN_RE.match(label.rstrip(".")) and "\t" in text and _heading_like(rest):
                    # "II\tProposals": UN/ITU number their main sections with capital roman numerals.
                    self.outline_level = 1
                    self._emit(BlockKind.HEADING, rest, loc, level=1, label=label)
                    return
                self._emit(BlockKind.LIST_ITEM, rest, loc, level=style.enum_level or _label_level(label), label=label)
                return
        self._emit(BlockKind.PARAGRAPH, text, loc)

    def _emit(self, kind: BlockKind, text: str, loc: Locator, *, level: int | None = None, label: str | None = None,
              table: tuple[int, int, int] | None = None) -> None:
        if text.strip():
            self.blocks.append(RawBlock(kind=kind, text=text, locator=loc, level=level, label=label, table=table))

    # ----- tables

    def _table(self, tbl: etree._Element) -> None:
        """Emit one block per visible cell, row by row; merged cells once, at their first grid position."""
        self.table_index += 1
        row_index = 0
        for tr in _children(tbl, TR):
            trpr = tr.find(TR_PR)
            deleted = trpr is not None and trpr.find(DEL) is not None
            col = 0
            if trpr is not None and trpr.find(GRID_BEFORE) is not None:
                col = max(_int(trpr.find(GRID_BEFORE).get(VAL), 0) or 0, 0)
            emitted = False
            for tc in _children(tr, TC):
                tcpr = tc.find(TC_PR)
                span, continued = 1, False
                if tcpr is not None:
                    gs = tcpr.find(GRID_SPAN)
                    span = max(_int(gs.get(VAL), 1) or 1, 1) if gs is not None else 1
                    vm, hm = tcpr.find(V_MERGE), tcpr.find(H_MERGE)
                    # A vMerge/hMerge without val="restart" continues the cell above or to the left.
                    continued = any(m is not None and m.get(VAL) != "restart" for m in (vm, hm))
                first_paragraph = self.paragraph_index + 1
                pieces: list[str] = []
                self._cell_pieces(tc, pieces)
                if not continued and not deleted:
                    self._emit(BlockKind.TABLE_CELL, " ".join(pieces), Locator(paragraph=first_paragraph),
                               table=(self.table_index, row_index, col))
                    emitted = True
                col += span
            if emitted or not deleted:
                row_index += 1

    def _cell_pieces(self, container: etree._Element, pieces: list[str]) -> None:
        """Cell text in order, nested tables included; numbered paragraphs keep their number in the text."""
        for el in _block_items(container):
            if el.tag == P:
                para = self._paragraph(el)
                text = para.text.replace("\t", " ").strip()
                if text:
                    label = para.number.label if para.number else None
                    pieces.append(f"{label} {text}" if label else text)
            else:
                for tr in _children(el, TR):
                    for tc in _children(tr, TC):
                        self._cell_pieces(tc, pieces)

    # ----- text

    def _text(self, p: etree._Element) -> str:
        out: list[str] = []
        self._collect(p, out, [])
        return "".join(out).replace("\r", " ").replace("\n", " ")

    def _collect(self, el: etree._Element, out: list[str], fields: list[bool]) -> None:
        """Append the shown text of el's inline content; ``fields`` tracks open complex fields (result shown?)."""
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, out, fields)
            elif tag in SHOWN_WRAPPERS:
                if tag in TRACKED:
                    self.tracked += 1
                self._collect(child, out, fields)
            elif tag == DEL or tag == MOVE_FROM:
                self.tracked += 1  # deleted or moved-away text is not shown once changes are accepted
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                props = child.find(SDT_PR)
                if content is not None and not (props is not None and props.find(SHOWING_PLACEHOLDER) is not None):
                    self._collect(content, out, fields)
            elif tag == ALTERNATE_CONTENT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self._collect(choice, out, fields)
            elif tag == M_OMATH or tag == M_OMATH_PARA:
                out.append("".join(t.text or "" for t in child.iter(M_T)))

    def _run(self, r: etree._Element, out: list[str], fields: list[bool]) -> None:
        rpr = r.find(RPR)
        hidden = rpr is not None and _on(rpr.find(VANISH))
        for c in r:
            tag = c.tag
            shown = not hidden and all(fields)
            if tag == T:
                if shown and c.text:
                    out.append(c.text)
            elif tag == TAB or tag == PTAB:
                if shown:
                    out.append("\t")
            elif tag == BR or tag == CR:
                if shown:
                    out.append(" ")
            elif tag == NO_BREAK_HYPHEN:
                if shown:
                    out.append("-")
            elif tag == SYM:
                if shown:
                    out.append(_symbol(c))
            elif tag == FLD_CHAR:
                kind = c.get(FLD_CHAR_TYPE)
                if kind == "begin":
                    fields.append(False)  # instruction part: hidden
                elif kind == "separate" and fields:
                    fields[-1] = True  # result part: shown
                elif kind == "end" and fields:
                    fields.pop()
            elif tag == FOOTNOTE_REF or tag == ENDNOTE_REF:
                key = ("footnote" if tag == FOOTNOTE_REF else "endnote", (c.get(ID) or "").strip())
                if key not in self.note_refs:
                    custom = (c.get(CUSTOM_MARK_FOLLOWS) or "0").lower() not in FALSE_VALUES
                    self.note_refs[key] = (self.paragraph_index, custom)
            elif tag in (DRAWING, PICT, OBJECT, ALTERNATE_CONTENT):
                if any(True for _ in c.iter(TXBX_CONTENT)):
                    self.textboxes += 1

    # ----- notes

    def _notes(self, body: etree._Element) -> None:
        """Footnotes, then endnotes, in the order the body first refers to them, numbered as Word shows them."""
        settings = None
        for kind, rel, default_name, default_fmt in (("footnote", "footnotes", "word/footnotes.xml", "decimal"),
                                                     ("endnote", "endnotes", "word/endnotes.xml", "lowerRoman")):
            refs = [(nid, where) for (k, nid), where in self.note_refs.items() if k == kind]
            if not refs:
                continue
            if settings is None:
                settings = self.package.part("settings", "word/settings.xml")
            root = self.package.part(rel, default_name)
            notes = {}
            if root is not None:
                for note in root.iter(_w(kind)):
                    if (note.get(TYPE) or "normal") == "normal":
                        notes.setdefault((note.get(ID) or "").strip(), note)
            fmt, start = _note_numbering(body, settings, kind, default_fmt)
            number = start
            for nid, (paragraph, custom_mark) in refs:
                note = notes.get(nid)
                label = None if custom_mark else _format_number(number, fmt)
                if not custom_mark:
                    number += 1  # a custom mark ("*") takes no number
                if note is None:
                    self.warnings.append(f"{kind} {label or nid} is referenced but missing from {default_name}")
                    continue
                pieces = []
                for p in note.iter(P):
                    out: list[str] = []
                    self._collect(p, out, [])
                    pieces.append("".join(out).replace("\r", " ").replace("\n", " "))
                self._emit(BlockKind.FOOTNOTE, " ".join(pieces), Locator(paragraph=max(paragraph, 1)), label=label)


def _note_numbering(body: etree._Element, settings: etree._Element | None, kind: str,
                    default_fmt: str) -> tuple[str, int]:
    """Number format and start of foot- or endnotes: the last section's properties, else settings.xml."""
    tag = FOOTNOTE_PR if kind == "footnote" else ENDNOTE_PR
    fmt, start = None, None
    sect = body.find(SECT_PR)
    for pr in (sect.find(tag) if sect is not None else None, settings.find(tag) if settings is not None else None):
        if pr is None:
            continue
        f, s = pr.find(NUM_FMT), pr.find(NUM_START)
        fmt = fmt or (f.get(VAL) if f is not None else None)
        start = start if start is not None else (_int(s.get(VAL)) if s is not None else None)
    return fmt or default_fmt, start if start is not None else 1


def _block_items(container: etree._Element):
    """w:p and w:tbl children in order, looking through block-level content controls and custom XML."""
    for child in container:
        tag = child.tag
        if tag == P or tag == TBL:
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _block_items(content)
        elif tag == CUSTOM_XML:
            yield from _block_items(child)


def _children(container: etree._Element, tag: str):
    """Rows of a table or cells of a row, looking through content controls and custom XML around them."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == CUSTOM_XML:
            yield from _children(child, tag)


def _symbol(sym: etree._Element) -> str:
    """A w:sym character: real Unicode as is; Symbol-font private-use codes mapped where they mean something."""
    try:
        code = int((sym.get(CHAR) or "").strip(), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        return SYMBOL_FONT_CHARS.get(code - 0xF000, "") if (sym.get(FONT) or "").lower() == "symbol" else ""
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return ""


def _split_label(text: str, *, heading: bool) -> tuple[str | None, str]:
    """A typed label at the start of a paragraph and the text after it, or (None, text)."""
    m = TAB_LABEL_RE.match(text)
    if m:
        return _manual_label(m.group("label")), m.group("rest")
    m = SPACE_LABEL_RE.match(text)
    if m:
        return _manual_label(m.group("label") or m.group("dotted")), m.group("rest")
    if heading:
        m = HEADING_SPACE_LABEL_RE.match(text)
        if m:
            return _manual_label(m.group("label")), m.group("rest")
    return None, text


def _heading_like(text: str) -> bool:
    """Short, capitalised, without closing punctuation: reads as a section title, not an item."""
    text = " ".join(text.split())
    return 0 < len(text.split()) <= 10 and text[:1].isupper() and text[-1:] not in ".;:,"
