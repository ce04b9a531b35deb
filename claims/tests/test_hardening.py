"""The defects an outside audit found, each with the test that would have caught it, and the nets
that keep the next one caught: a permission matrix built from the URL resolver, a fuzz pass over
every view, property-based imports, and cut database connections."""

from __future__ import annotations

import json
import uuid
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.ingest import INTERNAL_ERROR, REJECTED, import_article
from claims.models import (
    ArchiveMatch,
    Article,
    Claim,
    ClaimLink,
    FactCheck,
    Feed,
    Job,
    Note,
    Quantity,
    Rating,
    Story,
    Verdict,
)

from .conftest import PASSWORD, make_article, make_claim, make_outlet, make_user

pytestmark = pytest.mark.django_db

HUGE = "1" + "0" * 400


# --- Data every view can be called on -----------------------------------------------------


@pytest.fixture
def world(db, editor):
    """Two outlets' claims linked, a note, a draft verdict, and a published verdict on a third claim."""
    one = make_article(
        make_outlet("Harbor Courier"), body="About 1,200 residents were evacuated, the agency said.", url=""
    )
    two = make_article(
        make_outlet("Estrava Daily"), body="Some 1,500 residents were evacuated, the agency said.", url=""
    )
    a, b = make_claim(one, status="flagged"), make_claim(two, status="flagged")
    link = ClaimLink.objects.create(claim_a=a, claim_b=b, relation="conflicts", kind="quantity", score=0.8)
    note = Note.objects.create(author=editor, claim=a, text="Ask the agency.")
    rating = Rating.objects.order_by("order").first()
    draft = Verdict.objects.create(claim=a, rating=rating, author=editor, headline="Evacuation figure")
    chief_author = make_user("paula_publisher", "Chief")
    c = make_claim(
        make_article(make_outlet("Valley Wire"), body="The dam held 340 million cubic meters.", url="")
    )
    published = Verdict.objects.create(
        claim=c,
        rating=rating,
        author=chief_author,
        headline="Dam volume",
        is_published=True,
        published_at=timezone.now(),
        published_by=make_user("pat_chief", "Chief"),
    )
    story = Story.objects.create(title="Evacuation")
    Article.objects.filter(pk__in=[one.pk, two.pk]).update(story=story)
    factcheck = FactCheck.objects.create(claim_reviewed="1,200 residents were evacuated", publisher="Desk",
                                         fingerprint="x" * 40)  # fmt: skip
    match = ArchiveMatch.objects.create(claim=a, factcheck=factcheck, score=0.7)
    # A feed nobody answers for (port 9 refuses at once) and a failed re-extraction.
    feed = Feed.objects.create(outlet=one.outlet, url="http://127.0.0.1:9/feed.xml")
    job = Job.objects.create(kind="reextract", label="article", article=one, state="failed", error="boom",
                             batch=uuid.uuid4())  # fmt: skip
    return {"article": one, "claim": a, "other": b, "link": link, "note": note, "verdict": draft,
            "published": published, "story": story, "match": match, "feed": feed, "job": job}  # fmt: skip


def table_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_app_config("claims").get_models()}


# --- The permission matrix, from the URL resolver --------------------------------------------

