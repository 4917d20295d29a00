"""The quick tests in front of patterns (lexicon.Guarded, the qualifier's last words, the date pre-check) must
never turn away a text the pattern itself matches: each is checked against strings generated from its pattern."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard import episodes
from dashboard.extract import actors, dates, figures, incidents, lexicon, meetings, numbers, places, statements
from dashboard.extract.lexicon import Guarded


def _guards() -> dict[str, Guarded]:
    """Every guard of the extraction modules, at the top level or in a list of (name, pattern) pairs."""
    found = {}
    for module in (actors, figures, incidents, meetings, places):
        for name, value in vars(module).items():
            label = f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
            if isinstance(value, Guarded):
                found[label] = value
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, tuple) and isinstance(item[-1], Guarded):
                        found[f"{label}[{i}]"] = item[-1]
    return found


GUARDS = _guards()
EXAMPLES = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _turned_away(guard: Guarded, data) -> str | None:
    """A string the pattern matches that the guard turns away, if the examples find one."""
    drawn = guard.pattern
    if drawn.pattern.startswith(
        ("(?=[", "\\b(?=[")
    ):  # hypothesis draws from no lookahead: the pattern without its start
        drawn = _without_start(drawn)
    text = data.draw(st.from_regex(drawn))
    if guard.pattern.search(text) and not guard.may_match(text):
        return text
    return None


def test_there_are_guards_to_check():
    expected = {"figures.CLAUSE_BREAK", "figures.RUNNING_TOTAL", "places.NEAR_WORDS", "meetings.PROPOSED"}
    # patterns read for every sentence of a report, or tried at every position of the text before a number
    expected |= {"incidents._DENY", "figures.TOLL_PHRASE", "meetings.DAYS_AGO", "meetings.ENDED_ON"}
    expected |= {"meetings.CROWD_GATHERED", "meetings._OPENING"}
    assert expected | {"figures._GROUP_BEFORE[0]"} <= set(GUARDS)
    # the stretches before a meeting's places, read for each place: a document signed there, a move to it
    assert {"meetings.DOCUMENT_SIGNED_IN", "meetings._MOVED_TO"} <= set(GUARDS)


def test_the_venue_guards_give_the_patterns_answers():
    """A stretch before a place with the guard's word is read by the pattern; one without is turned away."""
    signed = "the truce agreement signed in "
    assert meetings.DOCUMENT_SIGNED_IN.search(signed).start() == signed.index("agreement")
    assert meetings.DOCUMENT_SIGNED_IN.search("the truce agreement in ") is None
    moved = "the talks were moved to "
    assert meetings._MOVED_TO.search(moved).group().strip() == "moved to"
    assert meetings._MOVED_TO.search("The talks were MOVED TO the ").group().strip() == "MOVED TO the"
    assert meetings._MOVED_TO.search("the talks were held in ") is None


@pytest.mark.parametrize("name", sorted(GUARDS))
@EXAMPLES
@given(data=st.data())
def test_a_guard_lets_through_every_text_its_pattern_matches(name, data):
    assert _turned_away(GUARDS[name], data) is None


@EXAMPLES
@given(data=st.data())
def test_the_check_finds_a_guard_that_lacks_a_literal(data):
    """The check above can fail: a guard that forgot one alternative's literal is caught."""
    wrong = Guarded(re.compile(r"\b(?:killed|wounded)\b", re.I), ("killed",))
    text = data.draw(st.sampled_from(["Two were wounded.", "WOUNDED: 3", "killed and wounded"]))
    assert wrong.pattern.search(text)
    assert wrong.may_match(text) == ("killed" in text.lower())


def test_a_guard_gives_the_patterns_own_answers():
    guard = figures.RUNNING_TOTAL
    for text in ("The toll so far is 12.", "Twelve were killed.", "The TOTAL is 4", "Ten have died in Surin."):
        assert guard.search(text) == guard.pattern.search(text) or (
            guard.search(text).span() == guard.pattern.search(text).span()
        )
    assert list(figures.CLAUSE_BREAK.finditer("no break here")) == []
    assert [m.span() for m in figures.CLAUSE_BREAK.finditer("a, while b; c")] == [
        m.span() for m in figures.CLAUSE_BREAK.pattern.finditer("a, while b; c")
    ]


