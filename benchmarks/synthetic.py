"""A generator of realistic synthetic reports about the border conflict, written by the project.

Reports mix the sentences an extractor must read (figures, meetings, incidents, places) with the
background, quotes and analysis that make up most of a real news report. Seeded, so runs repeat.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

PROVINCES = [
    "Sa Kaeo",
    "Surin",
    "Sisaket",
    "Buriram",
    "Ubon Ratchathani",
    "Chanthaburi",
    "Trat",
    "Oddar Meanchey",
    "Banteay Meanchey",
    "Battambang",
    "Pailin",
    "Pursat",
    "Koh Kong",
    "Preah Vihear",
]
SITES = [
    "Ta Muen Thom temple",
    "Preah Vihear temple",
    "the Chong Chom checkpoint",
    "Aranyaprathet",
    "Poipet",
    "O'Smach",
    "Kantharalak",
    "Phanom Dong Rak",
    "Anlong Veng",
    "Ban Nong Chan",
    "Khlong Yai",
]
SOURCES = {
    "KH": [
        "Cambodia's Ministry of Interior",
        "Cambodian authorities",
        "Cambodia's Defence Ministry",
        "Cambodian officials",
    ],
    "TH": ["Thailand's army", "Thai officials", "the Thai Defence Ministry", "Thai health authorities"],
}
PEOPLE = {
    "killed": ["civilians have been killed", "soldiers were killed", "people have died", "civilian deaths"],
    "injured": ["people were injured", "civilians were wounded", "injuries"],
    "displaced": ["people displaced", "residents have fled their homes", "people were evacuated"],
}
QUALIFIERS = ["", "at least ", "more than ", "about ", "nearly ", "up to "]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
BODIES = ["General Border Committee", "Joint Boundary Commission", "Regional Border Committee"]
WEAPONS = ["artillery shells", "rockets", "drones carrying explosives", "airstrikes", "mortar rounds"]
FILLER = [
    "Analysts said the dispute over the frontier has deep historical roots dating back to colonial-era maps.",
    '"We want peace, but we will defend our sovereignty," a spokesperson told reporters.',
    "Schools in the area remained closed and markets were shuttered for a third day.",
    "Aid groups appealed for blankets, clean water and medicine for families staying in temporary camps.",
    "The ceasefire agreed earlier in the year had been welcomed by regional leaders.",
    "Both governments have called for restraint while accusing the other side of provocation.",
    "Diplomats from the region are watching closely as pressure grows for a lasting settlement.",
    "Local residents described hearing explosions through the night before dawn.",
    "Observers noted that nationalist sentiment has hardened on both sides of the border.",
    "The foreign ministry said it would brief ambassadors later in the day.",
]


def _figure(rng: random.Random) -> str:
    country = rng.choice(["KH", "TH"])
    metric = rng.choice(list(PEOPLE))
    value = rng.randint(1, 600) * 1000 if metric == "displaced" else rng.randint(1, 120)
    return (
        f"{rng.choice(SOURCES[country])} said {rng.choice(QUALIFIERS)}{value:,} "
        f"{rng.choice(PEOPLE[metric])} in {rng.choice(PROVINCES)} province."
    )


def _meeting(rng: random.Random, published: date) -> str:
    day = published + timedelta(days=rng.randint(1, 6))
    when = rng.choice([f"on {WEEKDAYS[day.weekday()]}", f"on {day.day} December", f"on December {day.day}"])
    return (
        f"Defence officials from both countries will meet {when} in {rng.choice(PROVINCES)} "
        f"under the framework of the {rng.choice(BODIES)}."
    )


def _incident(rng: random.Random) -> str:
    accuser, accused = rng.sample(["Thailand", "Cambodia"], 2)
    return (
        f"{accuser} accused {accused} of firing {rng.choice(WEAPONS)} near {rng.choice(SITES)}, "
        f"a claim {accused} denied."
    )


def synthetic_report(i: int, seed: int = 7) -> tuple[str, date]:
    """The text and published date of synthetic report number i."""
    rng = random.Random(seed * 100_003 + i)
    published = date(2025, 12, 8) + timedelta(days=rng.randint(0, 30))
    makers = [_figure, _figure, _incident, lambda r: _meeting(r, published)]
    sentences = [
        rng.choice(makers)(rng) if rng.random() < 0.35 else rng.choice(FILLER) for _ in range(rng.randint(14, 26))
    ]
    paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
    return "\n".join(paragraphs), published