# Every named route of the app: who may read it (GET) and which permission a change (POST) needs.
# A new view without a line here fails test_every_route_has_an_expectation.
PUBLIC, READ = "public", "read"
ROUTES = {
    "home": (READ, None),
    "queue": (READ, None),
    "queue_bulk": (None, "claims.review_claim"),
    "compare": (READ, None),
    "search": (READ, None),
    "article_list": (READ, None),
    "article_import": ("claims.add_article", "claims.add_article"),
    "article_detail": (READ, None),
    "claim_detail": (READ, None),
    "claim_set_status": (None, "claims.review_claim"),
    "archive_match_decide": (None, "claims.review_claim"),
    "claim_review": (None, "claims.review_claim"),
    "link_create": (None, "claims.add_claimlink"),
    "link_search": (READ, None),
    "note_create": (None, "claims.add_note"),
    "link_update": (None, "claims.change_claimlink"),
    "note_update": (None, "claims.change_note"),
    "verdict_save": (None, "claims.add_verdict"),
    "verdict_publish": (None, "claims.publish_verdict"),
    "verdict_unpublish": (None, "claims.publish_verdict"),
    "verdict_apply": (None, "claims.add_verdict"),
    "export_claims_csv": ("claims.view_historicalclaim", None),
    "export_claims_json": ("claims.view_historicalclaim", None),
    "public_index": (PUBLIC, None),
    "public_feed": (PUBLIC, None),
    "public_feed_rss": (PUBLIC, None),
    "public_feed_atom": (PUBLIC, None),
    "public_verdict": (PUBLIC, None),
    "similar_claims": (READ, None),
    "links_export": (READ, None),
    "health": (PUBLIC, None),
    "story_list": (READ, None),
    "story_detail": (READ, None),
    "story_facts_json": (READ, None),
    "suggested_links": (READ, None),
    "suggested_links_action": (None, "claims.change_claimlink"),
    "story_merge": (None, "claims.review_claim"),
    "story_fact_edit": (None, "claims.review_claim"),
    "article_move": (None, "claims.review_claim"),
    "import_batch": ("claims.add_article", None),
    "conflict_queue": (READ, None),
    "conflict_action": (None, "claims.review_claim"),
    "job_list": ("claims.view_job", None),
    "job_retry": (None, "claims.change_job"),
    "feed_list": ("claims.view_feed", "claims.add_feed"),
    "feed_poll_all": (None, "claims.change_feed"),
    "feed_poll": (None, "claims.change_feed"),
    "feed_toggle": (None, "claims.change_feed"),
}


def named_routes(patterns=None, namespace=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern) in {"admin/", "accounts/"}:
                continue
            yield from named_routes(entry.url_patterns)
        elif isinstance(entry, URLPattern) and entry.name:
            yield entry.name, str(entry.pattern)


def url_for(name: str, pattern: str, world) -> str:
    if name == "compare":
        return reverse(name) + f"?articles={world['claim'].article_id},{world['other'].article_id}"
    if name == "import_batch":
        return reverse(name, kwargs={"batch": world["job"].batch})
    if "<int:pk>" not in pattern:
        return reverse(name)
    target = {
        "link_update": world["link"],
        "note_update": world["note"],
        "verdict_publish": world["verdict"],
        "verdict_unpublish": world["published"],
        "verdict_apply": world["verdict"],
        "article_detail": world["article"],
        "public_verdict": world["published"],
        "story_detail": world["story"],
        "story_facts_json": world["story"],
        "story_merge": world["story"],
        "story_fact_edit": world["story"],
        "article_move": world["article"],
        "archive_match_decide": world["match"],
        "job_retry": world["job"],
        "feed_poll": world["feed"],
        "feed_toggle": world["feed"],
    }.get(name, world["claim"])
    return reverse(name, args=[target.pk])


def test_every_route_has_an_expectation():
    assert {name for name, _ in named_routes()} == set(ROUTES)


ROLE_USERS = {"anonymous": None, "no role": "nora_norole", "Viewer": "vera_viewer", "Editor": "eddie_editor",
              "Chief": "chloe_chief"}  # fmt: skip


@pytest.mark.parametrize("role", list(ROLE_USERS))
def test_permission_matrix(client, world, role, viewer, editor, chief, no_role_user):
    """Every route, GET and POST, for anonymous, no role, Viewer, Editor and Chief; a refused change
    leaves every table as it was."""
    user = {"no role": no_role_user, "Viewer": viewer, "Editor": editor, "Chief": chief}.get(role)
    if user is not None:
        client.force_login(user)
    reads = user is not None and user.has_perm("claims.view_claim")
    for name, pattern in named_routes():
        read, write = ROUTES[name]
        url = url_for(name, pattern, world)

        response = client.get(url)
        if read == PUBLIC:
            expected = 200
        elif user is None:
            expected = 302
            assert "/accounts/login/" in response["Location"], (role, name)
        elif not reads:
            expected = 403  # the no-role page
        elif read is None:
            expected = 405  # changes are POST only
        elif read == READ or user.has_perm(read):
            expected = 200
        else:
            expected = 403
        assert response.status_code == expected, (role, name, "GET", response.status_code)

        before = table_counts()
        response = client.post(url, {})
        allowed = reads and write is not None and user.has_perm(write)
        if read != PUBLIC and user is None:
            assert response.status_code == 302, (role, name, "POST")
        elif read != PUBLIC and not reads:
            assert response.status_code == 403, (role, name, "POST")
        elif write is not None and not allowed:
            assert response.status_code == 403, (role, name, "POST", response.status_code)
        assert response.status_code < 500, (role, name, "POST")
        if not allowed:
            assert table_counts() == before, (role, name, "a refused change changed nothing")


