"""From raw bytes to the clean article text that is stored and that claim offsets point into.

Scraped articles arrive with site furniture: navigation, tracking junk, language
switchers, a translated headline, share counters, comment prompts. HTML goes through
trafilatura; plain text (and trafilatura's output) goes through a line filter that
knows the furniture news sites add. Nothing here touches the database.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

import charset_normalizer

HEADER_KEYS = ("outlet", "url", "date", "headline", "language")


class CleaningError(ValueError):
    """The input cannot become an article; the message is for the user."""


@dataclass
class CleanedArticle:
    body: str
    headline: str = ""
    byline: str = ""
    published: str = ""
    language: str = ""
    url: str = ""
    outlet: str = ""


# --- Bytes to text -----------------------------------------------------------


def decode_bytes(data: bytes) -> str:
    """UTF-8 first, then the encoding charset-normalizer detects; refuse binary data."""
    if not data or not data.strip():
        raise CleaningError("the file is empty")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CleaningError("the file is binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None or best.encoding is None:
        raise CleaningError("the file's text encoding is not UTF-8 and could not be detected")
    # Short texts fit several code pages equally well; news in Latin script is
    # most often Windows-1252, so it wins a near tie.
    western = next((m for m in matches if m.encoding in {"cp1252", "latin_1", "iso8859_15"}), None)
    if western is not None and western.chaos <= best.chaos + 0.02:
        best = western
    text = str(best)
    if _looks_binary(text):
        raise CleaningError("the file is binary data, not text")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    controls = sum(
        1 for ch in sample if unicodedata.category(ch) in {"Cc", "Co", "Cn"} and ch not in "\n\r\t\f"
    )
    return controls > max(2, len(sample) // 100)


# --- Header block ------------------------------------------------------------

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z -]{0,30}):\s*(.*?)\s*$")


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split an optional `Key: value` block ended by a line `---` from the text."""
    lines = text.lstrip("\ufeff").split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped == "---" and header:
            return header, "\n".join(lines[index + 1 :])
        match = _HEADER_LINE.match(stripped)
        if not stripped and not header:
            continue
        if not match:
            break
        key = match.group(1).strip().lower()
        if key == "published":
            key = "date"
        if key not in HEADER_KEYS:
            break
        header[key] = match.group(2)
    return {}, text


# --- Furniture ---------------------------------------------------------------

# Lines that are site furniture wherever they appear (compared lowercased, without brackets).
_FURNITURE = {
    "fbpx",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "jump to content",
    "menu",
    "search",
    "home",
    "share",
    "share this",
    "share this:",
    "share this article",
    "total",
    "tweet",
    "email",
    "print",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "reddit",
    "pinterest",
    "telegram",
    "copy link",
    "like this:",
    "like",
    "loading...",
    "advertisement",
    "advertisements",
    "sponsored",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "login",
    "register",
    "newsletter",
    "follow us",
    "read more",
    "continue reading",
    "related",
    "related posts",
    "related articles",
    "related stories",
    "more stories",
    "you may also like",
    "recommended",
    "trending",
    "comments",
    "comment",
    "cancel reply",
    "previous article",
    "next article",
    "back to top",
    "top",
    "tags",
    "leer en español",
    "leer en espanol",
    "read in english",
    "read in spanish",
    "en español",
    "english",
    "español",
}

# Lines after which nothing is article text any more.
_END_MARKERS = re.compile(
    r"^(leave a (reply|comment)|post a comment|\d+ comments?|comments are closed|related (posts|articles|stories)"
    r"|you may also like|more from|share this( article)?:?|like this:)$",
    re.I,
)

