"""The candidates for the outlet of a browser copy and their features: the names its chrome repeats.

A copy has no meta tags and no domain, but its chrome names the outlet over and over: the site-name line at the
top, menu and footer links ("About Example Times", "Talk to Example News", "Example Newsletters"), the byline's or
date line's credit ("By Jane Doe | Example News"), the copyright line (often the parent company: "Example Media
Group"), a URL line when the browser saved one, a note about the author ("Jane Doe is a staff writer at Example
News"). Every run of capitalised words of up to four words outside the story is a candidate; each gets
:data:`N_FEATURES` features of where and how it occurs (how many lines, alone on a line, first or last lines, in the
copyright line, after "About"/"Contact"/"Follow", before "Newsletters"/"Store"/"Staff", at a byline's end, in the
story, a company suffix, a news agency, a known outlet, agreeing with a domain the copy writes, section and widget
words, ...). :mod:`newsbrief.ingest.copy_source` ranks them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import numpy as np

from .boilerplate import COPYRIGHT
from .copy_patterns import COMPANY_WORD, LEGAL_FORMS, PLATFORM, SOFTWARE, STOPWORDS, STREET_WORDS
from .copy_written import written_domains
from .copyright import copyright_owner
from .names import WIDGET_WORDS, is_outlet
from .sources import AGENCIES, DOMAIN_ENDING, _initials, agrees, domain_label, is_section

TOKEN = r"(?:[A-Z][\w'’&.-]*[\w'’]|[A-Z]|\d+[A-Za-z][\w-]*)"
CONNECT = r"(?:of|the|and|&|de|du|la|for|on|-)"
#: A channel number after a name ("NBC 5", "FOX 9"): part of a run, never its start.
NUMBER = r"\d{1,2}(?![\w.,:/-])"
CAP_RUN = re.compile(rf"(?<![\w'’.-]){TOKEN}(?:\s+(?:{CONNECT}\s+)?(?:{TOKEN}|{NUMBER}))*")
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
DOMAIN_SUFFIX = re.compile(rf"(?i)\.{DOMAIN_ENDING}$")
#: A link's verb before a name ("Contact Example Post", "Subscribe to Example Times", "Sign up for ..."): the name
#: after it is a candidate of its own (:func:`is_label`) and counts as named after a link (:data:`BEFORE`).
ACTION = frozenset("contact about follow subscribe join advertise sign download get watch send share email call visit "
                   "support read view like listen talk trust make".split())
#: What stands before a site's name in its chrome: a link's verb (with its particle: "subscribe to", "sign up for"),
#: "more (from)", "from", "welcome to", "on", "source:", "via".
BEFORE = re.compile(r"(?i)(?:(?:" + "|".join(sorted(ACTION)) + r")(?:\s+(?:up\s+)?(?:to|for))?|more(?: from)?|from|"
                    r"welcome to|(?:back|continue|go|return) to|on|source:|via)\s*(?:the\s+)?$")
AFTER = re.compile(r"(?i)^(?:['’]s)?\s*(?:newsletters?|store|shop|app|apps|archives?|staff|links|sponsors|"
                   r"services|navigation|worldwide|blog|feedback|home(?:page)?|media kit|events|\?|is a registered)")
CREDIT_END = re.compile(r"(?:\||/|—|–|-|,)\s*$")
COMPANY = re.compile(rf"(?i)\b{COMPANY_WORD}\.?")
MAX_WORDS = 4
GLUED = re.compile(r"[a-z][A-Z][a-z]")
#: A line crediting a picture ("Photo: Jane Doe/Example Images", "Image credit: ...", "Getty Images").
PICTURE_CREDIT = re.compile(r"(?i)\b(?:photos?|photograph|image|picture|illustration|credit|getty|shutterstock)\b")
#: The features of a candidate (:func:`_row`), in order.
FEATURES = (
    "bias", "lines", "in the story", "alone on a line", "first lines", "last lines", "copyright line", "the owner",
    "inside the owner", "after a link's verb", "before a link's noun", "a credit's end", "a wire dateline",
    "a company word next", "a company word", "a known outlet", "an agency", "agrees with the URL line", "a URL line",
    "one word", "two words", "three or four words", "capitals", "widget words", "function words", "a section",
    "a digit", "first line's position", "three letters or fewer", "an inner capital", "glued words",
    "alone in the first lines", "a whole run", "the rule's known outlet", "inside the rule's name", "never alone",
    "written domains", "a copyright line's domain", "picture credits", "written in lowercase", "the site's own note",
    "a note about the author",
)
N_FEATURES = len(FEATURES)
#: The site's note about itself names it: "Example is part of Example Media Inc, an international media group",
#: "Example is supported by its audience", "Example may earn an affiliate commission".
OWN_NOTE = re.compile(r"^(?:the\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z0-9][\w&.'’-]*){0,3})\s+(?:"
                      rf"is (?:a )?part of\b.{{0,60}}\b(?:media|group|network|{LEGAL_FORMS}|publish\w*|family)\b|"
                      r"is (?:reader|audience)[- ]supported\b|is supported by its (?:audience|readers)\b|"
                      r"may (?:earn|receive) (?:an? )?(?:small )?(?:affiliate )?commission)")
#: A note about the story's author names the outlet she works for: "Jane Doe is a staff writer at Example News",
#: "... is an Ideas contributor at EXAMPLE", "Jane covers courts for Example Post" (not "was formerly an editor at
#: ...", nor the outlets after "has covered ... at").
AUTHOR_NOTE = re.compile(r"(?i)(?:\b(?:is|are)\s+(?:an?|the)\s+[^.;:!?]{0,60}?\b(?:at|for|with)|"
                         r"\b(?:covers|writes|reports)\b[^.;:!?]{0,40}?\b(?:for|at))\s+(?:the\s+)?$")
#: A street address in the footer ("11 West 42nd Street", "15th Floor").
ADDRESS = re.compile(rf"(?i)\b(?:{STREET_WORDS})\.?$")


@dataclass
class Candidate:
    """Where one name occurs in a copy (aggregated over its occurrences)."""

    forms: dict[str, int] = field(default_factory=dict)
    lines: set[int] = field(default_factory=set)
    body: int = 0
    whole: int = 0
    first: bool = False
    first_whole: bool = False
    last: bool = False
    copyright: bool = False
    before: int = 0
    after: int = 0
    credit: int = 0
    dateline: int = 0
    company_next: int = 0
    full_run: int = 0
    seen: int = 0
    picture: int = 0
    platform: int = 0
    author_note: int = 0


def name_key(name: str) -> str:
    """A name as compared: no "The", domain suffix, case or punctuation ("The Example-News.com" -> "examplenews")."""
    return re.sub(r"[^\w]+", "", re.sub(r"(?i)^the\s+", "", DOMAIN_SUFFIX.sub("", name)).casefold())


def _spans(run: str) -> list[tuple[int, int, str]]:
    """Every sub-run of up to :data:`MAX_WORDS` tokens of a run of capitalised words (offsets in the run)."""
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", run)]
    out = []
    for i in range(len(tokens)):
        for j in range(i, min(len(tokens), i + MAX_WORDS)):
            text = run[tokens[i][0]:tokens[j][1]]
            words = text.split()
            if re.fullmatch(CONNECT, words[-1]) or re.fullmatch(CONNECT, words[0]) and words[0].lower() != "the":
                continue
            out.append((tokens[i][0], tokens[j][1], text.strip(".,'’")))
    return out


def names_domain(name: str, label: str) -> bool:
    """A name is a written domain's outlet when its squeezed letters or initials are the domain's label, or one holds
    most of the other ("Moneycontrol" and ``moneycontrol``; "CRN Magazine" and ``crn``; not "Home" and ``in``)."""
    squeezed, label = name_key(name), re.sub(r"[^a-z0-9]", "", label.casefold())  # "example-daily"
    if not squeezed or len(label) < 2:
        return False
    if squeezed == label or (len(label) <= 5 and _initials(name) == label):
        return True
    short, long = sorted((squeezed, label), key=len)
    return len(short) >= 4 and short in long and len(short) >= 0.6 * len(long)


@dataclass
class Domains:
    """The domains a copy writes outside its story: each label ("moneycontrol") with how many lines write it, and
    those its copyright lines write."""

    lines: dict[str, int] = field(default_factory=dict)
    copyright: set[str] = field(default_factory=set)

    def add(self, line: str) -> None:
        labels = written_domains(line)
        for label in labels:
            self.lines[label] = self.lines.get(label, 0) + 1
        if COPYRIGHT.search(line):
            self.copyright |= labels

    def agreeing(self, name: str) -> tuple[int, bool]:
        """How many lines write a domain of ``name`` (:func:`~.sources.agrees`), and whether a copyright line does."""
        hits = [label for label in self.lines if names_domain(name, label)]
        return sum(self.lines[label] for label in hits), any(label in self.copyright for label in hits)


def candidates(lines: list[str], *, body: list[str],
               domains: Domains | None = None) -> tuple[dict[str, Candidate], str | None, str | None]:
    """The candidates of a copy by key, the copyright owner and the domain label of a URL line (if any); the domains
    written outside the story are added to ``domains``."""
    body_set = set(body)
    owner = copyright_owner(lines)
    url = next((line for line in lines if URL_LINE.match(line)), None)
    found: dict[str, Candidate] = {}
    n = len(lines)
    for i, line in enumerate(lines):
        in_body = line in body_set
        if not in_body and domains is not None:
            domains.add(line)
        if len(line) > 400 and not in_body:
            continue
        picture = bool(PICTURE_CREDIT.search(line))
        text = DOMAIN_SUFFIX.sub("", line) if re.fullmatch(r"[\w.-]+", line) else line
        text = re.sub(r"(?<=\w)['’]s\b", "", text)  # "The Example News’s": the name without its possessive
        for start, end, name, run_whole in _names_in(text):
            key = name_key(name)
            cand = found.setdefault(key, Candidate())
            cand.forms[name] = cand.forms.get(name, 0) + 1
            if in_body:
                cand.body += 1
                head = text[:start]
                cand.dateline += bool(re.fullmatch(r"[^()]{0,40}\($", head) and text[end:end + 1] == ")")
                continue
            cand.lines.add(i)
            cand.seen += 1
            cand.picture += picture
            cand.full_run += run_whole
            rest = text[end:]
            whole = name_key(text) == key
            cand.whole += whole
            cand.first |= i < 3
            cand.first_whole |= whole and i < 3
            cand.last |= i >= n - 3
            cand.copyright |= bool(COPYRIGHT.search(line))
            cand.before += bool(BEFORE.search(text[:start]))
            cand.after += bool(AFTER.match(rest))
            cand.credit += bool(CREDIT_END.search(text[:start]) and not rest.strip())
            cand.platform += bool(PLATFORM.search(text[:start]))
            cand.author_note += bool(AUTHOR_NOTE.search(text[:start]))
            cand.company_next += bool(COMPANY.match(rest.strip(" ,")))
    return found, owner, domain_label(url) if url else None


def _names_in(text: str) -> list[tuple[int, int, str, bool]]:
    """The candidate names of a line: each sub-run of a capitalised run (:func:`_spans`) but one opening with
    "Copyright" (a footer's word, not a name: "Copyright Example Media"), each with its offsets in the line and whether
    it is the whole run."""
    out: list[tuple[int, int, str, bool]] = []
    for run in CAP_RUN.finditer(text):
        for a, b, name in _spans(run.group(0)):
            if len(name_key(name)) < 2 or len(name.split()) > MAX_WORDS or name.casefold() in STOPWORDS \
                    or name.split()[0].casefold() == "copyright":
                continue
            if sum(bool(GLUED.search(w)) for w in name.split()) >= 2:
                continue  # menu items glued together ("ProgramsCloud SecurityCloud")
            out.append((run.start() + a, run.start() + b, name, a == 0 and b == len(run.group(0).rstrip())))
    return out


def _extended(found: dict[str, Candidate]) -> dict[str, str]:
    """Names never seen without the same longer name around them, each with the longest such name ("Associated"
    -> "Associated Press")."""
    chrome = {k: frozenset(c.lines) for k, c in found.items() if c.lines}
    out: dict[str, str] = {}
    for key, lines in chrome.items():
        longer = [other for other in chrome if len(other) > len(key) and key in other and chrome[other] == lines]
        if longer:
            out[key] = max(longer, key=len)
    return out


def _row(key: str, c: Candidate, *, owner: str | None, label: str | None, n_lines: int, rule: str,
         extended: bool, domains: Domains, text: str, own: str, rule_known: bool) -> list[float]:
    name = max(c.forms, key=lambda f: (c.forms[f], not f.isupper()))
    words = name.split()
    lowered = [w.casefold().strip(".") for w in words]
    owner_key = name_key(owner) if owner else ""
    first_line = min(c.lines) / max(1, n_lines - 1) if c.lines else 1.0
    written, in_copyright = domains.agreeing(name)
    # a common word written in lowercase elsewhere on the page ("send", "channel") is no name, nor a known outlet's
    # ("Conversation" of "in Conversation with" beside "the conversation")
    # as a word of running text, not a domain, an address or a handle ("example.com", "@example")
    lowercase = len(re.findall(rf"(?<![\w@#/.-]){re.escape(name.lower())}(?![\w@/-]|\.\w)", text)) \
        if name != name.lower() else 0
    return [
        1.0, math.log1p(len(c.lines)), math.log1p(c.body), math.log1p(c.whole), float(c.first), float(c.last),
        float(c.copyright), float(bool(owner_key) and owner_key == key),
        float(bool(owner_key) and key in owner_key and owner_key != key), math.log1p(c.before),
        math.log1p(c.after), math.log1p(c.credit), math.log1p(c.dateline), math.log1p(c.company_next),
        float(bool(COMPANY.search(name))), float(is_outlet(name) and not lowercase),
        float(bool(AGENCIES.fullmatch(name))), float(agrees(name, label)), float(label is not None),
        float(len(words) == 1), float(len(words) == 2), float(len(words) >= 3), float(name.isupper()),
        sum(w in WIDGET_WORDS for w in lowered) / len(words),
        sum(w in STOPWORDS and w != "the" for w in lowered) / len(words), float(is_section(name)),
        float(any(ch.isdigit() for ch in name)), first_line,
        float(len(key) <= 3), float(bool(re.search(r"[a-z][A-Z]", name))),
        sum(bool(re.search(r"[a-z][A-Z][a-z]", w)) for w in words) / len(words), float(c.first_whole),
        c.full_run / max(1, c.seen), float(bool(rule) and rule == key and rule_known),
        float(bool(rule) and key in rule),
        float(extended), math.log1p(written), float(in_copyright), c.picture / max(1, c.seen),
        math.log1p(lowercase), float(bool(own) and own == key),  # the site's note about itself names it
        math.log1p(c.author_note),
    ]


def candidate_rows(lines: list[str], *, body: list[str],
                   rule: str | None) -> tuple[list[str], list[str], np.ndarray]:
    """The names (as the page writes them most often), their whole forms (a name never written alone: the longer
    name it is always part of, "Associated" -> "Associated Press") and their feature rows; ``rule`` is the rule
    reader's source (the copyright owner when a known outlet, else the known outlet the chrome names most)."""
    domains = Domains()
    found, owner, label = candidates(lines, body=body, domains=domains)
    # a name only in the story is no outlet of the page, nor is the software or studio that made the site ("Powered by
    # ..."), its themes, or a street address of the footer
    keep = [(k, c) for k, c in found.items()
            if c.lines and c.platform < c.seen and not ADDRESS.search(max(c.forms, key=c.forms.__getitem__))
            and not SOFTWARE.search(max(c.forms, key=c.forms.__getitem__))]
    extended = _extended(dict(keep))  # never a dropped name's form ("Example Services LLC Associates" of a programme)

    def written(key: str) -> str:  # as the page writes it most often (title case first)
        return max(found[key].forms, key=lambda f: (found[key].forms[f], not f.isupper(), len(f)))

    names = [written(k) for k, _ in keep]
    wholes = [written(extended.get(k, k)) for k, _ in keep]  # a name never written alone: its whole form
    rule_key = name_key(rule) if rule else ""
    # the rule reader's source counts as a known outlet's name only (a copyright owner is often the parent company,
    # told by the owner features)
    rule_known = is_outlet(rule)
    text = "\n".join(lines)
    own = name_key(own_name(lines, body=body) or "")
    rows = np.array([_row(k, c, owner=owner, label=label, n_lines=len(lines), rule=rule_key, extended=k in extended,
                          domains=domains, text=text, own=own, rule_known=rule_known)
                     for k, c in keep],
                    dtype=np.float64).reshape(len(keep), N_FEATURES)
    return names, wholes, rows


#: Words of a footer's legal links and notices ("All Rights Reserved", "Privacy Policy", "Terms of Use").
LEGAL_WORDS = frozenset("copyright rights reserved privacy policy terms conditions legal notice notices cookie cookies "
                        "disclaimer sitemap accessibility use".split())
#: Words of interface labels besides the widget words of bylines ("Top Stories", "Skip to content", "Most Popular").
LABEL_WORDS = WIDGET_WORDS | frozenset("stories story skip content main related popular most recent featured "
                                       "top headlines navigation nav toggle".split())


def is_label(name: str) -> bool:
    """A section or interface label ("Top Stories", "Home", "Skip"), a footer's legal link ("Privacy Policy", "All
    Rights Reserved") or a link with its verb ("Contact Example Post"), never an outlet. A label is one through and
    through: every word an interface word, or every word a legal word (function words aside); an outlet's name mixing
    a legal word with others ("Policy Watch", "Legal News Today") is none."""
    words = [w.casefold().strip(".") for w in name.split()]
    return is_section(name) or any(all(w in kind or w in STOPWORDS for w in words)
                                   for kind in (LABEL_WORDS, LEGAL_WORDS)) or \
        (len(words) > 1 and words[0] in ACTION)


def own_name(lines: list[str], *, body: list[str]) -> str | None:
    """The name a site's note about itself gives outside the story (:data:`OWN_NOTE`: "Example is part of Example
    Media Inc, ..."), unless it is a section or an interface label."""
    story = set(body)
    for line in lines:
        if line not in story and len(line) < 400 and (m := OWN_NOTE.match(line)) and not is_label(m.group("name")):
            return m.group("name")
    return None
