"""End-to-end extraction throughput and peak memory over synthetic reports.

    python -m benchmarks.extract_throughput [--reports 5000]

End to end: each report is normalised and given its id (ingest), then extracted; the merged JSON
document is built at the end, as `python -m dashboard extract` does. One process.
"""

from __future__ import annotations

import argparse
import resource
import time

from benchmarks.synthetic import synthetic_report
from dashboard.export import document, to_json
from dashboard.extract import extract
from dashboard.gazetteer import gazetteer
from dashboard.ingest import make_report


def run(n: int) -> dict:
    texts = [synthetic_report(i) for i in range(n)]
    t0 = time.perf_counter()
    gaz = gazetteer()
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    extractions = [
        extract(make_report(text, f"synthetic/{i}.txt", published=published), gaz)
        for i, (text, published) in enumerate(texts)
    ]
    extract_s = time.perf_counter() - t0
    doc = to_json(document(extractions))
    total_s = time.perf_counter() - t0
    return {
        "reports": n,
        "chars_per_report": sum(len(t) for t, _ in texts) // n,
        "gazetteer_load_s": round(load_s, 2),
        "extract_s": round(extract_s, 2),
        "reports_per_s": round(n / extract_s),
        "with_json_reports_per_s": round(n / total_s),
        "records": sum(len(e.places) + len(e.figures) + len(e.meetings) + len(e.incidents) for e in extractions),
        "json_mb": round(len(doc) / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--reports", type=int, default=5000)
    args = ap.parse_args()
    for k, v in run(args.reports).items():
        print(f"{k:>24}: {v}")


if __name__ == "__main__":
    main()
