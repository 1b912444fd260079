from django.core.management.base import BaseCommand

from core.editors import ensure_editors_group


class Command(BaseCommand):
    help = "Create or update the Editors group: may edit the content, not users or groups."

    def handle(self, *args, **options):
        group, count = ensure_editors_group()
        self.stdout.write(f"{group.name}: {count} permissions.")
