"""Casualty and displacement figures: killed, injured, displaced (and returned), with what qualifies each.

A number counts as a figure only where the grammar ties it to a metric: the metric right after it
("20 civilian deaths", "525,000 people displaced", "60 people have been killed") or a metric verb
right before it ("killing at least 40 people", "displacement of more than 140,000 civilians"). In a
list ("12 killed, 35 injured and 40,000 displaced") each number takes the metric nearest it; a number with
none of its own takes the list's ("23 deaths in Thailand and 21 in Cambodia"), the total's when it is a part
("…, including 14 civilians") or a breakdown by country after a dash, a colon or a bracket ("36 people - 23 in
Thailand and 13 in Cambodia": the total then counts both countries). The people counted beside a count of
families ("37,600 families, or over 140,000 people, have been evacuated") share its predicate.

Whose people are counted comes from the clause first (the nationality of the counted, or the province
they are in; "others" are of the people counted before them), then the sentence, then the paragraph; a
nationality that names the attacker ("killed by Cambodian rockets") points at the other side. A single
casualty of one incident ("killing one soldier") is not a figure; one victim counted as a running total ("one
civilian has been killed") or as an item of a toll ("26 soldiers and one civilian") is.

Size: one module because the patterns and the clause rules that bind a number to its metric, side, group
and scope are read together from one clause and share its private patterns.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache, partial

from dashboard.episodes import episode_at, episode_named_in
from dashboard.extract.actors import (
    BOTH,
    SPEECH,
    attribution,
    countries_in,
    cues_before,
    cues_in,
    side_of_cues,
    speaker_side,
    victim_side,
)
from dashboard.extract.dates import find_dates, stated_day
from dashboard.extract.lexicon import MONTHS, WEEKDAYS, folded, guarded, initials, precheck, starting_with, words
from dashboard.extract.numbers import NUMBER_WORDS, amount_value, amounts
from dashboard.extract.sentences import SENTENCE_CACHE, Sentence
from dashboard.records import Evidence, Figure, PlaceMention

METRICS = ("killed", "injured", "displaced", "returned")


Side = str | None | Callable[[], str | None]
# Verbs of displacement (dashboard/data/lexicon/figure_cues.csv, each with its reason): people leaving their homes
# ("518,000 have left their homes"), after the number; an agent moving people ("moved 400,000 people"), before it.
_LEFT_HOME = "|".join(re.escape(w) for w in sorted(words("figure_cues", "left_home"), key=len, reverse=True))
_MOVE_VERBS = "|".join(re.escape(w) for w in words("figure_cues", "move_verb"))
# Metric words right after the number (and its people words): "40 people killed", "525,000 displaced".
METRIC_AFTER = {
    "killed": r"killed|dead|died|deaths?|fatalities|lives lost|lost their lives|perished|slain",
    "injured": r"injured|wounded|injuries|hurt|casualties injured",
    "displaced": r"displaced|evacuated|evacuees|fled|flee|fleeing|relocated|uprooted|sheltering|in shelters"
    r"|in evacuation centres|in evacuation centers|in temporary shelters|in relief camps|homeless"
    r"|forced (?:out )?(?:from|to flee|to leave)|moved to (?:\S+ ){0,3}(?:shelters|safe areas|safer areas|camps)"
    r"|sought shelter|seeking shelter|refugees|taking refuge|took refuge|sought refuge|seeking refuge"
    r"|taken to (?:\S+ ){0,3}shelters"
    r"|staying in (?:\S+ ){0,3}?(?:shelters|camps|centres|centers)"
    r"|remain(?:s|ed)? displaced|remain(?:s|ed)? homeless|still displaced"
    r"|remain(?:s|ed)? in (?:\S+ ){0,4}(?:camps|shelters|centres|centers|displacement sites|sites for the displaced)"
    # a copula before where they stay ("38,000 people are still in shelters"): those displaced at the time told
    # (each alternative's literal stem holds a word rarer than the copula, which the pre-check keys on: "12 of whom
    # were children" is no metric)
    + "".join(
        rf"|{be} {where} (?:\S+ ){{0,3}}?(?:shelters|displacement sites|evacuation cent(?:re|er)s)"
        for be in ("are", "were", "is", "was")
        for where in ("still in", "living in")
    )
    + "".join(rf"|{be} in {site}" for be in ("are", "were", "is", "was") for site in ("shelters", "displacement sites"))
    + rf"|{_LEFT_HOME}",
    "returned": r"returned|returning|returnees|"
    + "|".join(  # each alternative begins with a literal word: the pre-check is made of them
        rf"{verb} back (?:home|to (?:their |its |his |her )?(?:homes?|villages?))"
        for verb in ("went", "gone", "going", "headed", "heading", "moved", "moving")
    ),
}
# Metric words right before it: "killing at least 40", "the death toll rose to 33".
METRIC_BEFORE = {
    "killed": r"killing|killed|lost|death toll(?:\s+\S+){0,6}?\s+(?:of|to|at|reached|hit)"
    r"|toll(?:\s+\S+){0,6}?\s+(?:of|to|at|reached|hit)|deaths? of|lives of"
    r"|fatalities (?:rose |climbed |jumped )?(?:to|at|of)|deaths (?:rose |climbed |jumped )?(?:to|at)",
    "injured": r"injuring|wounding|injured|wounded|injuries (?:rose |climbed )?(?:to|at)",
    "displaced": r"displacing|displaced|displacement of|evacuating|evacuated|evacuation of|uprooting"
    r"|uprooted|forcing|forced|sending|sent|relocating|relocated|sheltering|housing|housed"
    r"|evacuees (?:rose |climbed |jumped )?(?:to|at)"
    rf"|{_MOVE_VERBS}",
}
# Before-words that only make a figure when the people are then made to leave (or go home).
NEEDS_PURPOSE = {
    "displaced": re.compile(r"(?:forcing|forced|sending|sent|housing|housed)\s+(?:\w+\s+){0,2}$", re.I),
    "killed": re.compile(r"\blost\s+(?:\w+\s+){0,2}$", re.I),  # a side that "lost 16 soldiers": only people
}
# An agent moving people displaces them only if they are civilians, or moved out of harm's way (PURPOSE_AFTER):
# "moved about 400,000 people at the peak", not "moved 2,000 troops to the border".
_MOVED = re.compile(rf"\b(?:{_MOVE_VERBS})\s+(?:\w+\s+){{0,2}}$", re.I)
_CIVILIANS_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:people|civilians|residents|villagers|inhabitants|evacuees|families|households)\b", re.I
)
PURPOSE_AFTER = {
    "killed": re.compile(
        r"^\s+(?:(?:of\s+)?(?:its|their|our)\s+)?(?:own\s+)?(?:\w+\s+)?"
        r"(?:soldiers|troops|servicemen|civilians|people|men|lives|villagers|residents|citizens)\b",
        re.I,
    ),
    "displaced": re.compile(
        r"^(?:\s+[\w-]+){0,6}\s+(?:to (?:flee|leave|evacuate)|in (?:temporary )?shelters"
        r"|from (?:their|its|his|her) homes?)\b",
        re.I,
    ),
}
# A list of capitalised names ("Sisaket, Surin, Ubon Ratchathani and Trat"), whatever the case of the pattern around.
_NAME = r"(?-i:[A-Z][\w'-]*)(?: (?-i:[A-Z][\w'-]*)){0,2}"
_NAMES = rf"{_NAME}(?:(?:,|,? and) {_NAME})*"
PEOPLE = (
    r"(?:people|persons|individuals|civilians?|soldiers|troops|servicemen|military personnel|personnel|residents"
    r"|villagers|children|Thais|Cambodians|Thai|Cambodian|nationals|citizens|others|more|of them"
    r"|of its soldiers|of its troops|of its citizens|of (?:the )?(?:people|civilians|soldiers|troops|residents)"
    r"|military|civilian|army|in the border area|evacuees|displaced"
    r"|in border areas|from border areas|across the border|on the Thai side|on the Cambodian side"
    r"|in Thailand|in Cambodia|inside Thailand|inside Cambodia|from their homes|and|so far|in total"
    r"|including|total|have|has|had|were|was|are|been|being|now|reportedly|also|already|confirmed|reported"
    r"|(?:of|in|from|across|along) (?:the )?[\w'-]+(?: [\w'-]+){0,2}"
    # a list of the places they are from ("residents of Sisaket, Surin, Buriram and Trat"): capitalised names
    rf"|(?:of|in|from|across) {_NAMES})"
)
QUALIFIERS = [
    ("at_least", r"at least|no fewer than|a minimum of"),
    ("more_than", r"more than|over|upwards of|in excess of|above|exceeding"),
    ("nearly", r"nearly|almost|close to|just under"),
    ("about", r"about|around|approximately|some|roughly|an estimated|estimated|an approximate|approx\."),
    ("up_to", r"up to|as many as"),
]
_QUAL = "|".join(p for _, p in QUALIFIERS)
NUMBER_WORD = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|an)"
_AFTER = {
    m: re.compile(rf"^(?:\s+{PEOPLE}|\s+{NUMBER_WORD}|\s+(?:{_QUAL})){{0,9}}\s+(?:{p})\b", re.I)
    for m, p in METRIC_AFTER.items()
}
# (a qualifier among the words: "more than 50 soldiers and some 40 civilians have been injured")
_ANY_AFTER = re.compile(
    rf"(?:\s+{PEOPLE}|\s+{NUMBER_WORD}|\s+(?:{_QUAL})){{0,9}}?"
    rf"\s+(?:{'|'.join(f'(?P<{m}>{p})' for m, p in METRIC_AFTER.items())})\b",
    re.I,
)
_COORDINATED = re.compile(r"\band\b|,")  # a metric reached through these may be the next number's
# People of a displaced group who died or were hurt ("14 evacuees, most of them elderly, who died of illness",
# "displaced people who have since died"): the relative clause's metric counts them, not the group's.
_HARMED_AMONG = {
    m: re.compile(
        rf"^(?:\s+{PEOPLE}){{0,4}}?(?:\s*,[^,;()]{{1,60}},|\s*\([^()]{{1,60}}\))?\s*,?\s+(?:who|that)\s+"
        rf"(?:(?:have|has|had|were|was|been|later|since|reportedly|also|subsequently)\s+)*(?:{METRIC_AFTER[m]})\b",
        re.I,
    )
    for m in ("killed", "injured")
}
_BEFORE = {
    m: re.compile(starting_with(initials(p), rf"\b(?:{p})\s+(?:(?:{_QUAL})\s+)?(?:the\s+)?$"), re.I)
    for m, p in METRIC_BEFORE.items()
}
# Checked before the patterns: a sentence with none of these stems states no figure.
METRIC_CHECK = precheck(*METRIC_AFTER.values(), *METRIC_BEFORE.values())
_QUAL_BEFORE = folded(starting_with(initials(_QUAL), rf"(?:{_QUAL})\s+$"))
LOOKBACK = 80  # characters before a number that its rules look at (end-anchored patterns stay cheap)
# What a number counts that is not people (families, homes) and what marks one attack or another
# category of deaths: the words, each with its reason, in dashboard/data/lexicon/figure_cues.csv.
_UNITS = "|".join(re.escape(w) for w in words("figure_cues", "unit"))
_ATTACKS = "|".join(re.escape(w) for w in sorted(words("figure_cues", "attack"), key=len, reverse=True))
_INDIRECT = "|".join(re.escape(w) for w in words("figure_cues", "indirect"))
_ATTACK_VERBS = "|".join(re.escape(w) for w in sorted(words("figure_cues", "attack_verb"), key=len, reverse=True))
# The counted noun after a metric word: "9,005 displaced families" counts families.
_UNIT_AFTER = folded(
    rf"^\s+(?:(?:displaced|evacuated|affected|relocated|uprooted|homeless|more|other|Thai|Cambodian)\s+)?(?:{_UNITS})\b"
)
_NOT_PEOPLE = folded(
    r"^\s*(?:%|per ?cent|km|kilomet|miles?|years?|days?|weeks?|months?|hours?|mm\b|th\b|st\b|nd\b|rd\b"
    r"|baht|riel|dollars?|US|\$|-year|-day|-kilomet|,\d|[-/.:]\d|(?:temporary |evacuation )?shelters"
    rf"|{_UNITS}|schools|camps|centres|centers|sites|villages|provinces|districts|am\b|pm\b|a\.m|p\.m)"
)
_DATEISH = re.compile(rf"(?:\b(?:{MONTHS})\.?\s*|\d[-/.:]|\bNo\.\s*|\bat\s+)$")
# "at" before a count a total stands at, not before a time: "the toll stands at 20", "estimated at 40,000".
_AT_COUNT = re.compile(r"\b(?:stands?|stood|standing|put|estimated|placed)\s+at\s+$", re.I)
GROUPS = [
    ("military", r"soldiers?|troops|military|servicemen|personnel|army|marines?"),
    ("civilian", r"civilians?|residents|villagers|children"),
]
CLAUSE_BREAK = guarded(
    re.compile(starting_with(",;wm", r",\s*while\b|;|\bwhile\b|\bwhereas\b|,\s*but\b|\bmeanwhile\b"), re.I),
    *(",", ";", "while", "whereas"),
)
# People of both countries counted together: "14 dead across the border", "on both sides", "in the two
# countries" (BOTH in dashboard.extract.actors names the two countries themselves).
BOTH_SIDES = guarded(
    re.compile(
        r"\b(?:across the border|on both sides|from both|in both|of both|on either side|in the two countries"
        r"|combined|altogether|the two (?:nations|countries|neighbou?rs|sides)|both-sides?)\b",  # "a both-sides toll"
        re.I,
    ),
    *("across the border", "both", "either side", "the two ", "combined", "altogether"),
)
# A count told of each country ("more than 100 civilians were injured on each side", "some 20 apiece"): each side's
# count, not a total of both.
EACH_SIDE = guarded(
    re.compile(r"\b(?:each|per) (?:side|country|nation)\b|\bapiece\b|\beach of the two (?:sides|countries)\b", re.I),
    *("each ", "per ", "apiece"),
)
# A figure within a total stated beside it: "20 killed, including 12 soldiers", "four wounded, two of them …".
PART_BEFORE = re.compile(
    r"\b(?:including|comprising|among them|among whom|of whom|of which)\s+(?:(?:at least|about|some)\s+)?$", re.I
)
PART_AFTER = re.compile(r"^\s+(?:of (?:them|whom|those)|were among)\b", re.I)
# A partitive: "13 of the dead were civilians", "two of those wounded": a part of a total the words "the dead" take as
# known (told in the sentence before, or not at all), never a total of its own.
PARTITIVE = re.compile(
    r"^\s+of\s+(?:the|those|these)\s+(?:[\w-]+\s+)?(?:dead|killed|injured|wounded|victims|casualties|fatalities"
    r"|civilians|soldiers|troops|displaced|evacuees)\b",
    re.I,
)
# A count over a span of years, not an episode's: "in recent years", "since 2008".
PERIOD_SCOPE = guarded(
    re.compile(
        r"\b(?:in recent years|(?:over|in) the (?:past|last) (?:\w+ )?(?:years|decades?)|since (?:19|20)\d\d"
        r"|in (?:19|20)\d\d|for decades|decades of)\b",  # not "the worst fighting in more than a decade": a comparison
        re.I,
    ),
    *("years", "decade", "since 19", "since 20", "in 19", "in 20"),
)
# A figure tied to one attack counts that attack's victims: the attack named in the singular with an
# article, as the cause ("wounded in a landmine blast", "killed by a rocket") or as the subject ("a mine
# blast in X wounded four"), or told in a clause of time ("wounded when Thai soldiers opened fire", "when
# a shell hit the house"). Fighting summed up ("clashes have killed 9") is not one attack.
INCIDENT_SCOPE = guarded(
    re.compile(
        rf"\b(?:(?:in|by|from|during|due to) (?:a|an|the)|a|an) (?:[\w-]+ ){{0,2}}?(?:{_ATTACKS})\b(?!-)"
        rf"|\bwhen (?:a|an|the) \w+|\bwhen (?:[\w'-]+ ){{1,3}}?(?:{_ATTACK_VERBS})\b",
        re.I,
    ),
    *(w.lower() for w in words("figure_cues", "attack")),
    *("when ",),
)
# A count of the harm of one kind of weapon told in the plural, as the cause ("wounded by landmines since July") or as
# the subject ("mines have wounded 18 soldiers"): a count of that cause over a time, not the fighting's toll (the
# words, each with its reason, in figure_cues.csv, "cause"; one blast in the singular is INCIDENT_SCOPE's).
_CAUSES = "|".join(re.escape(w) for w in sorted(words("figure_cues", "cause"), key=len, reverse=True))
CAUSE_SCOPE = guarded(
    re.compile(
        rf"\b(?:by|from|of)\s+(?:[\w-]+\s+){{0,2}}?(?:{_CAUSES})\b"
        rf"|\b(?:{_CAUSES})\s+(?:(?:have|has|had)\s+)?(?:\w+\s+)?(?:killed|wounded|injured|maimed|hurt)\b",
        re.I,
    ),
    *(w.lower() for w in words("figure_cues", "cause")),
)
# A day's header in a day-by-day account ("Monday, Dec. 8 - ...", "December 8: ..."): what the sentence tells
# happened that day, so a count it gives that is not told as a running total is that day's count.
DAY_HEADER = re.compile(
    rf"^\s*(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?(?:(?:{MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTHS})\.?)"
    r"(?:,?\s+\d{4})?\s*(?:[-\u2013\u2014:]\s)",
)
# Deaths counted as an indirect effect of the fighting: another category, kept apart from the toll.
INDIRECT_SCOPE = guarded(
    re.compile(rf"\b(?:{_INDIRECT})\b", re.I), *(w.lower() for w in words("figure_cues", "indirect"))
)

# Elided metric in a list: "23 deaths in Thailand and 21 in Cambodia" (the second number takes the first's).
# Between them: the counted people of the first ("26 Thai soldiers and one …"), where they are, an attribution
# of the first ("…, according to Bangkok, and 30 …"), the joining word, a qualifier of the second.
_ELIDED_NOUN = r"(?:\s+[a-z][\w-]*){0,3}?"  # the counted noun of the first ("300,000 people in Thailand and 150,000 …")
_ELIDED_WHERE = r"(?:\s+(?:in|on|from|inside|among)\s+[\w'-]+(?:\s+[\w'-]+){0,2}?)?"
_ELIDED_QUAL = rf"(?:(?:another|a further|{_QUAL})\s+)?$"
ELIDED = re.compile(
    rf"^{_ELIDED_NOUN}{_ELIDED_WHERE}(?:,\s*according to [^,;:()]{{1,60}}?)?"
    rf"\s*(?:,\s*|,?\s+and\s+|,?\s+while\s+|\s+with\s+){_ELIDED_QUAL}",
    re.I,
)
ELIDED_AFTER = re.compile(
    r"^\s+(?:(?:more |others? )?(?:in|on|from|inside)\s+(?:the\s+)?(?:Thai|Cambodian?|Thailand)\b"
    r"|(?:Thais|Cambodians|Thai|Cambodian)\b)",
    re.I,
)
# A total broken down after a dash, a colon or a bracket: "killed 36 people - 23 in Thailand … and 13 in
# Cambodia -", "900,000 displaced: about 400,000 in Thailand and …". The parts named by country take the
# total's metric; each is its country's count (a total so broken down into both countries counts both).
BREAKDOWN = re.compile(
    rf"^{_ELIDED_NOUN}{_ELIDED_WHERE}[^.;:()–—]{{0,60}}?(?:\s[-–—]\s*|\s*[–—:(]\s*){_ELIDED_QUAL}", re.I
)
# A list of what a total includes: "23 in Thailand, including 14 civilians", "stands at 20, comprising 14
# civilians and six military personnel": the parts take the total's metric and whose people it counts.
PART_LIST = re.compile(
    rf"^{_ELIDED_NOUN}{_ELIDED_WHERE}\s*,?\s*(?:including|comprising|among them|among whom|of whom|of which)\s+"
    rf"{_ELIDED_QUAL}",
    re.I,
)
# More people of the list's count added after it: "22 soldiers were killed ... between Dec. 8 and Dec. 27, along with
# three civilians", "21 soldiers have died, as well as four civilians": the added take the list's first metric.
ALONG = re.compile(
    rf"^[^;]{{0,80}}?,?\s+(?:along with|together with|as well as|in addition to|plus)\s+(?:(?:{_QUAL})\s+)?$", re.I
)
# A count right after another's metric verb, joined by "and", with only a verb of its own ("16 Thai soldiers have been
# killed and 212 wounded"): the predicate's people are elided, the same people by another metric. (Not a list of
# nouns: "20 civilian deaths, 79 injuries" names no people for the injuries.)
_SAME_PEOPLE_BETWEEN = re.compile(rf"^\s*,?\s+and\s+(?:(?:{_QUAL})\s+)?$", re.I)
_BARE_METRIC = re.compile(
    r"^\s+(?:(?:have|has|had|were|was|are|is)\s+(?:been\s+)?)?(?:killed|wounded|injured|hurt|displaced|evacuated)\b",
    re.I,
)
# A figure an earlier version of the same article gave, told in its correction ("An earlier version of this article
# said that 21 civilians had been killed"): retracted, no source of a count.
RETRACTED = guarded(
    re.compile(
        r"\b(?:an?|the)\s+(?:earlier|previous|original|first)\s+(?:version|edition|draft)\b[^.;]{0,120}?"
        r"\b(?:said|stated|reported|gave|put|misstated|incorrectly|wrongly)\b",
        re.I,
    ),
    *("version", "edition", "draft"),
)
# "all but about 9,000 evacuees have left the shelters": the ones who remain.
_ALL_BUT = re.compile(rf"\ball but\s+(?:(?:{_QUAL})\s+)?$", re.I)
# An item of a list that names only where its people are ("… and three in Thailand"): the people of the item before.
_WHERE_ONLY = re.compile(r"^\s+(?:more\s+)?(?:in|on|from|inside)\s", re.I)
# The people a part counts, right after its number ("14 civilians", "six military personnel").
PART_PEOPLE = re.compile(
    r"^\s+(?:(?:Thai|Cambodian)\s+)?(?:civilians?|soldiers?|troops|military personnel|personnel|servicemen"
    r"|children|women|villagers|residents|people|police(?:men)?|marines|rangers)\b",
    re.I,
)

# A running total, not one incident's victim: "has been killed", "so far", "in total", "toll".
# A count of the displaced told as those who remain ("200,000 remained in camps", "still displaced"): the people
# still displaced at the time, not how many were displaced (dashboard/data/lexicon/figure_cues.csv, "still").
STILL = re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words('figure_cues', 'still'))})\b", re.I)

RUNNING_TOTAL = guarded(
    re.compile(
        r"\b(?:has|have) (?:now |already )?(?:been|died)|\bso far\b|\bin total\b|\btotal\b|\btoll\b|\bto date\b", re.I
    ),
    *("has ", "have ", "so far", "total", "toll", "to date"),
)


# The people counted beside a count of another thing, in apposition or in brackets: "37,600 families, or over
# 140,000 people, have been evacuated", "41,580 families (approximately 157,500 people) displaced". The
# people's number shares the predicate after the apposition.
APPOSITION = folded(
    rf"\d\s+(?:[\w-]+\s+){{0,2}}?(?:{_UNITS})\s*(?:,\s*or\s+|,\s*i\.e\.,?\s+|,\s*that is,?\s+|\(\s*|\s[-–—]\s+)"
    rf"(?:(?:{_QUAL})\s+)?$"
)
_APPOSITION_END = re.compile(r"^((?:\s+[\w-]+){1,3}?)\s*(?:\)|,|\s[-–—])")
# The metric before the number in a phrase that names it first: "the number of Thais killed since Thursday
# stands at 20", "the tally of people displaced has risen to 40,000".
_STANDS = r"(?:stands?|stood|rose|risen|reached|climbed|jumped|hit|is|was|increased|grew)"
NUMBER_OF = {
    metric: re.compile(
        rf"\b(?:number|count|tally|total) of (?P<who>(?:[\w'-]+ ){{0,4}}?)(?:{p})\b[^.;:]{{0,50}}?\s{_STANDS}"
        rf"(?:\s+(?:to|at))?\s+(?:(?:{_QUAL})\s+)?$",
        re.I,
    )
    for metric, p in METRIC_AFTER.items()
    if metric != "returned"
}
# The same phrase set by a verb before it: "that brings the number of people killed on both sides to at least 35",
# "updated the number of Thais killed in the fighting to 29", "puts the number of displaced people at 135,000".
_SETS = (
    r"(?:brings?|brought|bringing|puts?|putting|raised?|raises|raising|updated?|updates|updating|revised?|revises"
    r"|revising|takes?|took|taking|lifts?|lifted|lifting)"
)
NUMBER_SET = {
    metric: re.compile(
        rf"\b{_SETS}\s+(?:the|its|their)\s+(?:[\w-]+\s+)?(?:number|count|tally|total) of (?P<who>(?:[\w'-]+ ){{0,4}}?)"
        rf"(?:{p})\b[^.;:]{{0,50}}?\s(?:to|at)\s+(?:(?:{_QUAL})\s+)?$",
        re.I,
    )
    for metric, p in METRIC_AFTER.items()
    if metric != "returned"
}
_NUMBER_OF_WORDS = ("number of", "count of", "tally of", "total of")


def _number_of(before: str) -> tuple[str, str] | None:
    """The metric and the people named in a "number of <people> <metric> … stands at" phrase before a number."""
    low = before.lower()
    if not any(w in low for w in _NUMBER_OF_WORDS):
        return None
    for metric, rx in NUMBER_OF.items():
        hit = rx.search(before) or NUMBER_SET[metric].search(before)
        if hit:
            return metric, hit.group("who")
    return None


# An aside between the people counted and their verb, in brackets, between dashes or between commas as a part or a
# description of them ("12 civilians (including two children) were killed", "22 soldiers - most of them conscripts -
# were killed", "14 evacuees, most of them elderly, died"): read past, as if it were not there.
_ASIDE = re.compile(
    rf"^(?:\s+{PEOPLE}){{0,3}}?(?P<aside>\s*\([^()]{{1,80}}\)|\s+[-–—]\s[^-–—()]{{1,80}}?\s[-–—](?=\s)"
    r"|\s*,\s*(?:including|most|mostly|many|some|all|among them|nearly all|mainly|chiefly|the majority|a|an|aged|the"
    rf"|{NUMBER_WORD}\s+of\s+(?:them|whom)|(?:{NUMBER_WORDS})\s+of\s+(?:them|whom))\b"
    r"[^,;()]{1,80},)",
    re.I,
)
_ASIDE_MARK = re.compile(r"[(,\-–—]")
# A number in apposition to the people just named, closed by a comma ("half a million people, 518,000 at the latest
# count, have left"): it counts them, and their verb follows the apposition's close.
_APPOSED_TO_PEOPLE = re.compile(
    rf"\b(?:people|persons|civilians|residents|villagers|Thais|Cambodians|evacuees|soldiers|troops)\s*,\s*"
    rf"(?:(?:{_QUAL})\s+)?$",
    re.I,
)
_APPOSED_REST = re.compile(r"^[^,;()\d]{1,50},")


def _following(text: str, m: re.Match) -> str:
    """The text after a number, with the apposition it stands in closed: "families (about 66,500 people) remained"
    reads "about 66,500 people remained"; an aside after its people that tells no figure of its own blanked out (the
    same length: positions hold)."""
    after = text[m.end() :]
    if APPOSITION.search(text, max(0, m.start() - LOOKBACK), m.start()):
        return _APPOSITION_END.sub(r"\1", after, count=1)
    near = max(0, m.start() - 40)  # the people's word, a comma and a qualifier fit in this
    if "," in text[near : m.start()] and _APPOSED_TO_PEOPLE.search(text, near, m.start()):
        rest = _APPOSED_REST.match(after)
        if rest and not METRIC_CHECK.search(rest.group()):
            return " " * rest.end() + after[rest.end() :]
    if _ASIDE_MARK.search(after, 0, 60):
        aside = _ASIDE.match(after)
        if aside and not METRIC_CHECK.search(aside.group("aside")):
            lo, hi = aside.span("aside")
            return after[:lo] + " " * (hi - lo) + after[hi:]
    return after


def _metric(text: str, m: re.Match) -> str | None:
    after, before = text[m.end() :], text[max(0, m.start() - LOOKBACK) : m.start()]
    if _NOT_PEOPLE.match(after) or (_DATEISH.search(before[-12:]) and not _AT_COUNT.search(before[-20:])):
        return None
    after = _following(text, m)
    hit = _ANY_AFTER.match(after)  # the nearest metric word after the number (lazy filler)
    bound = hit.lastgroup if hit else None
    if bound == "displaced" and _AFTER["returned"].match(after):
        bound = "returned"  # "20,000 evacuees have returned home"
    if bound == "displaced":
        harmed = next((m for m, rx in _HARMED_AMONG.items() if rx.match(after)), None)
        if harmed:
            return harmed  # "14 evacuees who died": deaths, not a count of the displaced
    if bound is not None and not _COORDINATED.search(after, 0, hit.start(hit.lastgroup)):
        return bound
    near = before[-50:]  # the longest metric words and qualifier before a number fit in this
    for metric, rx in _BEFORE.items():
        if rx.search(near):
            need = NEEDS_PURPOSE.get(metric)
            if need and need.search(before) and not PURPOSE_AFTER[metric].match(after):
                continue
            moved = metric == "displaced" and _MOVED.search(before)
            if moved and not (_CIVILIANS_AFTER.match(after) or PURPOSE_AFTER[metric].match(after)):
                continue
            return metric
    if bound is None:
        named = _number_of(before)
        return named[0] if named else None
    return bound


# All qualifiers in one pattern, each its own group: no phrase of one ends another's, so at most one
# group can match right before the number (one search instead of one per qualifier).
_QUALIFIER_RX = folded(
    starting_with(initials(_QUAL), rf"\b(?:{'|'.join(f'(?P<{name}>{pattern})' for name, pattern in QUALIFIERS)})\s+$")
)


# The qualifier phrases as written (each pattern of QUALIFIERS is a list of phrases; "approx\." is "approx.").
_QUAL_PHRASES = tuple(alt.replace("\\.", ".").lower() for _, pattern in QUALIFIERS for alt in pattern.split("|"))


def _may_end_with_qualifier(before: str) -> bool:
    """Whether a text can end with a qualifier and spaces (what _QUAL_BEFORE and _QUALIFIER_RX look for): a
    quick test of its last words, lowercased as re.IGNORECASE folds ASCII (other texts: the patterns decide)."""
    return not before.isascii() or before.rstrip().lower().endswith(_QUAL_PHRASES)


def _qualifier(tail: str, vague: bool, may_qualify: bool) -> str:
    """The qualifier of an amount from the 25 characters before it (`may_qualify`: _may_end_with_qualifier of
    them, which the figure's start has already asked)."""
    if vague:
        return "vague"
    m = _QUALIFIER_RX.search(tail) if may_qualify else None
    return m.lastgroup if m else "exact"


def _breaks(text: str) -> list[tuple[int, int]]:
    """The spans of a text's clause breaks, in order (found once for all the numbers of a sentence)."""
    return [b.span() for b in CLAUSE_BREAK.finditer(text)]


def _clause(text: str, start: int, end: int, breaks: list[tuple[int, int]] | None = None) -> tuple[str, str]:
    """The parts of the number's clause before and after it (`breaks`: the text's, if already found)."""
    lo, hi = 0, len(text)  # the last break before the number, the first after it
    for b_start, b_end in _breaks(text) if breaks is None else breaks:
        if b_end <= start:
            lo = b_end
        elif b_start >= end:
            hi = b_start
            break
    return text[lo:start], text[end:hi]


def _place_side(places: list[PlaceMention], lo: int, hi: int) -> str | None:
    """The one country of the Thai or Cambodian places named between lo and hi (report offsets)."""
    found = {p.country for p in places if p.admin1 and lo <= p.evidence.start < hi}
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class _Whose:
    """Whose people a figure counts, as far as its sentence's text tells (see _country): `side` when
    the clause settles it, else the places the clause names decide, then `fallback` (the sentence's
    side), then, if `ask` (the sentence names no side), the paragraph's."""

    settled: bool
    side: str | None
    fallback: str | None = None
    ask: bool = False
    both: bool = False  # the clause counts both countries' people ("on both sides", "across the border")
    each: bool = False  # the count is each country's ("more than 100 were injured on each side"): one per side


# Where the words of a number's own people end: the next item of a list, an aside, a breakdown.
_OWN_ITEM_END = re.compile(r"[,;:(]|\s[-–—]\s|[–—]|\band\b|\bwhile\b", re.I)
# "three others", "71 others": more people of the kind just counted.
OTHERS = re.compile(r"^\s+others\b", re.I)


def _own_side(after: str) -> str | None:
    """The country of the people a number counts, named in its own words right after it ("13 Cambodians", "23 in
    Thailand"), not in the next item of its list ("26 Thai soldiers and 30 Cambodian civilians")."""
    context = " ".join(after[:200].split())
    window = " ".join(context.split()[:6])
    if BOTH.search(window) or BOTH_SIDES.search(window):
        return None
    # the nationalities of its own words, each read as attacker or not in the words that follow them too
    # ("214 have been injured since Cambodian forces resumed attacks": Cambodia's forces attack, Thais are hurt)
    own = len(_OWN_ITEM_END.split(window, maxsplit=1)[0])
    return side_of_cues(cues_before(context, own))


# The metric named before the number with whose people it counts: "the death toll in Thailand rose to 15",
# "Thailand's death toll", "the number of Thais killed since Thursday stands at 20".
TOLL_PHRASE = guarded(
    re.compile(
        r"(?:[\w'’]+\s+){0,2}\b(?:toll|number|tally|count|fatalities|deaths|casualties)\b[^,;:.()]{0,50}$", re.I
    ),
    *("toll", "number", "tally", "count", "fatalities", "deaths", "casualties"),
)


def _toll_side(before: str) -> str | None:
    hit = TOLL_PHRASE.search(before[-LOOKBACK:])
    return victim_side(hit.group(0)) if hit else None


def _whose(text: str, before: str, after: str, own: str | None) -> _Whose:
    """The part of _country that reads the text alone: the clause (its counted people first, `own`, the
    number's _own_side, or those of the toll the number is the count of; "others" are of the nationality of the
    people counted before them), then the sentence."""
    side = own or _toll_side(before)
    if side:
        return _Whose(True, side)
    if OTHERS.match(after):
        told = [c for c, attacking in cues_in(before) if not attacking]
        if told:  # "one Cambodian civilian was killed and three others were wounded": Cambodians
            return _Whose(True, told[-1])
    clause = before + after
    if EACH_SIDE.search(clause):
        return _Whose(True, None, each=True)
    if BOTH.search(clause) or BOTH_SIDES.search(clause):
        return _Whose(True, None, both=True)
    # the clause's cues read once: two attacking sides, else the side of its people (victim_side, whose own
    # test for the two countries named together has just been made)
    cues = cues_in(clause)
    if len({c for c, attacking in cues if attacking}) == 2:
        return _Whose(True, None, both=True)
    side = side_of_cues(cues)
    if side:
        return _Whose(True, side)
    if BOTH.search(text):
        return _Whose(False, None)
    side = victim_side(text)
    return _Whose(False, side, side, side is None)


def _country(whose: _Whose, text: str, offset: int, places: list[PlaceMention], context: Side) -> str | None:
    """Whose people: the clause (its counted people first), the places it names, the sentence, then
    the paragraph's side (`context`)."""
    if whose.settled:
        return whose.side
    start = offset + len(text) - len(text.lstrip())
    side = _place_side(places, start, offset + len(text) + 1) if places else None
    if side:
        return side
    if not whose.ask:
        return whose.fallback
    return context() if callable(context) else context


_GROUP_RX = [
    (group, re.compile(starting_with(initials(pattern), rf"\b(?:{pattern})\b"), re.I)) for group, pattern in GROUPS
]


# A group named in the metric's own words before the number: "Thai military fatalities to 23".
_TOLL_LINK = r"(?:\s+(?:to|of|at|reached|rose|climbed|jumped|hit|stood|stands|is|was|now|has|had|risen))*"
_GROUP_BEFORE = [
    (
        group,
        guarded(
            re.compile(rf"\b(?:{pattern})\s+(?:fatalities|deaths|death toll|casualties|toll)\b{_TOLL_LINK}\s*$", re.I),
            *("fatalities", "death", "casualties", "toll"),
        ),
    )
    for group, pattern in GROUPS
]
# Where the people counted stop and a list of what they include begins, in words, in brackets or after a dash ("34
# people, including soldiers and civilians"; "13 dead (eight civilians, five soldiers)": the count is of all of them).
_GROUP_END = re.compile(
    starting_with(
        ",;:(\u2013\u2014 iaocsu",
        r",|;|:|\(|\s[-\u2013\u2014]\s|\b(?:including|comprising|among|of whom|such as|until)\b",
    ),
    re.I,
)


_LIST_ITEM = re.compile(starting_with(",;a", r"[,;]|\band\b"))


def _group(after: str, before: str) -> str | None:
    """civilian or military from the words right after the number (before any list of what they
    include), else right before it."""
    head = _GROUP_END.split(after[:60], maxsplit=1)[0]
    own = _LIST_ITEM.split(before[-40:])[-1]  # "20 civilian deaths, 79 injuries": not the item before it
    for near in (" ".join(head.split()[:3]), " ".join(own.split()[-2:])):
        for group, rx in _GROUP_RX:
            if rx.search(near):
                return group
    for group, rx in _GROUP_BEFORE:
        if rx.search(before[-80:]):
            return group
    return None


@dataclass(frozen=True, slots=True)
class _Stated:
    """A figure as its sentence's text states it (offsets into the text); the report adds the rest."""

    start: int
    end: int
    clause_start: int
    metric: str
    value: int | None
    value_text: str
    qualifier: str
    whose: _Whose
    group: str | None
    source: str | None
    period: str | None  # the episode the sentence names, if any
    scope: str | None
    part_of_total: bool
    single: bool = False  # one victim, told on its own: a figure only as the next item of a toll (find_figures)


# A count that is the next item of a list after another count: "25 Thai soldiers and one Thai civilian …".
_LISTED = re.compile(r"(?:\s+[\w-]+){1,3}\s*(?:,|,?\s+and)\s+$", re.I)


def _scope(text: str, before: str, after: str, alone: bool = True) -> str | None:
    """What a figure counts: a span of years (period), deaths from indirect effects (indirect), the harm of one
    kind of weapon (cause), an episode's running total (total), one attack's victims (incident), one day's count
    (day: told under a day's header, not as a running total), or None when its clause does not say. The attack
    (and the weapon) must be in the number's own stretch of the clause (up to the next comma after it): "three
    killed since Monday, one by a grenade" counts more than that grenade's victims. So must the indirect effects
    when the clause counts other people too (not `alone`): "21 soldiers have been killed in the fighting, and a
    further 16 civilians have died of indirect causes" — the 21 are killed in it."""
    clause = before + after
    if PERIOD_SCOPE.search(clause):
        return "period"
    own = before + after.split(",", 1)[0]
    if INDIRECT_SCOPE.search(clause if alone else before.rsplit(",", 1)[-1] + after.split(",", 1)[0]):
        return "indirect"
    if CAUSE_SCOPE.search(own):
        return "cause"
    if RUNNING_TOTAL.search(clause):
        return "total"
    if INCIDENT_SCOPE.search(own):
        return "incident"
    if DAY_HEADER.match(text):
        return "day"
    return None


def _harmed_scope(metric: str, following: str) -> str | None:
    """ "indirect" for people of a displaced group who died of what its relative clause names as an indirect effect
    ("14 evacuees who died of illness in shelters"): the clause that tells how they died is theirs alone."""
    rx = _HARMED_AMONG.get(metric)
    hit = rx.match(following) if rx else None
    if hit is None:
        return None
    told = following[: hit.end()] + following[hit.end() :].split(",", 1)[0]
    return "indirect" if INDIRECT_SCOPE.search(told) else None


def _still_scope(metric: str, metric_words: re.Match | None, scope: str | None) -> str | None:
    """ "remaining" for a count of the displaced whose metric words tell them as still displaced ("about 200,000
    remained in camps"): a stock at the time told, shown as such beside the highest count reported."""
    if (
        metric == "displaced"
        and scope in (None, "total")
        and metric_words is not None
        and STILL.search(metric_words.group(0))
    ):
        return "remaining"
    return scope


def _link(text: str, prev: _Stated, prev_part: bool, m: re.Match) -> str | None:
    """How a number with no metric of its own continues the figure before it in a list: "item" (the next item,
    its country named: "23 deaths in Thailand and 21 in Cambodia"), "breakdown" (a part by country of a total,
    after a dash, a colon or a bracket: "36 people - 23 in Thailand …"), "part" (what a total includes:
    "23 in Thailand, including 14 civilians", and the next item of that list), or None."""
    between, following = text[prev.end : m.start()], text[m.end() :]
    if ALONG.match(between) and PART_PEOPLE.match(following):
        return "along"
    named = ELIDED_AFTER.match(following)
    if named and ELIDED.match(between):
        return "item"
    if named and BREAKDOWN.match(between):
        return "breakdown"
    if PART_PEOPLE.match(following) and (PART_LIST.match(between) or (prev_part and ELIDED.match(between))):
        return "part"
    return None


def _same_people(text: str, out: list[_Stated], m: re.Match, metric: str) -> bool:
    """Whether a number right after the metric words of the count before it, with only a metric of its own (no people
    words), counts the same people by another metric: "16 Thai soldiers have been killed and 212 wounded"."""
    if not out or out[-1].value is None or out[-1].metric == metric:
        return False
    return bool(_SAME_PEOPLE_BETWEEN.match(text[out[-1].end : m.start()]) and _BARE_METRIC.match(text[m.end() :]))


def _total_of(link: str | None, prev: int, parent: list[int | None], part: list[bool]) -> int | None:
    """The total a figure linked to the one before (`prev`, by `_link`) belongs to: the one before, for the first
    part or the first item of a breakdown; for the next item of a list, the total the one before belongs to — or,
    after a part ("…, including 14 civilians, and 13 in Cambodia"), the total that part's total belongs to."""
    if link is None:
        return None
    if link == "breakdown" or (link == "part" and not part[prev]):
        return prev
    up = parent[prev]
    if link == "item" and part[prev]:
        return parent[up] if up is not None else None
    return up


def _with_breakdowns(out: list[_Stated], parent: list[int | None], part: list[bool]) -> tuple[_Stated, ...]:
    """A total broken down into counts of each country's people ("36 people - 23 in Thailand … 13 in Cambodia")
    counts both countries' people."""
    for i, total in enumerate(out):
        sides = {out[j].whose.side for j in range(i + 1, len(out)) if parent[j] == i and not part[j]}
        if {"TH", "KH"} <= sides:
            out[i] = replace(total, whose=_Whose(True, None, both=True))
    return tuple(out)


# A question asking a count ("How many people fled?", "How many were killed in December?"): the sentence after it
# answers with numbers that name only whose people they count ("about 400,000 in Thailand and more than 500,000 in
# Cambodia"), and they count what the question asks.
_HOW_MANY = re.compile(r"\bhow many\b(?P<asked>[^?]{0,80})\?\s*$", re.I)
_ASKED = [(m, re.compile(rf"\b(?:{p})\b", re.I)) for m, p in METRIC_AFTER.items()]


def asked_metric(question: str) -> str | None:
    """The metric a question asks a count of ("How many people fled?": displaced), if it is one."""
    if not question.rstrip().endswith("?"):
        return None
    hit = _HOW_MANY.search(question)
    return next((m for m, rx in _ASKED if rx.search(hit.group("asked"))), None) if hit else None


@lru_cache(maxsize=SENTENCE_CACHE)
def _stated(text: str, asked: str | None = None) -> tuple[_Stated, ...]:
    """The figures a sentence's text states (`asked`: the metric the question before it asks, which its numbers
    with no metric of their own count when they name whose people they are): read once per distinct text."""
    if asked is None and not METRIC_CHECK.search(text):
        return ()
    out: list[_Stated] = []
    parent: list[int | None] = []  # the total each figure is an item, a part or a breakdown of
    part: list[bool] = []  # a part of that total (not a count of its own of one country's people)
    breaks = None
    singles: list[_Stated] = []
    last = 0  # where the amount of the last figure ends
    found = list(amounts(text))
    for m in found:
        if text[max(0, m.start() - 3) : m.start()].lower() == "no ":
            continue  # "No one has been killed since …"
        metric = _metric(text, m)
        link = None
        if RETRACTED.search(text, 0, m.start()):
            continue  # what an earlier version said, in its correction
        head = None
        if metric is None and out and out[-1].value is not None:
            link = _link(text, out[-1], part[-1], m)  # "23 deaths in Thailand and 21 in Cambodia": the list's metric
            metric = out[-1].metric if link else None
            if link == "along":  # "…, along with three civilians": the first count of its clause
                head = next(o for o in out if ";" not in text[o.end : m.start()]) if ";" in text else out[0]
                metric = head.metric
        if metric is None and asked and (ELIDED_AFTER.match(text[m.end() :]) or PART_PEOPLE.match(text[m.end() :])):
            metric = asked  # the answer to "How many people fled?": "about 400,000 in Thailand …"
        if metric is None or _UNIT_AFTER.match(text[m.end() :]):
            continue  # no metric, or families, homes: not people
        value = amount_value(m)
        vague = m.group("vague") is not None
        if value is None and not vague:
            continue
        if breaks is None:
            breaks = _breaks(text)
        before, after = _clause(text, m.start(), m.end(), breaks)
        # one victim of one incident, unless an item of a toll ("26 soldiers and one civilian", "… have been killed")
        single = value == 1 and link is None and not RUNNING_TOTAL.search(before + after)
        single = single and not (
            out and _LISTED.match(text, last, m.start()) and not METRIC_CHECK.search(text[last : m.start()])
        )  # the next item of the list of people a count before it begins, before its metric
        following = _following(text, m)
        metric_words = _AFTER[metric].match(following) or (
            _HARMED_AMONG[metric].match(following) if metric in _HARMED_AMONG else None
        )
        end = m.end() + (metric_words.end() if metric_words and len(following) == len(text) - m.end() else 0)
        lookback = max(0, m.start() - LOOKBACK)
        near = max(0, m.start() - 25)
        tail = text[near : m.start()]  # the last 25 characters before the number: where a qualifier stands
        may_qualify = _may_end_with_qualifier(tail)
        qual = _QUAL_BEFORE.search(text, near, m.start()) if may_qualify else None
        clause_start = m.start() - len(before)
        clause_end = m.end() + len(after)
        alone = not any(o is not m and clause_start <= o.start() < clause_end for o in found)
        up = None if link == "along" else _total_of(link, len(out) - 1, parent, part)
        own = _own_side(after)  # read once: a part's people, else the first answer of _whose
        if link == "part" or head is not None:  # a part counts the total's people, unless its own words name them
            whose = _Whose(True, own) if own else (head or out[up]).whose
        else:
            whose = _whose(text, before, after, own)
        named = _number_of(text[lookback : m.start()]) if metric != "displaced" else None
        group = None if metric == "displaced" else _group(after, text[lookback : m.start()])
        if group is None and named:
            group = next((g for g, rx in _GROUP_RX if rx.search(named[1])), None)
        if link == "item" and group is None and _WHERE_ONLY.match(text[m.end() :]):
            # "19 civilians were killed in Cambodia and three in Thailand": civilians (the item before, not its part)
            group = out[parent[-1]].group if part[-1] and parent[-1] is not None else out[-1].group
        elif link is None and _same_people(text, out, m, metric):
            whose = out[-1].whose  # "16 Thai soldiers have been killed and 212 wounded": the 212 are Thai soldiers
            group = group or out[-1].group
        stated = _Stated(
            start=qual.start() if qual else m.start(),
            end=end,
            clause_start=clause_start,
            metric=metric,
            value=value,
            value_text=m.group(0),
            qualifier=_qualifier(tail, vague, may_qualify),
            whose=whose,
            # the displaced are civilians: "civilians" tells nothing, and would split one toll in two cells
            group=group,
            source=attribution(text[clause_start:]) or attribution(text),
            period=episode_named_in(text),
            scope=_harmed_scope(metric, following)
            or ("remaining" if metric == "displaced" and _ALL_BUT.search(text, lookback, m.start()) else None)
            or _still_scope(metric, metric_words, _scope(text, before, after, alone)),
            part_of_total=link == "part"
            or bool(out and (PART_BEFORE.search(text, lookback, m.start()) or PART_AFTER.match(text[m.end() :])))
            or bool(PARTITIVE.match(text[m.end() :])),
            single=single,
        )
        if single:
            singles.append(stated)  # no list nor total of the sentence's other figures includes it
            continue
        out.append(stated)
        parent.append(up)
        part.append(link == "part")
        last = m.end()
    return _with_indirect_told(_with_breakdowns(out, parent, part)) + tuple(singles)


def _with_indirect_told(out: tuple[_Stated, ...]) -> tuple[_Stated, ...]:
    """A count of deaths told after a count of deaths from indirect effects of the same people, and larger, is a
    sum of both ("14 evacuees who died of illness, and … 40 deaths linked to the conflict"; "…, and 12 who died
    of disease in the camps, bringing the toll to 60"): "with_indirect", no toll of those killed in the fighting."""
    indirect = [f for f in out if f.metric == "killed" and f.scope == "indirect" and f.value is not None]
    if not indirect:
        return out
    return tuple(
        replace(f, scope="with_indirect")
        if f.metric == "killed"
        and f.scope in (None, "total")
        and f.value is not None
        and any(i.start < f.start and i.whose == f.whose and i.value < f.value for i in indirect)
        else f
        for f in out
    )


def _continues_toll(before: str, metric: str) -> bool:
    """Whether the sentence before tells a running toll of the metric ("The army revised its toll: 26 soldiers were
    killed …"): one victim told right after it ("One Thai civilian was killed by Cambodian fire.") is its next item."""
    return (
        bool(before)
        and bool(RUNNING_TOTAL.search(before))
        and any(f.metric == metric and (f.value or 0) > 1 and not f.single for f in _stated(before))
    )


def _names_both(text: str) -> bool:
    """Whether a text names the two countries together ("Thailand and Cambodia", "between", "both sides")."""
    return bool(text) and bool(BOTH.search(text) or BOTH_SIDES.search(text))


# "Both sides" as the ones who speak ("both sides reported air strikes"): it names who tells, not whose people.
BOTH_SPEAK = re.compile(
    r"\bboth (?:sides|countries|governments)\s+(?:have\s+|had\s+)?"
    r"(?:said|say\w*|report\w*|accus\w*|claim\w*|blam\w*|den(?:y|ied|ies|ying)|stat\w*|announc\w*)\b",
    re.I,
)


def _before_names_both(before: str) -> bool:
    """Whether the sentence before names the two countries as the ones the fighting was between — not as
    the ones who told of it."""
    return bool(before) and _names_both(BOTH_SPEAK.sub("", before))


# A sentence whose speaker is named only by a pronoun or the bare title of an office ("It also counts …", "The
# ministry put the toll at …", "Its figures show …"): its speaker is the one the sentence before named, and a count
# of people it does not name is of that speaker's side, as one of the speaker's own sentences would be.
_ANAPHOR = (
    r"(?:it|they|he|she|(?:its|their|his|her)\s+[\w-]+|the\s+(?:ministry|government|army|military|authorities"
    r"|officials|spokes\w+|agency|office|department|command|committee))"
)
ANAPHORIC_SPEAKER = re.compile(
    rf"^\s*[\"“']?{_ANAPHOR}\s+(?:(?:also|further|then|later|now|separately|has|have|had|\w+ly)\s+)*"
    rf"(?:{SPEECH}|counts|records|gives|gave|lists|listed|adds|notes|estimates|puts|shows|showed|tallies|tallied)\b",
    re.I,
)


def _sentence_side(text: str, before: str, context: Side) -> str | None:
    """The side a sentence that names no side tells of: its speaker's, when the speaker is the one of the sentence
    before, named there by its country ("The Thai government says … . It also counts …"); else its paragraph's."""
    if before and ANAPHORIC_SPEAKER.match(text):
        said = speaker_side(before)
        if said:
            return said
    return _paragraph_side(text, context) if context is not None else None


def may_state(text: str) -> bool:
    """Whether a text states any figure (find_figures finds none in a text that does not)."""
    return bool(_stated(text))


def _paragraph_side(text: str, context: Side) -> str | None:
    """The side of a sentence's paragraph (`context`, or a function that finds it), unless the sentence names
    both countries ("Thailand accused Cambodia …"): then it is not one side's story."""
    if len(set(countries_in(text))) == 2:
        return None
    return context() if callable(context) else context


# What sums fighting up or counts over time ("the fighting has killed 35", "since Monday"): a count told with it is
# no one attack's harm, whatever the sentence before told.
SUMMED_UP = re.compile(
    r"\b(?:fighting|clash\w*|conflict|hostilities|war|violence|combat|since|so far|in all|altogether|overall)\b", re.I
)


def _harm_of_attack_before(text: str, before: str) -> bool:
    """Whether a sentence that names no place, no running total and nothing summed up counts the harm of the one
    attack the sentence before told ("A patrol struck a landmine near X on Monday. Two soldiers were injured."):
    that attack's victims, not a toll."""
    return (
        bool(before)
        and not SUMMED_UP.search(text)
        and bool(INCIDENT_SCOPE.search(before))
        and not RUNNING_TOTAL.search(before)
        and not SUMMED_UP.search(before)
    )


def find_figures(
    sentence: Sentence,
    report_id: str,
    published: date | None,
    places: list[PlaceMention] | None = None,
    context: Side = None,
    before: str = "",
    opening: str = "",
) -> list[Figure]:
    """Figures in a sentence; `places` are its place mentions, `context` the side its paragraph is about
    (or a function that finds it, called only when needed; not asked in a sentence naming both countries),
    `before` the sentence before it, `opening` its paragraph's first sentence (under a day's header, a count told
    as no running total is that day's). A running
    total whose side is not stated, told where the two countries are named together (this sentence or
    the one before: "fighting between Thailand and Cambodia … at least 60 killed"), counts both sides."""
    text = sentence.text
    figures: list[Figure] = []
    offset = sentence.start
    context = partial(_sentence_side, text, before, context)  # read only for a figure whose side is left to it
    asked = asked_metric(before) if before else None
    stated = _stated(text, asked) if asked else _stated(text)  # the call may_state made: one cache entry
    day = counts_to(text, published) if stated else None
    for f in stated:
        if f.single and not _continues_toll(before, f.metric):
            continue
        evidence = Evidence(report_id, text, offset + f.start, offset + f.end, text[f.start : f.end])
        clause_start, clause_end = offset + f.clause_start, offset + f.end + 60
        clause_places = [p for p in places or [] if clause_start <= p.evidence.start < clause_end]
        country = _country(f.whose, text, offset, clause_places or places or [], context)
        both = f.whose.both or (
            not f.whose.each
            and country is None
            and f.scope in (None, "total", "remaining")
            and (_names_both(text) or _before_names_both(before))
        )
        for each in ("TH", "KH") if f.whose.each else (country,):  # a count of each side: one figure per side
            figures.append(
                Figure(
                    evidence=evidence,
                    metric=f.metric,
                    value=f.value,
                    value_text=f.value_text,
                    qualifier=f.qualifier,
                    country=each,
                    group=f.group,
                    source=f.source,
                    period=f.period or episode_at(published),
                    scope=_figure_scope(f, text, before, places, each, opening),
                    both_sides=both,
                    part_of_total=f.part_of_total,
                    date=day,
                )
            )
    return figures


# A count over a span the sentence states: "between Dec. 8 and Dec. 27" (it counts to the span's end), "since
# December 8" (to the report's day).
_SPAN = guarded(re.compile(r"\b(?:between|from|since)\b", re.I), "between", "from", "since")
_SPAN_START = re.compile(r"\b(?:between|from)\s+$", re.I)
_SPAN_JOIN = re.compile(r"^\s*(?:and|to|until|till|through|-|\u2013)\s*$", re.I)
_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.I)


