"""The htmx side of a view: a typed request, and which template (page or partial) to render."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def fragment(request: HtmxHttpRequest, template_name: str, partial: str) -> str:
    """The named partial for an htmx swap; the whole page otherwise (including when
    htmx restores history and needs the full page)."""
    if request.htmx and not request.htmx.history_restore_request:
        return f"{template_name}#{partial}"
    return template_name