def test_a_non_ascii_text_is_left_to_the_pattern():
    # re.IGNORECASE matches the dotless ı with i; str.lower does not fold it: the pattern decides.
    assert figures.CLAUSE_BREAK.pattern.search("whıle")
    assert figures.CLAUSE_BREAK.search("whıle")


@pytest.mark.parametrize("pattern", [figures._QUAL_BEFORE, figures._QUALIFIER_RX])
@EXAMPLES
@given(data=st.data())
def test_the_qualifier_test_lets_through_every_text_with_a_qualifier(pattern, data):
    text = data.draw(st.from_regex(_without_start(pattern)))  # hypothesis draws from no lookahead
    if pattern.search(text):
        assert figures._may_end_with_qualifier(text)


@EXAMPLES
@given(data=st.data())
def test_the_date_pre_check_lets_through_every_date(data):
    text = data.draw(st.from_regex(dates.DATE))
    if dates.DATE.search(text):
        assert dates._MAYBE_DATE.search(text)


@pytest.mark.parametrize(
    "text",
    ["on Christmas Day", "by New Year's Eve", "Sept. 3", "3rd of December", "tonight", "on Monday (24th)", "Dec 9"],
)
def test_written_dates_pass_the_date_pre_check(text):
    assert dates.DATE.search(text) and dates._MAYBE_DATE.search(text)


def test_a_typed_name_outside_the_names_found_is_still_looked_up():
    """The fuzzy search for typed names is skipped only when every type word lies inside a name found."""
    found = [places._Mention(12, 26, "surin", "surin", [], "province", True)]
    assert not places._type_word_outside("Shelling in Surin province hit homes.", found)
    assert places._type_word_outside("Shelling in Surin province hit Preh Vihear temple.", found)


@pytest.mark.parametrize("episode", episodes.EPISODES, ids=lambda e: e.id)
@EXAMPLES
@given(data=st.data())
def test_every_episode_cue_needs_one_of_the_cue_words(episode, data):
    text = data.draw(st.from_regex(episode.cue))
    if episode.cue.search(text):
        assert any(word in text for word in episodes.CUE_WORDS)


CUE_TEXTS = [
    "Thai troops and Cambodian forces clashed near Phnom Penh's envoy.",
    "Thailand-Cambodia talks; Thais, Cambodians and Khmer speakers; Hun Manet met Anutin.",
    "Thailandia, AThai, Thai_1, Cambodia2 and Thaiz are no cues; (Thai) and 'Cambodia' are.",
    "",
]
_CUE_WORDS = tuple(w for ws in lexicon.COUNTRY_CUES.values() for w in ws)
_WORD_BOUNDED = re.compile(rf"\b(?:{lexicon.word_pattern(_CUE_WORDS)})\b")


def _cue_texts():
    """Texts of cue words, their letters and what stands around a word: boundaries in every position."""
    pieces = [*_CUE_WORDS, " ", "-", "_", "a", "1", "é", "'", "\n", "Th", "ia"]
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


@EXAMPLES
@given(text=_cue_texts())
def test_whole_words_finds_what_the_bounded_alternation_finds(text):
    fast = re.compile(lexicon.whole_words(_CUE_WORDS))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in _WORD_BOUNDED.finditer(text)]


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_the_cue_pattern_finds_each_country_where_the_old_groups_did(text):
    old = re.compile(
        "|".join(rf"(?P<{c}>\b(?:{lexicon.word_pattern(ws)})\b)" for c, ws in lexicon.COUNTRY_CUES.items())
    )
    assert [(m.lastgroup, m.span()) for m in old.finditer(text)] == [
        (actors._CUE_COUNTRY[m.group()], m.span()) for m in actors._CUE.finditer(text)
    ]


def test_whole_words_refuses_a_word_that_does_not_begin_with_a_word_character():
    with pytest.raises(ValueError):
        lexicon.whole_words(["-Thai"])


