"""Indirect and mixed speech from the dependency parse.

The clausal complement of a speech verb (``X said (that) ...``, ``..., X said``, ``X told
reporters ...``, ``X urged ..., saying ...``), ``according to X``, and naming cues (``X called Y
"a disgrace"``). A complement that is all quoted becomes direct, one partly quoted becomes mixed
(:meth:`.index.QuoteIndex.snap`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from .asides import according, as_region, conj_region
from .index import TERMINAL, Cand, QuoteIndex
from .lexicon import (
    FINDING_LEMMAS,
    GROUP_PRONOUNS,
    NAMING_VERBS,
    NO_DOBJ_CONTENT_VERBS,
    NP_CONTENT_VERBS,
    ORG_NOUNS,
    PERSON_PRONOUNS,
    RELATIVE_PRONOUNS,
    SPEECH_LEMMAS,
    STATEMENT_LEMMAS,
    UNQUOTED_STATEMENT_LEMMAS,
    UNQUOTED_STATEMENT_PHRASES,
)
from .mention import authored_by
from .rules import cue_text, find_subject, is_speech_verb, titled_object

__all__ = ["content_region", "indirect_candidates", "naming", "statement"]


def content_region(ix: QuoteIndex, verb: Token) -> tuple[int, int] | None:
    """The content region of a speech verb: its clausal complement, object or ``that`` clause."""
    doc = ix.doc
    p = ix.para_of_tok(verb)
    lo, hi = ix.paras.starts[p], ix.paras.ends[p]
    comps = [c for c in verb.children if c.dep_ == "ccomp" and lo <= c.idx < hi]
    if not comps and verb.lemma_.lower() not in NO_DOBJ_CONTENT_VERBS:
        # "saying a signal needed to be sent": the parser often hangs the clause off a dobj
        comps = [
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.i > verb.i and lo <= c.idx < hi
            and any(t.pos_ in {"VERB", "AUX"} and t.dep_ in {"acl", "ccomp"} for t in c.subtree)
        ]
    if not comps:
        comps = _hearer_clause_comp(verb, lo, hi)
    right = [c for c in comps if c.i > verb.i]
    comps = right or comps
    if not comps and verb.lemma_.lower() in NP_CONTENT_VERBS and not _says_too(verb):
        # "announced a benefit concert", "denied the report": the object is the content
        # "denied being unfair to her", "confirmed having met him": a gerund clause is the content too
        comps = [c for c in verb.children if c.i > verb.i and lo <= c.idx < hi and (
            c.dep_ in {"dobj", "nsubjpass"} or c.dep_ == "xcomp" and c.tag_ == "VBG"
        )]
    if comps:
        a = min(c.left_edge.i for c in comps)
        b = max(c.right_edge.i for c in comps)
    else:
        a = b = -1
        for j in range(verb.i + 1, min(len(doc), verb.i + 10)):
            tok = doc[j]
            if tok.text in TERMINAL or tok.idx >= hi:
                break
            if tok.lower_ == "that" and tok.dep_ == "mark" and tok.head.i > j:
                a, b = j + 1, tok.head.right_edge.i
                break
            if tok.lower_ == "that" and j + 1 < len(doc):
                # misparsed complementizer ("said on that Ukraine's ... would"): rest of the sentence
                end = tok.sent.end - 1
                if any(t.pos_ in {"VERB", "AUX"} for t in doc[j + 1 : end + 1]):
                    a, b = j + 1, end
                break
        if a < 0:
            return None
    start = max(lo, doc[a].idx)
    end = min(hi, doc[b].idx + len(doc[b]))
    return ix.strip(start, end)


def _hearer_clause_comp(verb: Token, lo: int, hi: int) -> list[Token]:
    """``told a few thousand teachers who covered the lawn that ...``: the parser hangs the ``that`` clause
    on the verb of a relative clause describing the hearers; it is the speech verb's content."""
    for obj in verb.children:
        if obj.dep_ not in {"dobj", "dative"} or obj.i < verb.i:
            continue
        for rel in obj.children:
            if rel.dep_ != "relcl" or is_speech_verb(rel):
                continue
            comps = [c for c in rel.children if c.dep_ == "ccomp" and lo <= c.idx < hi and c.i > rel.i
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
            if comps:
                return comps
    return []


#: Lemmas a rule below acts on: the naming verbs and what :func:`is_speech_verb` may accept ("point out").
#: Every lemma a rule below acts on: other tokens are passed over (a new rule's trigger words go here).
_CUE_LEMMAS: frozenset[str] = (
    NAMING_VERBS | SPEECH_LEMMAS | STATEMENT_LEMMAS | UNQUOTED_STATEMENT_LEMMAS
    | frozenset(verb for verb, _ in UNQUOTED_STATEMENT_PHRASES) | frozenset({"point", "call", "warn"})
    | FINDING_LEMMAS
)


def _cue_words(doc: Doc) -> list[int]:
    """Indices of the tokens the rules of :func:`indirect_candidates` act on ("according", a naming or
    speech verb's lemma), read from arrays: every other token is passed over by each rule."""
    strings = doc.vocab.strings
    seen: dict[int, bool] = {}
    out: list[int] = []
    for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
        hit = seen.get(lemma)
        if hit is None:
            hit = seen[lemma] = strings[lemma].lower() in _CUE_LEMMAS if lemma else False
        if hit or strings[lower] == "according":
            out.append(i)
    return out


def indirect_candidates(ix: QuoteIndex) -> Iterator[Cand]:
    """Indirect and mixed speech, ``according to X`` and naming cues; run after the direct rules."""
    doc = ix.doc
    for i in _cue_words(doc):
        tok = doc[i]
        if tok.idx < ix.skip_until or ix.tok_q[tok.i] != -1:
            continue
        if tok.lower_ == "according":
            cand = according(ix, tok)
            if cand is not None:
                yield cand
            continue
        if tok.i not in ix.used_verbs and tok.lemma_.lower() in NAMING_VERBS and tok.pos_ == "VERB":
            cand = naming(ix, tok)
            if cand is None and _statement_verb(tok):  # "called for an emergency meeting"
                cand = statement(ix, tok)
            if cand is not None:
                ix.used_verbs.add(tok.i)
                yield cand
            continue
        if tok.i in ix.used_verbs:
            continue
        if tok.lemma_.lower() in FINDING_LEMMAS and not is_speech_verb(tok):
            cand = _finding(ix, tok)
            if cand is not None:  # "a report by the Kelmford Institute found that ...": the institute
                ix.used_verbs.add(tok.i)
                yield cand
            continue
        if not is_speech_verb(tok):
            if _statement_verb(tok):
                cand = statement(ix, tok)
                if cand is not None:
                    ix.used_verbs.add(tok.i)
                    yield cand
            continue
        region = content_region(ix, tok) or as_region(ix, tok) or conj_region(ix, tok)
        if region is None:
            if tok.lemma_.lower() in {"warn", "ask"}:  # "warning of dangerous consequences", "asked X about"
                cand = statement(ix, tok)
                if cand is not None:
                    ix.used_verbs.add(tok.i)
                    yield cand
            continue
        if _anonymity_request(ix, tok, region):
            continue  # "who asked that his name not be used": the source's condition, not a statement
        subj = find_subject(tok)
        if subj is None and tok.dep_ not in {"advcl", "xcomp", "conj", "pcomp", "relcl"}:
            subj = ix.line_subject(tok)
        inverted = _inverted_subject(tok, subj)
        if inverted is not None:  # "<words>, the source, who ..., told the Ledger": the source
            subj = inverted
            cut = ix.strip(region[0], inverted.left_edge.idx)
            region = cut if cut is not None else region
        if subj is not None and region[0] <= subj.idx < region[1]:
            continue
        cand = ix.snap(region, cue_text(tok), subj)
        if cand is not None:
            ix.used_verbs.add(tok.i)
            yield cand


def _finding(ix: QuoteIndex, verb: Token) -> Cand | None:
    """``A study by X found that ...``, ``the X Trust's review shows that ...``: a finding verb speaks only for a
    document whose one author is a PERSON or ORG entity (:func:`.mention.authored_by`), with a clause after it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    author = authored_by(subj) if subj is not None else None
    if subj is None or author is None or ix.tok_q[subj.i] != -1:
        return None
    if author.ent_type_ not in {"PERSON", "ORG"} or any(c.dep_ == "conj" for c in author.children):
        return None  # a name the model does not read as a whole body, or two authors: no one to give it to alone
    if not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None  # "the study found no link": a result, not a claim reported in words
    region = content_region(ix, verb)
    if region is None or region[0] <= subj.idx < region[1]:
        return None
    return ix.snap(region, cue_text(verb), subj)


_ANONYMITY_WORDS = ("name", "identif", "anonym")


def _anonymity_request(ix: QuoteIndex, verb: Token, region: tuple[int, int]) -> bool:
    """``a spokesman, who asked not to be named``, ``requested that his name not be used``: a source's
    condition for speaking, not what the source said. Only an asking verb in a relative clause on the source,
    or one whose clause makes the speaker's own name (or the speaker, named or identified) its subject: "Police
    Chief Ada Holt insisted that officers had not identified the suspect" is a statement."""
    if verb.lemma_.lower() not in {"ask", "request"} or region[1] - region[0] > 80:
        return False
    words = ix.text[region[0] : region[1]].lower()
    if " not " not in f" {words} " or not any(w in words for w in _ANONYMITY_WORDS):
        return False
    if verb.dep_ == "relcl":
        return True
    doc = verb.doc
    span = doc.char_span(region[0], region[1], alignment_mode="expand")
    for t in span if span is not None else ():
        if t.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if t.lower_ == "name" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in t.children):
            return True  # "that his name not be used"
        if t.pos_ == "PRON" and t.dep_ == "nsubjpass" and t.head.lemma_.lower() in {"name", "identify"}:
            return True  # "that she not be identified"
    return False


