"""The info-screen pages' settings: one row, kept by staff in the admin."""

from django.db import transaction

from projektudvalg.models import ScreenSettings


@transaction.atomic
def screen_settings_update(*, data: dict) -> ScreenSettings:
    """How many items the screens show, for how long each and how often they reload (the
    one row, made on the first save). Out-of-range values are refused by full_clean with
    the fields' Danish messages; the screen pages follow at once (page cache: "news")."""
    settings = ScreenSettings.objects.select_for_update().order_by("pk").first()
    settings = settings or ScreenSettings()
    for field in ("items", "seconds_per_item", "reload_minutes"):
        if field in data:
            setattr(settings, field, data[field])
    settings.full_clean()
    settings.save()
    return settings
