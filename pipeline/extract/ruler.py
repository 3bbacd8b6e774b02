"""The English model's attribute ruler, each token's rules looked up once per kind of token: the same attributes.

spaCy's AttributeRuler runs a Matcher of its 179 patterns (the tag map, pronoun and auxiliary exceptions) over every
token and then sets each match's attributes token by token: 0.28 s of the 1.5 s that parsing the 500 items of the
300-page benchmark's mandate takes (benchmarks/bench_audit.py). Nearly all its patterns are one token long, and what
a one-token pattern matches depends only on the token's tag, lower-case form, dependency label and whether it is a
space (the only attributes they read; checked when the ruler is built). So the rules a token matches are found once
for each such combination, by the ruler's own Matcher on that token, and their attributes applied in the ruler's
order (a later rule overrides an earlier one, as in AttributeRuler.set_annotations). A text in which a pattern of two
or more tokens matches ("there is", "gon na") is handed to spaCy's own code whole.
"""

from __future__ import annotations

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

# What the one-token patterns may read for the shortcut to hold: the columns of a token's key, in this order.
KEY_ATTRS = (TAG, LOWER, DEP, IS_SPACE)
_READ = {"TAG", "LOWER", "DEP", "IS_SPACE"}
# Kinds of token remembered at most (a long batch of documents): the memo starts again beyond this.
MEMO_MAX = 200_000
_MISSING = object()


@Language.factory("wsis_attribute_ruler_v1", default_config={"validate": False})
def make_attribute_ruler(nlp: Language, name: str, validate: bool):
    """An AttributeRuler that applies its one-token rules once per kind of token (load its patterns after)."""
    return MemoAttributeRuler(nlp.vocab, name, validate=validate)


class MemoAttributeRuler(AttributeRuler):
    """AttributeRuler with the same patterns and results; one-token rules found once per (tag, lower, dep, space)."""

    def clear(self) -> None:
        super().clear()
        self._longer: Matcher | None = None  # no shortcut until the patterns are added
        self._memo: dict[tuple, dict | None] = {}

    def add_patterns(self, patterns) -> None:
        super().add_patterns(patterns)
        self._prepare()

    def _prepare(self) -> None:
        """The patterns of two or more tokens in a Matcher of their own; None when a pattern defeats the shortcut."""
        self._memo = {}
        self._longer = Matcher(self.vocab)
        for i, entry in enumerate(self.patterns):
            longer = [p for p in entry["patterns"] if len(p) != 1]
            single = [p for p in entry["patterns"] if len(p) == 1]
            if any(set(p[0]) - _READ for p in single) or (single and self.indices[i] not in (0, -1)):
                self._longer = None  # another attribute, an operator or an index outside one token: spaCy's way
                return
            if longer:
                self._longer.add(str(i), longer)

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            longer = getattr(self, "_longer", None)
            if longer is None or longer(doc, allow_missing=True, as_spans=False):
                self.set_annotations(doc, self.match(doc))  # spaCy's own order of every match
                return doc
            memo = self._memo
            if len(memo) > MEMO_MAX:
                memo.clear()
            for i, key in enumerate(map(tuple, doc.to_array(list(KEY_ATTRS)).tolist())):
                attrs = memo.get(key, _MISSING)
                if attrs is _MISSING:
                    attrs = memo[key] = self._rules_of(doc, i)
                if attrs:
                    set_token_attrs(doc[i], attrs)
            return doc
        except Exception as e:
            return error_handler(self.name, self, [doc], e)

    def _rules_of(self, doc: Doc, i: int) -> dict | None:
        """The attributes the one-token rules give token i, in rule order (later rules override), before any is set."""
        matches = self.matcher(doc[i:i + 1], allow_missing=True, as_spans=False)
        attrs: dict = {}
        for rule in sorted(int(self.vocab.strings[m_id]) for m_id, _, _ in matches):
            attrs.update(self.attrs[rule])
        return attrs or None


def memo_ruler(nlp: Language) -> None:
    """Replace the model's attribute ruler by MemoAttributeRuler with the same patterns, when the copy is exact."""
    old = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if type(old) is not AttributeRuler:
        return
    patterns = old.patterns
    copy = nlp.create_pipe("wsis_attribute_ruler_v1")
    copy.add_patterns(patterns)
    if copy.attrs != old.attrs or copy.indices != old.indices:
        return  # keep spaCy's own
    nlp.replace_pipe("attribute_ruler", "wsis_attribute_ruler_v1").add_patterns(patterns)
