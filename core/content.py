"""Which apps hold the career data: what the data version watches, what editors may edit
and what the fixtures hold. Named by label, so this bottom layer imports none of them."""

from __future__ import annotations

from django.apps import apps
from django.db.models import Model

CONTENT_APPS = ["careers", "salaries", "ladders"]


def content_models() -> list[type[Model]]:
    """The content apps' models, without the history tables that shadow them."""
    return [
        model
        for label in CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    ]
