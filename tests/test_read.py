"""Reading reports: sidecars, normalisation, repeated paragraphs, stable ids, and bad input."""

import json
import time
import tracemalloc
from datetime import date

import pytest

from dashboard.read import MAX_BYTES, decode, make_report, normalise, read_reports, report_id
from tests.conftest import SEEDS


def write(folder, name, text, meta=None):
    path = folder / f"{name}.txt"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    if meta is not None:
        (folder / f"{name}.json").write_text(meta if isinstance(meta, str) else json.dumps(meta))
    return path


def test_the_seeds_are_read_with_their_published_dates():
    reports, rejected = read_reports([SEEDS])
    assert rejected == [] and len(reports) == 5
    assert {r.published for r in reports} == {date(2025, 12, 22), date(2025, 12, 23)}


def test_missing_metadata_is_unknown_not_invented(tmp_path):
    write(tmp_path, "bare", "Fighting continued near the border on Sunday.")
    [report], _ = read_reports([tmp_path])
    assert (report.published, report.url, report.outlet, report.title) == (None, None, None, None)


def test_sidecar_metadata_is_read(tmp_path):
    write(
        tmp_path,
        "r",
        "Talks were held.",
        {"url": "https://example.org/a", "outlet": "Example Times", "title": "Talks", "published": "2025-12-24"},
    )
    [report], _ = read_reports([tmp_path])
    assert report.outlet == "Example Times" and report.published == date(2025, 12, 24)


def test_repeated_paragraphs_are_dropped_once():
    text, dropped = normalise("First paragraph.\nSecond one.\n\nFirst paragraph.\n  Second   one.\nThird.")
    assert text == "First paragraph.\nSecond one.\nThird." and dropped == 2


def test_typography_and_whitespace_are_normalised():
    text, _ = normalise("\u201cQuoted\u201d \u2018words\u2019 and\u00a0spaces\u2009here.")
    assert text == "\"Quoted\" 'words' and spaces here."


def test_the_id_is_stable_and_ignores_typography():
    a = make_report("The talks \u201cwent well\u201d.\n\nThe talks \u201cwent well\u201d.")
    b = make_report('The talks "went well".')
    assert a.id == b.id and len(a.id) == 16


def test_seed_004_loses_its_repeated_paragraphs():
    reports, _ = read_reports([SEEDS / "004_14141caa1f55aa04.txt"])
    assert reports[0].dropped_paragraphs > 0
    assert reports[0].text.count("525,000 people displaced") == 1


@pytest.mark.parametrize(
    ("content", "meta", "reason"),
    [
        (b"", None, "empty"),
        (b"   \n\n", None, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary"),
        (b"x" * (MAX_BYTES + 1), None, "too large"),
        ("Fine text.", "{not json", "malformed sidecar"),
        ("Fine text.", '{"published": "22/12/2025"}', "malformed sidecar"),
        ("Fine text.", "[1, 2]", "malformed sidecar"),
    ],
)
def test_bad_input_is_rejected_with_a_reason_and_the_rest_is_read(tmp_path, content, meta, reason):
    write(tmp_path, "a_good", "Clashes were reported in Surin province.")
    write(tmp_path, "b_bad", content, meta)
    reports, rejected = read_reports([tmp_path])
    assert [r.path.endswith("a_good.txt") for r in reports] == [True]
    assert len(rejected) == 1 and rejected[0].path.endswith("b_bad.txt") and reason in rejected[0].reason


def test_text_in_another_encoding_is_decoded(tmp_path):
    write(
        tmp_path,
        "latin",
        "Le ministre a d\u00e9clar\u00e9 que les n\u00e9gociations reprendront \u00e0 "
        "Chanthaburi, pr\u00e8s de la fronti\u00e8re.".encode("latin-1"),
    )
    [report], rejected = read_reports([tmp_path])
    assert rejected == [] and "fronti\u00e8re" in report.text


def test_an_unreadable_path_is_reported(tmp_path):
    reports, rejected = read_reports([tmp_path / "missing.txt"])
    assert reports == [] and "cannot read" in rejected[0].reason


KHMER = (
    "Shelling hit Banteay Meanchey (\u1794\u1793\u17d2\u1791\u17b6\u1799\u1798\u17b6\u1793\u1787\u17d0\u1799)"
    " on \u201cSunday\u201d."
)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_decoded_not_taken_for_binary(encoding):
    data = ("\ufeff" if encoding.endswith(("-le", "-be")) else "") + KHMER
    assert decode(data.encode(encoding)).lstrip("\ufeff") == KHMER


def test_utf8_with_a_stray_byte_keeps_its_utf8():
    data = KHMER.encode("utf-8").replace(b"Sunday", b"Sun\xffday")
    assert decode(data) == KHMER.replace("Sunday", "Sun\ufffdday")


def test_a_huge_sparse_report_or_sidecar_is_rejected_by_its_size_without_being_read(tmp_path):
    with (tmp_path / "big.txt").open("wb") as f:
        f.truncate(1 << 30)
    write(tmp_path, "meta", "Fine text.")
    with (tmp_path / "meta.json").open("wb") as f:
        f.truncate(1 << 30)
    started = time.monotonic()
    tracemalloc.start()
    reports, rejected = read_reports([tmp_path])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert reports == [] and [r.reason for r in rejected] == [
        f"too large: 1,073,741,824 bytes (limit {MAX_BYTES:,})",
        "malformed sidecar: too large for a sidecar: 1,073,741,824 bytes (limit 100,000)",
    ]
    assert time.monotonic() - started < 1 and peak < 10_000_000


def test_a_labelled_layouts_repeated_lines_are_kept():
    # a fact-check's verdict under each claim is content, not a page's boilerplate
    text, dropped = normalise(
        'CLAIM: "One."\nVERDICT: FALSE.\nCLAIM: "Two."\nVERDICT: FALSE.\nShare this.\nShare this.'
    )
    assert text == 'CLAIM: "One."\nVERDICT: FALSE.\nCLAIM: "Two."\nVERDICT: FALSE.\nShare this.' and dropped == 1


def test_a_transcripts_repeated_turn_in_other_words_is_kept():
    text, _ = normalise("Q: Was anyone hurt?\nA: No.\nQ: Were shots fired?\nA: No.")
    assert text.count("A: No.") == 2


def test_keeping_a_labelled_layouts_repeats_leaves_the_report_id_unchanged():
    # the id is of the text without any repeat, as it was before labelled repeats were kept
    text = 'CLAIM: "One."\nVERDICT: FALSE.\nCLAIM: "Two."\nVERDICT: FALSE.'
    assert make_report(text).id == report_id('CLAIM: "One."\nVERDICT: FALSE.\nCLAIM: "Two."')


def test_a_repeated_paragraph_opened_by_a_clause_and_a_colon_is_no_label():
    text, dropped = normalise('He said: "We will talk."\nMore.\nHe said: "We will talk."')
    assert text == 'He said: "We will talk."\nMore.' and dropped == 1
