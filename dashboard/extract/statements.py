"""Statements about the ceasefire and its provisions: a sentence saying a ceasefire was agreed, took effect,
was violated or suspended, or that a provision (heavy weapons withdrawn, demining, observers deployed,
detained soldiers released) was done, is under way, is disputed or is planned (what is to be done: "the deal
will require both sides to remove heavy artillery").

One table (`TOPICS`, `STANCES`) gives the patterns and the cheap pre-check compiled from them. A sentence
gives at most one statement per topic: its stance is the strongest the sentence states (a dispute over
a claim of completion, completion over progress). Who says it is the country the attribution names.
"""

from __future__ import annotations

import re
from datetime import date

from dashboard.extract.actors import SPEECH, one_country, speaker_side
from dashboard.extract.dates import find_dates
from dashboard.extract.lexicon import precheck
from dashboard.extract.sentences import Sentence, per_text
from dashboard.records import Evidence, Statement

TOPICS = {
    "ceasefire": r"cease-?fires?|truces?|peace (?:accord|declaration|deal|agreement)s?|joint declarations?"
    r"|joint statements?"  # the 27 December ceasefire is a joint statement
    r"|violat\w+ (?:of )?(?:the |its |these |those |bilateral |existing |earlier )?agreements?"
    r"|breach\w* (?:of )?(?:the |its |these |those |bilateral |existing |earlier )?agreements?",
    "heavy_weapons": r"withdraw\w* (?:\w+ ){0,3}heavy (?:weapons|artillery)|heavy (?:weapons|artillery) (?:\w+ ){0,3}"
    r"(?:withdraw\w*|pulled back|moved back|removed)|pull\w* (?:back|out) (?:\w+ ){0,2}heavy (?:weapons|artillery)"
    r"|remov\w* (?:\w+ ){0,4}heavy (?:weapons|artillery)",  # up to 4 words: "remove all mines and heavy artillery"
    "demining": r"demin\w+|mine clearance|clear\w* (?:of )?(?:the )?(?:land ?)?mines|mine clearing|landmine clearing"
    r"|remov\w* (?:\w+ ){0,2}(?:land ?)?mines|mine removal",
    "observers": r"observers?|observer teams?|monitoring teams?|monitors",
    "detainees": r"prisoners? of war|POWs?|detainees?|detained (?:\w+ )?soldiers|captured (?:\w+ )?soldiers"
    r"|soldiers (?:(?:who were|were|was) )?(?:detained|captured|held) by"
    r"|soldiers (?:were|was|have been|had been) (?:released|returned|freed|handed over|repatriated)"
    r"|release of (?:the )?(?:\d+ )?(?:detained |captured )?(?:Cambodian |Thai )?(?:soldiers|troops|prisoners)",
}
# For the ceasefire itself; for the provisions, PROVISION_STANCES. The first stance that matches wins.
CEASEFIRE_STANCES = {
    "suspended": r"suspend\w*|suspensions?|collapsed?|abandon\w*|scrapp\w+|tore up|null and void",
    "violated": r"violat\w+|breach\w*|broke|breaking|broken|contraven\w+",
    "in_effect": r"took effect|taken effect|takes effect|came into (?:force|effect)|went into effect|in effect|in force"
    r"|holding|has held|largely held",
    "agreed": r"agreed|agree to|signed|reached|brokered|announced|declared",
}
PROVISION_STANCES = {
    "suspended": r"suspend\w*|suspensions?",  # put off by a party ("the planned release … suspended")
    "disputed": r"refus\w+|fail\w+ to|yet to|has not|have not|had not|not been|not yet|accus\w+|violat\w+"
    r"|den(?:y|ies|ied)|delay\w*|stalled|halted",
    "done": r"completed|complete|finished|withdrew|withdrawn|pulled (?:back|out)|released|freed|returned"
    r"|handed over|repatriated|deployed|arrived",
    "in_progress": r"began|begun|begins|started|starts|continu\w+|under ?way|ongoing|progress\w*|clearing|removing"
    r"|withdrawing|deploying|being|negotiat\w+|under discussion|discuss(?:es|ed|ing)",
}
_TOPIC_RX = {topic: re.compile(rf"\b(?:{p})\b", re.I) for topic, p in TOPICS.items()}
_CEASEFIRE_RX = [(stance, re.compile(rf"\b(?:{p})\b", re.I)) for stance, p in CEASEFIRE_STANCES.items()]
_PROVISION_RX = [(stance, re.compile(rf"\b(?:{p})\b", re.I)) for stance, p in PROVISION_STANCES.items()]
CHECK = precheck(*TOPICS.values())
# A denial or a negation near the topic: the sentence does not state the stance (it may state its opposite).
NEGATED = re.compile(r"\b(?:not|no|never|den(?:y|ies|ied)|rejected|dismissed|without|before)\b|n't\b", re.I)
DENIED = re.compile(r"\b(?:den(?:y|ies|ied)|rejected|dismissed)\b", re.I)
NEAR = 80  # characters either side of the topic's words in which its stance is read
# Not a statement of what happened or is to happen: conditions, calls, hopes and questions.
HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|whether|could|should|must|urged?|called (?:for|on)|calls? (?:for|on)|hopes?|hoped"
    r"|demand\w*|proposed|request\w*|(?:asks?|asked|asking) (?:\w+ ){1,3}to)\b|\?",
    re.I,
)
# What is to happen: of a provision, a plan ("the team will monitor", "the deal will require both sides to remove
# heavy artillery"); of the ceasefire itself, no statement (whether it will hold is no news of it).
PLANNED = re.compile(
    r"\b(?:will|would|shall|plans? to|planning to|set to|is to|are to|to be (?:set up|established"
    r"|deployed|withdrawn|removed|cleared|released|returned))\b|'ll\b",
    re.I,
)
CEASEFIRE_AHEAD = re.compile(r"\b(?:will|would|plans? to)\b", re.I)  # the ceasefire's: no statement
# The topic's word as the subject of a speech verb names who speaks ("observers say talks will go on": analysts),
# not the provision.
SPEAKERS = re.compile(rf"\s+(?:{SPEECH}|believe\w*|warn\w*|argue\w*|expect\w*)\b", re.I)
# A plan's negation: "will not withdraw", "refuses to release".
PLAN_NEGATED = re.compile(r"\b(?:not|never|no longer|refus\w+)\b|n't\b", re.I)