def _inverted_subject(verb: Token, subj: Token | None) -> Token | None:
    """``The figures are ministers X and Y, who fled ..., the source, who said ..., told the Ledger``: the parser
    takes a name inside the words before the cue for its subject; the speaker is the noun phrase set off by a
    comma right before the cue (past one relative clause). None when the parse is not of that shape."""
    if subj is None or subj.i > verb.i:
        return None
    comps = [c for c in verb.children if c.dep_ == "ccomp" and c.i < subj.i]
    if not comps:
        return None
    doc = verb.doc
    if any(t.text == "," for t in doc[max(c.right_edge.i for c in comps) + 1 : subj.left_edge.i]):
        return None  # "<words>, X told": the subject stands after the words
    j = verb.i - 1
    if j > subj.i and doc[j].text == ",":  # ", who said he had spoken to people inside ,"
        k = j - 1
        while k > subj.i and doc[k].text != ",":
            k -= 1
        if doc[k + 1].lower_ not in RELATIVE_PRONOUNS:
            return None
        j = k - 1
    head = doc[j] if j > subj.i else None
    if head is None or head.pos_ not in {"NOUN", "PROPN"} or head.dep_ not in {"appos", "conj", "pobj", "nsubj"}:
        return None
    a = head.i
    while a - 1 > subj.i and doc[a - 1].dep_ in {"det", "amod", "compound", "poss", "nummod", "case"}:
        a -= 1
    return head if doc[a - 1].text == "," else None


