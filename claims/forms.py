"""Forms. Validation that belongs to the domain lives in the domain functions;
forms turn request data into their arguments and show their errors."""

from django import forms

from .models import Outlet

ARTICLE_FILE_SUFFIXES = (".txt", ".text", ".html", ".htm")


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
        label="Date", required=False, widget=forms.DateInput(attrs={"type": "date"}), help_text="YYYY-MM-DD"
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

    def clean(self):
        cleaned = super().clean()
        text, files = cleaned.get("text", ""), cleaned.get("files") or []
        if not text.strip() and not files:
            raise forms.ValidationError("Paste the article's text or choose one or more files.")
        if text.strip() and files:
            raise forms.ValidationError("Paste text or upload files, not both at once.")
        return cleaned

    @staticmethod
    def outlet_names() -> list[str]:
        return list(Outlet.objects.order_by("name").values_list("name", flat=True))