def counts_to(text: str, published: date | None) -> date | None:
    """The day a sentence's counts count to: the end of the span it states ("22 soldiers were killed between Dec. 8
    and Dec. 27": 27 Dec), the report's day for a count since a day ("21 have been killed since December 8"), else
    the day it tells (stated_day): of two running totals of one report, the one over the longer span is the newer."""
    day = stated_day(text, published)
    if not _SPAN.search(text):
        return day
    found = [
        d for d in find_dates(text, published, future=False) if d.date and (published is None or d.date <= published)
    ]
    for first, then in zip(found, found[1:], strict=False):
        if (
            _SPAN_START.search(text, max(0, first.start - 12), first.start)
            and _SPAN_JOIN.match(text[first.end : then.start])
            and then.date >= first.date
        ):
            return then.date
    if found and _SINCE.search(text, max(0, found[0].start - 12), found[0].start):
        return published
    return day


def _figure_scope(
    f: _Stated, text: str, before: str | None, places: list | None, country: str | None, opening: str = ""
) -> str | None:
    """A figure's scope: its own words' ("remaining", "incident" …); else one attack's harm when it follows the
    attack's sentence; one day's count in a paragraph under a day's header ("day"); a running total or a bare count
    of one side's dead or wounded that the other side gives is that side's claim ("claimed")."""
    scope = f.scope or ("incident" if not places and _harm_of_attack_before(text, before) else None)
    if scope is None and opening and DAY_HEADER.match(opening):
        scope = "day"
    if scope in (None, "total") and f.metric in HARMED and _enemy_claim(text, f.start, country):
        return "claimed"
    return scope


