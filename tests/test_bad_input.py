"""Input no page can use is refused with the site's own 400, once, before any view: NUL
(a 500 on PostgreSQL, where text cannot hold it) and every other control character."""

import pytest

pytestmark = pytest.mark.django_db

NUL_ADDRESSES = [
    "/ladders/call-center-hierarchy/?at=%00",
    "/ladders/convergys/?at=%00",
    "/compare/ladders/?ladder=%00",
    "/compare/roles/?role=manager&role=%00",
    "/compare/roles/?role=customer-service-representative&role=a%00b",
    "/roles/?q=%00",
    "/roles/?%00=1",
    "/roles/a%00b/",
]


@pytest.mark.parametrize("address", NUL_ADDRESSES)
def test_a_nul_character_in_the_address_gets_a_clear_400(client, address):
    response = client.get(address)
    assert response.status_code == 400
    assert b"NUL character (%00)" in response.content
    # The site's own page, with the headers every page carries.
    assert b"We could not understand that request" in response.content
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    ("address", "named"),
    [
        ("/roles/?q=a%01b", "U+0001"),
        ("/roles/a%09b/", "U+0009"),  # a tab in the path
        ("/roles/?a%0Ab=1", "U+000A"),  # a newline in a query name
        ("/roles/?q=%1B%5B31m", "U+001B"),  # escape, as in a terminal colour code
        ("/paths/?from=a%7F", "U+007F"),  # DEL
        ("/compare/roles/?role=manager&role=x%C2%85", "U+0085"),  # C1 "next line"
        ("/roles/?a%0Db=1", "U+000D"),
        ("/ladders/a%1Fb/", "U+001F"),
    ],
)
def test_any_control_character_in_the_address_gets_a_clear_400(client, address, named):
    response = client.get(address)
    assert response.status_code == 400
    assert f"a control character ({named}), which no page uses".encode() in response.content
    assert b"We could not understand that request" in response.content


def test_the_refusal_comes_before_any_view_or_query(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/roles/?q=%07")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "address",
    [
        "/roles/?q=caf%C3%A9",  # letters beyond ASCII are fine
        "/roles/?q=customer%20service",
        "/roles/?q=%E3%80%80",  # a non-Latin-1 space
        "/roles/?q=%ED%A0%80",  # a lone surrogate's bytes: not UTF-8, read as U+FFFD
        # What a person pastes into the search box: a tab, a line break.
        "/roles/?q=customer%09service",
        "/roles/?q=billing%0D%0A",
    ],
)
def test_printable_text_is_not_refused(client, address):
    assert client.get(address).status_code == 200


def test_a_pasted_tab_in_the_search_finds_what_a_space_would(client):
    assert "Manager" in client.get("/roles/?q=manager%09").content.decode()


def known_slugs() -> set[str]:
    from careers.models import Role
    from ladders.models import Ladder

    return {
        *Role.objects.values_list("slug", flat=True),
        *Ladder.objects.values_list("slug", flat=True),
    }


@pytest.mark.parametrize(
    "address",
    [
        "/compare/roles/?role=manager&role=executive%E3%80%80",  # U+3000, not Latin-1
        "/compare/roles/?role=%E2%80%83executive&role=manager",  # U+2003 em space
        "/compare/roles/?role=executive%C2%A0&role=manager&dollars=2025%E3%80%80",
        "/compare/ladders/?ladder=convergys%E3%80%80&ladder=call-center-hierarchy",
    ],
)
def test_only_known_slugs_go_into_the_comparison_cookie(client, address):
    # A slug with a Unicode space around it is sent to the comparison's one address first.
    first = client.get(address)
    assert first.status_code == 302 and first["Location"].isascii()
    response = client.get(first["Location"])
    assert response.status_code == 200
    morsels = {**first.cookies, **response.cookies}
    cookies = {name: morsel.value for name, morsel in morsels.items()}
    assert cookies, "a good comparison is remembered"
    for name, value in cookies.items():
        # gunicorn writes headers as Latin-1: anything else there was a bare 500.
        assert morsels[name].OutputString().isascii()
        if name == "compare_dollars":
            assert value == "2025"
        else:
            assert set(value.split(",")) <= known_slugs(), value


def test_an_unknown_or_misspelt_item_is_never_remembered(client):
    response = client.get("/compare/roles/?role=manager&role=executive%E2%80%8B")  # zero width
    assert response.status_code == 400
    assert "compare_role" not in response.cookies


@pytest.mark.parametrize(
    ("address", "named"),
    [
        ("/api/roles/%1A%C3%A3nP%18e%C2%B2/", "a control character (U+001A)"),
        ("/api/roles/a%00b/", "a NUL character (%00)"),
        ("/api/roles/?page=%00", "a NUL character (%00)"),
        ("/api/ladders/?page=1%0B", "a control character (U+000B)"),
        ("/api/?x=%07", "a control character (U+0007)"),
    ],
)
def test_under_api_the_refusal_is_the_apis_json_error(client, address, named):
    response = client.get(address)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"error": f"The address holds {named}, which no page uses."}


def test_an_overlong_api_address_is_the_apis_json_error(client):
    response = client.get("/api/roles/", {"q": "x" * 3000})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert "at most 2,048 characters" in response.json()["error"]
    page = client.get("/roles/", {"q": "x" * 3000})
    assert page.status_code == 400 and "text/html" in page["Content-Type"]
