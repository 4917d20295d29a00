"""Who says what: the country a phrase points at, and who a sentence attributes a statement to."""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.extract.lexicon import COUNTRY_CUES, MONTHS, WEEKDAYS, guarded, whole_words

# A nationality's cue words (a word → its country), all in one pattern that finds them as whole words.
_CUE_COUNTRY = {w: c for c, ws in COUNTRY_CUES.items() for w in ws}
_CUE = re.compile(whole_words(_CUE_COUNTRY))
# A nationality that names who attacked, not whose people were hit: "by Cambodian forces",
# "Cambodian rockets", "Thai troops launched …", "an attack from the Thai side".
ATTACK_WORDS = (
    r"launched|launching|fired|firing|attacked|attacking|shelled|shelling|struck|striking|bombed|bombing"
    r"|bombarded|bombarding|bombard|hit|opened fire|targeted|targeting|killing|injuring|wounding|used|using"
    r"|deployed|deploying|dropped|dropping|planted|carried out|conducted"
    r"|violated|violating|breached|breaching"  # "Cambodian troops violated the truce by firing …"
    r"|encroached|intruded|invaded"  # an incursion
)
# "the Thai-Cambodian border", "Thailand-Cambodia conflict": the conflict's name, not a side.
CONFLICT_NAME = re.compile(r"\b(?:Thai|Thailand|Cambodian?)\s*[-–/]\s*(?:Thai|Thailand|Cambodian?)\b")
# Around a nationality: "<attack word> … by|from (the) <it>" before it, or after it a force that
# attacks ("forces … fired") or a weapon ("rockets", "shelling").
_ATTACKER_BEFORE = re.compile(
    r"\b(?:attack\w*|fire|shelling|strikes?|hit|struck|killed|wounded|injured|damaged|destroyed|launched"
    r"|carried out|fired|targeted|shelled|bombed|acts?|violations?|breach(?:es)?|aggression|provocations?"
    r"|committed|perpetrated)\s+(?:\w+\s+){0,2}(?:by|from)\s+(?:the\s+|an?\s+)?$",
    re.I,
)
SPEECH = (
    r"said|says|say|reported|reports|report|cited|cites|cite|told|announced|stated|estimated|put"
    r"|confirmed|counted|recorded|added|noted"
)
# Guarded by the words every match ends with (an attack word or a weapon): most nationalities in a sentence have
# none after them, and the pattern, tried at the cue, would read on through its optional words first.
_ATTACKER_AFTER = guarded(
    re.compile(
        r"(?:'s)?(?:(?:\s+[a-z][\w-]*){0,2}?\s+(?:forces|troops|army|military|side|soldiers|navy|air force|jets?"
        r"|F-16s?|units?|artillery|gunners|vessels|ships|gunboats|boats|aircraft|warplanes|planes|drones|weapons))*"
        # a relative clause ("troops who first fired"), adverbs ("reportedly", "then"), auxiliaries
        r"(?:,?\s+(?:who|that|which))?"
        r"(?:\s+(?:also|again|then|first|\w+ly|have|has|had|continued to|began to|started to))*"
        rf"\s+[\"“”']?(?:{ATTACK_WORDS})\b"
        # a weapon a word or two after it, not in what it says ("Cambodia said Thai shells …" names Thailand's shells)
        rf"|(?:\s+(?!(?:{SPEECH}|accus\w*|claim\w*|alleg\w*|charg\w*)\b)[\w-]+){{0,2}}?\s+(?:attacks?|shelling|fire|rockets?"
        r"|strikes?|airstrikes?|artillery"
        r"|drones?|mortars?|gunfire|bombardments?|shells|missiles?|bombs|jets?|F-16s?|warplanes?|tanks?|weapons"
        r"|aggression|incursions?|offensives?)\b",  # an assault named as such: "by Thai military aggression"
        re.I,
    ),
    *("launch", "fire", "firing", "attack", "shell", "struck", "strik", "bomb", "hit", "target", "killing"),
    *("injuring", "wounding", "used", "using", "deploy", "dropp", "planted", "carried out", "conducted"),
    *("violat", "breach", "encroached", "intruded", "invaded", "rocket", "artiller", "drone", "mortar"),
    *("missile", "jet", "f-16", "warplane", "tank", "weapon", "aggression", "incursion", "offensive"),
)


