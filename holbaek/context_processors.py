from django.conf import settings

from holbaek import roles


def portal(request):
    """Values every page needs: the navigation and the user's staff status."""
    return {
        "MUNICIPALITY": {
            "name": "Holbæk Kommune",
            "address": "Kanalstræde 2, 4300 Holbæk",
            "phone": "72 36 36 36",
            "email": "holbaek@holbaek.dk",
        },
        "is_municipal_staff": roles.is_municipal_staff(request.user),
        "LANGUAGES": settings.LANGUAGES,
    }
