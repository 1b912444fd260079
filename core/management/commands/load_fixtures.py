from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.fixtures import FixtureError, default_files, load


class Command(BaseCommand):
    help = "Load the seed data (all of fixtures/ by default), all or nothing, naming any bad row."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path)

    def handle(self, *args, files, **options):
        paths = files or default_files()
        try:
            count = load(paths=paths)
        except FixtureError as error:
            raise CommandError(f"Nothing was loaded. {error}") from error
        self.stdout.write(f"Loaded {count} rows from {len(paths)} files.")
