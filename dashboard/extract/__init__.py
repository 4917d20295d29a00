"""Extraction: one report in, its places, figures, meetings and incidents out.

The pipeline is stated here: split sentences, then per sentence find places, figures, a meeting, an
incident and any statement of when the fighting began; then merge what repeats within the report.
No stage knows about Streamlit or the store.

Most sentences of a report (background, quotes, analysis) can hold none of the records: which stages
can find anything in a sentence is read once per distinct text (`_stages`), from each stage's own
first checks, and the others are not run on it.
"""

from __future__ import annotations

import gc
import hashlib
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from functools import lru_cache, partial
from pathlib import Path

from dashboard.extract import figures, incidents, meetings, onset, statements
from dashboard.extract.dates_layout import entry_days, on_entry_day
from dashboard.extract.figures import Sides, asked_metric, dedupe, find_figures
from dashboard.extract.incidents import (
    at_onset,
    attach_blame,
    attach_denials,
    awaits_places,
    find_allegations,
    find_incidents,
    goes_on,
    harm_at,
    in_theatre,
    same_day,
    struck_at,
    told_by,
    told_day,
)
from dashboard.extract.incidents import merge_in_report as merge_incidents
from dashboard.extract.incidents_rated import unrated
from dashboard.extract.meetings import find_meetings, merge_in_report
from dashboard.extract.onset import find_onsets
from dashboard.extract.places import find_report_places, is_dateline
from dashboard.extract.sentences import SENTENCE_CACHE, split_sentences
from dashboard.extract.statements import find_statements
from dashboard.gazetteer import GEODATA_DIR, PLACE_FILES, Gazetteer, gazetteer
from dashboard.pubdate import BOUND, written_between
from dashboard.records import Extraction, Report


def _source_version() -> str:
    """A hash of what extraction reads: its own code, the gazetteer's code and data, and what dates a report
    (re-extraction dates estimated reports again). Any change to them changes the version, so that stored
    extractions are recomputed."""
    here = Path(__file__).resolve().parent
    files = sorted(here.glob("*.py")) + [here.parent / f for f in ("gazetteer.py", "episodes.py", "pubdate.py")]
    files += [here.parent / "chronology.py", *sorted((here.parent / "data").glob("*.csv"))]  # dating: pubdate.redate
    files.append(here.parent / "store_rows.py")  # the columns stored beside the records (a figure's provinces)
    files += [GEODATA_DIR / f for f in (*PLACE_FILES, "provinces.csv", "aliases.csv", "border.geojson")]
    files += sorted((here.parent / "data" / "lexicon").glob("*.csv"))
    digest = hashlib.sha256()
    for f in files:
        if f.exists():
            digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return "2-" + digest.hexdigest()[:12]


EXTRACTOR_VERSION = _source_version()


def answers_count(previous: str) -> bool:
    """Whether a sentence follows a question asking a count ("How many people fled?"): its numbers may be the answer."""
    return previous.endswith("?") and asked_metric(previous) is not None


@lru_cache(maxsize=SENTENCE_CACHE)
def _stages(text: str) -> tuple[bool, bool, bool, bool, bool] | None:
    """Whether figures, a meeting, incidents, onsets, statements can be found in a sentence's text (None:
    none of them)."""
    can = (
        figures.may_state(text),
        meetings.may_tell(text),
        incidents.may_tell(text),
        onset.may_state(text),
        statements.may_state(text),
    )
    return can if any(can) else None


# A photo credit standing alone after a sentence ("AFP/Jane Doe", "KT/Chor Sokunthea", "Photo: Reuters/A. Name"):
# the sentence before it, in the same paragraph, is the photo's caption.
PHOTO_CREDIT = re.compile(
    r"(?:Photo(?:graph)?:?\s*)?[A-Z][A-Za-z]{1,15}(?:\s+Photo)?(?:/[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})+\.?"
)


