"""Admin login lockout, on top of django-axes: axes counts wrong passwords per username
from one address; this adds a limit per address across usernames and per username across
addresses (an address guessing many accounts, a botnet guessing one), and answers a
refused login with when to try again."""

from __future__ import annotations

import math

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone


def _recent(request: HttpRequest):
    return AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - get_cool_off(request))


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """The failures counted against AXES_FAILURE_LIMIT: the username's from this
        address, or the whole limit once this address's failures (any username) or this
        username's (any address) reach their own limits."""
        failures = super().get_failures(request, credentials)
        recent = _recent(request)
        username = get_client_username(request, credentials)
        if _failures(recent.filter(ip_address=request.axes_ip_address)) >= (
            settings.LOCKOUT_FAILURES_PER_ADDRESS
        ) or (
            username
            and _failures(recent.filter(username=username))
            >= settings.LOCKOUT_FAILURES_PER_USERNAME
        ):
            return max(failures, get_failure_limit(request, credentials))
        return failures


def retry_after(request: HttpRequest, credentials: dict | None = None) -> int:
    """Seconds until every failure that can hold this login locked is past the cool-off
    (at most the cool-off itself)."""
    cool_off = get_cool_off(request)
    who = Q(ip_address=request.axes_ip_address)
    if username := get_client_username(request, credentials):
        who |= Q(username=username)
    latest = _recent(request).filter(who).aggregate(latest=Max("attempt_time"))["latest"]
    if latest is None:
        return math.ceil(cool_off.total_seconds())
    return max(1, math.ceil((latest + cool_off - timezone.now()).total_seconds()))


def lockout_response(
    request: HttpRequest, original_response=None, credentials: dict | None = None
) -> HttpResponse:
    seconds = retry_after(request, credentials)
    response = render(
        request,
        "locked_out.html",
        {"minutes": math.ceil(seconds / 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response
