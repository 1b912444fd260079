"""The site's error answers: its own pages for people, and JSON for the API, whose
OpenAPI document promises JSON for every answer (a bad address, a bad request, a failure)."""

from django.http import HttpRequest
from django.views import defaults

from api.errors import api_error

API_PREFIX = "/api/"


def wants_json(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request, exception, template_name="400.html"):
    if wants_json(request):
        return api_error(400)
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