def cues_in(text: str) -> list[tuple[str, bool]]:
    """Each nationality cued in a text, and whether it names the attacker."""
    return [(c, attacking) for c, attacking, _ in _placed_cues(text)]


def cues_before(text: str, end: int) -> list[tuple[str, bool]]:
    """The nationalities cued in a text before position `end`, each read as naming the attacker or not in the whole
    text (the words after `end` may tell that its forces attack)."""
    if not _CUE.search(text, 0, end):
        return []
    return [(c, attacking) for c, attacking, pos in _placed_cues(text) if pos < end]


@lru_cache(maxsize=512)
def _placed_cues(text: str) -> tuple[tuple[str, bool, int], ...]:
    """Each nationality cued in a text, whether it names the attacker, and where it stands."""
    if "-" in text or "–" in text or "/" in text:
        text = CONFLICT_NAME.sub(lambda m: " " * len(m.group(0)), text)  # same length: positions hold
    return tuple(
        (_CUE_COUNTRY[m.group()], _attacking(text, m.start(), m.end()), m.start()) for m in _CUE.finditer(text)
    )


def _attacking(text: str, start: int, end: int) -> bool:
    near = text[max(0, start - 11) : start]
    by = ("by " in near or "from " in near) and _ATTACKER_BEFORE.search(text, max(0, start - 60), start)
    return bool(by or _ATTACKER_AFTER.match(text, end))


# The two countries named together: `\b(?:N)\s+and\s+(?:N)\b|\bboth (?:sides|countries|nations)\b|\bbetween\b`
# (N: the names below), each alternative written out to begin with its first letter and look behind it after
# it, so that `re` skips to the letters that can begin one (tests/test_extract_guards.py checks the two agree).
_NATIONS = ("Thailand", "Cambodia", "Thai", "Cambodian")
# "between December 8 and 27", "between 8 and 10 am": a span of time, not the two countries.
_NOT_A_SPAN = rf"(?!\s+(?:\d|(?:{MONTHS}|{'|'.join(WEEKDAYS)})\b))"
BOTH = re.compile(
    "|".join(rf"{n[0]}(?<!\w.){n[1:]}\s+and\s+(?:{'|'.join(_NATIONS)})\b" for n in _NATIONS)
    + r"|b(?<!\w.)oth (?:sides|countries|nations)\b|b(?<!\w.)etween\b"
    + _NOT_A_SPAN
)

_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>(?:the )?[^,.;]{3,80}?)(?=[,.;]|$| on | at | in )")
# A speaker: a name, or an office after a name and up to two plain words ("Thailand's defence minister").
_SAID = re.compile(
    rf"(?P<who>(?:(?:the|The)\s+)?(?:[A-Z][\w'-]*\s+){{1,5}}(?:[a-z]+\s+){{0,2}}"
    rf"(?:ministry|minister|army|military|government|spokes\w+|chief|commander|command|officials?|authorities"
    rf"|police|office|agency|side)"
    rf"|(?:(?:the|The)\s+)?(?:[A-Z][\w'-]*\s+){{0,5}}"
    rf"(?:[Mm]inistry(?: of [A-Z]\w+)?|authorities|officials|official|army|military|government|spokes\w+"
    rf"|police|agency|office|Interior|Defence|Defense|Thailand|Cambodia|[A-Z][a-z]+))"
    rf"(?:\s+(?:on \w+|also|has|have|had|earlier))*\s+(?:{SPEECH})\b"
)

