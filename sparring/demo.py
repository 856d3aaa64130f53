"""Fictional sparring requests, so the demo inbox has something in it."""

from django.db import transaction

from lokalfora.models import LocalArea
from sparring import services, tokens
from sparring.models import SparringRequest

REQUESTS = [
    ("tollose", "project_idea", "Vi vil gerne lave en naturlegeplads ved skolen. Hvor starter vi?"),
    (None, "volunteering", "Hvordan finder vores forening flere frivillige til sommerfesten?"),
]


@transaction.atomic
def load() -> str:
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
        services.confirm(token=tokens.make(request, tokens.CONFIRM_SALT))
    return f"{len(REQUESTS)} opdigtede anmodninger om sparring"
