"""The news post form: the picture is checked and re-encoded by holbaek.images.

`NewsContentForm` holds the rules every news form shares (the forum's posts here, the
municipality's news in projektudvalg): the picture fields, the alt-text rule and the
Markdown help; a form combines it with PlainTextFormMixin and its ModelForm.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin
from holbaek.images import prepare_image
from lokalfora.models import NewsPost

MARKDOWN_HELP = _(
    "Du kan bruge Markdown: **fed**, *kursiv*, [link](https://…), "
    "linjer, der starter med - for punkter, og ## for en mellemrubrik."
)
NEWS_WIDGETS = {
    "summary": forms.Textarea(attrs={"rows": 2, "maxlength": 300}),
    "body": forms.Textarea(attrs={"rows": 12}),
}
NEWS_HELP_TEXTS = {
    "summary": _("En eller to sætninger, som vises i oversigter og nyhedsbreve."),
    "body": MARKDOWN_HELP,
}


class NewsContentForm(forms.Form):
    """The picture and its alt text, as every news form asks for them (a form lists its
    Markdown fields itself: PlainTextFormMixin comes first and has its own default)."""

    image_file = forms.FileField(
        label=_("Billede"),
        required=False,
        help_text=_("JPEG, PNG eller WebP, højst 5 MB. Vælg filen igen, hvis siden viser en fejl."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_image = forms.BooleanField(label=_("Fjern det nuværende billede"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared_image = None
        if not self.instance.image:
            del self.fields["remove_image"]

    def clean_image_file(self):
        uploaded = self.cleaned_data.get("image_file")
        if uploaded:
            self.prepared_image = prepare_image(uploaded)
        return uploaded

    def clean(self):
        cleaned = super().clean()
        keeps_image = bool(self.instance.image) and not cleaned.get("remove_image")
        has_image = bool(cleaned.get("image_file")) or keeps_image
        if has_image and not (cleaned.get("image_alt") or "").strip():
            self.add_error(
                "image_alt",
                _("Skriv en kort beskrivelse af billedet til dem, der ikke kan se det."),
            )
        return cleaned


class NewsPostForm(PlainTextFormMixin, NewsContentForm, forms.ModelForm):
    """A news post: the picture is checked and re-encoded by holbaek.images."""

    markdown_fields = ("body",)

    class Meta:
        model = NewsPost
        fields = ["title", "summary", "body", "image_alt"]
        widgets = NEWS_WIDGETS
        help_texts = NEWS_HELP_TEXTS
