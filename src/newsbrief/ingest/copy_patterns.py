"""Patterns of the lines of a page copied from a browser: function words, dates as pages show them
("Nov. 19, 2019 5:45 AM ET", "19/11/2019", "2019-11-19"), and the content words a headline shares with its story."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    "a an the and or but if of at by for with about against between into through during before after above "
    "below to from up down in out on off over under again further then once here there when where why how "
    "all any both each few more most other some such no nor not only own same so than too very can will just "
    "should now is are was were be been being have has had having do does did i me my we our you your he him "
    "his she her it its they them their what which who whom this that these those am would could said says "
    "as also while because until".split()
)
#: The legal forms that end an English company's name ("Example Holdings LLC", "Example Times Co."), for patterns
#: compiled case-insensitive; and those of other countries ("examplesoft GmbH", "Example S.A."), written as they are.
LEGAL_FORMS = r"(?:llc|inc|ltd|limited|plc|corp(?:oration)?|company|co)"
FOREIGN_LEGAL_FORMS = r"(?:GmbH|AG|S\.A\.|SA|S\.r\.l\.|Srl|B\.V\.|BV|Pty|Pvt|Oy|AB|ApS|K\.K\.|KK)"
#: An English legal form as a company writes it, capitalised ("Ltd", "LLC", "Co."; not "limited" or "co" in a line
#: such as "places limited" or "gift cards co").
CASED_LEGAL_FORMS = (r"(?:LLC|Llc|INC|Inc|LTD|Ltd|LIMITED|Limited|PLC|Plc|CORP(?:ORATION)?|Corp(?:oration)?|"
                     r"COMPANY|Company|CO|Co)")
#: A word of a company's name ("Example Media Group", "Example Holdings LLC", "Example (City) Private"; "Broadcasting"
#: too, though a name ending in it is an outlet's: :data:`~.copy_parent.NEWS_COMPANY`).
COMPANY_WORD = (rf"(?:{LEGAL_FORMS}|group|media|communications|newspapers|"
                r"network|interactive|holdings|enterprises|publishing|broadcasting|services|private|digital|partners|"
                r"industries)\b")
#: The software or agency that made the site ("Powered by WordPress.com VIP", "Site by Example Studio") and the
#: affiliate programme a blog discloses ("We are a participant in the Example Services LLC Associates Program").
PLATFORM = re.compile(r"(?i)\b(?:powered by|hosted by|built (?:on|with)|theme by|designed by|(?:web)?site by|"
                      r"developed by|crafted (?:with )?(?:\S+ )?by|(?:a )?participant in(?: the)?|"
                      r"affiliate of(?: the)?)\s*$")
#: A name of the software a site is made with or of its themes ("Example WordPress Themes", "ExampleTemplates",
#: "Blogger"): never the outlet.
SOFTWARE = re.compile(r"(?i)wordpress|templates?|\bthemes?\b|\bblogger\b|\bplugins?\b")
MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
TIME = r"(?:\s*(?:at|,|\||•|-)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*(?-i:[A-Z]{2,4})\b)?)?"
DATE = re.compile(
    rf"(?:\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+(?P<y2>\d{{4}})"
    rf"|\b(?P<y3>\d{{4}})-\d{{2}}-\d{{2}}|\b\d{{1,2}}/\d{{1,2}}/(?P<y4>\d{{4}})|\b\d{{1,2}}/\d{{1,2}}/(?P<y5>\d{{2}})\b){TIME}",
    re.IGNORECASE,
)
DATE_NO_YEAR = re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?!\d)(?!,?\s*\d{{4}}){TIME}", re.IGNORECASE)
WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*", re.IGNORECASE)

#: Words of a story's opening whose content words a headline shares (:func:`lede_of`).
LEDE_WORDS = 120


def words(line: str) -> list[str]:
    """The words of a line (letters, digits, apostrophes and hyphens)."""
    return re.findall(r"[\w'’-]+", line)


def _stems(text: str) -> set[str]:
    """The content words of a text, cut to five letters ("listing", "listed" -> "listi", "liste": near enough)."""
    return {w.casefold()[:5] for w in re.findall(r"[\w'’-]+", text) if len(w) >= 3 and w.casefold() not in STOPWORDS}


def lede_of(body: list[str]) -> set[str]:
    """The content words (:func:`_stems`) of a story's opening words."""
    return _stems(" ".join(" ".join(body).split()[:LEDE_WORDS]))


def lede_overlap(line: str, lede: frozenset[str] | set[str]) -> float:
    """The share of a line's content words the story's opening uses (a headline's do; another story's do not)."""
    words = _stems(line)
    return len(words & lede) / len(words) if words else 0.0
#: Words that end a street address or name a part of a building ("11 West 42nd Street", "15th Floor").
STREET_WORDS = "street|st|avenue|ave|road|rd|boulevard|blvd|floor|suite|plaza|lane|drive|square"
