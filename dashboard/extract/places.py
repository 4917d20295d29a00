"""Place mentions: gazetteer names found in the text, disambiguated by the report, with an ACLED-style
precision. The pipeline (mordecai-style): find mentions, fetch their candidates, choose one per report,
attach coordinates and precision.

Finding (per sentence):
- a mention starts with a capitalised word; the longest gazetteer name wins (up to 6 words);
- capitals used for governments ("Bangkok and Phnom Penh accused ...", "Beijing's envoy") are not places;
- names the gazetteer lacks are taken by their structure: a province after them, a head word ("X temple"), a
  village prefix ("Ban X"), a list under a plural type word, a crossing's pair ("the X-Y border checkpoint");
- a candidate must be plausible where it is written: small towns and units of the official lists are
  not taken when the name is also a common word or a person's name.

Choosing (per report):
- a following type word chooses among candidates: "province", "temple", "district", "village" ...;
- subdistricts, communes and villages of the official lists count only when the report names their
  province (or they carry a type word), and a name shared by many units only in its province;
- otherwise the candidate in the district or province the report is about wins, then the one in the
  country the sentence is about, then the gazetteer's order (kind, own name, population, border);
- small places far from the border in a province the report never names are dropped;
- one sense per report: every mention of a name gets the sense of its first resolution.

Size: one module because finding, choosing and attaching share the private mention records and the
gazetteer's candidates, and are changed together; the word lists are already in dashboard/data/lexicon.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from dashboard.extract.actors import one_country
from dashboard.extract.lexicon import (
    COUNTRIES,
    COUNTRY_CUES,
    GOVERNMENT_SEATS,
    MONTHS,
    NOT_PLACE_NAMES,
    PLACE_HEADS,
    TYPE_WORDS,
    WEEKDAYS,
    guarded,
    word_pattern,
)
from dashboard.extract.lexicon import table as lexicon_table
from dashboard.extract.lexicon import words as word_list
from dashboard.extract.sentences import SENTENCE_CACHE, Sentence
from dashboard.gazetteer import ADMIN_UNITS, Gazetteer, Place, name_key
from dashboard.records import Evidence, PlaceMention

MAX_WORDS = 6
_PART = r"[^\W\d_]\w*(?:'(?!s\b)\w+)*"  # a possessive 's is not part of a word
_WORD = rf"{_PART}(?:-{_PART})*"
# A word that begins with a capital, not inside another word: `(?<![\w'])(?=[A-ZÀ-ÖØ-Þ]){_WORD}`, written to begin
# with the capital (every one a letter, so it also begins a _PART) and to look behind it after it: `re` then skips
# to the capitals instead of trying the pattern at every position (tests/test_extract_guards.py checks the two agree).
_CAPITALISED = re.compile(rf"[A-ZÀ-ÖØ-Þ](?<![\w'].)\w*(?:'(?!s\b)\w+)*(?:-{_PART})*")
_NEXT_WORD = re.compile(rf"[ -]{{1,2}}({_WORD})")
_SEAT_KEYS = frozenset(name_key(s) for s in GOVERNMENT_SEATS)
_COUNTRY_KEYS = frozenset(name_key(c) for c in COUNTRIES)
GOVERNMENT_VERBS = (
    r"accus|said|say|deni|deny|claim|insist|want|reject|demand|urg|respond|warn|blam|call|alleg|maintain"
    r"|argu|refus|express|hope|agree|welcom|condemn|protest|deploy|sent|send|announc|stat|confirm|launch"
    r"|ask|told|tell|accept|seek|sought|threaten|vow|back|support|push|pledg|offer|decid|order|suspend"
    r"|recall|retaliat|respond|view|consider|see|believ|fear|will|would|must|should|has|have|had|is|was"
)
_SEATS = rf"(?:{word_pattern(GOVERNMENT_SEATS)})"
_GOV_AFTER = re.compile(
    rf"(?:'s?\b|\s+(?:\w+\s+){{0,2}}{_SEATS}\b"
    rf"|,?\s+(?:also\s+|has\s+|have\s+|had\s+|repeatedly\s+|again\s+|later\s+|earlier\s+|previously\s+"
    rf"|then\s+|quickly\s+|swiftly\s+)*(?:{GOVERNMENT_VERBS})\w*)"
)
_GOV_BEFORE = re.compile(
    rf"(?:\b{_SEATS}(?:'s)?\s+(?:\w+\s+){{0,2}}|\bbetween\s+|\bboth\s+|\baccus\w*\s+"
    r"|\burg\w*\s+|\bwarn\w*\s+|\bblam\w*\s+|\bcriticis\w*\s+|\bcriticiz\w*\s+"
    r"|\bcalled on\s+|\basked\s+|\btold\s+|\baccording to\s+"  # "according to Bangkok": its government's count
    rf"|\b(?:{word_pattern(word_list('government_cues', 'relation'))})\s+with\s+)$"
)
# A dateline: "BANGKOK (Reuters) —", "PHNOM PENH, Dec 9 —" at the start of a paragraph is a place.
_DATELINE = re.compile(r"\s*(?:\([^)]{2,30}\)|,\s*\w{3,9}\.?\s+\d{1,2})")
# A place name that modifies a named document or process is not a mention of the place.
NAMED_THING = re.compile(
    r"\s+(?:Joint\s+|Peace\s+)?(?:Agreement|Accords?|Declaration|Treaty|Statement|Convention"
    r"|Process|Principles|Joint|Peace)\b"
)
NEAR_WORDS = guarded(
    re.compile(
        r"(?:\bnear|\boutside|\bclose to|\baround|\bnorth of|\bsouth of|\beast of|\bwest of"
        r"|\bkm from|\bkilometres from|\bkilometers from|\bborder with)\s+(?:the\s+)?$",
        re.I,
    ),
    *("near", "outside", "close to", "around", "north of", "south of", "east of", "west of", "km from"),
    *("kilometres from", "kilometers from", "border with"),
)
LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|to|from|near|outside|of)\s+(?:the\s+(?:\w+\s+)?city\s+of\s+)?$")
REGIONAL_CITY = "regional city"  # the end of the source of geodata/foreign_cities.csv rows that are not capitals
# Names the gazetteer lacks, placed by the province written right after them: typed ("X village,"),
# a Thai or Khmer village prefix ("Ban X,", "Phum X,"), or where something happened ("in X, Y province").
_NAME = r"[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){0,3}"
# A named crossing the gazetteer lacks ("X International Border Crossing in Y province"): a checkpoint of Y.
_CROSSING = r"(?:[Ii]nternational )?(?:[Bb]order )?(?:[Cc]rossing|[Cc]heckpoint)(?: [Pp]oint)?"
_CROSSING_RX = re.compile(_CROSSING)
# A named battle site the gazetteer lacks ("X hill in Y province"): an area of Y.
_SITE = r"(?:[Hh]ill|[Pp]ass|[Mm]ountain|[Rr]idge)"
_SITE_RX = re.compile(_SITE)
# The last words of the typed names UNLISTED takes before "in <province>".
_TYPE_ENDS = frozenset(
    ("village", "district", "subdistrict", "sub-district", "commune", "crossing", "checkpoint", "point")
    + ("hill", "pass", "mountain", "ridge")
)
UNLISTED = re.compile(
    rf"(?<![\w'])(?P<typed>(?:Ban |Baan )?{_NAME}) (?P<type>(?i:village|sub-?district|commune|district"
    rf"|{_CROSSING}|{_SITE}))(?=,\s|\s+in\s)"
    rf"|(?<![\w'])(?P<prefixed>(?:Ban|Baan|Phum|Phoum) {_NAME})(?=,\s)"
    rf"|\b(?:in|at|near) (?P<located>{_NAME})(?=,\s)"
)
# A name the gazetteer lacks that its head word makes a place ("Rai Pa temple", "Banthat Mountain"), written
# anywhere: placed by the place it is written in or near, else by the one province its sentence (or paragraph)
# names (see _placed_nearby). A capitalised word or a hyphen after the head makes it part of a longer name ("X Mountain
# Resort"); plural heads begin lists.
FEATURE_KINDS = frozenset(("temple", "area", "checkpoint"))
_FEATURE_HEADS = "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w, k in PLACE_HEADS.items() if k in FEATURE_KINDS)
FEATURED = re.compile(
    rf"(?<![\w'])(?:(?P<name>{_NAME}) (?P<head>{_FEATURE_HEADS})\b(?!-|\s+[A-Z])"
    rf"|(?P<prefixed>(?:Ban|Baan|Phum|Phoum) {_NAME})(?![\w'-]|\s+[A-Z]))"  # a Thai or Khmer village: "Ban X"
)
# Names listed under one plural type word ("the districts of A, B and C", "A, B and C villages"): each is of
# that type, and the province written once after the list is each one's (see _with_lists).
LIST_TYPES = {
    f"{w}s": k
    for w, k in (*((w, k) for k, ws in TYPE_WORDS.items() for w in ws if k != "town"), *PLACE_HEADS.items())
    if (k in TYPE_WORDS or k in FEATURE_KINDS) and not w.endswith("s") and w != "border"
}
_PLURALS = "|".join(sorted(LIST_TYPES, key=len, reverse=True))
_LIST = rf"{_NAME}(?:, {_NAME})*,? and {_NAME}"
LISTED = re.compile(
    rf"(?<![\w'])(?P<after>{_LIST}) (?P<type_after>(?i:{_PLURALS}))\b"
    rf"|\b(?P<type_before>(?i:{_PLURALS})) of (?:the )?(?P<before>{_LIST})(?![\w'-])"
)
_NAME_RX = re.compile(_NAME)
# A crossing named by the two places it joins ("the Chanthaburi-Pailin border checkpoint"): on the line
# between them, in the first one's province (see _with_paired).
PAIRED = re.compile(rf"(?<![\w'])(?P<a>{_NAME})[-–](?P<b>{_NAME}) (?:[Bb]order )?(?:[Cc]heckpoint|[Cc]rossing)\b")
# A province abroad written after a city abroad ("Yuxi, Yunnan Province"): a province of that city's country,
# at the city's point (see _with_provinces_abroad).
PROVINCE_ABROAD = re.compile(rf",\s+(?P<name>{_NAME}) [Pp]rovince\b")
FACILITY_HEADS = frozenset(w for w, k in PLACE_HEADS.items() if k == "facility")  # "X Circuit": a business
# Words of an organisation's ("Royal Thai Navy base") or a region's name ("the Greater Mekong area"), and words
# that describe rather than name ("the Hindu temple", "a World Heritage temple").
ORGANISATION_WORDS = frozenset(w for w, k in PLACE_HEADS.items() if k in ("organisation", "region", "descriptor"))
# Words that begin a run of capitals without being part of a name: function words, days, months, sides.
_LEADING = frozenset(
    ("the", "a", "an", "on", "in", "at", "near", "from", "to", "by", "and", "of", "as", "after", "before")
    + tuple(w.lower() for w in (*MONTHS.split("|"), *WEEKDAYS, *COUNTRIES, *COUNTRY_CUES["KH"], *COUNTRY_CUES["TH"]))
)
# Words no name of a feature holds: function words, days, months, sides, and the common words and leaders'
# names of not_place_names.csv ("Hun Sen camp"); its name parts ("Ban", "Phnom") begin names.
_NOT_NAME_WORDS = _LEADING | {
    r["word"].strip().lower() for r in lexicon_table("not_place_names") if r["kind"] != "name-part"
}
SETTLEMENT_AFTER = re.compile(r"\s+(?:district|town|city|village|subdistrict|sub-district|commune)\b", re.I)
UNIT_BEFORE = re.compile(r"\b(?:village|commune|subdistrict|sub-district|tambon|district)s? of\s+$", re.I)
PERSON_TITLES = re.compile(
    r"(?:Minister|President|Premier|Mr|Mrs|Ms|Dr|Gen|General|spokesman|spokeswoman"
    r"|spokesperson|Secretary|envoy|Envoy|Ambassador|Lieutenant|Colonel|King|Prince"
    r"|Princess|Chairman|Director|Professor|Governor|Commander)\.?\s+$"
)
# A small place (not a province, capital or landmark) farther than this from the line, in a province
# the report never names, is another place of the same name: this news is about the border.
FAR_FROM_BORDER_KM = 150.0
LARGE_TOWN = 50_000
# A name shared by more units than this is only taken in a province the report names.
MANY_SENSES = 3
# A province whose polygon comes this near the line (km; the map layer is simplified) is on the border.
PROVINCE_ON_BORDER_KM = 5.0
INSIDE_LINE_KM = 3.0  # a checkpoint placed by the line stands this far on its province's side (the map's edges)
KM_PER_DEGREE = 111.2
MIN_CONTEXT_KEY = 5  # shorter names of units of the official lists are not taken even in context


@dataclass(frozen=True, slots=True)
class _Mention:
    """A name found in a sentence's text (offsets into it): shared by every sentence of that text."""

    start: int  # in the sentence
    end: int
    key: str
    sense_key: str  # the name without a type word that is part of it ("Preah Vihear temple")
    candidates: list[Place]  # plausible here, best first
    type_word: str | None
    free: bool  # True: may stand without the report's context (a type word or a well-known place)
    unlisted: bool = False  # a name the gazetteer lacks, typed ("Ban X village"): placed by its province
    located: bool = False  # written where something is ("in X"): placed by a province written after it
    near: bool = False  # written after a word of nearness ("near X", "north of X"): see _precision
    # What the mention tells whatever the rest of the report says (see _facts):
    province: str | None = None  # the province it places the report in (see _context)
    districts: tuple[str, ...] = ()  # and the districts
    sole: Place | None = None  # its one sense, when no context can drop or change it (see _choose)
    listed: tuple[int, str] = ()  # a name listed under a plural type word: where the list ends, its kind


