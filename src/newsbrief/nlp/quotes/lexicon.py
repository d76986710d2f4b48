"""The words of reported speech, in one place: speech verbs, cue words and role words.

Every part of newsbrief that asks "is this a verb of saying?" or "is this a word for a person's
role?" reads these sets (the quote rules, the speaker resolver, the entity cues, the tone
features); none keeps a copy. A leaf module: it imports nothing of newsbrief.

The speech-verb lexicon is also the one the PolNeAR benchmark uses to decide which gold
attributions count as reported speech (``benchmarks/quotes.py`` imports :data:`SPEECH_LEMMAS`),
so predictor and evaluation agree on what "speech" is.
"""

from __future__ import annotations

__all__ = [
    "SPEECH_LEMMAS", "COMMON_SPEECH_LEMMAS", "QUOTE_ONLY_LEMMAS", "PERSONAL_SPEECH_LEMMAS", "STANCE_LEMMAS",
    "STATEMENT_LEMMAS", "TITLE_NOUNS", "STATEMENT_OBJECTS", "UNQUOTED_STATEMENT_LEMMAS", "UNQUOTED_STATEMENT_PHRASES",
    "TELL_LIKE", "OBJECT_CONTROL_LEMMAS",
    "NAMING_VERBS", "NP_CONTENT_VERBS", "NO_DOBJ_CONTENT_VERBS", "HEARER_WORDS", "MEDIUM_WORDS",
    "SOURCE_NOUNS", "FINDING_LEMMAS",
    "FICTION_FRAMES", "AUTHOR_PREPOSITIONS", "OFFICIAL_BODY_NOUNS", "PERSONAL_BODY_NOUNS", "ROLE_WORDS",
    "TITLE_ABBREVIATIONS",
    "PERSON_TITLES", "ORG_NOUNS", "PERSON_PRONOUNS",
    "GROUP_PRONOUNS", "RELATIVE_PRONOUNS",
]

# -- speech verbs (lemmas) -------------------------------------------------------------------
#: The verbs said of a person far more than of a thing: a name as their subject is a person
#: ("Smith said", "Jones told"). A subset of :data:`SPEECH_LEMMAS`.
PERSONAL_SPEECH_LEMMAS: frozenset[str] = frozenset(
    "say tell add explain note argue write tweet insist warn ask recall claim".split()
)
#: The most frequent verbs of saying in news, said of people and institutions alike.
COMMON_SPEECH_LEMMAS: frozenset[str] = frozenset(
    """say tell add state write explain argue note announce report insist declare claim tweet respond
    reply ask warn acknowledge admit""".split()
)
#: Verbs that report speech and may introduce indirect speech (``X said (that) ...``).
SPEECH_LEMMAS: frozenset[str] = COMMON_SPEECH_LEMMAS | PERSONAL_SPEECH_LEMMAS | frozenset(
    """confirm deny predict promise vow remark comment complain contend concede assert maintain
    testify stress emphasize emphasise reiterate repeat observe allege charge caution answer mention
    disclose reveal boast brag whisper shout yell scream inform assure quip joke exclaim retort
    counter""".split()
)
#: Verbs accepted only as the cue of a direct quote next to them (``Caddick continued: "..."``).
QUOTE_ONLY_LEMMAS: frozenset[str] = frozenset(
    """continue laugh begin conclude chant sing pray read open close agree recount interject
    summarize summarise offer put""".split()
)
#: Verbs of a public statement whose content is their object, not a clause (``Vietnam has accused Beijing of
#: ...``, ``The UK has urged an end to ...``, ``X called for ...``, ``X pledged to ...``): taken only with a
#: named speaker as the active subject, since a common-noun subject is most often not a source.
STATEMENT_LEMMAS: frozenset[str] = frozenset(
    """accuse urge criticise criticize condemn denounce pledge welcome blame demand slam praise""".split()
)
#: Things a quote beside them names (``condemned the headline, "..."``, ``blamed the sign, "..."``): a
#: statement verb's object among these makes the quote next to it a title, any other object keeps the cue.
TITLE_NOUNS: frozenset[str] = frozenset(
    """slogan headline sign banner motto title caption hashtag book song poster placard billboard label
    tagline catchphrase chant film album poem booklet leaflet ad advert advertisement tweet post""".split()
)
#: Objects that make any verb before a quote its cue (``issued a statement: "..."``, ``rejected the claim,
#: "..."``): the quote is the subject's statement.
STATEMENT_OBJECTS: frozenset[str] = frozenset(
    "statement claim warning message remark comment reply response apology promise plea".split()
)
#: Statement verbs of institutions whose words are reported without quote marks (``The agency recommends that
#: ...``, ``X advised travellers to ...``): taken unquoted when an organisation is the subject.
UNQUOTED_STATEMENT_LEMMAS: frozenset[str] = frozenset("recommend advise".split())
#: Verb + particle or preposition that make a statement taken unquoted: ``X ruled out ...``, ``X asked Y about
#: ...`` (a question in a hearing). Not ``called for``: unquoted, PolNeAR dev never counts it as speech (10 of
#: 10 taken were no attribution there; F1 0.821 to 0.817).
UNQUOTED_STATEMENT_PHRASES: frozenset[tuple[str, str]] = frozenset({("rule", "out"), ("ask", "about")})
#: Verbs of stance that are not speech but tell a holder's view (``X believes``, ``X called Y ...``).
STANCE_LEMMAS: frozenset[str] = frozenset("suggest describe call believe think".split())
#: Speech verbs whose object is the hearer, not the content (``told reporters``).
TELL_LIKE: frozenset[str] = frozenset({"tell", "ask", "inform", "assure"})
#: Verbs whose object does what their ``to`` clause says (``led the manufacturer to announce``): the object
#: is the speaker of a speech verb there.
OBJECT_CONTROL_LEMMAS: frozenset[str] = frozenset(
    "lead urge ask force prompt push cause encourage persuade convince invite pressure compel".split()
)
#: Verbs that name something with a quoted label (``X called Y "a disgrace"``).
NAMING_VERBS: frozenset[str] = frozenset({"call", "describe", "label", "dub", "brand", "term", "deride", "praise"})
#: Speech verbs whose noun object is the content (``announced a benefit concert``).
NP_CONTENT_VERBS: frozenset[str] = frozenset({"announce", "confirm", "deny", "reveal", "disclose", "report"})
#: Speech verbs whose direct object is never the content (the hearer or the thing denied).
NO_DOBJ_CONTENT_VERBS: frozenset[str] = frozenset(
    {"tell", "ask", "inform", "assure", "answer", "deny", "confirm", "mention", "report"}
)

