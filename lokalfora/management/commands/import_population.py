from django.core.management.base import BaseCommand, CommandError

from lokalfora import population_import
from lokalfora.services.population import population_figures_import


class Command(BaseCommand):
    help = (
        "Importerer befolkningstal fra en CSV-fil (område;dato;antal;kilde). Hele filen "
        "kontrolleres først; er der fejl, importeres intet. Uden --bekraeft vises kun, hvad "
        "der ville ændre sig."
    )

    def add_arguments(self, parser):
        parser.add_argument("fil")
        parser.add_argument("--bekraeft", action="store_true", help="Importér tallene.")

    def handle(self, *args, fil, bekraeft=False, **options):
        try:
            with open(fil, "rb") as file:
                parsed = population_import.parse(file.read())
        except OSError as error:
            raise CommandError(f"Filen kan ikke åbnes: {error}") from error
        if parsed.errors:
            for error in parsed.errors:
                self.stderr.write(error)
            raise CommandError("Intet er importeret.")
        for change in population_import.preview(parsed):
            before = change.previous.count if change.previous else "–"
            self.stdout.write(
                f"{change.row.area.name}: {before} -> {change.row.count} "
                f"pr. {change.row.reference_date:%d.%m.%Y}"
            )
        if bekraeft:
            count = population_figures_import(parsed=parsed)
            self.stdout.write(f"{count} befolkningstal importeret.")
        else:
            self.stdout.write("Intet er importeret endnu: kør igen med --bekraeft.")
