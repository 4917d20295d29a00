"""Properties over arbitrary text: the extractor never crashes and every span points at its quote."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.extract import extract
from dashboard.read import ReportError, make_report

WORDS = [
    "killed",
    "injured",
    "displaced",
    "at least",
    "more than",
    "half a million",
    "1,200",
    "seven",
    "Sa Kaeo",
    "Buri Ram",
    "Preah Vihear",
    "temple",
    "province",
    "Bangkok",
    "Phnom Penh",
    "accused",
    "met",
    "will meet",
    "on Wednesday (24th)",
    "24 December",
    "Christmas Eve",
    "in Chanthaburi",
    "General Border Committee",
    "rockets",
    "drones",
    "denied",
    ".",
    ",",
    "\n",
    '"',
    "'s",
    "(",
    ")",
]
texty = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texty, st.one_of(st.none(), st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))))
def test_extraction_never_crashes_and_spans_point_at_quotes(gaz, text, published):
    try:
        report = make_report(text, published=published)
    except ReportError:
        return
    out = extract(report, gaz)
    for record in [*out.places, *out.figures, *out.meetings, *out.incidents]:
        e = record.evidence
        assert e.report_id == report.id
        assert report.text[e.start : e.end] == e.quote
        assert e.quote in e.sentence and 0 <= e.start <= e.end <= len(report.text)
