"""A link's values (anyone writes a link) and untrusted metadata: read within limits, shown as text only."""

import re
from datetime import date

import pandas as pd
import pytest

from dashboard.read import make_report
from dashboard.ui.links import FIRST_DAY, MAX_CHARS, MAX_VALUES, capped, parse_day, read_day
from dashboard.ui.safe import escape, link_value, md_escape
from dashboard.untrusted import INVISIBLE, clean_metadata, display_frame, formula_safe, strip_invisible

PHISHING = "Sisaket”. **URGENT: Log in again at [border-watch-login.example](https://evil.example/login)**"
IMAGE = "x ![p](http://127.0.0.1:8559/p.png)"


@pytest.mark.parametrize("value", [PHISHING, IMAGE, "<img src=x onerror=alert(1)>", "`code` _it_ ~~s~~ $x$"])
def test_a_link_value_in_a_notice_is_plain_text(value):
    shown = link_value(value)
    assert shown.startswith("“") and shown.endswith("”")
    for markup in ("**", "](", "![", "<img", "http://", "https://"):
        assert markup not in shown, markup
    assert not re.search(r"(?<!\\)[`*_~$\[\]!<>()]", shown)  # every markdown character escaped
    assert "\\*\\*URGENT" in link_value(PHISHING) and "\\!\\[p\\]" in link_value(IMAGE)


def test_a_long_link_value_is_shortened_in_a_notice():
    assert len(link_value("a" * 5000)) < 100 and link_value("a" * 5000).endswith("…”")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2025-07-25", date(2025, 7, 25)),
        (" 2025-12-23 ", date(2025, 12, 23)),
        ("20250725", None),  # ISO's basic form: Python reads it, Streamlit's date field does not
        ("2025-W30-5", None),
        ("2025/07/25", None),
        ("25-07-2025", None),
        ("2025-02-30", None),
        ("２０２５-０７-２５", None),  # full-width digits
        ("", None),
        (None, None),
    ],
)
def test_an_as_of_date_is_read_in_one_form(text, day):
    assert parse_day(text) == day


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("20250725", "is not a date written YYYY-MM-DD"),
        ("2015-06-01", "is before the conflict's reports (the first date shown is 1 May 2025)"),
        ("2036-12-23", "is after the last date shown (7 December 2026)"),
    ],
)
def test_an_as_of_date_outside_the_dates_shown_is_refused_with_the_reason(text, problem):
    assert read_day(text, date(2026, 12, 7)) == (None, problem)


def test_the_first_and_last_dates_shown_are_accepted():
    last = date(2026, 12, 7)
    assert read_day(FIRST_DAY.isoformat(), last) == (FIRST_DAY, None)
    assert read_day(last.isoformat(), last) == (last, None)


def test_a_link_is_read_up_to_its_limits():
    values = [f"p{i}" for i in range(900)]
    assert capped(values) == (values[:MAX_VALUES], 900 - MAX_VALUES)
    long = "x" * (MAX_CHARS + 1)
    assert capped(["Surin", long, "Sa Kaeo"]) == (["Surin", "Sa Kaeo"], 1)
    assert capped([]) == ([], 0)


RTL = "\u202eevil.com"


@pytest.mark.parametrize("char", sorted(INVISIBLE))
def test_every_direction_control_and_zero_width_character_is_stripped(char):
    assert strip_invisible(f"Khmer{char} Times") == "Khmer Times"


def test_the_listed_characters_are_the_issue_s():
    bidi = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)}
    zero_width = {chr(c) for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)}
    assert bidi | zero_width == INVISIBLE


def test_report_metadata_is_read_without_invisible_characters():
    r = make_report(
        "Two soldiers were hurt on Tuesday.",
        outlet=RTL,
        title="Border\u200b news\u2066",
        name="r\ufeff1",
        url="https://example.org/\u200fa",
    )
    assert (r.outlet, r.title, r.name, r.url) == ("evil.com", "Border news", "r1", "https://example.org/a")
    assert clean_metadata({"outlet": "\u200b", "published": date(2025, 7, 25)}) == {
        "outlet": None,
        "published": date(2025, 7, 25),
    }


def test_display_escapes_strip_invisible_characters_a_store_already_holds():
    assert md_escape(RTL) == "evil\\.com" and escape(RTL) == "evil.com"
    assert "\u202e" not in link_value(RTL)


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x","click")', "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"])
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(cell):
    assert formula_safe(cell) == "'" + cell


def test_a_shown_table_is_neutralised_in_its_text_columns_only():
    frame = pd.DataFrame(
        {
            "title": ['=HYPERLINK("http://x","click")', "Clashes resume"],
            "outlet": [RTL, "Khmer Times"],
            "value": [-3, 5],
            "date": [date(2025, 7, 25), date(2025, 7, 26)],
        }
    )
    shown = display_frame(frame)
    assert shown["title"].tolist() == ['\'=HYPERLINK("http://x","click")', "Clashes resume"]
    assert shown["outlet"].tolist() == ["evil.com", "Khmer Times"]
    assert shown["value"].tolist() == [-3, 5] and shown["date"].tolist() == frame["date"].tolist()
    assert frame["title"][0].startswith("=")  # the frame given is left as it was
