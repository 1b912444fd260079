"""Long lists stay usable with a big catalogue: the comparison choosers become a typed name
past SELECT_LIMIT items, and the ladder list and source pages come a page at a time."""

import io
import re

import pytest
from django.core.management import call_command

from careers.choosers import SELECT_LIMIT
from careers.models import Role
from ladders.models import Ladder

pytestmark = pytest.mark.django_db

ROLES = "/compare/roles/"
LADDERS = "/compare/ladders/"
HTMX = {"HX-Request": "true"}


def big_catalogue() -> None:
    """More roles and ladders than a drop-down may list (ladder chains are the only moves)."""
    call_command(
        "generate_catalogue",
        f"--roles={SELECT_LIMIT + 20}",
        "--promotions=0",
        f"--ladders={SELECT_LIMIT + 10}",
        "--seed=5",
        stdout=io.StringIO(),
    )


def add_options(html: str) -> list[str]:
    """The options of the "add a …" drop-down."""
    match = re.search(r'<select id="add-item".*?</select>', html, re.S)
    return re.findall(r'<option value="([^"]*)"', match.group()) if match else []


def test_a_short_role_list_is_still_a_drop_down_of_every_role_not_chosen(client):
    html = client.get(ROLES, {"role": ["supervisor"]}).content.decode()
    expected = list(
        Role.objects.exclude(slug="supervisor").order_by().values_list("slug", flat=True)
    )
    assert sorted(add_options(html)[1:]) == sorted(expected)
    assert add_options(html)[0] == ""  # "Choose a role"
    assert 'name="role" value=""' not in html  # no typed field


def test_a_short_ladder_list_is_still_a_drop_down_of_every_ladder_not_chosen(client):
    html = client.get(LADDERS, {"ladder": ["convergys"]}).content.decode()
    expected = Ladder.objects.exclude(slug="convergys").values_list("slug", flat=True)
    assert add_options(html)[1:] == list(expected)


@pytest.mark.parametrize(("url", "param"), [(ROLES, "role"), (LADDERS, "ladder")])
def test_a_long_list_asks_for_a_typed_name_instead_of_listing_every_item(client, url, param):
    big_catalogue()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert add_options(html) == []
    assert f'<input type="text" id="add-item" name="{param}"' in html
    # Only the dollars year drop-down is left: far fewer options than items.
    assert html.count("<option") < 100
    assert len(html) < 40_000


def test_a_typed_role_name_is_added_and_the_address_then_names_it_by_slug(client):
    big_catalogue()
    role = Role.objects.filter(slug__startswith="synthetic-").order_by("pk")[7]
    response = client.get(ROLES, {"role": ["supervisor", role.title.upper()], "dollars": "2020"})
    assert response.status_code == 302
    assert response["Location"] == f"{ROLES}?role=supervisor&role={role.slug}&dollars=2020"
    page = client.get(response["Location"])
    assert [item.slug for item in page.context["roles"]] == ["supervisor", role.slug]
    assert page.cookies["compare_role"].value == f"supervisor,{role.slug}"


def test_a_typed_ladder_name_is_added(client):
    big_catalogue()
    response = client.get(LADDERS, {"ladder": ["convergys", "Synthetic ladder 0003"]}, follow=True)
    assert response.status_code == 200
    assert [column.ladder.slug for column in response.context["columns"]] == [
        "convergys",
        "synthetic-ladder-0003",
    ]


def test_a_typed_name_through_htmx_still_gets_the_comparison_fragment(client):
    big_catalogue()
    response = client.get(ROLES, {"role": ["supervisor", "Executive"]}, headers=HTMX, follow=True)
    assert response.redirect_chain[0][0] == f"{ROLES}?role=supervisor&role=executive"
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="comparison"')
    assert "Comparing 2 roles" in html


def test_an_unknown_typed_name_is_a_form_error_with_suggestions(client):
    big_catalogue()
    response = client.get(ROLES, {"role": ["supervisor", "billing supervisor zz"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no role called “billing supervisor zz”." in html
    assert 'value="billing supervisor zz"' in html and 'aria-invalid="true"' in html
    assert [role.slug for role in response.context["roles"]] == ["supervisor"]
    response = client.get(ROLES, {"role": ["supervisor", "billing supervisor"]})
    assert response.status_code == 400
    suggested = response.context["suggestions"]
    assert suggested and all("billing supervisor" in i.title.lower() for i, _ in suggested)
    query = suggested[0][1]
    assert f'href="{ROLES}?{query}"'.replace("&", "&amp;") in response.content.decode()
    assert client.get(f"{ROLES}?{query}").status_code == 200


def test_an_unknown_ladder_name_in_a_short_list_says_to_choose_from_it(client):
    response = client.get(LADDERS, {"ladder": ["convergys", "no such ladder"]})
    assert response.status_code == 400
    assert "There is no ladder called “no such ladder”. Choose one from the list." in (
        response.content.decode()
    )


def test_the_path_finder_takes_a_role_name_as_well_as_its_address_name(client):
    response = client.get("/paths/", {"from": "Supervisor", "to": "executive"})
    assert [step.to_role.slug for step in response.context["steps"]] == ["manager", "executive"]
