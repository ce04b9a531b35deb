"""Forms. Validation that belongs to the domain lives in the domain functions;
forms turn request data into their arguments and show their errors."""

from django import forms

from .cleaning import CleaningError, check_web_url
from .models import Feed, Outlet

ARTICLE_FILE_SUFFIXES = (".txt", ".text", ".html", ".htm")
MAX_URLS = 500


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Django's documented recipe for an <input type=file multiple>."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ",".join(ARTICLE_FILE_SUFFIXES)}))
        # Empty files reach the import, which rejects them with the other bad files, per file.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ArticleImportForm(forms.Form):
    outlet = forms.CharField(
        max_length=200,
        required=False,
        help_text="Choose or type an outlet; a new one is created. Left empty, the file's header or the URL's domain is used.",
        widget=forms.TextInput(attrs={"list": "outlet-names", "autocomplete": "off"}),
    )
    url = forms.URLField(label="URL", required=False, max_length=1000, assume_scheme="https")
    headline = forms.CharField(max_length=500, required=False)
    published = forms.DateField(
        label="Date",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="The day it was published (the date picker shows it in your browser's format).",
    )
    language = forms.CharField(max_length=12, required=False, help_text="e.g. en; detected when left empty")
    text = forms.CharField(
        label="Paste the article",
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        strip=False,
    )
    files = MultipleFileField(
        label="Or upload files",
        required=False,
        help_text=".txt or .html, one article per file; several at once",
    )

    urls = forms.CharField(
        label="Or paste links",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "placeholder": "https://…\nhttps://…"}),
        help_text="One address per line; each page is fetched and imported in the background.",
    )

    def clean_urls(self) -> list[str]:
        urls, problems = [], []
        for line in self.cleaned_data.get("urls", "").splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                check_web_url(line if "://" in line else f"https://{line}")
            except CleaningError as error:
                problems.append(f"{line[:80]}: {error}")
                continue
            urls.append(line if "://" in line else f"https://{line}")
        if problems:
            raise forms.ValidationError(["Not a web address: " + problem for problem in problems])
        if len(urls) > MAX_URLS:
            raise forms.ValidationError(f"At most {MAX_URLS} links at once ({len(urls)} given).")
        return list(dict.fromkeys(urls))

    def clean(self):
        cleaned = super().clean()
        text, files, urls = cleaned.get("text", ""), cleaned.get("files") or [], cleaned.get("urls") or []
        given = sum(1 for part in (text.strip(), files, urls) if part)
        if given == 0 and not self.has_error("urls"):
            raise forms.ValidationError("Paste the article's text, choose one or more files, or paste links.")
        if given > 1:
            raise forms.ValidationError("Paste text, upload files or paste links: one of them at a time.")
        return cleaned

    @staticmethod
    def outlet_names() -> list[str]:
        return list(Outlet.objects.order_by("name").values_list("name", flat=True))


class VerdictForm(forms.Form):
    """A verdict draft or edit. The domain (claims.verdicts) validates headline and sources."""

    rating = forms.ModelChoiceField(queryset=None, empty_label=None)
    # No max_length here: the browser would cut a longer headline silently; the domain refuses it
    # with the count instead, and static/js/app.js shows a live counter.
    headline = forms.CharField(
        required=False,
        help_text="The claim as reviewed, at most 75 characters, without the rating.",
        widget=forms.TextInput(attrs={"data-max-length": "75", "aria-describedby": "headline-count"}),
    )
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), required=False)
    sources = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="One per line: Label | https://…",
    )
    reason = forms.CharField(
        max_length=90, required=False, help_text="Required to change a published verdict: say why."
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, verdict=None, **kwargs):
        from .models import Rating
        from .verdicts import sources_text

        if verdict is not None and not args and "data" not in kwargs:
            kwargs["initial"] = {
                "rating": verdict.rating_id,
                "headline": verdict.headline,
                "summary": verdict.summary,
                "sources": sources_text(verdict.sources),
                "version": verdict.version,
            }
        super().__init__(*args, **kwargs)
        self.fields["rating"].queryset = Rating.objects.order_by("order", "value")

    def clean_headline(self):
        from .verdicts import validate_headline

        return validate_headline(self.cleaned_data.get("headline", ""))

    def clean_sources(self):
        from .verdicts import parse_sources

        return parse_sources(self.cleaned_data.get("sources", ""))


class FeedForm(forms.ModelForm):
    outlet_name = forms.CharField(
        label="Outlet",
        max_length=200,
        widget=forms.TextInput(attrs={"list": "outlet-names", "autocomplete": "off"}),
        help_text="Choose or type; a new outlet is created.",
    )

    field_order = ["url", "outlet_name", "interval_minutes", "active"]

    class Meta:
        model = Feed
        fields = ["url", "interval_minutes", "active"]
        labels = {"url": "Feed address (RSS or Atom)", "interval_minutes": "Poll every (minutes)"}

    def clean_url(self) -> str:
        url = self.cleaned_data["url"]
        try:
            return check_web_url(url)
        except CleaningError as error:
            raise forms.ValidationError(str(error)) from None
