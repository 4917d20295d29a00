"""A transcript's speaker label opening a line ("THAI ARMY: …") names who says it (actors.speaker_side)."""

import pytest

from dashboard.extract.actors import speaker_side


@pytest.mark.parametrize(
    ("line", "side"),
    [
        ("CAMBODIAN DEFENCE MINISTRY: Thai troops opened fire first, at about 5am, near the temple.", "KH"),
        ("THAI ARMY SPOKESMAN: The ground had been disturbed recently and the device is new.", "TH"),
        ("ROYAL THAI ARMY: The mine was laid after the declaration was signed.", "TH"),
    ],
)
def test_a_label_naming_a_country_is_the_line_s_speaker(line, side):
    assert speaker_side(line) == side


@pytest.mark.parametrize(
    ("line", "side"),
    [
        # the label names no side: the line's own words decide, as without a label
        ("QUESTION: Cambodia says it has not planted any mines. Your response?", "KH"),
        ("ARMY: The device is a PMN-2.", None),
        # a line that names its own speaker keeps it
        ("CAMBODIAN DEFENCE MINISTRY: Rockets hit Surin overnight, the Thai army said.", "TH"),
    ],
)
def test_a_label_naming_no_country_or_a_line_naming_its_speaker_is_read_as_before(line, side):
    assert speaker_side(line) == side


def test_capitals_in_mid_sentence_are_no_label():
    assert speaker_side("Shelling near the BORDER PASS: Thai villagers fled, officials counted.") is None