SPEAKER_TEXTS = [
    "Cambodia's Ministry of Interior said 12 people were hurt.",
    "the Thai army said on Monday that shelling went on.",
    "Local authorities also reported damage; officials have said little.",
    "A spokesperson for the government told reporters the talks would go on.",
    "no speaker here at all, only words.",
    "xthe Defence Ministry said and theofficials noted it.",
    "army said the shelling stopped; police told reporters; ministry officials noted it.",
    "spokesman said so, and government agency and office staff also stated it.",
]


def _speaker_texts():
    pieces = [
        "the ",
        "The ",
        "Thai ",
        "army ",
        "ministry ",
        "Ministry of Defence ",
        "officials ",
        "spokesman ",
        "said",
        "told",
        "also ",
        "on Monday ",
        "x",
        ", ",
        ". ",
        "police ",
        "Hun Sen ",
        "according to ",
    ]
    return st.lists(st.sampled_from(pieces), max_size=10).map("".join)


@pytest.mark.parametrize("text", SPEAKER_TEXTS)
def test_the_speaker_is_found_where_the_pattern_finds_it(text):
    m, fast = actors._SAID.search(text), actors._said(text)
    assert (m and (m.span(), m.group("who"))) == (fast and (fast.span(), fast.group("who")))


@EXAMPLES
@given(text=_speaker_texts())
def test_the_speaker_is_found_where_the_pattern_finds_it_in_any_text(text):
    m, fast = actors._SAID.search(text), actors._said(text)
    assert (m and (m.span(), m.group("who"))) == (fast and (fast.span(), fast.group("who")))


DATE_TEXTS = [
    "Talks on Monday (24th) and 3rd of December, then Dec. 9, 2025; Christmas Eve, today and tomorrow.",
    "xMonday, 12December, Sept 3rd, New Year's Day, yesterday's shelling and tonight's talks.",
    "12 34 January 2025 Wednesday (Dec 24 December) tomorrowland todays",
    "Yesterday, USA Today said. Last night and last night's talks; ARMY: Tonight. xToday",
]


def _date_texts():
    pieces = [
        "Monday",
        " (",
        "24th",
        ")",
        " ",
        "3",
        "December",
        "Dec.",
        ", 2025",
        "of ",
        "today",
        "tomorrow",
        "x",
        "Christmas Eve",
        "New Year's Day",
        "yesterday",
        "tonight",
        "Yesterday",
        "Last night",
        "last night",
        ". ",
        "s",
        "1",
    ]
    return st.lists(st.sampled_from(pieces), max_size=10).map("".join)


@pytest.mark.parametrize("text", DATE_TEXTS)
def test_dates_are_found_where_the_date_pattern_finds_them(text):
    assert [m.span() for m in dates._dates_in(text)] == [m.span() for m in dates.DATE.finditer(text)]


@EXAMPLES
@given(text=_date_texts())
def test_dates_are_found_where_the_date_pattern_finds_them_in_any_text(text):
    assert [m.span() for m in dates._dates_in(text)] == [m.span() for m in dates.DATE.finditer(text)]


_OLD_CAPITALISED = re.compile(rf"(?<![\w'])(?=[A-ZÀ-ÖØ-Þ]){places._WORD}")
_OLD_BOTH = re.compile(
    r"\b(?:Thailand|Cambodia|Thai|Cambodian)\s+and\s+(?:Thailand|Cambodia|Thai|Cambodian)\b"
    r"|\bboth (?:sides|countries|nations)\b|\bbetween\b"
    + actors._NOT_A_SPAN  # a span of time ("between December 8 and 27") is not the two countries
)
REWRITTEN = {"places._CAPITALISED": (_OLD_CAPITALISED, places._CAPITALISED), "actors.BOTH": (_OLD_BOTH, actors.BOTH)}
WRITTEN = [
    "Ban Nong Chan, O'Smach and Preah Vihear's temple; Ta-Muen Thom, xSurin, 'Surin', Élan, ×Surin, Ölgii.",
    "Thailand and Cambodia; Thai  and\nCambodian troops; both sides, between them; aboth sides, Thailand and Thais.",
    "Cambodian and Thai, inbetween, between_us, both nations' leaders, ThaiThailand and Cambodia2.",
]


