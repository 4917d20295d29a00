"""The conflict's agreements and turning points (`dashboard/data/agreements.csv`, curated, each with its
source), and what follows from them at an as-of date: the ceasefire in force, since when, the instruments
that shape it and what each provides, what was carried out.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

AGREEMENTS_CSV = Path(__file__).resolve().parent / "data" / "agreements.csv"
KINDS = ("fighting", "ceasefire", "agreement", "suspension", "implementation")


@dataclass(frozen=True)
class Agreement:
    id: str
    date: date
    time: str  # local time it took effect ("24:00", "12:00"), or ""
    by: bool  # the date is the day its source told it by ("reported by 4 September"), the day itself not given
    kind: str  # one of KINDS
    title: str
    place: str
    admin1: str | None
    amends: str | None  # the row it adds to, suspends or implements
    provisions: tuple[str, ...]
    source_url: str
    source_title: str
    party: str | None = None  # a suspension: the side (TH, KH) that suspends the one it `amends`


@cache
def agreements(path: Path = AGREEMENTS_CSV) -> tuple[Agreement, ...]:
    """Every row, in date order."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = [
        Agreement(
            id=r["id"],
            date=date.fromisoformat(r["date"]),
            time=r["time"],
            by=r.get("by", "") == "yes",
            kind=r["kind"],
            title=r["title"],
            place=r["place"],
            admin1=r["admin1"] or None,
            amends=r["amends"] or None,
            provisions=tuple(p.strip() for p in r["provisions"].split("|") if p.strip()),
            source_url=r["source_url"],
            source_title=r["source_title"],
            party=r.get("party") or None,
        )
        for r in rows
    ]
    return tuple(sorted(out, key=lambda a: a.date))


@dataclass(frozen=True)
class Provision:
    text: str
    instrument: Agreement  # the agreement that provides it
    done: Agreement | None  # the implementation row that reports it carried out, by the as-of date
    suspended: Agreement | None = None  # the suspension of its instrument, by the as-of date


@dataclass(frozen=True)
class CeasefireState:
    """What the agreements say at an as-of date."""

    as_of: date
    ceasefire: Agreement | None  # the ceasefire in force, or None
    instruments: tuple[Agreement, ...]  # the ceasefire and the agreements that amend it, in force
    suspended: tuple[Agreement, ...]  # instruments a party has suspended
    ended_by: Agreement | None  # when no ceasefire is in force: the fighting that ended the last one
    provisions: tuple[Provision, ...]  # those in force
    # the provisions of a suspended instrument, each with the suspension: no longer in force, still shown as such
    suspended_provisions: tuple[Provision, ...] = ()

    @property
    def days(self) -> int | None:
        """Days the ceasefire has been in force on the as-of date (its first day counts as day 0)."""
        return (self.as_of - self.ceasefire.date).days if self.ceasefire else None


def state_at(as_of: date, rows: tuple[Agreement, ...] | None = None) -> CeasefireState:
    """Walk the rows up to the as-of date: a ceasefire starts a new state, fighting ends it, agreements
    amend it, suspensions and implementations are recorded against what they refer to. A suspended instrument's
    provisions are no longer in force; they are kept apart with the suspension, so a reader sees what was
    suspended, by whom and when."""
    ceasefire, instruments, suspended, ended_by, done = None, [], [], None, {}
    suspensions: dict[str, Agreement] = {}
    for a in rows if rows is not None else agreements():
        if a.date > as_of:
            break
        if a.kind == "ceasefire":
            ceasefire, instruments, suspended, ended_by, done = a, [a], [], None, {}
        elif a.kind == "fighting":
            ceasefire, instruments, suspended, ended_by, done = None, [], [], a, {}
        elif a.kind == "agreement" and ceasefire and a.amends in {i.id for i in instruments}:
            instruments.append(a)
        elif a.kind == "suspension":
            suspended.extend(i for i in instruments if i.id == a.amends)
            suspensions.setdefault(a.amends, a)
        elif a.kind == "implementation":
            for text in a.provisions:
                done[(a.amends, text)] = a
    provisions = tuple(
        Provision(text, i, done.get((i.id, text))) for i in instruments if i not in suspended for text in i.provisions
    )
    off = tuple(
        Provision(text, i, done.get((i.id, text)), suspensions.get(i.id)) for i in suspended for text in i.provisions
    )
    return CeasefireState(as_of, ceasefire, tuple(instruments), tuple(suspended), ended_by, provisions, off)