# -- cue words -------------------------------------------------------------------------------
#: The hearers of a ``tell``-like cue, kept in the cue text (``told reporters``).
HEARER_WORDS: frozenset[str] = frozenset(
    {"reporters", "journalists", "the press", "press", "audience", "crowd", "supporters", "lawmakers"}
)
#: The medium of a cue, kept in the cue text (``said in a statement``).
MEDIUM_WORDS: frozenset[str] = frozenset(
    {"statement", "tweet", "interview", "email", "letter", "post", "release", "speech", "memo", "op-ed"}
)
#: The works whose characters speak (``In the series, detective X tells ...``, ``..., X says in one scene``): the
#: speech of a story, not news. Not "book", "documentary", "video" or "ad": their speakers are real people; not
#: "game": a coach or a player speaks in one. A frame alone makes no character (a host speaks in an episode,
#: a councillor in a meeting called a drama): ``mention.in_fiction`` also wants a story signal.
FICTION_FRAMES: frozenset[str] = frozenset(
    """film movie series miniseries episode scene sitcom drama trailer novel sequel prequel musical
    cartoon""".split()
)
#: What a source publishes: ``according to a report by X``, ``guidance from X`` speak for X.
SOURCE_NOUNS: frozenset[str] = MEDIUM_WORDS | frozenset(
    """report guidance data figure figures study survey analysis estimate estimates note filing research
    poll document documents record records account announcement article story review test tests finding
    findings""".split()
)
#: Verbs that report a document's finding ("a study by X found that ..."): a cue only for a source noun whose
#: author is named.
FINDING_LEMMAS: frozenset[str] = frozenset({"find", "show", "conclude"})
#: The prepositions that join a source noun to its author (``a report by X``, ``guidance from X``); not "of",
#: which more often names what the source is about (``a survey of voters``, ``an analysis of the data``).
AUTHOR_PREPOSITIONS: frozenset[str] = frozenset({"by", "from"})

