"""The comparisons as CSV: a row per fact with its source, date and quote, safe in a
spreadsheet, with the yearly and adjusted values when a dollars year is chosen."""

import codecs
import csv
import io

import pytest

from tests.csv_columns import rows_by_name

pytestmark = pytest.mark.django_db

LADDERS = "/compare/ladders/"
ROLES = "/compare/roles/"


def test_ladder_csv_has_a_row_per_fact_with_source_and_year(client):
    response = client.get(
        LADDERS, {"ladder": ["call-center-hierarchy", "customer-service-track"], "format": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = rows_by_name(response)
    pay = [r for r in rows if r["attribute"] == "pay" and r["role"].startswith("Senior")]
    assert pay == [
        {
            "ladder": "Customer service track",
            "rung": "2",
            "role": "Senior customer service representative",
            "attribute": "pay",
            "value": "can make $33,655–$50,074 (a year, as we read it)",
            "qualifiers": "",
            "statement": "",
            "source": "Exploring a Career in Customer and Call Center Services",
            "source_date": "2007-08-20",
            "year": "2007",
            "quote": (
                "A Senior Customer Service Representative (Customer Service Representative III)"
                " can make between $33,655 and $50,074."
            ),
            # The same figure as numbers a spreadsheet can sum.
            "low": "33655.00",
            "high": "50074.00",
            "period": "year",
            "figure_year": "2007",
            "yearly_low": "33655",
            "yearly_high": "50074",
            # BLS's figures have rows of their own: blank on an article's row.
            "today_median": "",
            "today_area": "",
            "today_release": "",
            "soc": "",
            "closeness": "",
            "today_change": "",
            "today_note": "",
        }
    ]
    undated = [r for r in rows if r["source_date"] == "undated"]
    assert undated and all(r["year"] == "" for r in undated)


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_role_csv_neutralises_formula_cells(client, start):
    from careers.models import Fact, Role, Source

    role = Role.objects.get(slug="supervisor")
    text = f"{start}HYPERLINK(1)"
    Fact.objects.create(role=role, source=Source.objects.first(), quote="q", kind="duty", text=text)
    response = client.get(ROLES, {"role": ["supervisor", "executive"], "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert any(row[2] == "'" + text for row in rows)
    assert not any(cell.startswith(start) for row in rows for cell in row)


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        " =1+1",
        "  +1",
        "\u00a0-1",  # no-break space
        "\u3000@SUM(A1)",  # ideographic space
        "\n=HYPERLINK(1)",
        "\t=1",
        "\r=1",
        "＝HYPERLINK(1)",  # fullwidth equals sign
        "＋1",
        "－1",
        "＠SUM(A1)",
        " ＝1",
    ],
)
def test_cells_that_a_spreadsheet_could_run_are_prefixed_with_a_quote(text):
    from explorer.compare.export import safe_cell

    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize(
    ("value", "cell"),
    [("about $9.00", "about $9.00"), ("12–18 months", "12–18 months"), (None, ""), (2025, "2025")],
)
def test_ordinary_cells_are_left_as_they_are(value, cell):
    from explorer.compare.export import safe_cell

    assert safe_cell(value) == cell


def read_csv(response) -> list[dict]:
    assert response.content.startswith(codecs.BOM_UTF8)
    return rows_by_name(response)


def test_csv_starts_with_a_byte_order_mark_so_excel_reads_utf8(client):
    response = client.get(
        LADDERS, {"ladder": ["call-center-hierarchy", "stream-international"], "format": "csv"}
    )
    rows = read_csv(response)
    assert next(iter(rows[0])) == "ladder"
    assert any("–" in row["value"] for row in rows)  # an en dash, as the page shows it


def test_csv_in_a_years_dollars_has_the_yearly_and_adjusted_values(client):
    response = client.get(
        ROLES,
        {
            "role": ["customer-service-representative", "supervisor"],
            "dollars": "2025",
            "format": "csv",
        },
    )
    rows = read_csv(response)
    hourly = next(r for r in rows if r["value"] == "can make about $9.00–$17.00 an hour")
    assert hourly["yearly_equivalent"] == "can make about $18,720–$35,360 a year"
    assert (
        hourly["in_2025_dollars"].startswith("can make about $")
        and "a year" in hourly["in_2025_dollars"]
    )
    assert hourly["in_2025_dollars"] != hourly["yearly_equivalent"]
    assert hourly["pay_notes"] == (
        "hourly figure × 2,080 hours; "
        "adjusted from 2008, the year the article was published, to 2025 dollars"
    )
    undated = next(r for r in rows if r["attribute"] == "pay" and r["year"] == "")
    assert undated["in_2025_dollars"] == ""
    assert undated["pay_notes"] == "not adjusted: the source gives no year"
    requirement = next(r for r in rows if r["attribute"].startswith("education"))
    assert requirement["yearly_equivalent"] == requirement["in_2025_dollars"] == ""


def test_csv_without_a_dollars_year_has_no_adjusted_columns(client):
    response = client.get(ROLES, {"role": ["supervisor", "executive"], "format": "csv"})
    assert "in_2025_dollars" not in read_csv(response)[0]


def test_ladder_csv_has_the_totals_rows(client):
    response = client.get(
        LADDERS,
        {"ladder": ["stream-international", "customer-service-track"], "format": "csv"},
    )
    totals = {
        (r["ladder"], r["attribute"]): r["value"]
        for r in read_csv(response)
        if r["rung"] == "totals"
    }
    assert totals[("Stream International support track", "rungs")] == "3"
    assert totals[
        ("Stream International support track", "known time in role, over those moves")
    ] == ("12–18 months, plus 1 move no source gives a time for")
    assert totals[("Stream International support track", "moves joining neighbouring rungs")] == (
        "2 of 2"
    )
    # Senior CSR -> customer service manager: no move the data holds, so none is counted.
    assert totals[("Customer service track", "moves joining neighbouring rungs")] == (
        "1 of 2 (1 inferred, order not stated)"
    )
    assert totals[("Customer service track", "known time in role, over those moves")] == (
        "no source says how long the one move takes"
    )
    assert totals[("Customer service track", "first rung requiring a degree")] == (
        "Rung 3; one source: rung 1 (many jobs now)"
    )
    assert (
        totals[("Customer service track", "pay on the last rung")]
        == "typically $56,367–$78,468 (a year, as we read it)"
    )
    assert ("Customer service track", "education added along the way") in totals
    assert ("Customer service track", "pay on rung 1") in totals
    assert totals[("Stream International support track", "pay on the last rung")] == "not stated"


def csv_rows(response) -> list[dict]:
    return rows_by_name(response)


def test_a_spreadsheet_can_sum_the_numeric_pay_columns(client):
    rows = csv_rows(
        client.get(
            ROLES,
            {
                "role": [
                    "customer-service-representative",
                    "senior-customer-service-representative",
                ],
                "dollars": "2025",
                "format": "csv",
            },
        )
    )
    pay = [r for r in rows if r["attribute"] == "pay"]
    assert len(pay) == 4
    # The CSR's hourly $9-$17 a year at 2,080 hours, the two yearly CSR figures, the senior CSR's.
    assert sum(int(r["yearly_low"]) for r in pay) == 18720 + 19000 + 25702 + 33655
    hourly = next(r for r in pay if r["period"] == "hour")
    assert (hourly["low"], hourly["high"], hourly["figure_year"]) == ("9.00", "17.00", "2008")
    assert int(hourly["adjusted_low"]) > 18720  # 2008 dollars are worth more in 2025
    undated = next(r for r in pay if r["figure_year"] == "")
    assert undated["adjusted_low"] == ""  # never adjusted: no year to adjust from
    assert all(r["low"] == "" for r in rows if r["attribute"] != "pay")


def test_the_ladder_csv_has_a_row_for_every_rung_even_one_that_states_nothing(client):
    rows = csv_rows(
        client.get(LADDERS, {"ladder": ["convergys", "peoplesupport"], "format": "csv"})
    )
    rungs = {(r["ladder"], r["rung"]) for r in rows if r["attribute"] == "role on this rung"}
    assert rungs == {("Convergys career track", str(n)) for n in range(1, 5)} | {
        ("PeopleSupport CSR job ladder", str(n)) for n in range(1, 5)
    }
    executive = [r for r in rows if r["role"] == "Executive" and r["rung"] == "4"]
    assert [r["attribute"] for r in executive][:1] == ["role on this rung"]


def test_role_csv_has_the_pages_ladder_and_leads_to_rows_and_sums_yearly_pay(client):
    roles = ["customer-service-representative", "supervisor"]
    page = client.get(ROLES, {"role": roles}).content.decode()
    response = client.get(ROLES, {"role": roles, "format": "csv"})
    rows = rows_by_name(response)
    attributes = {(r["role"], r["attribute"]) for r in rows}
    csr = "Customer service representative (CSR)"
    assert (csr, "on ladder") in attributes
    assert (csr, "leads to") in attributes
    assert "On ladders" in page and "Leads to" in page
    # Every ladder the page lists for a role is a row, with the ladder's source.
    on_ladder = [r for r in rows if r["attribute"] == "on ladder"]
    for row in on_ladder:
        assert row["value"].split(", rung ")[0] in page
        assert row["source"]
    assert sum(int(r["yearly_low"]) for r in rows if r["yearly_low"]) > 0


def test_role_csv_has_education_experience_and_certification_rows_as_the_page(client):
    roles = ["customer-service-representative", "help-desk-representative"]
    rows = rows_by_name(client.get(ROLES, {"role": roles, "format": "csv"}))
    csr = "Customer service representative (CSR)"
    by_what = {}
    for row in rows:
        by_what.setdefault((row["role"], row["attribute"]), []).append(row)
    # 002's one sentence states both: a row for each, the whole statement beside them.
    education = by_what[(csr, "education (required)")]
    assert "High-school diploma or GED" in [row["value"] for row in education]
    experience = by_what[(csr, "experience (required)")]
    assert [row["value"] for row in experience] == ["0 to 3 years in the field"]
    assert experience[0]["statement"].startswith("High-school diploma or equivalent, with 0 to 3")
    assert experience[0]["statement"] in [row["statement"] for row in education]
    certification = by_what[("Help desk representative", "certification (required)")]
    assert certification[0]["value"] and certification[0]["quote"]
    assert all(row["source"] for row in education + experience + certification)


def test_the_header_row_reads_as_words_a_spreadsheet_user_understands(client):
    response = client.get(
        ROLES,
        {
            "role": ["customer-service-representative", "supervisor"],
            "format": "csv",
            "dollars": "2025",
        },
    )
    header = next(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert header[:4] == ["Role", "What", "Value", "How the source puts it"]
    assert "In 2025 dollars" in header and "Yearly low (USD)" in header
    assert "Exact sentence" in header
    assert not [cell for cell in header if "_" in cell]  # no code names left
