"""A realistic months-long corpus, generated: the fixture the tests, the benchmarks and a demo store share.

`write_corpus(folder)` writes NAME.txt + NAME.json reports from July 2025 to February 2026 as a stream of
news would bring them: dozens of outlets, tolls that grow and disagree across sources, the July clashes
and the December fighting, the ceasefires and alleged violations after them, meetings announced in
relative terms ("on Wednesday", "24 December"), and every metadata combination — sidecar or none, url,
outlet, title and published present or missing, hostile links and titles, unicode, reports with nothing
to extract — and every way a report without a published date can still be dated: a dateline, a stamp
line, a dated URL, only the dates of the events it tells, or nothing at all; retrospectives, memorials
and photo captions of earlier damage, which tell no new event. `random.Random(seed)` makes the same
corpus on every run.

    python -m dashboard.fixtures OUT_DIR [--reports N] [--seed S]

Size: one generator: its calendar of phases, sentence templates and metadata rules tell one story and are
changed together (a new kind of report touches all three).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

START, END = date(2025, 7, 20), date(2026, 2, 15)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

OUTLETS = [
    f"{a} {b}"
    for a in ("Mekong", "Border", "Isan", "Gulf", "Dangrek", "Angkor")
    for b in ("Wire", "Daily", "Times", "Post", "Monitor")
]
HOSTILE_URLS = (
    'https://example.org/a"title") ![img](https://tracker.example/t.png',
    "https://example.org/a) [click-me](javascript:alert(1))",
    "javascript:alert(document.cookie)",
    "not a url at all",
    "https://example.org/path with spaces/(parens)?q=<b>&x=1#frag",
)
HOSTILE_TITLES = (
    "<script>alert(1)</script> Border **news**",
    "[link](javascript:alert(1)) Ceasefire | talks",
    "Ceasefire talks — ข่าวชายแดน · Préah Vihéar",
)

# Provinces and places along the line, by country, with what the gazetteer knows them as.
PLACES = {
    "TH": [
        ("Si Sa Ket", "Kantharalak district"),
        ("Surin", "Ta Muen Thom temple"),
        ("Buri Ram", "Ban Kruat"),
        ("Sa Kaeo", "Ban Nong Chan"),
        ("Chanthaburi", "Pong Nam Ron"),
        ("Trat", "Ban Hat Lek"),
        ("Ubon Ratchathani", "Nam Yuen district"),
    ],
    "KH": [
        ("Oddar Meanchey", "Anlong Veng"),
        ("Preah Vihear", "the Preah Vihear temple"),
        ("Banteay Meanchey", "Thma Puok"),
        ("Battambang", "Kamrieng"),
        ("Pailin", "Pailin town"),
        ("Pursat", "Veal Veng"),
        ("Koh Kong", "Thma Da"),
    ],
}
ADJ = {"TH": "Thai", "KH": "Cambodian"}
NAME = {"TH": "Thailand", "KH": "Cambodia"}
OTHER = {"TH": "KH", "KH": "TH"}
SOURCES = {
    "TH": ("Thailand's Defence Ministry", "the Royal Thai Army", "Thai health officials"),
    "KH": ("Cambodia's Ministry of National Defence", "the Cambodian Ministry of Interior", "Cambodian officials"),
}
WEAPONS = (
    "fired rockets into",
    "shelled",
    "launched drone attacks on",
    "carried out air strikes on",
    "opened fire on villages in",
)
# What reports under a ceasefire say of its provisions: done, in progress, disputed.
PROVISION_NEWS = (
    "The army said it had completed the withdrawal of heavy weapons from the frontier.",
    "Cambodia accused Thailand of failing to withdraw heavy weapons from the border area.",
    "Engineers from both countries continued demining work near the disputed temples.",
    "ASEAN observers arrived at the border to watch over the truce.",
)
BACKGROUND = (
    "Markets in the provincial capital reopened and traffic returned to normal.",
    "Farmers said the rice harvest would be late this year because of the rains.",
    "Tourism operators reported fewer visitors over the holiday period.",
    "The festival drew large crowds despite the heat, organisers said.",
    "Fuel prices rose slightly across the region this week.",
)


@dataclass(frozen=True)
class Phase:
    """A stretch of the conflict: what reports of its days talk about."""

    start: date
    end: date
    kind: str  # fighting | ceasefire | tension
    onset: date | None  # when this phase's fighting began, as reports state it
    reports_per_day: float


PHASES = (
    Phase(date(2025, 7, 20), date(2025, 7, 23), "tension", None, 0.5),
    Phase(date(2025, 7, 24), date(2025, 7, 28), "fighting", date(2025, 7, 24), 6),
    Phase(date(2025, 7, 29), date(2025, 11, 9), "ceasefire", date(2025, 7, 24), 0.7),
    Phase(date(2025, 11, 10), date(2025, 12, 6), "tension", None, 0.8),
    Phase(date(2025, 12, 7), date(2025, 12, 27), "fighting", date(2025, 12, 8), 6),
    Phase(date(2025, 12, 28), date(2026, 2, 15), "ceasefire", date(2025, 12, 8), 1.2),
)
AGREEMENTS = (
    (date(2025, 7, 28), "Putrajaya", "the leaders of both countries agreed to an immediate ceasefire"),
    (date(2025, 8, 7), "Kuala Lumpur", "the General Border Committee agreed to deploy interim observer teams"),
    (date(2025, 10, 26), "Kuala Lumpur", "the two prime ministers signed a peace declaration"),
    (date(2025, 12, 27), "Chanthaburi", "defence ministers signed a joint statement on a ceasefire from noon"),
)
# Alleged violations of a ceasefire that several outlets report: (day, side hit, province, place, what was done,
# the same said as an accusation).
# The first dated reports of the day and the six after it tell each one, in the words of the side hit; the other side
# denies it in some of them.
VIOLATIONS = (
    (date(2025, 8, 3), "TH", "Surin", "Ta Muen Thom temple", "fired mortar rounds at", "firing mortar rounds at"),
    (date(2025, 12, 30), "TH", "Sa Kaeo", "Ban Nong Chan", "fired mortar rounds at", "firing mortar rounds at"),
    (date(2026, 1, 9), "KH", "Banteay Meanchey", "Thma Puok", "shelled", "shelling"),
    (
        date(2026, 1, 21),
        "KH",
        "Oddar Meanchey",
        "Anlong Veng",
        "launched drone attacks on",
        "launching drone attacks on",
    ),
)
TELLINGS = 3  # reports that tell each of them
MEETINGS = (  # (date, venue, body) talks that reports announce beforehand and confirm afterwards
    (date(2025, 7, 28), "Putrajaya", "special meeting"),
    (date(2025, 8, 7), "Kuala Lumpur", "General Border Committee"),
    (date(2025, 9, 10), "Koh Kong", "Regional Border Committee"),
    (date(2025, 10, 26), "Kuala Lumpur", "ASEAN Summit"),
    (date(2025, 12, 22), "Kuala Lumpur", "special ASEAN foreign ministers' meeting"),
    (date(2025, 12, 24), "Chanthaburi", "General Border Committee"),
    (date(2026, 1, 14), "Sa Kaeo", "Regional Border Committee"),
    (date(2026, 2, 20), "Siem Reap", "Joint Boundary Commission"),
)


def phase_at(day: date) -> Phase:
    return next(p for p in PHASES if p.start <= day <= p.end)


def _toll(day: date, side: str, metric: str, rng: random.Random) -> int:
    """A running toll that grows through each fighting phase, then stays, with sources a little apart."""
    base = {"killed": 3.0, "injured": 11.0, "displaced": 21_000.0}[metric] * (1.3 if side == "KH" else 1.0)
    july = min(max((day - date(2025, 7, 24)).days + 1, 0), 5)
    december = min(max((day - date(2025, 12, 8)).days + 1, 0), 20)
    days = december if day >= date(2025, 12, 7) else july
    value = base * days * rng.uniform(0.85, 1.15)
    return int(round(value, -3 if metric == "displaced" else 0)) or 1


def _when(event: date, published: date) -> str:
    """How a report published on one day refers to another: a weekday within the week, else the date."""
    delta = (event - published).days
    if 0 < delta <= 6:
        return f"on {WEEKDAYS[event.weekday()]}"
    if -6 <= delta < 0:
        return f"on {WEEKDAYS[event.weekday()]}"
    if delta == 0:
        return "today"
    return f"on {event.day} {event:%B}"


def _fighting_sentences(day: date, phase: Phase, rng: random.Random) -> list[str]:
    side = rng.choice(("TH", "KH"))
    province, place = rng.choice(PLACES[side])
    incident_day = day - timedelta(days=rng.choice((0, 1, 1, 2)))
    source = rng.choice(SOURCES[side])
    killed, injured = _toll(day, side, "killed", rng), _toll(day, side, "injured", rng)
    displaced = _toll(day, side, "displaced", rng)
    civilians = rng.choice(("civilians", "soldiers", "people"))
    onset = phase.onset or day
    out = [
        f"{ADJ[OTHER[side]]} troops {rng.choice(WEAPONS)} {place} in {province} province "
        f"{_when(incident_day, day)}, {source} said.",
        f"{source[0].upper()}{source[1:]} said {killed} {ADJ[side]} {civilians} had been killed and at least "
        f"{injured} injured since the fighting began on {onset.day} {onset:%B}.",
        f"More than {displaced:,} {ADJ[side]} villagers have fled their homes, according to "
        f"{rng.choice(SOURCES[side])}.",
    ]
    if rng.random() < 0.5:
        out.append(f"{NAME[OTHER[side]]} denied the accusation and said its forces had only returned fire.")
    if rng.random() < 0.3:
        out.append(f"Evacuees were moved to temporary shelters in {province} province.")
    return out


def _ceasefire_sentences(day: date, phase: Phase, rng: random.Random) -> list[str]:
    out = []
    if rng.random() < 0.35:  # an alleged violation
        accuser = rng.choice(("TH", "KH"))
        province, place = rng.choice(PLACES[accuser])
        incident_day = day - timedelta(days=rng.choice((0, 1)))
        out.append(
            f"{NAME[accuser]} accused {ADJ[OTHER[accuser]]} troops of firing mortar rounds at {place} in "
            f"{province} province {_when(incident_day, day)}, in violation of the ceasefire."
        )
        if rng.random() < 0.6:
            out.append(f"{NAME[OTHER[accuser]]} rejected the claim as baseless.")
    if rng.random() < 0.4:
        side = rng.choice(("TH", "KH"))
        returned = _toll(day, side, "displaced", rng) // 2 or 1000
        province = PLACES[side][day.toordinal() % len(PLACES[side])][0]
        out.append(
            f"About {returned:,} {ADJ[side]} evacuees have returned home in {province} province, officials said."
        )
    if rng.random() < 0.3:
        side = rng.choice(("TH", "KH"))
        out.append(
            f"{rng.choice(SOURCES[side])} said {_toll(day, side, 'killed', rng)} {ADJ[side]} people had been "
            f"killed in the fighting since {phase.onset:%-d %B}."
            if phase.onset
            else ""
        )
    out.append(PROVISION_NEWS[day.toordinal() % len(PROVISION_NEWS)])
    out.append(
        rng.choice(
            (
                "The ceasefire appeared to be holding along most of the border.",
                "Observers from ASEAN continued to monitor the frontier.",
                "Both armies said they were clearing landmines near the line.",
            )
        )
    )
    return [s for s in out if s]


def violation_sentences(violation: tuple, day: date, telling: int) -> list[str]:
    """How the `telling`-th report of a scripted violation tells it, published on `day`."""
    when, side, province, place, what, accusation = violation
    source = SOURCES[side][telling % len(SOURCES[side])]
    words = (
        f"{ADJ[OTHER[side]]} troops {what} {place} in {province} province {_when(when, day)}, breaking the "
        f"ceasefire, {source} said.",
        f"{source[0].upper()}{source[1:]} said {ADJ[OTHER[side]]} forces {what} {place} in {province} province "
        f"{_when(when, day)} in violation of the truce.",
        f"{NAME[side]} accused {NAME[OTHER[side]]} of {accusation} {place} in {province} province "
        f"{_when(when, day)}, days into the ceasefire.",
    )[telling % 3]
    denial = f"{NAME[OTHER[side]]} denied that its troops had fired at {place}."
    return [words, denial] if telling % 2 == 0 else [words]


def _tension_sentences(day: date, rng: random.Random) -> list[str]:
    out = [
        "Thailand suspended the implementation of the peace declaration after soldiers were wounded by a landmine."
        if day >= date(2025, 11, 10)
        else "Tensions rose along the border after a soldier was wounded by a landmine."
    ]
    if rng.random() < 0.5:
        out.append("Both sides reinforced their positions along the frontier.")
    return out


def _meeting_sentences(day: date, rng: random.Random) -> list[str]:
    out = []
    for when, venue, body in MEETINGS:
        delta = (when - day).days
        if 0 < delta <= 8 and rng.random() < 0.6:
            out.append(f"Officials from both countries will meet {_when(when, day)} in {venue} under the {body}.")
        elif -3 <= delta <= 0 and rng.random() < 0.6:
            out.append(f"Thai and Cambodian officials met in {venue} {_when(when, day)} for the {body} talks.")
    for when, venue, what in AGREEMENTS:
        if 0 <= (day - when).days <= 2 and rng.random() < 0.7:
            out.append(f"In {venue} {_when(when, day)}, {what}.")
    return out


def _text(day: date, rng: random.Random, told: list[str] = ()) -> str:
    phase = phase_at(day)
    if rng.random() < 0.06 and not told:  # nothing to extract
        return "\n".join(rng.sample(BACKGROUND, 2))
    body = {
        "fighting": lambda: _fighting_sentences(day, phase, rng),
        "ceasefire": lambda: _ceasefire_sentences(day, phase, rng),
        "tension": lambda: _tension_sentences(day, rng),
    }[phase.kind]()
    body = [*told, *body, *_meeting_sentences(day, rng)]
    if phase.kind == "fighting" and rng.random() < 0.4:
        body.append(f"The fighting, which erupted on {phase.onset:%-d %B}, has spread along the border.")
    if rng.random() < 0.15:
        body.append(
            "Residents of Si Sa Ket (ศรีสะเกษ) said the sirens sounded again at dawn. Café owners — "
            "and “everyone else” — stayed indoors."
        )
    if rng.random() < 0.1:
        body.append("Read more at www.example.com or write to desk@example.com.")
    body.append(rng.choice(BACKGROUND))
    return "\n\n".join(body)


def _metadata(i: int, day: date, rng: random.Random) -> dict | None:
    """Every combination shows up: no sidecar, fields missing or null, hostile values, unicode."""
    if rng.random() < 0.08:
        return None
    outlet = rng.choice(OUTLETS)
    host = outlet.lower().replace(" ", "") + ".example"
    meta: dict = {"id": f"gen{i:04d}"}
    if rng.random() < 0.85:
        meta["published"] = day.isoformat()
    if rng.random() < 0.8:
        meta["outlet"] = outlet if rng.random() < 0.85 else None
    r = rng.random()
    meta["url"] = (
        f"https://{host}/{day:%Y/%m/%d}/report-{i}" if r < 0.7 else rng.choice(HOSTILE_URLS) if r < 0.78 else None
    )
    t = rng.random()
    meta["title"] = (
        f"Border report {i}: {phase_at(day).kind} on {day:%-d %b}"
        if t < 0.75
        else rng.choice(HOSTILE_TITLES)
        if t < 0.85
        else None
    )
    return {k: v for k, v in meta.items() if v is not None or rng.random() < 0.5}


def days(reports: int, rng: random.Random) -> list[date]:
    """Publication days for the stream: as many as the phases' rates give, scaled to `reports`."""
    weights = [phase_at(START + timedelta(d)).reports_per_day for d in range((END - START).days + 1)]
    picks = rng.choices(range(len(weights)), weights=weights, k=reports)
    return sorted(START + timedelta(d) for d in picks)


