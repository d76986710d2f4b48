"""The NER's greedy decoding, batched: the same entities as spaCy's, at a fraction of the CPU.

spaCy's ``EntityRecognizer`` decodes one token per step for every Doc of a batch: it sums the three
precomputed feature vectors of each state (the next token, the first token of the open entity, the token
before the next one), applies the maxout hidden layer and the output layer, then asks each of the 74 moves
whether it is valid. In the build installed here that last part acquires the GIL once per move and token
(the state's accessors are compiled with Python error checks), so about 40% of the NER's CPU went to
mutexes, more than its own tok2vec.

With no entities preset on the Doc, the BILUO system has two kinds of state:

* **no entity open**: the features are the token and two paddings, so the scores depend on the token only:
  they are computed for every token of the batch at once (one matrix product), and so is the best valid move
  (``O``, ``B-X`` where the next token exists and starts no sentence and the token is no space, ``U-X`` where it
  is no space);
* **an entity of label X open since token s**: only ``I-X`` (when the next token exists and starts no
  sentence) and ``L-X`` are valid; these states are met only after a ``B-X``, and their scores are computed
  for the few tokens after each ``B-X`` of the first pass, again at once.

A walk over each Doc then follows the moves as spaCy takes them. The arithmetic is spaCy's own, in the same
order and in float32 (features added one after the other, then the bias; the maxout; the output layer by the
same BLIS ``gemm``), so the moves and entities are spaCy's; ``tests/nlp/test_ner_decode.py`` checks it on real
text. Docs with preset entities, beam search or a model without an output layer go to spaCy's own decoder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.language import Language
from spacy.pipeline.ner import EntityRecognizer
from spacy.tokens import Doc, Span

#: The factory registered here: spaCy's ``ner`` whose inference goes through :class:`BatchedNER`.
FACTORY = "newsbrief_batched_ner"
#: Tokens after each ``B-X`` scored at once for the open-entity state (longer entities take another round).
LOOKAHEAD = 8


@dataclass(frozen=True)
class _Moves:
    """The model's moves as arrays: which are O / B / U (no entity open) and the I / L move of each label."""

    out: int
    begin: np.ndarray  # move indices of B-X
    unit: np.ndarray  # move indices of U-X (X not empty)
    label_of: dict[int, str]  # move index -> label, for B and U moves
    inside: dict[str, int]  # label -> I-X move index
    last: dict[str, int]  # label -> L-X move index


def _moves(ner: EntityRecognizer) -> _Moves:
    names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
    out = names.index("O")
    begin, unit, label_of, inside, last = [], [], {}, {}, {}
    for i, name in enumerate(names):
        act, _, label = name.partition("-")
        if not label:
            continue
        if act == "B":
            begin.append(i)
            label_of[i] = label
        elif act == "U":
            unit.append(i)
            label_of[i] = label
        elif act == "I":
            inside[label] = i
        elif act == "L":
            last[label] = i
    return _Moves(out, np.array(begin, dtype=np.intp), np.array(unit, dtype=np.intp), label_of, inside, last)