Word = tuple[int, int, str]  # start, end, text


@lru_cache(maxsize=SENTENCE_CACHE)
def _name_start(gaz: Gazetteer, word: str) -> str | None:
    """A capitalised word's key, if it begins some known name (else None). The same words come back in
    sentence after sentence ("Ministry", "Thai", "Interior"): their keys are folded once."""
    key = name_key(word)
    return key if gaz.is_prefix(key) else None


def _longest_name(gaz: Gazetteer, text: str, first: re.Match) -> tuple[list[Word], int, list[Place]]:
    """The words from `first` on (adjacent: a space or a hyphen apart), and the longest run of them
    that names a place: (words read, number of words in the name, candidates). No words are read when
    the first begins no name."""
    key = _name_start(gaz, first.group())
    if key is None:
        return [], 0, []  # most capitalised words begin no name: nothing more is read
    run: list[Word] = [(first.start(), first.end(), first.group())]
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


def _kinds_typed() -> dict[str, frozenset[str]]:
    """The kinds of place each type word chooses: its own, and for "town" villages and cities too."""
    out: dict[str, frozenset[str]] = {}
    for kind, words in TYPE_WORDS.items():
        for word in words:
            out.setdefault(word, frozenset({kind, "village", "city"} if kind == "town" else {kind}))
    return out


