"""Where you are: choosing the area whose official figures the pages show, remembering
it in a small cookie, and the page cache keyed on it without letting odd values in."""

import pytest
from django.urls import reverse

from salaries.areas import find_area, forget_areas, known_areas
from salaries.official import NATIONAL, Area

pytestmark = pytest.mark.django_db

SALT_LAKE_CITY = "0041620"
UTAH = "4900000"
CHOOSER = reverse("careers:choose-area")


def test_a_state_chosen_from_the_drop_down_is_remembered_and_named_on_every_page(client):
    response = client.get(CHOOSER, {"state": UTAH, "next": "/ladders/"})
    assert response.status_code == 302 and response["Location"] == "/ladders/"
    assert response.cookies["area"].value == UTAH
    assert response.cookies["area"]["httponly"] and response.cookies["area"]["samesite"] == "Lax"
    for url in ["/roles/", "/ladders/", "/paths/", "/compare/", "/sources/", "/map/"]:
        page = client.get(url)
        assert page.status_code == 200, url
        assert "Official pay for <strong>Utah</strong> and the nation" in page.text, url


def test_a_typed_city_name_finds_its_metropolitan_area(client):
    response = client.get(CHOOSER, {"place": "  salt LAKE city ", "next": "/roles/"})
    assert response.status_code == 302 and response.cookies["area"].value == SALT_LAKE_CITY
    assert "Salt Lake City-Murray, UT" in client.get("/roles/").text


def test_a_name_several_areas_share_lists_them_to_choose_from(client):
    response = client.get(CHOOSER, {"place": "Springfield"})
    assert response.status_code == 200 and "area" not in response.cookies
    names = [area.name for area in response.context["suggestions"]]
    assert "Springfield, IL" in names and "Springfield, MA" in names
    assert (
        f"?area={Area.objects.get(name='Springfield, IL').code}&amp;next=/roles/" in response.text
    )


def test_a_name_no_area_has_says_so(client):
    response = client.get(CHOOSER, {"place": "Atlantis"})
    assert response.status_code == 200
    assert "No area BLS publishes is called “Atlantis”" in response.text


def test_the_chooser_offers_every_state_and_suggests_every_local_area(client):
    response = client.get(CHOOSER)
    groups = response.context["groups"]
    assert len(groups.states) == Area.objects.filter(kind="state").count() == 54
    assert response.text.count("<option value=") == (
        1 + 54 + Area.objects.filter(kind__in=["metro", "nonmetro"]).count()
    )


def test_national_forgets_the_area(client):
    client.cookies["area"] = UTAH
    response = client.get(CHOOSER, {"area": "national"})
    assert response.cookies["area"].value == "" and response.cookies["area"]["max-age"] == 0
    assert "Official pay for <strong>the United States</strong>" in client.get("/roles/").text


def test_a_link_that_carries_an_area_remembers_it_and_drops_it_from_the_address(client):
    response = client.get("/roles/", {"q": "manager", "area": SALT_LAKE_CITY})
    assert response.status_code == 302 and response["Location"] == "/roles/?q=manager"
    assert response.cookies["area"].value == SALT_LAKE_CITY


@pytest.mark.parametrize("value", ["99", "0000001", "salt lake", "0041620 ", "\u3000"])
def test_an_unknown_area_in_a_link_is_a_clear_400(client, value):
    response = client.get("/roles/", {"area": value})
    assert response.status_code == 400
    assert "There is no area with that code" in response.text
    assert "area" not in response.cookies


@pytest.mark.parametrize("value", ["99", "0041620x", "0041620,0041620", "%E3%80%80", "0" * 300])
def test_an_unknown_area_cookie_is_the_nation_and_shares_its_cached_page(client, value):
    first = client.get("/ladders/")
    assert first["X-Cache"] == "miss"
    client.cookies["area"] = value
    again = client.get("/ladders/")
    assert again.status_code == 200 and again["X-Cache"] == "hit"
    assert "Official pay for <strong>the United States</strong>" in again.text


def test_each_known_area_has_its_own_cached_page(client):
    client.get("/ladders/")
    client.cookies["area"] = UTAH
    page = client.get("/ladders/")
    assert page["X-Cache"] == "miss" and "<strong>Utah</strong>" in page.text
    assert client.get("/ladders/")["X-Cache"] == "hit"


def test_the_next_page_is_never_another_site(client):
    for target in ["https://example.com/", "//example.com/", "javascript:alert(1)", ""]:
        response = client.get(CHOOSER, {"state": UTAH, "next": target})
        assert response["Location"] == "/roles/", target


def test_naming_the_area_costs_no_query_once_the_areas_are_known(client, django_assert_num_queries):
    known_areas()
    client.cookies["area"] = UTAH
    with django_assert_num_queries(0):
        client.get(CHOOSER + "?state=" + NATIONAL)


def test_find_area_takes_codes_exact_names_and_unique_words():
    assert find_area(SALT_LAKE_CITY)[0].name == "Salt Lake City-Murray, UT"
    assert find_area("utah")[0].code == UTAH
    assert find_area("Orlando")[0].name.startswith("Orlando")
    assert find_area("")[0] is None


def test_an_area_added_in_admin_is_known_at_once():
    known_areas()
    Area.objects.create(code="9999999", kind="metro", state_code="49", name="Testville, UT")
    assert "9999999" in known_areas()
    Area.objects.filter(code="9999999").delete()
    forget_areas()
    assert "9999999" not in known_areas()


def test_the_place_form_sent_empty_says_what_to_do(client):
    response = client.get(CHOOSER, {"place": "  "})
    assert response.status_code == 200 and "area" not in response.cookies
    assert "Type the name of a city or region first" in response.text
