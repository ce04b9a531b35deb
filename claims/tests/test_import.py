"""Bringing articles in: the command, the browser, and every kind of bad input."""

import re
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from claims.ingest import extract_article_claims
from claims.models import Article, Claim, ClaimLink, DateMention, Note, Outlet, Quantity
from claims.tests.conftest import make_outlet, seed_path

pytestmark = pytest.mark.django_db

ARTICLE = """Outlet: Harbor Courier
URL: https://harborcourier.example/2026/03/14/flood
Date: 2026-03-14
Headline: River floods the old town
Language: en
---
About 1,200 residents were evacuated on Tuesday, according to the civil protection agency.

Three people died in the flooding, Governor Lucia Ferrand said.
"""

PLAIN = (
    "Some 900 homes were damaged by the storm on Monday, the city council said.\n\n"
    "The repairs will cost about 4 million euros, according to the mayor's office.\n"
)


def run(*args) -> tuple[str, int]:
    out = StringIO()
    try:
        call_command("import_articles", *args, stdout=out)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return out.getvalue(), code


def counts():
    return (Outlet.objects.count(), Article.objects.count(), Claim.objects.count(), Quantity.objects.count())


# --- The command ------------------------------------------------------------------------


def test_header_block_gives_outlet_url_date_headline(tmp_path):
    path = tmp_path / "flood.txt"
    path.write_text(ARTICLE)
    out, code = run(str(path))
    assert code == 0
    assert re.search(r"\[1/1\] .*flood\.txt: imported with 2 claims", out)
    article = Article.objects.get()
    assert (article.outlet.name, article.url, str(article.published), article.headline, article.language) == (
        "Harbor Courier",
        "https://harborcourier.example/2026/03/14/flood",
        "2026-03-14",
        "River floods the old town",
        "en",
    )
    assert "Outlet:" not in article.body and "---" not in article.body


def test_options_override_the_header(tmp_path):
    path = tmp_path / "flood.txt"
    path.write_text(ARTICLE)
    run(
        str(path),
        "--outlet",
        "Estrava Daily",
        "--published",
        "2026-03-15",
        "--url",
        "https://estrava.example/x",
    )
    article = Article.objects.get()
    assert (article.outlet.name, str(article.published), article.url) == (
        "Estrava Daily",
        "2026-03-15",
        "https://estrava.example/x",
    )


def test_outlet_from_the_url_domain(tmp_path):
    path = tmp_path / "storm.txt"
    path.write_text(PLAIN)
    out, code = run(str(path), "--url", "https://www.northline.example/storm")
    assert code == 0
    assert Article.objects.get().outlet.name == "northline.example"


def test_no_outlet_rejects_that_file_but_imports_the_good_ones(tmp_path):
    (tmp_path / "a_good.txt").write_text(ARTICLE)
    (tmp_path / "b_no_outlet.txt").write_text(PLAIN)
    out, code = run(str(tmp_path))
    assert code == 1
    assert "b_no_outlet.txt: rejected: outlet unknown: pass --outlet" in out
    assert "a_good.txt: imported with" in out
    assert "1 imported, 0 already imported, 1 rejected" in out
    assert Article.objects.count() == 1


def test_directories_are_read_recursively_and_a_second_run_is_a_no_op(tmp_path):
    nested = tmp_path / "2026" / "march"
    nested.mkdir(parents=True)
    (nested / "flood.txt").write_text(ARTICLE)
    (tmp_path / "storm.html").write_text(f"<html><body><article><p>{PLAIN}</p></article></body></html>")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    out, code = run(str(tmp_path), "--outlet", "Harbor Courier")
    assert code == 0 and "2 imported" in out
    before = counts()
    out, code = run(str(tmp_path), "--outlet", "Harbor Courier")
    assert code == 0
    assert out.count("already imported (") == 2
    assert counts() == before


