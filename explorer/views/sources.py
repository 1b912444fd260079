"""The source articles (every row drawn from each, a page at a time) and the official
statistics cited beside them."""

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from careers.models import Fact, Source
from careers.sources import read_article
from core.cache import cached_page
from core.htmx import HtmxHttpRequest, fragment
from core.pagination import PER_PAGE, paginate


@require_safe
@cached_page
def source_list(request: HttpRequest) -> HttpResponse:
    context = {
        "sources": Source.objects.articles().with_counts(),
        "statistics": Source.objects.statistics().annotate(
            estimates=Count("wage_releases__estimates")
        ),
        "outsourcing": Fact.objects.on_topic("outsourcing"),
    }
    return render(request, "explorer/source_list.html", context)


@require_safe
@vary_on_headers("HX-Request")
@cached_page(params=["page"])
def source_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source.objects.with_counts(), slug=slug)
    if source.kind == Source.Kind.STATISTICS:
        # Official statistics: no stored article to read, no sentences; what they hold.
        releases = source.wage_releases.annotate(estimate_count=Count("estimates"))
        context = {"source": source, "releases": releases}
        return render(request, "explorer/statistics_detail.html", context)
    statements = source.statements()
    paging, status = paginate(request, statements)
    article = read_article(source, paging["page"].object_list)
    return render(
        request,
        fragment(request, "explorer/source_detail.html", "source-rows"),
        {
            "source": source,
            "article": article,
            **article.cited,
            **paging,
            "starts": statements.starts(PER_PAGE),
        },
        status=status,
    )
