"""Command line: `python -m dashboard extract [--format json|csv] PATH...`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.export import document, to_csv, to_json
from dashboard.extract import extract_all
from dashboard.ingest import read_reports


def cmd_extract(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not p.exists()]
    for p in missing:
        print(f"error: {p}: no such file or folder", file=sys.stderr)
    reports, rejected = read_reports([p for p in args.paths if p.exists()])
    for r in rejected:
        print(f"rejected: {r.path}: {r.reason}", file=sys.stderr)
    doc = document(extract_all(reports), rejected)
    sys.stdout.write(to_json(doc) + "\n" if args.format == "json" else to_csv(doc))
    return 1 if missing or (not reports and rejected) else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dashboard", description="Border Watch")
    sub = ap.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="print the places, figures, meetings and incidents of reports")
    ex.add_argument("--format", choices=("json", "csv"), default="json")
    ex.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="report files or folders")
    ex.set_defaults(func=cmd_extract)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
