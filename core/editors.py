"""The Editors group: may add, change, delete and view the career data; may not manage
users or groups."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from core.content import CONTENT_APPS, content_models

EDITORS = "Editors"


def ensure_editors_group() -> tuple[Group, int]:
    for label in CONTENT_APPS:
        create_permissions(apps.get_app_config(label), verbosity=0)
    group, _ = Group.objects.get_or_create(name=EDITORS)
    types = ContentType.objects.get_for_models(*content_models()).values()
    permissions = Permission.objects.filter(content_type__in=types)
    group.permissions.set(permissions)
    return group, permissions.count()
