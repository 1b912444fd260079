"""What the role comparison sends so a phone can stack it: every cell names its role, and the
table is not named by a scroll hint that a phone hides (the layout itself is measured in
tests/browser/test_compare_phone_in_browser.py)."""

import re

import pytest

from careers.models import Role

pytestmark = pytest.mark.django_db

ROLES = "/compare/roles/"
ROWS = [
    "Pay",
    "Median pay today (BLS OEWS, May 2025, National)",
    "Education",
    "Experience",
    "Certifications",
    "On ladders",
    "Leads to",
    "Reports to",
    "Also called",
]


def test_every_cell_of_the_role_comparison_names_its_role(client):
    slugs = ["customer-service-representative", "call-center-team-manager", "supervisor"]
    html = client.get(ROLES, {"role": slugs}).content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = re.split(r'<th scope="row">', body)[1:]
    assert [row[: row.index("<")] for row in rows] == ROWS
    for row in rows:
        assert re.findall(r'<td data-role="([^"]+)"', row) == [
            "Customer service representative (CSR)",
            "Call center team manager",
            "Supervisor",
        ]
    assert 'class="compare-roles"' in html


def test_the_role_table_is_named_by_its_caption_not_the_scroll_hint(client):
    html = client.get(ROLES, {"role": ["supervisor", "executive"]}).content.decode()
    assert '<caption id="roles-caption" class="visually-hidden">Roles side by side</caption>' in (
        html
    )
    assert 'role="region" aria-labelledby="roles-caption"' in html
    assert 'aria-labelledby="scroll-hint"' not in html
    # The hint is still there for the widths where the table scrolls.
    assert "Scroll sideways to see all 2 roles." in html


def test_a_role_title_in_a_cell_label_is_escaped(client):
    Role.objects.filter(slug="executive").update(title='Exec "quoted" <b>')
    html = client.get(ROLES, {"role": ["supervisor", "executive"]}).content.decode()
    assert 'data-role="Exec &quot;quoted&quot; &lt;b&gt;"' in html