def _says_too(verb: Token) -> bool:
    """``revealed the call to investigators, saying ...``, ``urged NATO to ..., saying ...``: a speech verb
    hangs on this one and carries the words (one statement, not two)."""
    return any(c.dep_ == "advcl" and is_speech_verb(c) for c in verb.children)


_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_SITE_READERS = frozenset({"users", "readers", "visitors", "viewers", "subscribers", "customers"})
_STATEMENT_DEPS = frozenset({"dobj", "prep", "xcomp", "ccomp", "dative", "oprd"})
#: the pronouns that stand for a name as a statement's subject (not "it", "we", nor object forms)
_SUBJECT_PRONOUNS = (PERSON_PRONOUNS | GROUP_PRONOUNS) - {"him", "her", "them", "it", "we"}


def _phrase(tok: Token) -> bool:
    """``called for``, ``ruled out``, ``asked X about``: a verb of :data:`UNQUOTED_STATEMENT_PHRASES` with its
    particle or preposition."""
    lemma = tok.lemma_.lower()
    return any(
        (lemma, c.lower_) in UNQUOTED_STATEMENT_PHRASES and c.dep_ in {"prep", "prt"} and c.i > tok.i
        and (c.i == tok.i + 1 or lemma == "ask")
        for c in tok.children
    )