def _captions(sentences: list) -> frozenset[int]:
    """The starts of the sentences a photo credit follows in the same paragraph: captions."""
    return frozenset(
        s.start
        for s, after in zip(sentences, sentences[1:], strict=False)
        if "/" in after.text and s.paragraph == after.paragraph and PHOTO_CREDIT.fullmatch(after.text.strip())
    )


def extract(report: Report, gaz: Gazetteer | None = None) -> Extraction:
    """A report's records. A report dated by a bound (pubdate "bound": written some day between its latest own
    date and its bound) keeps a day told relative to when it was written ("on Tuesday", "yesterday", "this
    weekend") only where the window's first day gives the same day as its last: else that day is not known."""
    gaz = gaz or gazetteer()
    out = _extract(report, gaz)
    if report.dated_by != BOUND or report.published is None:
        return out
    window = written_between(report.text, max(report.ingested or date.today(), report.published))
    if window is None or window[0] >= report.published:
        return out
    return firm_days(out, _extract(replace(report, published=window[0]), gaz))


def firm_days(late: Extraction, early: Extraction) -> Extraction:
    """The records of `late` (extracted with the last day its report can have been written as its date) with
    the days `early` (its first such day) does not give alike dropped: an incident's becomes its report's
    (reported, no day of its own), a meeting's, a figure's, a statement's none; an onset without one is none.
    A record is matched by its quote and what it tells (two meetings of one sentence by their own words)."""

    def firm(key, records_early, records_late) -> list[bool]:
        days: dict = {}
        for r in records_early:
            days.setdefault(key(r), set()).add(r.date)
        return [r.date is None or r.date in days.get(key(r), ()) for r in records_late]

    keys = {
        "figures": lambda f: (f.evidence.start, f.evidence.end, f.metric, f.value_text),
        "meetings": lambda m: (m.evidence.start, m.evidence.end, m.date_text),
        "incidents": lambda i: (i.evidence.start, i.evidence.end, i.kind, i.places),
        "onsets": lambda o: (o.evidence.start, o.evidence.end),
        "statements": lambda s: (s.evidence.start, s.evidence.end, s.topic, s.stance),
    }
    out = Extraction(report=late.report, places=late.places)
    for kind, key in keys.items():
        records = getattr(late, kind)
        kept = []
        for record, is_firm in zip(records, firm(key, getattr(early, kind), records), strict=True):
            if is_firm:
                kept.append(record)
            elif kind == "incidents":
                kept.append(replace(record, date=None, timing="reported"))
            elif kind != "onsets":
                kept.append(replace(record, date=None))
        setattr(out, kind, kept)
    return out


