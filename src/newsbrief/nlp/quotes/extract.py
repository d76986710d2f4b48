"""Reported-speech (quote) extraction over a parsed spaCy Doc: the rules in order, one row each.

A plain function over the Doc, no pipeline component: :func:`extract_quotes`
returns one :class:`Quote` row per contiguous content span. It combines

1. quote-mark pairing (:mod:`.marks`) that never fails on
   odd marks and links multi-paragraph quotes;
2. direct quotes (:mod:`.direct`) whose cue sits right after (``"...," Kovalenko said``) or
   right before (``Caddick continued: "..."``) the quoted stretch, including
   quotes split around the cue (parts share ``group``);
3. indirect and mixed speech (:mod:`.indirect`) from the dependency parse: the clausal complement
   of a speech verb (``X said (that) ...``, ``..., X said``, ``X told reporters
   ...``, ``X urged ..., saying ...``) and ``according to X``; a complement that
   is all quoted becomes direct, one that is partly quoted becomes mixed;
4. floating quotes: a sentence-level quote with no cue of its own continues
   the nearest preceding speaker;
5. speaker resolution (:mod:`.speaker`): names, pronouns,
   role descriptions and unnamed groups.

Everything is linear in the length of the text (bounded look-arounds only).
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..chunks import doc_text
from ..entities.linking import surname_key
from .direct import direct_candidates
from .index import Cand, QuoteIndex, QuoteKind
from .indirect import indirect_candidates
from .marks import QuoteSpan
from .mention import speaker_mention
from .names import titled_name
from .posts import post_candidates
from .speaker import Speaker, SpeakerResolver

__all__ = ["Quote", "extract_quotes", "floating_candidates", "drop_nested"]

logger = logging.getLogger(__name__)

_FLOAT_PARAS = 3
_CHAIN_WORDS = 80  # a quote's first paragraph before the one with the cue; longer is a block quoted from elsewhere


@dataclass(frozen=True)
class Quote:
    """One contiguous span of reported speech and who said it (character offsets into doc.text)."""

    content: str
    content_start: int
    content_end: int
    kind: QuoteKind
    cue: str | None
    speaker_text: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_ref_start: int | None
    speaker_ref_end: int | None
    speaker_is_entity: bool
    group: int


def _sentence_level(ix: QuoteIndex, span: QuoteSpan) -> bool:
    before = ix.text[ix.paras.starts[span.para] : span.start].rstrip()
    return not before or before[-1] in ".?!:\"”'’)"


def _same_name(text: str, a: Speaker, b: Speaker | None) -> bool:
    """Whether two resolved speakers have the same surname ("David Hollis" and "Hollis", "HOLLIS Jr.")."""
    if b is None or a.ref_start is None or a.ref_end is None or b.ref_start is None or b.ref_end is None:
        return False
    x, y = surname_key(text[a.ref_start : a.ref_end]), surname_key(text[b.ref_start : b.ref_end])
    return bool(x) and x == y


def _introduced_by(ix: QuoteIndex, k: int, prev: Cand | None, resolver: SpeakerResolver) -> Token | None:
    """A quote with no cue right after a sentence about a named person, later than the last speech ("The
    opposition leader, Tom Hale, called the plan a disaster. '...'"): the subject naming that person, unless
    that person spoke last (the quote goes on as a floating one). Nothing is recorded in ``resolver``."""
    span = ix.spans[k]
    i = ix.tok_at(span.start)
    if i == 0 or any(q in ix.consumed for q in ix.chain(k)):
        return None  # a quote over paragraphs whose cue follows a later part is that cue's
    doc = ix.doc
    sent = doc[i - 1].sent
    if prev is not None and sent.start_char < prev.end or ix.in_quote(sent.start_char):
        return None
    if span.para - ix.paras.index(sent.start_char) > 1:
        return None
    subj = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
    if subj is None or ix.in_quote(subj.idx) or not (subj.ent_type_ == "PERSON" and subj.pos_ == "PROPN" or (
        subj.pos_ == "NOUN" and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in subj.children)
    )):
        return None  # a named person, or a role with the name beside it ("The opposition leader, Tom Hale,")
    speaker = resolver.lookup(subj, speaker_mention(subj))
    if not speaker.is_entity or prev is not None and _same_name(ix.text, speaker, prev.speaker):
        return None
    return subj


def _take_chain(ix: QuoteIndex, k: int) -> tuple[list[int], list[tuple[int, int]]]:
    """The parts of quote ``k``'s chain not taken yet, now taken, and their inner spans: a later part with a cue
    of its own is that cue's ('"...\n\n"...," she added'), and no part is ever taken twice."""
    ids = [q for q in ix.chain(k) if q == k or q not in ix.consumed]
    ix.consumed.update(ids)
    return ids, [(ix.spans[q].inner_start, ix.spans[q].inner_end) for q in ids]


def _answers(ix: QuoteIndex, span: QuoteSpan, prev: Cand | None, chain: list[int]) -> bool:
    """The quoted paragraph right after a quote with a speaker of its own ('"...," Calder said. \n\n "...'):
    by the usual turn of news it continues that speaker, so a later cue does not take it (a closing mark lost
    in a scraped page would else give the words to the one who answers). Not a sentence split over the two
    paragraphs (the first part ends in a comma or the last starts lowercase): that is the later cue's."""
    first, last = ix.spans[chain[0]], ix.spans[chain[-1]]
    head, tail = ix.text[first.inner_start : first.inner_end].rstrip(), ix.text[last.inner_start : last.inner_end]
    if head.endswith(",") or tail.lstrip()[:1].islower():
        return False
    return (
        prev is not None and prev.kind == "direct" and prev.speaker is not None
        and span.para - ix.paras.index(prev.end) <= 1
    )


def floating_candidates(ix: QuoteIndex, cands: list[Cand], resolver: SpeakerResolver) -> Iterator[Cand]:
    """Sentence-level quotes with no cue of their own: each continues the nearest preceding speaker
    (``cands`` sorted by start, speakers resolved)."""
    starts = [c.start for c in cands]
    owner = {q: c for c in cands for q in c.quotes}
    last: Cand | None = None
    for k, span in enumerate(ix.spans):
        if k in ix.consumed or span.prev is not None or span.start < ix.skip_until:
            continue
        if ix.words(span) < 4 or not _sentence_level(ix, span):
            continue
        pos = bisect_right(starts, span.start) - 1
        prev = last if last is not None and (pos < 0 or last.start > cands[pos].start) else (
            cands[pos] if pos >= 0 else None
        )
        chain = ix.chain(k)
        later = owner.get(chain[-1]) if len(chain) == 2 and ix.words(span) <= _CHAIN_WORDS else None
        if later is not None and later.speaker is not None and later.subj is not None and later.kind == "direct" and (
            later.subj.idx > later.end  # the cue right after the last part, not a block quoted from elsewhere
        ) and not _answers(ix, span, prev, chain):
            # '"...\n\n"...," farmer Ruth Ambler said': the first paragraphs are the cue's speaker's, never the
            # speaker before them
            ids, parts = _take_chain(ix, k)
            last = Cand(parts, "direct", later.cue, None, set(ids), later.speaker, later.mention)
            yield last
            continue
        subj = _introduced_by(ix, k, prev, resolver)
        if subj is not None:  # "The opposition leader, Tom Hale, called the plan a disaster. '...'"
            ids, parts = _take_chain(ix, k)
            mention = speaker_mention(subj)
            speaker = resolver.resolve(subj, mention)
            last = Cand(parts, "direct", None, subj, set(ids), speaker, (mention.start_char, mention.end_char))
            yield last
            continue
        if prev is None or prev.speaker is None or prev.speaker.ref_start is None and prev.speaker.start is None:
            continue
        if span.para - ix.paras.index(prev.start) >= _FLOAT_PARAS:
            continue
        ids, parts = _take_chain(ix, k)
        # a quote's next paragraph without a cue of its own ("..." she said. \n\n "...") is the same statement;
        # a quoted paragraph after indirect speech is a statement of its own
        same = prev.kind != "indirect" and span.para - ix.paras.index(prev.end) <= 1
        last = Cand(parts, "direct", prev.cue, None, set(ids), prev.speaker, prev.mention, join_prev=same)
        resolver.remember(span.start, prev.speaker)
        yield last


def _joint_speakers(cand: Cand, resolver: SpeakerResolver) -> Iterator[Cand]:
    """A copy of ``cand`` for each further named subject joined to its speaker by "and"."""
    assert cand.subj is not None
    for name in resolver.joint.get(cand.subj.i, []):  # "They said" for names joined by "and" before
        speaker = Speaker(cand.speaker.start if cand.speaker else None, cand.speaker.end if cand.speaker else None,
                          name.start_char, name.end_char, True)
        yield Cand(list(cand.parts), cand.kind, cand.cue, cand.subj, set(cand.quotes), speaker, cand.mention,
                   join_prev=True)
    titled = titled_name(cand.subj)  # "fact checker and staff writer X": X is the speaker already, once
    todo = [c for c in cand.subj.children if c.dep_ == "conj"]
    while todo:
        other = todo.pop(0)
        todo.extend(c for c in other.children if c.dep_ == "conj")
        if not (other.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or other.pos_ == "PROPN"):
            continue
        if titled is not None and titled.start <= other.i < titled.end:
            continue
        sp = cand.speaker
        if sp is not None and sp.ref_start is not None and sp.ref_end is not None and (
            sp.ref_start <= other.idx < sp.ref_end
        ):
            continue  # inside the name the speaker resolved to ("... community programmes Lina Varga")
        mention = speaker_mention(other)
        speaker = resolver.resolve(other, mention)
        if speaker.is_entity:
            yield Cand(list(cand.parts), cand.kind, cand.cue, other, set(cand.quotes), speaker,
                       (mention.start_char, mention.end_char), join_prev=True)


_LATER_CHARS = 1500  # how far after "a spokesman said" the spokesman may be named


def _role_noun(cand: Cand) -> Token | None:
    """The head of an unnamed, indefinite person description that speaks ("a spokesman", "a local farmer")."""
    subj, sp = cand.subj, cand.speaker
    if subj is None or sp is None or sp.is_entity or subj.tag_ != "NN" or not subj.is_lower or subj.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} or c.dep_ == "poss" for c in subj.children):
        return None
    if _anonymous(subj):
        return None  # "a spokesman, who asked not to be named,": no later name is his
    return subj


