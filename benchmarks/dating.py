"""How well a report's publication date is found when its metadata has none.

Over a folder of reports (`NAME.txt` + `NAME.json` sidecars), every report whose sidecar gives `published` is
read again with that date removed; the date found (dashboard.pubdate) is compared with the true one.

    python -m benchmarks.dating ../shared/eval/corpus/dev [--today YYYY-MM-DD] [--show]

Prints how many got a date within one day of the truth, how many were later than it by more than a week,
and how each was found. `--today` is the day the reports are taken to be read (default: today).
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date
from pathlib import Path

from dashboard import pubdate
from dashboard.read import read_report


def evaluate(folder: Path, today: date, show: bool = False) -> dict:
    rows = []
    for path in sorted(folder.glob("*.txt")):
        report = read_report(path)
        if report.published is None or report.dated_by != "metadata":
            continue
        found = pubdate.find(report.text, url=report.url, today=today)
        rows.append((path.stem, report.published, found))
    within = sum(1 for _, true, f in rows if f.day and abs((f.day - true).days) <= 1)
    late = sum(1 for _, true, f in rows if f.day and (f.day - true).days > 7)
    undated = sum(1 for *_, f in rows if f.day is None)
    how = Counter(f.how or "nothing" for *_, f in rows)
    if show:
        for name, true, f in rows:
            off = "" if f.day is None else f"{(f.day - true).days:+d} d"
            print(f"{name:28} true {true}  found {f.day} ({f.how})  {off}")
    return {"reports": len(rows), "within_1_day": within, "later_by_over_a_week": late, "none": undated, "how": how}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--show", action="store_true", help="one line per report")
    args = parser.parse_args()
    r = evaluate(args.folder, args.today, args.show)
    n = r["reports"] or 1
    print(f"reports with a known date: {r['reports']}")
    print(f"within one day of the truth: {r['within_1_day']} ({r['within_1_day'] / n:.0%})")
    print(f"later than the truth by more than a week: {r['later_by_over_a_week']}")
    print(f"no date found: {r['none']}")
    print("how found: " + ", ".join(f"{k} {v}" for k, v in r["how"].most_common()))


if __name__ == "__main__":
    main()
