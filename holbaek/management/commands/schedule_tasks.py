from django.core.management.base import BaseCommand
from django.tasks import default_task_backend
from django.utils import timezone

from holbaek.schedule import ensure_scheduled, recurring_tasks


class Command(BaseCommand):
    help = (
        "Lægger de faste baggrundsopgaver (fx det ugentlige nyhedsbrev) i køen til deres næste "
        "tidspunkt, hvis de ikke allerede venter. Køres ved hver udrulning; kan gentages."
    )

    def handle(self, *args, **options):
        if not default_task_backend.supports_defer:
            self.stderr.write("Opgave-backenden kan ikke udskyde opgaver; intet er lagt i kø.")
            return
        queued = {entry.task.module_path: when for entry, when in ensure_scheduled()}
        for entry in recurring_tasks():
            when = queued.get(entry.task.module_path)
            state = (
                f"lagt i kø til {timezone.localtime(when):%d.%m.%Y %H:%M}"
                if when
                else "venter allerede"
            )
            self.stdout.write(f"{entry.description}: {state}")
