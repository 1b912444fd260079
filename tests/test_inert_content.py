"""Text an editor types with markup or formulas is shown as text everywhere."""

import csv
import io

import pytest

from careers.models import Fact, Role, Source
from salaries.models import SalaryFigure

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def hostile_role():
    role = Role.objects.create(title=f"Agent {SCRIPT}", slug="hostile-agent")
    source = Source.objects.first()
    Fact.objects.create(
        role=role,
        source=source,
        quote='"><img src=x onerror=alert(1)>',
        kind="duty",
        text=f"Duty {SCRIPT}",
    )
    Fact.objects.create(
        role=role, source=source, quote="q", kind="duty", text='=HYPERLINK("http://x")'
    )
    SalaryFigure.objects.create(
        role=role, source=source, quote=SCRIPT, low=1, high=2, period="hour"
    )
    return role


@pytest.mark.parametrize(
    "url",
    [
        "/roles/",
        "/roles/hostile-agent/",
        "/roles/?q=Agent",
        "/compare/roles/?role=hostile-agent&role=supervisor",
        "/paths/?from=hostile-agent&to=supervisor",
        "/map/",
        "/sources/crm-customer-support-careers/",
    ],
)
def test_markup_renders_as_text_on_pages_and_fragments(client, hostile_role, url):
    for headers in ({}, {"HX-Request": "true"}):
        html = client.get(url, headers=headers).content.decode()
        assert SCRIPT not in html
        assert "<img src=x" not in html


def test_markup_is_escaped_in_the_map_drawing(client, hostile_role):
    html = client.get("/map/").content.decode()
    assert "&lt;script&gt;" in html


def test_csv_cells_are_text_and_formulas_are_neutralised(client, hostile_role):
    response = client.get("/compare/roles/?role=hostile-agent&role=supervisor&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    values = [cell for row in rows for cell in row]
    assert '\'=HYPERLINK("http://x")' in values
    assert '=HYPERLINK("http://x")' not in values


def test_the_api_returns_the_text_as_json_data(client, hostile_role):
    response = client.get("/api/roles/hostile-agent/")
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json()["title"] == f"Agent {SCRIPT}"
