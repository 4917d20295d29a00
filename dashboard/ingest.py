"""Reading reports: text files with an optional JSON sidecar, normalised, with a stable id.

Bad input never stops a batch: each file that cannot be read is returned as a `Rejected` with the
reason, and the other files are still read.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from datetime import date
from pathlib import Path

from charset_normalizer import from_bytes

from dashboard.records import Rejected, Report

REPORT_SUFFIXES = (".txt", ".md")
MAX_BYTES = 2_000_000  # a news report is a few kB; anything this large is not one
SIDECAR_FIELDS = ("id", "url", "outlet", "title", "published")

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u2013": "-",
        "\u2014": " - ",
        "\u2212": "-",
        "\u2026": "...",
        "\u200b": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)


class ReportError(ValueError):
    """Input that cannot be read as a report; the message says why."""


def normalise(text: str) -> tuple[str, int]:
    """Normalised text (typography, whitespace) without repeated paragraphs, and how many were dropped."""
    text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept, seen = [], set()
    for line in text.split("\n"):
        para = re.sub(r"[ \t\f\v]+", " ", line).strip()
        if not para:
            continue
        key = para.casefold()
        if key in seen:
            continue
        seen.add(key)
        kept.append(para)
    return "\n".join(kept), sum(1 for line in text.split("\n") if line.strip()) - len(kept)


def report_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def decode(data: bytes) -> str:
    """Text of a file: UTF-8, or the encoding charset-normalizer detects; binary is refused."""
    if not data.strip():
        raise ReportError("empty file")
    if len(data) > MAX_BYTES:
        raise ReportError(f"too large: {len(data):,} bytes (limit {MAX_BYTES:,})")
    if b"\x00" in data:
        raise ReportError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ReportError("not UTF-8 and no text encoding could be detected") from None
        return str(best)


def parse_sidecar(raw: str) -> dict:
    """Metadata from a sidecar's JSON text: id, url, outlet, title (blank: None), published (YYYY-MM-DD or null)."""
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ReportError(f"malformed sidecar: {exc.msg} at line {exc.lineno}") from None
    if not isinstance(meta, dict):
        raise ReportError("malformed sidecar: expected a JSON object")
    out = {k: meta.get(k) for k in SIDECAR_FIELDS}
    if isinstance(out["id"], int):
        out["id"] = str(out["id"])
    for k in ("id", "url", "outlet", "title"):
        if out[k] is not None and not isinstance(out[k], str):
            raise ReportError(f"malformed sidecar: {k} must be a string")
        if isinstance(out[k], str):
            out[k] = out[k].strip() or None
    if out["published"] is not None:
        try:
            out["published"] = date.fromisoformat(str(out["published"]))
        except ValueError:
            raise ReportError(f"malformed sidecar: published {out['published']!r} is not YYYY-MM-DD") from None
    return out


def make_report(text: str, path: str = "", **meta) -> Report:
    """A report from raw text and its metadata (url, outlet, title, published)."""
    normalised, dropped = normalise(text)
    if not normalised:
        raise ReportError("no text after normalisation")
    return Report(id=report_id(normalised), path=path, text=normalised, dropped_paragraphs=dropped, **meta)


def read_report(path: Path) -> Report:
    text = decode(path.read_bytes())
    sidecar = path.with_suffix(".json")
    meta = parse_sidecar(decode(sidecar.read_bytes())) if sidecar.exists() else {}
    name = meta.pop("id", None) or path.stem
    return make_report(text, str(path), name=name, **meta)


def report_files(paths: list[Path], suffixes: tuple[str, ...] = REPORT_SUFFIXES) -> list[Path]:
    """The files named, folders expanded to their files with one of the suffixes (sorted)."""
    files = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.iterdir() if f.is_file() and f.suffix.lower() in suffixes))
        else:
            files.append(p)
    return files


def read_reports(paths: list[Path]) -> tuple[list[Report], list[Rejected]]:
    """Every readable report under the paths, and every file rejected with its reason."""
    reports, rejected = [], []
    for f in report_files(paths):
        try:
            reports.append(read_report(f))
        except ReportError as exc:
            rejected.append(Rejected(str(f), str(exc)))
        except OSError as exc:
            rejected.append(Rejected(str(f), f"cannot read: {exc.strerror or exc}"))
    return reports, rejected
