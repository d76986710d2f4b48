"""GUM documents (``../shared/gold/gum``) as plain text with their named PER/ORG/LOC mentions.

GUM marks every entity mention (named or not) with a type and a minimal span (``minspan``: the
mention's head words, e.g. "Medical Journal of Australia" in "the Medical Journal of Australia"). A
mention is *named* when the content words of its minimal span are capitalised, the last is a proper noun
(UPOS ``PROPN``) and the first a proper noun or adjective ("Western Australia"); its named
span runs from the first to the last minimal-span word, without leading determiners or prepositions and
trailing possessives or punctuation. Named spans inside another named span ("Australia" in "Medical
Journal of Australia") are dropped, as CoNLL-style NER is flat, and so are titles before a name
("Professor", as in CoNLL); a name ends before a comma or bracket inside the mention ("Universiteit
Amsterdam, the Netherlands" is "Universiteit Amsterdam"). Types map as
``person -> PER``, ``organization -> ORG``, ``place -> LOC``; named mentions of the other GUM types
(event, object, abstract, time, substance, animal, plant, quantity: CoNLL's MISC and less) are kept
with type ``MISC`` so that a system that calls them PER/ORG/LOC is charged a false positive.

Text: tokens joined with their ``SpaceAfter``, sentences by a space, paragraphs (``# newpar``) by a
blank line; multi-word tokens ("Zurbarán’s") are written as their surface once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT.parent / "shared"
)
GUM = SHARED / "gold" / "gum"
TYPE_MAP = {"person": "PER", "organization": "ORG", "place": "LOC"}
#: Word classes that may stand inside a name ("Bank of England", "Food Standards Australia and New Zealand").
_INSIDE = frozenset({"PROPN", "ADJ", "NOUN", "ADP", "DET", "CCONJ", "PUNCT", "NUM", "PART"})
#: Titles before a name, outside the name as in CoNLL ("Professor Cres Eastman" -> "Cres Eastman").
_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "senator",
     "sen", "gov", "governor", "king", "queen", "prince", "princess", "pope", "saint", "st", "rev", "reverend",
     "general", "gen", "captain", "capt"}
)
_BRACKETS = re.compile(r"\([^()]*\)?|\d+\)")


@dataclass
class Token:
    form: str
    upos: str
    start: int
    end: int


@dataclass
class GumDoc:
    name: str
    text: str
    #: (start, end, type, etype) of every named mention, flat; type is PER/ORG/LOC or MISC
    named: list[tuple[int, int, str, str]] = field(default_factory=list)
    #: every sentence as a list of tokens (character offsets into ``text``)
    sentences: list[list[Token]] = field(default_factory=list)
    #: (start, end) of a named mention -> its Wikipedia identity ("Mainland_Australia"), where GUM gives one
    identity: dict[tuple[int, int], str] = field(default_factory=dict)
    #: (start, end) of a named mention -> its coreference chain (GUM's entity id within the document)
    chain: dict[tuple[int, int], str] = field(default_factory=dict)


def splits(root: Path = GUM) -> dict[str, str]:
    """Document name -> ``train``/``dev``/``test``/``test2`` from ``splits.md`` (documents present only)."""
    out: dict[str, str] = {}
    split = ""
    for line in (root / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            split = line[3:].strip()
        elif line.strip().startswith("* ") and (root / f"{line.strip()[2:].strip()}.conllu").is_file():
            out[line.strip()[2:].strip()] = split
    return out


def read_doc(path: Path) -> GumDoc:
    """One ``.conllu`` file: text, sentences and flat named mentions."""
    parts: list[str] = []
    pos = 0
    doc = GumDoc(name=path.stem, text="")
    mentions: list[tuple[int, int, str, str]] = []  # (start, end, type, etype)
    # id -> stack of (token index, etype, minspan, identity)
    open_: dict[str, list[tuple[int, str, list[int], str]]] = {}
    tokens: list[Token] = []  # whole document
    sent: list[Token] = []
    pending_sep = ""
    mwt_end = 0
    mwt_span: tuple[int, int] | None = None
    mwt_form = ""
    identities: dict[tuple[int, int], str] = {}
    chains: dict[tuple[int, int], str] = {}

    def closed_mention(gid: str) -> None:
        m = _close(open_[gid].pop(), index, tokens, identities)
        mentions.append(m)
        if m[0] >= 0:
            chains.setdefault((m[0], m[1]), gid)

    def emit(text: str) -> tuple[int, int]:
        nonlocal pos, pending_sep
        if pending_sep and parts:
            parts.append(pending_sep)
            pos += len(pending_sep)
        pending_sep = ""
        parts.append(text)
        pos += len(text)
        return pos - len(text), pos

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            pending_sep = "\n\n"
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if sent:
                doc.sentences.append(sent)
                sent = []
                if pending_sep != "\n\n":
                    pending_sep = " "
            continue
        cols = line.split("\t")
        tid, form, upos, misc = cols[0], cols[1], cols[3], cols[9]
        space = "SpaceAfter=No" not in misc
        if "." in tid:
            continue
        if "-" in tid:
            a, b = tid.split("-")
            mwt_end = int(b)
            mwt_span = emit(form)
            mwt_form = form
            if space:
                pending_sep = pending_sep or " "
            continue
        if mwt_span is not None and int(tid) <= mwt_end:
            start, end = mwt_span
            if mwt_form.startswith(form):  # "Zurbarán" of "Zurbarán’s": its own characters
                end = start + len(form)
                mwt_span = (end, mwt_span[1])
                mwt_form = mwt_form[len(form):]
            if int(tid) == mwt_end:
                mwt_span = None
        else:
            start, end = emit(form)
            if space:
                pending_sep = pending_sep or " "
        tok = Token(form, upos, start, end)
        index = len(tokens)
        tokens.append(tok)
        sent.append(tok)
        entity = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        for br in _BRACKETS.findall(entity):
            if br.startswith("("):
                closed = br.endswith(")")
                fields = br.strip("()").split("-")
                gid, etype = fields[0], fields[1]
                minspan = [int(x) for x in fields[5].split(",") if x.isdigit()] if len(fields) > 5 else []
                identity = "-".join(fields[7:])  # GRP-etype-infstat-salience-centering-minspan-link-identity
                open_.setdefault(gid, []).append((index, etype, minspan, identity))
                if closed:
                    closed_mention(gid)
            else:
                gid = br[:-1]
                if open_.get(gid):
                    closed_mention(gid)
    if sent:
        doc.sentences.append(sent)
    doc.text = "".join(parts)
    named = [m for m in mentions if m[0] >= 0]
    flat = [
        m for m in named
        if not any(o is not m and o[0] <= m[0] and m[1] <= o[1] and (o[1] - o[0]) > (m[1] - m[0]) for o in named)
    ]
    by_span: dict[tuple[int, int], tuple[int, int, str, str]] = {}
    for m in flat:
        by_span.setdefault((m[0], m[1]), m)  # the same words named twice (nested): the outer mention's type
    doc.named = sorted(by_span.values())
    doc.identity = {(m[0], m[1]): identities[(m[0], m[1])] for m in doc.named if identities.get((m[0], m[1]))}
    doc.chain = {(m[0], m[1]): chains[(m[0], m[1])] for m in doc.named}
    return doc


def _close(opened: tuple[int, str, list[int], str], last: int, tokens: list[Token],
           identities: dict[tuple[int, int], str]) -> tuple[int, int, str, str]:
    """The named span of a mention from token ``first`` to ``last``, or (-1, ...) when not named; its
    Wikipedia identity, if any, recorded in ``identities`` under the named span."""
    first, etype, minspan, identity = opened
    heads = [first + k - 1 for k in minspan if first <= first + k - 1 <= last] or [last]
    words = [tokens[i] for i in heads if tokens[i].upos not in {"PUNCT", "PART", "DET", "ADP", "CCONJ"}]
    if not words or words[-1].upos != "PROPN" or words[0].upos not in {"PROPN", "ADJ"}:
        return (-1, -1, "", etype)
    if any(not t.form[:1].isupper() for t in words):
        return (-1, -1, "", etype)
    a, b = heads[0], heads[-1]
    if any(tokens[i].upos not in _INSIDE for i in range(a, b + 1)):
        return (-1, -1, "", etype)
    for i in range(a + 1, b + 1):  # an apposition or aside inside the mention is not the name
        if tokens[i].form in {",", "(", ";", "[", "—", "–"}:
            b = i - 1
            break
    while a < b and (
        tokens[a].upos in {"DET", "ADP", "PUNCT", "CCONJ"} or tokens[a].form.lower().rstrip(".") in _TITLES
    ):
        a += 1
    while b > a and tokens[b].upos != "PROPN":
        b -= 1
    if identity:
        identities.setdefault((tokens[a].start, tokens[b].end), identity)
    return (tokens[a].start, tokens[b].end, TYPE_MAP.get(etype, "MISC"), etype)


def load(split: str, root: Path = GUM) -> list[GumDoc]:
    """The documents of one split, read."""
    return [read_doc(root / f"{name}.conllu") for name, s in sorted(splits(root).items()) if s == split]
