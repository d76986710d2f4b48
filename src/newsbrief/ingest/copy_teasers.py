"""What a browser copy's story run holds that is not the story: other stories' headlines, shouted links, captions.

A copy's densest run of prose (:mod:`.browser`) often carries, between or after the story's paragraphs:

- a list of other stories' headlines ("More Great Example Stories", then five headlines; a "More in ..." box in the
  middle of the story): two or more headline-like lines in a row (a few words, no closing period), with the short
  label above them;
- links to other stories written in capitals, seven words or more ("CO-FOUNDER 'PROUD' OF HIS EMPLOYEES LIVING HIS
  DREAM", "GET THE APP ON THE GO BY CLICKING HERE");
- photo captions with their credit ("... [File: Example Agency]", "... (Photo by Jane Doe/Example Images)",
  "Image caption ...", "Photo by Jane Doe", "Jane Doe, AP"), and those written as agencies write them: who stands
  where ("Jane Doe, left, speaks with ...", "... (background)") or the scene closed by its full date ("... in Example
  City, Tuesday, Nov. 19, 2019.");
- the readers' comments, after a head such as "6 thoughts on “...”" or "12 Comments".

Each is a class of line, never a named site; :func:`story_lines` drops them (a story never loses more than half its
lines this way). Where the story ends is told here too: at a note about its author (:func:`before_author_note`) and
before the first head of a reader's comment (:func:`comment_head`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .boilerplate import REPORTED
from .copy_dates import DATE_WORD
from .copy_patterns import MONTH, WEEKDAY
from .copy_patterns import words as _words
from .sources import DOMAIN_ENDING

#: A headline-like line: a few words, the last not closing a sentence.
TEASER_WORDS = (4, 20)
#: How many headline-like lines in a row make a list of other stories.
TEASER_RUN = 2
#: The label over such a list ("More Great Example Stories", "More in Politics", "Next Up In Science", "Related").
LIST_LABEL = re.compile(r"^(?:more|next up|related|recommended|latest|top|popular|trending|also|read next|"
                        r"read more(?=\W*$)|"
                        r"most (?:read|popular|viewed|shared)|you may also|you might also|what to read|don't miss|"
                        r"editor'?s picks)\b.{0,50}$", re.IGNORECASE)
#: Words a list label has at most.
LABEL_WORDS = 8
CAPTION = re.compile(
    r"^(?:image|media|photo|video) ?caption\b|"
    r"\[(?:file|photo|image|pictured)?:?[^\[\]]{0,60}\]$|"  # "... [File: Example Agency]", "[Example via Agency]"
    r"\((?:photo|image|picture)s? (?:by|courtesy|credit)[^()]{0,80}\)$|"  # "(Photo by Jane Doe/Example Images)"
    r"\([^()\s]+(?:\s[^()\s]+){0,3}/[^()]{1,60}\)$|"  # "(NASA/JPL-Caltech/ASU)"
    r"^(?:photo|photograph|image|picture) by\b.{0,60}$|^courtesy (?:of\b)?.{0,60}$|"
    r"^(?:pictured|above|below|top|main picture|inset)\s*:\s*\S|"  # "Pictured: the east quay at dawn"
    r"^(?:[A-Z][\w.'’-]+\s+){1,3}[A-Z][\w.'’-]+,\s*(?:AP|AFP|Reuters|Getty Images|EPA)$",
    re.IGNORECASE)
#: A picture credited to a website after its last sentence ("Posters of the campaign. (example.org)"); a caption only
#: without a reporting verb (:data:`REPORTING`): "Revenue rose, the company said. (example.com)" is a source credit.
WEBSITE_CREDIT = re.compile(r"[.!?”\"]\s*\((?:[\w-]+\.)+[a-z]{2,6}\)$", re.IGNORECASE)
#: Someone's words reported: a story's sentence, not a picture's description.
REPORTING = re.compile(rf"{REPORTED.pattern}|\b(?:reported|reports|reporting|stated|confirmed|quoted|cited)\b",
                       re.IGNORECASE)
_POSITION = r"(?:left|right|cent(?:er|re)|(?:second|third) (?:from )?(?:left|right)|far (?:left|right)|foreground|" \
            r"background)"
#: Who stands where in a picture, as agencies write captions: a capitalised name, then its place ("Jane Doe, left,
#: and John Roe ...", "Jane Doe (right) ..."), or "(background)"/"(foreground)" ("... opposite the settlement
#: (background)"); not a story's "critics on the left, right and center" nor "the lane closures (right)".
POSED = re.compile(
    rf"(?-i:[A-Z][\w.'’-]*),\s*{_POSITION}\s*[,)](?!\s*(?:and\s+)?(?:left|right|cent(?:er|re))\b)|"
    r"(?-i:[A-Z][\w.'’-]*)\s*\((?:left|right|cent(?:er|re))\)|\((?:background|foreground)\)", re.IGNORECASE)
#: A scene closed by its weekday and full date after a comma, as agencies write captions ("... during a campaign stop
#: in Example City, Tuesday, Nov. 19, 2019.", "... at the pier in Example City, on Monday, Nov. 18, 2019."). A story
#: sentence may end on such a date too: after "on" with no comma ("the council voted on Tuesday, Nov. 19, 2019."; not
#: matched), or telling what is to come ("a referendum to be held on Tuesday, Nov. 5, 2024.", "Voters will go to the
#: polls in Example City, Tuesday, Nov. 5, 2024."): those are no captions (:data:`FUTURE`).
POSED_DATE = re.compile(
    rf",\s*(?:on\s+)?{WEEKDAY.pattern}{MONTH}\s*\d{{1,2}},?\s*(?:19|20)\d{{2}}\.?(?:\s*\([^()]*\))?\s*$", re.IGNORECASE)
#: Wording of what is to come, or of an event's date, before a date.
FUTURE = re.compile(r"\b(?:will|shall|to be held|held on|scheduled|set for|due to|planned for)\b", re.IGNORECASE)
#: Words a posed caption has at least (a date line, "Wednesday, November 20, 2019", is shorter).
POSED_WORDS = 8
COMMENTS_HEAD = re.compile(r"^(?:\d+|one|two|three)\s+(?:thoughts?|comments?|responses?|replies)\b"
                           r"(?:\s+(?:on|to)\b.*)?$|"
                           r"^(?:leave a (?:comment|reply)|join the discussion|comments? \(\d+\))$", re.IGNORECASE)
#: A pointer to another story or a promotion of the site ("SEE MORE: ...", "[Related: ...]", "Also on example.com ...",
#: "On Example.com: ...", "Get Example Monthly delivered ...", "Join our forums ...").
POINTER = re.compile(r"^(?:\[\s*related\s*:|(?:see|read|watch) more\s*:|also on [\w.-]+\.[a-z]{2,4}\b|"
                     rf"on [\w.-]+\.{DOMAIN_ENDING}\s*:)|"
                     r"^(?:get|join|support)\b.{0,150}\b(?:our|delivered|subscriptions?|issues for|for as little as|"
                     r"latest updates)\b", re.IGNORECASE)
#: The ClickToTweet box's label glued to a quoted sentence ("... just like offline business.Click To Tweet").
CLICK_TO_TWEET = re.compile(r"\s*Click To Tweet$", re.IGNORECASE)
SENTENCE_END = ".!?:;)\"”’"
#: Words a shouted line needs to be a link (a crosshead in capitals, "WHAT YOU NEED", is shorter).
SHOUTED_WORDS = 7


def headline_like(line: str) -> bool:
    """A few words opening with a capital that do not close a sentence (another story's headline, a crosshead); not a
    list item of the story: a number, a lowercase word, a price or a short label ("Q: ...", "A: ...") opening it."""
    n = len(_words(line))
    if not TEASER_WORDS[0] <= n <= TEASER_WORDS[1] or line.rstrip()[-1:] in SENTENCE_END:
        return False
    first = next((c for c in line if c.isalnum()), "")
    return first.isupper() and not re.match(r"^\w{1,3}:", line) and not re.search(r"[$£€]\s?\d", line)


#: Where a teaser card's headline runs into its summary without a space ("... Student-AthleteA 24-year-old woman ...",
#: "... On The Rise?Violence is part of ..."): a lowercase letter, digit or closing mark, then a capitalised word.
GLUE = re.compile(r"(?<=[a-z0-9?!’”])(?=(?:A|[A-Z][a-z]+)[\s,])")
#: Short words a headline in title case may keep in lowercase.
TITLE_SMALL = frozenset("a an and as at by for from in of on or the to vs with".split())
#: A short capitalised fragment (a capital, then one to three lowercase letters or an apostrophe) before an inner
#: capital: the name's own capital ("De" of "DeVarga", "Le", "Mc", "Mac", "Air" of "AirDeck", "O’"), not glue.
NAME_FRAGMENT = re.compile(r"(?:^|\W)[A-Z](?:[a-z]{1,3}|’)$")


def _names_own_capital(head_end: str, glued: str) -> bool:
    """True when the capital after ``head_end`` continues a name; a function word glued on ("MayThe council ...")
    still starts a summary."""
    return bool(NAME_FRAGMENT.search(head_end)) and glued.casefold() not in TITLE_SMALL


def glued_card(line: str) -> bool:
    """A teaser card copied as one line: a headline in title case (five words or more) glued to a summary sentence of
    six words or more ("Diners Leave Without Paying $690 Bill At Varnby GrillA party of six left ...")."""
    for m in GLUE.finditer(line, 0, 200):
        head, rest = line[:m.start()].split(), line[m.start():].split()
        if len(head) < 5 or len(rest) < 6 or _names_own_capital(head[-1], rest[0].strip(",")):
            continue
        capital = sum(w[:1].isupper() or w[:1].isdigit() for w in head)
        lowercase = sum(w[:1].islower() and w not in TITLE_SMALL for w in head)  # "of", "the" may stay lowercase
        if capital >= 0.7 * len(head) and not lowercase:
            return True
    return False


def shouted(line: str, *, min_words: int = SHOUTED_WORDS) -> bool:
    """A line of ``min_words`` words or more written in capitals (a link to another story, a promotion)."""
    letters = [c for c in line if c.isalpha()]
    return (len(_words(line)) >= min_words and len(letters) >= 12
            and sum(c.isupper() for c in letters) >= 0.9 * len(letters))


def _runs(lines: list[str], pred: Callable[[str], bool], min_len: int) -> list[range]:
    """The runs of ``min_len`` or more lines in a row for which ``pred`` holds, as ranges of indices."""
    out: list[range] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and pred(lines[j]):
            j += 1
        if j - i >= min_len:
            out.append(range(i, j))
        i = max(j, i + 1)
    return out


def list_label(line: str) -> bool:
    """The label over a list of other stories (:data:`LIST_LABEL`, :data:`LABEL_WORDS` words at most), not a sentence
    ("More than half the riders said no." is one)."""
    return bool(LIST_LABEL.match(line)) and len(_words(line)) <= LABEL_WORDS \
        and line.rstrip()[-1:] not in (".", "!", "?")


def _teaser_runs(lines: list[str]) -> set[int]:
    """Indices of lines in runs of :data:`TEASER_RUN` or more headline-like lines, with the label above a run."""
    out: set[int] = set()
    for run in _runs(lines, headline_like, TEASER_RUN):
        i = run.start
        if i > 0 and lines[i - 1].rstrip().endswith(":"):
            continue  # a list the story announces
        out.update(run)
        if i > 0 and list_label(lines[i - 1]):
            out.add(i - 1)
    return out


def _without_card_runs(body: list[str]) -> list[str]:
    """The lines without runs of :data:`TEASER_RUN` or more glued teaser cards (:func:`glued_card`: unmistakable, so a
    story may lose more than half its lines to them, but never all)."""
    drop = {i for run in _runs(body, glued_card, TEASER_RUN) for i in run}
    out = [line for i, line in enumerate(body) if i not in drop]
    return out or body


def posed_caption(line: str) -> bool:
    """A photo caption written as agencies write them (:data:`POSED`, :data:`POSED_DATE`), :data:`POSED_WORDS` words or
    more; not a date line ("Updated 1:39 am EST, Wednesday, November 20, 2019": a date word before the date,
    :data:`~.copy_dates.DATE_WORD`), nor a story's date of what is to come (:data:`FUTURE`)."""
    if len(_words(line)) < POSED_WORDS:
        return False
    if POSED.search(line):
        return True
    dated = POSED_DATE.search(line)
    if dated is None:
        return False
    head = line[:dated.start()]
    return not DATE_WORD.search(head) and not FUTURE.search(head)


def caption(line: str) -> bool:
    """A photo caption: with its credit (:data:`CAPTION`), credited to a website without a reporting verb
    (:data:`WEBSITE_CREDIT`), or posed (:func:`posed_caption`)."""
    return bool(CAPTION.search(line)) or bool(WEBSITE_CREDIT.search(line)) and not REPORTING.search(line) \
        or posed_caption(line)


def dropped(line: str) -> bool:
    """A line the story's cleaning drops wherever it stands: a shouted link (:func:`shouted`), a caption
    (:func:`caption`) or a pointer to another story (:data:`POINTER`) under 400 characters, the head of the readers'
    comments (:data:`COMMENTS_HEAD`: "12 Comments"; a reader's "Jane Roe says:" is left to :func:`comment_head`, a
    story's "Smith said:" reads alike). A glued teaser card goes only in a run (:func:`_without_card_runs`)."""
    return shouted(line) or (len(line) < 400 and (caption(line) or bool(POINTER.search(line)))) \
        or bool(COMMENTS_HEAD.match(line))


def story_lines(body: list[str]) -> list[str]:
    """The lines of a copy's story run without other stories' headlines, shouted links, captions and comments."""
    body = _without_card_runs(body)
    head = next((i for i, line in enumerate(body) if i > 0 and COMMENTS_HEAD.match(line)), None)
    kept = body[:head] if head is not None and head >= len(body) // 2 else body
    drop = _teaser_runs(kept)
    drop.update(i for i, line in enumerate(kept) if dropped(line))
    out = [CLICK_TO_TWEET.sub("", line) for i, line in enumerate(kept) if i not in drop]
    return out if len(out) >= len(body) / 2 else body


# The note about the author that closes a story ("Jane Doe is a freelance writer based in Toronto.").
AUTHOR_NOTE = re.compile(r"^(?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w.'’-]+\s+(?:\([^()]{1,60}\)\s+)?"
                         r"(?:is|was)\s+(?:an?|the)\s+(?:[\w,&-]+\s+){0,6}(?i:writer|reporter|journalist|editor|"
                         r"correspondent|columnist|contributor|author|producer|educator|founder|host|analyst|blogger|photographer|critic|"
                         r"native)\b")


def before_author_note(lines: list[str], kinds: list[str], sizes: list[int], lo: int, hi: int) -> int:
    """The end of a run cut at a note about the author, when half the run's prose is above it (teasers follow)."""
    total = sum(s for k, s in zip(kinds[lo:hi], sizes[lo:hi]) if k == "good")
    above = 0
    for i in range(lo, hi):
        if i > lo and AUTHOR_NOTE.match(lines[i]) and len(lines[i]) < 400 and above >= total / 2:
            return i
        above += sizes[i] if kinds[i] == "good" else 0
    return hi


COMMENT_HEAD = re.compile(r"^[^.!?]{1,100}?\b(?:says|said|wrote|commented)\s*:$", re.IGNORECASE)
#: Who speaks in a story, never a reader's name: pronouns and indefinites ("she says:", "nobody says:").
PRONOUN = re.compile(r"(?i)(?:he|she|they|it|we|i|you|who|one|everyone|someone|anyone|everybody|somebody|anybody|"
                     r"nobody|no one|none|nothing|everything|something|this|that|which|what)\b")
#: A story's speaker opens with an article or a determiner ("The statement said:", "The mayor wrote:", "His lawyer
#: said:"); a reader's name does not.
DETERMINER = re.compile(r"(?i)(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your|every|each|another|"
                        r"some|no|both|all|many|most|several)\b")


def comment_head(line: str) -> bool:
    """The head of a reader's comment: "Jane on September 17, 2018 at 6:34 am said:", "Jane Roe says:", "jdoe42 says:"
    (a line ending in "says:", "said:", "wrote:" or "commented:" with a time or a year; or four words or fewer opening
    with a capital; or a user name alone before "says:"); never a pronoun or a determiner first (:data:`PRONOUN`,
    :data:`DETERMINER`): a story's "She says:", "nobody says:", "The statement said:", "The mayor wrote:" stay."""
    if not COMMENT_HEAD.match(line):
        return False
    dated = bool(re.search(r"\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b", line))
    pronoun = PRONOUN.match(line) or DETERMINER.match(line)
    named = len(line.split()) <= 4 and line[:1].isupper() and not pronoun
    handle = bool(re.fullmatch(r"[\w.-]{3,40}\s+says:", line)) and not pronoun  # "jdoe42 says:", "thelastfan says:"
    return dated or named or handle
