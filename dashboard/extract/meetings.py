"""Meetings between officials about the conflict: date, venue, body, participants and status.

A sentence states a meeting when it has a meeting word and at least a date, a named body or a venue.
Mentions of the same meeting within a report are merged (same date, compatible body and venue);
mentions across reports are merged later (dashboard.reconcile, dashboard.queries.meetings).

Size: one module because a meeting's date, venue, body and status are read from the same clause by
patterns that share their private word lists and clause splitting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from dashboard.extract.actors import one_country
from dashboard.extract.dates import MONTH_NUMBER, RANGE_DAYS, DateMention, find_dates, range_end, with_ranges
from dashboard.extract.lexicon import (
    COUNTRY_CUES,
    GOVERNMENT_SEATS,
    MONTHS,
    NOT_PLACE_NAMES,
    WEEKDAYS,
    Guarded,
    folded,
    guarded,
    initials,
    precheck,
    starting_with,
    table,
    whole_words,
    word_pattern,
    words,
)
from dashboard.extract.numbers import parse_amount
from dashboard.extract.sentences import SENTENCE_CACHE, Sentence
from dashboard.gazetteer import Place, gazetteer
from dashboard.records import Evidence, Meeting, PlaceMention

MEETING = (
    r"meet|meets|meeting|met|talks|convened|convene|convenes|summit|session|negotiations|gathered"
    r"|conference|consultations|host|hosts|hosted|hosting|discussion|discussions"
    # "the commanders have sat down together", "sat down with his counterpart": sitting down with another is meeting
    r"|sat down together|sit down together|sits down together|sat down with|sit down with|sits down with"
)
# A signing by both sides described as an event is a held meeting ("the ministers signed the
# declaration in Kuala Lumpur"); an agreement named only as a document is not.
SIGNING = r"signed|signing|inked"
MEETING_WORDS = folded(starting_with(initials(MEETING), rf"\b(?:{MEETING})\b"))
SIGNING_WORDS = re.compile(starting_with(initials(SIGNING), rf"\b(?:{SIGNING})\b"), re.I)
SIGNING_EVENT = re.compile(
    r"\bsigning (?:ceremony|took place|was held)|\b(?:was|were|been) signed by\b"
    r"|\b(?:both|two|and|ministers|leaders|delegations|co-?chairs?|counterparts)\b[^.;]{0,80}"
    r"(?<!Declaration )(?<!Agreement )(?<!Accord )(?<!Accords )(?<!Treaty )(?<!Statement )(?<!deal )(?<!pact )"
    r"\bsigned\b(?! (?:in|on|last) )",
    re.I,
)
MEETING_CHECK = precheck(MEETING, SIGNING)
# One side's own meetings, calls, letters and press events (dashboard/data/lexicon/meeting_cues.csv,
# one_side_bodies.csv): masked before looking for a meeting and its date.
_NOT_MEETING_WORDS = words("meeting_cues", "not-meeting")
_ONE_SIDE = words("one_side_bodies")
# Talks named as what an account tells of ("conflicting accounts of the talks", "a readout of the meeting"): a date
# beside them is the account's, not the talks' (meeting_cues.csv, kind "account").
_ACCOUNTS = words("meeting_cues", "account")
NOT_MEETINGS = re.compile(
    rf"\b(?:{word_pattern(_NOT_MEETING_WORDS)}"
    rf"|(?:a |an |the )?(?:meeting|session) of (?:the )?(?:{word_pattern(_ONE_SIDE)})"
    rf"|(?:{word_pattern(_ACCOUNTS)}) (?:of|on|about|from) (?:the |their |its |a |an )?(?:[\w-]+ )?"
    r"(?:talks|meetings?|discussions|negotiations|sessions?|summit))s?\b",
    re.I,
)
NOT_MEETINGS_CHECK = precheck(
    word_pattern(tuple(w.split()[0] for w in _NOT_MEETING_WORDS) + _ACCOUNTS + ("meeting", "session"))
)
# (body, family, pattern): the family says which bodies can be the same meeting in two reports.
BODIES = [
    ("General Border Committee", "border", r"General Border Committee|\bGBC\b"),
    ("Joint Boundary Commission", "border", r"Joint Boundary Commission|\bJBC\b"),
    # the regional army commanders of both sides meet as the Regional Border Committee (agreements.csv,
    # rbc-met-putrajaya)
    (
        "Regional Border Committee",
        "border",
        r"Regional Border Committee|\bRBC\b|(?i:\bregional (?:army |military )?commanders\b)",
    ),
    ("Joint Border Affairs Committee", "border", r"Joint Border Affairs Committee"),
    (
        "military talks",
        "border",
        r"(?i:defen[cs]e officials|military representatives|defen[cs]e ministers"
        r"|military officials|army commanders|military commanders)",
    ),
    ("ASEAN Summit", "asean-summit", r"ASEAN (?i:summit)"),
    (
        "special ASEAN foreign ministers' meeting",
        "asean",
        r"(?:ASEAN|Southeast Asia)(?:.*)\b(?:[Ff]oreign|diplomatic) [Mm]inisters"
        r"|\b(?:[Ff]oreign|diplomatic) [Mm]inisters.*(?:ASEAN|Southeast Asia)|special ASEAN",
    ),
    ("envoy meeting", "envoy", r"\b[Ee]nvoy\b"),
]


def _cue_words(kind: str) -> Guarded:
    """A word list of meeting_cues.csv as a pattern, guarded by the words themselves."""
    cues = words("meeting_cues", kind)
    return guarded(re.compile(rf"\b(?:{word_pattern(cues)})\b", re.I), *(w.lower() for w in cues))


PROPOSED = _cue_words("proposed")
POSTPONED = _cue_words("postponed")
CANCELLED = _cue_words("cancelled")
# A crowd that gathered to protest is not talks (meeting_cues.csv, kind "protest").
_PROTEST_WORDS = word_pattern(words("meeting_cues", "protest"))
PROTEST = re.compile(starting_with(initials(_PROTEST_WORDS), rf"\b(?:{_PROTEST_WORDS})\b"), re.I)
GATHERED = re.compile(r"\bgathered\b", re.I)
# People who gathered are a crowd, not talks: residents, villagers, evacuees (meeting_cues.csv, kind "crowd").
_CROWD_WORDS = word_pattern(words("meeting_cues", "crowd"))
CROWD_GATHERED = guarded(
    re.compile(starting_with(initials(_CROWD_WORDS), rf"\b(?:{_CROWD_WORDS})\b[^.;]{{0,80}}?\bgathered\b"), re.I),
    "gathered",
)
# A meeting told as not taking place: a meeting word with "no" as its determiner ("no talks have been scheduled",
# "no new GBC meeting"; not "no date for the talks", where "no" is another noun's), a meeting verb negated ("the two
# sides have not met", "have yet to meet", "refused to meet"), or talks told as not held or set ("talks have not yet
# been scheduled").
_MEETING_NOUNS = r"talks|meetings?|negotiations|sessions?|summits?|discussions|consultations"
_NOT_A_MODIFIER = r"for|of|on|about|to|with|in|at|the|a|an|from|by|date|day|time|venue|word|sign|news|plans?"
_NOT_CONTRACTED = r"(?:did|do|does|have|has|had|wo|would|could|is|are|was|were)n['’]t"
_NEGATIONS = rf"not|never|{_NOT_CONTRACTED}|yet\s+to|refused\s+to|declined\s+to"
NEGATED_MEETING = re.compile(
    rf"\bno\s+(?:(?!(?:{_NOT_A_MODIFIER})\b)[\w'’-]+\s+){{0,3}}?(?:{_MEETING_NOUNS})\b"
    rf"|\b(?:{_NEGATIONS})\s+(?:yet\s+|ever\s+)?(?:met|meet|meeting)\b"
    rf"|(?<!\bof )(?<!\bof the )\b(?:{_MEETING_NOUNS})\s+(?:[\w'’-]+\s+){{0,8}}?"
    rf"(?:(?:has|have|had|was|were|is|are)\s+(?:not|never)|{_NOT_CONTRACTED})\s+(?:yet\s+)?(?:been\s+)?"
    r"(?:held|scheduled|convened|arranged|planned)\b",
    re.I,
)
NEGATED_CHECK = precheck(
    r"no|not|never|didn|don|doesn|haven|hasn|hadn|won|wouldn|couldn|isn|aren|wasn|weren|yet|refused|declined"
)
# A clause of another event the meeting is set against ("the meeting came days after a claim that troops had fired
# on Wednesday", "met on Monday after clashes in Trat"): from after/before/following to the clause's end, when no
# meeting word, signing or word of the meeting's standing (a proposal, a postponement) is in it. Its dates, places
# and parties are that event's ("followed"/"preceded" too: "the session followed shelling near Chong Chom").
# What makes such a clause tell an event, not a time ("before the end of the month in Trat" is the meeting's time and
# place): a word of another event (the fighting, a ceasefire), a verb's past or -ing form, or a "that" clause.
EVENT_TOLD = re.compile(
    rf"\b(?:{word_pattern(words('meeting_cues', 'other-event'))})\b"
    r"|\b(?!(?:morning|evening|during)\b)[a-z]{2,}(?:ed|ing)\b|\bthat\b",
    re.I,
)
OTHER_CLAUSE = re.compile(
    r"\b(?:after|before|following|followed|preceded)\s+(?:by\s+)?"
    r"(?!(?:noon|midnight|dawn|dusk|daybreak|sunrise|sunset|day|days|week|morning|afternoon|evening|night|\d)\b)"
    r"[^,;:().]*",
    re.I,
)
# Events whose dates are not a meeting's: a date is the meeting's only when the event word nearest it is a
# meeting word ("the July 28 ceasefire agreement", "fighting persisted on Dec 23" are not).
_OTHER_EVENT_WORDS = word_pattern(words("meeting_cues", "other-event"))
OTHER_EVENT = re.compile(starting_with(initials(_OTHER_EVENT_WORDS), rf"\b(?:{_OTHER_EVENT_WORDS})\b"), re.I)
MEETING_ANCHOR = re.compile(r"\b(?:held|hold|take place|took place|signed|signing)\b", re.I)
# "ahead of the GBC meeting": that meeting is a later one; its words and body are not this clause's.
_LATER_WORDS = word_pattern(words("meeting_cues", "later-meeting"))
LATER_MEETING = re.compile(
    starting_with(
        initials(_LATER_WORDS),
        rf"\b(?:{_LATER_WORDS})\b[^.;]{{0,100}}?\b(?:meeting|meetings|talks|session|summit)\b",
    ),
    re.I,
)
# "originally set to be held in Phnom Penh", "move the talks from Trat": where the meeting is no longer. "rather than
# in Kuala Lumpur", "instead of at Trat": the place set aside for the one the clause gives.
_FORMER_WORDS = word_pattern(words("meeting_cues", "former-venue"))
FORMER_VENUE = re.compile(
    starting_with(
        initials(_FORMER_WORDS, "rather|instead"),
        rf"\b(?:{_FORMER_WORDS})\b[^.;,]{{0,60}}$|\b(?:rather than|instead of)\s+(?:(?:in|at)\s+)?(?:the\s+)?$",
    ),
    re.I,
)
# "from Trat", "from Thailand's Chanthaburi province": the venue a move leaves (when the move is only requested,
# the venue the meeting still has).
MOVED_FROM = re.compile(r"\bfrom\s+(?:the\s+)?(?:[A-Z]\w+'s?\s+)?$")
# "the truce agreement signed in Kuala Lumpur": a place a document names as where it was signed or made, in a
# clause about another meeting, is not that meeting's venue.
# Guarded by its verbs (most stretches before a place have none: the end-anchored pattern is not tried at each
# of their positions).
_SIGNED_VERBS = ("signed", "reached", "agreed", "concluded", "adopted")
DOCUMENT_SIGNED_IN = guarded(
    re.compile(
        rf"\b(?:{word_pattern(words('meeting_cues', 'document'))})\s+(?:(?:was|were)\s+)?"
        rf"(?:{'|'.join(_SIGNED_VERBS)})\s+(?:in|at)\s+(?:the\s+)?$",
        re.I,
    ),
    *_SIGNED_VERBS,
)
# "as agreed in Putrajaya", "as announced in Phnom Penh": a clause of comparison; its place is where the agreeing or
# announcing was, not the meeting's.
# Also a participle of agreeing after the meeting ("the GBC meeting agreed in Putrajaya for 4 August").
AS_DONE_IN = re.compile(
    r"(?:\bas\s+(?:[a-z]+ly\s+)?[a-z]+ed|\b(?:agreed|decided|announced|promised|reached))\s+"
    r"(?:(?:last|this)\s+\w+\s+)?(?:in|at)\s+(?:the\s+)?$",
    re.I,
)
# "was moved to Chanthaburi", "will instead be held in Trat": the venue that replaced the one first set.
NEW_VENUE = re.compile(rf"\b(?:{word_pattern(words('meeting_cues', 'new-venue'))})\b", re.I)
_MOVED_TO = guarded(
    re.compile(rf"\b(?:{word_pattern(words('meeting_cues', 'new-venue'))})\s+(?:the\s+)?$", re.I),
    *(w.lower() for w in words("meeting_cues", "new-venue")),
)
# "move the GBC meeting to Malaysia", "moved the talks to", "will now be held": the meeting left its first venue.
_MOVE_WORDS = word_pattern(words("meeting_cues", "move"))
MOVED = re.compile(
    starting_with(
        initials(_MOVE_WORDS, "will|would|instead"),
        rf"\b(?:{_MOVE_WORDS})\s+(?:it\s+|(?:the\s+)?(?:[\w()'-]+\s+){{0,5}}?"
        r"(?:meeting|talks|venue|session|discussions)\s+)?to\b|\b(?:will|would) now be held\b|\binstead\b",
    ),
    re.I,
)
# A venue told as settled anew: "will be held in Chanthaburi rather than in Kuala Lumpur" (the place set aside after the
# one given), "both sides agreed to hold the meeting at the checkpoint" (the two parties' agreement on where).
VENUE_SETTLED = guarded(
    re.compile(
        r"\b(?:rather than|instead of)\s+(?:in|at)\b"
        r"|\bagreed\s+to\s+(?:hold|host|convene)\s+(?:the|their|its)\s+(?:[\w'’-]+\s+){0,3}?"
        r"(?:meeting|talks|session|negotiations)\s+(?:in|at)\b",
        re.I,
    ),
    "rather than",
    "instead of",
    "agreed to",
)
# "met as planned", "went ahead as scheduled": a clause of comparison ("as" and a participle) says the meeting kept to
# its plan, not that it is still to come.
FUTURE = folded(
    r"(?<!\bas )\b(?:will|would|shall|might|could|to meet|to hold|scheduled|set to|is to|are to|plan\w*"
    r"|upcoming|next|due to|expected|later this)\b|\bmay\b"
)
# A party is named by its country, its people or its leaders (country_cues.csv), not by its capital: "met Hun Manet in
# Phnom Penh" names Cambodia once, as the one met.
_PARTY_CUES = {code: tuple(w for w in COUNTRY_CUES[code] if w not in GOVERNMENT_SEATS) for code in ("TH", "KH")}
PARTICIPANTS = [
    ("Thailand", whole_words(_PARTY_CUES["TH"])),
    ("Cambodia", whole_words(_PARTY_CUES["KH"])),
    ("ASEAN", r"\bASEAN\b|Southeast Asian"),
    ("Malaysia", r"\bMalaysian?\b"),
    ("China", r"\bChina\b|\bChinese\b"),
    ("United States", r"\bUnited States\b|\bU\.?S\.?\b"),
    ("Singapore", r"\bSingapore(?:an)?\b"),
]
# "held on the Thai side of the border", "at a checkpoint on the Cambodian side": a place, not a participant.
SIDE_OF_BORDER = re.compile(
    r"\b(?:on|at|from|to) the (?:Thai|Cambodian) side\b"
    # "in Thailand's Chanthaburi province", "at Cambodia's Koh Kong": a place named with its country
    r"|\b(?:in|at|near|from|to)\s+(?:Thailand|Cambodia)['’]s(?=\s+(?-i:[A-Z]))",
    re.I,
)
# A date that says when something was said, announced or proposed, not when the meeting is: "said on
# Monday", "announced on Friday that …", "On July 31, the minister invited …".
SPEECH_VERBS = (
    r"said|says|announced|announces|confirmed|confirms|told|stated|added|noted|reported|declared|invited"
    r"|proposed|requested|wrote|posted|tweeted|agreed|revealed|disclosed"
)
SPEECH_BEFORE = re.compile(
    starting_with(
        initials(SPEECH_VERBS),
        rf"\b(?:{SPEECH_VERBS})\s+(?:(?:a|an|the)\s+)?"
        r"(?:(?:to\s+)?(?:reporters|journalists|the media|the press|lawmakers|parliament|Reuters|[A-Z]{2,})\s+"
        r"|(?:on|in|to|via)\s+(?:a\s+|the\s+|his\s+|her\s+|its\s+)?\w+(?:\s+\w+)?\s+)?"
        r"(?:on|last|this)?\s*$",
    ),
    re.I,
)
SPEECH_AFTER = re.compile(rf"\b(?:{SPEECH_VERBS})\b", re.I)
# A dateline: "KUALA LUMPUR, Dec 22 -", "Amman, July 28 (Petra) -" at the start of the text; its place may be named
# with its region ("YUXI, Yunnan, Dec. 30 -") or be two cities ("KUALA LUMPUR/BANGKOK, Dec 23 -").
DATELINE = re.compile(r"^(?:date \S+\s+)?[A-Z][\w'./ ]{1,30}(?:,\s*[A-Z][\w'. ]{1,30}){0,2},\s*$")
# "will be held", "to be held": the passive of a plan, not a past ("has been held" stays past by "has").
PAST = folded(r"\b(?:met|(?<!\bbe )held|took place|was|were|did|had|last|convened|signed|ended|concluded|agreed)\b")
# "the meeting agreed for 4 August", "talks set for Monday": the day a meeting is set for.
FOR_DAY = re.compile(r"\b(?:meeting|talks|session|summit)\b[^,;.]{0,40}\bfor\s+(?:the\s+)?$", re.I)
# "outcomes to be achieved before Thursday": a deadline, not the day of a meeting.
DEADLINE = re.compile(r"\b(?:before|by|until|no later than)\s+(?:this\s+|next\s+)?$", re.I)
SINCE = re.compile(r"\b(?:since|reignited|resumed|erupted|broke out|flared)\b(?:\s+\S+){0,5}\s+$", re.I)
# "in Chanthaburi", "at the checkpoint near Chanthaburi province", "in Prum, Pailin province" (Prum unknown)
_VENUE_WORDS = "in|at|near|held in|hosted in|hosted at|hosted by"
VENUE_BEFORE = re.compile(
    starting_with(
        initials(_VENUE_WORDS),
        rf"\b(?:{_VENUE_WORDS})\s+(?:the\s+)?"
        r"(?:[A-Z][\w'-]*\s*,\s+|(?:[A-Z]\w+\s+)?(?:city|capital|town|province|district)\s+of\s+"
        # "in Thailand's Chanthaburi province": the place named with the country it is in
        r"|(?:[A-Z]\w+['’]s\s+))?$",
    ),
    re.I,
)


FAMILY = {body: fam for body, fam, _ in BODIES}
# Bodies named only by who meets ("military talks"): a mention of one can be of any meeting of its family's bodies.
GENERIC_BODIES = frozenset({"military talks"})


def same_body(body: str | None, family: str | None, bodies) -> bool:
    """Whether a mention of `body` (of body family `family`) can be of a meeting some reports give `bodies`: the
    same body, or, for a mention that names its body only by who meets (or names none), any body of its family."""
    if body and body not in GENERIC_BODIES:
        return body in bodies
    return family is not None and any(FAMILY.get(b) == family for b in bodies)


_PARTICIPANT_RX = [(name, re.compile(pattern)) for name, pattern in PARTICIPANTS]
_BODY_RX = [(body, family, re.compile(pattern)) for body, family, pattern in BODIES]


# "the Joint Border Committee (GBC)": the abbreviation in brackets names the body whatever the words before it.
_BRACKETED = re.compile(r"\(([A-Z]{2,5})\)")


# Two named committees joined before a plural meeting word ("the upcoming GBC and RBC meetings", "the General
# Border Committee (GBC) and the Regional Border Committee (RBC) meetings"): two meetings, one of each.
_COMMITTEE = "|".join(f"(?:{pattern})" for _, family, pattern in BODIES[:4])
PAIRED_BODIES = re.compile(
    # the committees' names and abbreviations begin with these capitals
    starting_with(
        "GJR",
        rf"((?:{_COMMITTEE}))(?:\s*\([A-Z]{{2,5}}\))?\s+and\s+(?:the\s+)?((?:{_COMMITTEE}))(?:\s*\([A-Z]{{2,5}}\))?"
        r"\s+(?:meetings|sessions|talks)\b",
    )
)


# A body named as the channel a thing must or should go through ("any ceasefire must be negotiated through the bilateral
# General Border Committee", "disputes should only be settled via the JBC", "only through the GBC"): a position on
# where talks belong, not a meeting of that body.
_MODALS = r"must|should|shall|ought\s+to|(?:has|have|need|needs)\s+to|can|could|may"
CHANNEL_BODY = guarded(
    re.compile(
        rf"\b(?:(?:{_MODALS})\s+(?:only\s+)?(?:be\s+)?(?:[a-z]+ed\s+)?|(?<!\bnot )\bonly\s+)"
        r"(?:only\s+)?(?:through|via|within|under|in)\s+(?:the\s+|a\s+)?(?:[\w'’-]+\s+){0,3}?"
        rf"(?:{_COMMITTEE})(?:\s*\([A-Z]{{2,5}}\))?",
        re.I,
    ),
    "committee",
    "commission",
    "gbc",
    "rbc",
    "jbc",
)


def _paired_bodies(text: str) -> tuple[str, ...]:
    """The two bodies of "the GBC and RBC meetings", when they differ; else ()."""
    m = PAIRED_BODIES.search(text)
    if m is None:
        return ()
    first, second = _body(m.group(1))[0], _body(m.group(2))[0]
    return (first, second) if first and second and first != second else ()


def body_named(text: str) -> tuple[str | None, str | None]:
    """The body a text names (a bracketed short name first: "the committee (RBC)"), and its family."""
    return _body(text)


def _body(text: str) -> tuple[str | None, str | None]:
    for m in _BRACKETED.finditer(text):
        for body, family, rx in _BODY_RX:
            if rx.fullmatch(m.group(1)):
                return body, family
    for body, family, rx in _BODY_RX:
        if rx.search(text):
            return body, family
    return None, None


def _venue(sentence: Sentence, places: list[PlaceMention]) -> PlaceMention | None:
    """Where the clause puts the meeting: a place it was moved to, else the first place told as a venue
    that is not a former one."""
    first = None
    requested = _worded_status(sentence.text) == "proposed"  # a move asked for has not happened
    for p in places:
        start, end = p.evidence.start - sentence.start, p.evidence.end - sentence.start
        before = sentence.text[max(0, start - 80) : start]
        if (
            _of_other_event(sentence.text, start, end)
            or DOCUMENT_SIGNED_IN.search(before)
            or AS_DONE_IN.search(before[-40:])
        ):
            continue  # "the ceasefire in Trat", "the agreement signed in Kuala Lumpur": where another event was
        if _MOVED_TO.search(before):
            return p
        if (
            first is None
            and requested
            and MOVED_FROM.search(before)
            or first is None
            and VENUE_BEFORE.search(before)
            and not FORMER_VENUE.search(before)
            or first is None
            and _travels_for_talks(sentence.text, start, end)
        ):
            first = p
    return first


# "will travel to Kuala Lumpur on Monday for talks": the end of a journey made for the meeting is its venue (verbs of
# travelling: meeting_cues.csv, kind "travel").
_TRAVEL_TO = guarded(
    re.compile(rf"\b(?:{word_pattern(words('meeting_cues', 'travel'))})\s+to\s+(?:the\s+)?$", re.I),
    *(w.lower() for w in words("meeting_cues", "travel")),
)
FOR_MEETING = re.compile(
    rf"^[^,;.]{{0,60}}?\b(?:for|to attend|to join|to hold)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_MEETING_NOUNS}|meeting)\b",
    re.I,
)


def _travels_for_talks(text: str, start: int, end: int) -> bool:
    """Whether the place at text[start:end] is where someone travels to for the meeting ("will fly to Phnom Penh on
    Friday for talks with …"): a verb of travelling and "to" before it, the meeting as the journey's purpose after."""
    return bool(_TRAVEL_TO.search(text[max(0, start - 40) : start]) and FOR_MEETING.search(text[end : end + 120]))


# "in Prum, Pailin province, Cambodia, and at Ban Pak Kard": a second venue joined to the first by "and at/in",
# with nothing between them but the first's province and country.
_ALSO_AT = re.compile(r"[\s,]*\band\s+(?:also\s+)?(?:at|in)\s+", re.I)


def _also_at(sentence: Sentence, venue: PlaceMention, places: list[PlaceMention]) -> PlaceMention | None:
    """A second place the clause gives the meeting, joined to its venue by "and at" or "and in" (a meeting held on
    both sides of a border crossing): the next place after the venue and the places that only say where the venue
    is (its province, its country); None when the words between are any other."""
    pos = venue.evidence.end - sentence.start
    for p in sorted(places, key=lambda p: p.evidence.start):
        start = p.evidence.start - sentence.start
        if start < pos:
            continue
        gap = sentence.text[pos:start]
        if p.kind in ("province", "country") and p.country == venue.country and re.fullmatch(r"[\s,]*", gap):
            pos = p.evidence.end - sentence.start  # "Prum, Pailin province": where the venue is
            continue
        country = re.match(rf"[\s,]*(?:{word_pattern(_COUNTRY_NAMES)})\b", gap)
        if country:
            gap = gap[country.end() :]
        if _ALSO_AT.fullmatch(gap) and p.name != venue.name and not _of_other_event(sentence.text, start, start + 1):
            return p
        return None
    return None


# A venue the gazetteer does not place: a country ("moved to Malaysia", "discussions in Malaysia") or a named
# building ("at Wisma Perwira", "at Seri Perdana"). Only where a meeting word, or a word saying where it is
# held or moved, comes just before it.
_COUNTRY_NAMES = words("countries", "country")
_VENUE_CUES = rf"{MEETING}|held|hold|take place|took place|moved?|relocated?|shifted|transferred|signed|signing"
_VENUE_CUE = re.compile(rf"\b(?:{_VENUE_CUES})\b", re.I)
# "talks in Malaysia", "convened on Monday in Malaysia", not "a meeting on the situation in Cambodia": a country
# is the venue only a word or two after the meeting's word.
_VENUE_CUE_NEAR = re.compile(rf"\b(?:{_VENUE_CUES})\b(?:\s+[\w'’-]+){{0,2}}\s+$", re.I)
NAMED_VENUE = re.compile(
    rf"\b(?:(?P<country_to>in|to)\s+(?P<country>{word_pattern(_COUNTRY_NAMES)})\b(?!['’]s|\s+and\b|-)"
    r"|at\s+(?P<building>(?:[A-Z][a-z][\w'’-]*\s+){0,3}[A-Z][a-z][\w-]*)\b(?!['’]s))"
)
# What a capitalised name after "at" is when it is no building: a month, a weekday, a country, or a word that
# starts a body's, title's or time's name (meeting_cues.csv, kind "not-building").
_NOT_BUILDING = re.compile(
    rf"^(?:{MONTHS}|{'|'.join(WEEKDAYS)}|{word_pattern(_COUNTRY_NAMES)}"
    rf"|{word_pattern(words('meeting_cues', 'not-building'))})\b"
)
_MOVE_WORD = re.compile(
    rf"\b(?:{word_pattern(words('meeting_cues', 'move') + words('meeting_cues', 'new-venue'))})\b", re.I
)
# "at Wisma Perwira, Malaysian Armed Forces here": "here" is the dateline's city.
HERE = re.compile(r"^[^.;]{0,60}?\bhere\b")


def _named_venue(text: str, dateline: str | None) -> str | None:
    """A venue named in a meeting's clause that is no gazetteer place: a country or a building (with the
    dateline's city when the text says "here"), else None."""
    for m in NAMED_VENUE.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        after = MEETING_WORDS.search(text, m.end(), m.end() + 40)  # "at Seri Perdana on 28 July, during a meeting"
        if not (_VENUE_CUE.search(before) or after) or _of_other_event(text, *m.span()):
            continue
        if DOCUMENT_SIGNED_IN.search(text, 0, m.start() + 3):  # "the accord signed in Malaysia"
            continue
        if m.group("country"):
            # "moved the talks to Malaysia" but not "the ambassador to Malaysia"
            if _MOVE_WORD.search(before) if m.group("country_to") == "to" else _VENUE_CUE_NEAR.search(before):
                return m.group("country")
            continue
        name = m.group("building")
        if _NOT_BUILDING.match(name) or name.lower() in NOT_PLACE_NAMES or _body(name)[0]:
            continue
        if dateline and HERE.match(text[m.end() :]):
            return f"{name}, {dateline}"
        return name
    return None


# "talks in the Malaysian capital", "at the Thai capital": a capital named by its country is that city
# (capital_descriptors.csv: the descriptor, the city).
_CAPITALS = {r["word"].strip().lower(): r["kind"].strip() for r in table("capital_descriptors")}
CAPITAL_NAMED = guarded(
    re.compile(rf"\b(?:in|at)\s+(?:the\s+)?(?P<named>{word_pattern(tuple(_CAPITALS))})\b", re.I), "capital"
)


# "at a hotel in the capital": the capital the report is filed from, when its dateline is one.
THE_CAPITAL = guarded(re.compile(r"\bin\s+the\s+capital\b(?!\s+of\b)", re.I), "capital")
_CAPITAL_CITIES = frozenset(_CAPITALS.values())


def _capital_venue(text: str, dateline: str | None = None) -> Place | None:
    """The city a meeting's clause names as a country's capital ("in the Malaysian capital", or "in the capital" of a
    report filed from one): the gazetteer's place of that name, else None."""
    named = [(m, _CAPITALS[m["named"].lower()]) for m in CAPITAL_NAMED.finditer(text)]
    if dateline in _CAPITAL_CITIES:
        named += [(m, dateline) for m in THE_CAPITAL.finditer(text)]
    for m, city in sorted(named, key=lambda x: x[0].start()):
        if _of_other_event(text, *m.span()) or FORMER_VENUE.search(text, max(0, m.start() - 60), m.start()):
            continue  # "rather than in the Malaysian capital": the venue set aside
        found = gazetteer().resolve(city)
        if found:
            return found[0]
    return None


def _datelined(sentence: Sentence, dateline: str | None) -> Place | None:
    """The dateline's place, for a meeting told held in the dateline's own sentence with no venue of its own
    ("KUALA LUMPUR, Oct 26 - The leaders signed the accord on Sunday on the sidelines of the summit"): the report was
    filed from where it was held. None when the sentence does not open with the dateline."""
    if not dateline or not sentence.text.lstrip().lower().startswith(dateline.lower()):
        return None
    found = gazetteer().resolve(dateline)
    return found[0] if found else None


@lru_cache(maxsize=SENTENCE_CACHE)
def _worded_status(text: str) -> str | None:
    """The status a sentence's words give whatever its date (cancelled, postponed, proposed), else None:
    read once per distinct text, however many published dates it comes with."""
    if CANCELLED.search(text):
        return "cancelled"
    if POSTPONED.search(text):
        return "postponed"
    if INVITED_BY.search(text):  # "to be held … at the invitation of Malaysia": who convenes it, no proposal
        text = INVITED_BY.pattern.sub(" ", text)
    if PROPOSED.search(text) or MANDATIVE.search(text):
        return None if _set_beside_history(text) else "proposed"
    return None


# A relative clause closed by a comma (", which Cambodia had proposed to host,"): what was once said of the meeting.
CLOSED_RELATIVE = re.compile(r",\s+(?:which|that|who)\b[^,;]*,", re.I)
# The meeting told set or held in a main clause: "will instead be held", "is to take place", "met".
SET_OR_HELD = re.compile(
    r"\b(?:will|would|is to|are to)\s+(?:[a-z]+\s+)?(?:be\s+held|take\s+place|meet|convene)\b|\b(?:met|took place)\b",
    re.I,
)


def _set_beside_history(text: str) -> bool:
    """Whether a sentence's only words of proposal are in a relative clause telling the meeting's history, its main
    clause telling it set or held ("the meeting, which Cambodia had proposed to host, will instead be held in Kuala
    Lumpur"): then the proposal is not its status."""
    if not CLOSED_RELATIVE.search(text):
        return False
    rest = CLOSED_RELATIVE.sub(", ", text)
    return not (PROPOSED.search(rest) or MANDATIVE.search(rest)) and SET_OR_HELD.search(rest) is not None


# "at the invitation of Malaysia", "at Malaysia's invitation": the host who convenes a meeting that is set; "at
# Thailand's request", "at the request of Cambodia": who asked for what is now set.
INVITED_BY = guarded(
    re.compile(
        r"\bat\s+(?:the\s+(?:invitation|request)\s+of\b|(?:[A-Z][\w'’-]*\s+){1,4}invitation\b|[\w-]+['’]s\s+request\b)",
        re.I,
    ),
    "invitation",
    "request",
)


# A meeting in the mood of a demand or request ("asked that the talks be held in …", "insists the meeting be moved"):
# a bare "be" after the meeting, with no modal or "to" before it, is wished for, not set.
_BE_DONE = ("held", "moved", "hosted", "relocated", "convened", "shifted")
_NOT_MANDATIVE = r"will|would|could|should|must|can|cannot|may|might|shall|to|not|never|then|now"
MANDATIVE = guarded(
    re.compile(
        r"\b(?:meeting|talks|session|summit|negotiations|discussions)\s+"
        rf"(?:(?!(?:{_NOT_MANDATIVE})\b)[\w-]+\s+){{0,4}}?be\s+(?:{'|'.join(_BE_DONE)})\b",
        re.I,
    ),
    *_BE_DONE,
)


# A relative clause after a comma (", which will take effect on …"): it tells of the noun before it.
_RELATIVE = re.compile(r"(?P<noun>[\w-]+)\s*,\s+(?:which|that)\b[^,;]*", re.I)


@lru_cache(maxsize=SENTENCE_CACHE)
def _future(text: str) -> bool:
    """Whether a sentence speaks of its meeting in the future: a future word outside the relative clauses that tell
    of another thing ("the talks reached terms for a truce, which will take effect on Friday": the truce's future,
    not the talks'). A clause of a meeting word, or one telling of holding ("…, which will be held in …"), counts."""
    other = [
        m.span()
        for m in _RELATIVE.finditer(text)
        if not MEETING_WORDS.fullmatch(m["noun"]) and not MEETING_ANCHOR.search(m.group()) and FUTURE.search(m.group())
    ]
    return any(not any(lo <= f.start() < hi for lo, hi in other) for f in FUTURE.finditer(text))


# A meeting verb in the present perfect ("the commanders have sat down together", "the two sides have met"): the meeting
# has taken place by the time of telling.
TOLD_DONE = re.compile(
    r"\b(?:have|has)\s+(?:(?:now|just|already|finally|since|again)\s+)?"
    r"(?:met|sat down|convened|held talks|gathered)\b"
    # "talks have begun", "the meeting has opened", "talks are under way": held, the day of telling one of its days
    rf"|\b(?:{_MEETING_NOUNS}|meeting)\s+(?:have|has|had)\s+(?:(?:now|just|already|finally)\s+)?"
    r"(?:begun|started|opened|got under\s?way)\b"
    rf"|\b(?:{_MEETING_NOUNS}|meeting)\s+(?:is|are)\s+(?:now\s+)?under\s?way\b",
    re.I,
)


def _status(text: str, day: date | None, published: date | None) -> str:
    worded = _worded_status(text)
    if worded:
        return worded
    if TOLD_DONE.search(text):
        return "held"
    if day and published:
        return (
            "held"
            if day < published
            else "scheduled"
            if day > published
            else ("scheduled" if _future(text) else "held")
        )
    return "scheduled" if _future(text) else "held"


HOSTED = re.compile(r"\b(?:hosted by|host(?:s|ed|ing)?)\b|\bsign", re.I)


_SAID_WHEN = re.compile(r"\b(?:next|last|past)\s+$", re.I)


# "announced on 22 December that talks would take place the following day": a day counted from the date
# the sentence gives before it.
COUNTED_DAYS = tuple(w.lower() for w in words("meeting_cues", "counted-day"))
DAY_AFTER = re.compile(starting_with(initials("|".join(COUNTED_DAYS)), rf"\b(?:{'|'.join(COUNTED_DAYS)})\b"), re.I)
# "met over the weekend": no day, but a span its report's date fixes (dashboard.queries.meetings infers it for the
# screen; the record stays undated).
WEEKEND = re.compile(r"\b(?:over|at|during|on|this|last|past) (?:the )?weekend\b", re.I)
# "signed during the summit last October", "talks in October": a month with no day (the record stays undated;
# dashboard.queries.meetings joins it to the one meeting of its kind held that month).
IN_MONTH = re.compile(
    r"\b(?:(?:in|last|during|early|late|mid)\s+|mid-)(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b(?!\s+\d)",
    re.I,
)


def _dates(text: str, published: date | None) -> list[DateMention]:
    """The dates of a sentence; a weekday is resolved in the tense of its own clause (the tense word
    nearest it: "said on Monday that talks will resume on Thursday" has a past Monday and a next Thursday);
    "the following day" is the day after the date the sentence gives before it; a weekday in apposition to a date
    ("on Monday, December 22") is that date."""
    out = _apposed(text, with_ranges(text, _told_dates(text, published)))  # "4-7 August": one span, dated by its first
    for m in DAY_AFTER.finditer(text):
        before = [d for d in out if d.end <= m.start() and d.date is not None]
        if before:
            out.append(DateMention(m.group(), m.start(), m.end(), before[-1].date + timedelta(days=1)))
    if published is not None and not out:
        stamp = _stamp_day(text, published)
        if stamp is not None:
            out.append(stamp)
    if published is not None:
        for m in DAYS_AGO.finditer(text):
            n = 1 if m["n"].lower() in ("a", "one") else parse_amount(m["n"])
            if n is not None and 0 < n <= 31:
                days = n * (7 if m["unit"].lower().startswith("week") else 1)
                out.append(DateMention(m.group(), m.start(), m.end(), published - timedelta(days=days)))
    return sorted(out, key=lambda d: d.start)


# "Monday, December 22": a weekday and the date written in full, in apposition.
_APPOSED = re.compile(r",\s*")


def _apposed(text: str, dates: list[DateMention]) -> list[DateMention]:
    """The dates of a text with a weekday in apposition to a date written in full made one mention of that date (the
    weekday is read against the report's day, the full date is the day told)."""
    out: list[DateMention] = []
    for d in dates:
        last = out[-1] if out else None
        if (
            last is not None
            and last.text in WEEKDAYS
            and d.date is not None
            and any(c.isdigit() for c in d.text)
            and _APPOSED.fullmatch(text[last.end : d.start])
        ):
            out[-1] = DateMention(text[last.start : d.end], last.start, d.end, d.date)
            continue
        out.append(d)
    return out


# A live blog's entry stamp: "09:40 Tue -", "14:05 Wednesday:", "15:10 -" at the start of a sentence.
STAMP = re.compile(r"^\s*\d{1,2}[:.]\d{2}\s+(?:(?P<day>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*)\.?\s*)?[-–—:|]")


def _stamp_day(text: str, published: date) -> DateMention | None:
    """The day of a live blog's entry that tells a meeting done in the present perfect ("09:40 Tue - The commanders have
    sat down together", "15:10 - Talks have begun in Putrajaya"): the weekday of its stamp nearest the report's day (a
    live blog runs over the days around it); a stamp with a time only is of the report's own day. None when the
    sentence has no stamp, or does not tell the meeting as done (or under way) by the entry's time."""
    m = STAMP.match(text)
    if m is None or not TOLD_DONE.search(text):
        return None
    if m["day"] is None:
        at = m.end() - 1
        return DateMention(text[m.start() : at].strip(), m.start(), at, published)
    names = {w[:3]: i for i, w in enumerate(WEEKDAYS)}
    wd = names.get(m["day"][:3])
    if wd is None or not any(w.startswith(m["day"]) or m["day"].startswith(w[:3]) for w in WEEKDAYS):
        return None
    days = [published + timedelta(days=k) for k in range(-3, 4)]
    return DateMention(m["day"], m.start("day"), m.end("day"), next(d for d in days if d.weekday() == wd))


# "six days ago", "a week ago": a day counted back from the report's own day.
DAYS_AGO = guarded(
    re.compile(r"\b(?P<n>a|one|\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>days?|weeks?)\s+ago\b", re.I), "ago"
)


def _told_dates(text: str, published: date | None) -> list[DateMention]:
    out = []
    for d in find_dates(text, published, future=False):
        said = _SAID_WHEN.search(text[max(0, d.start - 6) : d.start])
        if published is not None and not said and _future_clause(text, d.start, d.end):
            d = DateMention(d.text, d.start, d.end, find_dates(d.text, published, future=True)[0].date)
        out.append(d)
    return out


# An event word that is what the meeting is about ("talks on a possible ceasefire") is the meeting's topic.
TOPIC_BEFORE = re.compile(
    r"\b(?:about|over|on|regarding|concerning|discuss\w*)\s+(?:(?:a|an|the|possible|new)\s+)*$", re.I
)


@lru_cache(maxsize=SENTENCE_CACHE)
def _future_clause(text: str, start: int, end: int) -> bool:
    """Whether the tense word nearest the date at text[start:end] is a future one (read once per text and date,
    whatever the published date)."""
    lo = max(0, start - 70)
    window, mid = text[lo : end + 40], start - lo
    cues = [(abs(m.start() - mid), True) for m in FUTURE.finditer(window)]
    cues += [(abs(m.start() - mid), False) for m in PAST.finditer(window)]
    return bool(cues) and min(cues)[1]


@lru_cache(maxsize=SENTENCE_CACHE)
def _event_spans(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """The spans of a text's words of other events (not a meeting's topic) and of its meeting words: read once
    per text for all its dates and places (_of_other_event asks for each)."""
    others = tuple(
        m.span() for m in OTHER_EVENT.finditer(text) if not TOPIC_BEFORE.search(text, max(0, m.start() - 40), m.start())
    )
    if not others:
        return (), ()  # no other event: the meeting words are not needed
    meeting = tuple(m.span() for rx in (MEETING_WORDS, MEETING_ANCHOR) for m in rx.finditer(text))
    return others, meeting


def _of_other_event(text: str, start: int, end: int) -> bool:
    """Whether the event word nearest a date (before or after it) is another event's: a ceasefire, a
    decision, the fighting, not the meeting (nor the meeting's topic: "talks on a possible ceasefire")."""

    def nearest(spans) -> int:
        gaps = [start - e if e <= start else s - end for s, e in spans]
        return min((g for g in gaps if g >= 0), default=10**6)

    others, meeting = _event_spans(text)
    if not others:
        return False
    # "met in Surin to discuss how to keep the truce": an event word after it, past an infinitive, a relative or a
    # purpose, is that clause's, not the date's or place's
    others = tuple((s, e) for s, e in others if s < end or not LATER_CLAUSE.search(text, end, s))
    other = nearest(others)
    return other < 10**6 and other < nearest(meeting)


# "at talks in Putrajaya", "at the end of a four-day meeting", "on the sidelines of the summit": the meeting as the
# setting of what the clause tells (part-of words: meeting_cues.csv, kind "part-of").
_PART_OF = word_pattern(words("meeting_cues", "part-of"))
AT_MEETING = re.compile(
    r"\b(?:at|during|on)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?"
    rf"(?:(?:{_PART_OF})\s+of\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?)?"
    rf"(?:[\w'’-]+\s+){{0,4}}?(?:{_MEETING_NOUNS}|meeting)\b",
    re.I,
)


def _at_meeting(text: str, end: int) -> bool:
    """Whether the clause after a statement's date tells the statement made at the meeting ("agreed on Monday to a
    ceasefire at talks in Putrajaya"): then the date is the meeting's (one of its days)."""
    clause = re.split(r"[;]|\.\s", text[end : end + 160], maxsplit=1)[0]
    found = AT_MEETING.search(clause)
    return found is not None and not re.match(r"on\s+(?:the\s+|a\s+)?(?!(?:" + _PART_OF + r")\b)", found.group(), re.I)


# Words that open another clause after a date or place: an infinitive, a relative, a purpose.
LATER_CLAUSE = re.compile(r"\b(?:to|which|that|who|whom|how|where|for|so)\b", re.I)


@lru_cache(maxsize=SENTENCE_CACHE)
def _not_meeting_date(text: str, start: int, end: int) -> bool:
    """Dates of the start of the fighting, of a dateline, of another event, or of a statement about the
    meeting (read once per text and date, whatever the published date)."""
    if _of_other_event(text, start, end):
        return True
    before = text[max(0, start - 80) : start]
    if DEADLINE.search(before):
        return True
    if SINCE.search(before) or DATELINE.match(text[:start]):
        return True
    if FOR_DAY.search(before):
        return False  # "the meeting agreed in Putrajaya for 4 August": the day it is set for
    if SPEECH_BEFORE.search(before[-40:]):
        return not _at_meeting(text, end)  # "agreed on Monday … at talks in Putrajaya": said at the meeting
    if MEETING_WORDS.search(text, 0, start):
        return False  # "the RBC will meet on Wednesday, the army said": the date is the meeting's
    speech = SPEECH_AFTER.search(text, end, end + 120)
    meeting = MEETING_WORDS.search(text, end)
    return bool(speech and (meeting is None or speech.start() < meeting.start()))


PARTIES = frozenset({"Thailand", "Cambodia"})
# Body families that are the two parties meeting; an envoy's meeting is talks only with both parties.
JOINT = frozenset({"border", "asean", "asean-summit"})
# Words that make a meeting one between the two parties without naming them.
_TWO_PARTIES = (
    r"both|two (?:sides|countries|nations|governments|delegations|neighbours|neighbors)"
    r"|bilateral|each other|one another|joint|trilateral|three parties"
)
TWO_PARTIES = re.compile(rf"\b(?:{_TWO_PARTIES})\b", re.I)
COUNTERPART = re.compile(r"\bcounterparts?\b", re.I)
_ONE_SIDE_RX = re.compile(rf"\b(?:{word_pattern(_ONE_SIDE)})\b")


def _one_sided(read: _Read) -> bool:
    """Whether a meeting is one side's alone: the sentence names no joint body and no second party,
    and it names only one of the two parties (with or without a mediator: a mediator meeting one side
    is not talks between the parties) or, naming neither, one side's own council or cabinet."""
    if (read.body and FAMILY[read.body] in JOINT) or read.hosted_signing or TWO_PARTIES.search(read.text):
        return False
    parties = PARTIES.intersection(read.participants)
    if len(parties) == 1 and _met_by_unnamed(read.text):
        return False  # "the acting premier will travel to … for talks with Cambodia's prime minister"
    if len(parties) == 1:
        # "met his Cambodian counterpart": the other party, unless a mediator is the one meeting
        return len(read.participants) > 1 or not COUNTERPART.search(read.text)
    return not parties and bool(_ONE_SIDE_RX.search(read.text))


# The parties named as who meets: the complement of the meeting ("the meeting of the three parties", "talks between
# the two sides") or the subject of its verb ("the foreign ministers of both countries met"). A word for both
# parties elsewhere in the sentence ("talks would allow both sides to engage") says nothing of who met.
PARTIES_MEET = re.compile(
    rf"\b(?:meeting|meetings|talks|session|summit|negotiations|discussions)\s+(?:of|between|among)\s+"
    rf"(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?(?:{_TWO_PARTIES})\b"
    rf"|\b(?:{_TWO_PARTIES})(?:\s+[\w'’-]+){{0,2}}?\s+(?:met|meet|meets|will meet|to meet|held talks)\b",
    re.I,
)


# "hosted by Malaysia": a third party named as the talks' host, so not the one who meets the party.
HOST_NAMED = re.compile(r"\b(?:hosted|mediated|brokered|facilitated|chaired)\s+by\b", re.I)
# "for talks with Cambodian Prime Minister Hun Manet": the one met, after "with".
TALKS_WITH = re.compile(rf"\b(?:{_MEETING_NOUNS}|meet|meets|met)\s+with\s+", re.I)


def _met_by_unnamed(text: str) -> bool:
    """Whether a sentence tells talks with one party by someone it names by no side at all (a person's title and
    name only, "the acting premier will travel … for talks with Cambodia's prime minister, hosted by Malaysia"): the
    one party is named only after "with", a third party after it as the talks' host, and nothing before the meeting
    word names a party, a mediator or one side's own body. That someone is the other party."""
    found = TALKS_WITH.search(text)
    if found is None or not HOST_NAMED.search(text, found.end()):
        return False  # no third party named as host: the one who meets may be a mediator named only by name
    before, after = text[: found.start()], text[found.end() :]
    return (
        not any(rx.search(before) for _, rx in _PARTICIPANT_RX)
        and not _ONE_SIDE_RX.search(before)
        and any(rx.search(after[:80]) for name, rx in _PARTICIPANT_RX if name in PARTIES)
    )


def _parties_meet(read: _Read) -> bool:
    """Whether the sentence says the parties themselves meet ("the foreign ministers of both countries met", "the
    meeting of the three parties"): a meeting between them even with no date, body or venue."""
    return bool(PARTIES_MEET.search(read.text))


def _of_masked(text: str, masked: tuple[tuple[int, int], ...], start: int) -> bool:
    """Whether a date belongs to a masked event (a cabinet meeting, a call): the nearest event before
    it in its clause is masked, with no meeting word and no clause break between them."""
    ends = [e for _, e in masked if e <= start]
    if not ends:
        return False
    end = max(ends)
    between = text[end:start]
    return len(between) <= 60 and not MEETING_WORDS.search(between) and not CLAUSE_END.search(between)


CLAUSE_END = re.compile(r"[;,]\s|\b(?:and|while|but|before|after|then)\b")


@dataclass(frozen=True, slots=True)
class _Told:
    """A meeting as its sentence's text tells it; the report adds the venue (from its places)."""

    date: date | None
    date_text: str | None
    body: str | None
    participants: tuple[str, ...]
    status: str
    needs_venue: bool  # neither a date, a body nor a hosted signing: a meeting only if it has a venue
    span: tuple[int, int] | None = None  # the part of the sentence that tells it, when it tells several


@dataclass(frozen=True, slots=True)
class _Read:
    """What a sentence's text says of a meeting whatever the report's date."""

    text: str  # with one side's own meetings, calls and press events masked
    masked: tuple[tuple[int, int], ...]  # the spans masked
    other_clauses: tuple[tuple[int, int], ...]  # clauses of another event (OTHER_CLAUSE), masked too
    body: str | None
    participants: tuple[str, ...]
    hosted_signing: bool


@lru_cache(maxsize=SENTENCE_CACHE)
def _read(text: str) -> _Read | None:
    """The meeting words of a sentence's text: read once per distinct text."""
    if not MEETING_CHECK.search(text):
        return None
    masked: tuple[tuple[int, int], ...] = ()
    if NOT_MEETINGS_CHECK.search(text):
        masked = tuple(m.span() for m in NOT_MEETINGS.finditer(text))
        text = NOT_MEETINGS.sub(lambda m: " " * len(m.group()), text)
    text = LATER_MEETING.sub(lambda m: " " * len(m.group()), text)
    if NEGATED_CHECK.search(text):  # "no talks have been scheduled": a meeting told as not taking place
        text = NEGATED_MEETING.sub(lambda m: " " * len(m.group()), text)
    if CHANNEL_BODY.may_match(text):  # "must be negotiated through the GBC": a position, not the GBC meeting
        text = CHANNEL_BODY.pattern.sub(lambda m: " " * len(m.group()), text)
    if PROTEST.search(text) or CROWD_GATHERED.search(text):  # people who gathered to protest: a crowd, not talks
        text = GATHERED.sub(lambda m: " " * len(m.group()), text)
    others = tuple(
        m.span()
        for m in OTHER_CLAUSE.finditer(text)
        if (_time_of_other(text, m) if MEETING_WORDS.search(m.group()) else EVENT_TOLD.search(m.group()) is not None)
        and not SIGNING_WORDS.search(m.group())
        and not _worded_status(m.group())
    )  # "following Thailand's proposal": a clause of the meeting's own standing is the meeting's
    for lo, hi in others:  # another event's clause: its dates, places and parties are that event's
        text = text[:lo] + " " * (hi - lo) + text[hi:]
    signing = bool(SIGNING_WORDS.search(text) and SIGNING_EVENT.search(text))
    if not MEETING_WORDS.search(text) and not signing:
        return None
    sides = SIDE_OF_BORDER.sub(lambda m: " " * len(m.group()), text)  # "on the Thai side": where, not who
    body = _body(text)[0]
    if body in (None, *GENERIC_BODIES) and _mediator_meets(sides):
        body = "envoy meeting"  # "China's foreign minister is due to meet both defence ministers": a mediator's talks
    return _Read(
        text=text,
        masked=masked,
        other_clauses=others,
        body=body,
        participants=tuple(name for name, rx in _PARTICIPANT_RX if rx.search(sides)),
        hosted_signing=bool(signing and HOSTED.search(text)),
    )


def _time_of_other(text: str, clause: re.Match) -> bool:
    """Whether a clause of another event that tells a meeting ("…, a day after ASEAN foreign ministers met in emergency
    session") is only the time of what the rest of the sentence tells: the rest tells a meeting of its own, and the
    clause gives no day (its meeting is one told elsewhere, not a new one with no date)."""
    if not CLAUSE_MEETS.search(clause.group()):
        return False  # "after four days of talks": the meeting's own length, no other meeting told
    rest = text[: clause.start()] + " " * len(clause.group()) + text[clause.end() :]
    return bool(MEETING_WORDS.search(rest)) and not find_dates(clause.group(), None, False)


# A meeting told as an event of its own, by a verb: "ministers met", "talks held in Kuala Lumpur".
CLAUSE_MEETS = re.compile(r"\b(?:met|meet|meets|convened|gathered|held|sat down)\b", re.I)


# A meeting verb, the one who meets before it: "X is due to meet Y", "X held talks with Y".
MEETS_WITH = re.compile(r"\b(?:meet|meets|met|held talks with|hold talks with|holds talks with)\b", re.I)
_MEDIATORS = [rx for name, rx in _PARTICIPANT_RX if name not in PARTIES and name != "ASEAN"]
_PARTY_RX = [rx for name, rx in _PARTICIPANT_RX if name in PARTIES]


def _mediator_meets(text: str) -> bool:
    """Whether the one who meets is a third country's official, meeting the parties' ("China's foreign minister is due
    to meet both defence ministers", "the Chinese envoy met Thai and Cambodian officials"): the words before the first
    meeting verb name a mediating country and neither party."""
    verb = MEETS_WITH.search(text)
    if verb is None:
        return False
    who = text[max(0, verb.start() - 80) : verb.start()]
    who = re.split(r"[,;:]\s", who)[-1]  # the verb's own clause
    return any(rx.search(who) for rx in _MEDIATORS) and not any(rx.search(who) for rx in _PARTY_RX)


# "the talks opened on Monday and the meeting continues on Tuesday": a later day of the same meeting.
CONTINUED = _cue_words("continued")
# Where a sentence's coordinated phrases meet: "met in Kuala Lumpur in early August and again in Koh Kong on
# September 10", "; ".
CONJUNCTION = re.compile(r"\s*;\s*|,?\s+\band\s+", re.I)
# "and again in Koh Kong", "will meet again": the phrase tells a second meeting, not a later day of the first.
AGAIN = re.compile(r"\bagain\b", re.I)


def _again(text: str, before: int, start: int, end: int) -> bool:
    """Whether the date at text[start:end] is told in a phrase of its own, joined to the text before `before` (the
    date before it) by a conjunction, that tells a meeting again ("… and again in Koh Kong on September 10",
    "…, and on 24 December it will meet again")."""
    joins = [m for m in CONJUNCTION.finditer(text, before, start)]
    if not joins:
        return False
    after = CONJUNCTION.search(text, end)
    return AGAIN.search(text, joins[-1].start(), after.start() if after else len(text)) is not None


def _phrases(text: str, times: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The coordinated phrases of a sentence that each tell a time of their own (a date, a month, a weekend), as
    spans: "[met in Kuala Lumpur in early August] and [again in Koh Kong, Cambodia, on September 10, where …]"; a
    phrase with no time stays with the one before it. [] when fewer than two phrases tell a time."""
    if len(times) < 2:
        return []
    joins = list(CONJUNCTION.finditer(text))
    edges = [0]
    for i, j in enumerate(joins):
        upto = joins[i + 1].start() if i + 1 < len(joins) else len(text)
        if any(edges[-1] <= s < j.start() for s, _ in times) and any(j.end() <= s < upto for s, _ in times):
            edges.append(j.end())
    if len(edges) < 2:
        return []
    return [(lo, hi) for lo, hi in zip(edges, [*edges[1:], len(text)], strict=True)]


def _date_groups(text: str, dates: list[DateMention]) -> list[list[DateMention]]:
    """The meeting dates of a sentence grouped by the meeting they belong to: a date starts another meeting
    when a meeting word stands between it and the date before ("the minutes of the GBC meeting of 27 December
    and of the JBC meeting of 22 October"); dates with none between, or with words of the meeting going on,
    are one meeting's ("began on 24 December and will run through 26 December", "the talks opened on Monday
    and the session continues on Tuesday")."""
    groups: list[list[DateMention]] = []
    for d in dates:
        last = groups[-1][-1] if groups else None
        if last is None:
            groups.append([d])
        elif d.date == last.date or (
            (not MEETING_WORDS.search(text, last.end, d.start) or CONTINUED.search(text, last.end, d.start))
            and not _again(text, last.end, d.start, d.end)
        ):
            groups[-1].append(d)
        else:
            groups.append([d])
    return groups


@lru_cache(maxsize=SENTENCE_CACHE)
def _told(text: str, published: date | None) -> tuple[_Told, ...]:
    """The meetings a sentence's text may tell of, their dates resolved against the published date: one
    per meeting it dates, each with the body, status and venue of its own part of the sentence."""
    read = _read(text)
    if read is None:
        return ()
    if _one_sided(read):
        return ()
    text = read.text
    dates = [
        d
        for d in _dates(text, published)
        if not _not_meeting_date(text, d.start, d.end) and not _of_masked(text, read.masked, d.start)
    ]
    held = _held_after_delay(read, dates)
    if held is not None:
        return (held,)
    groups = _date_groups(text, dates)
    if len(groups) == 1:
        phrased = _month_phrases(read, dates, published)
        if phrased:
            return phrased
    if len(groups) < 2:
        when = dates[0] if dates else None
        own_time = None if when else WEEKEND.search(text) or IN_MONTH.search(text)
        status = _status(text, when.date if when else None, published)
        # a held meeting with no day of its own whose outcome is told on a day ("agreed after talks in Putrajaya, the
        # minister announced on Monday"): the record stays undated (the meeting may have ended the day before), its
        # words say by when it was held (dashboard.queries.meeting_days.said_by)
        said = _said_on(text, published) if not (when or own_time) and status == "held" else None
        days = _span_told(text, dates) if when else None
        if days is not None:  # "began on Wednesday and ended on Saturday", "the three-day meeting ended on Saturday"
            when = DateMention(f"{days[0]:%-d %B} to {days[1]:%-d %B}", when.start, when.end, days[0])
        return tuple(
            _Told(
                date=when.date if when else None,
                date_text=when.text if when else own_time.group() if own_time else said,
                body=body,
                participants=read.participants,
                status=status,
                needs_venue=not (when or body or read.hosted_signing or _parties_meet(read)),
            )
            for body in _paired_bodies(text) or (read.body,)
        )
    out = []
    for i, group in enumerate(groups):
        lo = groups[i - 1][-1].end if i else 0
        hi = group[-1].end if i < len(groups) - 1 else len(text)
        part, when = text[lo:hi], group[0]
        out.append(
            _Told(
                date=when.date,
                date_text=when.text,
                # "the GBC met on Monday, and on 24 December it will meet again": the sentence's body meets again
                body=_body(part)[0] or (read.body if AGAIN.search(part) else None),
                participants=read.participants,
                status=_status(part, when.date, published),
                needs_venue=False,
                span=(lo, hi),
            )
        )
    return tuple(out)


def _meetings_time(text: str, start: int, end: int) -> bool:
    """Whether the event word nearest a time (before or after it) is a meeting word: "met in Kuala Lumpur in early
    August", not "the deal they signed in October" nor "the fighting in July"."""
    words = [(m, True) for m in MEETING_WORDS.finditer(text)]
    words += [(m, False) for rx in (SIGNING_WORDS, OTHER_EVENT) for m in rx.finditer(text)]
    gaps = [(start - m.end() if m.end() <= start else m.start() - end, meeting) for m, meeting in words]
    near = min((g for g in gaps if g[0] >= 0), default=None, key=lambda g: g[0])
    return near is not None and near[1]


def _month_phrases(read: _Read, dates: list[DateMention], published: date | None) -> tuple[_Told, ...]:
    """The meetings of a sentence whose coordinated phrases each tell a time of their own, one dated, another a month
    ("the committee met in Kuala Lumpur in early August and again in Koh Kong on September 10"): one per phrase, each
    with the venue, status and body of its own phrase (the sentence's body when the phrase names none); the month's
    meeting undated, its month told. () when the sentence has no such phrases."""
    text = read.text
    months = [m for m in IN_MONTH.finditer(text) if _meetings_time(text, *m.span())]
    if not months:
        return ()
    phrases = _phrases(text, [(d.start, d.end) for d in dates] + [m.span() for m in months])
    out = []
    for lo, hi in phrases:
        when = next((d for d in dates if lo <= d.start < hi), None)
        month = None if when else next((m for m in months if lo <= m.start() < hi), None)
        if when is None and month is None:
            continue
        part = text[lo:hi]
        out.append(
            _Told(
                date=when.date if when else None,
                date_text=when.text if when else month.group(),
                body=_body(part)[0] or read.body,
                participants=read.participants,
                status=_status(part, when.date if when else None, published),
                needs_venue=when is None,
                span=(lo, hi),
            )
        )
    return tuple(out) if len(out) > 1 else ()


# "to be held", "been held": a verb of holding that tells no holding done.
_NOT_DONE = re.compile(r"\b(?:be|been|being|to)\s+$", re.I)


def _held_after_delay(read: _Read, dates: list[DateMention]) -> _Told | None:
    """The meeting a sentence tells put off and then held ("planned for January 20 in X, postponed twice, then held
    on January 27 in Y"): the day after the verb of holding that follows the putting off is the meeting's, held, at
    the place of that part of the sentence; None when the sentence tells no holding after putting off."""
    text = read.text
    delay = POSTPONED.search(text)
    if delay is None:
        return None
    verb = next(
        (
            v
            for v in TOLD_HELD.finditer(text, delay.end())
            if not _NOT_DONE.search(text, max(0, v.start() - 8), v.start())
        ),
        None,
    )
    later = [d for d in dates if verb is not None and d.start > verb.start() and d.date is not None]
    if not later:
        return None
    # "last Tuesday, January 27": a weekday and the date in apposition; the date written in full is the day
    apposed = len(later) > 1 and re.fullmatch(r",\s*", text[later[0].end : later[1].start])
    later = later[1] if apposed else later[0]
    return _Told(
        date=later.date,
        date_text=later.text,
        body=read.body,
        participants=read.participants,
        status="held",
        needs_venue=False,
        span=(verb.start(), len(text)),
    )


# A day told as a meeting's last: "ended on Saturday", "closed on 27 December".
ENDED_ON = guarded(
    re.compile(r"\b(?:ended|closed|concluded|wrapped up|finished)\s+(?:on\s+)?$", re.I),
    *("ended", "closed", "concluded", "wrapped up", "finished"),
)
# "at the end of a four-day meeting", "at the close of the talks": what the clause tells was done on the last day.
AT_END_OF = re.compile(r"\b(?:at|on)\s+the\s+(?:end|close|conclusion)\s+of\b", re.I)
# "a four-day meeting", "three days of talks": the meeting's length in days.
DURATION = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|\d)[\s-]+days?(?:\s+of)?\s+(?:[\w'’-]+\s+){0,3}?"
    rf"(?:{_MEETING_NOUNS}|meeting)\b",
    re.I,
)


def _span_told(text: str, dates: list[DateMention]) -> tuple[date, date] | None:
    """The first and last days of a meeting one sentence tells over days: a day told as its opening and a later one
    told as its end ("began on Wednesday … and ended on Saturday"), or a day told as its end and its length ("the
    three-day meeting ended on Saturday", "signed on Thursday at the end of a four-day meeting"); None otherwise (and
    for a span the dates already give, "4-7 August")."""
    dated = [d for d in dates if d.date is not None]
    if not dated or range_end(dated[0].text, dated[0].date):
        return None
    last = next(
        (
            d
            for d in dated
            if ENDED_ON.search(text, max(0, d.start - 25), d.start)
            or AT_END_OF.search(re.split(r"[;]|\.\s", text[d.end : d.end + 160], maxsplit=1)[0])
        ),
        None,
    )
    if last is None:
        return None
    first = next(
        (d for d in dated if d.start < last.start and OPENED_ON.search(text, max(0, d.start - 25), d.start)), None
    )
    if first is not None and first.date < last.date <= first.date + timedelta(days=RANGE_DAYS):
        return first.date, last.date
    length = DURATION.search(text)
    n = (int(length["n"]) if length["n"].isdigit() else parse_amount(length["n"])) if length else None
    if n is None or not 1 < n <= RANGE_DAYS:
        return None
    return last.date - timedelta(days=n - 1), last.date


def _said_on(text: str, published: date | None) -> str | None:
    """The words that date a statement in the sentence ("announced on Monday", "said on 28 July"), from the verb to
    the date; None when no date of the sentence is a statement's."""
    for d in _dates(text, published):
        window = text[max(0, d.start - 40) : d.start]
        said = SPEECH_BEFORE.search(window)
        if d.date is not None and said and not DATELINE.match(text[: d.start]):
            return text[d.start - len(window) + said.start() : d.end]
    return None


def may_tell(text: str) -> bool:
    """Whether a text can tell of a meeting at all (find_meeting finds none in a text that cannot)."""
    return _read(text) is not None


@dataclass(frozen=True, slots=True)
class _Nowhere:
    """No venue's place: a venue named only (a country, a building) or none."""

    name: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


_NOWHERE = _Nowhere()


def find_meetings(
    sentence: Sentence,
    report_id: str,
    published: date | None,
    places: list[PlaceMention],
    dateline: str | None = None,
) -> list[Meeting]:
    """The meetings a sentence tells of (most tell of one; a sentence can date several). `dateline`: the
    city of the report's dateline, which "here" names."""
    out = []
    read = _read(sentence.text)
    if read is not None and read.other_clauses:  # a place of another event's clause is not the meeting's
        places = [
            p for p in places if not any(lo <= p.evidence.start - sentence.start < hi for lo, hi in read.other_clauses)
        ]
    for told in _told(sentence.text, published):
        own, lo, hi = places, 0, len(sentence.text)
        if told.span is not None:
            lo, hi = told.span
            own = [p for p in places if lo <= p.evidence.start - sentence.start < hi]
        venue = _venue(sentence, own)
        also = _also_at(sentence, venue, own) if venue else None
        named = None if venue else _named_venue(sentence.text[lo:hi], dateline)
        capital = None if venue or named else _capital_venue(sentence.text[lo:hi], dateline)
        if told.needs_venue and not venue and not named and not capital:
            continue
        if not (venue or named or capital) and told.status == "held":
            capital = _datelined(sentence, dateline)
        where = venue or capital or _NOWHERE
        evidence = Evidence(report_id, sentence.text, sentence.start, sentence.end, sentence.text)
        asked = asked_venue(sentence.text) if told.status == "proposed" else None
        if asked and venue and not also and venue.name == asked[1]:
            venue, where = None, _NOWHERE  # "Cambodia has offered to host in Koh Kong": one side's ask, no venue
        out.append(
            Meeting(
                evidence=evidence,
                date=told.date,
                date_text=told.date_text,
                venue=(f"{venue.name} and {also.name}" if also else venue.name) if venue else named or where.name,
                admin1=where.admin1,
                lat=where.lat,
                lon=where.lon,
                body=told.body,
                participants=told.participants,
                status=told.status,
                asked_venue=asked[1] if asked else None,
                asked_by=asked[0] if asked else None,
            )
        )
    return out


def find_meeting(
    sentence: Sentence, report_id: str, published: date | None, places: list[PlaceMention]
) -> Meeting | None:
    """The first meeting a sentence tells of, if any."""
    found = find_meetings(sentence, report_id, published, places)
    return found[0] if found else None


def family(meeting: Meeting) -> str | None:
    return FAMILY.get(meeting.body)


_PARTY_COUNTRY = {"TH": "Thailand", "KH": "Cambodia"}


def key_within(fine: str | None, coarse: str | None) -> bool:
    """Whether the place key `coarse` (a province code, else a venue's name) is a wider venue holding `fine`:
    a country holding a place in it ("Malaysia" and Kuala Lumpur; "Thailand" and TH-22; a place abroad, with
    no province, in any country but the two parties), or a city holding a building told in it ("Wisma
    Perwira, Kuala Lumpur" in Kuala Lumpur)."""
    if not fine or not coarse or fine == coarse:
        return False
    if coarse in _COUNTRY_NAMES and fine not in _COUNTRY_NAMES:
        country = _PARTY_COUNTRY.get(fine[:2]) if fine[2:3] == "-" else None
        return country == coarse if country else coarse not in _PARTY_COUNTRY.values()
    return fine.endswith(", " + coarse)


def place_key(m: Meeting) -> str | None:
    """What a mention's venue is compared by: its province, else its venue's name."""
    return m.admin1 or m.venue


def within(fine: Meeting, coarse: Meeting) -> bool:
    """Whether `coarse`'s venue is a wider one holding `fine`'s (key_within)."""
    return bool(fine.venue) and key_within(place_key(fine), place_key(coarse))


def same_place(a: Meeting, b: Meeting) -> bool:
    """Whether two mentions' venues do not conflict: either is unstated, they are the same, or one holds the
    other."""
    return keys_agree(place_key(a), place_key(b))


def keys_agree(x: str | None, y: str | None) -> bool:
    """Whether two place keys do not conflict: either is unstated, they are the same, or one holds the other."""
    return x is None or y is None or x == y or key_within(x, y) or key_within(y, x)


def compatible(a: Meeting, b: Meeting) -> bool:
    """Whether two mentions can be the same meeting: no conflicting date, venue or body family."""

    def agree(x, y):
        return x is None or y is None or x == y

    # "the GBC and RBC meetings": one sentence's two named bodies are two meetings
    paired = a.evidence.start == b.evidence.start and None not in (a.body, b.body) and a.body != b.body
    return agree(a.date, b.date) and same_place(a, b) and agree(family(a), family(b)) and not paired


def combine(a: Meeting, b: Meeting) -> Meeting:
    """a, completed with what b adds (b's date, venue or body where a has none; b's venue where it is a
    narrower one inside a's: Kuala Lumpur rather than Malaysia)."""
    where = b if within(b, a) or not (a.venue or a.admin1) else a  # a venue's name, province and point go together
    return replace(
        a,
        date=a.date or b.date,
        date_text=a.date_text or b.date_text,
        venue=where.venue,
        admin1=where.admin1,
        lat=where.lat,
        lon=where.lon,
        body=a.body or b.body,
        participants=tuple(dict.fromkeys(a.participants + b.participants)),
        asked_venue=a.asked_venue or b.asked_venue,
        asked_by=a.asked_by if a.asked_venue else b.asked_by,
    )


def firm(m: Meeting) -> bool:
    """Whether a mention fixes where the meeting is: it was held there, moved there, or set there anew (not as one
    side asks)."""
    return m.status == "held" or bool(m.venue and _names_new_venue(m.evidence.sentence, m.status != "proposed"))


@lru_cache(maxsize=SENTENCE_CACHE)
def _names_new_venue(text: str, set_anew: bool = True) -> bool:
    return NEW_VENUE.search(text) is not None or set_anew and VENUE_SETTLED.search(text) is not None


def replaces(new: Meeting, old: Meeting) -> bool:
    """Whether `new` tells where the meeting `old` planned elsewhere is held (or was moved to): the same date
    and body family, another venue, and `new` is firm where `old` is only planned."""
    return (
        new.date is not None
        and new.date == old.date
        and (family(new) is None or family(old) is None or family(new) == family(old))
        and bool(new.admin1 or new.venue)
        and firm(new)
        and not firm(old)
    )


def merge_in_report(meetings: list[Meeting]) -> list[Meeting]:
    """Dated mentions first: each undated one joins the first compatible meeting with its status (a held one that
    tells its own time, "over the weekend", joins no meeting the report tells as still to come). A meeting
    told as planned in one place and as held (or moved) in another is one meeting, at the later venue."""
    merged: list[Meeting] = []
    members: list[list[Meeting]] = []
    for m in sorted(meetings, key=lambda m: m.date is None):
        moved = _settled_elsewhere(m, merged)
        if moved is not None:  # "will be held at X rather than in Y": the plan of Y, now at X
            merged[moved] = combine(merged[moved], m)
            members[moved].append(m)
            continue
        fits = [
            i
            for i, x in enumerate(merged)
            if compatible(x, m)
            and not _other_month(m, x)
            and not (family(x) == "border" and _leaders_meet(m))
            and (m.date is not None or x.status == m.status or m.status == "held" and not _earlier(m, x))
        ]
        # an undated mention is of a dated meeting first, of the body it names first, then the one told nearest before
        # it ("… met on Monday. The meeting agreed …"), else nearest after it; of two told as near, the one of its own
        # body family (naming none, of one naming none)
        same = min(
            fits,
            key=lambda i: (
                merged[i].date is None,
                m.body is not None and merged[i].body != m.body,
                *_told_from(members[i], m.evidence.start),
                family(merged[i]) != family(m),
            ),
            default=None,
        )
        if same is not None:
            merged[same] = combine(merged[same], m)
            members[same].append(m)
            continue
        moved = next((i for i, x in enumerate(merged) if replaces(m, x) or replaces(x, m)), None)
        if moved is None:
            moved = _moved_meeting(m, merged, members)
        if moved is None:
            merged.append(m)
            members.append([m])
        else:
            x = merged[moved]
            merged[moved] = combine(m, x) if replaces(m, x) else combine(x, m)
            members[moved].append(m)
    merged = _there_placed([_after_move(m, ms) for m, ms in zip(merged, members, strict=True)], meetings)
    return sorted(_opened_spans(merged), key=lambda m: m.evidence.start)


# "are expected to meet there", "talks had opened there": the place the report told before.
MEET_THERE = re.compile(
    r"\b(?:meet|meets|met|meeting|convene|convenes|convened|held|hold|opened|open|resume|resumed|gather)\s+there\b",
    re.I,
)


def _there_placed(merged: list[Meeting], mentions: list[Meeting]) -> list[Meeting]:
    """The meetings with no venue whose sentence tells them "there" ("the ministers are expected to meet there on
    Saturday"), given the venue of the last of the report's mentions told before them that has one (the place
    "there" points back to); the others as they are."""
    if not any(m.venue is None and MEET_THERE.search(m.evidence.sentence) for m in merged):
        return merged
    out = []
    for m in merged:
        if m.venue is None and MEET_THERE.search(m.evidence.sentence):
            before = [x for x in mentions if x.venue and x.evidence.start < m.evidence.start]
            if before:
                x = max(before, key=lambda x: x.evidence.start)
                m = replace(m, venue=x.venue, admin1=x.admin1, lat=x.lat, lon=x.lon)
        out.append(m)
    return out


# Heads of government as who meet ("Thai and Cambodian leaders meet in Malaysia"): a leaders' meeting, not a border
# committee's.
LEADERS_MEET = re.compile(
    r"\b(?:leaders|prime ministers|premiers|heads of (?:state|government))\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:meet|meets|met|to meet|will meet|held talks|hold talks|signed)\b",
    re.I,
)


def _leaders_meet(m: Meeting) -> bool:
    """Whether an undated mention naming no body tells heads of government meeting ("leaders meet in Malaysia")."""
    return m.date is None and m.body is None and LEADERS_MEET.search(m.evidence.sentence) is not None


def _told_from(mentions: list[Meeting], at: int) -> tuple[bool, int]:
    """How far a meeting's mentions are told from a text position: (told only after it, the distance)."""
    before = [at - m.evidence.start for m in mentions if m.evidence.start <= at]
    if before:
        return False, min(before)
    return True, min(m.evidence.start - at for m in mentions)


def _other_month(undated: Meeting, dated: Meeting) -> bool:
    """Whether an undated mention tells a month of its own ("met in early August", "is expected in mid-November")
    that is not the month of a dated meeting: another meeting."""
    if undated.date is not None or dated.date is None or not undated.date_text:
        return False
    month = IN_MONTH.fullmatch(undated.date_text)
    return month is not None and MONTH_NUMBER[re.split(r"[\s-]", month.group())[-1][:3].lower()] != dated.date.month


def _opened_spans(merged: list[Meeting]) -> list[Meeting]:
    """A meeting the report tells as opening on a day ("the talks, which opened on Monday") and the meeting it tells
    held on a later day of the next RANGE_DAYS, with no conflicting body family or venue ("agreed on Thursday at the
    end of the committee's meeting"), are one meeting over those days: dated by its first, its days written as a span
    ("4 August to 7 August", which range_end reads)."""
    out = list(merged)
    for a in merged:
        if a not in out or a.date is None or not _opens(a):
            continue
        later = [
            b
            for b in out
            if b is not a
            and b.date is not None
            and a.date < b.date <= a.date + timedelta(days=RANGE_DAYS)
            and b.status == "held"
            and same_place(a, b)
            and (family(a) is None or family(b) is None or family(a) == family(b))
            and (a.body is None or b.body is None or a.body == b.body)
        ]
        if len(later) != 1:
            continue  # none, or more than one meeting it could run into
        b = later[0]
        span = replace(combine(a, b), date=a.date, date_text=f"{a.date:%-d %B} to {b.date:%-d %B}")
        out[out.index(a)] = span
        out.remove(b)
    return out


def _opens(m: Meeting) -> bool:
    """Whether a mention's date is told as the day its meeting opened ("which opened on Monday", "began on 24
    December")."""
    return (
        bool(m.date_text)
        and _OPENING.search(m.evidence.sentence) is not None  # no verb of opening: no pattern made for the day
        and re.search(rf"{OPENED.pattern}{re.escape(m.date_text)}", m.evidence.sentence, re.I) is not None
    )


OPENED = re.compile(r"\b(?:beg[au]n|start(?:ed)?|open(?:ed)?|kicked off)\s+(?:on\s+)?", re.I)
OPENED_ON = re.compile(OPENED.pattern + "$", re.I)  # the words just before a day told as the opening
_OPENING = guarded(OPENED, *("began", "begun", "start", "open", "kicked off"))


def _earlier(held: Meeting, planned: Meeting) -> bool:
    """Whether an undated held mention is an earlier meeting than a meeting the report tells as still to come: it
    tells a time of its own ("met over the weekend"), or its verbs tell it held while the one to come is told in the
    future with a day (talks held by the report's day are not the talks it says will meet on a day ahead)."""
    if planned.status not in ("scheduled", "proposed"):
        return False
    told_ahead = planned.date is not None and _future(planned.evidence.sentence)  # its words, not its day alone
    return held.date_text is not None or (told_ahead and bool(TOLD_HELD.search(held.evidence.sentence)))


# A verb that tells a meeting as held ("met", "was held", "took place"): not a status read only for want of a future
# word ("the summit in Malaysia", a headline), which may well be the meeting still to come.
TOLD_HELD = re.compile(r"\b(?:met|held|took place|convened|concluded|ended)\b", re.I)


def _moved_meeting(m: Meeting, merged: list[Meeting], members: list[list[Meeting]]) -> int | None:
    """The planned meeting an undated mention at another venue is told of when the report tells a move: it
    tells the move itself ("asked to move the GBC meeting to Malaysia"), or it is the plan the meeting left
    ("invited him to the meeting in Phnom Penh" in a report telling the meeting moved). The only planned
    meeting of its body family (or of none) that fits; None if m is dated, or held and tells no move."""
    tells = _tells_move(m.evidence.sentence)
    if m.date is not None or not m.venue or m.status == "held" and not tells:
        return None
    found = [
        i
        for i, (x, ms) in enumerate(zip(merged, members, strict=True))
        if x.status != "held"
        and (family(m) is None or family(x) in (None, family(m)))
        and (tells or any(_tells_move(y.evidence.sentence) for y in ms))
    ]
    return found[0] if len(found) == 1 else None


def _settled_elsewhere(m: Meeting, merged: list[Meeting]) -> int | None:
    """The planned meeting an undated mention settles at another venue ("the talks will be held at the checkpoint
    rather than in Kuala Lumpur", "both sides agreed to hold the meeting at Ban Pakkard"): the one planned meeting of
    its body family (or of none) that the report places elsewhere. None when m is dated, not told set, names no venue
    or tells no venue settled, or when no such meeting, or more than one, fits."""
    if m.date is not None or m.status != "scheduled" or not m.venue or not VENUE_SETTLED.search(m.evidence.sentence):
        return None
    found = [
        i
        for i, x in enumerate(merged)
        if x.status in ("scheduled", "proposed")
        and (x.venue or x.admin1)
        and not same_place(x, m)
        and (family(m) is None or family(x) in (None, family(m)))
    ]
    return found[0] if len(found) == 1 else None


@lru_cache(maxsize=SENTENCE_CACHE)
def _tells_move(text: str) -> bool:
    return MOVED.search(text) is not None or VENUE_SETTLED.search(text) is not None


def _after_move(meeting: Meeting, mentions: list[Meeting]) -> Meeting:
    """A meeting the report says was moved keeps no venue of a plan: the place it was moved to when a mention
    telling the move names one (the last such), else none ("moved to Malaysia" names a country, not a venue)."""
    if meeting.venue is None or len(mentions) < 2 or firm(meeting) and meeting.status == "held":
        return meeting  # no venue to take back, or no other mention to take it from
    moves = [m for m in mentions if _tells_move(m.evidence.sentence)]
    if not moves:
        return meeting
    placed = [m for m in moves if m.venue]
    to = placed[-1] if placed else None
    if to is None and not any(m.venue == meeting.venue for m in moves):
        return replace(meeting, venue=None, admin1=None, lat=None, lon=None)
    if to is not None and to.venue != meeting.venue:
        return replace(meeting, venue=to.venue, admin1=to.admin1, lat=to.lat, lon=to.lon)
    return meeting


# --- a venue one side asks for (a proposed meeting's asked_venue and asked_by) ---------------------------------------

# One side asking: "Cambodia requested", "the proposal, made by …", "Thailand suggested".
_ASKING = re.compile(
    r"\b(?:request\w*|propos\w*|suggest\w*|ask(?:s|ed|ing)?|seek\w*|sought|call(?:s|ed|ing)? for|offer(?:s|ed|ing)?)\b",
    re.I,
)
_PLACE_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
# Where it asks the meeting to be: "relocate the talks from Trat to Kuala Lumpur", "suggests Malaysia as a neutral
# venue", "asked that the meeting be held in Kuala Lumpur".
_ASKED_PLACE = re.compile(
    rf"\b(?:move|moving|moved|relocat\w*|shift\w*|transfer\w*)\b[^.;]{{0,100}}?\bto\s+(?P<to>{_PLACE_NAME})"
    rf"|\b(?:suggest\w*|propos\w*|nominat\w*)\s+(?P<as>{_PLACE_NAME})\s+as\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,4}}?"
    r"(?:venue|location|host)\b"
    rf"|\bbe\s+(?:held|hosted)\s+in\s+(?P<in>{_PLACE_NAME})"
    # "has offered to host in Koh Kong", "offers to host the talks in Siem Reap"
    rf"|\boffer\w*\s+to\s+host\s+(?:(?:it|them|the(?:\s+[\w-]+){{1,5}}?)\s+)?in\s+(?P<host>{_PLACE_NAME})"
)
_OWNER = re.compile(r"\b([A-Z][\w-]+)['’]s\s+(?:[a-z]+\s+)?$")
_ASKED_BY = re.compile(r"\bby\s+(?P<who>[^,.;]{3,80})")
_NOT_A_PLACE = re.compile(rf"^(?:{MONTHS}|{'|'.join(WEEKDAYS)})\b")


def asked_venue(text: str) -> tuple[str | None, str] | None:
    """The place a sentence tells one side asking a meeting to be held at, and that side: ("KH", "Kuala Lumpur")
    for "Cambodia requested to relocate the talks from Trat to Kuala Lumpur". The side is the one country named in
    the subject of the asking verb or owning it ("Thailand's proposal"), else in who it is "made by"; None when no
    side is told. None when the
    sentence tells no asking, or no place after it."""
    asking = _ASKING.search(text)
    if asking is None:
        return None
    found = _ASKED_PLACE.search(text, asking.start())
    if found is None:
        return None
    place = next(g for g in found.groups() if g)
    if _NOT_A_PLACE.match(place):
        return None
    subject = text[: asking.start()]
    owner = _OWNER.search(subject)  # "agreed to Thailand's proposal": the asking is Thailand's
    if owner and one_country(owner.group(1)):
        return one_country(owner.group(1)), place
    if "," in subject and not subject.rstrip().endswith(","):
        subject = subject.rsplit(",", 1)[1]  # "After the shelling, Cambodia asked": the clause before is no subject
    side = one_country(subject)
    if side is None:
        by = _ASKED_BY.search(text, asking.end(), found.start() + 1)
        side = one_country(re.split(r"\s+to\s+", by.group("who"))[0]) if by else None
    return side, place