def test_a_user_with_no_role_is_told_so_and_reads_nothing(client, world, no_role_user):
    client.force_login(no_role_user)
    for url in (
        reverse("home"),
        reverse("queue"),
        world["claim"].get_absolute_url(),
        reverse("links_export"),
    ):
        response = client.get(url)
        assert response.status_code == 403
        assert "has no role yet" in response.text
        assert "Ask the agency." not in response.text and "Evacuation figure" not in response.text
    assert client.get(reverse("public_index")).status_code == 200


# --- 1. Huge numbers ---------------------------------------------------------------------------


def test_a_huge_number_is_ignored_and_never_stops_a_batch(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Outlet: Harbor Courier\n---\nAbout 1,200 residents were evacuated on Monday.\n"
    )
    (tmp_path / "b.txt").write_text(
        f"Outlet: Harbor Courier\n---\nThe agency said {HUGE} troops moved on Monday.\n"
    )
    (tmp_path / "c.txt").write_text(
        "Outlet: Harbor Courier\n---\nSome 300 homes were flooded on Tuesday, officials said.\n"
    )
    out = StringIO()
    call_command("import_articles", str(tmp_path), stdout=out)
    assert out.getvalue().count("imported with") == 3
    assert not Quantity.objects.filter(value__gt=1e15).exists()


def test_exports_stay_valid_json_after_a_huge_number(client, chief):
    client.force_login(chief)
    client.post(
        reverse("article_import"), {"outlet": "Harbor Courier", "text": f"Police said {HUGE} people marched."}
    )
    response = client.get(reverse("export_claims_json"))

    def refuse(constant):
        raise ValueError(f"not JSON: {constant}")

    json.loads(response.content, parse_constant=refuse)


# --- 2 and 3. URLs -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["http://[::1", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "ftp://example.org/a",
     "http://", "https://exa mple.org/"],
)  # fmt: skip
def test_bad_urls_are_refused_on_every_path(client, editor, tmp_path, url):
    body = "About 1,200 residents were evacuated on Monday, the agency said."
    (tmp_path / "one.txt").write_text(f"Outlet: Harbor Courier\nurl: {url}\n---\n{body}\n")
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("import_articles", str(tmp_path / "one.txt"), stdout=out)
    assert "rejected" in out.getvalue()
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("import_articles", str(tmp_path / "one.txt"), "--url", url, stdout=out)
    client.force_login(editor)
    pasted = client.post(
        reverse("article_import"), {"outlet": "Harbor Courier", "text": f"URL: {url}\n---\n{body}"}
    )
    assert pasted.status_code in {200, 400}
    assert Article.objects.count() == 0


def test_a_stored_javascript_url_is_never_rendered_as_a_link(client, viewer, world):
    article = world["published"].claim.article
    Article.objects.filter(pk=article.pk).update(url="javascript:alert(1)")
    client.force_login(viewer)
    for url in (article.get_absolute_url(), world["published"].claim.get_absolute_url()):
        assert "javascript:" not in client.get(url).text
    client.logout()
    public = client.get(reverse("public_verdict", args=[world["published"].pk])).text
    feed = client.get(reverse("public_feed")).text
    assert "javascript:" not in public and "javascript:" not in feed


# --- 5. NUL bytes and ids that are not ids ----------------------------------------------------------


def test_nul_bytes_and_non_numeric_ids_are_a_400_with_a_message(client, chief, world):
    client.force_login(chief)
    claim, link, verdict = world["claim"], world["link"], world["verdict"]
    before = table_counts()
    for method, url, data in [
        ("get", reverse("search") + "?q=%00", None),
        ("get", reverse("queue") + "?outlet=%00", None),
        ("get", reverse("link_search", args=[claim.pk]) + "?q=%00", None),
        ("post", reverse("note_create", args=[claim.pk]), {"text": "a\x00b"}),
        ("post", reverse("link_create", args=[claim.pk]), {"other": "abc"}),
        ("post", reverse("link_update", args=[link.pk]), {"claim": "abc", "action": "confirm"}),
        ("post", reverse("verdict_apply", args=[verdict.pk]), {"claim": "abc"}),
        (
            "post",
            reverse("queue_bulk"),
            {"claims": [claim.pk], "bulk_action": "assign", "bulk_assignee": "x"},
        ),
        ("post", reverse("claim_review", args=[claim.pk]), {"action": "assign", "assignee": "x"}),
    ]:
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        assert response.status_code == 400, (url, response.status_code)
        assert "could not be used" in response.text
    assert table_counts() == before