# Where a speaker (_SAID's `who`) can begin: a capital letter, or a word its pattern can begin with in lowercase.
# _SAID itself begins with optional groups, so `re` would try it at every position of a sentence; tried only
# here, it finds the same first match (tests/test_extract_guards.py checks this against the pattern's own search).
_SAID_STARTS = re.compile(
    r"[A-Z]|the|ministry|authorities|officials?|army|military|government|spokes|police|agency|office"
)

_ARTICLE = re.compile(r"^(?:the|The)\s+")


# Literals every verb of SPEECH holds: a match of _SAID ends with one.
_SPEECH_LITERALS = (
    *("said", "say", "report", "cite", "told", "announced", "stated", "estimated", "put", "confirmed", "counted"),
    *("recorded", "added", "noted"),
)


def _said(sentence: str) -> re.Match | None:
    """_SAID's first match in a sentence (as `_SAID.search`), tried only where a speaker can begin: before the
    last verb of saying the sentence can hold (none: no speaker)."""
    last = max(sentence.rfind(w) for w in _SPEECH_LITERALS)
    if last < 0:
        return None
    for start in _SAID_STARTS.finditer(sentence):
        if start.start() > last:
            break  # a speaker after the last verb of saying has no verb after it
        m = _SAID.match(sentence, start.start())
        if m:
            return m
    return None


@lru_cache(maxsize=512)
def attackers_in(text: str) -> tuple[str, ...]:
    """Countries a text names as attacking ("Cambodian forces fired …", "hit by Thai shelling")."""
    return tuple(c for c, attacking in cues_in(text) if attacking)


def first_attacker_at(text: str) -> int | None:
    """Where the first side a text names as attacking is named."""
    return next((pos for _, attacking, pos in _placed_cues(text) if attacking), None)


def attacker_near(text: str, at: int) -> str | None:
    """The side a text names as attacking nearest before position `at` (the attack's word), else the
    nearest after it: "He accused Cambodia of sending drones and said Thai forces launched an operation"
    names Thailand for the operation."""
    before = [(pos, c) for c, attacking, pos in _placed_cues(text) if attacking and pos < at]
    if before:
        return max(before)[1]
    after = [(pos, c) for c, attacking, pos in _placed_cues(text) if attacking and pos >= at]
    return min(after)[1] if after else None


@lru_cache(maxsize=512)
def victim_side(text: str) -> str | None:
    """The one country whose people a text is about, once the nationalities that name attackers are
    set aside: "killed by Cambodian rockets" is about Thailand's people, "Thai civilians" about Thai."""
    if not _CUE.search(text) or BOTH.search(text):
        return None
    return side_of_cues(cues_in(text))


def side_of_cues(cues: list[tuple[str, bool]]) -> str | None:
    """victim_side of a text that does not name the two countries together, from its cues (`cues_in`): for a
    caller that already has them (a figure's clause, whose cues also tell its attackers)."""
    attackers = {c for c, attacking in cues if attacking}
    rest = {c for c, attacking in cues if not attacking}
    if len(rest) == 1:
        return rest.pop()
    if not rest and len(attackers) == 1:
        return "TH" if attackers.pop() == "KH" else "KH"
    return None


@lru_cache(maxsize=512)
def countries_in(text: str) -> tuple[str, ...]:
    """Country codes cued in a text, in order of appearance."""
    if "-" in text or "–" in text or "/" in text:
        text = CONFLICT_NAME.sub(" ", text)
    return tuple(_CUE_COUNTRY[m.group()] for m in _CUE.finditer(text))


@lru_cache(maxsize=512)
def one_country(text: str) -> str | None:
    """The single country a text points at, or None if it names none or both."""
    if BOTH.search(text):
        return None
    found = set(countries_in(text))
    return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=512)
def attribution(sentence: str) -> str | None:
    """Who the sentence attributes its statement to, as written ('Cambodia's Ministry of Interior')."""
    m = (_ACCORDING.search(sentence) if "ccording to " in sentence else None) or _said(sentence)
    if not m:
        return None
    who = _ARTICLE.sub("", m.group("who")).strip()
    return who if len(who) > 2 and who.lower() not in {"he", "she", "they", "it", "this"} else None


