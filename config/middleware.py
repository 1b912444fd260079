"""Site-wide guards: refuse absurd requests early, answer calmly when the database is
away, and send the headers Django has no setting for."""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from api.errors import api_error
from config.errors import wants_json

MAX_QUERY_STRING = 2048
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


class GuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            response = self.page(
                request,
                "400.html",
                400,
                f"The address is too long: its query part may hold at most "
                f"{MAX_QUERY_STRING:,} characters.",
            )
        else:
            response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception):
        if isinstance(exception, OperationalError | InterfaceError) or (
            isinstance(exception, DatabaseError) and "connection" in str(exception).lower()
        ):
            response = self.page(
                request,
                "503.html",
                503,
                "The career data is unreachable for a moment. Please try again shortly.",
            )
            response["Retry-After"] = "30"
            return response
        return None

    @staticmethod
    def page(request: HttpRequest, template: str, status: int, message: str) -> HttpResponse:
        if wants_json(request):  # the API answers in JSON, whatever goes wrong
            return api_error(status, message)
        # Rendered without a request: no context processor may touch the database.
        html = render_to_string(template, {"message": message})
        return HttpResponse(html, status=status)


def client_ip_behind_proxy(request: HttpRequest) -> str | None:
    """The visitor's address as the load balancer saw it: the last X-Forwarded-For entry,
    the one the balancer itself appended (earlier entries are the client's to forge). Only
    a request that comes from one of TRUSTED_PROXIES is believed: one that reaches the
    server directly could rotate the header to dodge the login lockout."""
    remote = request.META.get("REMOTE_ADDR")
    if remote not in settings.TRUSTED_PROXIES:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    return hops[-1] if hops else remote