# --- 6. Versions on notes and statuses ---------------------------------------------------------------


def test_a_stale_note_edit_is_refused_and_the_newer_text_kept(client, editor, chief, world):
    note = world["note"]
    page_version = note.version
    client.force_login(chief)
    client.post(
        reverse("note_update", args=[note.pk]), {"text": "Corrected by the chief", "version": page_version}
    )
    client.force_login(editor)
    response = client.post(
        reverse("note_update", args=[note.pk]), {"text": "My old text", "version": page_version}
    )
    assert response.status_code in {302, 409}
    note.refresh_from_db()
    assert note.text == "Corrected by the chief"


def test_a_status_change_without_a_version_is_refused(client, editor, world):
    client.force_login(editor)
    response = client.post(reverse("claim_set_status", args=[world["claim"].pk]), {"status": "resolved"})
    assert response.status_code == 400
    world["claim"].refresh_from_db()
    assert world["claim"].status == "flagged"


# --- 7. Lock-outs ------------------------------------------------------------------------------------


@override_settings(AXES_FAILURE_LIMIT=2)
def test_the_lockout_page_tells_the_truth_and_a_chief_can_clear_it(client, viewer, chief):
    from axes.models import AccessAttempt

    for _ in range(3):
        response = client.post(reverse("login"), {"username": viewer.username, "password": "wrong"})
    assert "from this address" in response.text and "Access attempts" in response.text
    assert AccessAttempt.objects.exists()
    client.force_login(chief)
    assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 200
    attempt = AccessAttempt.objects.get()
    client.post(reverse("admin:axes_accessattempt_delete", args=[attempt.pk]), {"post": "yes"})
    assert not AccessAttempt.objects.exists()
    client.logout()
    assert (
        client.post(reverse("login"), {"username": viewer.username, "password": PASSWORD}).status_code == 302
    )


# --- 9. The admin ------------------------------------------------------------------------------------


def test_a_chief_cannot_make_anyone_superuser_staff_or_chief_in_the_admin(client, chief, editor):
    from django.contrib.auth.models import Group

    client.force_login(chief)
    page = client.get(reverse("admin:auth_user_change", args=[chief.pk])).text
    assert 'name="is_superuser"' not in page
    editor_page = client.get(reverse("admin:auth_user_change", args=[editor.pk])).text
    chief_group = Group.objects.get(name="Chief")
    assert f'value="{chief_group.pk}"' not in editor_page
    client.post(
        reverse("admin:auth_user_change", args=[editor.pk]),
        {"username": editor.username, "is_superuser": "on", "is_staff": "on", "is_active": "on",
         "groups": [chief_group.pk], "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00"},
    )  # fmt: skip
    editor.refresh_from_db()
    chief.refresh_from_db()
    assert not editor.is_superuser and not editor.groups.filter(name="Chief").exists()
    assert not chief.is_superuser


def test_a_published_verdict_cannot_be_deleted_by_any_path(client, chief, world):
    published = world["published"]
    client.force_login(chief)
    assert (
        client.post(reverse("admin:claims_verdict_delete", args=[published.pk]), {"post": "yes"}).status_code
        == 403
    )
    for selected in ([published.pk, world["verdict"].pk], [world["verdict"].pk]):
        client.post(
            reverse("admin:claims_verdict_changelist"),
            {"action": "delete_selected", "_selected_action": selected, "post": "yes"},
        )
    assert Verdict.objects.filter(pk=published.pk).exists()
    assert not Verdict.objects.filter(pk=world["verdict"].pk).exists()  # a draft goes
    claim = published.claim
    assert (
        client.post(reverse("admin:claims_claim_delete", args=[claim.pk]), {"post": "yes"}).status_code == 403
    )
    with pytest.raises(Exception, match="cannot be deleted"), transaction.atomic():
        claim.article.delete()
    assert Verdict.objects.filter(pk=published.pk).exists()


# --- 10 and 11. Mail and deployment --------------------------------------------------------------------


def test_password_reset_is_not_offered_without_mail(client):
    assert client.get("/accounts/password_reset/").status_code == 404
    assert "password_reset" not in client.get(reverse("login")).text


