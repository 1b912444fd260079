"""Who may change rows through the admin's history: viewing a past version needs view
permission, reverting to it needs change permission."""

import re

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse

from careers.models import Role
from tests.test_admin_editing import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(client):
    """Staff who may look at roles and their history, and change nothing."""
    user = User.objects.create_user("vera", password="pw-for-tests", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_role"))
    client.force_login(user)
    return user


def rows(model) -> list[tuple]:
    return list(model.objects.order_by("pk").values_list())


def test_view_only_staff_may_see_a_past_version_but_not_revert_to_it(client, viewer):
    role = Role.objects.get(slug="manager")
    version = role.history.get()
    role.title = "Manager (edited since)"
    role.save()
    url = reverse("admin:careers_role_simple_history", args=[role.pk, version.history_id])
    before, history_before = rows(Role), role.history.count()

    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="Revert"' not in html
    assert re.search(r'<input [^>]*name="title"[^>]*disabled', html)

    posted = form_data(page) | {"title": "Manager", "expected_version": role.version}
    response = client.post(url, posted)
    assert response.status_code == 403
    assert rows(Role) == before
    assert role.history.count() == history_before
