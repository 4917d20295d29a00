"""Records as table rows and back: tuples packed as `|a|b|`, the evidence's columns, and the columns derived
for the queries (a meeting's place and body family, an incident's episode, the provinces a figure's sentence
names, datelines left out); a report from a row of `reports` or from its columns in a join."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date, datetime

from dashboard.episodes import episode_during
from dashboard.extract.meetings import family, place_key
from dashboard.extract.places import is_dateline
from dashboard.records import RECORD_TYPES, Evidence, Extraction, Report
from dashboard.schema import (
    TUPLE_COLUMNS,
)

_EVIDENCE = tuple(f.name for f in fields(Evidence) if f.name != "report_id")


def _pack(value):
    if isinstance(value, tuple):
        return "|" + "|".join(value) + "|" if value else ""
    return value


def _unpack(value) -> tuple[str, ...]:
    return tuple(x for x in (value or "").strip("|").split("|") if x)


@dataclass(frozen=True)
class ReportContext:
    """What a record's derived columns read from the rest of its report's extraction."""

    provinces: dict[str, tuple[str, ...]]  # the provinces each sentence names (directly or through a place)
    province_at: dict[str, tuple[tuple[int, str], ...]]  # where in the report each sentence names each province
    incident_sentences: frozenset[str]  # the sentences that tell an incident
    paragraph_province: dict[int, str]  # a paragraph that opens with one province: its start → the province
    text: str  # the report's text


def report_context(extraction: Extraction) -> ReportContext:
    provinces: dict[str, set[str]] = {}
    province_at: dict[str, list[tuple[int, str]]] = {}
    for p in extraction.places:
        if p.admin1 and not is_dateline(p):
            provinces.setdefault(p.evidence.sentence, set()).add(p.admin1)
            province_at.setdefault(p.evidence.sentence, []).append((p.evidence.start, p.admin1))
    return ReportContext(
        {sentence: tuple(sorted(codes)) for sentence, codes in provinces.items()},
        {sentence: tuple(at) for sentence, at in province_at.items()},
        frozenset(i.evidence.sentence for i in extraction.incidents),
        _paragraph_provinces(extraction),
        extraction.report.text,
    )


def _paragraph_provinces(extraction: Extraction) -> dict[int, str]:
    """Paragraphs that open with one province as their subject ("Oddar Meanchey province has been among the
    hardest hit.", "In Surin, …"): a count told in them with no place and no running-total word of its own is
    that province's, not a side's toll."""
    text = extraction.report.text
    out: dict[int, str] = {}
    for p in extraction.places:
        start = p.evidence.start
        para = _paragraph_of(text, start)
        lead = text[para:start].strip().lower()
        if p.admin1 and not is_dateline(p) and lead in ("", "in") and para not in out:
            opener = p.evidence.sentence
            codes = {q.admin1 for q in extraction.places if q.evidence.sentence == opener and q.admin1}
            if len(codes) == 1:
                out[para] = p.admin1
    return out


# Where a figure's own clause ends: another clause after a semicolon, or the list of what its count includes ("21
# soldiers have been killed, along with three civilians, including a man killed by shelling in Sa Kaeo").
_CLAUSE_END = re.compile(r";|\bincluding\b|\bamong (?:them|whom)\b", re.I)


def _clause_provinces(context: ReportContext, sentence: str, start: int, end: int) -> tuple[str, ...]:
    """The provinces a sentence names in the clause of the running total at start–end (report offsets): not in another
    clause before a semicolon ("Ceasefire breached in Sisaket; Thai death toll revised to 29"), nor in the list of what
    its count includes."""
    at = context.province_at.get(sentence, ())
    if len(at) == 0:
        return ()
    lo = context.text.rfind(";", 0, start)
    after = _CLAUSE_END.search(context.text, end, end + len(sentence))
    hi = after.start() if after else end + len(sentence)
    return tuple(sorted({code for pos, code in at if lo < pos < hi}))


def _paragraph_of(text: str, start: int) -> int:
    return text.rfind("\n", 0, start) + 1


def derived(table: str, record, known_from: date | None, context: ReportContext) -> dict:
    """Columns computed from a record for the queries: a meeting's place and body family, an incident's
    episode (by its own date, else its report's; None between episodes), the provinces a figure's sentence
    names and whether that sentence tells an incident (the figure then counts that incident, not a toll)."""
    if table == "meetings":
        return {"place_key": place_key(record), "family": family(record)}
    if table == "incidents":
        return {"episode": episode_during(record.date or known_from)}
    if table == "figures":
        sentence = record.evidence.sentence
        named = (
            _clause_provinces(context, sentence, record.evidence.start, record.evidence.end)
            if record.scope == "total"  # a running total: only its own clause's provinces make it one province's
            else context.provinces.get(sentence, ())
        )
        if not named and record.scope is None and context.paragraph_province:
            opener = context.paragraph_province.get(_paragraph_of(context.text, record.evidence.start))
            named = (opener,) if opener else ()  # a count in a paragraph about one province: that province's
        return {
            "provinces": _pack(named),
            "counts_incident": sentence in context.incident_sentences,
        }
    return {}


def record_row(table: str, record, known_from: date | None, context: ReportContext) -> dict:
    e = record.evidence
    own = {f.name: _pack(getattr(record, f.name)) for f in fields(record) if f.name != "evidence"}
    evidence = {name: getattr(e, name) for name in _EVIDENCE}
    extra = derived(table, record, known_from, context)
    return {**own, **evidence, **extra, "report_id": e.report_id, "known_from": known_from}


def record_from_row(table: str, row) -> object:
    """A record from a row of its table (a mapping)."""
    cls = RECORD_TYPES[table]
    values = {}
    for f in fields(cls):
        if f.name == "evidence":
            values["evidence"] = Evidence(row["report_id"], *(row[n] for n in _EVIDENCE))
        elif (table, f.name) in TUPLE_COLUMNS:
            values[f.name] = _unpack(row[f.name])
        else:
            values[f.name] = row[f.name]
    return cls(**values)


def report_from_row(row, prefix: str = "") -> Report:
    """A report from a row of `reports` (or from its columns labelled `prefix + name` in a join, where the
    text, which a citation does not need, may be left out)."""

    def col(name: str, default=None):
        return row.get(prefix + name, default)

    return Report(
        id=col("id"),
        path=col("path"),
        text=col("text", ""),
        published=col("published"),
        url=col("url"),
        outlet=col("outlet"),
        title=col("title"),
        dropped_paragraphs=col("dropped_paragraphs", 0),
        name=col("name"),
        ingested=datetime.fromisoformat(col("added_at")).date(),
        dated_by=col("dated_by"),
    )
