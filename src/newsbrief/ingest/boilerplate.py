"""Lines that are page leftovers, not story: credits, "Read more", copyright, newsletter boxes.

Shared by the HTML reader and the browser-copy reader. Each test is on one stripped line (a paragraph)
and is about the *class* of line, never about a named site.
"""

from __future__ import annotations

import re

# Whole-line furniture (case-insensitive; the whole stripped line must match).
FURNITURE = re.compile(
    r"^(?:advertisement|advert|ad|sponsored|story highlights|share|share this( article| story)?|tweet|email|"
    r"print|save|share (via|on|to) \w+( \w+)?|comments?|more|loading\.*|read more|also read|"
    r"related( coverage| stories| articles| content)?|"
    r"recommended( for you)?|most (read|popular|viewed)|trending( now)?|top stories|see also|"
    r"follow us.*|click here.*|sign (in|up|out).*|log ?(in|out).*|subscribe.*|image|photo|video|gallery|"
    r"continue reading.*|skip to .*|jump to .*|back to top|"
    r"\(with inputs from [^)]*\)|\(with agency inputs\)|\(agencies\)|\[?\d+ (photos?|images?)\]?)$",
    re.IGNORECASE,
)
# A line that opens with a pointer to another story ("Read more: ...", "Related: ...").
POINTER = re.compile(
    r"^(?:read more|read also|also read|related|recommended|see also|more on this|watch|listen|"
    r"read the full|more from)\b\s*[:>|»-]", re.IGNORECASE,
)
# Photo credits and captions ending in a credit: "(Credit: Mira Quell / Example Post)", "Photograph: AFP".
CREDIT = re.compile(
    r"(?:\(\s*(?:photo|image|credit|picture|photograph|illustration)s?(?: credit)?\s*[:/][^)]*\)\s*$|"
    r"\b(?:photograph|photo|image|picture|credit|illustration)s?(?: credit)?\s*:\s*[^.]{0,80}$|"
    r"^(?:photo |image )?credits?\b[^.]{0,60}$|"
    r"\b(?:getty images|afp|reuters|ap photo|associated press|shutterstock|epa)\)?\s*$|"
    r"\((?:[A-Z]{2,5} )?(?:photo|image|picture)s?\s*/[^)]*\)\s*$)",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"(?:©|\(c\)\s*\d{4}|\bcopyright\b\s*(?:©|\d{4})|\ball rights reserved\b)", re.IGNORECASE)
NEWSLETTER = re.compile(
    r"\b(?:sign up (?:for|to)|subscribe to (?:our|the)|newsletter|get (?:our|the) .{0,30}in your inbox|"
    r"delivered (?:straight )?to your inbox|enter your email|unsubscribe at any time|no spam|"
    r"(?:you have|you've) (?:succes+ful+y )?subscribed|activation link|confirm your subscription)\b",
    re.IGNORECASE,
)
# How to reach the author or the outlet ("Email Jane Doe at jdoe@example.com or follow her @jdoe"), and the
# publisher's note ("Example is part of Example Media Inc, an international media group").
CONTACT = re.compile(r"^(?:email|e-mail|contact|follow|reach)\b.{0,80}(?:@|\bat\s+\S+\.\w)|"
                     r"\bis (?:a )?part of\b.{0,60}\b(?:media group|publisher|media company|network)\b", re.IGNORECASE)
COOKIES = re.compile(r"\bcookies?\b.*\b(?:accept|consent|privacy|browsing experience|agree)\b|"
                     r"\b(?:accept|agree)\b.*\bcookies?\b", re.IGNORECASE)
# The site's legal notices and disclaimers, long enough to pass for prose ("The information provided on this website
# ...", "These statements have not been evaluated by ...", "Reproduction ... without express written permission of
# ... is prohibited", "The Example Customer Service Center can be contacted with any questions").
NOTICE = re.compile(
    r"\b(?:(?:information|content) (?:provided|contained|published) (?:on|in) this (?:web ?)?site|"
    r"by using this (?:web ?)?site|statements have not been evaluated by|consult your (?:physician|doctor)|"
    r"(?:is|are) not intended to (?:diagnose|treat|replace)|for (?:general )?informational purposes only|"
    r"(?:reproduction|republication|redistribution)\b.{0,120}\b(?:prohibited|"
    r"without (?:the )?(?:express |prior )?(?:written )?(?:permission|consent))|can be contacted with any questions|"
    r"results (?:may )?vary depending)\b", re.IGNORECASE)
