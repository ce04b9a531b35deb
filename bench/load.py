"""Many logged-in editors at once against gunicorn on PostgreSQL, on loopback only.

    .venv/bin/python bench/load.py --database-url postgres://postgres@127.0.0.1:5432/factcheck_load
                                   [--editors 50] [--seconds 60] [--workers 3] [--threads 4]

The named database is DROPPED and created afresh, migrated and filled with the
demo articles plus generated ones. gunicorn serves the app on 127.0.0.1; each
editor is a thread with its own keep-alive connection that loops, until the
time is up: open the queue, open a claim, add a note, change the claim's
status (with its version, as the page sends it). One more thread measures a
trivial page (/health/, a template and no query) under the same load: the
floor the pages are compared with. Prints requests per second, p50/p95/p99
per request kind, errors, and whether every note acknowledged was stored.
Bounded in time and count; never leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

from _django import fresh_database, setup_django

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
MAX_REQUESTS = 200_000  # a hard cap, whatever the clock says
SECRET_KEY = "load-test-only-secret-key-not-for-production-use-0123456789"


def prepare(editors: int) -> tuple[list[str], list[int]]:
    """Demo data, more claims, and one logged-in session per editor: (session keys, claim ids)."""
    from io import StringIO

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command

    from claims.ingest import import_article
    from claims.models import Claim
    from claims.roles import EDITOR
    from claims.tests.conftest import make_user

    call_command("load_demo", stdout=StringIO())
    for index in range(60):
        import_article(
            text=f"About {1000 + index * 37} residents were evacuated from district {index} on Monday, "
            f"the civil protection agency said. Officials said {index + 3} people died in the floods.",
            outlet=f"Generated Outlet {index % 6}",
        )
    sessions = []
    for index in range(editors):
        user = make_user(f"load_editor_{index}", EDITOR)
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    return sessions, list(Claim.objects.values_list("pk", flat=True))


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.notes_acknowledged = 0
        self.requests = 0
        self.statuses: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))

    def add(self, kind: str, seconds: float, status: int) -> None:
        with self.lock:
            self.requests += 1
            self.times[kind].append(seconds)
            self.statuses[kind][status] += 1
            if status >= 500 or status == 0:
                self.errors[kind] += 1


class Editor(threading.Thread):
    def __init__(self, port: int, session: str, claims: list[int], index: int, stats: Stats, until: float):
        super().__init__(daemon=True)
        self.port, self.session, self.claims, self.index = port, session, claims, index
        self.stats, self.until, self.csrf = stats, until, "loadtestcsrftoken0123456789abcde"
        self.connection = http.client.HTTPConnection(HOST, port, timeout=60)

    def request(self, kind: str, method: str, path: str, body: str | None = None) -> tuple[int, str]:
        headers = {"Cookie": f"sessionid={self.session}; csrftoken={self.csrf}", "Host": HOST}
        if body is not None:
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "X-CSRFToken": self.csrf,
                        "Referer": f"http://{HOST}:{self.port}/"}  # fmt: skip
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            status = response.status
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
            text, status = "", 0
        self.stats.add(kind, time.perf_counter() - started, status)
        return status, text

    def run(self) -> None:
        step = 0
        while time.monotonic() < self.until and self.stats.requests < MAX_REQUESTS:
            claim = self.claims[(self.index * 7 + step) % len(self.claims)]
            step += 1
            self.request("queue", "GET", "/queue/")
            _, page = self.request("claim page", "GET", f"/claims/{claim}/")
            status, _ = self.request("add note", "POST", f"/claims/{claim}/notes/",
                                     f"text=Load+note+{self.index}-{step}")  # fmt: skip
            if status == 302:  # saved, then sent back to the claim page
                with self.stats.lock:
                    self.stats.notes_acknowledged += 1
            version = re.search(r'action="/claims/\d+/status/".*?name="version" value="(\d+)"', page, re.S)
            if version:
                wanted = "in_review" if step % 2 else "flagged"
                self.request("change status", "POST", f"/claims/{claim}/status/",
                             f"status={wanted}&version={version.group(1)}")  # fmt: skip


class Floor(Editor):
    def run(self) -> None:
        while time.monotonic() < self.until and self.stats.requests < MAX_REQUESTS:
            self.request("trivial page (floor)", "GET", "/health/")
            time.sleep(0.05)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL"), required=False)
    parser.add_argument("--editors", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    if not args.database_url or not args.database_url.startswith("postgres"):
        print(
            "give --database-url postgres://... (a database that may be dropped): the load runs on PostgreSQL"
        )
        return 2
    args.seconds = min(args.seconds, 600)
    args.editors = min(args.editors, 200)
    url = fresh_database(args.database_url)
    # The sessions made here must be readable by the server: one secret key for both.
    os.environ["DJANGO_SECRET_KEY"] = SECRET_KEY
    setup_django(url)
    sessions, claims = prepare(args.editors)
    from claims.models import Note

    notes_before = Note.objects.count()
    env = os.environ | {
        "DATABASE_URL": url,
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_DEBUG": "",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "factcheck.wsgi", "--bind", f"{HOST}:{args.port}",
         "--workers", str(args.workers), "--threads", str(args.threads), "--timeout", "120", "--log-level", "warning"],
        cwd=ROOT, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection(HOST, args.port, timeout=1).request("GET", "/health/")
                break
            except OSError:
                time.sleep(0.2)
        stats = Stats()
        until = time.monotonic() + args.seconds
        threads = [Editor(args.port, s, claims, i, stats, until) for i, s in enumerate(sessions)]
        threads.append(Floor(args.port, sessions[0], claims, 0, stats, until))
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 120)
        elapsed = time.monotonic() - started
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    stored = Note.objects.count() - notes_before
    print(
        f"{args.editors} editors for {args.seconds} s, gunicorn {args.workers} workers x {args.threads} threads"
    )
    print(f"{stats.requests} requests, {stats.requests / elapsed:.1f} per second, "
          f"{sum(stats.errors.values())} errors")  # fmt: skip
    print(f"{'request':<22} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for kind, values in stats.times.items():
        print(f"{kind:<22} {len(values):>6} {statistics.median(values) * 1000:>8.0f} "
              f"{percentile(values, 0.95):>8.0f} {percentile(values, 0.99):>8.0f} {stats.errors[kind]:>7}")  # fmt: skip
    print("statuses:", {kind: dict(counts) for kind, counts in stats.statuses.items()})
    print(f"notes acknowledged {stats.notes_acknowledged}, stored {stored}: "
          f"{'none lost' if stored == stats.notes_acknowledged else 'LOST WRITES'}")  # fmt: skip
    floor = percentile(stats.times["trivial page (floor)"], 0.95)
    pages = [v for k, values in stats.times.items() if k != "trivial page (floor)" for v in values]
    print(f"p95 of all editor requests {percentile(pages, 0.95):.0f} ms = x{percentile(pages, 0.95) / floor:.1f} "
          f"the trivial page's p95 ({floor:.0f} ms); target at most x10")  # fmt: skip
    return 0 if stored == stats.notes_acknowledged and not stats.errors else 1


if __name__ == "__main__":
    sys.exit(main())
