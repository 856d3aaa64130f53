"""The committee itself and its members: staff keep them in the admin."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from projektudvalg.models import Committee, CommitteeMember

COMMITTEE_FIELDS = (
    "name", "short_name", "slug", "kind", "mandate_summary", "period_start", "period_end",
    "function_mailbox", "predecessor", "official_url", "effort_min_areas", "effort_max_areas",
)  # fmt: skip
MEMBER_FIELDS = (
    "committee", "name", "role", "party", "member_kind", "bio", "from_date", "to_date", "order",
)  # fmt: skip


def _set(row, data: dict, fields) -> None:
    for name, value in data.items():
        if name not in fields:
            raise ValueError(f"unknown field {name}")
        setattr(row, name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def committee_save(*, data: dict, committee: Committee | None = None) -> Committee:
    """Creates or updates a committee period: the period and the effort bounds in order."""
    committee = Committee.objects.get(pk=committee.pk) if committee else Committee()
    _set(committee, data, COMMITTEE_FIELDS)
    if (
        committee.period_end
        and committee.period_start
        and (committee.period_end < committee.period_start)
    ):
        raise ValidationError({"period_end": _("Perioden skal slutte efter, den er begyndt.")})
    if committee.predecessor_id and committee.predecessor_id == committee.pk:
        raise ValidationError({"predecessor": _("Et udvalg kan ikke være sin egen forgænger.")})
    if (committee.effort_min_areas or 0) > (committee.effort_max_areas or 0):
        raise ValidationError(
            {"effort_max_areas": _("Højeste antal områder skal være mindst det mindste antal.")}
        )
    committee.full_clean()
    committee.save()
    return committee


@transaction.atomic
def member_save(*, data: dict, member: CommitteeMember | None = None) -> CommitteeMember:
    """Creates or updates a seat: from and to dates in order, within the committee's period."""
    member = CommitteeMember.objects.get(pk=member.pk) if member else CommitteeMember()
    _set(member, data, MEMBER_FIELDS)
    if member.to_date and member.from_date and member.to_date < member.from_date:
        raise ValidationError({"to_date": _("Medlemskabet skal slutte efter, det er begyndt.")})
    committee = member.committee if member.committee_id else None
    if (
        committee
        and committee.period_end
        and member.from_date
        and (member.from_date > committee.period_end)
    ):
        raise ValidationError(
            {"from_date": _("Medlemskabet kan ikke begynde efter udvalgets periode.")}
        )
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_delete(*, member: CommitteeMember) -> None:
    """A seat entered by mistake (a member who left gets a to-date instead)."""
    if member.absences.exists():
        raise ValidationError(
            _("Medlemmet er registreret som fraværende på et møde: giv det en slutdato i stedet.")
        )
    member.delete()
