"""Formsets that refuse a forged management form instead of acting on it.

Django trusts the posted counts: TOTAL_FORMS=-1 gives a valid formset of no forms, so a
view that replaces the stored rows with the posted ones deletes them all. Here the counts
must be what the page can have sent: 0 <= INITIAL_FORMS <= TOTAL_FORMS <= max_num, and
covering every stored row. Otherwise the formset is invalid with one Danish message, it
has no forms, and the view saves no rows.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, ManagementForm
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

FORGED_MESSAGE = _(
    "Linjerne kunne ikke læses, så de er ikke gemt eller ændret. Indlæs siden igen, og prøv igen."
)


class CountsForm(ManagementForm):
    """The management form, with the limits of the page that sent it."""

    TOTAL_FORMS = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    INITIAL_FORMS = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, most: int, least: int, initial_exactly: int | None, **kwargs):
        super().__init__(*args, **kwargs)
        self.most, self.least, self.initial_exactly = most, least, initial_exactly

    def clean(self):
        total = self.cleaned_data.get(TOTAL_FORM_COUNT)
        initial = self.cleaned_data.get(INITIAL_FORM_COUNT)
        if total is not None and initial is not None and not self._possible(total, initial):
            # No forms are built from refused counts; the formset is invalid.
            self.cleaned_data[TOTAL_FORM_COUNT] = self.cleaned_data[INITIAL_FORM_COUNT] = 0
            raise ValidationError(FORGED_MESSAGE, code="forged")
        return super().clean()

    def _possible(self, total: int, initial: int) -> bool:
        if self.initial_exactly is not None and initial != self.initial_exactly:
            return False
        return initial <= total and self.least <= total <= self.most


class CountsCheckedMixin:
    """Shared by the portal's formsets; subclasses say which stored rows a post must cover."""

    default_error_messages = {"missing_management_form": FORGED_MESSAGE}

    def least_total(self) -> int:
        """The fewest forms a post from this page can have."""
        return 0

    def initial_exactly(self) -> int | None:
        """The number of initial forms a post must have, if it is known."""
        return None

    @cached_property
    def management_form(self):
        if not self.is_bound:
            return super().management_form
        least = self.least_total()
        form = CountsForm(
            self.data,
            auto_id=self.auto_id,
            prefix=self.prefix,
            renderer=self.renderer,
            most=max(self.max_num, least),
            least=least,
            initial_exactly=self.initial_exactly(),
        )
        form.full_clean()
        return form


class PortalFormSet(CountsCheckedMixin, forms.BaseFormSet):
    """A formset whose posted rows replace the stored ones (`initial`, the rows the page
    showed): a post must have a form for every one of them, emptied or not."""

    def least_total(self) -> int:
        return len(self.initial or ())


class PortalInlineFormSet(CountsCheckedMixin, forms.BaseInlineFormSet):
    """An inline formset whose initial forms must be exactly the stored rows."""

    def initial_exactly(self) -> int | None:
        return len(self.get_queryset())

    def least_total(self) -> int:
        return self.initial_exactly()
