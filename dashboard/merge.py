"""Across reports: the same meeting told by several reports becomes one meeting with all its sources.

Linear: a mention is compared with the groups of its own date only, and with each group's one place and
one body family (the mentions of a group agree on them, so checking those equals checking every mention).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

from dashboard.extract.meetings import combine, family
from dashboard.records import Meeting


@dataclass
class MeetingGroup:
    id: str
    meeting: Meeting  # the merged view: date, venue, body as the sources together give them
    mentions: list[Meeting] = field(default_factory=list)  # one per report (and sentence)
    place: str | None = None  # the place and body family its mentions agree on (None: none stated)
    family: str | None = None

    def accepts(self, m: Meeting) -> bool:
        place, fam = m.admin1 or m.venue, family(m)
        return (place is None or self.place is None or place == self.place) and (
            fam is None or self.family is None or fam == self.family
        )

    def add(self, m: Meeting) -> None:
        self.meeting = combine(self.meeting, m)
        self.mentions.append(m)
        self.place = self.place or m.admin1 or m.venue
        self.family = self.family or family(m)

    @property
    def report_ids(self) -> list[str]:
        return list(dict.fromkeys(m.evidence.report_id for m in self.mentions))

    @property
    def bodies(self) -> list[str]:
        return list(dict.fromkeys(m.body for m in self.mentions if m.body))

    @property
    def statuses(self) -> list[str]:
        return list(dict.fromkeys(m.status for m in self.mentions))

    @property
    def date(self) -> date | None:
        return self.meeting.date


def group_id(g: MeetingGroup) -> str:
    """An id from what the meeting is (date, place, body family), not from its position in a list: the
    same meeting keeps its id when other reports arrive."""
    first = g.mentions[0].evidence
    key = f"{g.date}|{g.place}|{g.family}" if g.date else f"undated|{first.report_id}|{first.start}"
    return "m-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def merge_meetings(meetings: list[Meeting]) -> list[MeetingGroup]:
    """Dated meetings are merged with compatible ones on the same date; undated ones stay apart."""
    groups: list[MeetingGroup] = []
    on_date: dict[date, list[MeetingGroup]] = {}
    for m in sorted(meetings, key=lambda m: (m.date is None, m.date or date.min)):
        candidates = on_date.get(m.date, []) if m.date is not None else []
        same = next((g for g in candidates if g.accepts(m)), None)
        if same is None:
            group = MeetingGroup(id="", meeting=m)
            group.add(m)
            groups.append(group)
            if m.date is not None:
                on_date.setdefault(m.date, []).append(group)
        else:
            same.add(m)
    seen: dict[str, int] = {}
    for g in groups:
        g.id = group_id(g)
        seen[g.id] = seen.get(g.id, 0) + 1
        g.id += f"-{seen[g.id]}" if seen[g.id] > 1 else ""
    return groups