_FURNITURE_PATTERNS = [
    re.compile(p, re.I)
    for p in (
        r"^[\d\s.,%+kKmM]*$",  # share counters, bare numbers
        r"^(total|shares?|views?|comments?|likes?)\s*:?\s*[\d.,]+\s*[kKmM]?$",  # "Total 0", "Shares 12"
        r"^[\W_]+$",  # punctuation and separators
        r"^(photo|image|credit|source|file photo)\s*:",  # captions credits
        r"^(copyright|©|\(c\))",
        r"^all rights reserved",
        r"^(we|this (site|website)) uses? cookies",
        r"^(posted|published|updated|last updated)( on| at)?\s*:?\s*\w",
        r"^(by|por)\s+[A-Z][\w.'-]+(\s+[A-Z][\w.'-]+){0,3}$",  # bylines, kept separately
        r"^(click|tap) here",
        r"^(follow|like) us on",
        r"^(leer|lire|lesen|ler) (en|in|em)\b",
    )
]

_BYLINE = re.compile(r"^(?:by|por)\s+([A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})$", re.I)


def is_furniture(line: str) -> bool:
    stripped = line.strip()
    bare = stripped.strip("[]()<>|•·–—-* ").lower()
    if bare in _FURNITURE:
        return True
    if len(stripped) > 160:
        return False
    return any(pattern.search(stripped) for pattern in _FURNITURE_PATTERNS)


def _is_prose(line: str) -> bool:
    """A sentence of article text rather than a headline or a label."""
    words = line.split()
    if len(words) >= 25 and _SENTENCE_INSIDE.search(line) or len(words) >= 20:
        # A paragraph cut off mid-sentence ("despite the influx of aid,"), or a long standfirst with no
        # full stop, is still prose: headlines are shorter.
        return True
    return len(words) >= 8 and line.rstrip()[-1:] in '.!?"”’)…:'


_SENTENCE_INSIDE = re.compile(r"\w[.!?][\"”’)]?\s+[A-Z]")


# --- Plain text --------------------------------------------------------------


_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str, *, language: str = "", headline: str = "") -> CleanedArticle:
    """Remove site furniture from plain article text; find the headline and byline."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL_CHARS.sub("", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    lines = [" ".join(line.split()) for line in text.split("\n")]

    byline = ""
    blocks: list[list[str]] = [[]]  # blank-line separated blocks of kept lines
    seen_text = False
    for line in lines:
        if not line:
            if blocks[-1]:
                blocks.append([])
            continue
        if _END_MARKERS.match(line.strip("[]() ")):
            if seen_text:
                break
            continue  # a comment box or share bar before any article text is furniture too
        match = _BYLINE.match(line)
        if match and not byline:
            byline = match.group(1)
            continue
        if is_furniture(line):
            continue
        blocks[-1].append(line)
        seen_text = seen_text or _is_prose(line)

    kept: list[str] = []  # lines of text, "" for a paragraph break
    preamble: list[str] = []  # headline-like lines before the first sentence of the article
    for block in filter(None, blocks):
        if not kept and not _is_prose(" ".join(block)):
            preamble.extend(block)
            continue
        kept.extend([*block, ""])

    headline = " ".join(headline.split())
    if not headline and preamble:
        headline = preamble[0]
    # The other preamble lines (a translated headline, a label) are not article text.
    body = _join_paragraphs(kept, drop=headline)
    if not body and preamble:
        # A short text with no full sentence at all: keep what there is.
        body = _join_paragraphs([line for line in preamble if line != headline] or preamble, drop="")
    if not body.strip():
        raise CleaningError("no article text was found (only site boilerplate or nothing at all)")
    language = (language or detect_language(body)).lower()
    return CleanedArticle(body=body, headline=headline[:500], byline=byline, language=language)


def _join_paragraphs(lines: list[str], *, drop: str) -> str:
    """Blank lines separate paragraphs; wrapped lines of one paragraph are joined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line and line == drop:
            continue
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        if current and (_ends_sentence(current[-1]) and len(current[-1]) < 60):
            # A short complete line: its own paragraph (a list item, a dateline).
            paragraphs.append(" ".join(current))
            current = []
        current.append(line)
    return "\n\n".join(paragraphs)


def _ends_sentence(line: str) -> bool:
    return line.rstrip()[-1:] in '.!?"”’'


# --- HTML --------------------------------------------------------------------


