"""Extraction: one report in, its places, figures, meetings and incidents out.

The pipeline is stated here: split sentences, then per sentence find places, figures, a meeting, an
incident and any statement of when the fighting began; then merge what repeats within the report.
No stage knows about Streamlit or the store.
"""

from __future__ import annotations

import hashlib
from functools import partial
from pathlib import Path

from dashboard.extract.figures import Sides, dedupe, find_figures
from dashboard.extract.incidents import attach_denials, find_incidents
from dashboard.extract.incidents import merge_in_report as merge_incidents
from dashboard.extract.meetings import find_meeting, merge_in_report
from dashboard.extract.onset import find_onsets
from dashboard.extract.places import find_report_places
from dashboard.extract.sentences import split_sentences
from dashboard.extract.statements import find_statements
from dashboard.gazetteer import GEODATA_DIR, PLACE_FILES, Gazetteer, gazetteer
from dashboard.records import Extraction, Report


def _source_version() -> str:
    """A hash of what extraction reads: its own code and the gazetteer's code and data. Any change to
    them changes the version, so that stored extractions are recomputed."""
    here = Path(__file__).resolve().parent
    files = sorted(here.glob("*.py")) + [here.parent / f for f in ("gazetteer.py", "border.py", "episodes.py")]
    files += [GEODATA_DIR / f for f in (*PLACE_FILES, "provinces.csv", "aliases.csv", "border.geojson")]
    digest = hashlib.sha256()
    for f in files:
        if f.exists():
            digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return "2-" + digest.hexdigest()[:12]


EXTRACTOR_VERSION = _source_version()


def extract(report: Report, gaz: Gazetteer | None = None) -> Extraction:
    gaz = gaz or gazetteer()
    out = Extraction(report=report)
    meetings = []
    sentences = split_sentences(report.text)
    places_of = find_report_places(sentences, report.id, gaz)
    sides = Sides(sentences, places_of)

    for sentence, places in zip(sentences, places_of, strict=True):
        out.places.extend(places)
        side = partial(sides.of, sentence.paragraph)  # found only for the figures that need it
        out.figures.extend(find_figures(sentence, report.id, report.published, places, side))
        meeting = find_meeting(sentence, report.id, report.published, places)
        if meeting:
            meetings.append(meeting)
        out.incidents.extend(find_incidents(sentence, report.id, report.published, places))
        out.onsets.extend(find_onsets(sentence, report.id, report.published))
        out.statements.extend(find_statements(sentence, report.id, report.published))
    out.figures = dedupe(out.figures)
    out.meetings = merge_in_report(meetings)
    out.incidents = merge_incidents(attach_denials(out.incidents, sentences))
    return out


def extract_all(reports: list[Report], gaz: Gazetteer | None = None) -> list[Extraction]:
    return [extract(r, gaz) for r in reports]
