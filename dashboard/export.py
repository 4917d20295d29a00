"""The extraction as one JSON document (the schema of ../shared/eval/README.md, plus incidents and
merged meetings) or as CSV tables. The app shows the same records. `incidents` holds attacks; the alleged
violations that are no attack (a flight over the other side's ground, land occupied, a crowd brought to the line)
are `allegations`, with the same fields."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict

import orjson

from dashboard.reconcile import merge_meetings
from dashboard.records import ALLEGATION_KINDS, RECORD_TYPES, Extraction, Rejected, flat
from dashboard.untrusted import csv_cell


def _report(e: Extraction) -> dict:
    r = e.report
    return {
        "id": r.id,
        "path": r.path,
        "published": r.published,
        "dated_by": r.dated_by,  # how the date was found (dashboard.pubdate); null: nothing dates it
        "url": r.url,
        "outlet": r.outlet,
        "title": r.title,
        "dropped_paragraphs": r.dropped_paragraphs,
    }


def document(extractions: list[Extraction], rejected: list[Rejected] = ()) -> dict:
    meetings = [m for e in extractions for m in e.meetings]
    groups = merge_meetings(meetings)
    group_of = {id(m): g.id for g in groups for m in g.mentions}
    return {
        "reports": [_report(e) for e in extractions],
        "rejected": [asdict(r) for r in rejected],
        "places": [flat(p) for e in extractions for p in e.places],
        "figures": [flat(f) for e in extractions for f in e.figures],
        "meetings": [flat(m) | {"place": m.venue, "meeting_id": group_of[id(m)]} for m in meetings],
        "merged_meetings": [
            flat(g.meeting)
            | {
                "meeting_id": g.id,
                "place": g.meeting.venue,
                "bodies": g.bodies,
                "statuses": g.statuses,
                "report_ids": g.report_ids,
            }
            for g in groups
        ],
        **{
            name: [flat(r) for e in extractions for r in getattr(e, name)]
            for name in RECORD_TYPES
            if name not in ("places", "figures", "meetings", "incidents")
        },
        # attacks (the benchmark's incidents), and the alleged violations that are no attack, apart
        "incidents": [flat(i) for e in extractions for i in e.incidents if i.kind not in ALLEGATION_KINDS],
        "allegations": [flat(i) for e in extractions for i in e.incidents if i.kind in ALLEGATION_KINDS],
    }


def to_json(doc: dict) -> str:
    """One JSON document; dates as YYYY-MM-DD (orjson: several times faster than the json module here)."""
    return orjson.dumps(doc).decode("utf-8")


def to_csv(doc: dict) -> str:
    """All tables in one CSV stream: a `table` column says which table each row belongs to."""
    out = io.StringIO()
    for table in ("reports", *RECORD_TYPES, "allegations", "rejected"):
        rows = doc.get(table, [])
        if not rows:
            continue
        fields = ["table", *rows[0].keys()]
        w = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n")  # RFC 4180; a CR in a cell is quoted
        w.writeheader()
        for row in rows:
            w.writerow({"table": table, **{k: csv_cell(v) for k, v in row.items()}})
    return out.getvalue()
