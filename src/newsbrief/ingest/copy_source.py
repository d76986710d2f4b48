"""The outlet of a browser copy: a learned ranker over its candidates (:mod:`newsbrief.ingest.copy_candidates`).

A log-linear ranker trained by ``scripts/train_copy_source.py`` on the train and dev pages of ``../shared/pages``
(truth: the hand gold, else the page's HTML source or its domain) scores a copy's candidates; the best one above a
floor selected by cross-validation over sites is the source, written as the page writes it most often (a title-case
form before an all-caps one) and tidied by :func:`newsbrief.ingest.sources.tidy`. Below the floor the rule reader's
source is kept unless it is only a parent company: a wrong outlet is worse than none. The weights ship as
``data/copy_source.npz``; numpy only at run time.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import numpy as np

from .browser import WIRE_DATELINE
from .copy_candidates import (
    AFTER,
    BEFORE,
    DOMAIN_SUFFIX,
    Domains,
    candidate_rows,
    is_label,
    name_key,
    own_name,
)
from .copy_parent import only_parent
from .copy_written import WRITTEN_DOMAIN, credit, site_name, written_name
from .copyright import copyright_owner, site_notice
from .sources import AGENCIES, agency, agrees, tidy


class SourceModel:
    """Weights of the candidate ranker (standardisation, coefficients) and the floor under which it abstains."""

    def __init__(self, *, mean: np.ndarray, scale: np.ndarray, coef: np.ndarray, intercept: float,
                 floor: float) -> None:
        self.mean, self.scale, self.coef, self.intercept, self.floor = mean, scale, coef, intercept, floor

    def scores(self, rows: np.ndarray) -> np.ndarray:
        """Each candidate's probability of being the page's outlet (a softmax over the page's candidates)."""
        z = ((rows - self.mean) / self.scale) @ self.coef + self.intercept
        z = np.append(z, 0.0)  # the last slot: none of them (the intercept is its odds)
        z -= z.max()
        p = np.exp(z)
        return np.asarray(p[:-1] / p.sum())

    def pick(self, wholes: list[str], rows: np.ndarray, *, lines: list[str],
             body: list[str]) -> tuple[str | None, float]:
        """The likeliest of the candidates (:func:`candidate_rows`) that is no section or button, and its share."""
        if not wholes:
            return None, 0.0
        p = self.scores(rows)
        # a section, a button or a parent company ("Example Media Group" in the footer only) is never the outlet; a
        # company-word name the page writes as its own is ("Harbour Media Group" in its masthead and its notice)
        story = set(body)
        usable = np.array([not is_label(name) and not only_parent(name, lines, body=story) for name in wholes])
        if not usable.any():
            return None, 0.0
        i = int(np.argmax(np.where(usable, p, -1.0)))
        return wholes[i], float(p[i])

    def source(self, lines: list[str], *, body: list[str], rule: str | None,
               candidates: tuple[list[str], np.ndarray] | None = None) -> str | None:
        """The outlet of a copy: the site's note about itself, else the ranker's pick above the floor (never a parent
        company: :func:`~.copy_parent.only_parent`), else the rule reader's source unless it is only a parent company
        (:func:`fallback`), else a name the chrome writes only in lowercase (its address, an owner named again, an
        imprint: :func:`~.copy_written.written_name`) unless the page is an agency's member page
        (:func:`last_resort`), else None. ``candidates``: the copy's
        names and rows (:func:`candidate_rows`) when already computed (training scores many settings on them)."""
        own = own_name(lines, body=body)
        if own is not None:
            return tidy(own)
        if candidates is None:
            _, wholes, rows = candidate_rows(lines, body=body, rule=rule)
            candidates = (wholes, rows)
        name, p = self.pick(*candidates, lines=lines, body=body)
        if name is None or p < self.floor:
            return last_resort(rule, lines=lines, body=body)
        wire = next((m.group("src").strip() for line in body[:3] if (m := WIRE_DATELINE.match(line))), None)
        if wire and (name_key(wire) == name_key(name) or agency(wire) is not None and agency(wire) == agency(name)) \
                and not agency_site(name, lines, body=body):
            return fallback(rule, lines=lines, body=body)  # a wire dateline's agency ("(AP) —") is the wire
        return tidy(DOMAIN_SUFFIX.sub("", name))


def agency_site(name: str, lines: list[str], *, body: list[str]) -> bool:
    """The copy is the agency's own page: ``name`` is a news agency, the page's last copyright notice is that agency's,
    and the chrome outside the story names it as the site: a domain it writes agrees with the agency
    (:func:`~.sources.agrees`, as the HTML reader keeps an agency's own page), or the notice stands in the page's
    footer, not right under the story, and a link of its own names the agency: a line that is a link's verb and the
    agency or the agency and a link's noun (:data:`~.copy_candidates.BEFORE`, :data:`~.copy_candidates.AFTER`:
    "Contact Reuters", "More from Reuters", "Reuters Newsletters"; not a sentence such as "Follow AP's full coverage
    at ..."). A member site's page carries the agency's notice right under the story, and often the agency's links
    ("More from AP", "AP Newsletters") beside it, and its own site's notice last."""
    short = agency(name)
    story = set(body)
    notice = site_notice(lines, body=story)
    if short is None or notice is None or agency(copyright_owner([notice])) != short:
        return False
    chrome = [line for line in lines if line not in story]
    domains = Domains()
    for line in chrome:
        domains.add(line)
    if any(agrees(form, label) for label in domains.lines for form in (name, short)):
        return True
    story_end = max((i for i, line in enumerate(lines) if line in story), default=-1)
    if max(i for i, line in enumerate(lines) if line == notice) <= story_end + 1:
        return False  # the agency's notice right under its story: a member page runs it so
    return any(agency(m.group(0)) == short and (BEFORE.search(line[:m.start()]) and not line[m.end():].strip()
                                                or AFTER.fullmatch(line[m.end():].strip()))
               for line in chrome for m in re.finditer(rf"\b{AGENCIES.pattern}\b", line, flags=re.IGNORECASE))


def fallback(rule: str | None, *, lines: list[str] | None = None, body: list[str] | None = None) -> str | None:
    """The rule reader's source when the ranker names none, unless it is only a parent company
    (:func:`~.copy_parent.only_parent`: a known outlet, or one the page writes as its own, stays) or a news agency on
    a page that is not the agency's own (:func:`agency_site` of the copy's ``lines``): a source left empty tells the
    reader the copy did not say, where a parent company would count its papers as one outlet, and an agency its
    members' pages as its own (a member site runs agency copy under its own name; the agency is the ``wire``)."""
    if rule is None or credit(rule) or only_parent(rule, lines or [], body=body or []):
        return None
    if AGENCIES.fullmatch(rule.strip()):
        return rule if lines is not None and agency_site(rule, lines, body=body or []) else None
    # a domain or a name the page writes only in lowercase, as readers see it ("Harbourdaily", "Solar Magazine")
    return site_name(rule) if WRITTEN_DOMAIN.fullmatch(rule.strip()) or rule == rule.lower() else tidy(rule)


def last_resort(rule: str | None, *, lines: list[str], body: list[str]) -> str | None:
    """The source when the ranker names none: the rule reader's (:func:`fallback`), else a name the chrome writes only
    in lowercase (:func:`~.copy_written.written_name`), but not on a page left empty on purpose: an agency's notice
    as the site's own (:func:`~.copyright.site_notice`; a picture's "© AP" is a credit) or an agency's dateline on
    a member page (the page is known not to name its outlet; a domain there is a partner's or an advertiser's)."""
    kept = fallback(rule, lines=lines, body=body)
    if kept is not None:
        return kept
    notice = site_notice(lines, body=body)
    wire = next((m.group("src").strip() for line in body[:3] if (m := WIRE_DATELINE.match(line))), None)
    if (notice is not None and agency(copyright_owner([notice])) is not None
            or agency(rule) is not None and agency(rule) == agency(wire)):
        return None  # the site's own notice or the story's dateline is an agency's; a picture's credit is not
    return written_name(lines, body=body)


def copy_source(lines: list[str], *, body: list[str], rule: str | None) -> str | None:
    """The outlet of a copy: :meth:`SourceModel.source` with the shipped weights; without them the site's note about
    itself (:func:`own_name`), else :func:`last_resort`."""
    ranker = source_model()
    if ranker is not None:
        return ranker.source(lines, body=body, rule=rule)
    own = own_name(lines, body=body)
    if own is not None:
        return tidy(own)
    return last_resort(rule, lines=lines, body=body)


@lru_cache(maxsize=1)
def source_model() -> SourceModel | None:
    """The shipped weights, or None when the package has none (the copyright and known-outlet rule then decides)."""
    ref = resources.files("newsbrief.ingest").joinpath("data/copy_source.npz")
    if not ref.is_file():
        return None
    with ref.open("rb") as handle:
        data = np.load(handle)
        return SourceModel(mean=data["mean"], scale=data["scale"], coef=data["coef"],
                           intercept=float(data["intercept"]), floor=float(data["floor"]))
