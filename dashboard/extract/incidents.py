"""Incidents: airstrikes, shelling, rockets, drones, landmines and clashes, with who reports them,
whom they accuse, and any denial.

An incident is a specific attack, strike, shelling, clash or explosion anchored by a place (a province
or anything in it) or a date. Each kind a sentence names is its own incident ("tanks and airstrikes":
a clash and an airstrike). Not incidents: summaries with neither place nor date, the day the fighting
began told as background, fighting named only as what people fled ("families uprooted by the
fighting"), agendas, analysis, threats and accusations in general. A ceasefire named beside a clash
does not make the clash less of one. The same attack told twice in a report is one incident.

Size: one module because its rules (kinds, negation and hypotheticals, timing, who accuses whom, the same attack
told twice) all read the same clause of one sentence and share its patterns; split, each part would import the
others' patterns and clause helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from dashboard.extract.actors import (
    SAYING,
    actor_near,
    attacker_near,
    attackers_in,
    attribution,
    countries_in,
    first_attacker_at,
    one_country,
    speaker_side,
    victim_side,
)
from dashboard.extract.dates import ONSET, earlier_period, find_dates
from dashboard.extract.lexicon import (
    GOVERNMENT_SEATS,
    MONTHS,
    folded,
    guarded,
    initials,
    precheck,
    starting_with,
    word_pattern,
    words,
)
from dashboard.extract.numbers import parse_amount
from dashboard.extract.onset import BEGINNING
from dashboard.extract.sentences import SENTENCE_CACHE, Sentence
from dashboard.records import ALLEGATION_KINDS, Evidence, Incident, Onset, PlaceMention

# Weapons of no kind of their own (kind "other"); an explosion told without one is of no stated kind.
OTHER_WEAPONS = r"toxic gas|chemical weapons?|cluster munitions?|grenades?"
# Alleged violations that are no attack: a flight over the other side's ground, holding or working its land, a
# crowd brought to the line; each told with an allegation (dashboard/data/lexicon/violation_cues.csv).
_VIOLATION_CUES = {
    kind: word_pattern(words("violation_cues", kind))
    for kind in ("confrontation", *ALLEGATION_KINDS, "allegation", "strike")
}
_OTHER_WEAPON = re.compile(rf"\b(?:{OTHER_WEAPONS})\b", re.I)
# (kind, words that name it). Most specific first; `WEAK` words name a kind only when no other does.
KINDS = [
    (
        "airstrike",
        r"air ?strikes?|airstrikes?|fighter jets?|F-16s?|Gripens?|aerial bombardments?|air raids?|bombing runs?"
        r"|warplanes?|combat aircraft|military aircraft|fighter aircraft|dropped bombs|dropping bombs|bombing raids?"
        # "bombed"/"bombing" as a verb: bombs are dropped from the air (shells are "shelled", rockets "fired")
        r"|jets|bomb(?:ed|ing)",
    ),
    ("drone", r"drones?|UAVs?"),
    ("rocket", r"rockets?|BM-21|multiple rocket launchers?|multiple-launch rockets?"),
    ("artillery", r"artillery|shell(?:s|ing|ed)?|mortars?|howitzers?|indirect fire"),
    # a mine stepped on is a landmine, whatever it is called ("stepped on a mine while on patrol")
    (
        "landmine",
        r"land ?mines?|mines? (?:blast|explosion)s?|mine blasts?"
        r"|stepped on an? (?:[\w-]+ )?mine|stepping on an? (?:[\w-]+ )?mine|trod on an? (?:[\w-]+ )?mine",
    ),
    # force used by or against a crowd (tear gas, slingshots): a confrontation, not an attack of war's weapons
    ("confrontation", _VIOLATION_CUES["confrontation"]),
    ("other", rf"{OTHER_WEAPONS}|explosions?"),
    (
        "armed_clash",
        r"clash(?:es|ed)?|fighting|gunfire|exchanges? of fire|exchang(?:ed|ing) (?:gun)?fire|trad(?:ed|ing) fire"
        r"|firefights?|skirmish(?:es)?|fir(?:ed|ing) (?:on|at|into)|shot (?:at|on)|shots at"
        r"|small[- ]arms|machine[- ]guns?|rifle fire"
        r"|opened fire|shootings?"
        r"|attacks? on (?:\w+ ){0,2}(?:troops|positions?|bases?|soldiers?|outposts?|posts?|camps?)"
        r"|attacked (?:\w+ ){0,2}(?:troops|positions?|bases?|soldiers?|outposts?|posts?|camps?)"
        r"|military operations?|offensive"
        r"|incursions?|encroach(?:ed|ing)|intruded|invaded|tanks?|assaults?|battles?",
    ),
]
WEAK = {"artillery": r"bombard(?:ed|ing|s|ment|ments)?|" + word_pattern(words("incident_cues", "weak_artillery"))}
# Clash words that tell of a specific engagement, not of the fighting in general.
STRONG_CLASH = re.compile(
    r"\b(?:tanks?|military operations?|gunfire|firefights?|exchanges? of fire|exchang(?:ed|ing) (?:gun)?fire"
    r"|trad(?:ed|ing) fire|opened fire|fir(?:ed|ing) (?:on|at|into)|shot (?:at|on)|shots at"
    r"|small[- ]arms|machine[- ]guns?|rifle fire"
    r"|attack(?:s|ed)? (?:on )?(?:\w+ ){0,2}(?:troops|positions?|bases?|soldiers?|outposts?|posts?|camps?)"
    r"|clashed|incursions?|encroach(?:ed|ing)|intruded|invaded|skirmish\w*)",
    re.I,
)
# Fire traded by both sides ("exchanged fire", "traded artillery and rocket fire"), or forces of the two named
# together as the subject ("Thai and Cambodian troops"): no one side attacked.
MUTUAL = re.compile(
    r"\b(?:exchang\w+|trad(?:ed|ing)) (?:of )?(?:[\w-]+ ){0,3}?(?:fire|shots|salvos|rounds)\b"
    r"|\beach other\b|\bboth sides\b"
    r"|\b(?:Thai|Cambodian) and (?:Thai|Cambodian) (?:troops|forces|soldiers|armies|militaries)\b",
    re.I,
)
# A clock time makes an event specific ("At 4.20pm, troops fired …"): the day is the report's.
CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)", re.I)
KIND_CHECK = precheck(*(p for _, p in KINDS), *WEAK.values())
_KIND_RX = [(kind, re.compile(rf"\b(?:{pattern})\b", re.I)) for kind, pattern in KINDS]
# All kinds in one pass: each match says its kind by its group's name.
_ANY_KIND = folded("|".join(rf"\b(?P<{kind}>{pattern})\b" for kind, pattern in KINDS))
_WEAK_RX = [(kind, re.compile(rf"\b(?:{pattern})\b", re.I)) for kind, pattern in WEAK.items()]
# Fighting named as a cause or a backdrop, not as an event: masked before looking for kinds.
BACKDROP_NOUNS = re.compile(
    r"\b(?:fighting|clashes|conflict|hostilities|violence|shelling|attacks|(?:land ?)?mines?|drones?|UAVs?|tanks?)\b",
    re.I,
)
_CUES = {
    kind: words("incident_cues", kind)
    for kind in (
        *("backdrop", "negation", "hedge", "analysis", "speaker_place", "harm", "anaphor", "tally", "doubt"),
        *("target", "remnant", "denied_act"),
    )
}
BACKDROP_BEFORE = re.compile(
    rf"\b(?:{word_pattern(_CUES['backdrop'])})"
    r"\s+(?:(?:by|from|of|in)\s+)?"
    r"(?:(?:the|a|new|recent|renewed|intense|heavy|deadly|border|ongoing|escalating)\s+)*$"
    r"|\b(?:clear(?:ed|ing)?|remov(?:e|ed|ing)|demin\w*|survey\w*)\s+(?:\w+\s+){0,2}$",
    re.I,
)
# A kind word negated in its clause ("no reports of shelling", "troops did not fire on …",
# "will not stop its military operations"): no event is told.
NEGATED = re.compile(rf"\b(?:{word_pattern(_CUES['negation'])})\b(?:\s+[\w'-]+){{0,3}}\s+$", re.I)
# Sentences of analysis and agendas: not an incident's telling.
ANALYSIS = re.compile(
    starting_with(initials(word_pattern(_CUES["analysis"])), rf"\b(?:{word_pattern(_CUES['analysis'])})\b"), re.I
)
# Threats, open questions and hypotheticals: what is told after them (in their scope) is no event; an attack
# told before them is ("The clash near the temple threatens to unravel the truce").
_MODALS = "could|might|would|may|will|shall"
HEDGE = re.compile(
    starting_with(
        initials(word_pattern(_CUES["hedge"]), _MODALS, "if|unless"),
        rf"\b(?:{word_pattern(_CUES['hedge'])})\b"
        rf"|\b(?:{_MODALS}) (?:\w+ )?(?:launch|retaliate|strike|attack|use|respond|fire|shell|bomb)\b"
        r"|\b(?:if|unless)\b",  # a condition, whatever its subject
    ),
    re.I,
)
# The day the fighting began told as background: that date anchors no incident.
_ACCUSE = re.compile(
    r"(?P<who>[A-Z][\w',. ]{0,60}?)\s+(?:has |have |had |also |repeatedly |on \w+ )*"
    # the accused as the subject of what is alleged: its first finite verb ends it
    r"(?:accus\w*\s+(?P<whom>[\w' ]{2,40}?)\s+of\b|(?:alleged|charged|claimed) that (?P<whom2>[\w' -]{2,40}?)\s+"
    r"(?:had|has|have|was|were|\w+ed|laid|shot|struck|hit|sent|threw)\b"
    r"|(?:blam(?:ed|es|ing)|held|holds|holding)\s+(?P<whom3>[\w' ]{2,40}?)\s+(?:for|responsible)\b)"
)
# The same in the passive: the accused is the subject, the accuser comes after "by" ("Thai forces were accused by
# Cambodia of shelling …").
_ACCUSED_BY = re.compile(
    r"(?P<whom>[A-Z][\w' ]{0,40}?)\s+(?:was|were|is|are|has been|have been|had been|being)\s+(?:\w+ly\s+)?"
    r"(?:accused|blamed|held responsible)\s+by\s+(?P<who>[\w' ]{2,40}?)\s+(?:of|for)\b"
)


# An accusation named as a noun with its owner ("a Thai army claim that …", "the accusation by the Thai side
# that …", "Cambodia's allegation that …"): the owner tells what follows "that".
_CLAIM_NOUN = re.compile(
    r"\b(?:claims?|accusations?|allegations?|charges?|complaints?)"
    r"(?:\s+(?:by|of|from)\s+(?P<by>(?:the\s+)?[\w' ]{2,30}?))?\s+that\b"
)
_OWNER_WORDS = 4  # words before the noun that may name its owner ("a Thai army spokesman's claim")


def _claim_owner(text: str) -> str | None:
    """The side that owns an accusation told as a noun (_CLAIM_NOUN): named after "by"/"of", else in the few
    words before the noun."""
    m = _CLAIM_NOUN.search(text)
    if m is None:
        return None
    if m.group("by"):
        return one_country(m.group("by"))
    named = countries_in(" ".join(text[: m.start()].split()[-_OWNER_WORDS:]))
    return named[-1] if named else None  # the nearest: "Thailand rejected Cambodia's claim" is Cambodia's


def _accusation(text: str) -> tuple[str, str] | None:
    """Who accuses and whom, as written, when the sentence tells an accusation (active or passive)."""
    passive = _ACCUSED_BY.search(text) if " by " in text else None
    if passive:
        return passive.group("who"), passive.group("whom")
    m = _ACCUSE.search(text)
    return (m.group("who"), m.group("whom") or m.group("whom2") or m.group("whom3")) if m else None


# The side opposite to the speaker ("Thailand blamed the other side for …"): accused when the speaker is known.
_OTHER_SIDE = re.compile(rf"\b(?:{word_pattern(words('country_cues', 'other'))})\b", re.I)
_OPPOSITE = {"TH": "KH", "KH": "TH"}
_DENY = guarded(  # read for every sentence of a report (attach_denials): only where a verb of denying is written
    re.compile(
        r"(?P<who>[A-Z][\w' ]{0,40}?)\s+(?:has |have |had |also |flatly |strongly )*[\"“]?(?:\w+ly )?"
        r"(?:den(?:y|ies|ied)|reject(?:s|ed)|dismiss(?:es|ed))\b"
    ),
    *("deny", "deni", "reject", "dismiss"),
)
# A denial coordinated with the speaker's first verb ("The army said its troops fired warning shots after hearing
# gunfire from the other side and denied that …"): the one denying is the sentence's subject, not a side named in
# the clause before "and".
_SUBJECT_SPAN = 120  # characters: a longer subject is a clause of its own
_COORDINATED = re.compile(r"(?:,\s*|\s)(?:and|but)(?:\s+(?:has|have|had|also|flatly|strongly|\w+ly))*\s*$")


# A verb of denying that goes on from the subject's first verb after a clause ("The army said its soldiers fired
# warning shots after hearing gunfire from the other side, and denied aiming at civilians").
_DENY_COORDINATED = re.compile(
    r"(?:,\s*|\s)(?:and|but)(?:\s+(?:has|have|had|also|flatly|strongly|\w+ly))*\s+"
    r"(?:den(?:y|ies|ied)|reject(?:s|ed)|dismiss(?:es|ed))\b"
)
# A cheap test before the patterns of denying: `\bden(?:y|ies|ied)\b|\breject|\bdismiss`, each word's boundary checked
# after its first letter (lexicon.whole_words), so `re` skips to the letters a match can begin with.
_DENYING = re.compile(r"d(?<!\w.)en(?:y|ies|ied)\b|r(?<!\w.)eject|d(?<!\w.)ismiss")
# Rejecting a side's accusation ("rejected the Thai accusation that …"): the one rejecting is the other side.
_REJECTS_OWNED = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)|dismiss(?:es|ed))\s+(?:(?:the|an?)\s+)?(?P<owner>(?:[\w'-]+\s+){1,3}?)"
    r"(?:claims?|accusations?|allegations?|charges?)\b"
)


def _rejects_claim_of(text: str) -> str | None:
    """The side whose accusation a sentence rejects by name ("rejects the Thai claim", "denied Cambodia's
    allegations")."""
    owned = _REJECTS_OWNED.search(text)
    return one_country(owned.group("owner")) if owned else None


def _denier(text: str) -> str | None:
    """The side a sentence tells denying: the subject of its verb of denying; of a denial coordinated with the
    verb of an earlier subject, that subject's side (the sentence's speaker); one that rejects a side's accusation
    and names no side of its own, the other side."""
    deny = _DENY.search(text)
    if deny is None:
        coordinated = _DENY_COORDINATED.search(text) if " and " in text or " but " in text else None
        return speaker_side(text) if coordinated else None
    if _COORDINATED.search(text[max(0, deny.end("who") - 40) : deny.end("who")]):
        return speaker_side(text)
    owned = _REJECTS_OWNED.search(text, deny.start())
    if owned and not one_country(text[: deny.end("who")]):
        return _OPPOSITE.get(one_country(owned.group("owner")))
    # a long name ("The Cambodian Mine Action and Victim Assistance Authority denied"): the subject from the
    # sentence's start, when the verb is the sentence's first and no clause comes before it
    subject = text[: deny.end("who")]
    if len(subject) <= _SUBJECT_SPAN and not _CLAUSE_BREAK.search(subject):
        return one_country(deny.group("who")) or one_country(subject)
    return one_country(deny.group("who"))


# The speaker owning the attack: "Thai authorities confirmed launching airstrikes".
_OWN = re.compile(
    r"(?P<who>\b(?:Thai|Thailand|Cambodian?)\b(?:'s)?(?:\s+\w+){0,2})\s+(?:confirmed|admitted|said|announced)"
    r"\s+(?:(?:that\s+)?(?:it|they)\s+(?:had\s+)?)?(?:launching|launched|carrying out|carried out|conducting"
    r"|conducted|firing|fired)\b"
)


# An attack word that is the subject of its own clause ("after a landmine wounded two soldiers"): an event told
# as a time reference is still an event.
_SUBJECT_OF = re.compile(
    r"\s+(?:(?:had|has|have|was|were)\s+)?(?:wounded|killed|injured|hit|struck|exploded|went off|damaged|destroyed"
    r"|landed|maimed)\b",
    re.I,
)


def _mask_backdrop(text: str) -> str:
    """The text with fighting named as a cause or backdrop blanked ("families uprooted by the fighting"), unless
    it is the subject of its own clause ("after a landmine wounded two soldiers")."""
    out = text
    for m in BACKDROP_NOUNS.finditer(text):
        if BACKDROP_BEFORE.search(text, max(0, m.start() - 50), m.start()) and not _SUBJECT_OF.match(text, m.end()):
            out = out[: m.start()] + " " * (m.end() - m.start()) + out[m.end() :]
    return out


_FLIGHT = re.compile(rf"\b(?:{_VIOLATION_CUES['airspace']})\b", re.I)
_STRIKE = re.compile(rf"\b(?:{_VIOLATION_CUES['strike']})\b", re.I)


# A weapon's word (or several, coordinated) that modifies a noun naming a place struck or an allegation ("air strikes
# on artillery and drone sites", "rejects landmine allegations"): it names a target or what is alleged, no attack.
_HEADED = re.compile(rf"(?:\s+(?:and|or)\s+[\w-]+|,\s*[\w-]+)*\s+(?:{word_pattern(_CUES['target'])})\b", re.I)


def _target(text: str, m: re.Match) -> bool:
    """Whether a kind's word is a noun that names a target or what is alleged (_HEADED), not a verb ("shelled
    positions in Koh Kong" tells shelling)."""
    return not m.group().lower().endswith(("ed", "ing")) and _HEADED.match(text, m.end()) is not None


# A weapon left from fighting before, not fired now ("killed by an unexploded shell", "checked for unexploded
# shells"): no attack (dashboard/data/lexicon/incident_cues.csv, kind "remnant").
# The adjective governs each noun of a list after it ("unexploded rockets, artillery shells and submunitions").
_REMNANT = re.compile(rf"\b(?:{word_pattern(_CUES['remnant'])})\s+(?:[\w-]+(?:,\s+|\s+and\s+|\s+)){{0,3}}$", re.I)


def _kinds(text: str) -> list[tuple[str, int, bool]]:
    """The kinds a sentence names: (kind, position of its first word, named by a generic word only)."""
    if not KIND_CHECK.search(text):
        return []
    masked = _mask_backdrop(text)
    first: dict[str, int] = {}
    for m in _ANY_KIND.finditer(masked):
        if (
            not NEGATED.search(masked, max(0, m.start() - 40), m.start())
            and not _target(masked, m)
            and not _REMNANT.search(masked, max(0, m.start() - 60), m.start())
        ):
            first.setdefault(m.lastgroup, m.start())
    found = [(kind, first[kind], False) for kind, _ in KINDS if kind in first]
    if not found:
        found = [(kind, m.start(), True) for kind, rx in _WEAK_RX if (m := rx.search(masked))]
    if any(k[0] == "drone" for k in found) and _FLIGHT.search(masked) and not _STRIKE.search(masked):
        found = [k for k in found if k[0] != "drone"]  # drones flown over the other side's ground: no attack
    clash = next((k for k in found if k[0] == "armed_clash"), None)
    other = next((k for k in found if k[0] == "other"), None)
    if clash and other and _OTHER_WEAPON.match(masked, other[1]) and _coordinated(masked, clash[1], other[1]):
        found.remove(other)  # "fired small arms and grenades": an infantry weapon beside small arms is the clash's
    if clash:
        strong = STRONG_CLASH.search(masked)
        found.remove(clash)
        if strong or not found:
            # "fighting" beside rockets is the rockets' fighting; alone, a generic word needs a place
            found.append(("armed_clash", strong.start() if strong else clash[1], not strong))
    return sorted(found, key=lambda k: k[1])


_WEAPON_WORDS = 5  # words at most between a clash's word and a weapon it was fought with


def _coordinated(text: str, a: int, b: int) -> bool:
    """Whether the words at `a` and `b` are told together in one clause, a few words apart ("fired small arms and
    grenades", "opened fire with rifles and grenades")."""
    lo, hi = sorted((a, b))
    return len(text[lo:hi].split()) <= _WEAPON_WORDS and not _CLAUSE_BREAK.search(text, lo, hi)


def _places_per_kind(kinds: list[tuple[str, int, bool]], places: list[PlaceMention], offset: int) -> list[list]:
    """Each place goes to the kind told nearest before it ("one by indirect fire in Surin and another
    by a grenade near Preah Vihear"); a kind coordinated with the next ("rockets and artillery hit …")
    shares its places."""
    if len(kinds) == 1:
        return [places]
    out: list[list] = [[] for _ in kinds]
    for p in places:
        at = p.evidence.start - offset
        i = max((i for i, k in enumerate(kinds) if k[1] <= at), default=0)
        out[i].append(p)
    for i in range(len(kinds) - 2, -1, -1):
        if not out[i] and kinds[i + 1][1] - kinds[i][1] < 40:
            out[i] = out[i + 1]
    for i in range(1, len(kinds)):
        if not out[i]:  # a kind told after a scene with no place of its own is at that scene
            out[i] = out[i - 1]
    return out


def _mutual(text: str, at: int) -> bool:
    """Whether the attack told at `at` is fire both sides traded: "each other", "both sides" in its own clause
    ("troops of both sides exchanged fire"), not in another ("police fired tear gas, forcing both sides back")."""
    for m in MUTUAL.finditer(text):
        lo, hi = sorted((m.start(), at))
        if not _CLAUSE_BREAK.search(text, lo, hi):
            return True
    return False


def _attacker(text: str, accuse: tuple[str, str] | None, at: int) -> str | None:
    """Who attacked in the attack told at `at`: the speaker owning it, then the side the sentence names
    as acting (the one nearest the attack's word when it names both acting), then the accused."""
    own = _OWN.search(text)
    if own and one_country(own.group("who")):
        return one_country(own.group("who"))
    sides = set(attackers_in(text))
    if accuse and sides == {one_country(accuse[0])} and one_country(accuse[1]) not in (None, *sides):
        sides = {one_country(accuse[1])}  # the accuser is not the one it accuses ("accused by X of shelling")
    if sides and not _mutual(text, at):
        return sides.pop() if len(sides) == 1 else attacker_near(text, at)
    if accuse:
        who, whom = accuse
        if _OTHER_SIDE.search(whom):
            return _OPPOSITE.get(one_country(who))
        return one_country(whom)
    by = _KIND_BY.match(text, at)
    return one_country(by.group("side")) if by else None


# The attack's own word followed by its agent ("the shooting by Thai soldiers", "an assault by Cambodian troops").
_KIND_BY = re.compile(r"[\w-]+(?:\s+[\w-]+){0,3}?\s+by\s+(?:the\s+)?(?P<side>[\w-]+(?:\s+[A-Z][\w-]+)?)")


# A verb by which a government charges the other side with what it tells ("has strongly condemned the shooting").
_CONDEMNS = re.compile(r"\b(?:condemn(?:s|ed|ing)?|protest(?:s|ed)|denounc(?:es|ed|ing))\b", re.I)


@dataclass(frozen=True, slots=True)
class _Told:
    """What a sentence's text tells of its incidents; the report adds their date and places."""

    kinds: tuple[tuple[str, int, bool], ...]  # see _kinds
    reported_by: str | None
    accused: tuple[str | None, ...]  # the attacker of each kind
    denied_by: str | None


# The attack just told, named definitely as the subject of a time relation ("The shooting came two days after
# Thailand announced …", "The attack happened hours before the talks"): a reference to it, not a telling.
_RETOLD = re.compile(
    r"^\W*(?:The|This|That)\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)\s+(?:came|comes|happened|occurred|followed|took place)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:after|before|amid|as|when|just)\b"
)


@lru_cache(maxsize=SENTENCE_CACHE)
def _told(text: str) -> _Told | None:
    """The incidents a sentence's text may tell of: read once per distinct text."""
    kinds = _kinds(text)
    retold = _RETOLD.match(text) if kinds else None
    if retold:
        kinds = [k for k in kinds if k[1] != retold.start("noun")]
    if not kinds or ANALYSIS.search(text):
        return None
    hedge = HEDGE.search(text)
    if hedge:
        kinds = [k for k in kinds if k[1] < hedge.start()]
        if not kinds:
            return None
    # an accusation in a clause after the one that tells the attacks ("Thailand said Cambodian troops had fired …;
    # Cambodia denied it and accused Thai troops of digging trenches") is of another act
    later = _LATER_CLAUSE.search(text)
    told_first = later is not None and all(k[1] < later.start() for k in kinds)
    accuse = _accusation(text[: later.start()] if told_first else text)
    source = attribution(text)
    accused = tuple(_attacker(text, accuse, at) for _, at, _ in kinds)
    # a denial in the sentence's own words, else the accused side's word, in a later clause, that nothing happened
    # ("Cambodia accused Thai troops of firing mortars …; the Thai army said its forces had fired no mortars")
    parts = _LATER_CLAUSE.split(text)[1:] if later else []
    said_no = next((side for part in parts if (side := _said_no(part) or _version(part))), None)
    denied_by = _denier(text) or (said_no if said_no in accused else None)
    # the accuser, else the speaker: "Thai authorities confirmed …, accusing Cambodia of …" is Thailand's telling;
    # else the side whose government condemns or protests it ("Cambodia has condemned the shooting by Thai soldiers")
    reported_by = (
        (one_country(accuse[0]) if accuse else None) or (one_country(source) if source else None) or _claim_owner(text)
    )
    if reported_by is None and _CONDEMNS.search(text):
        speaker = speaker_side(text)
        reported_by = speaker if speaker != denied_by and speaker not in accused else None
    if reported_by is None and source and speaker_side(text) not in (None, *accused):
        # a speaker whose country is in its subject, not its name ("Cambodia's Ministry of National Defence said")
        reported_by = speaker_side(text)
    if reported_by is None and source and len(set(accused) - {None}) == 1:
        # a speaker of no named country ("…, the Ministry of National Defence said") telling one side's attack on
        # the other side's people speaks for the side attacked
        victim = victim_side(text)
        reported_by = victim if victim == _OPPOSITE.get(next(a for a in accused if a)) else None
    if said_no is not None and said_no == reported_by:
        denied_by = _denier(text)  # the accuser's own later word is no denial
    return _Told(
        kinds=tuple(kinds),
        reported_by=reported_by,
        # a side denies having attacked: with no other attacker named, the one denying is the one accused
        accused=tuple(side or denied_by for side in accused),
        denied_by=denied_by,
    )


# A verb of saying or accusing: a day told in its clause is the day of the saying, not of what is said.
_SPEECH = re.compile(
    r"\bsaying\b|\b(?:said|says|stated|reported|announced|added|told \w+|alleged|claimed)(?:\s+that\b|,)"
    r"|\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\b",
    re.I,
)
_SAID_ON = re.compile(r"\b(?:said|says|announced|stated|told \w+)\s+(?:on\s+)?$", re.I)


# A concessive clause ("Although the period ended on Tuesday, …"): what it tells is conceded beside the main
# clause, and a day in it dates that, not what the main clause tells.
_CONCESSIVE = re.compile(r"\b(?:although|though|whereas)\b[^,;:()\u2014]*", re.I)


def _in_concession(text: str, at: int) -> bool:
    return any(m.start() <= at < m.end() for m in _CONCESSIVE.finditer(text, 0, at + 1))


# A dateline opening the report ("PHNOM PENH, 13 November 2025 (Agency) --"): its day is the report's, not an event's.
_DATELINE = re.compile(r"[A-Z][A-Z .'/-]+,[^-–—()]{3,40}(?:\([^)]{2,40}\))?\s*(?:--|[-–—])\s")


def _event_days(text: str, published: date | None) -> list:
    """The days a sentence tells that can be an event's: past (not after its report), not the fighting's onset
    ("since …"), not in a concessive clause, not a dateline's."""
    days = find_dates(text, published, future=False)
    if not days:  # most sentences: no dateline to look for
        return []
    dateline = _DATELINE.match(text) if text[:1].isupper() else None
    return [
        d
        for d in days
        if d.date
        and (dateline is None or d.start >= dateline.end())
        and (published is None or d.date <= published)
        and not _onset_day(text, d)
        and not _in_concession(text, d.start)
    ]


def _day(text: str, published: date | None) -> date | None:
    """The day of a sentence's incidents (its first event day, _event_days), unless that day is the day of the
    saying and a later day is the attack's own: "the ministry on Wednesday gave an update, saying that from 3pm on 23
    December troops attacked" tells an attack of 23 December. A day in a concessive clause dates that clause
    only ("Although the talks ended Tuesday, drones flew over …" gives the drones no day)."""
    days = _event_days(text, published)
    if not days:
        return None
    for d, after in zip(days, days[1:], strict=False):
        if not _said_on(text, d.start, d.end, after.start):
            return d.date
    return days[-1].date


def _clause_day(text: str, at: int, published: date | None, day: date | None) -> date | None:
    """The day of the attack told at `at` in a sentence that tells attacks of different days, each with its own
    ("jets dropped bombs on Saturday in X, while naval forces fired on Y on Friday"): the day in its own clause
    (no clause break between them), else the sentence's day (`day`, _day). A day of a saying ("accused … on
    Monday of …") dates no attack."""
    if day is None:
        return None
    days = _event_days(text, published)
    told = [
        d
        for d, after in zip(days, [*days[1:], None], strict=True)
        if not after or not _said_on(text, d.start, d.end, after.start)
    ]
    if len({d.date for d in told}) < 2:
        return day
    own = [
        d
        for d in told
        if not _CLAUSE_BREAK.search(text, *sorted((d.end if d.end <= at else at, at if d.end <= at else d.start)))
    ]
    return min(own, key=lambda d: abs(d.start - at)).date if own else day


def _said_on(text: str, start: int, end: int, next_day: int) -> bool:
    """Whether the day at start:end is the day of a saying whose words tell of the day at `next_day`: a verb of
    saying after it in its own clause ("X on Monday accused Y of …", "…, saying that"), or right before it ("said
    on Monday that …")."""
    verb = _SPEECH.search(text, end, next_day)
    # a day opening the sentence ("On Monday, Thailand accused …") dates its main clause: the comma after it
    # closes the adverbial, not the clause
    if _OPENING_TIME.match(text[:start]):
        end += len(text[end:]) - len(text[end:].lstrip(", "))
    if verb and (verb.group(0).lower() == "saying" or not _CLAUSE_BREAK.search(text, end, verb.start())):
        return True
    return bool(_SAID_ON.search(text, max(0, start - 30), start)) and text[end : end + 6].strip().startswith("that")


# A sentence-opening time adverbial ("On Monday, …", "At 4.20pm, …") dates the whole sentence.
_OPENING_TIME = re.compile(
    r"^\W*(?:(?:on|at|by|from|around|about|early|late|shortly|just|before|after|in|the|of|morning|afternoon"
    r"|evening|night)\s+)*$",
    re.I,
)
# Where a clause ends: punctuation, or a conjunction that opens another clause.
_CLAUSE_BREAK = re.compile(r"[,;:()\u2014]|\s-\s|\b(?:although|though|while|whereas|but|as)\b", re.I)


def _time_in_clause(text: str, at: int, published: date | None) -> bool:
    """Whether a time anchors the kind told at `at`: a date or a clock time in the kind's own clause, or
    one opening the sentence. A day named in another clause ("Although the period ended Tuesday,
    officials cited drones …") dates that clause, not the attack."""
    times = [(d.start, d.end) for d in find_dates(text, published, future=False) if d.date]
    times += [(m.start(), m.end()) for m in CLOCK.finditer(text)]
    for start, end in times:
        if _OPENING_TIME.match(text[:start]):
            return True
        lo, hi = (end, at) if end <= at else (at, start)
        if not _CLAUSE_BREAK.search(text, lo, hi):
            return True
    return False


@lru_cache(maxsize=SENTENCE_CACHE)
def _timing(text: str, published: date | None, day: date | None) -> str:
    """stated (the sentence gives the day), earlier (it places the attack in an earlier period, or shows the
    damage it left: no new event), else reported (known only to have happened by its report's date)."""
    if day is not None:
        return "stated"
    earlier = earlier_period(text, published) or _background_day(text, published) or _damage_left(text)
    return "earlier" if earlier or _since_month_when(text, published) else "reported"


# A period's start named by a month and the event it began with ("Tension had been building since May, when a
# soldier was killed in an exchange of fire"): that event is of that month, background to the report.
_SINCE_MONTH_WHEN = re.compile(rf"\bsince\s+(?:early\s+|late\s+|mid-)?(?P<month>{MONTHS})\b(?:\s+\d{{4}})?,\s+when\b")
_MONTH_NUMBER = {m[:3].lower(): n for n, m in enumerate(MONTHS.split("|")[:12], start=1)}


def _since_month_when(text: str, published: date | None) -> bool:
    """Whether the sentence tells an event as the start, in another month than its report's, of a period that runs
    since (_SINCE_MONTH_WHEN)."""
    m = _SINCE_MONTH_WHEN.search(text) if "since" in text else None
    return m is not None and (published is None or _MONTH_NUMBER[m.group("month")[:3].lower()] != published.month)


_DAMAGE = {kind: word_pattern(words("damage_cues", kind)) for kind in ("caption", "aftermath", "damage")}
_DAMAGE_STATE = re.compile(
    starting_with(initials(_DAMAGE["damage"]), rf"\b(?:{_DAMAGE['damage']})\s+(?:\w+\s+)?(?:by|in|during|from)\b"),
    re.I,
)
_DAMAGE_SEEN = re.compile(rf"(?<!\w)(?:{_DAMAGE['caption']}|{_DAMAGE['aftermath']})(?!\w)", re.I)


def _damage_left(text: str) -> bool:
    """A caption or an aftermath that shows damage as it stands ("Photo: a school hit by shelling in Surin",
    "villagers repair homes damaged by rockets"): it tells no new attack on its report's date."""
    return bool(_DAMAGE_STATE.search(text)) and bool(_DAMAGE_SEEN.search(text))


@lru_cache(maxsize=SENTENCE_CACHE)
def _dating(text: str, published: date | None) -> tuple[date | None, str, bool]:
    """The day of a sentence's incidents, their timing (see _timing) and whether a time anchors them (a day,
    or a clock time without one): read once per text and published date, not per report that carries it."""
    day = _day(text, published)
    return day, _timing(text, published, day), day is not None or CLOCK.search(text) is not None


# After the day the fighting began: the event it began with ("began on Sunday, December 7, with an exchange of fire
# near …"), told as the first of the fighting, on that day.
_BEGAN_WITH = re.compile(r"(?P<skipped>[\s,]*(?:[\w-]+[\s,]+){0,4}?)with\s+(?:an?|the)\s", re.I)
_NOT_SAME_CLAUSE = re.compile(r"\b(?:as|while|but|when|and|since|after|before|until|which|who)\b|[;:()]", re.I)


# After the day the fighting began, the place it began at ("broke out on Thursday, July 24, near the temple"): the
# outbreak itself told as an event of that day (not "since it broke out on …", a period from it).
_BEGAN_AT = re.compile(r"[\s,]*(?:near|at|along)\s", re.I)


def _onset_day(text: str, d) -> bool:
    """Whether the day at `d` is the fighting's onset told as background ("since …", "began on …"), not the day of
    the event the fighting began with (_BEGAN_WITH) or of the outbreak told at its place (_BEGAN_AT)."""
    onset = ONSET.search(text[max(0, d.start - 60) : d.start])
    if not onset:
        return False
    if not onset.group(0).lower().startswith("since") and _BEGAN_AT.match(text, d.end):
        return False
    began_with = _BEGAN_WITH.match(text, d.end)
    return began_with is None or _NOT_SAME_CLAUSE.search(began_with.group("skipped")) is not None


def _background_day(text: str, published: date | None) -> bool:
    """The sentence's only day is the one the fighting began on, told as background ("tensions since a clash on
    28 May"): what it tells lies in the past of that day, not on the report's."""
    return any(d.date and _onset_day(text, d) for d in find_dates(text, published, False))


_SEAT_KEYS = frozenset(s.lower() for s in GOVERNMENT_SEATS)
_AT_SCENE = re.compile(r"\b(?:in|at|near|on|outside|into|inside)\s+(?:the\s+)?(?:capital\s+)?(?:city\s+of\s+)?$", re.I)
# "in Bangkok" after a speaker or an office ("told reporters in", "the ministry in"): where the speaker was.
_SPEAKER_AT = re.compile(
    rf"\b(?:{word_pattern(_CUES['speaker_place'])})\s+(?:[\w-]+\s+){{0,2}}(?:in|at)\s+(?:the\s+)?(?:capital\s+)?"
    r"(?:city\s+of\s+)?$",
    re.I,
)


# After a dateline's place: ", Thailand", ", Dec 9", "(Reuters)", then the dash that opens the report.
_DATELINE_AFTER = re.compile(
    rf"(?:,\s*[A-Z][a-z]+)?(?:,\s*(?:{MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?)?\s*(?:\([^)]{{2,40}}\))?\s*[-–—]\s"
)


def _seat_not_scene(text: str, place: PlaceMention, offset: int) -> bool:
    """A place named as a dateline ("SURIN, Dec 9 (Reuters) -") is where the report was filed, and a capital
    named as its government ("Phnom Penh accused …") is no scene: neither is where an incident happened. Only a
    capital told as a scene ("shells fell in …") is."""
    at = place.evidence.start - offset
    if not text[:at].strip() and _DATELINE_AFTER.match(text, place.evidence.end - offset):
        return True
    if place.name.lower() not in _SEAT_KEYS and place.kind != "capital":
        return False
    return not _AT_SCENE.search(text, max(0, at - 30), at) or bool(_SPEAKER_AT.search(text, max(0, at - 60), at))


_DEPLOYMENT = word_pattern(words("incident_cues", "deployment"))
_DEPLOYED = re.compile(starting_with(initials(_DEPLOYMENT), rf"\b(?:{_DEPLOYMENT})\b"), re.I)


def _deployed_at(text: str, at: int, kinds: tuple[tuple[str, int, bool], ...]) -> bool:
    """Whether the place at `at` is told as where forces were deployed, reinforced or stationed, not where an
    attack was: a deployment's word stands between it and the last attack word before it ("the navy sent
    gunboats to secure the islands" after a clash told elsewhere; "troops deployed in X shelled Y": X)."""
    deployed = [m.start() for m in _DEPLOYED.finditer(text, 0, at)]
    if not deployed:
        return False
    return deployed[-1] > max((k[1] for k in kinds if k[1] < at), default=-1)


def may_tell(text: str) -> bool:
    """Whether a text can tell of an incident at all (find_incidents finds none in a text that cannot)."""
    return _told(text) is not None


def find_incidents(
    sentence: Sentence,
    report_id: str,
    published: date | None,
    places: list[PlaceMention],
    scene: list[PlaceMention] = (),
) -> list[Incident]:
    """The incidents a sentence tells. `scene`: the places of the sentence before it in its paragraph; an
    attack that names no place of its own but whose attacker the sentence names acting ("He said Thai
    forces launched an operation to drive them out") is at that scene."""
    text = sentence.text
    told = _told(text)
    if told is None:
        return []
    day, timing, timed = _dating(text, published)
    local = [
        p
        for p in places
        if p.admin1
        and not _seat_not_scene(text, p, sentence.start)
        and not _deployed_at(text, p.evidence.start - sentence.start, told.kinds)
    ]
    kinds = list(told.kinds)
    accused = dict(zip(kinds, told.accused, strict=True))
    if not local and scene and attackers_in(text):
        kinds = [k for k in kinds if not k[2] and accused[k]]
        if not kinds:
            return []
        local = [p for p in scene if p.admin1 and p.kind != "capital"]
    # neither place nor time: no incident; a generic word ("fighting") needs a place
    anchored = [
        (k, where)
        for k, where in zip(kinds, _places_per_kind(kinds, local, sentence.start), strict=True)
        if where or (timed and not k[2] and _time_in_clause(text, k[1], published))
    ]
    if not anchored:
        return []
    evidence = Evidence(report_id, text, sentence.start, sentence.end, text)  # the sentence's, shared
    out = []
    # one side's charge that the other fired at several points is one allegation, not one clash per front
    charged = {k for k, _ in anchored if told.reported_by and accused[k] not in (None, told.reported_by)}
    fronts = ([(kind, where)] if kind in charged else _fronts(kind, where) for kind, where in anchored)
    for k, where in (front for told_fronts in fronts for front in told_fronts):
        out.append(
            Incident(
                evidence=evidence,
                kind=k[0],
                places=tuple(dict.fromkeys(p.name for p in where)),
                admin1=tuple(dict.fromkeys(p.admin1 for p in where)),
                date=_next_day(text, k[1], published, _clause_day(text, k[1], published, day)),
                reported_by=told.reported_by,
                accused=accused[k],
                denied_by=told.denied_by,
                timing=timing,
            )
        )
    return out


# A day told as the one after a day named before it ("a claim on 12 December was followed the next morning by some
# of the heaviest shelling"): the attack after it is of that next day.
_NEXT_DAY = re.compile(r"\bthe\s+(?:next|following)\s+(?:day|morning|afternoon|evening|night)\b", re.I)


def _next_day(text: str, at: int, published: date | None, day: date | None) -> date | None:
    """The day of the attack told at `at`: the day after `day` when "the next day" stands between that day, named
    in the sentence, and the attack's word."""
    if day is None or "next" not in text and "following" not in text:
        return day
    nxt = [m for m in _NEXT_DAY.finditer(text, 0, at)]
    named = [d for d in _event_days(text, published) if d.date == day]
    if not nxt or not named or named[0].end > nxt[-1].start():
        return day
    after = day + timedelta(days=1)
    return after if published is None or after <= published else day


def _fronts(kind: tuple[str, int, bool], where: list[PlaceMention]) -> list[tuple[tuple, list[PlaceMention]]]:
    """Ground fighting told at places in several provinces ("clashes continue at two locations: A in Sa Kaeo and
    B in Si Sa Ket") is fighting on separate fronts: one clash per province. A strike told as hitting several
    provinces stays one incident."""
    provinces = list(dict.fromkeys(p.admin1 for p in where))
    if kind[0] != "armed_clash" or len(provinces) < 2:
        return [(kind, where)]
    return [(kind, [p for p in where if p.admin1 == a]) for a in provinces]


# A sentence whose subject is the fighting the report tells, named definitely ("The clash centred on the temple"):
# it places that fighting as a whole.
THEATRE = re.compile(r"^\W*The (?:clash(?:es)?|fighting|battles?|hostilities)\b")


def unanchored(sentence: Sentence, report_id: str, published: date | None) -> list[Incident]:
    """The attacks of a stated kind a sentence tells with neither place nor time (of no earlier period): no
    incidents of their own, but parts of the fighting a report places as a whole (`in_theatre`)."""
    told = _told(sentence.text)
    if told is None or all(k[2] for k in told.kinds) or _timing(sentence.text, published, None) == "earlier":
        return []
    evidence = Evidence(report_id, sentence.text, sentence.start, sentence.end, sentence.text)
    return [
        Incident(evidence, k[0], (), (), None, told.reported_by, accused, told.denied_by, "reported")
        for k, accused in zip(told.kinds, told.accused, strict=True)
        if not k[2]
    ]


def in_theatre(
    incidents: list[Incident], loose: list[Sentence], report_id: str, published: date | None
) -> list[Incident]:
    """The attacks the report's `loose` sentences tell with neither place nor time (`unanchored`), at the place
    where a sentence of the report puts the fighting as a whole ("The clash centred on …"), when it puts it in
    one province; else none."""
    if not loose:
        return []
    theatres = [i for i in incidents if i.admin1 and THEATRE.match(i.evidence.sentence)]
    provinces = {a for i in theatres for a in i.admin1}
    if len(provinces) != 1:
        return []
    places = tuple(dict.fromkeys(p for i in theatres for p in i.places))
    country = next(iter(provinces)).split("-")[0]
    # an attack told on one side's ground or people is not at a theatre in the other country ("Thai jets strike
    # Cambodia" is not where the fighting in Sisaket is)
    return [
        replace(i, places=places, admin1=tuple(provinces))
        for s in loose
        if victim_side(s.text) in (None, country)
        for i in unanchored(s, report_id, published)
    ]


def denial(sentence: Sentence) -> str | None:
    """The side a sentence says denies something ("Thailand denied targeting civilians")."""
    return _denial(sentence.text)


@lru_cache(maxsize=SENTENCE_CACHE)
def _denial(text: str) -> str | None:
    return _denier(text)


# A negation in what a side says ("said there had been no clashes", "said it had no knowledge of any such
# flights"): the side's word that the thing told did not happen.
_NEGATION = re.compile(rf"\b(?:{word_pattern(_CUES['negation'])})(?!\w)", re.I)
_NEGATED_WORDS = 5  # words at most between the negation and what it negates
# What a negation or a denial names: an attack's kind, an alleged act, the thing just told ("any such flights").
_SUCH = re.compile(r"\bsuch\s+\w+|\bany\s+(?:such\s+)?(?:incidents?|attacks?|violations?)\b", re.I)
# Mines named as what was laid ("laid any new mines", "planting mines"): a landmine's telling without "land".
# An act of attack named by its verb alone ("did not fire at all"): in what a side says it did not do, the act.
_DENIED_ACT = re.compile(rf"\b(?:{word_pattern(_CUES['denied_act'])})\b", re.I)
_LAID_MINES = re.compile(r"\b(?:laid|lay|laying|plant(?:ed|ing)?)\s+(?:[\w-]+\s+){0,3}?mines?\b", re.I)


# Where a sentence goes on with another clause that may answer the first: a semicolon, ", while", ", but".
_LATER_CLAUSE = re.compile(r";|,\s+(?:while|but|whereas)\b", re.I)


def _said_no(text: str) -> str | None:
    """The side whose speaker says that what was told did not happen: a negation, after the verb of saying, of an
    attack's kind, an alleged act or the thing just told, within a few words and in one clause ("Cambodia's
    ministry said there had been no armed clashes in any area", "The ministry of Cambodia said it had no knowledge
    of any such flights")."""
    side = speaker_side(text)
    said = SAYING.search(text) if side else None
    if said is None:
        return None
    for neg in _NEGATION.finditer(text, said.end()):
        named = [m.start() for rx in (_ANY_KIND, _ACT, _SUCH, _DENIED_ACT) if (m := rx.search(text, neg.end()))]
        at = min(named, default=None)
        between = text[neg.end() : at] if at is not None else ""
        # "no casualties from the shelling" negates the harm, not the attack
        if (
            at is not None
            and len(between.split()) <= _NEGATED_WORDS
            and not _CLAUSE_BREAK.search(between)
            and not HARM.search(between)
        ):
            return side
    return None


# Mines named bare ("asserted that the mines date from past conflicts"): in a denial, a landmine's telling.
_MINES = re.compile(r"\bmines?\b", re.I)


@lru_cache(maxsize=SENTENCE_CACHE)
def _denied_kinds(text: str) -> tuple[str | None, frozenset[str]]:
    """The side a sentence tells denying and the kinds of attack its denial names after the verb ("denied that
    Cambodia had laid any new mines", "denied any responsibility and asserted that the mines date from past
    conflicts": a landmine); a denial that names none answers the kinds the rest of its sentence tells ("Bangkok
    said the mines were newly laid; Phnom Penh denied planting any", "said its soldiers fired warning shots after
    hearing gunfire from the other side, and denied aiming at civilians"). Read for every sentence of a report:
    once per text."""
    side = _denier(text)
    if side is None:
        return None, frozenset()
    deny = _DENY.search(text) or _DENY_COORDINATED.search(text)
    for part in (text[deny.end() :], text[: deny.start()]):
        kinds = {m.lastgroup for m in _ANY_KIND.finditer(part)}
        if _LAID_MINES.search(part) or _MINES.search(part):
            kinds.add("landmine")
        if kinds:
            return side, frozenset(kinds)
    return side, frozenset()


# A side's own account, in the past, of what happened ("Thailand said its engineers had carried out a controlled
# detonation", "Thailand said the crowd had thrown stones"): its version of what the other side accuses it of.
_ACCOUNT = re.compile(r"\b(?:had|have|has)\s+(?:\w+ly\s+)?(?!been\b)\w+(?:ed|en|wn|ne|ut|ot|ght|ung)\b", re.I)


def _version(text: str) -> str | None:
    """The side whose speaker gives its own account of what happened (_ACCOUNT, after the verb of saying, not a
    threat or hypothesis): in a clause or sentence after another side's accusation, the accused side's version."""
    side = speaker_side(text)
    said = SAYING.search(text) if side else None
    if said is None or HEDGE.search(text, said.end()) or not _ACCOUNT.search(text, said.end()):
        return None
    if HARM.search(text, said.end()):
        return None  # its word of its own losses ("no casualties on its side") is no version of the attack
    return side


# Mines told as newly laid ("the mines were recently laid", "blamed newly laid mines", "had laid new landmines"):
# a charge that someone laid them since the truce, not the old contamination of past wars.
_NEW_MINES = re.compile(
    r"\b(?:newly|recently|freshly)\s+(?:laid|planted)\s+(?:[\w-]+\s+){0,2}?(?:land ?)?mines?\b"
    r"|\bmines?\b(?:\s+[\w-]+){0,3}?\s+(?:were|was|had been|have been)\s+(?:newly|recently|freshly)"
    r"\s+(?:laid|planted)\b"
    r"|\b(?:laid|planted|laying|planting)\s+(?:any\s+)?(?:new|fresh)\s+(?:land ?)?mines?\b"
    # "the mine was new"; "they appeared to have been "recently laid"" (a sentence that names the mines)
    r"|\bmines?\s+(?:was|were|is|are)\s+(?:brand\s+)?new\b"
    r"|\b(?:have|has|had)\s+been\s+[\"“]?(?:newly|recently|freshly)\s+(?:laid|planted)\b",
    re.I,
)
# The accused side's word that the mines are old ("Cambodia said it was left over from past conflicts"): its denial.
_OLD_MINES = re.compile(
    r"\bleft\s*over\b|\bleftover\b|\bpast (?:conflicts?|wars?)\b|\bold war\b|\bdecades of\b"
    r"|\b(?:an |the )?old (?:land ?)?mines?\b|\bfrom the (?:19)?[5-9]0s\b",
    re.I,
)


def _laying_charges(incidents: list[Incident], sentences: list[Sentence]) -> list[Incident]:
    """A side's word that the mines of a blast on its own side of the border were newly laid ("Bangkok said the
    mines were newly laid PMN-2s", "Thailand again blamed newly laid mines") accuses the other side of laying
    them: the last landmine told before it (or in it) that names no one accused, when the blast is in the
    speaker's country. The speaker: the sentence's, else the owner of the charge named as a noun, else the side
    the report is the account of. Negated ("has not planted a single new mine") it is a denial, no charge."""
    out = list(incidents)
    side_of_report = None
    for s in sentences:
        m = _NEW_MINES.search(s.text) if "mine" in s.text.lower() else None
        if m is None or NEGATED.search(s.text, max(0, m.start() - 40), m.start()) or _DENY.search(s.text, 0, m.start()):
            continue
        # the speaker of the charge's own clause ("Thailand protested, saying the mine was new; Cambodia said …")
        speaker = speaker_side(s.text[: m.end()]) or speaker_side(s.text) or _claim_owner(s.text)
        if speaker is None:
            side_of_report = side_of_report or account_side(sentences) or ""
            speaker = side_of_report or None
        before = [
            n
            for n, inc in enumerate(out)
            if inc.evidence.start <= s.start and inc.kind == "landmine" and inc.timing != "earlier"
        ]
        if speaker not in _OPPOSITE or not before:
            continue
        inc = out[before[-1]]
        if inc.accused is None and inc.admin1 and inc.admin1[0].split("-")[0] == speaker:
            denied = _old_mines_said(s.text[m.end() :], _OPPOSITE[speaker])
            out[before[-1]] = replace(
                inc, accused=_OPPOSITE[speaker], reported_by=inc.reported_by or speaker, denied_by=denied
            )
    return out


def _old_mines_said(text: str, accused: str) -> str | None:
    """The accused side, when a clause after a laying charge gives its word that the mines are old (_OLD_MINES)."""
    for part in _LATER_CLAUSE.split(text):
        if _OLD_MINES.search(part) and speaker_side(part.strip()) == accused:
            return accused
    return None


def attach_denials(incidents: list[Incident], sentences: list[Sentence]) -> list[Incident]:
    """A denial told in the sentence after an accusation answers it: the incidents of the sentence before (in the
    same paragraph) that accuse the denying side get it as `denied_by`; so does the accused side's word that no
    such thing happened (_said_no) or its own account of what did (_version). A denial that names the kind of
    attack denied ("denied that Cambodia had laid any new mines"; see _denied_kinds) answers the last incident of
    that kind told before it in the report that names no other accused: the denying side is the one accused, by
    the other side. A charge that a blast's mines were newly laid (_laying_charges) is read first."""
    if not incidents:
        return incidents
    if any(i.kind == "landmine" for i in incidents):
        incidents = _laying_charges(incidents, sentences)
    by_start = {s.start: i for i, s in enumerate(sentences)}
    out = list(incidents)
    answers: dict[int, Incident] = {}  # the denials told in sentences of their own, by the incident they answer
    for n, inc in enumerate(incidents):
        i = by_start.get(inc.evidence.start)
        if inc.denied_by is None and i is not None and i + 1 < len(sentences):
            nxt = sentences[i + 1]
            side = (
                (denial(nxt) or _said_no(nxt.text) or _version(nxt.text))
                if nxt.paragraph == sentences[i].paragraph
                else None
            )
            if side and side == inc.accused and side != inc.reported_by:
                answers[n] = _answer(inc, nxt, side)
    for n_s, s in enumerate(sentences):
        denies = _DENYING.search(s.text) is not None and (_DENY.search(s.text) or _DENY_COORDINATED.search(s.text))
        side, kinds = _denied_kinds(s.text) if denies else (None, frozenset())
        if side is None and denies and _PRONOUN.match(s.text):
            side = _pronoun_side(sentences, n_s)  # "It denied that its troops had aimed at anyone"
        if side not in _OPPOSITE:
            continue
        if not kinds:  # a denial naming no kind answers the last charge against the side denying
            accusing = [
                n
                for n, inc in enumerate(out)
                if inc.evidence.start < s.start
                and inc.accused == side
                and inc.reported_by != side
                and inc.denied_by is None
                and n not in answers
            ]
            charged = [n for n in accusing if out[n].reported_by == _OPPOSITE[side]]  # the other side's charge first
            if charged or accusing:
                answers[(charged or accusing)[-1]] = _answer(out[(charged or accusing)[-1]], s, side)
            continue
        before = [
            n
            for n, inc in enumerate(out)
            if inc.evidence.start < s.start
            and inc.kind in kinds
            and inc.timing != "earlier"
            and inc.accused in (None, side)
            and inc.denied_by is None
            and n not in answers
        ]
        if not before and _rejects_claim_of(s.text) == _OPPOSITE[side]:
            # rejecting the other side's claim ("rejects the Thai claim outright: there were no armed clashes") answers
            # that claim wherever the report tells it: a live blog tells its latest entries first
            before = [
                n
                for n, inc in enumerate(out)
                if inc.kind in kinds and inc.accused == side and inc.denied_by is None and n not in answers
            ][:1]
        if before:
            inc = out[before[-1]]
            out[before[-1]] = replace(inc, accused=side, reported_by=inc.reported_by or _OPPOSITE[side])
            answers[before[-1]] = _answer(out[before[-1]], s, side)
    return _versions(out, answers, sentences) + list(answers.values())


# A sentence whose subject is a pronoun ("It said …", "They denied …"): its speaker is the subject of the sentence
# before it.
_PRONOUN = re.compile(r"^\W*(?:It|They|He|She)\b")
_SUBJECT_END = re.compile(r",|\s(?:said|says|gave|issued|told|denied|rejected|accused|added|stated|announced)\b")


def _pronoun_side(sentences: list[Sentence], n: int) -> str | None:
    """The side a pronoun opening sentence `n` refers to: the one country named in the subject of the last sentence
    before it in its paragraph that does not open with a pronoun ("The Thai army, in a statement, gave a different
    account. It said … It denied …": Thailand)."""
    for j in range(n - 1, -1, -1):
        prev = sentences[j]
        if prev.paragraph != sentences[n].paragraph:
            return None
        if not _PRONOUN.match(prev.text):
            end = _SUBJECT_END.search(prev.text)
            return speaker_side(prev.text) or one_country(prev.text[: end.start() if end else len(prev.text)])
    return None


def _versions(out: list[Incident], answers: dict[int, Incident], sentences: list[Sentence]) -> list[Incident]:
    """A side's own account of what its forces did, told in its denial's sentence or beside it in its paragraph
    ("The Thai army denied firing any mortar and said its engineers had carried out a controlled detonation … in
    Khok Sung"; "It said its soldiers at X had fired warning shots … It denied that its troops had aimed at
    anyone"), is that side's version of the incident it denies (its answer), not an incident of its own: such
    tellings (no accuser other than the side, no one else accused) are dropped, and the sentence beside the denial
    is added as the side's version."""
    if not answers:
        return out
    index = {s.start: n for n, s in enumerate(sentences)}
    denials = {a.evidence.start: (n, a.denied_by) for n, a in answers.items()}
    drop: set[int] = set()
    for m, inc in enumerate(out):
        if m in answers or inc.reported_by not in (None, inc.denied_by, inc.accused):
            continue
        at = index.get(inc.evidence.start)
        for start, (n, side) in denials.items():
            d = index.get(start)
            if at is None or d is None or m == n or inc.accused not in (None, side):
                continue
            beside = abs(at - d) == 1 and sentences[at].paragraph == sentences[d].paragraph
            if at == d or (beside and _own_account(sentences, at) == side):
                drop.add(m)
                if at != d:
                    answers.setdefault(-m - 1, _answer(out[n], sentences[at], side))
                break
    return [inc for m, inc in enumerate(out) if m not in drop]


def _own_account(sentences: list[Sentence], n: int) -> str | None:
    """The side whose speaker tells its own forces' acts in sentence `n` ("It said its soldiers had fired warning
    shots"): its speaker (a pronoun's: the subject before it), when the account is in the past (_ACCOUNT)."""
    text = sentences[n].text
    side = speaker_side(text) or (_pronoun_side(sentences, n) if _PRONOUN.match(text) else None)
    return side if side and _ACCOUNT.search(text) else None


def _answer(inc: Incident, sentence: Sentence, side: str) -> Incident:
    """The denial a sentence of its own tells of an incident: a telling of it in that sentence's words, by no
    accuser, the denying side accused and denying (each side's version shows its own words)."""
    evidence = Evidence(inc.evidence.report_id, sentence.text, sentence.start, sentence.end, sentence.text)
    return replace(inc, evidence=evidence, reported_by=None, accused=side, denied_by=side)


def answers_apart(a: Incident, b: Incident) -> bool:
    """Whether one of two tellings is a side's denial in its own words (no accuser, the side denying accused) and
    the other an accusation by the other side: each side's version, kept apart within a report."""
    for deny, told in ((a, b), (b, a)):
        if deny.denied_by and not deny.reported_by and deny.accused == deny.denied_by and told.reported_by:
            return told.reported_by != deny.denied_by
    return False


UNSPECIFIED = "other"  # an attack or explosion of no stated kind


def _unspecified(inc: Incident) -> bool:
    """An explosion told without its weapon ("the blast"): of no stated kind, unlike a grenade."""
    return inc.kind == UNSPECIFIED and not _OTHER_WEAPON.search(inc.evidence.sentence)


def _same_time(a: Incident, b: Incident) -> bool:
    """Whether a telling with no place can be one with a place (or none): the same day, or neither gives one;
    or one is known only by its report's date and the other is a blast of no stated kind ("four soldiers were
    hurt by a landmine in Si Sa Ket" beside "the explosion at 9.30am on Monday" retells it) or the same side's
    attack of the same kind. Neither tells an earlier period."""
    if "earlier" in (a.timing, b.timing):
        return False
    undated = (a.date is None and a.timing == "reported") or (b.date is None and b.timing == "reported")
    # the same side's attack of one kind, told dated in the lead and placed later with no day ("Thai troops opened
    # fire on Wednesday, officials said. … Thai troops fired on residents of X village …"): one telling retold
    same_side = a.accused is not None and a.accused == b.accused and a.kind == b.kind
    return a.date == b.date or (undated and (_unspecified(a) or _unspecified(b) or same_side))


def _period_and_day(a: Incident, b: Incident) -> bool:
    """Whether one telling is of an earlier period with no day ("since dawn on Monday, Thai forces have struck …
    in three provinces": a campaign) and the other of one stated day: not one attack."""
    return {a.timing, b.timing} == {"earlier", "stated"} and (a.date is None) != (b.date is None)


def merge_in_report(incidents: list[Incident]) -> list[Incident]:
    """The same attack told twice is one incident: the same kind (or one telling of no stated kind, "the
    explosion" beside "a landmine blast"), a province in common (or neither names one) and no conflicting
    dates. The first telling is kept, completed by the later ones; the stated kind wins."""
    merged: list[Incident] = []
    for inc in incidents:
        same = next(
            (
                i
                for i, m in enumerate(merged)
                if (m.kind == inc.kind or _unspecified(m) or _unspecified(inc))
                and not answers_apart(m, inc)
                and not _period_and_day(m, inc)
                and (set(m.admin1) & set(inc.admin1) or not (m.admin1 and inc.admin1) and _same_time(m, inc))
                and (m.date is None or inc.date is None or m.date == inc.date)
            ),
            None,
        )
        if same is None:
            merged.append(inc)
            continue
        m = merged[same]
        merged[same] = replace(
            m,
            kind=inc.kind if _unspecified(m) else m.kind,
            places=tuple(dict.fromkeys(m.places + inc.places)),
            admin1=tuple(dict.fromkeys(m.admin1 + inc.admin1)),
            date=m.date or inc.date,
            timing=m.timing if m.date or not inc.date else inc.timing,
            reported_by=m.reported_by or inc.reported_by,
            accused=m.accused or inc.accused,
            denied_by=m.denied_by or inc.denied_by,
        )
    return merged


# --- what the sentences around a telling add to it ------------------------------------------------------------

# Harm told at a place: people killed or hurt, homes damaged.
HARM = re.compile(starting_with(initials(word_pattern(_CUES["harm"])), rf"\b(?:{word_pattern(_CUES['harm'])})\b"), re.I)
# A running total ("since the fighting began, 20 were killed in …"): the harm of the fighting, not of one attack.
TALLY = re.compile(
    starting_with(initials(word_pattern(_CUES["tally"])), rf"\b(?:{word_pattern(_CUES['tally'])})\b"), re.I
)


def awaits_places(
    sentence: Sentence, found: list[Incident], places: list[PlaceMention], published: date | None
) -> bool:
    """Whether a sentence tells attacks by their weapons, of no earlier period, with no place of its own
    ("Cambodian support weapons targeted civilian areas, causing casualties"): the sentences after it that tell
    harm at places (`harm_at`) say where they struck."""
    told = _told(sentence.text)
    weapons = [k for k in told.kinds if not k[2] or k[0] != "armed_clash"] if told else []  # not "the fighting"
    if not weapons or any(p.admin1 for p in places):
        return False
    return not any(i.admin1 for i in found) and _timing(sentence.text, published, None) != "earlier"


def harm_at(sentence: Sentence, places: list[PlaceMention]) -> list[PlaceMention]:
    """The places of a sentence that tells harm there and no attack of its own ("In Ban X, Surin, two people were
    killed"): where the attack told before it struck. Empty: the sentence is no such account (a running total is
    not)."""
    if _told(sentence.text) is not None or not HARM.search(sentence.text) or TALLY.search(sentence.text):
        return []
    return [p for p in places if p.admin1 and p.kind != "capital"]


def struck_at(sentence: Sentence, report_id: str, published: date | None, places: list[PlaceMention]) -> list[Incident]:
    """The attacks a sentence tells (see awaits_places) at the places the sentences after it give their harm. Harm
    told with days of its own ("On July 16, three soldiers were wounded near A, and on July 23, five near B") is
    one attack per day, each at the places told after its day and dated by it."""
    if not places:
        return []
    days = [_harm_day(p, published) for p in places]
    if not any(days):
        return find_incidents(sentence, report_id, published, places)
    out = []
    for day in dict.fromkeys(days):
        where = [p for p, d in zip(places, days, strict=True) if d == day]
        found = find_incidents(sentence, report_id, published, where)
        out.extend(replace(i, date=day, timing="stated") if day else i for i in found)
    return out


def _harm_day(place: PlaceMention, published: date | None) -> date | None:
    """The day told before a place in its own sentence (the last one before it), if any."""
    text = place.evidence.sentence
    at = text.find(place.evidence.quote)
    told = [d for d in find_dates(text, published, future=False) if d.date and d.end <= at]
    return told[-1].date if told and (published is None or told[-1].date <= published) else None


# A sentence that opens with a time of day and names no day ("Later at 5pm, …", "At 4.20pm, …"): it goes on
# from the day the report told last.
_GOES_ON = re.compile(
    rf"^\W*(?:(?:later|then|and|shortly after|soon after|afterwards)\W+)*(?:(?:at|by|around|about|from|until)\s+)*"
    rf"(?:{CLOCK.pattern})",
    re.I,
)


def goes_on(found: list[Incident], sentence: Sentence, last_day: date | None) -> list[Incident]:
    """Incidents told in a sentence that opens with a time of day and gives no day of its own, dated by the
    day of the incident told before it (`last_day`): "From 3pm on 23 December troops attacked … Later at
    5pm, rockets hit …" tells both on 23 December."""
    if last_day is None or not _GOES_ON.match(sentence.text):
        return found
    return [
        replace(i, date=last_day, timing="stated") if i.date is None and i.timing == "reported" else i for i in found
    ]


# A day told by reference to the one told before ("on the same day", "that night"): not the start of a period
# ("since that day").
_SAME_DAY = re.compile(r"(?<!since )\b(?:on\s+)?(?:the\s+same|that)\s+(?:day|morning|afternoon|evening|night)\b", re.I)


def told_day(sentence: Sentence, published: date | None) -> date | None:
    """The day a sentence tells what it tells on (not the day of a saying about another day): what "the same
    day" in a sentence after it refers to."""
    return _day(sentence.text, published)


# A sentence opening with a count of days after the one told before ("Four days later, …", "The next day, …").
_DAYS_LATER = re.compile(
    r"^\W*(?:(?:a|one) day later|(?:on\s+)?the (?:next|following) day|(?P<n>\w+|\d+) days later)\b", re.I
)


def same_day(found: list[Incident], sentence: Sentence, day: date | None) -> list[Incident]:
    """Incidents told in a sentence that gives their day as the one told before ("The ministry said that on the
    same day, troops shelled …"), or as days after it ("Four days later, a drone dropped …"), and no day of its
    own: dated by the day the text told last (`day`), plus those days."""
    if day is None:
        return found
    later = _DAYS_LATER.match(sentence.text)
    if later:
        n = parse_amount(later.group("n")) if later.group("n") else 1
        if n is None or n > MAX_DAYS_LATER:
            return found
        day = day + timedelta(days=n)
    elif not _SAME_DAY.search(sentence.text):
        return found
    return [replace(i, date=day, timing="stated") if i.date is None and i.timing == "reported" else i for i in found]


MAX_DAYS_LATER = 31  # "N days later" counts from the day told before; a larger count is no day of that telling


REPORTED_DAYS = 2  # a telling with no day of its own tells an event of its report's day or the two before


def at_onset(found: list[Incident], onsets: list[Onset], published: date | None) -> list[Incident]:
    """Incidents told as the fighting's beginning ("clashes began at about 7.30am near …") with no day of their
    own: on the day the report gives for that beginning (its onsets, when they give one day), if that day is
    one the telling may be of (its report's day or the REPORTED_DAYS before)."""
    days = {o.date for o in onsets}
    if published is None or len(days) != 1:
        return found
    day = days.pop()
    if not 0 <= (published - day).days <= REPORTED_DAYS:
        return found
    return [
        replace(i, date=day, timing="stated")
        if i.date is None and i.timing == "reported" and BEGINNING.search(i.evidence.sentence)
        else i
        for i in found
    ]


_ANAPHOR = re.compile(rf"^\W*(?:This|That|It|The (?:{word_pattern(_CUES['anaphor'])}))\b")
# Blame negated or doubted before the side is named ("It was not an act by …", "It is unclear if … forces did it").
_NOT_BLAME = re.compile(rf"\b(?:{word_pattern(_CUES['negation'] + _CUES['doubt'])})(?!\w)|\bif\b", re.I)


def _blames(text: str) -> str | None:
    """The side a sentence about the attack just told names as having done it ("This is an act by Cambodia"):
    one side, named acting, with no negation, doubt or hypothesis before it."""
    if not _ANAPHOR.match(text) or HEDGE.search(text):
        return None
    sides = set(attackers_in(text))
    at = first_attacker_at(text)
    if len(sides) != 1 or at is None or _NOT_BLAME.search(text, 0, at):
        return None
    return sides.pop()


_QUOTED = re.compile(r"^\W*[\"“]")


def _blamer(text: str, accused: str) -> str | None:
    """Who blames `accused` in a sentence about the attack just told: its speaker's country; a speaker quoted
    calling the attack the other side's act, whose country the sentence does not say ("“This is an act by
    Cambodia,” the general said"), speaks for the side opposite the accused."""
    who = attribution(text)
    if who is None:
        return None
    return one_country(who) or (_OPPOSITE.get(accused) if _QUOTED.match(text) else None)


def attach_blame(incidents: list[Incident], sentences: list[Sentence]) -> list[Incident]:
    """A sentence about the attack just told that names the side who did it and tells no attack of its own
    ("This is an act by Cambodia", "The blast was the work of Thai forces") names the accused of that attack:
    the report's incidents before it, of the kinds the last telling of an attack named, that name no one."""
    if not incidents:
        return incidents
    out = list(incidents)
    kinds: set[str] = set()
    for s in sentences:
        told = _told(s.text)
        if told is not None:
            kinds = {k[0] for k in told.kinds}
            continue
        side = _blames(s.text) if kinds else None
        if side is None:
            continue
        speaker = _blamer(s.text, side)
        for n, inc in enumerate(out):
            if inc.evidence.start < s.start and inc.accused is None and (inc.kind in kinds or _unspecified(inc)):
                out[n] = replace(inc, accused=side, reported_by=inc.reported_by or speaker)
    return out


# --- alleged violations that are no attack ---------------------------------------------------------------------

_ACT = re.compile(
    starting_with(
        initials(*(_VIOLATION_CUES[kind] for kind in ALLEGATION_KINDS)),
        "|".join(rf"\b(?P<{kind}>{_VIOLATION_CUES[kind]})\b" for kind in ALLEGATION_KINDS),
    ),
    re.I,
)
_ALLEGES = re.compile(rf"\b(?:{_VIOLATION_CUES['allegation']})", re.I)
ALLEGATION_CHECK = precheck(*(_VIOLATION_CUES[k] for k in ALLEGATION_KINDS))


@lru_cache(maxsize=SENTENCE_CACHE)
def _acts(text: str) -> tuple[tuple[str, int], ...]:
    """The acts of the allegation kinds a text tells (kind, position of its first word): not negated, not after
    a threat or hypothesis ("prepared to act if protesters cross"), not analysis."""
    if not ALLEGATION_CHECK.search(text) or ANALYSIS.search(text):
        return ()
    hedge = HEDGE.search(text)
    first: dict[str, int] = {}
    for m in _ACT.finditer(text):
        if hedge and m.start() > hedge.start():
            break
        if not NEGATED.search(text, max(0, m.start() - 40), m.start()):
            first.setdefault(m.lastgroup, m.start())
    return tuple(sorted(first.items(), key=lambda k: k[1]))


def find_allegations(
    sentence: Sentence, report_id: str, published: date | None, places: list[PlaceMention], after: Sentence | None
) -> list[Incident]:
    """Alleged violations that are no attack (ALLEGATION_KINDS): an act of one side (drones flown over the other's
    ground, land occupied, ditches dug or buildings demolished in a disputed area, a crowd brought to the line)
    that the sentence, or the one after it (`after`, "The protest was a provocation, violating the ceasefire"),
    calls a violation, protests, condemns or complains of. Anchored as an attack is (a place other than a capital, or
    a time in the sentence), or else one side's charge against the other with both named (dated by its report: "Thai
    officials complained of Cambodian drones"); the accuser is the speaker's side (else the side named complaining,
    _complainer), the accused the side named acting, else the side opposite the accuser. A side telling its own act
    accuses no one, and an act no side is named in is no allegation."""
    text = sentence.text
    acts = _acts(text)
    if acts and _told(text) is not None:  # an attack told with it is the event ("troops fired on protesters")
        return []
    if not acts:
        return []
    # the accused side's denial in the sentence answers a charge: "X said Y's drones had flown over its positions;
    # Y denied sending drones"
    denier = _denier(text) if _DENYING.search(text) else None
    if not (_ALLEGES.search(text) or (after is not None and _ALLEGES.search(after.text)) or denier):
        return []
    day, timing, timed = _dating(text, published)
    if timing == "earlier":
        return []
    # a capital is where governments and crowds protest, not where one side acts on the other's ground
    capital = [p for p in places if p.kind == "capital" or p.name.lower() in _SEAT_KEYS]
    local = [p for p in places if p.admin1 and p not in capital]
    anchored = bool(local) or (timed and not capital)
    # no speaker: the side complaining (_complainer) accuses only the side it names acting; read only in a sentence
    # that names no place (else the country named before the complaint may be the place's, not the complainer's)
    speaker = speaker_side(text)
    accuser = speaker or (None if places else _complainer(text))
    if not anchored and (capital or accuser is None):  # a capital is where crowds protest, not the border
        return []
    said = SAYING.search(text)
    out = []
    for (kind, at), where in zip(
        acts, _places_per_kind([(k, a, False) for k, a in acts], local, sentence.start), strict=True
    ):
        actor = actor_near(text, at, said.end() if said and said.end() <= at else 0)
        if (actor or _OPPOSITE.get(accuser)) is None or actor == accuser:
            continue  # no side named acting or accusing; or a side telling its own act
        if (not anchored or speaker is None) and actor is None:
            continue  # with no place nor time, or no speaker, the accused is the side named acting
        evidence = Evidence(report_id, text, sentence.start, sentence.end, text)
        out.append(
            Incident(
                evidence=evidence,
                kind=kind,
                places=tuple(dict.fromkeys(p.name for p in where)),
                admin1=tuple(dict.fromkeys(p.admin1 for p in where)),
                date=day,
                reported_by=accuser,
                accused=actor or _OPPOSITE.get(accuser),
                denied_by=denier if denier == (actor or _OPPOSITE.get(accuser)) else None,
                timing=timing,
            )
        )
    return out


def _complainer(text: str) -> str | None:
    """The side that protests or complains of an act when no speaker is attributed: the one country named before
    the allegation word ("Thai officials delayed the handover, citing concerns over Cambodian drones")."""
    m = _ALLEGES.search(text)
    return one_country(text[: m.start()]) if m else None


# Kinds a side tells of the other side: its account of a confrontation or of an act it protests blames the other.
ONE_SIDED = ("confrontation", *ALLEGATION_KINDS)


def account_side(sentences: list[Sentence]) -> str | None:
    """The side a report's account is: the one side its speakers belong to, when at least two of its sentences
    are said by that side (speaker_side, or the accuser of an accusation) and none by the other."""
    said = []
    for s in sentences:
        side = speaker_side(s.text)
        if side is None and (accuse := _ACCUSE.search(s.text)):
            side = one_country(accuse.group("who"))
        if side:
            said.append(side)
    return said[0] if len(said) >= 2 and len(set(said)) == 1 else None


def told_by(incidents: list[Incident], sentences: list[Sentence]) -> list[Incident]:
    """A report that is one side's account (account_side) tells the incidents whose sentences name no speaker as
    that side's; in it, a confrontation or an act protested that names no one acting is the other side's."""
    if all(i.reported_by and (i.accused or i.kind not in ONE_SIDED) for i in incidents):
        return incidents
    side = account_side(sentences) if any(i.reported_by is None for i in incidents) else None
    out = []
    for inc in incidents:
        if inc.reported_by is None and inc.denied_by is None and side:
            inc = replace(inc, reported_by=side)
        if inc.accused is None and inc.kind in ONE_SIDED and inc.reported_by in _OPPOSITE:
            inc = replace(inc, accused=_OPPOSITE[inc.reported_by])
        out.append(inc)
    return out