#: The site's disclosure about itself ("Example is supported by its audience. When you purchase through links on our
#: site, we may earn an affiliate commission."): counted only when the site speaks (:data:`SITE_VOICE`), in a short
#: line, and not as someone's reported words; a story's "fans who buy tickets through links shared on social media",
#: "the reader-supported outlet now employs 30 reporters" or "influencers who may earn an affiliate commission must
#: disclose it, the regulator said" stays.
DISCLOSURE = re.compile(
    r"\b(?:is supported by its (?:audience|readers)|(?:reader|audience)-supported|"
    r"may (?:earn|receive) (?:an? )?(?:small )?affiliate commission|(?:buy|purchase|shop)\w* (?:\w+ ){0,2}through "
    r"(?:the |our )?(?:retail )?links)\b", re.IGNORECASE)
#: The site speaking of itself or to its reader: "we", "us" (not "US"), "our", "you", or "this site".
SITE_VOICE = re.compile(r"\b(?:we|our|you|(?-i:us))\b|\b(?:on|from|via) this (?:web ?)?(?:site|page)\b", re.IGNORECASE)
#: Words a disclosure has at most.
DISCLOSURE_WORDS = 40
#: The site's call to its readers, written as furniture is: an imperative at the line start ("Stay up to date with
#: Example Corp.", "Support Example News and make a difference", "Become a member", "Make a contribution", "Donate
#: now"), a heading ("A Word to Our Loyal Readers"), or the site speaking in the first person to "you" ("We do this
#: work every day at no cost to you, ..."). The same words inside a story sentence ("She hoped to become a member
#: of the council", "help farmers stay up to date with prices") are not a call: the pattern holds at the line start.
CALL = re.compile(
    r"^(?:please )?(?:consider )?(?:stay up to date with|"
    r"support(?:ing)? (?:us\b|our (?:work|journalism|reporting)|(?:\w+ ){0,3}journalism|(?:\w+ ){1,3}so we\b|"
    r"(?:\w+ ){0,3}and make a difference)|"
    r"(?:join(?:/| or ))?become an? (?:member|supporter|patron|subscriber)|"
    r"mak(?:e|ing) an? (?:one-time |monthly |small |recurring |tax-deductible )?(?:contribution|donation)|"
    r"donate (?:now|today)|a word to our (?:loyal )?readers)",
    re.IGNORECASE,
)
WE_TO_YOU = re.compile(r"^(?:we|our)\b.{0,80}\bat no cost to you\b", re.IGNORECASE)
#: A reporting verb makes the line a story's account of someone's words ("Support us, the nurses said").
REPORTED = re.compile(r"\b(?:said|says|say|told|tells|according to|urged|asked|added|announced|wrote)\b",
                      re.IGNORECASE)


def is_appeal(text: str) -> bool:
    """True when a stripped line is the site's own call to its readers (see ``CALL``), not a story sentence."""
    if REPORTED.search(text):
        return False
    words = len(text.split())
    return bool(CALL.match(text)) and words < 40 or bool(WE_TO_YOU.match(text)) and words < 80


def is_disclosure(text: str) -> bool:
    """True when a stripped line is the site's disclosure about itself (see :data:`DISCLOSURE`)."""
    return len(text.split()) < DISCLOSURE_WORDS and bool(DISCLOSURE.search(text)) and bool(SITE_VOICE.search(text)) \
        and not REPORTED.search(text)


SOCIAL = re.compile(r"^(?:follow|share on|like us on|find us on)\b.{0,60}$|^@\w+$|"
                    r"^click to (?:share|email|print)\b.{0,60}$", re.IGNORECASE)
#: A comment form's own lines ("Save my name, email, and website in this browser for the next time I comment.",
#: "Your email address will not be published. Required fields are marked *").
COMMENT_FORM = re.compile(r"^save my name, email\b|^your email address will not be published\b|"
                          r"^required fields are marked\b", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    """True when a paragraph is page furniture: a credit, a pointer, copyright, a newsletter box."""
    text = line.strip()
    if not text:
        return True
    if FURNITURE.match(text) or POINTER.match(text) or SOCIAL.match(text) or COMMENT_FORM.match(text):
        return True
    words = len(text.split())
    if COPYRIGHT.search(text) and words < 60:
        return True
    if COOKIES.search(text) and words < 150:
        return True
    if NEWSLETTER.search(text) and words < 40:
        return True
    if CONTACT.search(text) and words < 50:
        return True
    if NOTICE.search(text) and words < 150:
        return True
    if is_disclosure(text):
        return True
    if is_appeal(text):
        return True
    return bool(CREDIT.search(text)) and words < 40 and not text.endswith(('."', ".”"))


def clean_paragraphs(paragraphs: list[str]) -> list[str]:
    """Paragraphs without the boilerplate ones."""
    return [p for p in paragraphs if not is_boilerplate(p)]
