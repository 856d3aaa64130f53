from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class GrantPoolQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class GrantPool(models.Model):
    """A pool the committee grants project money from. Pools are data, not code."""

    slug = models.SlugField(_("kortnavn i adressen"), max_length=60, unique=True)
    name = models.CharField(_("navn"), max_length=100, unique=True)
    summary = models.CharField(_("kort fortalt"), max_length=300)
    purpose = models.TextField(_("formål"))
    who_may_apply = models.TextField(_("hvem kan søge"))
    criteria = models.TextField(_("kriterier"), blank=True)
    rules = models.TextField(_("regler for beløb og medfinansiering"), blank=True)
    contact_email = models.EmailField(_("kontakt"), blank=True)
    rules_source = models.TextField(_("kilde til reglerne"), blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)

    objects = GrantPoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("pulje")
        verbose_name_plural = _("puljer")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projektudvalg:pool-detail", kwargs={"slug": self.slug})