HARMED = ("killed", "injured")
# Where a reported clause begins: a speaker before it speaks of what follows, not of a count in a clause after it
# ("Cambodia said 13 had died, while Thailand said …").
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|but|whereas)\b|\bwhile\b", re.I)


def _enemy_claim(text: str, at: int, country: str | None) -> bool:
    """Whether a count of one side's dead or wounded is given by the other side's speaker in its own clause ("The
    Thai army says more than 200 Cambodian soldiers have been killed"): an enemy's claim of the losses it caused,
    which the side's own toll never is (scope "claimed", kept out of the headline and the tracker)."""
    if country not in ("TH", "KH"):
        return False
    # the speaker named after the count in its clause ("…, and 30 Cambodian civilians, according to Phnom Penh"),
    # else the one before it
    after = _CLAUSE_BREAK.search(text, at)
    said = speaker_side(text[at : after.start() if after else len(text)])
    if said is None:
        lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, at)), default=0)
        said = speaker_side(text[lo:at])
    return said in ("TH", "KH") and said != country


class Sides:
    """The side each paragraph is about, found only for the figures that need it. (Not the whole
    report's: a report about one side's provinces still gives totals of both without saying so.)"""

    def __init__(self, sentences: list[Sentence], places: list[list[PlaceMention]]):
        self.sentences, self.places = sentences, places
        self.paragraphs: dict[int, str | None] = {}

    def of(self, paragraph: int, start: int | None = None) -> str | None:
        """The paragraph's side; in a paragraph about both sides (or none), for the sentence at `start`, the side
        whose account it continues (`continued_side`)."""
        if paragraph not in self.paragraphs:
            pairs = [(s, p) for s, p in zip(self.sentences, self.places, strict=True) if s.paragraph == paragraph]
            self.paragraphs[paragraph] = paragraph_side([s for s, _ in pairs], [p for _, p in pairs])
        side = self.paragraphs[paragraph]
        if side is None and start is not None:
            at = next((n for n, s in enumerate(self.sentences) if s.start == start), 0)
            if at and self.sentences[at - 1].paragraph == paragraph:
                return continued_side(self.sentences[at].text, self.sentences[at - 1].text)
        return side


