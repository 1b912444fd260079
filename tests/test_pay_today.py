"""Pay today: each role's official figures nationally and where a person is, the change a
step makes, and the words for what BLS does not publish."""

from decimal import Decimal

import pytest

from careers.models import Role
from salaries.official import NATIONAL, Area, RoleOccupation, WageEstimate
from salaries.today import pay_today, step_change

pytestmark = pytest.mark.django_db

SALT_LAKE_CITY = "0041620"


def role(slug: str) -> Role:
    return Role.objects.get(slug=slug)


def estimate(occupation: str, area: str, industry: str = "000000") -> WageEstimate:
    return WageEstimate.objects.get(occupation=occupation, area=area, industry=industry)


def test_every_role_in_two_queries_whatever_the_area(django_assert_num_queries):
    roles = list(Role.objects.all())
    for area in [None, Area.objects.get(code=SALT_LAKE_CITY)]:
        with django_assert_num_queries(2):
            found = pay_today(roles, area)
        assert set(found) == {r.pk for r in roles}


def test_a_csr_has_national_local_and_call_center_figures_as_bls_publishes_them():
    slc = Area.objects.get(code=SALT_LAKE_CITY)
    csr = role("customer-service-representative")
    pay = pay_today([csr], slc)[csr.pk]
    assert pay.national == estimate("43-4051", NATIONAL)
    assert pay.local == estimate("43-4051", SALT_LAKE_CITY)
    assert pay.call_centers == estimate("43-4051", NATIONAL, "561400")
    assert pay.headline == pay.local and pay.is_local and not pay.local_missing
    assert pay.release.name == "May 2025" and pay.release.source.kind == "statistics"


def test_nationally_there_is_no_local_figure():
    csr = role("customer-service-representative")
    pay = pay_today([csr])[csr.pk]
    assert pay.local is None and not pay.local_missing and pay.headline == pay.national


def test_a_group_bls_publishes_nationally_only_says_so_locally():
    slc = Area.objects.get(code=SALT_LAKE_CITY)
    executive = role("executive")
    pay = pay_today([executive], slc)[executive.pk]
    assert pay.national is not None and pay.local is None and pay.local_missing
    assert pay.headline == pay.national


def test_a_role_no_federal_category_fits_says_why_in_the_mappings_words():
    qa = role("quality-assurance-representative")
    pay = pay_today([qa])[qa.pk]
    assert pay.national is None and pay.headline is None
    reason = RoleOccupation.objects.get(role=qa).reason
    assert pay.why_none == f"No federal category fits this role: {reason}"


def test_a_role_without_a_mapping_says_none_has_been_chosen():
    new = Role.objects.create(title="Chat agent", slug="chat-agent")
    assert pay_today([new])[new.pk].why_none.startswith("No federal occupation has been chosen")


def test_a_step_compares_both_ends_in_the_chosen_area():
    slc = Area.objects.get(code=SALT_LAKE_CITY)
    csr, team = role("customer-service-representative"), role("call-center-team-manager")
    found = pay_today([csr, team], slc)
    change = step_change(found[csr.pk], found[team.pk])
    before, after = estimate("43-4051", SALT_LAKE_CITY), estimate("43-1011", SALT_LAKE_CITY)
    assert change.amount == after.annual_median - before.annual_median > 0
    assert change.area.code == SALT_LAKE_CITY
    assert change.words.startswith(f"+${change.amount:,.0f} a year (+")


def test_a_step_falls_back_to_national_when_one_end_has_no_local_figure():
    slc = Area.objects.get(code=SALT_LAKE_CITY)
    manager, executive = role("manager"), role("executive")
    found = pay_today([manager, executive], slc)
    change = step_change(found[manager.pk], found[executive.pk])
    assert change.area.code == NATIONAL


def test_a_step_within_one_occupation_says_bls_shows_no_difference():
    csr, senior = (
        role("customer-service-representative"),
        role("senior-customer-service-representative"),
    )
    found = pay_today([csr, senior])
    change = step_change(found[csr.pk], found[senior.pk])
    assert change.same_occupation and "BLS’s figures cannot tell these roles apart" in change.words


def test_a_step_to_a_role_without_figures_has_no_change():
    csr, qa = role("customer-service-representative"), role("quality-assurance-representative")
    found = pay_today([csr, qa])
    assert step_change(found[csr.pk], found[qa.pk]) is None


def test_figures_bls_does_not_publish_are_put_in_words():
    row = estimate("43-4051", NATIONAL)
    assert row.shown("annual_median") == f"${row.annual_median:,.0f}"
    assert row.shown("hourly_median") == f"${row.hourly_median:,.2f}"
    assert row.shown("location_quotient") == "not published"
    row.annual_p90, row.footnotes = None, {"annual_p90": ["5"]}
    assert row.shown("annual_p90") == "above BLS's top code (not published)"
    row.hourly_p90, row.footnotes = None, {"hourly_p90": ["5"]}
    assert row.shown("hourly_p90") == "above BLS's top code (not published)"
    row.annual_mean, row.footnotes = None, {"annual_mean": ["8"]}
    assert row.shown("annual_mean") == "not released by BLS"
    labels = [label for label, _ in row.percentiles()]
    assert labels[2] == "Median" and [v for _, v in row.percentiles()][2] == row.annual_median
    assert isinstance(row.percentiles("hourly")[0][1], Decimal)