@override_settings(SECRET_KEY="x" * 20 + "a-long-and-random-production-key-for-the-check", DEBUG=False,
                   SECURE_SSL_REDIRECT=True, SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True,
                   FACTCHECK_ORGANIZATION_URL="https://newsroom.test/",
                   FACTCHECK_SITE_URL="https://factcheck.newsroom.test")  # fmt: skip
def test_deploy_checks_pass_with_production_settings():
    call_command("check", "--deploy", "--fail-level", "WARNING", stdout=StringIO())


# --- Error pages ------------------------------------------------------------------------------------


def test_error_pages_are_the_apps_own(client, viewer, settings):
    client.force_login(viewer)
    assert "Nothing here" in client.get("/claims/999999/").text
    assert "not allowed" in client.post(reverse("queue_bulk")).text
    assert "could not be used" in client.get(reverse("search") + "?q=%00").text


def test_the_500_page_is_styled_and_needs_nothing_from_the_database():
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "Something went wrong on our side" in page and "app.css" in page


# --- The fuzz pass ----------------------------------------------------------------------------------

NASTY = [
    "\x00",
    "abc",
    "-1",
    "99999999999999999999999",
    HUGE,
    "x" * 20000,
    "%s",
    "{{ 7*7 }}",
    "<script>",
    "1e400",
]
FIELDS = ["q", "outlet", "status", "kind", "assignee", "page", "sort", "date_from", "date_to", "limit", "text",
          "other", "claim", "version", "action", "relation", "note", "rating", "headline", "summary", "sources",
          "reason", "bulk_action", "bulk_assignee", "bulk_status", "claims", "articles", "has_verdict", "url",
          "published", "language", "download", "next"]  # fmt: skip


def test_no_input_to_any_view_gives_a_500(client, chief, world):
    client.force_login(chief)
    client.raise_request_exception = False
    failures = []
    for name, pattern in named_routes():
        url = url_for(name, pattern, world)
        for value in NASTY:
            data = dict.fromkeys(FIELDS, value)
            for response in (client.get(url, {k: v for k, v in data.items() if "\x00" not in v}),
                             client.post(url, data)):  # fmt: skip
                if response.status_code >= 500:
                    failures.append((name, repr(value)[:20], response.status_code))
        nul = client.get(url + "?q=%00&outlet=%00&page=%00")
        if nul.status_code >= 500:
            failures.append((name, "NUL in query", nul.status_code))
    assert not failures


# --- Property-based imports ----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=3000), data=st.binary(max_size=3000))
def test_any_text_or_bytes_import_cleanly_or_are_refused_with_a_message(text, data):
    for kwargs in (
        {"text": text, "outlet": "Fuzz Outlet"},
        {"data": data, "filename": "x.txt", "outlet": "Fuzz"},
    ):
        before = (Article.objects.count(), Claim.objects.count())
        result = import_article(**kwargs)
        assert result.message and result.message != INTERNAL_ERROR
        if result.status == REJECTED:
            assert (Article.objects.count(), Claim.objects.count()) == before


# --- Cut database connections ----------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_requests_after_the_database_cut_the_connection_succeed(live_server, client):
    """The server's connection is terminated under it (pg_terminate_backend); the next requests
    reconnect, and a request caught in the cut gets the app's own 500 page."""
    if connection.vendor != "postgresql":
        pytest.skip("pg_terminate_backend needs PostgreSQL")
    import urllib.error
    import urllib.request

    import psycopg

    client.force_login(make_user("vera_viewer", "Viewer"))
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxy

    def get(path: str) -> tuple[int, str]:
        request = urllib.request.Request(live_server.url + path, headers={"Cookie": cookie})  # noqa: S310
        try:
            with direct.open(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    assert get(reverse("home"))[0] == 200
    settings_dict = connection.settings_dict
    with psycopg.connect(
        host=settings_dict["HOST"] or None,
        port=settings_dict["PORT"] or None,
        user=settings_dict["USER"],
        dbname=settings_dict["NAME"],
        autocommit=True,
    ) as admin:
        killed = admin.execute(
            "select count(pg_terminate_backend(pid)) from pg_stat_activity "
            "where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'"
        ).fetchone()[0]
    assert killed >= 1
    status, page = get(reverse("home"))
    assert status in {200, 500}
    if status == 500:
        assert "Something went wrong on our side" in page
    for _ in range(3):
        assert get(reverse("home"))[0] == 200
    connection.close()  # the test's own connection was cut too
