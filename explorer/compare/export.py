"""The comparisons as CSV a spreadsheet can use: every value with its source, date and quote."""

from __future__ import annotations

import csv
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets skip leading spaces before a formula, and some read the fullwidth signs (as an
# East Asian keyboard types them) as the ASCII ones.
FULLWIDTH_STARTS = ("＝", "＋", "－", "＠")


def safe_cell(value) -> str:
    """Spreadsheets run cells that start like a formula, after any whitespace (U+3000 and
    no-break spaces included); prefix those with a quote."""
    text = "" if value is None else str(value)
    risky = text.startswith(FORMULA_STARTS) or text.lstrip().startswith(
        FORMULA_STARTS + FULLWIDTH_STARTS
    )
    return "'" + text if risky else text


# The header row a spreadsheet shows, for each column's name in the code (and the tests).
HEADINGS = {
    "ladder": "Ladder",
    "rung": "Rung",
    "role": "Role",
    "attribute": "What",
    "value": "Value",
    "qualifiers": "How the source puts it",
    "statement": "Statement in full",
    "source": "Source",
    "source_date": "Source date",
    "year": "Year of the figure",
    "quote": "Exact sentence",
    "yearly_equivalent": "Yearly equivalent",
    "pay_notes": "Pay notes",
    "low": "Low (as stated)",
    "high": "High (as stated)",
    "period": "Period (year or hour)",
    "figure_year": "Figure year",
    "yearly_low": "Yearly low (USD)",
    "yearly_high": "Yearly high (USD)",
    "adjusted_low": "Adjusted yearly low (USD)",
    "adjusted_high": "Adjusted yearly high (USD)",
}


def heading(name: str) -> str:
    """A column's readable heading: "in_2025_dollars" reads "In 2025 dollars"."""
    if name.startswith("in_") and name.endswith("_dollars"):
        return name.replace("_", " ").capitalize()
    return HEADINGS[name]


def csv_response(filename: str, header: list[str], rows: list[list]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Excel reads a CSV as the system's legacy code page unless it starts with a BOM,
    # and would show "–" and "’" as mojibake.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([heading(name) for name in header])
    for row in rows:
        padded = [*row, *[""] * (len(header) - len(row))]
        writer.writerow([safe_cell(value) for value in padded])
    return response


def pay_header(dollars_of: int | None) -> list[str]:
    """The extra CSV columns for pay in one year's dollars, when one is chosen."""
    if dollars_of is None:
        return []
    return ["yearly_equivalent", f"in_{dollars_of}_dollars", "pay_notes"]


def number_header(dollars_of: int | None) -> list[str]:
    """The numeric pay columns a spreadsheet can sum and sort, after every text column."""
    adjusted = ["adjusted_low", "adjusted_high"] if dollars_of is not None else []
    return ["low", "high", "period", "figure_year", "yearly_low", "yearly_high", *adjusted]


def whole(value) -> str:
    return "" if value is None else str(value.quantize(Decimal(1)))


def number_cells(figure, dollars_of: int | None) -> list:
    """The figure's numbers as numbers: as stated, as a yearly amount (hourly x 2,080) and,
    when a year is chosen and the figure has one, in that year's dollars."""
    cells = [
        "" if figure.low is None else str(figure.low),
        "" if figure.high is None else str(figure.high),
        figure.period,
        figure.year or "",
        whole(figure.annual_low),
        whole(figure.annual_high),
    ]
    if dollars_of is not None:
        pay = figure.normalised_pay
        cells += [whole(pay.low), whole(pay.high)] if pay.adjusted else ["", ""]
    return cells


def pay_cells(figure, dollars_of: int | None, blanks: int) -> list:
    """A pay figure's CSV cells: as stated, its citation and, in one year's dollars (after
    attach_normalised_pay), what the page shows beside it: the yearly equivalent, the
    adjusted value when it could be adjusted, and the notes that say how or why not.
    `blanks` empty cells (the requirement columns: pay carries its own hedge) go
    between the value and the citation."""
    cells = [figure.as_stated(), *[""] * blanks, *citation(figure)]
    if dollars_of is None:
        return cells
    pay = figure.normalised_pay
    yearly = figure.as_yearly_equivalent(hedged=True) or figure.as_stated()
    return [*cells, yearly, pay.display() if pay.adjusted else "", "; ".join(pay.notes)]


def padded(row: list, width: int) -> list:
    return [*row, *[""] * (width - len(row))]


def requirement_attribute(what: str, req) -> str:
    """ "education (required)", "requirement (required on the way up)": the necessity
    as the page words it, never its stored value."""
    return f"{what} ({req.get_necessity_display().lower()})"


def experience_brief(req) -> str:
    """The years a statement asks for, with the field they are in: "0 to 3 years in the
    field"."""
    text = req.experience_display
    return f"{text} {req.experience_field}" if req.experience_field else text


def citation(row) -> list:
    """Source title, date (or "undated"), year and quote, for a CSV row."""
    source = row.source
    published = source.published_on.isoformat() if source.published_on else "undated"
    return [source.title, published, source.year or "", row.quote]


def role_csv(roles, dollars_of: int | None) -> HttpResponse:
    # "qualifiers": how the source puts a requirement (how strongly, how widely, and
    # whether it is applied here from a statement about a group of jobs).
    # "statement": the whole requirement in plain words; the value is its education, its
    # experience or its certification, as the page's rows of those names show them.
    header = ["role", "attribute", "value", "qualifiers", "statement"]
    header += ["source", "source_date", "year", "quote", *pay_header(dollars_of)]
    rows = []
    for role in roles:
        for figure in role.salary_figures.all():
            text = padded(
                [role.title, "pay", *pay_cells(figure, dollars_of, blanks=2)], len(header)
            )
            rows.append([*text, *number_cells(figure, dollars_of)])
        for req in role.requirements.all():
            stated = [req.qualifiers, req.summary, *citation(req)]
            parts = [
                ("education", req.education_brief),
                ("experience", experience_brief(req) if req.states_experience else ""),
                ("certification", req.certification),
            ]
            parts = [(what, value) for what, value in parts if value] or [
                ("requirement", req.summary)
            ]
            for what, value in parts:
                rows.append([role.title, requirement_attribute(what, req), value, *stated])
        for fact in role.facts.all():
            kind = fact.get_kind_display().lower()
            rows.append([role.title, kind, fact.text, "", "", *citation(fact)])
        # The page's last rows (after attach_role_ladders): where the role sits, where it leads.
        for rung in role.compare_rungs:
            order = "" if rung.ladder.order_is_stated else "order not stated"
            place = f"{rung.ladder.name}, rung {rung.position}"
            rows.append([role.title, "on ladder", place, order, "", *citation(rung.ladder)])
        for group in role.leads_to:
            for move in group.moves:
                rows.append(
                    [role.title, "leads to", move.to_role.title, group.label, "", *citation(move)]
                )
    return csv_response("role-comparison.csv", header + number_header(dollars_of), rows)


def ladder_csv(columns, dollars_of: int | None) -> HttpResponse:
    header = [
        "ladder",
        "rung",
        "role",
        "attribute",
        "value",
        # How the source puts a requirement (see role_csv), and the whole requirement in
        # plain words: the value is its education or its experience, as the page shows.
        "qualifiers",
        "statement",
        "source",
        "source_date",
        "year",
        "quote",
        *pay_header(dollars_of),
    ]
    rows = []

    def pay_rows(base: list, attribute: str, role) -> None:
        for figure in role.salary_figures.all():
            text = padded([*base, attribute, *pay_cells(figure, dollars_of, blanks=2)], len(header))
            rows.append([*text, *number_cells(figure, dollars_of)])

    for column in columns:
        name = column.ladder.name
        for cell in column.cells:
            base = [name, cell.position, cell.role.title]
            # One row per rung, even one whose sources state nothing about it.
            rows.append([*base, "role on this rung", cell.role.title])
            pay_rows(base, "pay", cell.role)
            for req in cell.role.requirements.all():
                stated = [req.qualifiers, req.summary, *citation(req)]
                if req.education is not None:
                    attribute = requirement_attribute("education", req)
                    rows.append([*base, attribute, req.education_brief, *stated])
                if req.states_experience:
                    attribute = requirement_attribute("experience", req)
                    rows.append([*base, attribute, experience_brief(req), *stated])
            if move := cell.step_up:
                rows.append([*base, "move to next rung", move.label, "", "", *citation(move)])
                time = move.time_in_role_display
                rows.append([*base, "time in role before next rung", time, "", "", *citation(move)])
                if not move.order_is_stated:
                    rows.append([*base, "move to next rung inferred from", move.inferred_from])
        # The totals, as the page's last rows show them; worked out, so cited only where
        # one source states them.
        totals = [name, "totals"]
        rungs = len(column.cells)
        rows.append([*totals, "", "rungs", rungs, "", "", *citation(column.ladder)])
        rows.append([*totals, "", "moves joining neighbouring rungs", column.links])
        rows.append([*totals, "", "known time in role, over those moves", column.time.display])
        rows.append([*totals, "", "education added along the way", column.education_added])
        rows.append([*totals, "", "first rung requiring a degree", column.degree_display])
        for attribute, cell in [
            ("pay on rung 1", column.first),
            ("pay on the last rung", column.last),
        ]:
            if cell is None:
                rows.append([*totals, "", attribute, "no rungs yet"])
            elif not cell.role.salary_figures.all():
                rows.append([*totals, cell.role.title, attribute, "not stated"])
            else:
                pay_rows([*totals, cell.role.title], attribute, cell.role)
    return csv_response("ladder-comparison.csv", header + number_header(dollars_of), rows)