_ANONYMOUS = ("anonym", "not be named", "not to be named", "not be identified", "not to be identified",
              "not named", "not identified", "name not be", "not authori")


def _anonymous(subj: Token) -> bool:
    """A source described as one who may not be named ("who spoke on condition of anonymity")."""
    for c in subj.children:
        if c.dep_ in {"relcl", "acl"}:
            words = subj.doc[c.left_edge.i : c.right_edge.i + 1].text.lower()
            if any(w in words for w in _ANONYMOUS):
                return True
    return False


def _with_role(name: Span, role: Token, lemma: str) -> bool:
    """The role noun stands beside the name ("John Smith, the spokesman", "chief executive Alan Joiner"),
    not as another person's ("Mary Jones, a spokesman for the airport")."""
    doc = name.doc
    sent = name.root.sent  # beside the name: in its sentence, no verb between ("the teen said. Officer X")
    window = doc[max(sent.start, name.start - 4) : min(sent.end, name.end + 4)]

    def beside(t: Token) -> bool:
        lo, hi = (t.i + 1, name.start) if t.i < name.start else (name.end, t.i)
        return not any(u.pos_ in {"VERB", "AUX"} for u in doc[lo:hi])

    return any(t.lemma_.lower() == lemma and t.i != role.i and beside(t) for t in window) and not any(
        t.lower_ in {"a", "an"} and t.head.lemma_.lower() == lemma for t in window
    )


