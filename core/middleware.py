"""Input no page can use, refused once for every view before any of them reads it."""

from __future__ import annotations

import re

from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse

# C0 controls (NUL, tab, newline, escape, ...), DEL and the C1 controls. No address of this
# site holds one: no form has a textarea, and slugs are letters, digits and hyphens.
# PostgreSQL cannot store or compare text holding NUL, so a NUL that reached a query was a
# 500 there (SQLite just found nothing).
CONTROL_RANGES = r"\x00-\x1f\x7f-\x9f"  # also the API document's slug pattern
CONTROL = re.compile(f"[{CONTROL_RANGES}]")


class ShownBadRequest(BadRequest):
    """A 400 whose message is written to be shown (it echoes nothing of the request)."""


class ControlCharacterInAddress(ShownBadRequest):
    """Its message names the character, and is safe to show: it echoes nothing else."""


class ControlCharacterMiddleware:
    """A 400 for an address whose path or query holds a control character, once decoded,
    rather than whatever the first view or query to meet it makes of it. The site's 400
    handler answers it (config.errors): the 400 page, naming the character, or the API's
    JSON error under /api/."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        found = control_character(request)
        if found is None:
            return self.get_response(request)
        name = (
            "a NUL character (%00)"
            if found == "\x00"
            else f"a control character (U+{ord(found):04X})"
        )
        raise ControlCharacterInAddress(f"The address holds {name}, which no page uses.")


# A query value may hold the whitespace a person pastes into a search box (a tab, a line
# break): the form treats it as any other text, and no database chokes on it. Nowhere else.
TYPED_WHITESPACE = re.compile(r"[\t\n\r]")


def control_character(request: HttpRequest) -> str | None:
    """The first control character in the path, in any query name, or in any query value
    (typed whitespace aside), if any."""
    texts = [request.path]
    for name, values in request.GET.lists():
        texts += [name, *(TYPED_WHITESPACE.sub(" ", value) for value in values)]
    for text in texts:
        if match := CONTROL.search(text):
            return match.group()
    return None
