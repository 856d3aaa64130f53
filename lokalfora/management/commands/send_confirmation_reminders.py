from django.core.management.base import BaseCommand

from lokalfora.tasks import send_confirmation_reminders


class Command(BaseCommand):
    help = (
        "Beder lokalfora med kontaktoplysninger, der ikke er bekræftet i 12 måneder, om at "
        "bekræfte dem. Køres fx månedligt fra cron; lægger opgaven i køen til db_worker, "
        "eller kører den straks med --now."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Kør straks i stedet for i køen.")

    def handle(self, *args, now=False, **options):
        if now:
            sent = send_confirmation_reminders.call()
            self.stdout.write(f"{sent} påmindelser sendt")
        else:
            result = send_confirmation_reminders.enqueue()
            self.stdout.write(f"Lagt i kø: {result.id}")