def named_later(cands: list[Cand]) -> None:
    """``A spokesman said ... John Smith, the spokesman, added``: a speaker introduced by role and named later
    with the same role noun takes the earlier words too (``cands`` sorted by start, speakers resolved)."""
    for k, cand in enumerate(cands):
        role = _role_noun(cand)
        if role is None:
            continue
        doc, lemma = role.doc, role.lemma_.lower()
        for later in cands[k + 1 :]:
            if later.start - cand.end > _LATER_CHARS:
                break
            sp = later.speaker
            if sp is None or not sp.is_entity or sp.ref_start is None or sp.ref_end is None:
                continue
            name = doc.char_span(sp.ref_start, sp.ref_end, alignment_mode="expand")
            if name is None or name.start_char <= cand.end or name.root.ent_type_ != "PERSON":
                continue
            if _with_role(name, role, lemma):
                assert cand.speaker is not None
                cand.speaker = Speaker(cand.speaker.start, cand.speaker.end, sp.ref_start, sp.ref_end, True)
                break


def drop_nested(cands: list[Cand]) -> list[Cand]:
    """Leave out speech reported inside another's words (``Hollis testified that Verhoeven told him
    ...``: Hollis speaks; the words are his account). ``cands`` sorted by start; linear after the sort."""
    if len(cands) < 2:
        return cands
    starts = [c.start for c in cands]
    best: list[tuple[int, int]] = []  # per prefix: (largest end, its index)
    second: list[int] = []  # per prefix: the largest end of the others
    top, top_i, runner = -1, -1, -1
    for i, c in enumerate(cands):
        if c.end > top:
            top, top_i, runner = c.end, i, top
        elif c.end > runner:
            runner = c.end
        best.append((top, top_i))
        second.append(runner)
    keep: list[Cand] = []
    for i, c in enumerate(cands):
        if c.subj is None:
            keep.append(c)
            continue
        lo, hi = min(c.start, c.subj.idx), max(c.end, c.subj.idx + 1)
        k = bisect_right(starts, lo) - 1
        if k < 0:
            keep.append(c)
            continue
        end, who = best[k]
        outer_end = second[k] if who == i else end
        if outer_end >= hi and not (c.start <= c.subj.idx < c.end):
            continue
        keep.append(c)
    return keep