def test_missing_path_is_rejected(tmp_path):
    out, code = run(str(tmp_path / "nope.txt"))
    assert code == 1 and "rejected: no such file or directory" in out


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"   \n\n\t \n", "the file is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary data"),
        ("noise.txt", bytes(range(256)) * 8, "binary data"),
        ("header-only.txt", b"Outlet: Harbor Courier\n---\n", "header but no article text"),
        ("furniture.txt", b"Skip to content\n\nShare\nTotal\n0\n", "no article text"),
        ("comment-box.txt", b"Leave a Reply\n\nShare\n\nTotal 0\n", "no article text"),
        ("bad-date.txt", ARTICLE.replace("2026-03-14\n", "14 March\n").encode(), "is not YYYY-MM-DD"),
    ],
)
def test_bad_files_are_rejected_clearly_and_change_nothing(tmp_path, name, data, message):
    make_outlet("Harbor Courier")
    before = counts()
    path = tmp_path / name
    path.write_bytes(data)
    out, code = run(str(path), "--outlet", "Harbor Courier")
    assert code == 1
    assert f"{name}: rejected: " in out and message in out
    assert counts() == before


def test_a_file_over_the_size_limit_is_rejected(tmp_path, settings):
    settings.FACTCHECK_MAX_IMPORT_BYTES = 500
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE * 5)
    out, code = run(str(path))
    assert code == 1 and "over the 500 byte limit" in out
    assert counts() == (0, 0, 0, 0)


def test_a_legacy_encoding_is_decoded(tmp_path):
    text = "Le conseil municipal a voté 1 200 000 euros pour la digue, a déclaré le maire de Genève lundi."
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    out, code = run(str(path), "--outlet", "Le Courrier")
    assert code == 0, out
    article = Article.objects.get()
    assert "a déclaré le maire de Genève" in article.body
    assert article.language == "fr"