def clean_html(html: str, *, language: str = "", headline: str = "") -> CleanedArticle:
    """Main text and metadata by trafilatura; scripts, styles and markup never survive."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(document, "text", "") or ""
    if not text.strip():
        # Pages too small for the extractor's heuristics: all visible text, markup removed.
        text = trafilatura.html2txt(html) or ""
    title = headline or (getattr(document, "title", "") or "")
    cleaned = clean_text(text, language=language, headline=title)
    cleaned.byline = cleaned.byline or (getattr(document, "author", "") or "")[:300]
    cleaned.published = getattr(document, "date", "") or ""
    moment = _meta_time(html)
    if moment and (not cleaned.published or moment.startswith(cleaned.published[:10])):
        cleaned.published = moment  # the same day, with its time
    cleaned.url = getattr(document, "url", "") or ""
    cleaned.outlet = getattr(document, "sitename", "") or ""
    if not language:
        cleaned.language = (getattr(document, "language", "") or cleaned.language).lower()
    return cleaned


_META_TIME = re.compile(
    r"<meta[^>]+(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|pubdate|publishdate|"
    r"og:published_time|dc\.date\.issued)[\"'][^>]*>",
    re.I,
)
_CONTENT = re.compile(r"content=[\"']([^\"']+)[\"']", re.I)
_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def _meta_time(html: str) -> str:
    """The publication moment a page states in its meta tags (ISO 8601 with a time), or ""."""
    for tag in _META_TIME.findall(html[:200_000]):
        content = _CONTENT.search(tag)
        if content and _ISO_MOMENT.match(content.group(1).strip()):
            return content.group(1).strip()
    return ""


_HTML_SNIFF = re.compile(r"<\s*(!doctype html|html|head|body|article|div|p|span|h[1-6]|script)\b", re.I)


def looks_like_html(text: str, filename: str = "") -> bool:
    if filename.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    return bool(_HTML_SNIFF.search(text[:5000]))


def clean_document(
    data: bytes, *, filename: str = "", max_bytes: int = 2_000_000, language: str = "", headline: str = ""
) -> tuple[dict[str, str], CleanedArticle]:
    """A whole file: size check, decoding, header block, then text or HTML cleaning."""
    if len(data) > max_bytes:
        raise CleaningError(f"the file is {len(data):,} bytes, over the {max_bytes:,} byte limit")
    text = decode_bytes(data)
    if not text.strip():
        raise CleaningError("the file has only whitespace")
    header, rest = parse_header(text)
    if not rest.strip():
        raise CleaningError("the file has a header but no article text")
    headline = headline or header.get("headline", "")
    language = language or header.get("language", "")
    if looks_like_html(rest, filename):
        return header, clean_html(rest, language=language, headline=headline)
    return header, clean_text(rest, language=language, headline=headline)


# --- Language and identity -----------------------------------------------------


def detect_language(text: str) -> str:
    import py3langid

    code, _score = py3langid.classify(text[:5000])
    return code


def content_hash(body: str) -> str:
    """The identity of an article's text: whitespace and case do not make a new article."""
    normalised = " ".join(body.lower().split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


# --- Addresses -----------------------------------------------------------------

MAX_URL_LENGTH = 1000


def check_web_url(url: str) -> str:
    """An article's address: "" or an http(s) URL with a host; anything else raises CleaningError.

    Every way in (the command's --url, a header's URL: line, the import form)
    goes through here, so a javascript: or malformed address is never stored.
    """
    url = (url or "").strip()
    if not url:
        return ""
    if len(url) > MAX_URL_LENGTH:
        raise CleaningError(f"the URL is longer than {MAX_URL_LENGTH:,} characters")
    if any(ord(char) < 32 or char.isspace() for char in url):
        raise CleaningError("the URL holds spaces or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise CleaningError(f"the URL {url[:80]!r} is not a valid address") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise CleaningError(f"the URL {url[:80]!r} is not an http(s) address")
    return url


def web_url(url: str) -> str:
    """The URL if it is a valid http(s) address, else "": output re-checks what input checked."""
    try:
        return check_web_url(url)
    except CleaningError:
        return ""