AGENCIES = ("Wire", "Agency", "Border News Service")


def _dated_top(day: date, rng: random.Random) -> str:
    """How the top of a report without a published date may still say its day: a dateline, a stamp line,
    or nothing (then only a dated URL or the events it tells can date it)."""
    r = rng.random()
    if r < 0.3:
        return f"{rng.choice(('BANGKOK', 'PHNOM PENH', 'Surin'))}, {day:%b} {day.day} ({rng.choice(AGENCIES)}) - "
    if r < 0.5:
        return f"Published: {day:%-d %b %Y}\n"
    return ""


def _looking_back(day: date, rng: random.Random) -> list[str]:
    """Sentences that retell earlier attacks (a memorial, a caption of earlier damage, a period): no new event."""
    if day < date(2025, 9, 1) or rng.random() > 0.25:
        return []
    month = "December" if day >= date(2026, 1, 1) and rng.random() < 0.5 else "July"  # never the report's own
    return [
        rng.choice(
            (
                f"Villagers held a memorial for those killed by rocket fire in Kantharalak district in {month}.",
                f"Photo: houses in Surin province damaged by Cambodian shelling in {month}.",
                "Artillery has struck villages in Sa Kaeo province repeatedly in recent years, residents said.",
            )
        )
    ]


def generate(
    reports: int = 400, seed: int = 42, with_days: bool = False
) -> Iterator[tuple[str, str, dict | None] | tuple[str, str, dict | None, date]]:
    """(name, text, sidecar or None) for each report of the stream, in publication order (and its true day,
    with `with_days`)."""
    rng = random.Random(seed)
    tellings = dict.fromkeys(VIOLATIONS, 0)
    for i, day in enumerate(days(reports, rng)):
        meta = _metadata(i, day, rng)
        told = []
        for v, n in tellings.items():  # told by reports with a publication date: their "today" is known
            if n < TELLINGS and 0 <= (day - v[0]).days <= 6 and meta and "published" in meta:
                told += violation_sentences(v, day, n)
                tellings[v] = n + 1
        dating = random.Random(f"{seed}-{i}")  # its own stream: the main one (and so the corpus) stays as it was
        top = "" if meta and "published" in meta else _dated_top(day, dating)
        back = "".join(f"\n\n{s}" for s in _looking_back(day, dating))
        text = top + _text(day, rng, told) + back + f"\n\n(Report {i}.)"
        yield (f"gen{i:04d}", text, meta, day) if with_days else (f"gen{i:04d}", text, meta)


def write_corpus(folder: Path, reports: int = 400, seed: int = 42) -> list[Path]:
    """Write the corpus into `folder`; returns the report files written."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text, meta in generate(reports, seed):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        if meta is not None:
            path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
        out.append(path)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dashboard.fixtures", description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to write the reports into")
    ap.add_argument("--reports", type=int, default=400)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args(argv)
    files = write_corpus(args.out, args.reports, args.seed)
    print(f"{len(files)} reports written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
