"""Claims a report rates: what a report quotes or frames as a claim and then rates itself (false, misleading,
no evidence, "there has been no report of …") is no incident and no side's version of one.

A fact-check quotes a claim ("CLAIM: "Thai mortars killed a farmer in Thma Puok on January 11."", "Posts claiming
that Thai tanks entered Pursat …") and gives its verdict in the same sentence or the next ("VERDICT: FALSE.",
"This is false.", "There is no evidence …"). The claim is the claim's telling, not the report's: what the report
itself says happened is told in its own sentences, which stay incidents. A verdict said by a side ("Cambodia called
the claim false") is that side's denial, not the report's rating: the claim then stays the other side's accusation.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dashboard.extract.actors import speaker_side
from dashboard.extract.lexicon import word_pattern, words

_CUES = {kind: word_pattern(words("rating_cues", kind)) for kind in ("verdict", "absence", "frame")}
# A short label before what a line holds ("CLAIM:", "Our verdict:", "Rating:").
_LABEL = r"(?:[A-Z][\w' ]{0,25}:\s*)?"
# A sentence that is a quotation only (after a label): no speaker of it is told outside the quotes.
_QUOTED = re.compile(rf"^\W*?{_LABEL}[\"“‘'][^\"”’]+[\"”’']\W*$")
# A frame word ("posts claiming that …", "a video purporting to show …") before what the claim tells.
_FRAME = re.compile(rf"\b(?:{_CUES['frame']})\b", re.I)
# The report's verdict: opening its sentence (after a label: "VERDICT: FALSE."), or the predicate of a copula
# ("The claim is false", "were found to be baseless", "rated misleading").
_VERDICT = re.compile(
    rf"^\W*{_LABEL}(?:(?:this|that|it)\s+(?:is|was)\s+)?(?:{_CUES['verdict']})\b"
    rf"|\b(?:is|are|was|were|be|been|proved|proven|rated|rates|rate)\s+(?:\w+\s+){{0,2}}?(?:{_CUES['verdict']})\b",
    re.I,
)
# No one tells what the claim tells ("There has been no report from either government of …").
_ABSENCE = re.compile(rf"\b(?:{_CUES['absence']})\b", re.I)
# Harm: "no reports of casualties" says nothing of whether the attack happened.
_HARM_ABSENT = re.compile(r"\b(?:casualt\w*|injur\w*|wounded|killed|dead|deaths?|damage)\b", re.I)
RATING_REACH = 2  # sentences after a claim in which its verdict may be told


@lru_cache(maxsize=4096)
def _claim(text: str) -> bool:
    """Whether a sentence tells a claim to be rated: a quotation alone, or a claim framed by no side's speaker."""
    return bool(_QUOTED.match(text)) or (_FRAME.search(text) is not None and speaker_side(text) is None)


@lru_cache(maxsize=4096)
def _rating(text: str) -> bool:
    """Whether a sentence is the report's own verdict on a claim: a verdict or an absence of any report, said by
    no side."""
    if speaker_side(text) is not None:
        return False
    if _VERDICT.search(text):
        return True
    return _ABSENCE.search(text) is not None and not _HARM_ABSENT.search(text)


def rated_claims(sentences: list, starts: set[int]) -> frozenset[int]:
    """The starts, among `starts` (sentences that tell something), of the sentences that tell a claim the report
    rates: the verdict told in the claim's own sentence (after what it frames) or in one of the RATING_REACH
    sentences after it, before another claim."""
    out = set()
    for n, s in enumerate(sentences):
        if s.start not in starts or not _claim(s.text):
            continue
        frame = _FRAME.search(s.text)
        if frame and not _QUOTED.match(s.text) and _rating(s.text[frame.end() :]):
            out.add(s.start)
            continue
        for after in sentences[n + 1 : n + 1 + RATING_REACH]:
            if _rating(after.text):
                out.add(s.start)
                break
            if _claim(after.text):
                break
    return frozenset(out)


def unrated(records: list, sentences: list) -> list:
    """The records (incidents, statements) not told by a claim the report rates (rated_claims): what such a claim
    tells is neither an event nor a side's word on a provision."""
    if not records:
        return records
    rated = rated_claims(sentences, {r.evidence.start for r in records})
    return [r for r in records if r.evidence.start not in rated] if rated else records
