"""Across reports: the same meeting told by several reports becomes one meeting with all its sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dashboard.extract.meetings import combine, compatible
from dashboard.records import Meeting


@dataclass
class MeetingGroup:
    id: str
    meeting: Meeting  # the merged view: date, venue, body as the sources together give them
    mentions: list[Meeting] = field(default_factory=list)  # one per report (and sentence)

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


def merge_meetings(meetings: list[Meeting]) -> list[MeetingGroup]:
    """Dated meetings are merged with compatible ones on the same date; undated ones stay apart."""
    groups: list[MeetingGroup] = []
    on_date: dict[date, list[MeetingGroup]] = {}
    for m in sorted(meetings, key=lambda m: (m.date is None, m.date or date.min)):
        candidates = on_date.get(m.date, []) if m.date is not None else []
        same = next((g for g in candidates if all(compatible(x, m) for x in g.mentions)), None)
        if same is None:
            group = MeetingGroup(id=f"m{len(groups) + 1}", meeting=m, mentions=[m])
            groups.append(group)
            if m.date is not None:
                on_date.setdefault(m.date, []).append(group)
        else:
            same.meeting = combine(same.meeting, m)
            same.mentions.append(m)
    return groups
