"""Reading other fact-checkers' published fact-checks: ClaimReview JSON-LD (one object, a list,
or an `@graph`, also inside an HTML page's <script type="application/ld+json">), the Google Fact
Check Tools JSON (`{"claims": [{"text", "claimReview": [...]}]}`), plain JSON lists of records,
and CSV. Pure: claims/archive.py stores what this returns.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass

from .ratings import DEFAULT_SCALE

SCALE_LABELS = [label for label, *_ in DEFAULT_SCALE]


class FormatError(ValueError):
    """The file is not one of the formats above; the message says what was expected."""


@dataclass
class Record:
    claim_reviewed: str
    publisher: str
    rating: str = ""
    verdict_label: str = ""
    title: str = ""
    url: str = ""
    reviewed_on: datetime.date | None = None
    language: str = ""
    claimant: str = ""


# --- Ratings ----------------------------------------------------------------------------------

# Publishers' own words for the steps of our scale (lower case, without punctuation).
_RATING_WORDS = {
    "False": [
        "false",
        "pants on fire",
        "fake",
        "incorrect",
        "wrong",
        "not true",
        "untrue",
        "hoax",
        "fabricated",
        "scam",
        "four pinocchios",
        "totally false",
        "fiction",
        "baseless",
        "debunked",
    ],
    "Mostly false": ["mostly false", "three pinocchios", "largely false", "mostly untrue", "exaggerated"],
    "Half true": [
        "half true",
        "half-true",
        "mixture",
        "mixed",
        "partly true",
        "partly false",
        "partially true",
        "partially false",
        "half truth",
        "two pinocchios",
        "some truth",
    ],
    "Mostly true": ["mostly true", "mostly correct", "largely true", "mostly accurate", "one pinocchio"],
    "True": ["true", "correct", "accurate", "geppetto checkmark", "confirmed", "verified"],
    "Misleading": [
        "misleading",
        "missing context",
        "out of context",
        "needs context",
        "distorts the facts",
        "miscaptioned",
        "misattributed",
        "satire",
        "altered",
        "manipulated",
    ],
    "Unverifiable": [
        "unverifiable",
        "unproven",
        "unverified",
        "unsupported",
        "no evidence",
        "unsubstantiated",
        "research in progress",
        "cannot be verified",
        "not enough evidence",
    ],
}
_RATING_LOOKUP = {words: label for label, phrases in _RATING_WORDS.items() for words in phrases}


def normalise_rating(text: str, value=None, best=None, worst=None) -> str:
    """The step of our scale a publisher's rating means, or "" when it does not map to one."""
    words = " ".join(re.sub(r"[^a-z ]+", " ", (text or "").lower()).split())
    if words in _RATING_LOOKUP:
        return _RATING_LOOKUP[words]
    for phrase, label in sorted(_RATING_LOOKUP.items(), key=lambda item: -len(item[0])):
        if len(phrase) > 4 and re.search(rf"\b{re.escape(phrase)}\b", words):
            return label
    try:
        value, best, worst = float(value), float(best), float(worst)
    except (TypeError, ValueError):
        return ""
    if best == worst or not min(best, worst) <= value <= max(best, worst):
        return ""
    # A numeric rating on the publisher's scale, placed on our five truth steps.
    share = (value - worst) / (best - worst)
    return SCALE_LABELS[min(4, int(share * 5))]


# --- Parsing ----------------------------------------------------------------------------------


def _date(value) -> datetime.date | None:
    if not value:
        return None
    text = str(value).strip()
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _name(value) -> str:
    if isinstance(value, dict):
        return str(value.get("name") or value.get("url") or "").strip()
    if isinstance(value, list):
        return ", ".join(filter(None, (_name(v) for v in value)))
    return str(value or "").strip()


def _is_claim_review(item) -> bool:
    kind = item.get("@type") if isinstance(item, dict) else None
    return kind == "ClaimReview" or (isinstance(kind, list) and "ClaimReview" in kind)


def from_claim_review(item: dict, publisher: str = "") -> Record:
    rating = item.get("reviewRating") or {}
    if isinstance(rating, list):
        rating = rating[0] if rating else {}
    reviewed = item.get("itemReviewed") or {}
    if isinstance(reviewed, list):
        reviewed = reviewed[0] if reviewed else {}
    text = _name(rating.get("alternateName")) or _name(rating.get("name"))
    return Record(
        claim_reviewed=" ".join(str(item.get("claimReviewed") or reviewed.get("name") or "").split()),
        publisher=_name(item.get("author")) or _name(item.get("publisher")) or publisher,
        rating=text,
        verdict_label=normalise_rating(
            text, rating.get("ratingValue"), rating.get("bestRating", 5), rating.get("worstRating", 1)
        ),
        title=_name(item.get("headline") or item.get("name")),
        url=str(item.get("url") or "").strip(),
        reviewed_on=_date(item.get("datePublished")),
        language=_name(item.get("inLanguage"))[:12],
        claimant=_name(reviewed.get("author")),
    )


