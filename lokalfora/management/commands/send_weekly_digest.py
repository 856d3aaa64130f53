from django.core.management.base import BaseCommand

from lokalfora.tasks import send_weekly_digest


class Command(BaseCommand):
    help = (
        "Sender det ugentlige nyhedsbrev til dem, der følger et lokalområde, og sletter "
        "tilmeldinger, der ikke er bekræftet inden for 7 dage. Køres ugentligt fra cron; "
        "lægger opgaven i køen til db_worker, eller kører den straks med --now."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Kør straks i stedet for i køen.")

    def handle(self, *args, now=False, **options):
        if now:
            result = send_weekly_digest.call()
            self.stdout.write(
                f"{result['sent']} nyhedsbreve sendt, "
                f"{result['purged_unconfirmed']} ubekræftede tilmeldinger slettet"
            )
        else:
            result = send_weekly_digest.enqueue()
            self.stdout.write(f"Lagt i kø: {result.id}")
