"""Where the jobs are: a role's federal occupation in every state (a tile map and its table)
and every metropolitan and nonmetropolitan area (ranked), as BLS publishes them."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.urls import reverse

from careers.models import Role
from salaries import geography
from salaries.official import Area, RoleOccupation, WageEstimate, WageRelease

SALT_LAKE_CITY = "0041620"
CSR = "customer-service-representative"
TILE = re.compile(
    r'<g class="tile( unpublished)?">\s*<title>(?P<title>[^<]*)</title>\s*'
    r'<rect x="(?P<x>\d+)" y="(?P<y>\d+)"[^>]*fill="(?P<fill>[^"]+)"'
    r".*?>(?P<postal>[A-Z]{2})</text>",
    re.S,
)
ROW = re.compile(
    r'<tr( class="chosen")?><th scope="row">(?P<head>.*?)</th>(?P<cells>.*?)</tr>', re.S
)
CELL = re.compile(r'<td class="num">([^<]*)</td>')


def page(client, slug=CSR, **params):
    return client.get(reverse("careers:role-jobs", args=[slug]), params)


def text(response) -> str:
    return response.content.decode()


def tiles(html: str) -> dict[str, dict]:
    return {match["postal"]: match.groupdict() for match in TILE.finditer(html)}


def section(html: str, heading_id: str) -> str:
    start = html.index(f'id="{heading_id}"')
    return html[start : html.index("</section>", start)]


def rows(html: str) -> list[tuple[str, list[str], bool]]:
    found = []
    for match in ROW.finditer(html):
        head = " ".join(unescape(re.sub(r"<[^>]+>", " ", match["head"])).split())
        found.append(
            (head, [unescape(cell) for cell in CELL.findall(match["cells"])], bool(match[1]))
        )
    return found


def estimates(occupation: str) -> dict[str, WageEstimate]:
    latest = WageRelease.objects.order_by("-published_on").first()
    return {
        estimate.area_id: estimate
        for estimate in WageEstimate.objects.filter(
            release=latest, occupation=occupation, industry="000000"
        ).select_related("area")
    }


def occupation_of(slug: str) -> str:
    return RoleOccupation.objects.get(role__slug=slug).occupation_id


@pytest.mark.django_db
def test_the_lede_names_the_occupation_the_mapping_and_the_source(client):
    response = page(client)
    assert response.status_code == 200
    html = unescape(text(response))
    mapping = RoleOccupation.objects.select_related("occupation").get(role__slug=CSR)
    release = WageRelease.objects.select_related("source").get()
    assert f"Where the jobs are: {mapping.role.title}</h1>" in html
    assert mapping.occupation.title in html and mapping.occupation.code in html
    assert mapping.get_closeness_display() in html and mapping.reason in html
    source_url = reverse("careers:source-detail", args=[release.source.slug])
    assert f'href="{source_url}">BLS OEWS, {release.name}</a>' in html
    assert release.source.caveat in html


@pytest.mark.django_db
@pytest.mark.parametrize("measure", ["jobs_per_1000", "annual_median"])
def test_a_tile_per_state_titled_with_its_name_and_value(client, measure):
    html = text(page(client, measure=measure))
    drawn = tiles(html)
    states = Area.objects.filter(kind=Area.Kind.STATE)
    assert len(drawn) == states.count() == 54
    published = estimates(occupation_of(CSR))
    for state in states:
        tile = drawn[geography.POSTAL[state.state_code]]
        title = unescape(tile["title"])
        assert title.startswith(f"{state.name}: ")
        assert published[state.code].shown(measure) in title
        assert (int(tile["x"]), int(tile["y"])) == (
            geography.Tile(tile["postal"], "", None, "", None, False).x,
            geography.Tile(tile["postal"], "", None, "", None, False).y,
        )
    # Every tile is coloured from the scale, and the legend names its ranges.
    assert {tile["fill"] for tile in drawn.values()} <= set(geography.SCALE)
    legend = unescape(
        html[html.index('class="map-legend"') : html.index("</ul>", html.index("map-legend"))]
    )
    values = [published[state.code].measure(measure) for state in states]
    lowest, highest = min(values), max(values)
    if measure == "annual_median":
        assert f"${lowest:,.0f} to " in legend and f" to ${highest:,.0f} a year" in legend
    else:
        assert f"{lowest} to " in legend and f" to {highest} jobs per 1,000 jobs" in legend


@pytest.mark.django_db
def test_states_without_a_published_figure_are_hatched_and_named_so(client):
    slug = "development-support-representative"  # Database Administrators: not every state
    published = estimates(occupation_of(slug))
    html = text(page(client, slug))
    drawn = tiles(html)
    missing = [
        state
        for state in Area.objects.filter(kind=Area.Kind.STATE)
        if state.code not in published or published[state.code].jobs_per_1000 is None
    ]
    assert missing, "the fixture has states without an estimate for this occupation"
    for state in missing:
        tile = drawn[geography.POSTAL[state.state_code]]
        assert tile["fill"] == "url(#hatch)" and "not published" in tile["title"]
    assert f'not published <span class="muted small">({len(missing)} state' in html


@pytest.mark.django_db
def test_the_table_of_states_has_every_state_with_its_figures(client):
    html = text(page(client))
    table = rows(section(html, "states-heading"))
    published = estimates(occupation_of(CSR))
    states = list(Area.objects.filter(kind=Area.Kind.STATE).order_by("name"))
    assert [head for head, _, _ in table] == [state.name for state in states]
    for (_, cells, _), state in zip(table, states, strict=True):
        estimate = published[state.code]
        measures = ["employment", "jobs_per_1000", "annual_median", "location_quotient"]
        assert cells == [estimate.shown(name) for name in measures]


def area_rows(html: str) -> list[tuple[str, list[str], bool]]:
    return rows(section(html, "areas"))


def local(occupation: str) -> list[WageEstimate]:
    return [
        estimate
        for estimate in estimates(occupation).values()
        if estimate.area.kind in (Area.Kind.METRO, Area.Kind.NONMETRO)
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "sort, key, descending",
    [
        ("jobs_per_1000", lambda e: e.jobs_per_1000, True),
        ("employment", lambda e: e.employment, True),
        ("annual_median", lambda e: e.annual_median, True),
        ("name", lambda e: e.area.name, False),
    ],
)
def test_the_areas_sort_by_the_chosen_measure(client, sort, key, descending):
    params = {"sort": sort} if sort != "jobs_per_1000" else {}
    table = area_rows(text(page(client, **params)))
    valued = [e for e in local(occupation_of(CSR)) if key(e) is not None]
    expected = sorted(valued, key=key, reverse=descending)
    assert len(table) == 50
    first = expected[0]
    assert table[0][0].startswith(f"1. {first.area.name}")
    assert table[0][1] == [
        first.shown(name)
        for name in [
            "employment",
            "jobs_per_1000",
            "location_quotient",
            "annual_median",
            "annual_p10",
            "annual_p90",
        ]
    ]
    shown = [key(e) for e in expected[:50]]
    assert shown == sorted(shown, reverse=descending)


@pytest.mark.django_db
def test_all_areas_on_request_and_nonmetro_areas_labelled(client):
    everything = local(occupation_of(CSR))
    html = text(page(client, all="1", sort="name"))
    table = area_rows(html)
    assert len(table) == len(everything) > 50
    nonmetro = [e.area.name for e in everything if e.area.kind == Area.Kind.NONMETRO]
    labelled = [head for head, _, _ in table if "(nonmetropolitan area)" in head]
    assert len(labelled) == len(nonmetro) > 0
    assert "Show the first 50 only" in html
    assert "Show all" in text(page(client))


@pytest.mark.django_db
def test_sort_links_keep_the_measure(client):
    html = unescape(text(page(client, measure="annual_median")))
    assert 'href="?measure=annual_median&sort=employment#areas"' in html
    assert 'href="?measure=annual_median&sort=name#areas"' in html
    assert 'href="?measure=annual_median#areas">Jobs per 1,000 jobs' in html


@pytest.mark.django_db
def test_the_chosen_area_is_outlined_on_the_map_and_highlighted_in_the_tables(client):
    client.cookies["area"] = SALT_LAKE_CITY
    html = text(page(client))
    slc = Area.objects.get(code=SALT_LAKE_CITY)
    utah = Area.objects.get(kind=Area.Kind.STATE, state_code=slc.state_code)
    ut = geography.Tile("UT", "", None, "", None, False)
    outline = re.search(r'<g class="outlined">\s*<rect x="(-?\d+)" y="(-?\d+)"', html)
    assert outline and (int(outline[1]), int(outline[2])) == (ut.x - 3, ut.y - 3)
    assert f"outlined: <strong>{utah.name}</strong>, the state of {slc.name}" in unescape(html)
    chosen_states = [head for head, _, chosen in rows(section(html, "states-heading")) if chosen]
    assert chosen_states == [utah.name]
    chosen_areas = [head for head, _, chosen in area_rows(html) if chosen]
    assert len(chosen_areas) == 1 and slc.name in chosen_areas[0]
    assert f"Where you are: <strong>{slc.name}</strong>" in unescape(html)
    # Nationally nothing is outlined.
    client.cookies.pop("area")
    html = text(page(client))
    assert 'class="outlined"' not in html and 'class="chosen"' not in html


@pytest.mark.django_db
def test_a_chosen_area_ranked_below_the_first_50_is_still_shown(client):
    ranked = sorted(
        (e for e in local(occupation_of(CSR)) if e.jobs_per_1000 is not None),
        key=lambda e: e.jobs_per_1000,
        reverse=True,
    )
    low = ranked[-1].area
    client.cookies["area"] = low.code
    table = area_rows(text(page(client)))
    assert len(table) == 51 and table[-1][2] and low.name in table[-1][0]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", ["quality-assurance-representative", "subject-matter-expert"])
def test_a_role_no_federal_category_fits_answers_with_its_reason(client, slug):
    response = page(client, slug)
    assert response.status_code == 200
    mapping = RoleOccupation.objects.get(role__slug=slug)
    assert mapping.closeness == "none"
    html = unescape(text(response))
    assert mapping.reason in html and "No federal category fits" in html
    assert '<svg class="tile-map-svg"' not in html


@pytest.mark.django_db
def test_an_occupation_published_nationally_only_says_so(client):
    html = unescape(text(page(client, "executive")))
    occupation = RoleOccupation.objects.get(role__slug="executive").occupation
    assert set(estimates(occupation.code)) == {"0000000"}
    assert f"BLS publishes {occupation.title} nationally only" in html
    assert 'class="tile-map-svg"' not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, status",
    [
        ({"measure": "employment"}, 400),
        ({"measure": ""}, 400),
        ({"sort": "rank"}, 400),
        ({"all": "yes"}, 400),
        ({"sort": "name", "measure": "annual_median", "all": "1"}, 200),
        ({"utm_source": "x"}, 200),
    ],
)
def test_bad_params_are_a_400_with_words_never_a_500(client, params, status):
    response = page(client, **params)
    assert response.status_code == status
    if status == 400:
        assert "only" in text(response) or "“all”" in text(response)


@pytest.mark.django_db
def test_an_unknown_role_is_a_404(client):
    assert page(client, "no-such-role").status_code == 404


@pytest.mark.django_db
def test_queries_stay_few_whatever_the_number_of_areas(client, django_assert_max_num_queries):
    client.cookies["area"] = SALT_LAKE_CITY
    with django_assert_max_num_queries(6):
        response = page(client, all="1", sort="employment")
    assert response.status_code == 200
    assert len(area_rows(text(response))) == len(local(occupation_of(CSR)))


@pytest.mark.django_db
def test_the_page_is_cached_per_choice_and_area(client):
    first = page(client, measure="annual_median")
    assert first["X-Cache"] == "miss"
    assert page(client, measure="annual_median")["X-Cache"] == "hit"
    client.cookies["area"] = SALT_LAKE_CITY
    assert page(client, measure="annual_median")["X-Cache"] == "miss"


@pytest.mark.django_db
def test_only_safe_methods(client):
    assert client.post(reverse("careers:role-jobs", args=[CSR])).status_code == 405


# The pure parts, without a database.


def test_every_bls_state_has_a_tile_and_no_two_tiles_overlap():
    assert set(geography.POSTAL.values()) == set(geography.TILES)
    assert len(set(geography.TILES.values())) == len(geography.TILES) == 54


def test_classes_hold_about_equal_shares_and_keep_ties_together():
    values = [Decimal(n) for n in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]]
    classes = geography.classes_of(values)
    assert [(c.low, c.high) for c in classes] == [(1, 2), (3, 4), (5, 6), (7, 8), (9, 10)]
    tied = geography.classes_of([Decimal(n) for n in [1, 1, 1, 1, 1, 2, 3]])
    assert all(c.low != other.high for c in tied for other in tied if other.index < c.index)
    assert sum(c.count for c in tied) == 7
    two = geography.classes_of([Decimal(1), Decimal(2)])
    assert [c.index for c in two] == [0, len(geography.SCALE) - 1]  # lightest and darkest
    assert geography.classes_of([]) == []


def test_tile_text_is_readable_on_every_class():
    for fill in [*geography.SCALE, geography.NOT_PUBLISHED]:
        assert geography.contrast(geography.text_on(fill), fill) >= 4.5


def test_ranking_puts_areas_without_a_value_last_and_ties_by_name():
    rows = [("b", 2), ("a", 2), ("c", None), ("d", 5)]
    ranked = geography.ranked(rows, lambda r: r[1], descending=True, name=lambda r: r[0])
    assert [r[0] for r in ranked] == ["d", "a", "b", "c"]
    assert [geography.ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st",
    ]  # fmt: skip


@pytest.mark.django_db
def test_every_role_with_an_occupation_answers(client):
    for role in Role.objects.all():
        assert page(client, role.slug).status_code == 200, role.slug


@pytest.mark.django_db
def test_the_readers_area_is_ranked_only_by_a_figure_it_has(client):
    client.cookies["area"] = "0041620"  # Salt Lake City: Database Administrators' wages withheld
    jobs = "/roles/development-support-representative/jobs/"
    by_median = client.get(jobs, {"sort": "annual_median"}).content.decode()
    assert "Salt Lake City-Murray, UT</strong> (" in by_median
    assert "ranked" not in by_median.split("chosen-note", 1)[1].split("</p>", 1)[0]
    by_name = client.get(jobs, {"sort": "name"}).content.decode()
    assert "ranked" not in by_name.split("chosen-note", 1)[1].split("</p>", 1)[0]
    csr = client.get("/roles/customer-service-representative/jobs/").content.decode()
    assert "ranked" in csr.split("chosen-note", 1)[1].split("</p>", 1)[0]