def test_malicious_html_is_never_stored_as_markup(tmp_path, client, viewer):
    html = (
        "<html><head><script>alert('x')</script></head><body><article>"
        '<p onmouseover="steal()">About 1,200 residents were evacuated on Tuesday, according to the agency.</p>'
        '<img src=x onerror="alert(1)"><iframe src="javascript:alert(2)"></iframe>'
        "<p>Three people died in the flooding, Governor Lucia Ferrand said on Wednesday.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "evil.html"
    path.write_text(html)
    out, code = run(str(path), "--outlet", "Harbor Courier")
    assert code == 0, out
    article = Article.objects.get()
    for bad in ("<", "script", "alert", "onerror", "steal", "javascript"):
        assert bad not in article.body
    client.force_login(viewer)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "steal()" not in page and "onerror" not in page


# --- Seeds ------------------------------------------------------------------------


def test_the_seed_reports_import_clean_with_their_troop_claims():
    paths = [seed_path("000_"), seed_path("003_")]
    for path, outlet in zip(paths, ("Seed One", "Seed Two"), strict=True):
        out, code = run(str(path), "--outlet", outlet)
        assert code == 0, out
    furniture = ("fbpx", "Skip to content", "Leer en Español", "Leave a Reply", "Biden y Putin hablarán")
    for article in Article.objects.all():
        assert not any(junk in article.body for junk in furniture)
        assert not {"Total", "0", "Share"} & set(article.body.splitlines())
    for claim in Claim.objects.all():
        assert not any(junk in claim.text for junk in furniture)
    for figure, source in (
        (175000, "The Washington Post"),
        (94000, "Ukrainian Defense Minister Oleskii Reznikov"),
        (70000, "The Washington Post"),
    ):
        quantity = Quantity.objects.select_related("claim").get(value=figure)
        assert quantity.unit == "troop"
        assert quantity.claim.attribution == source


# --- Re-extraction keeps editors' work ------------------------------------------------


def test_reextract_is_idempotent_and_keeps_what_editors_did(tmp_path, editor):
    for name, outlet in (("a.txt", "Harbor Courier"), ("b.txt", "Estrava Daily")):
        (tmp_path / name).write_text(
            ARTICLE.replace("Harbor Courier", outlet)
            .replace("1,200", "1,500" if name == "b.txt" else "1,200")
            .replace("flood\n", f"flood-{name}\n")
        )
    run(str(tmp_path))
    claim = Claim.objects.filter(article__outlet__name="Harbor Courier").first()
    claim.update_review(by=editor, status="in_review", assignee=editor)
    Note.objects.create(author=editor, claim=claim, text="Check with the agency.")
    link_ids = set(ClaimLink.objects.values_list("pk", flat=True))
    assert link_ids, "the two outlets' claims should be linked"
    ids = set(Claim.objects.values_list("pk", flat=True))
    facts = (Quantity.objects.count(), DateMention.objects.count())

    out = StringIO()
    call_command("reextract", stdout=out)
    assert "0 new" in out.getvalue()
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == ("in_review", editor)
    assert claim.notes.get().text == "Check with the agency."
    assert set(Claim.objects.values_list("pk", flat=True)) == ids
    assert set(ClaimLink.objects.values_list("pk", flat=True)) == link_ids
    assert (Quantity.objects.count(), DateMention.objects.count()) == facts


def test_reextract_removes_only_untouched_claims_no_longer_found(editor):
    outlet = make_outlet()
    article = Article.objects.create(
        outlet=outlet, body="About 1,200 residents were evacuated, the agency said.", content_hash="h"
    )
    extract_article_claims(article)
    stale_touched = Claim.objects.create(article=article, text="About", start=0, end=5)
    Note.objects.create(author=editor, claim=stale_touched, text="keep me")
    stale_untouched = Claim.objects.create(article=article, text="residents", start=12, end=21)
    call_command("reextract", "--article", str(article.pk), stdout=StringIO())
    assert Claim.objects.filter(pk=stale_touched.pk).exists()
    assert not Claim.objects.filter(pk=stale_untouched.pk).exists()


# --- The browser --------------------------------------------------------------------


def test_editor_pastes_an_article_and_lands_on_it(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("article_import"), {"outlet": "Harbor Courier", "text": PLAIN, "published": "2026-03-14"}
    )
    article = Article.objects.get()
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert article.added_by == editor and article.outlet.name == "Harbor Courier"
    page = client.get(response["Location"]).content.decode()
    assert "Imported with 2 claims" in page
    assert 'class="mk mk-quantity"' in page


def test_new_outlet_is_created_on_the_fly_and_offered_next_time(client, editor):
    client.force_login(editor)
    client.post(reverse("article_import"), {"outlet": "Brand New Gazette", "text": PLAIN})
    assert Outlet.objects.filter(name="Brand New Gazette").exists()
    form = client.get(reverse("article_import")).content.decode()
    assert '<option value="Brand New Gazette">' in form


def test_uploading_several_files_lists_each_result(client, editor):
    client.force_login(editor)
    files = [
        SimpleUploadedFile("flood.txt", ARTICLE.encode(), "text/plain"),
        SimpleUploadedFile("storm.txt", PLAIN.encode(), "text/plain"),
        SimpleUploadedFile("empty.txt", b"", "text/plain"),
        SimpleUploadedFile("report.pdf", b"%PDF", "application/pdf"),
    ]
    response = client.post(reverse("article_import"), {"files": files})
    page = response.content.decode()
    assert response.status_code == 200
    assert "1 imported, 0 already imported, 3 rejected" in page
    assert "storm.txt</strong>:" in page and "rejected: outlet unknown: choose or type the outlet" in page
    assert "empty.txt</strong>:" in page and "the file is empty" in page
    assert "only .txt and .html files can be imported" in page


def test_one_file_at_a_time_as_json_for_the_progress_bar(client, editor):
    client.force_login(editor)
    upload = SimpleUploadedFile("flood.txt", ARTICLE.encode(), "text/plain")
    data = client.post(
        reverse("article_import"), {"files": [upload]}, headers={"Accept": "application/json"}
    ).json()
    assert data["status"] == "imported" and data["claims"] == 2
    again = SimpleUploadedFile("flood.txt", ARTICLE.encode(), "text/plain")
    data = client.post(
        reverse("article_import"), {"files": [again]}, headers={"Accept": "application/json"}
    ).json()
    assert data["status"] == "duplicate" and data["url"] == Article.objects.get().get_absolute_url()


@pytest.mark.parametrize(
    ("post", "message"),
    [
        ({"outlet": "X"}, "Paste the article&#x27;s text, choose one or more files, or paste links."),
        (
            {"outlet": "X", "text": "   \n  "},
            "Paste the article&#x27;s text, choose one or more files, or paste links.",
        ),
        ({"outlet": "X", "text": "Skip to content\nShare\n0"}, "Not imported: no article text was found"),
        (
            {"outlet": "X", "text": "Leave a Reply\n\nShare\n\nTotal 0"},
            "Not imported: no article text was found",
        ),
        ({"outlet": "X", "text": PLAIN, "published": "yesterday"}, "Enter a valid date."),
    ],
)
def test_bad_browser_input_shows_a_clear_error_and_stores_nothing(client, editor, post, message):
    client.force_login(editor)
    response = client.post(reverse("article_import"), post)
    assert response.status_code in (200, 400)
    assert message in response.content.decode()
    assert Article.objects.count() == 0


def test_a_duplicate_paste_leads_to_the_existing_article(client, editor):
    client.force_login(editor)
    client.post(reverse("article_import"), {"outlet": "Harbor Courier", "text": PLAIN})
    response = client.post(
        reverse("article_import"), {"outlet": "Harbor Courier", "text": PLAIN + "\n\n"}, follow=True
    )
    assert Article.objects.count() == 1
    assert "already imported" in response.content.decode()


def test_viewers_cannot_import(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("article_import")).status_code == 403
    assert client.post(reverse("article_import"), {"outlet": "X", "text": PLAIN}).status_code == 403
    assert Article.objects.count() == 0


def test_import_needs_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(reverse("article_import"), {"outlet": "X", "text": PLAIN}).status_code == 403
    assert Article.objects.count() == 0


def test_the_results_count_the_conflicts_found_with_a_way_to_review_them(client, editor, tmp_path):
    client.force_login(editor)
    client.post(
        reverse("article_import"), {"outlet": "Harbor Courier", "text": PLAIN, "published": "2026-03-14"}
    )
    rival = PLAIN.replace("Some 900 homes", "About 2,400 homes")
    response = client.post(
        reverse("article_import"),
        {"outlet": "Estrava Daily", "text": rival, "published": "2026-03-14"},
        follow=True,
    )
    assert "of them conflicts to review." in response.content.decode()
    path = tmp_path / "third.txt"
    path.write_text(PLAIN.replace("Some 900 homes", "Nearly 5,000 homes"), encoding="utf-8")
    out, code = run(str(path), "--outlet", "Northline Wire", "--published", "2026-03-14")
    assert code == 0 and "of the links are conflicts" in out
    upload = SimpleUploadedFile(
        "fourth.txt", PLAIN.replace("Some 900", "Some 7,000").encode(), content_type="text/plain"
    )
    other = SimpleUploadedFile(
        "fifth.txt", b"Tram fares in Ostrel rose by 3 crowns on Monday, the council said."
    )
    page = client.post(
        reverse("article_import"),
        {"outlet": "Valley Wire", "published": "2026-03-14", "files": [upload, other]},
    ).content.decode()
    assert "conflicts</strong>" in page and "review them" in page


@pytest.mark.parametrize(
    ("given", "day", "moment"),
    [
        ("2026-03-14", "2026-03-14", None),
        ("2026-03-14T09:30:00+01:00", "2026-03-14", "2026-03-14T08:30:00+00:00"),
        ("2026-03-14T21:05:00Z", "2026-03-14", "2026-03-14T21:05:00+00:00"),
        ("2026-03-14 not a time", "2026-03-14", None),
    ],
)
def test_a_publication_time_is_kept_beside_the_date(given, day, moment):
    import datetime

    from claims.ingest import import_article

    result = import_article(
        text="About 1,200 residents were evacuated, the agency said.",
        outlet="Harbor Courier",
        published=given,
    )
    article = result.article
    assert article.published == datetime.date.fromisoformat(day)
    assert article.published_at == (datetime.datetime.fromisoformat(moment) if moment else None)


def test_a_page_s_meta_tag_gives_the_time(db):
    from claims.ingest import import_article

    html = (
        '<html><head><meta property="article:published_time" content="2026-03-14T07:45:00+00:00"></head>'
        "<body><article><h1>Flood</h1><p>About 1,200 residents were evacuated on Tuesday, the agency said. "
        "Rescue teams worked through the night and the governor said schools would stay shut.</p></article></body></html>"
    )
    article = import_article(data=html.encode(), filename="page.html", outlet="Harbor Courier").article
    assert article.published_at.isoformat() == "2026-03-14T07:45:00+00:00"
