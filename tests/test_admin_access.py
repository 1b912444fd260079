"""Who may change rows through the admin's history (viewing a past version needs view
permission, reverting to it needs change permission), and saves that meet: the one that
loses a race is told so, whatever the database."""

import re
import threading
import time

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from careers.models import Role
from core.editors import EDITORS, ensure_editors_group
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


# ---- saves that meet at the same moment ----------------------------------------------------


def editor_client(name: str) -> Client:
    ensure_editors_group()
    user = User.objects.create_user(name, password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    client = Client(raise_request_exception=False)  # a 500 is an answer to look at
    client.force_login(user)
    return client


def in_thread(work, *args) -> threading.Thread:
    """Runs `work` on a connection of its own, as a second server process would."""

    def run():
        try:
            work(*args)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def message_of(client: Client, response) -> str:
    assert response.status_code == 302, response.status_code
    page = client.get(response["Location"])
    return " ".join(str(message) for message in page.context["messages"])


def test_two_reverts_of_one_row_at_once_save_one_and_tell_the_other(transactional_db, monkeypatch):
    role = Role.objects.get(slug="manager")
    seed = role.history.get()
    role.title = "Manager (edited since)"
    role.save()
    url = reverse("admin:careers_role_simple_history", args=[role.pk, seed.history_id])
    editors = [editor_client("edna"), editor_client("olga")]
    forms = [form_data(editor.get(url)) for editor in editors]

    # Both pass the form's check, then meet at the save; whoever gets the row first holds
    # it a moment, so the other's save waits on a real lock.
    both_checked = threading.Barrier(2, timeout=10)
    first = threading.Event()
    real_save_if_unchanged, real_save = Role.save_if_unchanged, Role.save

    def save_if_unchanged(self, *args, **kwargs):
        both_checked.wait()
        real_save_if_unchanged(self, *args, **kwargs)

    def slow_save(self, *args, **kwargs):
        real_save(self, *args, **kwargs)
        if not first.is_set():
            first.set()
            time.sleep(0.5)

    monkeypatch.setattr(Role, "save_if_unchanged", save_if_unchanged)
    monkeypatch.setattr(Role, "save", slow_save)
    answers = [None, None]

    def revert(i):
        answers[i] = editors[i].post(url, forms[i])

    for thread in [in_thread(revert, 0), in_thread(revert, 1)]:
        thread.join(timeout=30)

    assert [answer.status_code for answer in answers] == [302, 302]
    messages = [message_of(editor, answer) for editor, answer in zip(editors, answers, strict=True)]
    refused = [m for m in messages if "Somebody else saved this role at the same moment" in m]
    assert len(refused) == 1, messages
    assert "so your changes were not saved" in refused[0]
    role.refresh_from_db()
    assert role.title == "Manager"
    assert role.history.count() == 3  # the seed, the edit, one revert


def test_a_save_that_finds_the_row_locked_too_long_is_refused_as_a_conflict(transactional_db):
    role = Role.objects.get(slug="executive")
    editor = editor_client("edna")
    url = reverse("admin:careers_role_change", args=[role.pk])
    data = form_data(editor.get(url)) | {"title": "Executive (edited)"}
    answer = {}

    def save():
        if connection.vendor == "postgresql":
            # PostgreSQL would wait for the lock for ever; production's lock timeout is
            # settings' business, this test only needs one.
            with connection.cursor() as cursor:
                cursor.execute("SET lock_timeout = '500ms'")
        answer["response"] = editor.post(url, data)

    with transaction.atomic():
        # Another writer holds the row (on SQLite: the whole database) past the wait.
        Role.objects.filter(pk=role.pk).update(title="Executive")
        in_thread(save).join(timeout=30)

    response = answer["response"]
    assert response.status_code == 302
    message = message_of(editor, response)
    assert "was being saved by somebody else at the same moment" in message
    assert "your changes were not saved" in message
    assert Role.objects.get(pk=role.pk).title == "Executive"