def _extract(report: Report, gaz: Gazetteer) -> Extraction:
    out = Extraction(report=report)
    found_meetings = []
    sentences = split_sentences(report.text)
    places_of = find_report_places(sentences, report.id, gaz)
    sides = Sides(sentences, places_of)
    rid = report.id
    entry_day = entry_days(sentences, report.published)  # a day header's or a blog stamp's day, where one rules
    # the city the report was filed from, which "here" names (the lede's, after a title line)
    dateline = next((p.name for ps in places_of[:2] for p in ps if is_dateline(p)), None)

    captioned = _captions(sentences)
    loose: list = []  # sentences of attacks with neither place nor time (incidents.in_theatre)
    scene: list = []  # the places of the sentence before, in the same paragraph
    paragraph, opening = -1, ""  # the paragraph's index and its first sentence (a day's header: figures.DAY_HEADER)
    last_text = ""  # the sentence before (any paragraph)
    last_day = None  # the day of the incident told last, in this paragraph or the one before
    last_told = None  # the day any sentence told last (paragraph, day), in this paragraph or the one before
    awaiting, struck = None, []  # an attack told with no place, and the places the sentences after it give its harm
    awaited, awaited_on = 0, report.published  # that attack's sentence and the day it speaks from
    for n, (sentence, places) in enumerate(zip(sentences, places_of, strict=True)):
        out.places.extend(places)
        day = entry_day[n]  # the day the sentence speaks from: its entry's, else its report's
        published = day or report.published
        allegations = find_allegations(
            sentence, rid, published, places, sentences[n + 1] if n + 1 < len(sentences) else None
        )
        out.incidents.extend(on_entry_day(allegations, day))
        if sentence.paragraph != paragraph:
            scene, paragraph, opening = [], sentence.paragraph, sentence.text
            last_day = last_day if last_day and last_day[0] >= paragraph - 1 else None
            last_told = last_told if last_told and last_told[0] >= paragraph - 1 else None
        day_before = last_told[1] if last_told else None
        if (day_here := told_day(sentence, published)) is not None:
            last_told = (sentence.paragraph, day_here)
        before, scene = scene, places
        previous, last_text = last_text, sentence.text
        harmed = harm_at(sentence, places) if awaiting is not None else []
        if awaiting is not None and harmed:
            struck.extend(harmed)
        elif awaiting is not None:
            out.incidents.extend(on_entry_day(struck_at(awaiting, rid, awaited_on, struck), entry_day[awaited]))
            awaiting, struck = None, []
        stages = _stages(sentence.text)
        if stages is None and not answers_count(previous):  # the answer to "How many fled?" may name no metric
            continue
        has_figures, has_meeting, has_incidents, has_onsets, has_statements = stages or (False,) * 5
        has_figures = has_figures or answers_count(previous)
        if has_figures:
            side = partial(sides.of, sentence.paragraph, sentence.start)  # found only for the figures that need it
            out.figures.extend(
                on_entry_day(find_figures(sentence, rid, published, places, side, previous, opening), day)
            )
        if has_meeting:
            found_meetings.extend(find_meetings(sentence, rid, published, places, dateline))
        if has_incidents:
            found = find_incidents(sentence, rid, published, places, before)
            if sentence.start in captioned:  # a photo's caption shows damage as it stands: an earlier attack
                found = [replace(i, timing="earlier") if i.timing == "reported" else i for i in found]
            found = goes_on(found, sentence, last_day[1] if last_day else None)
            found = on_entry_day(same_day(found, sentence, day_before), day)
            days = [i.date for i in found if i.date]
            if days:
                last_day = (sentence.paragraph, days[-1])
            if awaits_places(sentence, found, places, published):
                awaiting, awaited, awaited_on = sentence, n, published
            out.incidents.extend(found)
            if not found and not places:
                loose.append(sentence)
        if has_onsets:
            out.onsets.extend(find_onsets(sentence, rid, published))
        if has_statements:
            before = sentences[n - 1].text if n and sentences[n - 1].paragraph == sentence.paragraph else ""
            out.statements.extend(find_statements(sentence, rid, published, before))
    if awaiting is not None:
        out.incidents.extend(on_entry_day(struck_at(awaiting, rid, awaited_on, struck), entry_day[awaited]))
    published = report.published
    out.figures = dedupe(out.figures)
    out.meetings = merge_in_report(found_meetings)
    out.incidents = unrated(out.incidents, sentences)  # a claim the report rates false is no incident
    out.statements = unrated(out.statements, sentences)  # nor a side's word on a provision
    theatre = in_theatre(out.incidents, loose, rid, published)
    told = attach_blame(attach_denials(out.incidents + theatre, sentences), sentences)
    out.incidents = merge_incidents(told_by(at_onset(told, out.onsets, published), sentences))
    return out


_pause_lock = threading.Lock()
_pauses = 0  # batches under way (several threads may extract at once)
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Extract many reports with Python's cyclic garbage collector paused. Records hold no reference cycles
    (reference counting frees them); the collector's passes over the growing set of records found nothing to
    free and took ~20 % of a batch's time. Garbage with cycles made meanwhile is collected when the last batch
    under way ends."""
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()


def extract_all(reports: Iterable[Report], gaz: Gazetteer | None = None) -> list[Extraction]:
    """Extract many reports (a batch, a corpus), with the collector paused."""
    gaz = gaz or gazetteer()
    with collector_paused():
        return [extract(r, gaz) for r in reports]
