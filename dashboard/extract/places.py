"""Place mentions: gazetteer names found in the text, disambiguated, with an ACLED-style precision.

Rules (one place):
- a mention starts with a capitalised word; the longest gazetteer name wins (up to 6 words);
- a following type word chooses among candidates: "province", "temple", "district", "checkpoint";
- capitals used for governments ("Bangkok and Phnom Penh accused ...", "Beijing's envoy") are not places;
- small GeoNames towns are only taken when the name is not also a common word or a person's name.
"""

from __future__ import annotations

import re

from dashboard.extract.sentences import Sentence
from dashboard.gazetteer import Gazetteer, Place, name_key
from dashboard.records import Evidence, PlaceMention

MAX_WORDS = 6
_WORD = r"[^\W\d_][\w']*(?:-[^\W\d_][\w']*)*"
_CAPITALISED = re.compile(rf"(?<![\w'])(?=[A-ZÀ-ÖØ-Þ]){_WORD}")
_NEXT_WORD = re.compile(rf"[ -]{{1,2}}({_WORD})")

TYPE_WORDS = {
    "province": {"province"},
    "temple": {"temple", "temples"},
    "district": {"district"},
    "checkpoint": {"checkpoint", "crossing", "border"},
    "town": {"town", "city", "village", "market"},
}
GOVERNMENT_SEATS = {
    "bangkok",
    "phnompenh",
    "beijing",
    "washington",
    "kualalumpur",
    "vientiane",
    "hanoi",
    "jakarta",
    "manila",
    "singapore",
    "tokyo",
    "putrajaya",
}
GOVERNMENT_VERBS = (
    r"accus|said|say|deni|deny|claim|insist|want|reject|demand|urg|respond|warn|blam|call|alleg|maintain"
    r"|argu|refus|express|hope|agree|welcom|condemn|protest|deploy|sent|send|announc|stat|confirm|launch"
    r"|ask|told|tell|accept|seek|sought|threaten|vow|back|support|push|pledg|offer|decid|order|suspend"
    r"|recall|retaliat|respond|view|consider|see|believ|fear|will|would|must|should|has|have|had|is|was"
)
_SEATS = r"(?:Bangkok|Phnom Penh|Beijing|Washington)"
_GOV_AFTER = re.compile(
    rf"^(?:'s?\b|\s+(?:\w+\s+){{0,2}}{_SEATS}\b"
    rf"|,?\s+(?:also\s+|has\s+|have\s+|had\s+|repeatedly\s+|again\s+|later\s+|earlier\s+|previously\s+"
    rf"|then\s+|quickly\s+|swiftly\s+)*(?:{GOVERNMENT_VERBS})\w*)"
)
_GOV_BEFORE = re.compile(
    rf"(?:\b{_SEATS}(?:'s)?\s+(?:\w+\s+){{0,2}}|\bbetween\s+|\bboth\s+|\baccus\w*\s+"
    r"|\burg\w*\s+|\bwarn\w*\s+|\bblam\w*\s+|\bcriticis\w*\s+|\bcriticiz\w*\s+"
    r"|\bcalled on\s+|\basked\s+|\btold\s+)$"
)
# A place name that modifies a named document or process is not a mention of the place.
NAMED_THING = re.compile(
    r"^\s+(?:Joint\s+|Peace\s+)?(?:Agreement|Accords?|Declaration|Treaty|Statement|Convention"
    r"|Process|Principles|Joint|Peace)\b"
)
NEAR_WORDS = re.compile(
    r"(?:\bnear|\boutside|\bclose to|\baround|\bnorth of|\bsouth of|\beast of|\bwest of"
    r"|\bkm from|\bkilometres from|\bkilometers from|\bborder with)\s+(?:the\s+)?$",
    re.I,
)
SETTLEMENT_AFTER = re.compile(r"\s+(?:district|town|city|village|subdistrict)\b", re.I)
PERSON_TITLES = re.compile(
    r"(?:Minister|President|Premier|Mr|Mrs|Ms|Dr|Gen|General|spokesman|spokeswoman"
    r"|spokesperson|Secretary|envoy|Envoy|Ambassador|Lieutenant|Colonel|King|Prince"
    r"|Princess|Chairman|Director|Professor|Governor|Commander)\.?\s+$"
)
# Town names GeoNames has that are also ordinary words or people's names in this news.
COMMON_WORDS = {
    "ban",
    "bo",
    "hun",
    "sen",
    "manet",
    "mae",
    "chan",
    "mon",
    "don",
    "lam",
    "nam",
    "sam",
    "ta",
    "kok",
    "ko",
    "kap",
    "sai",
    "phon",
    "khmer",
    "thai",
    "thailand",
    "cambodia",
    "laos",
    "asean",
    "prasat",
    "border",
    "center",
    "centre",
    "central",
    "north",
    "south",
    "east",
    "west",
    "chong",
    "phnom",
    "wat",
    "phum",
    "thom",
    "tuol",
    "chamkar",
    "krong",
    "muang",
    "mueang",
    "nong",
    "khao",
    "tha",
    "huai",
    "bang",
    "hat",
    "laem",
    "sa",
    "kaeo",
    "long",
    "sok",
    "heng",
    "chea",
    "kim",
    "lim",
    "tan",
    "pol",
    "pot",
    "anutin",
    "hasan",
    "deng",
    "lin",
    "jian",
    "wei",
    "ling",
    "hong",
    "may",
    "san",
    "son",
    "kong",
    "koh",
}


