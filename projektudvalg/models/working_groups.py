"""Working groups of a special effort: "Jeg vil være med", consent-gated names, updates."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.text import SHORT_TEXT
from projektudvalg.models.efforts import SpecialEffort


class WorkingGroup(models.Model):
    effort = models.ForeignKey(
        SpecialEffort, on_delete=models.CASCADE, related_name="working_groups"
    )
    name = models.CharField(_("navn"), max_length=150)
    theme = models.CharField(_("tema"), max_length=150, blank=True)
    description = models.TextField(_("beskrivelse"), max_length=SHORT_TEXT, blank=True)
    # The person who accepts new members and posts the group's updates.
    contact = models.ForeignKey(
        "holbaek.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_for_groups",
        verbose_name=_("gruppens kontaktperson"),
    )
    contact_name = models.CharField(_("kontaktpersonens navn"), max_length=150, blank=True)
    contact_name_public = models.BooleanField(
        _("kontaktpersonen har givet samtykke til at navnet vises"), default=False
    )
    open_for_new_members = models.BooleanField(_("åben for nye medlemmer"), default=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("arbejdsgruppe")
        verbose_name_plural = _("arbejdsgrupper")
        ordering = ["effort", "order", "name", "id"]

    def __str__(self):
        return self.name


class MembershipStatus(models.TextChoices):
    REQUESTED = "requested", _("anmodet")
    ACCEPTED = "accepted", _("optaget")
    DECLINED = "declined", _("afvist")


class WorkingGroupMember(models.Model):
    """A member of a working group, or someone who asked to join ("Jeg vil være med").
    The name shows publicly only with the member's consent; otherwise only the count."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        "holbaek.User",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="working_group_memberships",
    )
    name = models.CharField(_("navn"), max_length=150)
    show_name = models.BooleanField(_("mit navn må vises på siden"), default=False)
    message = models.TextField(_("besked til gruppen"), max_length=SHORT_TEXT, blank=True)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.REQUESTED,
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("medlem af en arbejdsgruppe")
        verbose_name_plural = _("medlemmer af arbejdsgrupper")
        ordering = ["group", "requested_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "user"],
                condition=Q(user__isnull=False),
                name="working_group_member_once",
            ),
        ]

    def __str__(self):
        return f"{self.group}: {self.get_status_display()}"


class EffortUpdate(models.Model):
    """A status update on the effort: by a project lead, or by a group's contact for it."""

    effort = models.ForeignKey(SpecialEffort, on_delete=models.CASCADE, related_name="updates")
    group = models.ForeignKey(
        WorkingGroup, on_delete=models.CASCADE, null=True, blank=True, related_name="updates"
    )
    author = models.ForeignKey("holbaek.User", on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("opdatering"), max_length=SHORT_TEXT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("opdatering fra en indsats")
        verbose_name_plural = _("opdateringer fra indsatser")
        ordering = ["effort", "-created_at", "-id"]

    def __str__(self):
        return self.text[:60]