def _from_tools_claim(claim: dict) -> list[Record]:
    """The Google Fact Check Tools shape: a claim with its reviews."""
    records = []
    for review in claim.get("claimReview") or []:
        text = str(review.get("textualRating") or "")
        records.append(
            Record(
                claim_reviewed=" ".join(str(claim.get("text") or "").split()),
                publisher=_name(review.get("publisher")),
                rating=text,
                verdict_label=normalise_rating(text),
                title=str(review.get("title") or ""),
                url=str(review.get("url") or ""),
                reviewed_on=_date(review.get("reviewDate")),
                language=str(review.get("languageCode") or "")[:12],
                claimant=str(claim.get("claimant") or ""),
            )
        )
    return records


_FIELDS = {
    "claim_reviewed": ["claim_reviewed", "claimreviewed", "claim", "vclaim", "text"],
    "publisher": ["publisher", "author", "organisation", "organization", "source"],
    "rating": ["rating", "textualrating", "verdict", "alternatename"],
    "title": ["title", "headline"],
    "url": ["url", "link"],
    "reviewed_on": ["date", "reviewed_on", "datepublished", "reviewdate", "published"],
    "language": ["language", "inlanguage", "languagecode", "lang"],
    "claimant": ["claimant", "claim_author", "said_by"],
}


def _from_row(row: dict, publisher: str = "") -> Record:
    lowered = {re.sub(r"[\s-]+", "_", str(k or "").strip().lower()): v for k, v in row.items()}

    def field(name):
        for key in _FIELDS[name]:
            value = lowered.get(key)
            if value not in (None, ""):
                return value if isinstance(value, (dict, list)) else str(value).strip()
        return ""

    rating = _name(field("rating"))
    return Record(
        claim_reviewed=" ".join(str(field("claim_reviewed")).split()),
        publisher=_name(field("publisher")) or publisher,
        rating=rating,
        verdict_label=normalise_rating(rating),
        title=_name(field("title")),
        url=str(field("url")),
        reviewed_on=_date(field("reviewed_on")),
        language=str(field("language"))[:12],
        claimant=_name(field("claimant")),
    )


def _from_json(data, publisher: str) -> list[Record]:
    if isinstance(data, dict):
        if "@graph" in data:
            return _from_json(data["@graph"], publisher)
        if isinstance(data.get("claims"), list):
            return [r for claim in data["claims"] for r in _from_tools_claim(claim)]
        if _is_claim_review(data):
            return [from_claim_review(data, publisher)]
        if "claimReview" in data:
            return _from_tools_claim(data)
        if any(key in data for key in ("claim_reviewed", "claimReviewed", "claim")):
            return [_from_row(data, publisher)]
        return []
    if isinstance(data, list):
        return [record for item in data for record in _from_json(item, publisher)]
    return []


_LD_JSON = re.compile(r"<script[^>]+type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S)


def parse(data: bytes, name: str = "", publisher: str = "") -> list[Record]:
    """Every fact-check in a file's bytes. `publisher` fills records that do not name theirs."""
    text = data.decode("utf-8-sig", errors="replace").strip()
    if not text:
        raise FormatError(f"{name or 'the file'} is empty")
    if text[0] in "[{":
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as error:
            raise FormatError(f"{name or 'the file'} is not valid JSON: {error}") from error
        records = _from_json(parsed, publisher)
        if not records:
            raise FormatError(
                f"{name or 'the file'} holds no ClaimReview, no Fact Check Tools claims and no records "
                "with a claim_reviewed field"
            )
        return records
    if text.lstrip().startswith("<"):
        records = []
        for block in _LD_JSON.findall(text):
            try:
                records += _from_json(json.loads(block), publisher)
            except json.JSONDecodeError:
                continue
        if not records:
            raise FormatError(f"{name or 'the page'} has no ClaimReview JSON-LD")
        return records
    reader = csv.DictReader(io.StringIO(text), dialect=_dialect(text))
    headers = {re.sub(r"[\s-]+", "_", (h or "").strip().lower()) for h in reader.fieldnames or []}
    if not headers & set(_FIELDS["claim_reviewed"]):
        raise FormatError(
            f"{name or 'the file'}: a CSV needs a claim_reviewed column (also read: publisher, rating, "
            "url, date, language, claimant, title)"
        )
    return [_from_row(row, publisher) for row in reader]


def _dialect(text: str):
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel
