"""Each article, with every fact drawn from it."""

import pytest

from careers.models import Fact, Source
from ladders.models import Ladder
from salaries.models import SalaryFigure

pytestmark = pytest.mark.django_db


def test_source_list_counts_what_each_article_supports(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = client.get("/sources/")
    html = response.content.decode()
    for source in Source.objects.all():
        assert source.get_absolute_url() in html
    hierarchy = response.context["sources"].get(seed_file__startswith="004")
    assert hierarchy.facts_count == Fact.objects.filter(source=hierarchy).count()
    assert hierarchy.ladders_count == 1
    assert "undated" in html and "20 August 2007" in html


def test_source_page_lists_every_fact_with_its_quote(client):
    source = Source.objects.get(seed_file__startswith="001")
    html = client.get(source.get_absolute_url()).content.decode()
    for figure in SalaryFigure.objects.filter(source=source):
        assert figure.as_stated() in html
    for fact in Fact.objects.filter(source=source):
        assert fact.text.replace("'", "&#x27;").replace('"', "&quot;") in html
    for ladder in Ladder.objects.filter(source=source):
        assert ladder.name in html


def test_citations_link_to_their_source(client):
    html = client.get("/roles/call-center-team-manager/").content.decode()
    assert Source.objects.get(seed_file__startswith="004").get_absolute_url() in html


def test_unknown_source_is_a_404(client):
    assert client.get("/sources/nope/").status_code == 404


def test_every_source_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for source in Source.objects.all():
        with django_assert_max_num_queries(7):
            assert client.get(source.get_absolute_url()).status_code == 200
