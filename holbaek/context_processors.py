from django.conf import settings

MUNICIPALITY = {
    "name": "Holbæk Kommune",
    "address": "Kanalstræde 2, 4300 Holbæk",
    "phone": "72 36 36 36",
    "email": "holbaek@holbaek.dk",
}


def portal(request):
    """Values every page needs: the municipality's contact and the languages."""
    return {"MUNICIPALITY": MUNICIPALITY, "LANGUAGES": settings.LANGUAGES}