def _mixed_texts():
    pieces = [
        "Thailand",
        "Cambodia",
        "Cambodian",
        "Thai",
        " and ",
        "both ",
        "sides",
        "between",
        "Surin",
        "O'",
        "Smach",
        "'s",
        "-",
        " ",
        "x",
        "_",
        "1",
        "É",
        "×",
        "\n",
        "'",
    ]
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


@pytest.mark.parametrize("name", sorted(REWRITTEN))
@pytest.mark.parametrize("text", WRITTEN)
def test_a_rewritten_pattern_finds_what_it_was_written_from(name, text):
    old, new = REWRITTEN[name]
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    assert [m.span() for m in new.finditer(text, 3, 40)] == [m.span() for m in old.finditer(text, 3, 40)]


@pytest.mark.parametrize("name", sorted(REWRITTEN))
@EXAMPLES
@given(text=_mixed_texts())
def test_a_rewritten_pattern_finds_what_it_was_written_from_in_any_text(name, text):
    old, new = REWRITTEN[name]
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_a_type_word_between_the_names_found_is_seen_in_any_case_and_script():
    found = [places._Mention(12, 26, "surin", "surin", [], "province", True)]
    assert places._type_word_outside("Shelling in Surin province hit Preh Vihear TEMPLE.", found)
    assert places._type_word_outside("Shélling in Surin province hit Preh Vihear temple.", found)
    assert not places._type_word_outside("Shélling in Surin province hit homes.", found)
    assert not places._type_word_outside("", [])


# numbers._START was `\d|\b(?:<starters>)\b`; it now has the characters an amount can begin with in front.
_OLD_AMOUNT_START = re.compile(r"\d|\b(?:" + "|".join(sorted(numbers.STARTERS, key=len, reverse=True)) + r")\b")
AMOUNT_TEXTS = [
    "about 48 civilians, a dozen soldiers and half a million people; twenty-one dead, ten thousand fled",
    "someone, often, anything, several, scores, 1,200 and 3.5 million; ٣ and ² and five",
    "Ahalf tens-of-thousands of SEVEN seventy-two a",
]


def _amount_texts():
    pieces = ["a", " ", "half", "one", "seven", "ty", "teen", "1", "2,000", ".5", "-", "x", "É", "٣", "several", "s"]
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


@pytest.mark.parametrize("text", AMOUNT_TEXTS)
def test_an_amount_is_tried_where_it_was_tried_before(text):
    for pattern, old, low in ((numbers._START, _OLD_AMOUNT_START, text.lower()), (numbers._START_ANY_CASE, None, text)):
        old = old or re.compile(_OLD_AMOUNT_START.pattern, re.I)
        assert [m.span() for m in pattern.finditer(low)] == [m.span() for m in old.finditer(low)]


@EXAMPLES
@given(text=_amount_texts())
def test_an_amount_is_tried_where_it_was_tried_before_in_any_text(text):
    assert [m.span() for m in numbers._START.finditer(text)] == [m.span() for m in _OLD_AMOUNT_START.finditer(text)]
    any_case = re.compile(_OLD_AMOUNT_START.pattern, re.I)
    upper = text.upper()
    assert [m.span() for m in numbers._START_ANY_CASE.finditer(upper)] == [m.span() for m in any_case.finditer(upper)]


def _side_texts():
    pieces = [
        "Thai ",
        "Cambodian ",
        "Thailand ",
        "civilians ",
        "killed by ",
        "troops fired ",
        "and ",
        "both sides ",
        "x ",
    ]
    return st.lists(st.sampled_from(pieces), max_size=8).map("".join)


@EXAMPLES
@given(text=_side_texts())
def test_the_side_of_a_clauses_cues_is_its_victim_side(text):
    """A figure's clause reads its cues once for its attackers and its people's side (figures._whose)."""
    if not actors.BOTH.search(text):
        assert actors.side_of_cues(actors.cues_in(text)) == actors.victim_side(text)


# Some case-insensitive patterns have the characters their matches can begin with in front, as a
# lookahead (lexicon.starting_with): each must find what the pattern without it finds.
def _without_start(rx: re.Pattern) -> re.Pattern:
    m = re.fullmatch(r"(?:\\b)?\(\?=\[[^]]+\]\)\(\?:(.*)\)", rx.pattern, re.S)
    assert m, rx.pattern
    return re.compile(m.group(1), rx.flags)


