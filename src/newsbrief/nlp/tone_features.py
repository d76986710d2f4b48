"""Features of one target mention in a parsed sentence, for the target-tone model.

A mention is a character span in a spaCy ``Doc``.  :func:`mention_features` describes the
opinion words around it, seen from the target: how close they are in the dependency tree,
whether they sit in the target's own modifiers, in the clause it is the subject or the
object of, or elsewhere in the sentence; whether the target is the speaker of a speech verb
(its content is then the speaker's view, not a view of the speaker) or sits inside reported
content; plus the words on its path to the root of the sentence and in a small window.

Word valences come from VADER's lexicon (news-neutral words dropped, see
:data:`newsbrief.nlp.sentiment.NEWS_NEUTRAL_WORDS`), divided by 4 and flipped when the word
is negated.  The identity of the target itself (its words) is deliberately not a feature:
the model must not learn that a given person is usually criticised.

Everything here is pure Python over the parsed ``Doc``: no second parse, no model load.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .quotes.lexicon import COMMON_SPEECH_LEMMAS, STANCE_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["SPEECH_VERBS", "DocValences", "mention_features"]

#: Verbs of saying and of stance: a subject of one of these is a speaker, its ``ccomp`` the content.
SPEECH_VERBS: frozenset[str] = COMMON_SPEECH_LEMMAS | STANCE_LEMMAS | {"according"}
_NEGATIONS = frozenset({"not", "n't", "never", "no", "nothing", "nobody", "none", "neither", "nor", "without"})
_QUOTES = frozenset('"\u201c\u201d')
_SUBJ = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJ = frozenset({"dobj", "dative", "attr", "oprd", "obj", "iobj"})
_VERBAL = frozenset({"VERB", "AUX"})


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    from .sentiment.base import NEWS_NEUTRAL_WORDS, vader_lexicon

    return {w: v / 4.0 for w, v in vader_lexicon().items() if w not in NEWS_NEUTRAL_WORDS}


def _role(dep: str) -> str:
    if dep in _SUBJ:
        return "subj"
    if dep == "agent":
        return "agent"
    if dep in _OBJ:
        return "obj"
    if dep == "pobj":
        return "pobj"
    if dep == "poss":
        return "poss"
    if dep in {"conj", "appos", "compound"}:
        return "link"
    return "other"


class DocValences:
    """Per-token valences of one ``Doc`` (negation applied), computed once per Doc."""

    def __init__(self, doc: Doc) -> None:
        lex = _lexicon()
        self.doc = doc
        n = len(doc)
        vals = [0.0] * n
        #: Per token, read once per Doc (not once per mention): the head's index, the word
        #: (:func:`_word`), stop word or not, and how many quotation marks come before it.
        self.heads = [0] * n
        self.words: list[str | None] = [None] * n
        self.stops = [False] * n
        self.quotes_before = [0] * (n + 1)
        marks = 0
        if n:
            # read as arrays, each distinct word described once (no Token object per word)
            from spacy.attrs import HEAD, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LIKE_NUM, LOWER, ORTH

            rel = doc.to_array([HEAD]).astype("int64").ravel()
            self.heads = [i + int(r) for i, r in enumerate(rel.tolist())]
            rows = doc.to_array([ORTH, LOWER, LEMMA, IS_PUNCT, IS_SPACE, LIKE_NUM, IS_STOP]).tolist()
            strings = doc.vocab.strings
            for i, row in enumerate(rows):
                key = tuple(row)
                got = _WORDS.get(key)
                if got is None:
                    got = _describe(row, strings, lex)
                    if len(_WORDS) >= 200_000:  # bounded: a long run meets ever more distinct words
                        _WORDS.clear()
                    _WORDS[key] = got
                word, stop, is_quote, v = got
                self.words[i] = word
                self.stops[i] = stop
                self.quotes_before[i] = marks
                if is_quote:
                    marks += 1
                if not v:
                    continue
                if self._negated(doc[i]):
                    v *= -0.74
                vals[i] = v
        self.quotes_before[n] = marks
        self.values = vals
        self._sent_cache: dict[int, tuple[float, float, float]] = {}
        self._paths: dict[int, list[int]] = {}

    def root_path(self, i: int) -> list[int]:
        """``[t.i for t in _path_to_root(doc[i])]`` from the head indices: always 40 entries, the root
        repeated (see :meth:`path`), as the tone model was fitted with."""
        heads = self.heads
        got = [i]
        while len(got) < 40:
            got.append(heads[got[-1]])
        return got

    def _read_tags(self) -> None:
        from spacy.attrs import DEP, LEMMA, POS
        from spacy.symbols import AUX, VERB

        strings = self.doc.vocab.strings
        dep_names: dict[int, str] = {}
        lemma_names: dict[int, str] = {}
        self._verbal: list[bool] = []
        self._deps: list[str] = []
        self._lemmas: list[str] = []
        for pos, dep, lemma in self.doc.to_array([POS, DEP, LEMMA]).tolist():
            self._verbal.append(pos in (VERB, AUX))
            d = dep_names.get(dep)
            if d is None:
                d = dep_names[dep] = strings[dep] if dep else ""
            self._deps.append(d)
            low = lemma_names.get(lemma)
            if low is None:
                low = lemma_names[lemma] = (strings[lemma] if lemma else "").lower()
            self._lemmas.append(low)

    @property
    def verbal(self) -> list[bool]:
        """Per token: a verb or an auxiliary (``tok.pos_ in {"VERB", "AUX"}``)."""
        if not hasattr(self, "_verbal"):
            self._read_tags()
        return self._verbal

    @property
    def deps(self) -> list[str]:
        """Per token, ``tok.dep_``."""
        if not hasattr(self, "_deps"):
            self._read_tags()
        return self._deps

    @property
    def lemmas(self) -> list[str]:
        """Per token, ``tok.lemma_.lower()``."""
        if not hasattr(self, "_lemmas"):
            self._read_tags()
        return self._lemmas

    def path(self, i: int) -> list[int]:
        """Indices on the way from token ``i`` up to its sentence root, cached.

        :func:`_path_to_root` gives the same tokens but then repeats the root until it holds 40 (its
        ``is not`` compares Token objects, which spaCy makes afresh on each access, so it never sees the
        root); where a path is only searched for the first index it shares with another, both agree."""
        got = self._paths.get(i)
        if got is None:
            heads = self.heads
            got = [i]
            while heads[got[-1]] != got[-1] and len(got) < 40:
                got.append(heads[got[-1]])
            self._paths[i] = got
        return got

    def subtree(self, tok: Token) -> set[int]:
        """``{t.i for t in tok.subtree}`` from the head indices: the tokens between the subtree's edges
        whose way up passes through ``tok`` (no Token object made per word)."""
        i, heads = tok.i, self.heads
        out: set[int] = set()
        for j in range(tok.left_edge.i, tok.right_edge.i + 1):
            k = j
            while k != i and heads[k] != k:
                k = heads[k]
            if k == i:
                out.add(j)
        return out

    @staticmethod
    def _negated(tok: Token) -> bool:
        if any(c.dep_ == "neg" for c in tok.children):
            return True
        head = tok.head
        if (head is not tok and any(c.dep_ == "neg" for c in head.children)
                and tok.dep_ in {"acomp", "dobj", "attr", "xcomp"}):
            return True
        start = max(tok.sent.start, tok.i - 3)
        return any(t.lower_ in _NEGATIONS for t in tok.doc[start : tok.i])

    def sentence_vader(self, sent: Span) -> tuple[float, float, float]:
        """VADER compound, pos and neg of ``sent`` (cached by sentence start)."""
        got = self._sent_cache.get(sent.start)
        if got is None:
            from .sentiment.base import vader_scores

            p = vader_scores(sent.text, news_lexicon=True)
            got = (p["compound"], p["pos"], p["neg"])
            self._sent_cache[sent.start] = got
        return got


#: Per distinct (orth, lower, lemma, punct, space, like-num, stop) of a token: its :func:`_word`, stop word
#: or not, quotation mark or not, and its lexicon valence (None or 0: none), as :class:`DocValences` reads them.
_WORDS: dict[tuple[int, ...], tuple[str | None, bool, bool, float | None]] = {}


def _describe(row: list[int], strings: Any, lex: dict[str, float]) -> tuple[str | None, bool, bool, float | None]:
    orth, lower, lemma, punct, space, num, stop = row
    text, lemma_ = strings[orth], strings[lemma] if lemma else ""
    word = None if punct or space or num else (lemma_ or text).lower()
    v = lex.get(strings[lower])
    if v is None and lemma_:
        v = lex.get(lemma_.lower())
    return word, bool(stop), text in _QUOTES, v


def _add(feats: dict[str, float], name: str, value: float) -> None:
    if value > 0:
        feats[name + "+"] = feats.get(name + "+", 0.0) + value
    elif value < 0:
        feats[name + "-"] = feats.get(name + "-", 0.0) + value


def _word(tok: Token) -> str | None:
    if tok.is_punct or tok.is_space or tok.like_num:
        return None
    return (tok.lemma_ or tok.text).lower()


def _path_to_root(tok: Token) -> list[Token]:
    path = [tok]
    while path[-1].head is not path[-1] and len(path) < 40:
        path.append(path[-1].head)
    return path


def mention_features(
    vals: DocValences, span: Span, *, window: int = 4, use_sentence_vader: bool = True
) -> dict[str, float]:
    """The feature dict of the target ``span`` (a span of ``vals.doc``)."""
    v = vals.values
    words = vals.words
    doc = vals.doc
    sent = span.sent
    root = span.root
    in_target = set(range(span.start, span.end))
    feats: dict[str, float] = {}

    if use_sentence_vader:
        comp, pos, neg = vals.sentence_vader(sent)
        feats["s_comp"] = comp
        feats["s_pos"] = pos
        feats["s_neg"] = neg
    if root.pos_ == "PRON":
        feats["pron"] = 1.0

    # the target's own words and modifiers ("the embattled senator", "Smith, a fraud,")
    for i in in_target:
        _add(feats, "tgt", v[i])
    subtree = vals.subtree(root)
    for i in subtree - in_target:
        _add(feats, "mod", v[i])
    for child in root.children:
        if child.i not in in_target:
            w = _word(child)
            if w:
                feats["C:" + child.dep_ + ":" + w] = 1.0

    # the path to the root: governor, nearest verb, clause (indices, as _path_to_root gives them)
    path = vals.root_path(root.i)
    path_ids = {i: d for d, i in enumerate(path)}
    role = _role(root.dep_)
    feats["role:" + role] = 1.0
    gov = root.head if root.head is not root else None
    if gov is not None:
        gw = _word(gov)
        if gw:
            feats[f"G:{role}:{gw}"] = 1.0
        _add(feats, f"gov:{role}", v[gov.i])
        # prepositional object: the role is that of the preposition under its head
        if role == "pobj" and gov.head is not gov:
            prole = _role(gov.dep_) if gov.dep_ != "prep" else "prep"
            gg = _word(gov.head)
            if gg and gw:
                feats[f"GP:{gw}:{gg}"] = 1.0
            _add(feats, f"gov2:{prole}", v[gov.head.i])
    verb: Token | None = None
    child_on_path = root.i
    verbal, deps = vals.verbal, vals.deps
    for i in path[1:]:
        if verbal[i]:
            verb = doc[i]
            break
        child_on_path = i
    if verb is not None:
        vrole = _role(deps[child_on_path])
        feats["vrole:" + vrole] = 1.0
        vw = _word(verb)
        if vw:
            feats[f"V:{vrole}:{vw}"] = 1.0
        _add(feats, f"verb:{vrole}", v[verb.i])
        clause = vals.subtree(verb) - subtree
        for i in clause:
            _add(feats, f"clause:{vrole}", v[i])
        if verb.lemma_.lower() in SPEECH_VERBS and vrole in {"subj", "agent"}:
            feats["speaker"] = 1.0
            for c in verb.children:
                if c.dep_ in {"ccomp", "xcomp", "dobj"}:
                    for t in c.subtree:
                        _add(feats, "content", v[t.i])
    heads, lemmas = vals.heads, vals.lemmas
    for i in path[1:]:
        if deps[i] in {"ccomp", "parataxis"} and lemmas[heads[i]] in SPEECH_VERBS:
            feats["in_content"] = 1.0
            break
    for i in path[1:6]:
        w = words[i]
        if w:
            feats["P:" + w] = 1.0

    # every opinion word of the sentence, weighted by tree distance to the target
    root_path = path_ids
    for i in range(sent.start, sent.end):
        if not v[i] or i in in_target:
            continue
        dist = None
        for d2, node in enumerate(vals.path(i)):
            d1 = root_path.get(node)
            if d1 is not None:
                dist = d1 + d2
                break
        if dist is None:
            dist = 20
        _add(feats, "tree", v[i] / (1.0 + dist))
        if dist <= 2:
            _add(feats, "near2", v[i])
        elif dist <= 4:
            _add(feats, "near4", v[i])
        else:
            _add(feats, "far", v[i])

    # a window of words in reading order
    lo = max(sent.start, span.start - window)
    hi = min(sent.end, span.end + window)
    for i in range(lo, hi):
        if i in in_target:
            continue
        _add(feats, "win", v[i])
        w = words[i]
        if w:
            feats[("L:" if i < span.start else "R:") + w] = 1.0

    # inside quotation marks (an odd number of marks before it in the sentence)
    marks = vals.quotes_before[max(span.start, sent.start)] - vals.quotes_before[sent.start]
    if marks % 2:
        feats["in_quote"] = 1.0
    stops = vals.stops
    for i in range(sent.start, sent.end):
        w = words[i]
        if w and i not in in_target:
            if v[i]:
                feats["S:" + w] = 1.0
            elif not stops[i]:
                feats["W:" + w] = 1.0
    return feats