def _statement_verb(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return False
    if lemma in {"call", "rule"}:  # "called for an emergency meeting", "ruled out a merger"
        return _phrase(tok)
    return lemma in STATEMENT_LEMMAS or lemma in UNQUOTED_STATEMENT_LEMMAS


def _unquoted_statement(verb: Token) -> bool:
    """Statement verbs taken without quoted words: an institution's advice, a call, a question in a hearing."""
    return verb.lemma_.lower() in UNQUOTED_STATEMENT_LEMMAS or _phrase(verb)


def statement(ix: QuoteIndex, verb: Token) -> Cand | None:
    """``Vietnam has accused Beijing of ...``, ``The UK has urged an end to ...``: a statement verb with a
    named active subject; its content is the verb's right-hand object and complements."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return None
    if _says_too(verb):
        return None  # "urged NATO to ..., saying ...": the words are the saying's, one statement
    subj = find_subject(verb)
    unquoted = _unquoted_statement(verb)
    if verb.lemma_.lower() == "ask" and not unquoted:
        return None
    # "The agency recommends ...": an organisation named before speaks through its noun
    described = unquoted and subj is not None and subj.lemma_.lower() in ORG_NOUNS and subj.tag_ == "NN"
    # "She accused the label of 'years of bullying'": a personal pronoun stands for a name (quoted words only)
    pronoun = subj is not None and subj.lower_ in _SUBJECT_PRONOUNS and not unquoted
    if subj is None or ix.tok_q[subj.i] != -1 or not (
        subj.ent_type_ in _NAMED or subj.pos_ == "PROPN" or described or pronoun
    ):
        return None
    if verb.lemma_.lower() in UNQUOTED_STATEMENT_LEMMAS and not (described or subj.ent_type_ == "ORG"):
        return None  # advice reported unquoted is an institution's ("the CDC recommends"), not a person's
    if subj.is_upper and any(t.text in {"—", "–", "--"} for t in ix.doc[subj.i + 1 : verb.i]):
        return None  # a dateline ("HANOI, Vietnam (AP) — ..."), not the subject
    deps = [c for c in verb.children if c.i > verb.i and c.dep_ in _STATEMENT_DEPS]
    if not deps:
        return None
    if verb.lemma_.lower() in UNQUOTED_STATEMENT_LEMMAS and not any(c.dep_ in {"ccomp", "xcomp"} for c in deps):
        return None  # "did not recommend charges": a decision; advice has a clause ("recommends that ...")
    if unquoted and any(c.dep_ == "dobj" and c.lower_ in _SITE_READERS for c in deps):
        return None  # "X advises users to check with experts": a site's disclaimer, not news
    if unquoted and (not any(c.dep_ == "nsubj" for c in verb.children) or ix.doc[verb.i - 1].text == ","):
        return None  # "Heyward, asked about the decision, said": the one asked speaks, not an asker
    p = ix.para_of_tok(verb)
    first = verb.i + 1
    while first < len(ix.doc) - 1 and ix.doc[first].dep_ == "prt" and ix.doc[first].head.i == verb.i:
        first += 1  # "ruled out a merger": the content starts after the particle
    start = ix.doc[first].idx
    last = max(c.right_edge for c in deps)
    region = ix.strip(start, min(ix.paras.ends[p], last.idx + len(last)))
    if region is None or region[0] <= subj.idx < region[1]:
        return None
    accusation = not pronoun and verb.lemma_.lower() == "accuse" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in verb.children
    )
    if not accusation and not unquoted and not ix.in_quote(region[1] - 1) and not any(
        ix.in_quote(t.idx) for t in deps for t in t.subtree
    ):
        return None  # unquoted, a statement verb reports an act more often than words
    if not accusation and not unquoted and (
        _quotes_a_name(ix, deps) or titled_object(verb, lambda i: ix.tok_q[i] != -1)
    ):
        return None  # "criticized the "Harbor Plan" booklet", "blamed the sign, "..."": a title, no words said
    return ix.snap(region, cue_text(verb), subj)


def _quotes_a_name(ix: QuoteIndex, deps: list[Token]) -> bool:
    """Every quoted word after the verb is capitalised like a name ("the "Harbor Plan" booklet")."""
    words = [t for d in deps for t in d.subtree if t.is_alpha and ix.in_quote(t.idx)]
    return bool(words) and all(t.is_title or t.is_upper for t in words)


def naming(ix: QuoteIndex, verb: Token) -> Cand | None:
    """``X called Y "a disgrace"``: the verb's right-hand dependents, when they hold a quote."""
    deps = [c for c in verb.children if c.i > verb.i and c.dep_ in {"dobj", "oprd", "ccomp", "xcomp", "prep", "advcl"}]
    if not deps:
        return None
    p = ix.para_of_tok(verb)
    start = max(ix.paras.starts[p], ix.doc[verb.i + 1].idx if verb.i + 1 < len(ix.doc) else verb.idx)
    last = max(c.right_edge for c in deps)
    end = min(ix.paras.ends[p], last.idx + len(last))
    k = bisect_right(ix.inner_starts, end) - 1
    if k < 0 or ix.spans[k].inner_end <= start or k in ix.consumed:
        return None
    region = ix.strip(start, max(end, min(ix.spans[k].inner_end, ix.paras.ends[p])))
    if region is None:
        return None
    subj = find_subject(verb)
    if verb.tag_ == "VBN" and not any(c.dep_ in {"nsubj", "agent"} for c in verb.children):
        subj = None  # "Dubbed 'DisGrace', she ...": she is the one named, not the speaker
    cand = ix.snap(region, cue_text(verb), subj)
    if cand is not None and cand.kind == "direct":
        cand.kind = "mixed"
    return cand
