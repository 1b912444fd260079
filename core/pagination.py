"""Long lists a page at a time, the same way on every list page."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest

PER_PAGE = 50


def paginate(request: HttpRequest, rows) -> tuple[dict, int]:
    """The asked-for page of rows (an ordered queryset, or anything a Paginator can slice)
    as a list page shows it (`page`, `page_links`, `page_message`), and the status to
    answer with: past the last page is a bad request (crawlers then stop), answered with
    the first page and a message saying so."""
    paginator = Paginator(rows, PER_PAGE)
    raw = request.GET.get("page", "1")
    message = ""
    try:
        page = paginator.page(raw)
    except (PageNotAnInteger, EmptyPage):
        message = f"There is no page “{raw[:20]}”; showing the first page."
        page = paginator.page(1)
    context = {"page": page, "page_links": page_links(request, page), "page_message": message}
    return context, 400 if message else 200


def page_links(request: HttpRequest, page) -> dict:
    """Query strings for the previous and next pages, keeping the filters."""
    links = {}
    for name, has, number in [
        ("previous", page.has_previous, page.number - 1),
        ("next", page.has_next, page.number + 1),
    ]:
        if has():
            params = request.GET.copy()
            params["page"] = number
            links[name] = params.urlencode()
    return links
