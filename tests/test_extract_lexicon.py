"""The word lists: pre-checks come from the same tables as the patterns, so they cannot drift apart."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.extract import figures, incidents, lexicon, meetings, numbers, onset, statements
from dashboard.extract.lexicon import Precheck, alternatives, literal_prefix, stems
from dashboard.extract.sentences import Sentence


@pytest.mark.parametrize(
    ("pattern", "stem"),
    [
        ("air ?strikes?", "air"),
        ("deaths?", "death"),
        ("forced (?:out )?(?:from|to flee)", "forced"),
        ("F-16s?", "f-16"),
        ("multiple rocket launchers?", "multiple rocket launcher"),
        (r"\bdrones?", "drone"),
    ],
)
def test_the_literal_stem_of_a_pattern(pattern, stem):
    assert literal_prefix(pattern.removeprefix(r"\b")) == stem


def test_alternatives_split_only_at_the_top_level():
    assert alternatives("a|b(?:c|d)|[x|y]e") == ["a", "b(?:c|d)", "[x|y]e"]


def test_a_pattern_without_a_literal_stem_is_refused():
    with pytest.raises(ValueError):
        stems("(?:killed|dead)")


def test_a_precheck_looks_at_word_starts():
    check = Precheck(r"fire|clash(?:es)?")
    assert check.search("Troops clashed at dawn.") and check.search("They opened FIRE.")
    assert not check.search("The ceasefire held.")


def sentence(text):
    return Sentence(0, len(text), text)


# Sentences each stage's patterns match (checked without the pre-check): the pre-check lets each through.
@pytest.mark.parametrize(
    ("check", "matches", "text"),
    [
        (
            figures.METRIC_CHECK,
            lambda t: figures._metric(t, next(numbers.amounts(t))),
            "Some 4,000 people are staying in temporary shelters.",
        ),
        (
            figures.METRIC_CHECK,
            lambda t: figures._metric(t, next(numbers.amounts(t))),
            "About 900 residents took refuge in temples.",
        ),
        (
            figures.METRIC_CHECK,
            lambda t: figures._metric(t, next(numbers.amounts(t))),
            "Nearly 2,000 evacuees have returned.",
        ),
        (
            figures.METRIC_CHECK,
            lambda t: figures._metric(t, next(numbers.amounts(t))),
            "The toll along the border rose to 40.",
        ),
        (
            incidents.KIND_CHECK,
            lambda t: any(rx.search(t) for _, rx in incidents._KIND_RX),
            "An F-16 struck the bridge.",
        ),
        (incidents.KIND_CHECK, lambda t: any(rx.search(t) for _, rx in incidents._KIND_RX), "BM-21 launchers fired."),
        (meetings.MEETING_CHECK, lambda t: meetings.SIGNING_WORDS.search(t), "The co-chairs signed it."),
        (meetings.MEETING_CHECK, lambda t: meetings.MEETING_WORDS.search(t), "Malaysia will host the round."),
        (
            onset.ONSET_CHECK,
            lambda t: onset.ONSET_BEFORE.search(t[: t.index("8")]),
            "Fighting flared up on 8 December.",
        ),
    ],
)
def test_what_a_stage_can_match_passes_its_precheck(check, matches, text):
    assert matches(text)
    assert check.search(text)


def test_the_brief_example_is_found_and_prechecked_alike():
    text = "The shelling sent 3,000 villagers to leave their homes."
    assert figures.METRIC_CHECK.search(text)
    assert [(f.metric, f.value) for f in figures.find_figures(sentence(text), "r", None)] == [("displaced", 3000)]


def test_one_list_of_government_seats_and_of_months():
    from dashboard.extract import dates, lexicon, places

    assert dates.MONTHS is lexicon.MONTHS and dates.WEEKDAYS is lexicon.WEEKDAYS
    assert {"".join(c for c in s.lower() if c.isalnum()) for s in lexicon.GOVERNMENT_SEATS} == places._SEAT_KEYS


def test_every_word_list_row_says_why_it_is_there():
    from dashboard.extract.lexicon import LEXICON_DIR, table

    files = sorted(LEXICON_DIR.glob("*.csv"))
    assert files
    for f in files:
        rows = table(f.stem)
        assert rows and all(r["word"].strip() and r["kind"].strip() and r["reason"].strip() for r in rows), f.name


def test_a_row_without_a_reason_is_refused(tmp_path, monkeypatch):
    from dashboard.extract import lexicon

    (tmp_path / "bad.csv").write_text("word,kind,reason\nfoo,common-word,\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "LEXICON_DIR", tmp_path)
    with pytest.raises(ValueError, match="reason"):
        lexicon.table("bad")


def test_the_non_place_words_come_from_the_data_file():
    from dashboard.extract.lexicon import NOT_PLACE_NAMES, words

    assert {w.lower() for w in words("not_place_names")} == NOT_PLACE_NAMES
    assert "ban" in NOT_PLACE_NAMES


def _one_check_alone(check: Precheck, text: str) -> bool:
    """What a pre-check answers read alone: a word of the text begins like one of its keys."""
    words = lexicon._TOKEN.findall(text.lower())
    return any(w in check.short or w.startswith(check.long) for w in words if w[:3] in check.starts)


STAGE_CHECKS = [figures.METRIC_CHECK, incidents.KIND_CHECK, meetings.MEETING_CHECK, meetings.NOT_MEETINGS_CHECK]
STAGE_CHECKS += [onset.ONSET_CHECK, statements.CHECK]


def _key_texts():
    keys = sorted({k for c in STAGE_CHECKS for ks in c.keys.values() for k in ks})
    pieces = st.one_of(st.sampled_from(keys), st.sampled_from([" ", "-", "s", "ed", "x", "UP", ". ", "Kill", "un"]))
    return st.lists(pieces, max_size=10).map("".join)


@settings(max_examples=200, deadline=None)
@given(text=_key_texts())
def test_the_pre_checks_read_together_answer_as_each_alone(text):
    for check in STAGE_CHECKS:
        assert check.search(text) == _one_check_alone(check, text)


def test_a_pre_check_made_after_a_text_was_read_answers_for_it():
    text = "Pelicans nested by the reservoir."
    assert not figures.METRIC_CHECK.search(text)
    assert Precheck(r"pelicans?|herons?").search(text)


def test_an_escaped_space_keeps_the_stems_later_words():
    """word_pattern escapes spaces (re.escape): the stem is the whole phrase, and its key its rarest word."""
    assert literal_prefix(r"boundary\ markers") == "boundary markers"
    assert literal_prefix(r"threw\ stones|x") == "threw stones"
    check = Precheck(lexicon.word_pattern(("boundary markers", "new roads")))
    assert check.search("Troops moved the boundary markers.") and check.search("They built NEW ROADS there.")
    assert not check.search("The Joint Boundary Commission will meet; a new office opened.")


def test_a_meeting_of_the_boundary_commission_is_no_allegation_to_read():
    assert not incidents.ALLEGATION_CHECK.search("The Joint Boundary Commission will meet on Monday in Surin.")
    text = "Thailand protested that Cambodian troops removed boundary markers near the temple."
    assert incidents.ALLEGATION_CHECK.search(text) and incidents._ACT.search(text)


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_the_allegation_pre_check_passes_every_act_its_pattern_finds(data):
    """Each act phrase, however spelled (case, the words its alternatives allow), passes the pre-check."""
    import re

    pattern = re.compile("|".join(rf"\b(?:{incidents._VIOLATION_CUES[k]})\b" for k in incidents.ALLEGATION_KINDS), re.I)
    text = data.draw(st.from_regex(pattern, fullmatch=True))
    assert incidents.ALLEGATION_CHECK.search(text)


def test_a_word_boundary_goes_first_only_when_every_alternative_begins_with_one():
    import re

    assert lexicon.starting_with("ab", r"\balpha|\bbeta\b") == r"\b(?=[ab])(?:\balpha|\bbeta\b)"
    assert lexicon.starting_with("a,", r"\balpha|,") == r"(?=[a,])(?:\balpha|,)"
    both = re.compile(lexicon.starting_with("ab", r"\balpha|\bbeta\b"), re.I)
    assert [m.span() for m in both.finditer("Alpha, xbeta, BETA alphabet")] == [(0, 5), (14, 18), (19, 24)]
