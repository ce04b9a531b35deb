"""Cleaning: from raw bytes to the article text that is stored."""

import pytest

from claims.cleaning import (
    CleaningError,
    clean_document,
    clean_html,
    clean_text,
    content_hash,
    decode_bytes,
    parse_header,
)
from claims.tests.conftest import seed_path

FURNITURE = ["fbpx", "Skip to content", "Leer en Español", "Leave a Reply", "Total", "Share"]

SCRAPED = """fbpx
Skip to content

Harbor council approves flood wall after years of delay

El consejo aprueba el muro contra inundaciones

Leer en Español

[Leer en español]

The Harbor council voted 7 to 2 on Monday to build a flood wall along the river, the mayor's office said.

The wall will cost about 12 million dollars, according to the city engineer.

Leave a Reply

Total
0
Share
"""


def test_site_furniture_never_becomes_body():
    cleaned = clean_text(SCRAPED)
    for junk in FURNITURE + ["El consejo aprueba", "[Leer"]:
        assert junk not in cleaned.body
    assert cleaned.headline == "Harbor council approves flood wall after years of delay"
    assert cleaned.body.startswith("The Harbor council voted 7 to 2 on Monday")
    assert cleaned.body.endswith("according to the city engineer.")
    assert cleaned.language == "en"


def test_wrapped_lines_are_joined_and_paragraphs_kept():
    text = (
        "The river rose by two metres overnight and flooded the low streets near\n"
        "the harbour, officials said on Tuesday morning.\n\nA second paragraph says 40 homes were damaged."
    )
    body = clean_text(text).body
    assert body.split("\n\n") == [
        "The river rose by two metres overnight and flooded the low streets near the harbour, "
        "officials said on Tuesday morning.",
        "A second paragraph says 40 homes were damaged.",
    ]


def test_header_block_is_split_from_the_text():
    header, rest = parse_header(
        "Outlet: Harbor Courier\nURL: https://x.example/a\nDate: 2026-03-14\n---\nBody text."
    )
    assert header == {"outlet": "Harbor Courier", "url": "https://x.example/a", "date": "2026-03-14"}
    assert rest == "Body text."


def test_text_without_header_is_left_whole():
    text = "Note: this is not a header.\nIt has no closing line."
    assert parse_header(text) == ({}, text)


def test_html_scripts_event_handlers_and_markup_never_survive():
    html = """<html><head><title>Flood wall approved</title><script>steal()</script></head><body>
    <nav>Skip to content | Home | World</nav>
    <article><h1>Flood wall approved</h1>
    <p onclick="steal()">The Harbor council voted 7 to 2 on Monday to build a flood wall, the mayor's office said.</p>
    <img src=x onerror="alert(1)"><script>document.write('<p>injected text</p>')</script>
    <p>The wall will cost about 12 million dollars, according to the city engineer, who spoke on Tuesday.</p>
    <p><a href="javascript:alert(1)">Click here</a></p></article>
    <footer>Copyright 2026 Harbor Courier. All rights reserved.</footer></body></html>"""
    cleaned = clean_html(html)
    assert "voted 7 to 2" in cleaned.body and "12 million dollars" in cleaned.body
    for bad in ("<", ">", "steal()", "alert", "injected text", "javascript:", "Copyright", "Skip to content"):
        assert bad not in cleaned.body
    assert cleaned.headline == "Flood wall approved"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_unusable_bytes_are_refused_with_a_clear_message(data, message):
    with pytest.raises(CleaningError, match=message):
        decode_bytes(data)


def test_legacy_encoding_is_detected():
    text = "Le conseil a approuvé le projet à l'unanimité. Les élus ont voté à Genève, déclaré le maire."
    assert decode_bytes(text.encode("cp1252")) == text


def test_size_limit():
    with pytest.raises(CleaningError, match="over the 100 byte limit"):
        clean_document(b"x" * 101, max_bytes=100)


@pytest.mark.parametrize(
    "text",
    [
        "Skip to content\n\nShare\nTotal\n0\n",
        # A comment box and a share counter, nothing else (was accepted as "Leave a Reply", in Catalan).
        "Leave a Reply\n\nShare\n\nTotal 0\n",
        "Leave a comment\nShares 12\nViews: 1.2k\n",
    ],
)
def test_only_furniture_is_refused(text):
    with pytest.raises(CleaningError, match="no article text"):
        clean_text(text)


def test_content_hash_ignores_case_and_spacing():
    assert content_hash("The river  rose.\n\nIt fell.") == content_hash("the river rose. it fell.")
    assert content_hash("The river rose.") != content_hash("The river fell.")


@pytest.mark.parametrize("seed", ["000_", "003_"])
def test_seed_reports_come_out_clean(seed):
    path = seed_path(seed)
    header, cleaned = clean_document(path.read_bytes(), filename=path.name)
    assert header == {}
    lines = set(cleaned.body.splitlines())
    for junk in FURNITURE + ["[Leer en español]", "0"]:
        assert junk not in lines
    assert "fbpx" not in cleaned.body and "Leave a Reply" not in cleaned.body
    assert "Biden y Putin hablarán" not in cleaned.body  # the translated headline
    assert "troops" in cleaned.body
    assert cleaned.headline and cleaned.headline not in cleaned.body
    assert cleaned.language == "en"


def test_a_paragraph_cut_off_mid_sentence_is_kept():
    # A stored page that breaks a sentence across paragraphs: the long paragraph before the break is
    # article text, not a headline to drop.
    text = (
        "12 May\n\n"
        "The count of the Varno flood has risen to 410 reported dead and 7,598 reported injured, officials said. "
        "Areas near Tesk are starting to return to normal but many villages are still cut off. The prime minister "
        "says that despite the influx of aid,\n\n"
        "getting help to the worst affected areas is a major challenge.\n"
    )
    body = clean_text(text, headline="Flood toll reaches 410").body
    assert body.startswith("The count of the Varno flood has risen to 410")
    assert "getting help to the worst affected areas" in body


def test_a_long_standfirst_without_a_full_stop_is_article_text():
    text = (
        "Police say five people have been formally identified as having died in the tower blaze, and 74 are "
        "missing presumed dead\n\n"
        "The number of people dead or missing has risen to 79, police have said.\n"
    )
    body = clean_text(text, headline="Tower fire: police raise toll to 79").body
    assert body.startswith("Police say five people have been formally identified")
