"""End-to-end extraction throughput and peak memory, on two corpora:

- varied: synthetic reports of many places, figures, meetings and incidents (benchmarks/synthetic.py);
- same week: the five seeds, each with a line added, over and over — many outlets reporting the same talks,
  which is where a quadratic meeting merge shows.

    python -m benchmarks.extract_throughput [--reports 5000] [--corpus varied|same-week|both]

End to end: each report is normalised and given its id (ingest), then extracted; the merged JSON
document (meetings merged across reports) is built at the end, as `python -m dashboard extract` does.
Rates are given by the wall clock and by the process's CPU time (`*_per_cpu_s`): on a shared machine
the CPU rate is the fairer figure.
"""

from __future__ import annotations

import argparse
import resource
import time
from datetime import date

from benchmarks.synthetic import synthetic_report
from dashboard.export import document, to_json
from dashboard.extract import collector_paused, extract_all
from dashboard.gazetteer import gazetteer
from dashboard.read import make_report, read_reports
from dashboard.settings import SEEDS


def same_week(n: int) -> list[tuple[str, date | None]]:
    """The seeds, each with a line of its own added: n reports of the same few days and talks."""
    seeds, _ = read_reports([SEEDS])
    return [
        (
            seeds[i % len(seeds)].text + f"\nUpdate {i}: officials said the talks would go on.",
            seeds[i % len(seeds)].published,
        )
        for i in range(n)
    ]


def run(n: int, corpus: str) -> dict:
    texts = [synthetic_report(i) for i in range(n)] if corpus == "varied" else same_week(n)
    t0 = time.perf_counter()
    gaz = gazetteer()
    load_s = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    with collector_paused():  # as `python -m dashboard extract` does
        reports = [make_report(text, f"synthetic/{i}.txt", published=day) for i, (text, day) in enumerate(texts)]
        extractions = extract_all(reports, gaz)
        extract_s, extract_cpu_s = time.perf_counter() - t0, time.process_time() - c0
        doc = to_json(document(extractions))
        total_s, total_cpu_s = time.perf_counter() - t0, time.process_time() - c0
    return {
        "corpus": corpus,
        "reports": n,
        "chars_per_report": sum(len(t) for t, _ in texts) // n,
        "gazetteer_load_s": round(load_s, 2),
        "extract_s": round(extract_s, 2),
        "extract_cpu_s": round(extract_cpu_s, 2),
        "reports_per_s": round(n / extract_s),
        "reports_per_cpu_s": round(n / extract_cpu_s),
        "with_json_reports_per_s": round(n / total_s),
        "with_json_reports_per_cpu_s": round(n / total_cpu_s),
        "records": sum(len(e.places) + len(e.figures) + len(e.meetings) + len(e.incidents) for e in extractions),
        "json_mb": round(len(doc) / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=5000)
    ap.add_argument("--corpus", choices=("varied", "same-week", "both"), default="both")
    args = ap.parse_args()
    for corpus in ("varied", "same-week") if args.corpus == "both" else (args.corpus,):
        for k, v in run(args.reports, corpus).items():
            print(f"{k:>24}: {v}")
        print()


if __name__ == "__main__":
    main()
