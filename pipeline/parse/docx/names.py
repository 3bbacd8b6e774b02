"""WordprocessingML names (namespaces, element and attribute Clark names) and readers of attribute values."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# ISO 29500 Strict documents use the same element names under another namespace; read them alike.
W_STRICT_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


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
