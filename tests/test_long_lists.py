"""Long lists stay usable with a big catalogue: the comparison choosers become a typed name
past SELECT_LIMIT items, and the ladder list and source pages come a page at a time."""

import io
import re

import pytest
from django.core.management import call_command

from careers.models import Role
from core.choosers import SELECT_LIMIT
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


def cards(html: str) -> list[str]:
    return re.findall(r'<h2 class="card-title"><a href="/ladders/([^/]+)/">', html)


def next_link(html: str) -> str:
    match = re.search(r'<a href="\?([^"]*)" hx-get="[^"]*" [^>]*rel="next">', html)
    return match.group(1).replace("&amp;", "&") if match else ""


def test_a_short_ladder_list_shows_every_ladder_on_one_page(client):
    response = client.get("/ladders/")
    html = response.content.decode()
    assert sorted(cards(html)) == sorted(Ladder.objects.values_list("slug", flat=True))
    assert f"{Ladder.objects.count()} ladders drawn from the sources" in html
    assert 'class="pagination"' not in html


def test_a_long_ladder_list_comes_fifty_at_a_time_with_a_working_next_link(
    client, django_assert_max_num_queries
):
    big_catalogue()
    total = Ladder.objects.count()
    with django_assert_max_num_queries(6):  # the cards: pay at the ends, moves
        html = client.get("/ladders/").content.decode()
    first = cards(html)
    assert len(first) == 50
    assert f"{total} ladders drawn from the sources" in html
    assert f"Ladders 1–50 of {total} (page 1 of {-(-total // 50)})" in html
    second = client.get(f"/ladders/?{next_link(html)}", headers=HTMX)
    assert second.content.decode().lstrip().startswith('<div id="ladder-results"')
    assert len(cards(second.content.decode())) == 50
    assert not set(first) & set(cards(second.content.decode()))
    assert "HX-Request" in second["Vary"]


@pytest.mark.parametrize("page", ["999", "two"])
def test_a_ladder_page_that_does_not_exist_is_a_400_showing_the_first(client, page):
    response = client.get("/ladders/", {"page": page})
    assert response.status_code == 400
    assert f"There is no page “{page}”; showing the first page." in response.content.decode()
    assert cards(response.content.decode())


def statement_rows(html: str) -> int:
    return html.count('<blockquote class="citation">')


def test_a_short_source_page_shows_every_row_on_one_page(client):
    from careers.models import Source
    from core.pagination import PER_PAGE

    short = 0
    for source in Source.objects.articles().with_counts():
        html = client.get(source.get_absolute_url()).content.decode()
        total = sum(getattr(source, f"{kind}_count") for kind in ["salaries", "requirements"])
        total += source.ladders_count + source.promotions_count + source.facts_count
        if total > PER_PAGE:  # an article with more rows than a page comes a page at a time
            assert statement_rows(html) == PER_PAGE
            assert 'class="pagination"' in html
            continue
        short += 1
        assert statement_rows(html) == total
        assert 'class="pagination"' not in html and "are shown here" not in html
    assert short, "no source is short enough to show on one page"


def test_a_long_source_page_comes_fifty_rows_at_a_time_through_every_kind(
    client, django_assert_max_num_queries
):
    from careers.models import Source

    big_catalogue()
    source = Source.objects.with_counts().order_by("-promotions_count").first()
    url = source.get_absolute_url()
    with django_assert_max_num_queries(5):
        html = client.get(url).content.decode()
    assert statement_rows(html) == 50
    assert f"{source.salaries_count} pay figures" in html
    seen, pages = statement_rows(html), 1
    while query := next_link(html):
        html = client.get(f"{url}?{query}", headers=HTMX).content.decode()
        assert html.lstrip().startswith('<div id="source-rows"')
        assert 0 < statement_rows(html) <= 50
        seen, pages = seen + statement_rows(html), pages + 1
    total = sum(count for _, count, _ in source.statements().starts(50))
    assert seen == total and pages == -(-total // 50)
    past = client.get(url, {"page": pages + 1})
    assert past.status_code == 400
    assert f"There is no page “{pages + 1}”" in past.content.decode()
    assert client.get(url, {"page": "x"}).status_code == 400
