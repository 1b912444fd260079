from pathlib import Path

from django.core.management.base import BaseCommand

from core.fixtures import export, fixture_dir


class Command(BaseCommand):
    help = "Write the current data back to fixtures/ (or --dir) in the format load_fixtures reads."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=None)

    def handle(self, *args, dir=None, **options):
        for path in export(dir or fixture_dir()):
            self.stdout.write(f"Wrote {path}")
