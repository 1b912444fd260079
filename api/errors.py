"""The API's error answers: JSON with one message, as its OpenAPI document's Error schema
says, whatever went wrong (config.errors uses these for the site's error handlers)."""

from django.http import JsonResponse

SAFE_METHODS = ("GET", "HEAD")

MESSAGES = {
    400: "Bad request: check the address.",
    403: "Forbidden.",
    404: "Nothing at this address: the API's listings are at /api/.",
    500: "The server failed to answer; try again shortly.",
}


def api_error(status: int, message: str = "") -> JsonResponse:
    return JsonResponse({"error": message or MESSAGES[status]}, status=status)
