"""Statements about the ceasefire and its provisions: a sentence saying a ceasefire was agreed, took effect,
was violated or suspended, or that a provision (heavy weapons withdrawn, demining, observers deployed,
detained soldiers released) was done, is under way, is disputed or is planned (what is to be done: "the deal
will require both sides to remove heavy artillery").

The words are data (dashboard/data/lexicon/statement_topics.csv and statement_stances.csv, a reason per row);
the cheap pre-check is compiled from them. A sentence
gives at most one statement per topic: its stance is the strongest the sentence states (a dispute over
a claim of completion, completion over progress). Who says it is the country the attribution names.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dashboard.extract.actors import SPEECH, one_country, speaker_side
from dashboard.extract.dates import find_dates
from dashboard.extract.lexicon import folded, initials, precheck, starting_with, table
from dashboard.extract.sentences import SENTENCE_CACHE, Sentence, per_text
from dashboard.records import Evidence, Statement


def _rows(name: str) -> list[dict[str, str]]:
    return [r for r in table(name) if r["topic"].strip()]


def _compile(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b", re.I)


# The topics' words (dashboard/data/lexicon/statement_topics.csv, a reason per row), per topic and kind: "whole",
# words that name the provision itself ("demining", "release of the soldiers"); "subject", what a provision is
# about ("landmines", "observers", "soldiers held by"), which is the topic only with one of its "action" words in
# the same clause ("mines exploded" is an incident, "clear the mines" the provision); "anaphor", an action on
# those named in the sentence before ("their release").
KINDS = ("whole", "subject", "action", "anaphor")
TOPIC_WORDS: dict[str, dict[str, tuple[str, ...]]] = {}
for _row in _rows("statement_topics"):
    TOPIC_WORDS.setdefault(_row["topic"].strip(), {k: () for k in KINDS})
    _kind = _row["kind"].strip()
    TOPIC_WORDS[_row["topic"].strip()][_kind] += (_row["word"].strip(),)
TOPICS = tuple(TOPIC_WORDS)
_RX = {
    topic: {kind: _compile("|".join(ws)) if ws else None for kind, ws in kinds.items()}
    for topic, kinds in TOPIC_WORDS.items()
}
# The stances (dashboard/data/lexicon/statement_stances.csv): of the ceasefire itself, of every provision, and of
# one provision's topic only (the observers at work: "the team watched the handover"); the first stance of the file
# that matches wins, a topic's own words taking the place of their stance among the provisions' (`_stance_table`).
_STANCES: dict[str, list[tuple[str, re.Pattern]]] = {}
for _row in _rows("statement_stances"):
    _STANCES.setdefault(_row["topic"].strip(), []).append((_row["kind"].strip(), _compile(_row["word"].strip())))
_CEASEFIRE_RX = _STANCES["ceasefire"]
_PROVISION_RX = _STANCES["provision"]


def _stance_table(topic: str) -> list[tuple[str, re.Pattern]]:
    """The stances read of a topic, in the order they are tried: the ceasefire's; of a provision, the provisions'
    with the topic's own words after the provisions' words of the same stance."""
    if topic == "ceasefire":
        return _CEASEFIRE_RX
    order = [stance for stance, _ in _PROVISION_RX]
    ranked = [(order.index(stance), 0, row) for row in _PROVISION_RX for stance in (row[0],)]
    ranked += [(order.index(stance), 1, row) for row in _STANCES.get(topic, []) for stance in (row[0],)]
    return [row for *_, row in sorted(ranked, key=lambda r: r[:2])]


_TABLES = {topic: _stance_table(topic) for topic in TOPICS}
CHECK = precheck(*(w for k in TOPIC_WORDS.values() for w in (*k["whole"], *k["subject"], *k["anaphor"])))
# A denial or a negation near the topic: the sentence does not state the stance (it may state its opposite).
NEGATED = re.compile(r"\b(?:not|no|never|den(?:y|ies|ied)|rejected|dismissed|without|before)\b|n't\b", re.I)
DENIED = re.compile(r"\b(?:den(?:y|ies|ied)|rejected|dismissed)\b", re.I)
NEAR = 80  # characters either side of the topic's words in which its stance is read
# Not a statement of what happened or is to happen: conditions, calls, hopes and questions.
HYPOTHETICAL = re.compile(
    r"\b(?:if|unless|whether|could|should|must|urged?|called (?:for|on)|calls? (?:for|on)|hopes?|hoped"
    r"|demand\w*|proposed|request\w*|(?:asks?|asked|asking) (?:\w+ ){1,3}to)\b|\?"
    # an inverted condition opening the sentence ("Had the observers been deployed …, the suspension might …",
    # "Were the weapons withdrawn, …"): a declarative sentence does not open with these verbs
    r"|^\W*(?:had|were|should)\s+(?!(?:been|not|never|n't)\b)",
    re.I,
)
# A hope, call or request in the past that "as" brings in is a comparison with it ("has not decreased as we had
# hoped", "as Cambodia requested, the soldiers were freed"): no condition on what the sentence tells ("as well as",
# "such as" and "as soon as" are other words).
AS_BEFORE = re.compile(r"(?<!\bwell )(?<!\bsuch )(?<!\bsoon )\bas\s+(?:[\w'-]+\s+){0,3}$", re.I)


def _hypothetical(text: str, end: int) -> bool:
    """Whether a text states a condition, call, hope or request before `end` (not one "as" compares with)."""
    for m in HYPOTHETICAL.finditer(text, 0, end):
        if not (m.group().lower().endswith("ed") and AS_BEFORE.search(text, max(0, m.start() - 40), m.start())):
            return True
    return False


# Of a provision, also a condition it is put as ("will not stop until the other side clears the mines"): a demand.
CONDITION = re.compile(r"\b(?:until|till|unless|once|as soon as|provided that|on condition)\b", re.I)
# What is to happen: of a provision, a plan ("the team will monitor", "the deal will require both sides to remove
# heavy artillery"); of the ceasefire itself, no statement (whether it will hold is no news of it).
# An instrument that puts a duty on the sides ("the statement commits both sides to … resume demining", "the accord
# requires Thailand to free the soldiers") tells what is to be done, however long the list of duties it heads.
PLANNED = re.compile(
    r"\b(?:will|would|shall|plans? to|planning to|set to|is to|are to|to be (?:set up|established"
    r"|deployed|withdrawn|removed|cleared|released|returned)"
    r"|(?:commit(?:s|ted)?|requires?|required|oblig(?:es|ed|ates)|binds?) (?:[\w'-]+ ){1,3}to)\b|'ll\b",
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


# An action is read in the clause of the topic's subject, and a stance in the topic's clause: clauses end at
# semicolons, colons and dashes, and a second reported clause begins at "and that" ("said the hostility 'has not
# decreased' and that Thailand would halt the release": the negation is the other clause's).
CLAUSE_END = re.compile(r"[;:]|\s[—–-]\s|\b(?:and|but|while) that\b")


def _clause(text: str, at: int) -> tuple[int, int]:
    """The bounds of the clause around a position: between the nearest semicolons, colons or dashes."""
    start = max((m.end() for m in CLAUSE_END.finditer(text, 0, at)), default=0)
    end = next((m.start() for m in CLAUSE_END.finditer(text, at)), len(text))
    return start, end


def _names(text: str, topic: str) -> re.Match | None:
    """Where a text names what a topic is about (its whole words, or a subject of it), if it does."""
    rx = _RX[topic]
    return (rx["whole"] and rx["whole"].search(text)) or (rx["subject"] and rx["subject"].search(text)) or None


def mention(text: str, topic: str, referring: bool = False) -> tuple[int, int, int] | None:
    """Where a text speaks of a topic: (start, end, the end of its head word). The topic's whole words; or a subject
    of it with one of its actions in the same clause, within NEAR characters ("the soldiers held by Thailand were
    released"; not "the soldiers who were killed"); `referring`: only its anaphors ("their release")."""
    rx = _RX[topic]
    if referring:
        m = rx["anaphor"] and rx["anaphor"].search(text)
        return (m.start(), m.end(), m.end()) if m else None
    m = rx["whole"] and rx["whole"].search(text)
    if m:
        return m.start(), m.end(), m.end()
    if not (rx["subject"] and rx["action"]):
        return None
    for s in rx["subject"].finditer(text):
        lo, hi = _clause(text, s.start())
        lo, hi = max(lo, s.start() - NEAR), min(hi, s.end() + NEAR)
        for a in rx["action"].finditer(text, lo, hi):
            if a.end() <= s.start() or a.start() >= s.end():  # an action beside the subject, not its own word
                return min(s.start(), a.start()), max(s.end(), a.end()), s.end()
    return None


def topic_of(text: str) -> str | None:
    """The topic a text (a provision of an agreement, a sentence) is about: the first of TOPICS it names,
    provisions before the ceasefire itself."""
    for topic in (*[t for t in TOPICS if t != "ceasefire"], "ceasefire"):
        if mention(text, topic):
            return topic
    return None


def _stance_at(text: str, topic: str) -> tuple[str, re.Match] | None:
    """The first stance of the topic's table a text states, with where its words are."""
    for stance, rx in _TABLES[topic]:
        m = rx.search(text)
        if m:
            return stance, m
    return None


PLAN_REACH = 25  # characters before a stance's verb a plan's words govern it in ("will be", "are set to be")


def _plan_refused(text: str, start: int, end: int, plan: int | None = None) -> bool:
    """Whether the plan a topic (text[start:end]) is told in is refused: a negation between the plan's words (at
    `plan`, else the nearest before the topic's end, else after it) and the topic ("will not withdraw its heavy
    weapons", "the soldiers will not be released"), not one of another clause ("… 'has not decreased', and
    that Thailand would halt the release")."""
    if plan is None:
        before = [m.start() for m in PLANNED.finditer(text, 0, end)]
        after = PLANNED.search(text, end)
        plan = before[-1] if before else after.start() if after else start
    return PLAN_NEGATED.search(text, min(plan, start), max(plan, end)) is not None


# Every topic's names (its whole words and subjects) in one pattern, its anaphors in another: `mention` finds a topic
# only where one of them matches, so a text neither finds mentions no topic and is not searched topic by topic (the
# pre-check passes every "soldiers", "mines" or "their"). tests/test_extract_statements.py compares.
_NAMES = [w for k in TOPIC_WORDS.values() for w in (*k["whole"], *k["subject"])]
_ANAPHORS = [w for k in TOPIC_WORDS.values() for w in k["anaphor"]]
ANY_NAME = folded(starting_with(initials(*_NAMES), rf"\b(?:{'|'.join(_NAMES)})\b"))
ANY_ANAPHOR = folded(starting_with(initials(*_ANAPHORS), rf"\b(?:{'|'.join(_ANAPHORS)})\b"))


@lru_cache(maxsize=SENTENCE_CACHE)
def _mentions(text: str, referring: bool) -> tuple[tuple[str, tuple[int, int, int]], ...]:
    """Each topic a text speaks of and where (`mention`), in TOPICS' order: read once per text, whatever the date
    of the report it comes in."""
    if not (ANY_ANAPHOR if referring else ANY_NAME).search(text):
        return ()
    topics = [t for t in TOPICS if not (referring and t == "ceasefire")]
    return tuple((t, at) for t in topics if (at := mention(text, t, referring)) is not None)


def may_state(text: str) -> bool:
    """Whether a text can make a statement at all (find_statements finds none in a text that cannot): it passes the
    pre-check and mentions a topic, or refers to one."""
    return bool(_may_state(text) and (_mentions(text, False) or _mentions(text, True)))


def _may_state(text: str) -> bool:
    """The pre-check: a text without any topic's stem, or asking a question, states nothing."""
    return CHECK.search(text) and "?" not in text


def find_statements(sentence: Sentence, report_id: str, published: date | None, before: str = "") -> list[Statement]:
    """The statements of a sentence; `before`, the sentence before it in the same paragraph: what its anaphors
    ("their release") refer to when it names what a topic is about ("the soldiers detained by Thailand")."""
    out = _statements(sentence, report_id, published)
    if before:
        told = {s.topic for s in out}
        out += [
            s for s in _referring(sentence, report_id, published) if s.topic not in told and _names(before, s.topic)
        ]
    return out


@per_text
def _statements(sentence: Sentence, report_id: str, published: date | None) -> list[Statement]:
    return _find(sentence, report_id, published, referring=False)


@per_text
def _referring(sentence: Sentence, report_id: str, published: date | None) -> list[Statement]:
    return _find(sentence, report_id, published, referring=True)


def _find(sentence: Sentence, report_id: str, published: date | None, referring: bool) -> list[Statement]:
    text = sentence.text
    if not _may_state(text):
        return []
    mentions = dict(_mentions(text, referring))
    if not mentions:  # the pre-check passes any "their" (anaphors): find nothing else before a mention
        return []
    out = []
    # who says it (its attribution, or the subject of its verb of saying), else the sentence's subject (its first
    # words: "Thailand suspended the accord"), but not for a violation, whose subject is the side said to violate
    said_by = speaker_side(text)
    subject = one_country(" ".join(text.split()[:2]))
    planned = PLANNED.search(text) is not None
    dates = [d.date for d in find_dates(text, published, future=planned) if d.date]
    for topic, (start, end, head) in mentions.items():
        if topic == "ceasefire" and CEASEFIRE_AHEAD.search(text):
            continue
        if SPEAKERS.match(text, head):
            continue
        # a condition, call, hope or request: of the ceasefire, anywhere in the sentence; of a provision, before
        # what the sentence says of it ("Cambodia is negotiating their release and has asked Malaysia to help":
        # the negotiation is told; "urged both sides to remove heavy weapons": not)
        if _hypothetical(text, len(text) if topic == "ceasefire" else end) or (
            topic != "ceasefire" and CONDITION.search(text, 0, end)
        ):
            continue
        lo, hi = _clause(text, start)
        offset = max(lo, start - NEAR)
        window = text[offset : min(hi, end + NEAR)]  # what is said of it in its clause, not elsewhere
        found = _stance_at(window, topic)
        stance = found[0] if found else None
        who = said_by or (subject if stance != "violated" else None)
        # the sentence's plan is the topic's unless the topic has a stance of its own the plan does not govern
        # ("observers were deployed, and talks will go on": done; "observers will be deployed": planned)
        if stance == "denied":  # "no clashes since the ceasefire": a side's word, so only with its speaker's side
            who = said_by
            if who is None:
                continue
        elif (planned and topic != "ceasefire") and (
            found is None
            or (plan := PLANNED.search(window, max(0, found[1].start() - PLAN_REACH), found[1].start())) is not None
        ):
            # what is to be done: planned, or disputed when refused ("will not withdraw"); put off, suspended
            at = None if found is None else offset + plan.start()
            refused = _plan_refused(text, start, max(end, offset + found[1].end()) if found else end, at)
            stance = "disputed" if refused else "suspended" if stance == "suspended" else "planned"
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