# -- role words and pronouns ------------------------------------------------------------------
#: Nouns that name a person by the role they hold: a speaker called so ("the spokesman said")
#: is resolved to the person introduced with that role.
ROLE_WORDS: frozenset[str] = frozenset(
    """president spokesman spokeswoman spokesperson minister secretary chief leader governor senator
    mayor chairman chairwoman chair director ceo candidate nominee ambassador general commander
    adviser advisor aide lawyer attorney prosecutor judge premier chancellor king queen prince
    speaker representative congressman congresswoman official envoy head founder executive manager
    coach owner author professor economist strategist pollster analyst father mother wife husband
    son daughter sheriff officer trooper superintendent commissioner colonel captain admiral inspector
    detective sergeant lieutenant""".split()
)
#: Epithets that describe the one person news uses them for instead of the name ("the billionaire
#: businessman"), read by ``epithets.topic_person``. Only words said of a person's own standing: not a role or
#: title (the doctor, the judge, the officer are most often someone dealing with the person written about),
#: nor a word that more often names the other side of a story (activist, investor, challenger, incumbent,
#: front-runner, politician: docs/speakers.md, "Review fixes").
EPITHET_NOUNS: frozenset[str] = frozenset(
    """businessman businesswoman billionaire millionaire tycoon mogul magnate""".split()
)
#: Words that make a role a past one ("the former president", "her predecessor"): never the sitting holder.
FORMER_WORDS: frozenset[str] = frozenset("former ex outgoing predecessor erstwhile".split())
#: Other nouns for one person ("the retired neurosurgeon", "the activist"): no epithet of the person just written
#: about, yet a person, so a "he" after it stays that unnamed one.
PERSON_NOUNS: frozenset[str] = frozenset(
    """entrepreneur investor front-runner frontrunner hopeful contender challenger incumbent lawmaker
    legislator politician neurosurgeon campaigner activist""".split()
)
#: Words for one who asks the questions ("the reporter asked"): the reply after it is the other's.
QUESTIONER_NOUNS: frozenset[str] = frozenset("reporter correspondent interviewer journalist questioner host".split())
#: Roles held for someone else ("the spokesman", "the lawyer"): never an epithet of the person they speak for.
PROXY_ROLES: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney official representative envoy
    secretary assistant agent publicist""".split()
)
#: Abbreviated titles before a name and the role word they stand for ("Gov. Eric Holloway" ... "the governor
#: said"; "Sen.", "Rep.", "Gen."), read with or without the full stop.
TITLE_ABBREVIATIONS: dict[str, str] = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "col": "colonel",
    "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "adm": "admiral", "supt": "superintendent",
    "pres": "president", "prof": "professor", "atty": "attorney", "sec": "secretary", "amb": "ambassador",
    "cmdr": "commander", "insp": "inspector", "det": "detective", "cpl": "corporal", "maj": "major",
}
#: Titles and roles written before a person's name ("Mr", "Senator", "coach", "spokesman"): the name
#: after one is a person (entity cues); read through ``newsbrief.nlp.lexicon.lexicon()["person_titles"]``.
PERSON_TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms miss dr sir dame lord lady prof professor president senator sen rep gov governor judge
    justice mayor minister chancellor king queen prince princess pope rev father sister brother
    uncle aunt son daughter wife husband mother actor actress singer director writer author skipper
    ranger inspector officer sergeant captain general colonel lieutenant coach chairman ceo
    spokesman spokeswoman secretary ambassador emperor leader star chief editor founder co-founder
    manager analyst expert economist lawyer attorney adviser advisor commissioner fellow veteran
    photographer reporter correspondent host executive premier candidate nominee elder dean cardinal
    bishop rabbi imam sheikh chef player striker goalkeeper midfielder defender champion model
    rapper comedian musician artist designer scientist researcher doctor nurse teacher student
    farmer fisherman physician surgeon paediatrician pediatrician psychiatrist medic paramedic""".split()
)
#: Nouns that refer back to an organisation named before ("the airline said", "the agency added").
ORG_NOUNS: frozenset[str] = frozenset(
    """company firm corporation business group agency airline carrier automaker carmaker maker
    manufacturer brokerage bank lender insurer retailer publisher broadcaster network newspaper
    paper magazine outlet organization organisation ministry department military
    army navy force police service office commission committee council authority government
    administration court union party club team studio label giant startup developer operator
    provider regulator institute university school hospital charity foundation association
    campaign watchdog""".split()
)
#: The last words of an organisation's name that say it is what a synonym describes ("Kestrel Airways" is "the
#: carrier", "Dunmore Motors" "the automaker"): read by ``coref.named_as`` beside the noun itself.
_CAR_WORDS: frozenset[str] = frozenset({"motors", "motor", "automotive", "auto", "automobiles"})
ORG_KIND_WORDS: dict[str, frozenset[str]] = {
    "carrier": frozenset({"airline", "airlines", "airways"}),  # not "air": "Dunmore Air" may carry freight
    "automaker": _CAR_WORDS,
    "carmaker": _CAR_WORDS,
    "lender": frozenset({"bank", "bancorp", "bankshares"}),
    "insurer": frozenset({"insurance", "assurance"}),
    "broadcaster": frozenset({"broadcasting", "television", "tv", "radio"}),
    "retailer": frozenset({"stores", "store", "mart"}),
}
#: The synonyms a public bank is not ("the lender" is never "The European Central Bank") and the words that
#: make a bank's name a public one.
PUBLIC_BANK_NOUNS: frozenset[str] = frozenset({"lender"})  # "the bank" may be the central bank itself
PUBLIC_BANK_WORDS: frozenset[str] = frozenset({"central", "reserve", "world", "development", "investment"})
#: Verbs that say their subject died ("Tom Hadley died"), and those that say so in the passive ("was murdered").
DEATH_VERBS: frozenset[str] = frozenset("die perish drown".split())
KILL_VERBS: frozenset[str] = frozenset("kill murder slay stab shoot strangle execute".split())
#: Verbs said of one things are done to (a patient, a suspect, the dead): their subject is no epithet's person
#: ("Tom Hadley died on Monday ... the editor said").
PATIENT_VERBS: frozenset[str] = DEATH_VERBS | frozenset("flee escape plead survive undergo suffer".split())
#: Verbs of a deal between two parties ("Harlow agreed to buy Pellan"): the object's buyer is a second party.
DEAL_VERBS: frozenset[str] = frozenset("buy acquire purchase take merge sue absorb".split())
#: Words that bring in someone new ("a spokesman", "one official", "another aide").
INDEFINITE_WORDS: frozenset[str] = frozenset({"a", "an", "another", "one", "some", "any"})
#: Nouns said of a business ("shares of Pellan", "Pellan's chief executive"): what makes an organisation "the
#: company" (``epithets.topic_org``).
BUSINESS_NOUNS: frozenset[str] = frozenset(
    """share stock profit sale revenue earnings shareholder investor customer executive ceo chairman factory
    plant store product brand""".split()
)
#: Descriptions of a business ("Vantor Corp." is "the company": its last word is one of the entity lexicon's
#: ``company_suffixes``, see ``coref.named_as``).
COMPANY_NOUNS: frozenset[str] = frozenset("company firm corporation business".split())
#: The organisation nouns that say a body is no business ("Ministry of Health", "Harlow Select Committee", "the
#: police"): :data:`ORG_NOUNS` less the business kinds, with the names of assemblies and public offices.
PUBLIC_BODY_NOUNS: frozenset[str] = (
    ORG_NOUNS
    - COMPANY_NOUNS
    - frozenset(
        """group airline carrier automaker carmaker maker manufacturer brokerage bank lender insurer retailer
        publisher broadcaster network newspaper paper magazine outlet studio label giant startup developer
        operator provider club team""".split()
    )
) | frozenset("bureau board parliament assembly congress senate college academy treasury federation".split())
#: Relatives: "Dorn's wife, Elena," names a person whatever label the model gave the name (a job such as
#: "owner" or "founder" can be held by a company: "The arena's owner, Harbor Holdings").
FAMILY_NOUNS: frozenset[str] = frozenset(
    """wife husband mother father son daughter brother sister uncle aunt cousin niece nephew grandmother
    grandfather grandson granddaughter widow widower fiancee fiance stepfather stepmother stepson
    stepdaughter""".split()
)
#: A party's member described by the party ("the Illinois Democrat said"): a person, as "the senator" is; so
#: is one described by where they come from ("the Texan said"). A nation named by its adjective ("The French",
#: "The British", "The Chinese", "The Swiss said": these endings) is a people, not one person.
PARTY_MEMBER_WORDS: frozenset[str] = frozenset(
    """democrat republican conservative tory liberal socialist communist labourite libertarian green
    independent""".split()
)
PEOPLE_ENDINGS: tuple[str, ...] = ("ch", "sh", "ese", "ss")
#: The organs of a state: with the state named before them ("China's commerce ministry", "the US military",
#: "The French foreign ministry") they are a named organisation, not an unnamed group.
OFFICIAL_BODY_NOUNS: frozenset[str] = frozenset(
    "ministry military government army navy embassy parliament cabinet department consulate".split()
)
#: What speaks for one person ("his office said", "the senator's campaign said"): the person is the speaker.
PERSONAL_BODY_NOUNS: frozenset[str] = frozenset({"office", "campaign"})
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "them", "it", "we"})
RELATIVE_PRONOUNS: frozenset[str] = frozenset({"who", "which", "that", "whom"})
