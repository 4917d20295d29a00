"""Extraction: one report in, its places, figures, meetings and incidents out.

The pipeline is stated here: split sentences, then per sentence find places, figures, a meeting, an
incident and any statement of when the fighting began; then merge what repeats within the report.
No stage knows about Streamlit or the store.
"""

from __future__ import annotations

from dashboard.extract.figures import dedupe, find_figures
from dashboard.extract.incidents import find_incident
from dashboard.extract.meetings import find_meeting, merge_in_report
from dashboard.extract.onset import find_onsets
from dashboard.extract.places import find_places
from dashboard.extract.sentences import split_sentences
from dashboard.gazetteer import Gazetteer, gazetteer
from dashboard.records import Extraction, Report

EXTRACTOR_VERSION = "1"


def extract(report: Report, gaz: Gazetteer | None = None) -> Extraction:
    gaz = gaz or gazetteer()
    out = Extraction(report=report)
    meetings, senses = [], {}
    for sentence in split_sentences(report.text):
        places = find_places(sentence, report.id, gaz, senses)
        out.places.extend(places)
        out.figures.extend(find_figures(sentence, report.id, report.published))
        meeting = find_meeting(sentence, report.id, report.published, places)
        if meeting:
            meetings.append(meeting)
        incident = find_incident(sentence, report.id, report.published, places)
        if incident:
            out.incidents.append(incident)
        out.onsets.extend(find_onsets(sentence, report.id, report.published))
    out.figures = dedupe(out.figures)
    out.meetings = merge_in_report(meetings)
    return out


def extract_all(reports: list[Report], gaz: Gazetteer | None = None) -> list[Extraction]:
    return [extract(r, gaz) for r in reports]