KINDS_TYPED = _kinds_typed()


def _typed(candidates: list[Place], type_word: str | None) -> list[Place]:
    """The candidates of the kind a following type word names ("Surin town"), if any."""
    kinds = KINDS_TYPED.get(type_word) if type_word else None
    return [p for p in candidates if p.kind in kinds] if kinds else []


def _is_government(text: str, start: int, end: int) -> bool:
    """Whether a capital's name at text[start:end] stands for its government ("Bangkok said …")."""
    if not text[:start].strip() and _DATELINE.match(text, end, end + 30):
        return False
    return bool(_GOV_AFTER.match(text, end, end + 80) or _GOV_BEFORE.search(text[max(0, start - 40) : start]))


def _plausible(text: str, start: int, end: int, key: str, candidates: list[Place], typed: bool) -> list[Place]:
    """The candidates that can be meant here. A capital standing for its government is none of them.
    Guards for names that often collide with words and people's names (GeoNames towns, regional cities
    abroad, units of the official lists): a following "district", "town", "village" ... settles it; a
    city abroad must be where something is ("in Kunming", "held at …") or a dateline."""
    out = []
    government = small_ok = locative = None
    for p in candidates:
        if key in _SEAT_KEYS or p.kind == "capital":
            if government is None:
                government = _is_government(text, start, end)
            if government:
                continue
        if p.kind == "city" and p.source.endswith(REGIONAL_CITY):
            if locative is None:
                locative = bool(LOCATIVE_BEFORE.search(text[max(0, start - 20) : start])) or (
                    not text[:start].strip() and bool(_DATELINE.match(text, end, end + 30))
                )
            if locative:
                out.append(p)
            continue
        small = (p.kind == "town" and p.id.startswith("gn:")) or p.id[:3] in ("th:", "kh:")
        if small and not typed:
            if small_ok is None:
                small_ok = _small_place_ok(text, start, end, key)
            if not small_ok:
                continue
        out.append(p)
    return out


def _small_place_ok(text: str, start: int, end: int, key: str) -> bool:
    if SETTLEMENT_AFTER.match(text, end, end + 20):
        return True
    if key in NOT_PLACE_NAMES or len(key) < 4 or PERSON_TITLES.search(text[max(0, start - 30) : start]):
        return False
    return not _CAPITAL_NEXT.match(text, end) or bool(_TYPE_NEXT.match(text, end))


_LOCATED = re.compile(r"\b(?:in|at|near)\s+$")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z][a-z]")
_TYPE_NEXT = re.compile(r"\s+(?:Province|District|Town|City|Village|Commune)\b")


_UNIT_WORDS = frozenset({"village", "subdistrict", "sub-district", "commune", "district", "province", "town"})


def _unlisted(text: str, lo: int, hi: int) -> list[_Mention]:
    """Names between lo and hi that may be missing from the gazetteer (see UNLISTED); each is kept
    only where a province follows it."""
    found = []
    for m in UNLISTED.finditer(text, lo, hi):
        group = m.lastgroup if m.lastgroup != "type" else "typed"
        name = m.group(group)
        head, _, last = name.rpartition(" ")
        if group != "typed" and head and last.lower() in _UNIT_WORDS:  # "in Ban Kruat Subdistrict, …"
            name = head  # the type word, capitalised, is no part of the name
        key = name_key(name)
        if key in NOT_PLACE_NAMES or key in _COUNTRY_KEYS:
            continue
        if group == "located" and _organisation(name):
            continue  # "at Chang International Circuit, …": a business, not a place
        type_word = {"typed": (m.group("type") or "").lower(), "prefixed": "village", "located": None}[group]
        if type_word and _CROSSING_RX.match(m.group("type") or ""):
            type_word = "checkpoint"
        elif type_word and _SITE_RX.fullmatch(m.group("type") or ""):
            type_word = "area"
        end = m.end("type") if group == "typed" else m.end(group)
        found.append(_Mention(m.start(group), end, key, key, [], type_word, True, True, group == "located"))
    return found


def _organisation(name: str) -> bool:
    """Whether a run of capitalised words names an organisation or a business ("X Circuit", "Royal Thai Navy"),
    describes rather than names ("Hindu temple"), or is someone's ("Anutin's camp")."""
    words = name.lower().split()
    return (
        words[-1] in FACILITY_HEADS
        or any(w in ORGANISATION_WORDS for w in words)
        or any(w.endswith(("'s", "’s")) for w in words)
    )


