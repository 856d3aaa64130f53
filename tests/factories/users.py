"""People: a verified account, a second factor, a signed-in client and the staff roles."""

import datetime
import time

from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from faelles_skabere.models import AssignmentKind, CoCreator, CoCreatorKind
from holbaek import roles
from holbaek.models import User
from tests.factories.faelles_skabere import AreaAssignmentFactory


def make_user(email, *, role=None, is_staff=False, is_superuser=False, verified=True):
    user = User.objects.create_user(
        email=email, password="pw-for-tests-only", is_staff=is_staff, is_superuser=is_superuser
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


def give_mfa(user):
    """A TOTP authenticator for the user (they must still use it to log in: see login)."""
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    return user


def login(client, user):
    """Logs the user in as allauth would after password and, if they have one, a second factor."""
    client.force_login(user)
    now = time.time()
    records = [{"method": "password", "at": now - 1, "email": user.email}]
    if Authenticator.objects.filter(user=user).exists():
        records.append({"method": "mfa", "at": now, "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()
    return client


def make_process_consultant(area):
    """The process consultant (a Fælles-skaber by Group) with a process running in `area`:
    it is never the area's fixed fælles-skaber, so it gets no more than `co_creator`."""
    user = give_mfa(make_user("proces@example.org", role=roles.CO_CREATOR))
    consultant = CoCreator.objects.get(kind=CoCreatorKind.PROCESS_CONSULTANT)
    consultant.user = user
    consultant.save()
    AreaAssignmentFactory(
        area=area,
        co_creator=consultant,
        kind=AssignmentKind.PROCESS,
        started_on=timezone.localdate() - datetime.timedelta(days=30),
    )
    return user


def make_staff_admin():
    """An Administrator in the admin without being a superuser: is_staff, MFA and the model
    permissions of the portal's apps (holbaek.roles.ADMINISTRATOR_APP_LABELS)."""
    user = give_mfa(make_user("driftsadmin@example.org", role=roles.ADMINISTRATOR, is_staff=True))
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label__in=roles.ADMINISTRATOR_APP_LABELS)
    )
    return user