STARTED = {
    "CLAUSE_BREAK": figures.CLAUSE_BREAK.pattern,
    "_GROUP_END": figures._GROUP_END,
    "_LIST_ITEM": figures._LIST_ITEM,
    **{f"_BEFORE[{m}]": rx for m, rx in figures._BEFORE.items()},
    **{f"_GROUP_RX[{g}]": rx for g, rx in figures._GROUP_RX},
    "_QUAL_BEFORE": figures._QUAL_BEFORE.any_case,  # (read as lexicon.Folded: tests/test_extract_folded.py)
    "_QUALIFIER_RX": figures._QUALIFIER_RX.any_case,
    "incidents.HEDGE": incidents.HEDGE,
    "incidents.ANALYSIS": incidents.ANALYSIS,
    "incidents._ACT": incidents._ACT,
    "meetings.MEETING_WORDS": meetings.MEETING_WORDS.any_case,  # (read as lexicon.Folded)
    "meetings.OTHER_EVENT": meetings.OTHER_EVENT,
    "meetings.MOVED": meetings.MOVED,
    "meetings.DAY_AFTER": meetings.DAY_AFTER,
    "incidents.HARM": incidents.HARM,
    "incidents.TALLY": incidents.TALLY,
    "incidents._DEPLOYED": incidents._DEPLOYED,
    "incidents._DAMAGE_STATE": incidents._DAMAGE_STATE,
    "dates.EARLIER": dates.EARLIER,
    **{
        f"meetings.{name}": getattr(meetings, name)
        for name in (
            "SIGNING_WORDS",
            "PROTEST",
            "LATER_MEETING",
            "FORMER_VENUE",
            "SPEECH_BEFORE",
            "VENUE_BEFORE",
            "PAIRED_BODIES",
        )
    },
}
STARTED_WRITTEN = [
    "Fighting went on, while Thai troops, WHEREAS the army; Meanwhile 12 soldiers, but 3 Civilians and residents.",
    "The clashes killed at least 12, KILLING over 40, the death toll rose to 33 and Fatalities climbed to 9.",
    "Shelling forced 4,000 people, Displacing about 9,000, uprooting some 2,000 and housing 300 in camps.",
    "Fatalities rose to 9; lives of 4; they lost 16 troops; evacuees climbed to 900; relocating 70 families.",
    "About 40 were hurt, nearly 90, Up To 30, approx. 20, an estimated 10, if troops Could fire, unless it Will shell.",
    "Analysts said drones flew into its airspace, Troops Occupied land, they dug a trench and a Festival was held.",
    "The GBC and RBC meetings, the General Border Committee (GBC) and the Joint Boundary Commission (JBC) talks.",
    "Talks Held In Pursat were Signed; a Protest ahead of the summit, Originally set in Trat, he Told Reporters on",
    "Officials met at the Meeting, hosted by Cambodia, in the city of Siem Reap, signing, said on Monday, said ",
    "Injuring 5, wounded 7, among them Marines, of whom 4 Villagers, such as Children; Including PERSONNEL.",
    "\u212aILLING 3 (a Kelvin sign), \u017foldiers, ſuch as, éwhile, _while, 2while, and_, band, And.",
    "The Next Day the talks were MOVED to Bangkok instead; it will now be held there, a day later, xinstead.",
    "Four LOST THEIR LIVES, in total 9 so far; troops Deployed; homes Damaged by shells last month, years ago.",
]


def _started_texts():
    pieces = [
        "while",
        "While",
        "whereas",
        ", but",
        "meanwhile",
        ";",
        ",",
        " ",
        "and",
        "killing",
        "KILLED",
        "death toll",
        " rose to ",
        "displaced",
        "sending",
        "soldiers",
        "Troops",
        "civilian",
        "residents",
        "including",
        "of whom",
        "at least ",
        "the ",
        "40",
        "x",
        "_",
        "É",
        "\u212a",
        "ſ",
        "over ",
        "Some ",
        "approx. ",
        "could ",
        "fire",
        "if",
        "Unless",
        "drone",
        "airspace",
        "occupied",
        "trench",
        "festival",
        "experts said",
        "GBC",
        "RBC",
        " and ",
        "meetings",
        "Meeting",
        "held in ",
        "signed",
        "said ",
        "Told ",
        "reporters ",
        "ahead of ",
        "protest",
        "originally",
        "moved ",
        "to ",
        "instead",
        "the next day",
        "lost their lives",
        "so far",
        "deployed",
        "damaged by",
        "last month",
    ]
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


