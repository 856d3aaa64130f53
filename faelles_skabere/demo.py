from django.db import transaction

from faelles_skabere.models import CoCreator
from holbaek import roles
from holbaek.demo import demo_user


@transaction.atomic
def load() -> str:
    user = demo_user("faelles-skaber@example.org", "Demo Fælles-skaber", role=roles.CO_CREATOR)
    co_creator = CoCreator.objects.filter(title__contains="Tølløse").first()
    if co_creator and co_creator.user_id is None:
        co_creator.user = user
        co_creator.email = "faelles-skaber@example.org"
        co_creator.save(update_fields=["user", "email"])
    return "faelles-skaber@example.org følger Tølløse, Undløse og Stestrup"