def _denier(window: str) -> str | None:
    """The side that denies in a text: the one country named in the clause of its verb of denying, before it
    ("…, which Cambodia denied", "Thailand flatly rejected the claim")."""
    deny = DENIED.search(window)
    clause = re.split(r"[,;:]", window[: deny.start()])[-1]
    return one_country(clause)


def topic_of(text: str) -> str | None:
    """The topic a text (a provision of an agreement, a sentence) is about: the first of TOPICS it names,
    provisions before the ceasefire itself."""
    for topic in (*[t for t in TOPICS if t != "ceasefire"], "ceasefire"):
        if _TOPIC_RX[topic].search(text):
            return topic
    return None


def _stance_at(text: str, topic: str) -> tuple[str, re.Match] | None:
    """The first stance of the topic's table a text states, with where its words are."""
    table = _CEASEFIRE_RX if topic == "ceasefire" else _PROVISION_RX
    for stance, rx in table:
        m = rx.search(text)
        if m:
            return stance, m
    return None


PLAN_REACH = 25  # characters before a stance's verb a plan's words govern it in ("will be", "are set to be")


def may_state(text: str) -> bool:
    """Whether a text can make a statement at all (find_statements finds none in a text that cannot)."""
    return CHECK.search(text) and HYPOTHETICAL.search(text) is None


@per_text
def find_statements(sentence: Sentence, report_id: str, published: date | None) -> list[Statement]:
    text = sentence.text
    if not may_state(text):
        return []
    out = []
    # who says it (its attribution, or the subject of its verb of saying), else the sentence's subject (its first
    # words: "Thailand suspended the accord"), but not for a violation, whose subject is the side said to violate
    said_by = speaker_side(text)
    subject = one_country(" ".join(text.split()[:2]))
    dates = [d.date for d in find_dates(text, published, future=False) if d.date]
    planned = PLANNED.search(text) is not None
    for topic, rx in _TOPIC_RX.items():
        m = rx.search(text)
        if not m or (topic == "ceasefire" and CEASEFIRE_AHEAD.search(text)):
            continue
        if SPEAKERS.match(text, m.end()):
            continue
        window = text[max(0, m.start() - NEAR) : m.end() + NEAR]  # what is said of it, not elsewhere
        found = _stance_at(window, topic)
        stance = found[0] if found else None
        who = said_by or (subject if stance != "violated" else None)
        # the sentence's plan is the topic's unless the topic has a stance of its own the plan does not govern
        # ("observers were deployed, and talks will go on": done; "observers will be deployed": planned)
        if (planned and topic != "ceasefire") and (
            found is None or PLANNED.search(window, max(0, found[1].start() - PLAN_REACH), found[1].start())
        ):
            # what is to be done: planned, or disputed when refused ("will not withdraw"); put off, suspended
            stance = "disputed" if PLAN_NEGATED.search(window) else "suspended" if stance == "suspended" else "planned"
        elif stance is not None and NEGATED.search(window):
            if topic == "ceasefire":  # "denied violating the truce", "no violations": not a statement that it was
                if stance != "violated" or not DENIED.search(window):
                    continue
                stance = "denied"  # a side denies having violated it: its own statement, beside the accusation
                who = _denier(window)
                if who is None:
                    continue
            else:
                stance = "disputed"  # "the weapons were not withdrawn", "the soldiers have not been released"
        if stance is None:
            continue
        evidence = Evidence(report_id, text, sentence.start, sentence.end, text)
        out.append(Statement(evidence, topic, stance, who, dates[0] if dates else None))
    return out