# A verb by which a sentence's subject says, alleges or protests something, in the past or the present ("the army
# claims"): the speaker stands before it.
SAYING = re.compile(
    rf"\b(?:{SPEECH}|accus(?:ed|es|ing)|alleg(?:ed|es)|protested|condemn(?:ed|s)|claim(?:ed|s)|blam(?:ed|es)"
    rf"|warn(?:ed|s)|insist(?:ed|s)|den(?:y|ies|ied))\b"
)
# Words between a subject and its verb: "Cambodia, through its ministry, has strongly protested".
_AUXILIARIES = re.compile(r"(?:\s+(?:has|have|had|also|again|on \w+|\w+ly))*\s*$")
_SUBJECT_SPAN = 120  # characters: a subject longer than this is a clause of its own, not a speaker


# A transcript's speaker label opening a line: capitals up to a colon ("ARMY:", "CAMBODIAN DEFENCE MINISTRY:",
# "MINISTRY SPOKESMAN:"). A heading in capitals with a colon says the same: who, or what, the line is of.
_LABEL_SPAN = 60
_LABEL = re.compile(r"(?P<who>[A-Z][A-Z.'’&/ -]{1,58}[A-Z.]):\s")


@lru_cache(maxsize=512)
def speaker_side(sentence: str) -> str | None:
    """The side a sentence's speaker belongs to: the country of its attribution ("…, Thailand's army said"),
    else the one country named in the subject of its first verb of saying, alleging or protesting ("The Royal
    Thai Army's spokesperson, Maj Gen X, confirmed that …", "Cambodia, through its ministry, protested …")."""
    who = attribution(sentence)
    side = one_country(who) if who else None
    if side:
        return side
    label = _LABEL.match(sentence) if sentence[:1].isupper() and ":" in sentence[:_LABEL_SPAN] else None
    if label:  # a transcript's line: its speaker is the label's, unless the line names its own
        side = one_country(label.group("who").title())
        if side:
            return side
        sentence = sentence[label.end() :]
    verb = SAYING.search(sentence, 0, _SUBJECT_SPAN + 20)
    if verb is None or verb.start() > _SUBJECT_SPAN:
        return None
    subject = sentence[: verb.start()]
    subject = subject[: _AUXILIARIES.search(subject).start()]
    if "," in subject and not subject.endswith(","):
        # "Rockets hit Surin, the army said": a clause, then its speaker; an appositive closes with its comma
        subject = subject.rsplit(",", 1)[1]
    return one_country(subject)


# A nationality naming who acts: its forces, officials or people ("Thai armed forces", "Cambodian nationals").
_ACTOR_AFTER = re.compile(
    r"(?:'s)?(?:\s+[a-z][\w-]*){0,2}?\s+(?:forces|troops|army|military|soldiers|navy|units|nationals|civilians"
    r"|villagers|protesters|people|authorities|officials|drones|aircraft|side|government|workers|crowd)\b",
    re.I,
)
_BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)


def actor_near(text: str, at: int, after: int = 0) -> str | None:
    """The side a text names acting (its forces or people, or "by" it) nearest before position `at` (the act's
    word), else nearest after it; only from `after` on (past the speaker: "The Thai army said Cambodian
    nationals gathered …" names Cambodia)."""
    acting = [
        (pos, c)
        for c, attacking, pos in _placed_cues(text)
        if pos >= after
        and (attacking or _ACTOR_AFTER.match(text, pos + _cue_len(text, pos)) or _BY.search(text, max(0, pos - 8), pos))
    ]
    before = [(pos, c) for pos, c in acting if pos < at]
    if before:
        return max(before)[1]
    later = [(pos, c) for pos, c in acting if pos >= at]
    return min(later)[1] if later else None


def _cue_len(text: str, pos: int) -> int:
    m = _CUE.match(text, pos)
    return len(m.group()) if m else 0
