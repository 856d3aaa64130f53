"""The topics municipal news, newsletters and follower interests are tagged with."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class NewsTopicQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class NewsTopic(models.Model):
    """A staff-kept topic (emne): kultur og fritid, byplanlægning, klima og miljø, trafik,
    politik ... (seeded by the reference data). A topic in use is retired, never deleted:
    `active=False` takes it off the forms and filters, and old items keep it."""

    name = models.CharField(_("navn"), max_length=80, unique=True)
    slug = models.SlugField(_("kort navn i adressen"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    active = models.BooleanField(_("i brug"), default=True)

    objects = NewsTopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("emne")
        verbose_name_plural = _("emner")
        ordering = ["order", "name"]
        constraints = [
            models.CheckConstraint(condition=~Q(name=""), name="news_topic_has_name"),
        ]

    def __str__(self):
        return self.name
