"""The demo fælles-skaber's account, and fictional sparring requests for the demo inbox."""

from django.db import transaction

from faelles_skabere import sparring_tokens
from faelles_skabere.models import CoCreator, SparringRequest
from faelles_skabere.services.sparring_requests import sparring_request_confirm
from holbaek import roles
from holbaek.demo import demo_user
from lokalfora.models import LocalArea

REQUESTS = [
    ("tollose", "project_idea", "Vi vil gerne lave en naturlegeplads ved skolen. Hvor starter vi?"),
    (None, "volunteering", "Hvordan finder vores forening flere frivillige til sommerfesten?"),
]


@transaction.atomic
def load() -> str:
    return f"{_co_creator()}; {_requests()}"


def _co_creator() -> str:
    user = demo_user("faelles-skaber@example.org", "Demo Fælles-skaber", role=roles.CO_CREATOR)
    co_creator = CoCreator.objects.filter(title__contains="Tølløse").first()
    if co_creator and co_creator.user_id is None:
        co_creator.user = user
        co_creator.email = "faelles-skaber@example.org"
        co_creator.save(update_fields=["user", "email"])
    return "faelles-skaber@example.org følger Tølløse, Undløse og Stestrup"


def _requests() -> str:
    if SparringRequest.objects.exists():
        return "anmodninger om sparring findes allerede"
    for number, (slug, topic, description) in enumerate(REQUESTS, start=1):
        request = SparringRequest.objects.create(
            name=f"Demo Anmoder {number}",
            email=f"anmoder{number}@example.org",
            requester_kind="association",
            area=LocalArea.objects.filter(slug=slug).first() if slug else None,
            topic=topic,
            description=f"(Demotekst) {description}",
            preferred_contact="email",
        )
        sparring_request_confirm(token=sparring_tokens.make(request, sparring_tokens.CONFIRM_SALT))
    return f"{len(REQUESTS)} opdigtede anmodninger om sparring"
