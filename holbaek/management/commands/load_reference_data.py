from django.core.management.base import BaseCommand

from holbaek.hooks import call_app_hooks


class Command(BaseCommand):
    help = (
        "Indlæser referencedata: roller, de 18 lokalområder med lokalfora og befolkningstal, "
        "fælles-skaberroller og puljer. Kan køres igen: eksisterende data, som "
        "medarbejderne har rettet, overskrives ikke."
    )

    def handle(self, *args, **options):
        for label, summary in call_app_hooks("reference", "load"):
            self.stdout.write(f"{label}: {summary}")
