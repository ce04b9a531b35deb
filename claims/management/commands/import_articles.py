import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from claims.ingest import DUPLICATE, IMPORTED, REJECTED, import_article

ARTICLE_SUFFIXES = {".txt", ".text", ".html", ".htm"}


def article_files(paths: list[str]) -> list[tuple[Path, str]]:
    """Each PATH, or every article file under a directory; (path, problem) for bad ones."""
    found: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            found += [(p, "") for p in files]
        elif path.is_file():
            found.append((path, ""))
        else:
            found.append((path, "no such file or directory"))
    return found


class Command(BaseCommand):
    help = (
        "Import article files (.txt or .html; directories are read recursively). A text file may start "
        "with 'Key: value' lines (Outlet, URL, Date, Headline, Language) ended by '---'; options override it."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--outlet", default="", help="outlet name (else the header, else the URL's domain)"
        )
        parser.add_argument("--url", default="", help="the article's URL")
        parser.add_argument("--published", default="", metavar="YYYY-MM-DD", help="publication date")
        parser.add_argument("--language", default="", metavar="CODE", help="language code, e.g. en")

    def handle(self, *args, **options):
        files = article_files(options["paths"])
        counts = {IMPORTED: 0, DUPLICATE: 0, REJECTED: 0}
        width = len(str(len(files)))
        for index, (path, problem) in enumerate(files, 1):
            prefix = f"[{index:>{width}}/{len(files)}] {path}"
            if problem:
                counts[REJECTED] += 1
                self.stdout.write(f"{prefix}: rejected: {problem}")
                continue
            try:
                data = path.read_bytes()
            except OSError as error:
                counts[REJECTED] += 1
                self.stdout.write(f"{prefix}: rejected: cannot read the file ({error.strerror})")
                continue
            result = import_article(
                data=data,
                filename=path.name,
                outlet=options["outlet"],
                url=options["url"],
                published=options["published"] or None,
                language=options["language"],
            )
            counts[result.status] += 1
            if result.status == IMPORTED:
                line = f"imported with {result.claim_count} claims, {result.link_count} links (article {result.article.pk})"
                if result.conflict_count:
                    line += f"; {result.conflict_count} of the links are conflicts"
            elif result.status == DUPLICATE:
                line = f"already imported ({result.message})"
            else:
                line = f"rejected: {result.message}"
            self.stdout.write(f"{prefix}: {line}")
        self.stdout.write(
            f"{counts[IMPORTED]} imported, {counts[DUPLICATE]} already imported, {counts[REJECTED]} rejected"
        )
        if counts[REJECTED]:
            sys.exit(1)
