"""The admin editor: validation next to the field, conflicts, history and revert,
the Editors group, and the staff links from public pages."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse

from careers.models import RequirementStatement, Role, Source
from core.editors import EDITORS, ensure_editors_group
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure
from tests.conftest import load_seed_data

pytestmark = pytest.mark.django_db


def errors_of(instance) -> dict:
    with pytest.raises(ValidationError) as raised:
        instance.full_clean()
    return raised.value.message_dict


def figure(**changes) -> SalaryFigure:
    base = SalaryFigure.objects.get(role__slug="senior-customer-service-representative")
    for name, value in changes.items():
        setattr(base, name, value)
    return base


# ---- validation rules, each with the message next to its field -------------------------


def test_the_seed_figures_are_valid():
    for row in SalaryFigure.objects.all():
        row.full_clean()


def test_low_above_high_is_refused_on_the_high_field():
    assert "is below the low figure" in errors_of(figure(low=Decimal(60000)))["high"][0]


def test_an_hourly_figure_that_looks_yearly_is_refused():
    message = errors_of(figure(period="hour", low=Decimal(25000), high=Decimal(30000)))["period"][0]
    assert "an hour looks like a yearly figure" in message


def test_a_yearly_figure_that_looks_hourly_is_refused():
    message = errors_of(figure(low=Decimal(9), high=Decimal(17)))["period"][0]
    assert "a year looks like an hourly figure" in message


@pytest.mark.parametrize(("year", "words"), [(2999, "cannot be after"), (1949, "cannot be before")])
def test_years_outside_1950_to_now_are_refused(year, words):
    assert words in errors_of(figure(year=year))["year"][0]


def test_a_quote_not_in_the_source_text_is_refused():
    message = errors_of(figure(quote="Senior representatives earn a fortune."))["quote"][0]
    assert "not in the source's text word for word" in message


def test_a_quote_with_other_line_breaks_is_accepted():
    row = figure()
    row.quote = row.quote.replace(" ", "\n", 3)
    row.full_clean()


def test_experience_most_below_least_is_refused():
    req = RequirementStatement.objects.filter(experience_max_years__isnull=False).first()
    req.experience_min_years = Decimal(9)
    assert "experience_max_years" in errors_of(req)


def test_a_promotion_that_loops_back_is_refused():
    ladder = Ladder.objects.get(slug="call-center-hierarchy")
    step = Promotion(
        ladder=ladder,
        source=ladder.source,
        quote=ladder.quote,
        from_role=Role.objects.get(slug="call-center-general-manager"),
        to_role=Role.objects.get(slug="help-desk-representative"),
    )
    assert "loop back on itself" in errors_of(step)["to_role"][0]


def test_a_promotion_to_itself_is_refused():
    ladder = Ladder.objects.get(slug="convergys")
    csr = Role.objects.get(slug="customer-service-representative")
    step = Promotion(
        ladder=ladder, source=ladder.source, quote=ladder.quote, from_role=csr, to_role=csr
    )
    assert "different role" in errors_of(step)["to_role"][0]


# ---- the admin forms ----------------------------------------------------------------------


@pytest.fixture
def editor(client):
    ensure_editors_group()
    user = User.objects.create_user("edna", password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def form_data(response) -> dict:
    """The values a browser would submit for the admin form on this page."""
    form = response.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            value = ""
        data[name] = value
    try:
        formsets = response.context["inline_admin_formsets"]
    except KeyError:  # the history (revert) page has no inlines
        formsets = []
    for formset in formsets:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for inline_form in formset.formset.forms:
            for name in inline_form.fields:
                value = inline_form[name].value()
                data[inline_form.add_prefix(name)] = "" if value is None else value
    return {key: value for key, value in data.items() if value is not False}


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def test_an_inline_pay_edit_is_checked_next_to_its_field(client, editor):
    role = Role.objects.get(slug="senior-customer-service-representative")
    page = client.get(change_url(role))
    data = form_data(page)
    prefix = next(key for key in data if key.endswith("-low") and key.startswith("salary"))
    data[prefix] = "60000"
    response = client.post(change_url(role), data)
    assert response.status_code == 200
    assert "is below the low figure" in response.content.decode()
    assert SalaryFigure.objects.get(role=role).low == Decimal("33655.00")


def test_an_inline_pay_edit_saves_and_shows_on_the_public_page(client, editor):
    role = Role.objects.get(slug="senior-customer-service-representative")
    data = form_data(client.get(change_url(role)))
    key = next(key for key in data if key.endswith("-high") and key.startswith("salary"))
    data[key] = "51000.00"
    response = client.post(change_url(role), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert (
        "can make $33,655–$51,000 (a year, as we read it)"
        in client.get(role.get_absolute_url()).content.decode()
    )


def test_a_second_concurrent_edit_is_refused_and_shows_what_changed(client, editor):
    role = Role.objects.get(slug="executive")
    first = form_data(client.get(change_url(role)))
    second = dict(first)
    first["title"] = "Executive (renamed by the first editor)"
    assert client.post(change_url(role), first).status_code == 302
    second["title"] = "Executive (second editor)"
    response = client.post(change_url(role), second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Somebody else saved this role while you were editing it" in html
    assert (
        "Title: “Executive” → “Executive (renamed by the first editor)” "
        "(yours: “Executive (second editor)”)" in html.replace("&quot;", '"')
    )
    role.refresh_from_db()
    assert role.title == "Executive (renamed by the first editor)"


def test_an_edit_that_does_not_say_its_version_is_refused(client, editor):
    role = Role.objects.get(slug="executive")
    data = form_data(client.get(change_url(role)))
    del data["expected_version"]
    data["title"] = "Executive (from a stale form)"
    response = client.post(change_url(role), data)
    assert response.status_code == 200
    assert "does not say which version it started from" in response.content.decode()
    role.refresh_from_db()
    assert role.title == "Executive"


def test_history_records_who_changed_what_and_revert_restores(client, editor):
    role = Role.objects.get(slug="manager")
    seed_version = role.history.get()
    assert seed_version.history_change_reason == "Loaded from fixtures/roles.json"
    data = form_data(client.get(change_url(role)))
    data["title"] = "Manager (edited)"
    assert client.post(change_url(role), data).status_code == 302
    latest = role.history.first()
    assert latest.history_user == editor
    assert latest.title == "Manager (edited)"
    history_page = client.get(reverse("admin:careers_role_history", args=[role.pk]))
    assert history_page.status_code == 200
    assert "Manager (edited)" in history_page.content.decode()

    # The seed's own version is there to go back to.
    revert_url = reverse(
        "admin:careers_role_simple_history", args=[role.pk, seed_version.history_id]
    )
    revert = form_data(client.get(revert_url))
    assert client.post(revert_url, revert).status_code == 302
    role.refresh_from_db()
    assert role.title == seed_version.title == "Manager"


def test_loading_the_fixtures_again_adds_history_only_for_changed_rows():
    role = Role.objects.get(slug="manager")
    role.title = "Manager (edited)"
    role.save()
    before = {model: model.history.count() for model in (Role, Source)}
    load_seed_data()
    assert Source.history.count() == before[Source]
    assert Role.history.count() == before[Role] + 1
    restored = role.history.first()
    assert (restored.title, restored.history_type) == ("Manager", "~")
    assert restored.history_change_reason == "Loaded from fixtures/roles.json"


def test_swapping_two_rung_positions_in_one_save_works(client, editor):
    ladder = Ladder.objects.get(slug="peoplesupport")
    data = form_data(client.get(change_url(ladder)))
    positions = {
        key: value
        for key, value in data.items()
        if key.startswith("rungs-") and key.endswith("-position")
    }
    first, second = sorted(positions, key=lambda key: positions[key])[1:3]
    data[first], data[second] = positions[second], positions[first]
    response = client.post(change_url(ladder), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    order = list(ladder.rungs.order_by("position").values_list("role__slug", flat=True))
    assert order[1:3] == ["subject-matter-expert", "supervisor"]


def test_a_position_used_twice_is_refused_next_to_the_field(client, editor):
    ladder = Ladder.objects.get(slug="peoplesupport")
    data = form_data(client.get(change_url(ladder)))
    keys = sorted(k for k in data if k.startswith("rungs-") and k.endswith("-position"))
    data[keys[1]] = data[keys[0]]
    response = client.post(change_url(ladder), data)
    assert response.status_code == 200
    assert "is used twice on this ladder" in response.content.decode()
    assert sorted(Rung.objects.filter(ladder=ladder).values_list("position", flat=True)) == [
        1,
        2,
        3,
        4,
    ]


# ---- permissions ----------------------------------------------------------------------------


def test_editors_may_edit_every_kind_of_content(client, editor):
    for obj in [
        Role.objects.first(),
        Source.objects.first(),
        SalaryFigure.objects.first(),
        Ladder.objects.first(),
        Promotion.objects.first(),
    ]:
        assert client.get(change_url(obj)).status_code == 200
    assert editor.has_perm("careers.delete_role") and editor.has_perm("salaries.add_salaryfigure")


def test_editors_may_not_manage_users_or_groups(client, editor):
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert not editor.has_perm("auth.change_user")


def test_staff_outside_the_group_may_not_edit(client):
    user = User.objects.create_user("visitor", password="pw", is_staff=True)
    client.force_login(user)
    assert client.get(change_url(Role.objects.first())).status_code == 403


def test_the_group_is_created_idempotently():
    first = ensure_editors_group()[1]
    assert ensure_editors_group()[1] == first
    assert Group.objects.filter(name=EDITORS).count() == 1


# ---- links between the site and the admin ----------------------------------------------------


def test_staff_see_edit_links_on_public_pages_and_visitors_do_not(client, editor):
    role = Role.objects.get(slug="supervisor")
    assert (
        f'href="{change_url(role)}">Edit this role'
        in client.get(role.get_absolute_url()).content.decode()
    )
    client.logout()
    assert "Edit this role" not in client.get(role.get_absolute_url()).content.decode()


def test_admin_has_view_on_site(client, editor):
    figure = SalaryFigure.objects.filter(role__isnull=False).first()
    html = client.get(change_url(figure)).content.decode()
    assert "View on site" in html


def test_deleting_a_rung_and_moving_another_into_its_place_works(client, editor):
    ladder = Ladder.objects.get(slug="peoplesupport")
    data = form_data(client.get(change_url(ladder)))
    keys = sorted(k for k in data if k.startswith("rungs-") and k.endswith("-position"))
    by_position = {data[k]: k for k in keys}
    data[by_position[4].replace("-position", "-DELETE")] = "on"
    data[by_position[3]] = 4
    response = client.post(change_url(ladder), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert sorted(ladder.rungs.values_list("position", flat=True)) == [1, 2, 4]


# ---- inline edits in the parent's history ---------------------------------------------------


def history_table(client, obj) -> str:
    opts = obj._meta
    html = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk]))
    html = html.content.decode()
    start = html.index('id="change-history"')
    return html[start : html.index("</table>", start)]


def test_an_inline_pay_edit_is_named_in_the_roles_history_without_an_empty_entry(client, editor):
    role = Role.objects.get(slug="senior-customer-service-representative")
    pay = SalaryFigure.objects.get(role=role)
    role_versions, pay_versions = role.history.count(), pay.history.count()
    data = form_data(client.get(change_url(role)))
    data[next(k for k in data if k.startswith("salary") and k.endswith("-high"))] = "51000.00"
    assert client.post(change_url(role), data).status_code == 302

    # The role itself did not change: no empty version of it, and its version stays.
    assert role.history.count() == role_versions
    assert Role.objects.get(pk=role.pk).version == role.version
    # The pay figure's own history has the edit, by the editor ...
    assert pay.history.count() == pay_versions + 1
    assert pay.history.first().history_user == editor
    # ... and the role's history page names it in the Changes column.
    table = history_table(client, role)
    newest = table[table.index("<tbody>") :].split("</tr>")[0]
    assert "Salary figure “can make $33,655–$51,000 (a year, as we read it)”, high:" in newest
    assert "“50074.00”&nbsp;&rarr;&nbsp;&nbsp;“51000.00”" in newest
    assert "edna" in newest


def test_an_inline_edit_and_a_field_edit_each_show_in_the_history(client, editor):
    role = Role.objects.get(slug="senior-customer-service-representative")
    data = form_data(client.get(change_url(role)))
    data["title"] = "Senior representative"
    data[next(k for k in data if k.startswith("salary") and k.endswith("-low"))] = "33000.00"
    assert client.post(change_url(role), data).status_code == 302
    table = history_table(client, role)
    assert "<strong>Title:</strong>" in table
    assert (
        "“Senior customer service representative”&nbsp;&rarr;&nbsp;&nbsp;“Senior representative”"
        in table
    )
    assert "Salary figure “can make $33,000–$50,074 (a year, as we read it)”, low:" in table


def test_deleting_a_fact_inline_is_named_in_the_roles_history(client, editor):
    role = Role.objects.get(slug="senior-customer-service-representative")
    role_versions = role.history.count()
    data = form_data(client.get(change_url(role)))
    key = next(k for k in data if k.startswith("facts") and k.endswith("-id"))
    fact = role.facts.get(pk=data[key])
    data[key.replace("-id", "-DELETE")] = "on"
    assert client.post(change_url(role), data).status_code == 302
    assert not role.facts.filter(pk=fact.pk).exists()
    assert role.history.count() == role_versions
    table = history_table(client, role)
    assert f"Fact “{fact}” deleted" in table.replace("&#x27;", "'")


@pytest.mark.parametrize("slug", ["manager", "help-desk-representative"])
def test_history_pages_never_print_none(client, editor, slug):
    role = Role.objects.get(slug=slug)
    data = form_data(client.get(change_url(role)))
    data["title"] = f"{role.title} (edited)"
    assert client.post(change_url(role), data).status_code == 302
    # Seed versions have no user, and an admin edit has no change reason.
    assert role.history.first().history_change_reason is None
    assert role.history.last().history_user is None
    for obj in [role, SalaryFigure.objects.first(), Ladder.objects.first()]:
        table = history_table(client, obj)
        assert "None" not in table, obj
        assert "<td>—</td>" in table


# ---- a figure whose numbers its quote does not state -----------------------------------------


@pytest.mark.parametrize(
    ("quote", "amounts", "missing"),
    [
        ("pays between $25,702 and $33,661.", ["25702.00", "33661.00"], []),
        ("between $56,367 and 78,468.", ["56367", "78468"], []),
        ("from about $9.00 to $17.00 per hour", ["9", "17.00"], []),
        ("start at 30000 and rise to 30,000", ["30000"], []),
        ("start at $30k, top out near $45K", ["30000", "45000"], []),
        ("from 30 thousand to $1.5 million", ["30000", "1500000"], []),
        ("range from $19,000 to $34,000", ["19000", "32000"], ["32000"]),
        ("range from $19,000 to $34,000", ["1900", "34"], ["1900", "34"]),
        ("earn $300,000 a year", ["30000"], ["30000"]),
        ("earn a fortune", ["30000", None], ["30000"]),
    ],
)
def test_amounts_missing_from_a_quote(quote, amounts, missing):
    from salaries.quotes import amounts_missing_from

    given = [None if a is None else Decimal(a) for a in amounts]
    assert amounts_missing_from(quote, given) == [Decimal(m) for m in missing]


def test_every_seed_figure_states_its_numbers_in_its_quote():
    from salaries.quotes import amounts_missing_from

    for row in SalaryFigure.objects.all():
        assert amounts_missing_from(row.quote, [row.low, row.high]) == [], row


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_a_figure_saved_with_numbers_its_quote_lacks_is_kept_with_a_warning(client, editor):
    pay = SalaryFigure.objects.get(role__slug="senior-customer-service-representative")
    data = form_data(client.get(change_url(pay)))
    data["low"] = "32000.00"
    response = client.post(change_url(pay), data, follow=True)
    assert response.status_code == 200
    assert SalaryFigure.objects.get(pk=pay.pk).low == Decimal("32000.00")
    warning = next(m for m in messages_of(response) if "does not state" in m)
    assert "“Senior customer service representative: can make $32,000–$50,074" in warning
    assert "does not state $32,000:" in warning


def test_an_inline_figure_edit_warns_too_and_a_matching_one_does_not(client, editor):
    role = Role.objects.get(slug="senior-customer-service-representative")
    data = form_data(client.get(change_url(role)))
    key = next(k for k in data if k.startswith("salary") and k.endswith("-high"))
    data[key] = "51000.00"
    response = client.post(change_url(role), data, follow=True)
    assert any("does not state $51,000:" in m for m in messages_of(response))

    # Quote and numbers agreeing again: no warning.
    data = form_data(client.get(change_url(role)))
    data[key] = "50074.00"
    response = client.post(change_url(role), data, follow=True)
    assert not any("does not state" in m for m in messages_of(response))


# ---- conflicts name what changed -------------------------------------------------------------


@pytest.fixture
def second_editor(client_class=None):
    from django.test import Client

    ensure_editors_group()
    user = User.objects.create_user("olga", password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    other = Client()
    other.force_login(user)
    return other


def error_text(response) -> str:
    return response.content.decode().replace("&quot;", '"').replace("&#x27;", "'")


def test_a_conflict_names_who_changed_which_field_from_what_to_what(client, editor, second_editor):
    role = Role.objects.get(slug="executive")
    mine = form_data(second_editor.get(change_url(role)))
    theirs = form_data(client.get(change_url(role)))
    theirs["title"] = "Chief executive"
    assert client.post(change_url(role), theirs).status_code == 302

    mine["title"] = "Executive officer"
    response = second_editor.post(change_url(role), mine)
    assert response.status_code == 200
    html = error_text(response)
    assert "Saved since you opened it by edna on " in html
    assert (
        "What they changed: Title: “Executive” → “Chief executive” (yours: “Executive officer”)."
        in html
    )
    assert Role.objects.get(pk=role.pk).title == "Chief executive"


def test_an_inline_conflict_names_the_figure_field_and_who(client, editor, second_editor):
    role = Role.objects.get(slug="senior-customer-service-representative")
    mine = form_data(second_editor.get(change_url(role)))
    theirs = form_data(client.get(change_url(role)))
    key = next(k for k in theirs if k.startswith("salary") and k.endswith("-high"))
    theirs[key] = "50500.00"
    assert client.post(change_url(role), theirs).status_code == 302

    mine[key] = "51500.00"
    html = error_text(second_editor.post(change_url(role), mine))
    assert "Somebody else saved this salary figure while you were editing it" in html
    assert "by edna on " in html
    assert "High: “50074.00” → “50500.00” (yours: “51500.00”)" in html
    assert SalaryFigure.objects.get(role=role).high == Decimal("50500.00")


def test_an_edit_of_the_role_after_someone_edited_only_its_pay_is_not_a_conflict(
    client, editor, second_editor
):
    role = Role.objects.get(slug="senior-customer-service-representative")
    mine = form_data(second_editor.get(change_url(role)))
    theirs = form_data(client.get(change_url(role)))
    key = next(k for k in theirs if k.startswith("salary") and k.endswith("-low"))
    theirs[key] = "33600.00"
    assert client.post(change_url(role), theirs).status_code == 302
    # The second editor changes the role's title only; the pay form they hold is stale.
    mine[key] = theirs[key]  # (as it would be had they reloaded just the pay)
    mine["title"] = "Senior CSR"
    assert second_editor.post(change_url(role), mine).status_code == 302
    assert Role.objects.get(pk=role.pk).title == "Senior CSR"


def test_a_lost_race_names_who_saved_and_what_changed(editor):
    from core.locking import EditConflict

    role = Role.objects.get(slug="supervisor")
    started = role.version
    role.title = "Team supervisor"
    role._history_user = editor
    role.save_if_unchanged(started)
    stale = Role.objects.get(pk=role.pk)
    stale.title = "Shift supervisor"
    with pytest.raises(EditConflict) as raised:
        stale.save_if_unchanged(started)
    report = raised.value.report()
    assert [save.by for save in report.saves] == ["edna"]
    assert [str(change) for change in report.changes] == ["Title: “Supervisor” → “Team supervisor”"]


def test_the_largest_role_page_saves_whatever_its_number_of_inline_fields(client, editor):
    # The CSR page holds more inline rows than Django's default field limit (1,000).
    role = Role.objects.get(slug="customer-service-representative")
    data = form_data(client.get(change_url(role)))
    assert len(data) > 1000
    data["title"] = role.title + " (edited)"
    response = client.post(change_url(role), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    role.refresh_from_db()
    assert role.title.endswith(" (edited)")
