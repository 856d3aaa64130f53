"""Demo users for the run command. Clearly fictional: example.org addresses."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from holbaek import roles
from holbaek.models import User

DEMO_PASSWORD = "demo-holbaek-2026"  # noqa: S105 - printed for local development only


def demo_user(email: str, full_name: str, *, role: str | None = None, is_staff=False) -> User:
    """A user with a verified address who can log in with DEMO_PASSWORD."""
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": full_name, "is_staff": is_staff}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@transaction.atomic
def load() -> str:
    demo_user("borger@example.org", "Demo Borger")
    demo_user("sekretariat@example.org", "Demo Sekretariat", role=roles.COMMITTEE_STAFF)
    admin = demo_user(
        "admin@example.org", "Demo Administrator", role=roles.ADMINISTRATOR, is_staff=True
    )
    if not admin.is_superuser:
        admin.is_superuser = True
        admin.save(update_fields=["is_superuser"])
    return (
        "demobrugere borger@, sekretariat@ og admin@example.org "
        f"med adgangskoden {DEMO_PASSWORD} (medarbejdere skal slå totrinslogin til)"
    )