class BatchedNER(EntityRecognizer):
    """spaCy's entity recogniser with :mod:`newsbrief.nlp.ner_decode`'s decoding (training is spaCy's)."""

    _batched_moves: _Moves | None = None

    def predict(self, docs: Any) -> Any:
        if isinstance(docs, Doc):
            docs = [docs]
        if not self._can_batch(docs):
            return super().predict(docs)
        return _Decoded(self._decode(docs))

    def set_annotations(self, docs: Any, states_or_beams: Any) -> None:
        if not isinstance(states_or_beams, _Decoded):
            super().set_annotations(docs, states_or_beams)
            return
        for doc, ents in zip(docs, states_or_beams.ents):
            doc.set_ents([Span(doc, a, b, label=label) for a, b, label in ents], default="outside")

    def _can_batch(self, docs: list[Doc]) -> bool:
        if self.cfg.get("beam_width", 1) != 1 or not self.model.attrs.get("has_upper", False):
            return False
        if self.model.attrs.get("unseen_classes"):
            return False
        if not any(len(doc) for doc in docs):
            return False
        return not any(doc.has_annotation("ENT_IOB") for doc in docs)

    def _decode(self, docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
        if self._batched_moves is None:
            self._batched_moves = _moves(self)
        moves = self._batched_moves
        model = self.model
        lower, upper = model.get_ref("lower"), model.get_ref("upper")
        ops = upper.ops
        tokvecs = model.layers[0].predict(docs)
        cached = lower.predict(tokvecs)  # (tokens + 1, 3 features, hidden, pieces); row 0 is the padding
        bias = lower.get_param("b")
        W, b = upper.get_param("W"), upper.get_param("b")
        pad = cached[0]
        feats = cached[1:]
        # No entity open: the token, then the two paddings, then the bias (spaCy's order of additions).
        closed = ((feats[:, 0] + pad[1]) + pad[2]) + bias
        scores = ops.gemm(_maxout(closed), W, trans2=True) + b
        lengths = np.array([len(doc) for doc in docs], dtype=np.intp)
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        no_space = np.concatenate([~doc.to_array("IS_SPACE").astype(bool) for doc in docs])
        sent_start = np.concatenate([doc.to_array("SENT_START") for doc in docs]) == 1
        last_of_doc = np.zeros(len(no_space), dtype=bool)
        last_of_doc[starts + lengths - 1] = True
        next_starts = np.zeros(len(no_space), dtype=bool)
        next_starts[:-1] = sent_start[1:]
        can_begin = no_space & ~last_of_doc & ~next_starts
        masked = np.full(scores.shape, -np.inf, dtype=scores.dtype)
        masked[:, moves.out] = scores[:, moves.out]
        masked[np.ix_(can_begin, moves.begin)] = scores[np.ix_(can_begin, moves.begin)]
        masked[np.ix_(no_space, moves.unit)] = scores[np.ix_(no_space, moves.unit)]
        best = masked.argmax(axis=1)
        is_begin = np.isin(best, moves.begin)
        # An entity open since s: the token b, the entity's first token s, the token b - 1, then the bias.
        opened = _OpenScores(feats, bias, W, b, ops, can_continue=~last_of_doc & ~next_starts)
        opened.prepare(np.flatnonzero(is_begin))
        out: list[list[tuple[int, int, str]]] = []
        for start, n in zip(starts.tolist(), lengths.tolist()):
            ents: list[tuple[int, int, str]] = []
            end = start + n
            row = best[start:end]
            for t in np.flatnonzero(row != moves.out).tolist():
                pos = start + t
                if ents and pos < start + ents[-1][1]:
                    continue  # inside the entity just closed
                move = int(row[t])
                label = moves.label_of[move]
                if not is_begin[pos]:
                    ents.append((t, t + 1, label))
                    continue
                close = opened.close(pos, end, moves.inside[label], moves.last[label])
                ents.append((t, close - start + 1, label))
            out.append(ents)
        return out


def _maxout(unmaxed: np.ndarray) -> np.ndarray:
    """The largest piece (last axis): spaCy's maxout value."""
    if unmaxed.shape[-1] == 2:
        return np.maximum(unmaxed[..., 0], unmaxed[..., 1])
    return unmaxed.max(axis=-1)


class _OpenScores:
    """The I-X / L-X choice of the tokens after an entity's first token, scored in blocks."""

    def __init__(self, feats: np.ndarray, bias: np.ndarray, W: np.ndarray, b: np.ndarray, ops: Any, *,
                 can_continue: np.ndarray) -> None:
        self.feats, self.bias, self.W, self.b, self.ops = feats, bias, W, b, ops
        self.can_continue = can_continue
        self.blocks: dict[int, np.ndarray] = {}  # entity start -> scores of tokens start+1 .. start+k

    def _scores(self, starts: np.ndarray, first: np.ndarray, count: int) -> np.ndarray:
        """Scores (len(starts), count, moves) of tokens first .. first+count-1 with an entity open since starts."""
        n = len(self.feats)
        tok = np.minimum(first[:, None] + np.arange(count)[None, :], n - 1)
        unmaxed = ((self.feats[tok, 0] + self.feats[starts, 1][:, None]) + self.feats[tok - 1, 2]) + self.bias
        hidden = _maxout(unmaxed).reshape(-1, unmaxed.shape[2])
        scores = self.ops.gemm(hidden, self.W, trans2=True) + self.b
        return scores.reshape(len(starts), count, -1)

    def prepare(self, starts: np.ndarray) -> None:
        if len(starts):
            block = self._scores(starts, starts + 1, LOOKAHEAD)
            self.blocks = dict(zip(starts.tolist(), block))

    def close(self, start: int, end: int, inside: int, last: int) -> int:
        """The token where the entity opened at ``start`` (a ``B-X`` move) ends, before ``end``."""
        block = self.blocks[start]
        offset = 1
        pos = start + 1
        while True:
            if pos - start - offset >= len(block):
                block = self._scores(np.array([start]), np.array([pos]), LOOKAHEAD)[0]
                offset = pos - start
            row = block[pos - start - offset]
            if not self.can_continue[pos] or row[last] >= row[inside] and last < inside or row[last] > row[inside]:
                return pos
            pos += 1


@dataclass(frozen=True)
class _Decoded:
    ents: list[list[tuple[int, int, str]]]


@Language.factory(FACTORY, default_config={"moves": None, "update_with_oracle_cut_size": 100,
                                           "incorrect_spans_key": None})
def make_batched_ner(nlp: Language, name: str, model: Any, moves: Any, update_with_oracle_cut_size: int,
                     incorrect_spans_key: str | None) -> BatchedNER:
    """spaCy's ``ner`` factory (greedy, its default scorer), decoding with :class:`BatchedNER`."""
    return BatchedNER(nlp.vocab, model, name, moves, update_with_oracle_cut_size=update_with_oracle_cut_size,
                      incorrect_spans_key=incorrect_spans_key)