def _with_features(text: str, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """Add the names the gazetteer lacks that a head word makes places ("Rai Pa temple"; see FEATURED), where
    no mention was found: not a person's ("General Prem Temple") nor an organisation's ("Royal Thai Navy base")."""
    extra = []
    for m in FEATURED.finditer(text):
        if m.group("prefixed"):
            start, end = m.span("prefixed")
            key = name_key(m.group("prefixed"))
            if gaz.by_key(key) or any(f.start < end and start < f.end for f in found + extra):
                continue  # a known name: found here, or left out by the report's context
            if not PERSON_TITLES.search(text[max(0, start - 30) : start]):
                extra.append(_Mention(start, end, key, key, [], "village", True, True))
            continue
        words = m.group("name").split(" ")
        while words and words[0].lower() in _LEADING:
            words.pop(0)  # "The Ban X checkpoint", "On Monday Khao Y mountain"
        if not words:
            continue
        start, end = m.end("name") - len(" ".join(words)), m.end("head")
        if len(words) > 1 and words[-1].lower() == "border":
            words.pop()  # "X Border Checkpoint"
        name = " ".join(words)
        key, head = name_key(name), m.group("head").lower()
        if key in NOT_PLACE_NAMES or _organisation(name) or any(w.lower() in _NOT_NAME_WORDS for w in words):
            continue
        # a known name found here, unless it is the end of a longer one ("Wat Nong Bua pagoda"); a namesake the
        # report's context left out is another place
        inside = [f for f in found if f.start < end and start < f.end]
        if any(not start < f.start <= f.end <= end for f in inside) or gaz.by_key(key + name_key(head)):
            continue
        if PERSON_TITLES.search(text[max(0, start - 30) : start]) or any(PERSON_TITLES.match(f"{w} ") for w in words):
            continue  # "General Prem Temple", "Mr Somchai Mountain": a person's name
        extra.append(_Mention(start, end, key, key, [], PLACE_HEADS[head], True, True))
    if not extra:
        return found
    kept = [f for f in found if not any(u.start < f.start and f.end <= u.end for u in extra)]
    return sorted(kept + extra, key=lambda f: f.start)


def _with_lists(text: str, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """Type the names listed under one plural type word ("the villages of A, B and C"; see LISTED): a known
    name takes its senses of that kind, a name the gazetteer lacks is added, to be placed by the province
    written after the list (see _list_host). A name partly inside a mention found is left as it is."""
    out = list(found)
    for m in LISTED.finditer(text):
        group = "after" if m.group("after") else "before"
        kind = LIST_TYPES[m.group(f"type_{group}").lower()]
        type_word = TYPE_WORDS[kind][0] if kind in TYPE_WORDS else kind
        for member in _NAME_RX.finditer(text, m.start(group), m.end(group)):
            words = member.group().split(" ")
            while words and words[0].lower() in _LEADING:
                words.pop(0)
            if not words:
                continue
            start, end = member.end() - len(" ".join(words)), member.end()
            key = name_key(text[start:end])
            same = [i for i, f in enumerate(out) if (f.start, f.end) == (start, end)]
            overlap = [f for f in out if f.start < end and start < f.end]
            if not same and any(not start < f.start <= f.end <= end for f in overlap):
                continue
            if not same and overlap:  # a known name at the end of a longer one ("Ban Nong Kha"): the longer one
                out = [f for f in out if f not in overlap]
            if same:
                f = out[same[0]]
                typed = [p for p in f.candidates if p.kind == kind]
                if typed and not f.type_word:
                    facts = {"province": None, "districts": (), "sole": None, **_facts(typed, True, type_word)}
                    f = replace(f, candidates=typed, type_word=type_word, free=True, **facts)
                out[same[0]] = replace(f, listed=(m.end(), kind))
                continue
            if key in NOT_PLACE_NAMES or key in _COUNTRY_KEYS or _organisation(text[start:end]) or kind == "province":
                continue
            if any(PERSON_TITLES.match(f"{w} ") or w.lower() in _NOT_NAME_WORDS for w in words):
                continue  # "the camps of Colonel X and …": people's names; "Hun Sen", "Royal …"
            typed = [p for p in gaz.by_key(key) if p.kind == kind]
            if typed:
                facts = _facts(typed, True, type_word)
                out.append(_Mention(start, end, key, key, typed, type_word, True, listed=(m.end(), kind), **facts))
            else:
                out.append(_Mention(start, end, key, key, [], type_word, True, True, listed=(m.end(), kind)))
    return sorted(out, key=lambda f: f.start)


def _joined(gaz: Gazetteer, name: str) -> Place | None:
    """The province, district or town a name of a crossing's pair means, if it means one in TH or KH."""
    kinds = ("province", "district", "town")
    return next((p for p in gaz.by_key(name_key(name)) if p.kind in kinds and p.admin1), None)


def _with_paired(text: str, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """Add the crossings named by the two places they join, one on each side ("the Sa Kaeo-Banteay Meanchey
    border crossing"; see PAIRED): a checkpoint on the line where two provinces meet, or midway between
    two towns; the mentions found inside the name give way to it."""
    extra = []
    for m in PAIRED.finditer(text):
        a, b = _joined(gaz, m.group("a")), _joined(gaz, m.group("b"))
        if a is None or b is None or a.country == b.country:
            continue
        both = a.kind == b.kind == "province"
        point = gaz.shared_border_point(a.admin1, b.admin1) if both else ((a.lat + b.lat) / 2, (a.lon + b.lon) / 2)
        if point is None:
            continue
        point = _inside(gaz, point, a) or point  # on a's side of the map's edge, where it can be
        position = gaz.border_position(*point)
        place = Place(
            id=f"{a.id}|{b.id}/crossing",
            name=m.group(),
            kind="checkpoint",
            country=a.country,
            admin1=a.admin1,
            lat=point[0],
            lon=point[1],
            border_km=position.km,
            border_distance_km=position.distance_km,
            precision=3 if both else 2,
        )
        key = name_key(m.group())
        extra.append(
            _Mention(m.start(), m.end(), key, key, [place], "checkpoint", True, **_facts([place], True, "checkpoint"))
        )
    if not extra:
        return found
    kept = [f for f in found if not any(u.start <= f.start and f.end <= u.end for u in extra)]
    return sorted(kept + extra, key=lambda f: f.start)


def _with_provinces_abroad(text: str, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """Add the provinces abroad written right after a city abroad ("Kunming, Yunnan Province", see
    PROVINCE_ABROAD) that the gazetteer lacks: a province (no TH or KH code) at the city's point."""
    extra = []
    for f in found:
        if not f.candidates or any(p.admin1 or p.kind not in ("city", "capital") for p in f.candidates):
            continue
        m = PROVINCE_ABROAD.match(text, f.end)
        if m is None or gaz.by_key(key := name_key(m.group("name"))):
            continue
        if any(g.start < m.end() and m.start("name") < g.end for g in found):
            continue  # a name found there: a known province
        city = f.candidates[0]
        place = replace(city, id=f"{city.id}/{key}", name=m.group("name"), kind="province", aliases=(), population=None)
        extra.append(_Mention(m.start("name"), m.end(), key, key, [place], "province", True, sole=place))
    return sorted(found + extra, key=lambda f: f.start) if extra else found


_FEATURE_LITERALS = (*(w for w, k in PLACE_HEADS.items() if k in FEATURE_KINDS), "ban ", "baan ", "phum ", "phoum ")


def _with_named_by_structure(text: str, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """Add the names the gazetteer lacks that their structure makes places: a head word (_with_features), a
    list under a plural type word (_with_lists), a crossing's pair (_with_paired), a city's province abroad
    (_with_provinces_abroad). Each is read only where the lowercased text holds the words it needs."""
    lowered = text.lower()
    if any(w in lowered for w in _FEATURE_LITERALS):
        found = _with_features(text, gaz, found)
    if any(w in lowered for w in LIST_TYPES):
        found = _with_lists(text, gaz, found)
    if ("-" in text or "–" in text) and ("checkpoint" in lowered or "crossing" in lowered):
        found = _with_paired(text, gaz, found)
    if "province" in lowered:
        found = _with_provinces_abroad(text, gaz, found)
    return found


@lru_cache(maxsize=SENTENCE_CACHE)
def _scan(text: str, gaz: Gazetteer) -> tuple[_Mention, ...]:
    """The place names of a sentence's text, before the report chooses among their senses: the same
    text (a line many outlets repeat) is read once."""
    found, pos = [], 0
    while (first := _CAPITALISED.search(text, pos)) is not None:
        run, n, candidates = _longest_name(gaz, text, first)
        if not n:
            pos = first.end()
            continue
        start, end = run[0][0], run[n - 1][1]
        key = name_key(text[start:end])
        following = _NEXT_WORD.match(text, end)
        nxt = following.group(1).lower() if following else None
        typed = _typed(candidates, nxt)
        sense_key = key
        if typed:
            candidates = typed
            if typed[0].kind not in ("town", "village", "city"):
                end = following.end(1)
        elif n > 1 and run[n - 1][2].lower() in TYPE_WORDS.get(candidates[0].kind, ()):
            nxt = run[n - 1][2].lower()  # the type word is part of the name ("Preah Vihear temple")
            typed = candidates
            sense_key = name_key(" ".join(w[2] for w in run[: n - 1]))
        pos = end
        if NAMED_THING.match(text, end):
            continue
        plausible = _plausible(text, start, end, key, candidates, bool(typed))
        if not plausible or _not_a_place_here(text, start, end, plausible):
            continue
        free = (
            bool(typed)
            or any(p.kind not in ADMIN_UNITS for p in plausible)
            or bool(UNIT_BEFORE.search(text, max(0, start - 30), start))
        )
        located = bool(_LOCATED.search(text, max(0, start - 6), start))
        type_word = nxt if typed else None
        facts = _facts(plausible, free, type_word)
        found.append(_Mention(start, end, key, sense_key, plausible, type_word, free, located=located, **facts))
    found = _with_unlisted(text, gaz, _with_fuzzy(text, gaz, found))
    found = _with_named_by_structure(text, gaz, found)
    # A word of nearness before a mention lies in the text: one test of the whole text spares the stretch
    # before each mention in most sentences (a stretch holds no literal of the guard that its text lacks).
    if not NEAR_WORDS.may_match(text):
        return tuple(found)
    return tuple(replace(m, near=True) if NEAR_WORDS.search(text[max(0, m.start - 40) : m.start]) else m for m in found)


# A run of capitalised words right before a type word ("Preh Vihear temple", "O Bei Chorn Commune"):
# where no known name was found, the closest spelling of a place of that kind (see Gazetteer.closest).
_TYPE_WORD_NAMES = word_pattern(tuple(w for ws in TYPE_WORDS.values() for w in ws if w != "border"))
_CAP_WORD = rf"(?=[A-ZÀ-ÖØ-Þ]){_WORD}"
FUZZY_TYPED = re.compile(rf"(?<![\w'])((?:{_CAP_WORD}[ -]){{0,3}}{_CAP_WORD})\s+(?i:({_TYPE_WORD_NAMES}))\b")
TYPE_WORD_CHECK = re.compile(rf"(?i:\b(?:{_TYPE_WORD_NAMES})\b)")  # a sentence without one has no typed name


# A landmark's generic first word (Thai/Khmer "pass", "stone temple", "hill", "mountain"): a name that
# begins with one and is a close spelling of a known landmark is that landmark ("Chong Sangam").
LANDMARK_HEADS = ("Chong", "Prasat", "Khao", "Phnom", "Pha")
LANDMARK_KINDS = frozenset({"temple", "checkpoint", "area"})
FUZZY_PREFIXED = re.compile(rf"(?<![\w'])(?:{'|'.join(LANDMARK_HEADS)})(?:[ -]{_CAP_WORD}){{1,3}}")


_TYPE_WORD_LITERALS = tuple(w for ws in TYPE_WORDS.values() for w in ws if w != "border")


def _type_word_outside(text: str, found: list[_Mention]) -> bool:
    """Whether a type word of the text may lie outside every mention found. A FUZZY_TYPED match ends with a
    type word; one that touches a mention ("in Surin province") makes the match overlap it, and such matches
    are skipped: the scan is worth making only for a type word in a stretch between the mentions. A stretch
    is searched only if its lowercase holds a type word (ASCII: as the pattern folds case), and the search
    ends at the stretch's end, which can only let more through."""
    lo = 0
    ascii_text = text.isascii()
    lowered = text.lower() if ascii_text else ""  # an ASCII text's lowercase keeps its offsets
    present = [w for w in _TYPE_WORD_LITERALS if w in lowered]  # a stretch holds only what the text holds
    if ascii_text and not present:
        return False
    for start, end in [*((f.start, f.end) for f in found), (len(text), len(text))]:
        if lo < start:
            if ascii_text:
                worth = any(lowered.find(w, lo, start) >= 0 for w in present)
            else:
                gap = text[lo:start]
                worth = not gap.isascii() or any(w in gap.lower() for w in _TYPE_WORD_LITERALS)
            if worth and TYPE_WORD_CHECK.search(text, lo, start):
                return True
        lo = max(lo, end)
    return False


def _with_fuzzy(text: str, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """Add the typed names that the gazetteer knows under another spelling. Only text outside the
    mentions already found is read, and only capitalised words before a type word: the rest of a
    sentence costs nothing."""
    extra = []
    typed = FUZZY_TYPED.finditer(text) if _type_word_outside(text, found) else ()
    for m in typed:
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        words = list(_CAPITALISED.finditer(m.group(1)))
        type_word = m.group(2).lower()
        kinds = KINDS_TYPED.get(type_word)
        if not kinds:
            continue
        for w in words:  # the longest run first: "The Preh Vihear" → "Preh Vihear"
            name = m.group(1)[w.start() :]
            key = name_key(name)
            if key in NOT_PLACE_NAMES or key in _COUNTRY_KEYS:
                continue
            # the type word may be part of the known name ("Preah Vihear temple")
            candidates = gaz.closest(key, kinds) or gaz.closest(key + name_key(type_word), kinds)
            if candidates:
                start = m.start(1) + w.start()
                kind = candidates[0].kind
                end = m.end(2) if kind not in ("town", "village", "city") else m.end(1)
                facts = _facts(candidates, True, type_word)
                extra.append(_Mention(start, end, key, key, candidates, type_word, True, **facts))
                break
    prefixed = FUZZY_PREFIXED.finditer(text) if any(head in text for head in LANDMARK_HEADS) else ()
    for m in prefixed:
        if any(f.start < m.end() and m.start() < f.end for f in found + extra):
            continue
        words = list(_CAPITALISED.finditer(text, m.start(), m.end()))
        for n in range(len(words), 1, -1):  # the longest run first, never the generic word alone
            key = name_key(text[m.start() : words[n - 1].end()])
            candidates = gaz.closest(key, LANDMARK_KINDS)
            if candidates:
                end = words[n - 1].end()
                extra.append(
                    _Mention(m.start(), end, key, key, candidates, None, True, **_facts(candidates, True, None))
                )
                break
    return sorted(found + extra, key=lambda f: f.start) if extra else found


# "9pm Singapore time" names a time zone; "Vivian Balakrishnan (Singapore)" the country a person speaks for.
TIME_ZONE_AFTER = re.compile(r"\s+(?:time|standard time)\b")
PERSON_TAG_BEFORE = re.compile(r"[A-Z]\w+\s+\($")


def _not_a_place_here(text: str, start: int, end: int, plausible: list[Place]) -> bool:
    """A name written as a time zone, or abroad and alone in brackets after a person's name."""
    if TIME_ZONE_AFTER.match(text, end):
        return True
    return (
        all(p.admin1 is None for p in plausible)
        and text[end : end + 1] == ")"
        and bool(PERSON_TAG_BEFORE.search(text[max(0, start - 40) : start]))
    )


def _with_unlisted(text: str, gaz: Gazetteer, found: list[_Mention]) -> list[_Mention]:
    """Add the names the gazetteer lacks that stand right before ", <Y> province|district" (see
    UNLISTED); a shorter known name inside one ("Samran" in "Ban Sok Samran, …") gives way to it."""
    extra = []
    for f in found:
        comma = f.start - 2 if text[max(0, f.start - 2) : f.start] == ", " else f.start - 4
        if f.type_word not in ("province", "district") or comma < 1 or text[comma : f.start] not in (", ", " in "):
            continue
        if text[comma] == " " and text[max(0, comma - 12) : comma].rsplit(" ", 1)[-1].lower() not in _TYPE_ENDS:
            continue  # "X village in Y province": only a typed name stands before "in"
        for u in _unlisted(text, max(0, comma - 60), f.start):
            inside = any(k.start <= u.start and u.end <= k.end for k in found)  # part of a known name
            if u.end == comma and not gaz.by_key(u.key) and not inside:
                extra.append(u)
    if not extra:
        return found
    kept = [f for f in found if not any(u.start <= f.start and f.end <= u.end for u in extra)]
    return sorted(kept + extra, key=lambda m: m.start)


def _facts(candidates: list[Place], free: bool, type_word: str | None) -> dict:
    """What a mention with these candidates tells on its own, read once per distinct text: the province
    (and districts) it places the report in, if `free` (see _context), and its sole sense, if one
    candidate stands whatever the report's context (see _choose)."""
    facts: dict = {}
    anchors = [p for p in candidates if p.kind not in ADMIN_UNITS and not _remote(p)] if free else []
    codes = {p.admin1 for p in anchors}
    if len(codes) == 1 and None not in codes:
        facts["province"] = codes.pop()
        facts["districts"] = tuple(p.name for p in anchors if p.kind == "district")
    if len(candidates) == 1 and (candidates[0].kind not in ADMIN_UNITS or type_word) and not _remote(candidates[0]):
        facts["sole"] = candidates[0]
    return facts


@dataclass(slots=True)
class _Context:
    admin1: set[str]
    districts: dict[str, set[str]]  # district names the report names -> the keys that named them


def _context(mentions: list[_Mention]) -> _Context:
    """What the report (or sentence) is about: the provinces and districts its unambiguous mentions name."""
    admin1, districts = set(), {}
    for m in mentions:
        if m.province is not None:
            admin1.add(m.province)
            for name in m.districts:
                districts.setdefault(name, set()).add(m.key)
    return _Context(admin1, districts)


def _remote(place: Place) -> bool:
    """A small place far from the border: only itself if the report names its province."""
    if place.kind in ("province", "capital", "city", "temple", "checkpoint", "area"):
        return False
    if place.kind == "town" and (place.population or 0) >= LARGE_TOWN:
        return False
    return place.border_distance_km is not None and place.border_distance_km > FAR_FROM_BORDER_KM


def _far(place: Place, ctx: _Context) -> bool:
    return place.admin1 not in ctx.admin1 and _remote(place)


class _Lazy:
    """A value computed on first call: a sentence's context is needed only for ambiguous names."""

    def __init__(self, make: Callable[[], _Context]):
        self.make, self.value = make, None

    def __call__(self) -> _Context:
        if self.value is None:
            self.value = self.make()
        return self.value


def _choose(m: _Mention, text: str, ctx: _Context, here: Callable[[], _Context]) -> Place | None:
    """The sense of a mention in a sentence's `text`: `ctx` is the report's context, `here()` the sentence's."""
    candidates = [
        p
        for p in m.candidates
        if (p.kind not in ADMIN_UNITS or m.type_word or p.admin1 in ctx.admin1)
        and (p.kind not in ADMIN_UNITS or m.type_word or len(m.key) >= MIN_CONTEXT_KEY)
        and not _far(p, ctx)
    ]
    small = [p for p in candidates if p.kind in ADMIN_UNITS or p.id[:3] in ("th:", "kh:")]
    if len(small) > MANY_SENSES and not any(p.admin1 in ctx.admin1 for p in candidates):
        return None
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    country = one_country(text)

    def score(ip: tuple[int, Place]) -> tuple:
        i, p = ip
        parent_district = p.parent.split(",")[0] if p.parent and p.kind != "district" else ""
        return (
            not (ctx.districts.get(parent_district, set()) - {m.key}),
            p.admin1 not in here().admin1,
            p.admin1 not in ctx.admin1,
            p.country != country,
            i,
        )

    return min(enumerate(candidates), key=score)[1]


def _precision(place: Place, near: bool) -> int:
    if place.kind == "province":
        return 3
    if place.kind in ("district", "area") or near:
        return max(2, place.precision)
    return place.precision


def _mention(m: _Mention, s: Sentence, place: Place, report_id: str) -> PlaceMention:
    written = s.text[m.start : m.end]
    return PlaceMention(
        evidence=Evidence(report_id, s.text, s.start + m.start, s.start + m.end, written),
        name=place.name,
        written=written,
        place_id=place.id,
        kind=place.kind,
        country=place.country,
        admin1=place.admin1,
        lat=place.lat,
        lon=place.lon,
        precision=_precision(place, m.near),
        border_km=place.border_km,
        border_distance_km=place.border_distance_km,
    )


_BETWEEN = re.compile(r"(?:\s+(?:village|district|sub-?district|commune|town|area))?(?:,\s*(?:in\s+)?|\s+in\s+)", re.I)

# "Y province's Z district": the district of the province just named, the nearer container.
_POSSESSIVE = re.compile(r"['\u2019]s\s+")


_TYPED_BETWEEN = re.compile(r"\s+(?:village|district|sub-?district|commune|town)\b", re.I)


def _container(chosen: list[tuple[_Mention, Place | None]], i: int, text: str) -> tuple[_Mention, Place] | None:
    """The district or province an address written as a chain ("X, Y subdistrict, Z district, W province")
    puts the i-th mention in: the first of them after it, each link a comma or "in"."""
    for j in range(i + 1, len(chosen)):
        if not _BETWEEN.fullmatch(text[chosen[j - 1][0].end : chosen[j][0].start]):
            return None
        place = chosen[j][1]
        if place is not None and place.kind in ("province", "district") and place.admin1:
            return _its_district(chosen, j, text) or (chosen[j][0], place)
    return None


def _its_district(chosen: list[tuple[_Mention, Place | None]], j: int, text: str) -> tuple[_Mention, Place] | None:
    """The district written after the j-th mention, a province, as its own ("Sisaket province's Kantharalak
    district"): the nearer container of the address."""
    if j + 1 >= len(chosen) or chosen[j][1].kind != "province":
        return None
    m, place = chosen[j + 1]
    if place is None or place.kind != "district" or place.admin1 != chosen[j][1].admin1:
        return None
    return (m, place) if _POSSESSIVE.fullmatch(text, chosen[j][0].end, m.start) else None


def _in_province(
    m: _Mention, text: str, place: Place | None, nxt: _Mention | None, container: Place | None
) -> Place | None:
    """A place written as "X village, Y province" (or "…, Y district", or a longer address) lies in its
    container Y: a candidate elsewhere (or a name the gazetteer lacks) becomes a place of Y at Y's point,
    precision 3 (2 for a district). `nxt` is the mention just after it."""
    if container is None or nxt is None:
        return place
    if place and place.kind in ("province", "district"):
        return place
    between = text[m.end : nxt.start]
    province = container  # or the district, whose point is nearer
    if place and place.admin1 == province.admin1:
        return place
    if place is None and not (m.unlisted or m.type_word or m.located or _TYPED_BETWEEN.match(between)):
        return None  # an untyped name the gazetteer places nowhere near: left out
    word = _TYPED_BETWEEN.match(between)
    typed = m.type_word or (word.group(0).strip().lower().replace("-", "") if word else None)
    if place is None and not typed and nxt.type_word not in ("province", "district", "subdistrict", "commune"):
        return None  # "in X, Y": only when Y is written as one ("in Prum, Pailin province", "…, Y subdistrict")
    written = text[m.start : m.end]
    kinds = {k: k for k in ("subdistrict", "commune", "checkpoint", "area", "temple")}
    # a namesake elsewhere tells this place's kind only when it is a feature (a temple, a checkpoint)
    kind = kinds.get(typed) or (place.kind if place and place.kind in FEATURE_KINDS else "village")
    if m.type_word == "district":
        kind = "district"
    name = re.sub(r"\s+(?:village|sub-?district|commune|district)$", "", written, flags=re.I)
    return replace(_placed_at(m, text, province, kind), name=name)


# "X temple in Y", "X mountain, near Y": the place a feature is written in or near.
_IN_HOST = re.compile(r",?\s+(?:(?:located|situated)\s+)?(?:in|at|near|outside|inside|close to|by)\s+(?:the\s+)?")


# "…, B and C villages in Y province", "the districts of A and B, Y province": the list's province.
_AFTER_LIST = re.compile(r",?\s+(?:in|of)\s+(?:the\s+)?|,\s*")


def _list_host(chosen: list[tuple[_Mention, Place | None]], i: int, text: str) -> Place | None:
    """The province (or district) written right after the list the i-th name is listed in: every name of the
    list lies in it, a name the gazetteer lacks or a namesake of a place elsewhere."""
    m = chosen[i][0]
    for n, host in chosen[i + 1 :]:
        if n.start >= m.listed[0]:
            if host is None or host.kind not in ("province", "district") or not host.admin1:
                return None
            return host if _AFTER_LIST.fullmatch(text, m.listed[0], n.start) else None
    return None


def _placed_nearby(
    chosen: list[tuple[_Mention, Place | None]], i: int, text: str, paragraph: Callable[[], list[Place]]
) -> Place | None:
    """A feature the gazetteer lacks ("Rai Pa temple in Noen Sai") lies in the known place written right after
    it with "in", "near" …; else in the one province its sentence's places lie in (none if they lie in several);
    else, in a sentence that names no place in TH or KH, in the one province its paragraph's places lie in."""
    m = chosen[i][0]
    host = chosen[i + 1][1] if i + 1 < len(chosen) else None
    if host is None or host.admin1 is None or not _IN_HOST.fullmatch(text, m.end, chosen[i + 1][0].start):
        hosts = [p for _, p in chosen if p is not None and p.admin1] or [p for p in paragraph() if p.admin1]
        if len({p.admin1 for p in hosts}) != 1:
            return None
        host = next((p for p in hosts if p.kind == "province"), hosts[0])
        return replace(_placed_at(m, text, host), precision=3)  # only its province is known
    return _placed_at(m, text, host)


def _placed_at(m: _Mention, text: str, host: Place, kind: str | None = None) -> Place:
    """A name the gazetteer lacks, placed at the point of the known place it lies in."""
    return Place(
        id=f"{host.id}/{m.key}",
        name=text[m.start : m.end],
        kind=kind or m.type_word or "area",
        country=host.country,
        admin1=host.admin1,
        lat=host.lat,
        lon=host.lon,
        border_km=host.border_km,
        border_distance_km=host.border_distance_km,
        precision=3 if host.kind == "province" else max(2, host.precision),
    )


def _on_the_line(place: Place, gaz: Gazetteer) -> Place:
    """A checkpoint the gazetteer lacks, placed at the point of a province on the border (precision 3): a
    crossing lies on the line, so it stands by the middle of the province's stretch of it (INSIDE_LINE_KM on
    the province's side), not inland; where that point is not in the province (a stretch broken by another
    province), it keeps the province's point."""
    distance = place.border_distance_km
    if place.precision != 3 or distance is None or distance > PROVINCE_ON_BORDER_KM or place.border_km is None:
        return place
    point = _inside(gaz, gaz.border.point_at_km(place.border_km), place)
    return replace(place, lat=point[0], lon=point[1]) if point else place


def _inside(gaz: Gazetteer, point: tuple[float, float], toward: Place) -> tuple[float, float] | None:
    """A point by the line, moved INSIDE_LINE_KM toward a place of a province: where it then lies in that
    province, else None (the line's point may fall on either side of the map's edges)."""
    lat, lon = point
    inland = math.hypot(toward.lat - lat, (toward.lon - lon) * math.cos(math.radians(lat))) * KM_PER_DEGREE
    share = min(1.0, INSIDE_LINE_KM / inland) if inland else 0.0
    lat, lon = lat + (toward.lat - lat) * share, lon + (toward.lon - lon) * share
    return (lat, lon) if gaz.province_at(lat, lon) == toward.admin1 else None


def resolve_mentions(
    sentences: list[Sentence],
    per_sentence: list[tuple[_Mention, ...]],
    report_id: str,
    senses: dict[str, Place] | None = None,
    gaz: Gazetteer | None = None,
) -> list[list[PlaceMention]]:
    """Choose one place per mention (`per_sentence`: the mentions of each of `sentences`) with the whole
    report as context; one sense per name. With the gazetteer, a checkpoint placed by its province alone
    stands by the line (see _on_the_line)."""
    senses = {} if senses is None else senses
    ctx = _context([m for ms in per_sentence for m in ms])
    chosen_all: list[list[tuple[_Mention, Place | None]]] = []
    for sentence, mentions in zip(sentences, per_sentence, strict=True):
        chosen: list[tuple[_Mention, Place | None]] = []
        chosen_all.append(chosen)
        if not mentions:
            continue
        text = sentence.text
        here = _Lazy(lambda mentions=mentions: _context(mentions))
        for m in mentions:
            if m.unlisted:
                place = None
            elif m.type_word:
                place = m.sole or _choose(m, text, ctx, here)
                if place is not None:
                    senses[m.sense_key] = place
            elif m.key in senses:
                place = senses[m.key]
            else:
                place = m.sole or _choose(m, text, ctx, here)
                if place is not None:
                    senses[m.key] = place
            chosen.append((m, place))
    fixed: dict[str, Place] = {}  # names a "X village, Y province" placed: every mention of them

    def paragraphs(n: int) -> list[Place]:  # the places chosen in the sentences of paragraph n
        return [p for s, ch in zip(sentences, chosen_all, strict=True) if s.paragraph == n for _, p in ch if p]

    for sentence, chosen in zip(sentences, chosen_all, strict=True):
        for i, (m, place) in enumerate(chosen):
            found = _container(chosen, i, sentence.text)
            nxt = chosen[i + 1][0] if found else None
            placed = _in_province(m, sentence.text, place, nxt, found[1] if found else None)
            host = _list_host(chosen, i, sentence.text) if m.listed else None
            if host is not None and (placed is None or placed.admin1 != host.admin1):
                placed = _placed_at(m, sentence.text, host, m.listed[1])
            if placed is None and m.unlisted and (m.type_word in FEATURE_KINDS or m.type_word == "village"):
                placed = _placed_nearby(chosen, i, sentence.text, lambda n=sentence.paragraph: paragraphs(n))
            if placed is not None and placed is not place:
                placed = _on_the_line(placed, gaz) if gaz is not None and placed.kind == "checkpoint" else placed
                chosen[i] = (m, placed)
                fixed[m.sense_key] = placed
    out = []
    for sentence, chosen in zip(sentences, chosen_all, strict=True):
        found = []
        for m, place in chosen:
            place = fixed.get(m.sense_key, place) if place is None or place.kind != "province" else place
            if place is not None:
                found.append(_mention(m, sentence, place, report_id))
        out.append(found)
    return out


def find_report_places(sentences: list[Sentence], report_id: str, gaz: Gazetteer) -> list[list[PlaceMention]]:
    """The places of each sentence of a report, chosen with the whole report as context."""
    return resolve_mentions(sentences, [_scan(s.text, gaz) for s in sentences], report_id, gaz=gaz)


def find_places(
    sentence: Sentence, report_id: str, gaz: Gazetteer, senses: dict[str, Place] | None = None
) -> list[PlaceMention]:
    """Places in one sentence, the sentence as its own context. `senses` carries, across sentences, the
    sense a name was given ("Preah Vihear temple"), for later bare mentions."""
    return resolve_mentions([sentence], [_scan(sentence.text, gaz)], report_id, senses, gaz)[0]


# A dateline opening a sentence: "BANGKOK:", "PHNOM PENH -", "Bangkok (Reuters) —", "KUALA LUMPUR, Dec 9 -",
# "Bangkok, 15 December 2025 (…) -" (the day before the month), "SURIN, Thailand, July 25 (…) -" (its country first).
_DATELINE_AFTER = re.compile(
    rf"(?:,\s*[A-Z][a-z]+(?=,))?\s*(?:[:\-–—]|\(|,\s*\w{{3,9}}\.?\s+\d|,\s*\d{{1,2}}\s+(?:{MONTHS})\b)"
)


def is_dateline(p: PlaceMention) -> bool:
    """Whether a place is its sentence's dateline: where the report was filed, not where people are."""
    sentence = p.evidence.sentence.lstrip()
    if sentence.startswith("date "):  # a sidecar date line before the text
        sentence = sentence.split(" ", 2)[-1]
    quote = p.evidence.quote
    return sentence.lower().startswith(quote.lower()) and bool(_DATELINE_AFTER.match(sentence, len(quote)))