@pytest.mark.parametrize("name", sorted(STARTED))
@pytest.mark.parametrize("text", STARTED_WRITTEN)
def test_a_pattern_with_its_start_in_front_finds_what_it_did(name, text):
    new = STARTED[name]
    old = _without_start(new)
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    assert new.split(text) == old.split(text)
    for end in range(len(text) + 1):  # the end-anchored patterns are searched on the stretch before a number
        found, was = new.search(text[:end]), old.search(text[:end])
        assert (found and found.span()) == (was and was.span())


@pytest.mark.parametrize("name", sorted(STARTED))
@EXAMPLES
@given(text=_started_texts())
def test_a_pattern_with_its_start_in_front_finds_what_it_did_in_any_text(name, text):
    new = STARTED[name]
    old = _without_start(new)
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]


def test_the_start_of_a_pattern_is_its_alternatives_first_letters():
    assert lexicon.initials(r"killing|\bdeath toll(?:\s+\S+)?|lost") == "dkl"
    with pytest.raises(ValueError):
        lexicon.initials(r"killing|(?:the )?toll")


# statements._mentions reads a text's topics once per text, behind one pattern of every topic's names (ANY_NAME) and
# one of their anaphors (ANY_ANAPHOR): it must give what `mention` gives topic by topic.
STATEMENT_TEXTS = [
    "The ceasefire held; heavy weapons were withdrawn and the landmines cleared by deminers.",
    "Observers were deployed while the detained soldiers awaited their release. Truce? Mines exploded.",
    "Their return was delayed; UXO, POWs and captives; the soldiers were released, then a JOINT STATEMENT.",
    "Soldiers were killed and their homes burned; residents fled their villages near the minefields.",
    "Nothing here names a topic, though it says soldiers and their and free and mine-ish words.",
]


def _statement_texts():
    pieces = [
        "ceasefire",
        "truce",
        "heavy weapons",
        "landmines",
        "mines",
        "observers",
        "soldiers",
        "detained",
        "their",
        "release",
        "were ",
        "withdrawn",
        "cleared",
        "deployed",
        "free them",
        " ",
        ", ",
        "; ",
        "x",
        "É",
        "-",
    ]
    return st.lists(st.sampled_from(pieces), max_size=12).map("".join)


def _mentions_topic_by_topic(text: str, referring: bool) -> tuple:
    topics = [t for t in statements.TOPICS if not (referring and t == "ceasefire")]
    return tuple((t, at) for t in topics if (at := statements.mention(text, t, referring)) is not None)


@pytest.mark.parametrize("referring", [False, True])
@pytest.mark.parametrize("text", STATEMENT_TEXTS)
def test_a_texts_topics_are_those_mention_finds_topic_by_topic(text, referring):
    assert statements._mentions.__wrapped__(text, referring) == _mentions_topic_by_topic(text, referring)


def test_the_topics_of_the_written_texts_are_found():
    """The texts above are not all turned away: the comparison has mentions to compare."""
    assert [t for t, _ in statements._mentions.__wrapped__(STATEMENT_TEXTS[0], False)] == [
        "ceasefire",
        "heavy_weapons",
        "demining",
    ]
    assert statements._mentions.__wrapped__(STATEMENT_TEXTS[2], True)
    assert not statements._mentions.__wrapped__(STATEMENT_TEXTS[4], False)
    assert not statements.may_state(STATEMENT_TEXTS[3])  # the pre-check passes it; no topic is named


@pytest.mark.parametrize("referring", [False, True])
@EXAMPLES
@given(text=_statement_texts())
def test_a_texts_topics_are_those_mention_finds_topic_by_topic_in_any_text(text, referring):
    assert statements._mentions.__wrapped__(text, referring) == _mentions_topic_by_topic(text, referring)
