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
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert SCRIPT not in html
        assert "<img src=x" not in html
        # Shown, as text.
        assert "Agent &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html, url


@pytest.fixture
def hostile_ladder():
    from ladders.models import Ladder, Rung

    ladder = Ladder.objects.create(
        name=f"Track {SCRIPT}", slug="hostile-track", source=Source.objects.first(), quote="q"
    )
    Rung.objects.create(ladder=ladder, role=Role.objects.get(slug="supervisor"), position=1)
    return ladder


@pytest.mark.parametrize(
    "url",
    [
        "/ladders/",
        "/ladders/hostile-track/",
        "/ladders/hostile-track/?at=supervisor",
        "/compare/ladders/?ladder=hostile-track&ladder=convergys",
        "/roles/supervisor/",
    ],
)
def test_a_ladder_name_with_markup_renders_as_text(client, hostile_ladder, url):
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(url, headers=headers)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert SCRIPT not in html
        if not headers:  # a fragment may not name the ladder at all
            assert "Track &lt;script&gt;" in html, url


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


def test_no_template_comment_leaks_onto_a_page():
    """Django's {# #} comments end at the line: one spread over two lines is printed."""
    from pathlib import Path

    for template in (Path(__file__).parent.parent / "templates").rglob("*.html"):
        for number, line in enumerate(template.read_text().splitlines(), start=1):
            assert "{#" not in line or "#}" in line, f"{template}:{number}"
