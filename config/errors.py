"""The site's error answers: its own pages for people, and JSON for the API, whose
OpenAPI document promises JSON for every answer (a bad address, a bad request, a failure)."""

from django.http import HttpRequest, HttpResponseBadRequest
from django.template.loader import render_to_string
from django.views import defaults

from api.errors import api_error
from core.middleware import ShownBadRequest

API_PREFIX = "/api/"


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request, exception, template_name="400.html"):
    # Only a message written to be shown is shown; others may hold internals.
    message = str(exception) if isinstance(exception, ShownBadRequest) else ""
    if wants_json(request):
        return api_error(400, message)
    if message:
        # Rendered without a request: no context processor may touch the database.
        return HttpResponseBadRequest(render_to_string(template_name, {"message": message}))
    return defaults.bad_request(request, exception, template_name)


def permission_denied(request, exception, template_name="403.html"):
    if wants_json(request):
        return api_error(403)
    return defaults.permission_denied(request, exception, template_name)


def page_not_found(request, exception, template_name="404.html"):
    if wants_json(request):
        return api_error(404)
    return defaults.page_not_found(request, exception, template_name)


def server_error(request, template_name="500.html"):
    if wants_json(request):
        return api_error(500)
    return defaults.server_error(request, template_name)
