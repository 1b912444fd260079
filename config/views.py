"""The site's own page for a form refused by Django's CSRF check (CSRF_FAILURE_VIEW)."""

from django.http import HttpRequest, HttpResponse
from django.middleware import csrf
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A 403 in the site's layout saying nothing was saved and what to try, in place of
    Django's bare "CSRF verification failed" page. Django's reason is not shown: it is
    named for developers, and the page says the same in plain words."""
    if reason == csrf.REASON_NO_CSRF_COOKIE:
        cause = "cookie"
    elif reason == csrf.REASON_NO_REFERER:
        cause = "referer"
    elif reason.startswith(("Origin checking failed", "Referer checking failed")):
        cause = "origin"
    else:  # the token is missing, of the wrong length or characters, or out of date
        cause = "token"
    return render(request, "403_csrf.html", {"cause": cause}, status=403)