Word = tuple[int, int, str]  # start, end, text


def _longest_name(gaz: Gazetteer, text: str, first: re.Match) -> tuple[list[Word], int, list[Place]]:
    """The words from `first` on (adjacent: a space or a hyphen apart), and the longest run of them
    that names a place: (words read, number of words in the name, candidates)."""
    run: list[Word] = [(first.start(), first.end(), first.group())]
    key = name_key(first.group())
    if not gaz.is_prefix(key):
        return run, 0, []
    candidates = gaz.by_key(key)
    best = 1 if candidates else 0
    pos = first.end()
    while len(run) < MAX_WORDS:
        w = _NEXT_WORD.match(text, pos)
        if not w:
            break
        key += name_key(w.group(1))
        if not gaz.is_prefix(key):
            break
        run.append((w.start(1), w.end(1), w.group(1)))
        pos = w.end()
        found = gaz.by_key(key)
        if found:
            best, candidates = len(run), found
    return run, best, candidates


def _choose(candidates: list[Place], type_word: str | None) -> Place:
    if type_word:
        for kind, words in TYPE_WORDS.items():
            if type_word in words:
                typed = [
                    p
                    for p in candidates
                    if p.kind == kind or (kind == "town" and p.kind in ("town", "village", "city"))
                ]
                if typed:
                    return typed[0]
    return candidates[0]


def _is_government(sentence: str, start: int, end: int, key: str) -> bool:
    if key not in GOVERNMENT_SEATS:
        return False
    return bool(_GOV_AFTER.match(sentence[end : end + 80]) or _GOV_BEFORE.search(sentence[max(0, start - 40) : start]))


def _plausible_town(sentence: str, start: int, end: int, key: str, place: Place) -> bool:
    """Guards for GeoNames towns, whose names often collide with words and people's names; a following
    "district", "town", "city" or "village" settles it ("Prasat district")."""
    if place.kind != "town" or not place.id.startswith("gn:") or SETTLEMENT_AFTER.match(sentence[end : end + 20]):
        return True
    if key in COMMON_WORDS or len(key) < 4 or PERSON_TITLES.search(sentence[max(0, start - 30) : start]):
        return False
    return not re.match(r"^\s+[A-Z][a-z]", sentence[end:]) or bool(
        re.match(r"^\s+(?:Province|District|Town|City|Village)\b", sentence[end:])
    )


def _precision(place: Place, before: str) -> int:
    if place.kind == "province":
        return 3
    if place.kind in ("district", "area") or NEAR_WORDS.search(before):
        return 2
    return 1


def find_places(
    sentence: Sentence, report_id: str, gaz: Gazetteer, senses: dict[str, Place] | None = None
) -> list[PlaceMention]:
    """Places in a sentence. `senses` carries, across a report's sentences, the sense an ambiguous name
    was given where a type word made it explicit ("Preah Vihear temple"), for later bare mentions."""
    senses = {} if senses is None else senses
    text = sentence.text
    found, pos = [], 0
    while (first := _CAPITALISED.search(text, pos)) is not None:
        run, n, candidates = _longest_name(gaz, text, first)
        if not n:
            pos = first.end()
            continue
        start, end = run[0][0], run[n - 1][1]
        name = text[start:end]
        key = name_key(name)
        following = _NEXT_WORD.match(text, end)
        nxt = following.group(1).lower() if following else None
        place = _choose(candidates, nxt)
        if nxt and place.kind in TYPE_WORDS and nxt in TYPE_WORDS[place.kind] and place.kind != "town":
            end = following.end(1)
            if len(candidates) > 1:
                senses[key] = place
        elif n > 1 and run[n - 1][2].lower() in TYPE_WORDS.get(place.kind, ()):
            senses[name_key(" ".join(w[2] for w in run[: n - 1]))] = place
        elif key in senses:
            place = senses[key]
        pos = end
        if (
            _is_government(sentence.text, start, end, key)
            or NAMED_THING.match(sentence.text[end:])
            or not _plausible_town(sentence.text, start, end, key, place)
        ):
            continue
        evidence = Evidence(
            report_id, sentence.text, sentence.start + start, sentence.start + end, sentence.text[start:end]
        )
        found.append(
            PlaceMention(
                evidence=evidence,
                name=place.name,
                written=name,
                place_id=place.id,
                kind=place.kind,
                country=place.country,
                admin1=place.admin1,
                lat=place.lat,
                lon=place.lon,
                precision=_precision(place, sentence.text[max(0, start - 40) : start]),
                border_km=place.border_km,
                border_distance_km=place.border_distance_km,
            )
        )
    return found