# Words that sum counts up ("Taken together, at least 42 …", "In all, 33 …"): a sentence with them continues no one
# side's account.
SUMMING = re.compile(r"\b(?:in all|in total|taken together|together|all told|overall|combined|altogether)\b", re.I)


def continued_side(text: str, before: str) -> str | None:
    """The side whose account a sentence continues: the sentence before it (in its paragraph) is one side's account of
    its own people — its speaker's side is the side of the people it counts ("According to Thai authorities, 29
    people have been killed in Thailand …") — and the sentence names no speaker of its own and sums nothing up
    ("More than 50 soldiers and some 40 civilians have been injured.")."""
    if attribution(text) or SUMMING.search(text):
        return None
    said = speaker_side(before)
    return said if said and victim_side(before) == said else None


def paragraph_side(sentences: list[Sentence], places: list[list[PlaceMention]]) -> str | None:
    """The side a paragraph (its sentences and their places) is about: the one country its people,
    speakers and places point at (None when they point at both or at none)."""
    seen: set[str] = set()
    for s, found in zip(sentences, places, strict=True):
        side = victim_side(s.text)
        seen |= {side} if side else set()
        seen |= {p.country for p in found if p.admin1}
    return next(iter(seen)) if len(seen) == 1 else None


def dedupe(figures: list[Figure]) -> list[Figure]:
    """One figure per statement: the same metric, value and country count once in a report. A count a report
    gives twice, once with its side and once without (its headline's "400,000 Thais evacuated" told again in the
    body as "400,000 people have been evacuated"), is one count, of that side: unless the second says it counts
    both countries, or the report gives that count for each side. Of two tellings of one count, the one that says
    who gives it is kept (the body's "about 135,000, according to the committee" over the headline's "135,000")."""
    sided: dict[tuple, set[str]] = {}
    for f in figures:
        if f.country and f.value is not None:
            sided.setdefault((f.metric, f.value, f.qualifier), set()).add(f.country)
    seen: dict[tuple, int] = {}
    out: list[Figure] = []
    for f in figures:
        told = sided.get((f.metric, f.value, f.qualifier), set())
        if f.country is None and not f.both_sides and len(told) == 1:
            f = replace(f, country=next(iter(told)))
        key = (f.metric, f.value if f.value is not None else f.value_text.lower(), f.country)
        if key not in seen:
            seen[key] = len(out)
            out.append(f)
        elif f.source and not out[seen[key]].source:
            out[seen[key]] = f
    return out
