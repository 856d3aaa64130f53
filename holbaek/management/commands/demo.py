from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from holbaek.hooks import call_app_hooks


class Command(BaseCommand):
    help = (
        "Tilføjer tydeligt opdigtet demoindhold (kontaktpersoner, nyheder, demobrugere) "
        "til udvikling. Kun til kørekommandoen, aldrig i drift."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Kør også, når DEBUG er slået fra."
        )

    def handle(self, *args, force=False, **options):
        if not (settings.DEBUG or force):
            raise CommandError(
                "Demoindhold hører ikke hjemme i drift. Brug --force, hvis du mener det."
            )
        call_app_hooks("reference", "load")
        for label, summary in call_app_hooks("demo", "load"):
            self.stdout.write(f"{label}: {summary}")