def _rows(text: str, cands: list[Cand]) -> Iterator[Quote]:
    group = -1
    last_group_of: dict[int, int] = {}
    for idx, cand in enumerate(cands):
        if cand.join_prev and idx > 0:
            g = last_group_of.get(idx - 1, group)
        else:
            group += 1
            g = group
        last_group_of[idx] = g
        sp = cand.speaker or Speaker(None, None, None, None, False)
        m = cand.mention
        if m is not None and any(a <= m[0] < b for a, b in cand.parts):
            sp, m = Speaker(None, None, None, None, False), None  # a speaker inside its own content: a misparse
        for a, b in cand.parts:
            if b <= a:
                continue
            yield Quote(
                content=text[a:b],
                content_start=a,
                content_end=b,
                kind=cand.kind,
                cue=cand.cue,
                speaker_text=text[m[0] : m[1]] if m else None,
                speaker_start=m[0] if m else None,
                speaker_end=m[1] if m else None,
                speaker_ref_start=sp.ref_start,
                speaker_ref_end=sp.ref_end,
                speaker_is_entity=sp.is_entity,
                group=g,
            )


def _run(doc: Doc, *, include_headline: bool) -> list[Quote]:
    if not doc_text(doc).strip() or not doc.has_annotation("DEP"):
        return []
    ix = QuoteIndex(doc, include_headline=include_headline)
    cands = list(direct_candidates(ix))
    cands += indirect_candidates(ix)
    cands.sort(key=lambda c: (c.subj.idx if c.subj is not None and c.subj.idx < c.start else c.start))
    resolver = SpeakerResolver(doc, quoted=ix.in_quote)
    joint: dict[int, tuple[Cand, list[Cand]]] = {}  # the cand is kept so that its id is never reused
    for cand in cands:
        mention = speaker_mention(cand.subj) if cand.subj is not None else None
        cand.speaker = resolver.resolve(cand.subj, mention)
        resolver.reported(cand.parts)
        if mention is not None:
            cand.mention = (mention.start_char, mention.end_char)
        others = list(_joint_speakers(cand, resolver)) if cand.subj is not None and cand.speaker.is_entity else []
        if others:
            joint[id(cand)] = (cand, others)
    cands.sort(key=lambda c: c.start)
    named_later(cands)
    cands = drop_nested(cands)
    cands += list(floating_candidates(ix, cands, resolver))
    posts = list(post_candidates(ix))
    if posts:  # an embedded post's text is its signer's words, whatever cue it holds
        cands = [c for c in cands if not any(p.start <= c.start < p.end or c.start <= p.start < c.end for p in posts)]
        cands += posts
    cands.sort(key=lambda c: c.start)
    if joint:  # "Volk and Morrow said ...": the words are each one's, one group
        cands = [c for cand in cands for c in (cand, *(joint[id(cand)][1] if id(cand) in joint else ()))]
    return list(_rows(ix.text, cands))


def extract_quotes(doc: Doc, *, include_headline: bool = False) -> list[Quote]:
    """Extract reported speech from a parsed ``doc``, one row per contiguous content span.

    ``include_headline`` keeps attributions in a title line glued on top of the text
    (a first paragraph of one short line without final punctuation); by default it is skipped.
    Returns an empty list for an empty or unparsed Doc; never raises on odd quote marks.
    """
    try:
        return _run(doc, include_headline=include_headline)
    except (IndexError, ValueError, KeyError) as e:  # defensive: never break a batch run
        logger.warning("quote extraction failed on a %d-character doc: %s", len(doc.text), e)
        return []
