from django.http import HttpRequest, HttpResponse


def floor(request: HttpRequest) -> HttpResponse:
    """The framework floor: the least a request through the same server and middleware
    can cost. Mounted only when BENCHMARK is set."""
    return HttpResponse("ok", content_type="text/plain")
