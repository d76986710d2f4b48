"""An invented acceptance set for entity typing: names with evidence no typer may overrule (issue 21 review).

Held-out figures on the gold pages did not catch the eighth pass's retrained typer pushing bare surnames with
person evidence to ORG: that class is rare on the pages. This set is built from templates and invented or
census names only (never from a gold page): bare surnames with a pronoun after their verb ("X said she..."),
an age ("X, 54,"), "his lawyer", "Ms X"; one-word companies with "it"/"its"; families and teams in the plural;
camel-case given names. Each case is typed end to end (``doc_mentions``: typer and rules), and fails when a
mention of the name has another label than the expected one; a case whose name the NER does not find is counted
apart (no typing to judge).

``scripts/train_entity_typer.py`` runs it on the weights it fits and will not write failing weights.

Usage::

    PYTHONPATH=src .venv/bin/python benchmarks/typer_acceptance.py                      # the shipped weights
    PYTHONPATH=src .venv/bin/python benchmarks/typer_acceptance.py --weights OLD.json   # other weights
"""

from __future__ import annotations

import argparse
from typing import Any

#: Surnames: invented, rare and common census ones (none from a gold page).
SURNAMES = ("Vellacott", "Quarrington", "Brannock", "Lindqvist", "Oyelaran", "Vandersloot", "Whitlock", "Okafor")
#: One-word companies, invented.
COMPANIES = ("Quorvex", "Zentrix", "Kelmora", "Travix", "Olvanta")

PERSON_TEMPLATES = (
    "{x} said she would appeal the ruling. {x} added that she had done nothing wrong.",
    "{x} said he would stand again in May. {x} told the meeting he was confident.",
    "{x}, 54, told reporters he would not resign. {x} has led the council since 2019.",
    "Police arrested {x} on Friday. {x} was released on bail, his lawyer said.",
    "{x} won the race on Sunday. {x} said her time was a personal best.",
    "Ms {x} said she would appeal the ruling. {x} added that she had done nothing wrong.",
    "Mrs {x} said the family would stay. {x} told the council she had lived there for 30 years.",
    "The judge upheld the {x} prison sentence on Monday. {x} said she would appeal.",
)
ORG_TEMPLATES = (
    "{x} said it would cut 300 jobs. {x} shares fell 5% on Monday.",
    "{x} reported a loss for the quarter. {x} said its sales fell in Europe.",
    "Shares in {x} rose after {x} said it had won a contract worth $40m.",
)
#: Whole texts: (text, name, label).
OTHERS = (
    ("The Vellacotts have farmed the land for a century. The Vellacotts told the council they would appeal.",
     "Vellacotts", "PERSON"),
    ("Mr Vellacott bought the farm in 1990. The Vellacotts have farmed the land ever since, and the Vellacotts "
     "told the council they would appeal.", "Vellacotts", "PERSON"),
    ("The Joneses have lived on Elm Street for 30 years. The Joneses said they would not move.", "Joneses",
     "PERSON"),
    ("The Zorblers beat the Kelmford Rovers 3-1 on Saturday. The Zorblers play again next week.", "Zorblers", "ORG"),
    ("RaShard scored 30 points as Kelmford won 101-99. RaShard said he felt great after the game.", "RaShard",
     "PERSON"),
    ("TyShawn caught two touchdown passes on Sunday. TyShawn said his mother was in the stands.", "TyShawn",
     "PERSON"),
    ("KaVontae Williams scored twice. KaVontae said he was happy with his form.", "KaVontae", "PERSON"),
    ("NASA picked FlyBrix for the mission. FlyBrix said it would fly in May.", "FlyBrix", "ORG"),
)


def cases() -> list[tuple[str, str, str]]:
    """(text, name, expected label) of every case."""
    out = [(t.format(x=x), x, "PERSON") for t in PERSON_TEMPLATES for x in SURNAMES]
    out += [(t.format(x=x), x, "ORG") for t in ORG_TEMPLATES for x in COMPANIES]
    return out + list(OTHERS)


def failures(nlp: Any, typer: Any = None) -> tuple[int, int, list[tuple[str, str, str, list[str]]]]:
    """(number of cases, cases whose name is not found, failing cases as (text, name, expected, labels got)),
    typed with ``typer`` (None: the active weights)."""
    from newsbrief.nlp.entities.mentions import doc_mentions

    todo = cases()
    bad: list[tuple[str, str, str, list[str]]] = []
    missed = 0
    for (text, name, want), doc in zip(todo, nlp.pipe([t for t, _, _ in todo])):
        got = [str(m["label"]) for m in doc_mentions(doc, typer=typer) if str(m["text"]).endswith(name)]
        missed += not got
        if any(g != want for g in got):
            bad.append((text, name, want, got))
    return len(todo), missed, bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--weights", help="typer weights to use (default: the shipped ones)")
    parser.add_argument("--show", type=int, default=40, help="failing cases to print")
    args = parser.parse_args()
    from newsbrief.nlp.entities.typer import Typer
    from newsbrief.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    typer = Typer.load(args.weights) if args.weights else None
    n, missed, bad = failures(nlp, typer)
    print(f"acceptance set: {len(bad)} of {n} cases typed wrong ({missed} not found by the NER)")
    for text, name, want, got in bad[: args.show]:
        print(f"  {name}: want {want}, got {got} | {text}")


if __name__ == "__main__":
    main()
