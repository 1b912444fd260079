"""Password guessing on the admin login is limited three ways, each for an hour: a
username from one address, one address across usernames, and one username across
addresses; a refused login says when to try again (Retry-After)."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def ed():
    return User.objects.create_user("ed", password="the-right-password", is_staff=True)


def from_address(address: str) -> Client:
    return Client(REMOTE_ADDR=address)


def guess(client: Client, username: str, password: str = "wrong"):
    return client.post(LOGIN, {"username": username, "password": password})


def assert_refused(response, client: Client) -> None:
    assert response.status_code == 429
    assert b"Too many failed logins" in response.content
    assert 0 < int(response["Retry-After"]) <= settings.AXES_COOLOFF_TIME * 3600
    assert "_auth_user_id" not in client.session


def test_a_lockout_says_when_to_try_again(ed):
    client = from_address("198.51.100.1")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        guess(client, "ed")
    assert_refused(guess(client, "ed", "the-right-password"), client)


def test_many_usernames_guessed_from_one_address_lock_that_address(ed):
    attacker = from_address("198.51.100.2")
    per_username = settings.AXES_FAILURE_LIMIT - 1  # each pair stays under its own limit
    usernames = -(-settings.LOCKOUT_FAILURES_PER_ADDRESS // per_username)
    for n in range(usernames):
        for _ in range(per_username):
            guess(attacker, f"user{n}")
    assert_refused(guess(attacker, "ed", "the-right-password"), attacker)
    # The address is locked, not the account: ed signs in from elsewhere.
    assert guess(from_address("203.0.113.5"), "ed", "the-right-password").status_code == 302


def test_one_username_guessed_from_many_addresses_locks_that_username(ed):
    for n in range(settings.LOCKOUT_FAILURES_PER_USERNAME):
        guess(from_address(f"198.51.100.{100 + n}"), "ed")
    elsewhere = from_address("203.0.113.6")
    assert_refused(guess(elsewhere, "ed", "the-right-password"), elsewhere)
    # The username is locked, not the address: another editor signs in from there.
    User.objects.create_user("flo", password="flos-password", is_staff=True)
    assert guess(elsewhere, "flo", "flos-password").status_code == 302


def test_failures_under_every_limit_lock_nothing(ed):
    client = from_address("198.51.100.3")
    for n in range(settings.LOCKOUT_FAILURES_PER_ADDRESS - 2):
        guess(client, f"user{n}")
    guess(client, "ed")
    assert guess(client, "ed", "the-right-password").status_code == 302
