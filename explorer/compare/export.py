"""The comparisons as CSV a spreadsheet can use: every value with its source, date and quote."""

from __future__ import annotations

import csv
import re
from decimal import Decimal

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Spreadsheets skip leading spaces before a formula, and some read the fullwidth signs (as an
# East Asian keyboard types them) as the ASCII ones.
FULLWIDTH_STARTS = ("＝", "＋", "－", "＠")
PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def safe_cell(value) -> str:
    """Spreadsheets run cells that start like a formula, after any whitespace (U+3000 and
    no-break spaces included); prefix those with a quote."""
    text = "" if value is None else str(value)
    if PLAIN_NUMBER.fullmatch(text):  # a negative change is a number, not a formula
        return text
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
    # BLS's official figures (OEWS), on rows of their own, after every other column.
    "today_median": "Median pay today (annual, USD)",
    "today_area": "Median pay today: area",
    "today_release": "Median pay today: release",
    "soc": "Federal occupation (SOC)",
    "closeness": "How close the occupation is",
    "today_change": "Median pay change (annual, USD)",
    "today_note": "Median pay today: note",
}
TODAY_HEADER = [
    "today_median",
    "today_area",
    "today_release",
    "soc",
    "closeness",
    "today_change",
    "today_note",
]
TODAY_ATTRIBUTE = "median pay today (BLS)"


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


def bls_citation(estimate) -> list:
    """The release's source, date and year, for a row of official figures (no quote:
    BLS publishes tables, not sentences)."""
    if estimate is None:
        return ["", "", "", ""]
    source = estimate.release.source
    published = source.published_on.isoformat() if source.published_on else "undated"
    # The figures are for May 2025 (the release's reference year), published in 2026.
    return [source.title, published, estimate.release.code[:4], ""]


def today_value(pay) -> str:
    """The median as the page words it: "$45,410 median a year, Salt Lake City-Murray, UT,
    BLS May 2025", or why there is none."""
    estimate = pay.headline if pay is not None else None
    if estimate is None:
        return "no official figures"
    return (
        f"{estimate.shown('annual_median')} median a year, {estimate.area.name}, "
        f"BLS {estimate.release.name}"
    )


def today_cells(pay) -> list:
    """The official columns of a role's row: its median as a plain number (blank, with
    the note saying why, where there is none), where and when it is from, the federal
    occupation and how close it is."""
    estimate = pay.headline if pay is not None else None
    mapping = pay.mapping if pay is not None else None
    soc = f"{mapping.occupation.code} {mapping.occupation.title}" if pay.occupation else ""
    closeness = mapping.get_closeness_display() if mapping else "no federal occupation chosen yet"
    if estimate is None:
        note = pay.why_none if pay is not None else "No official figures."
        return ["", "", "", soc, closeness, "", note]
    notes = []
    if estimate.annual_median is None:
        notes.append(f"median {estimate.shown('annual_median')}")
    if pay.local_missing:
        notes.append(f"BLS publishes no figure for this occupation in {pay.area.name}: national")
    median = whole(estimate.annual_median)
    area, release = estimate.area.name, estimate.release.name
    return [median, area, release, soc, closeness, "", "; ".join(notes)]


def change_cells(step) -> list:
    """The official columns of a step's row: the yearly change as a plain number (blank
    where there is none, or the two roles share one occupation, with the note saying so)."""
    change = step.change if step is not None else None
    if change is None:
        return ["", "", "", "", "", "", step.why_none if step is not None else ""]
    note = step.where if step.falls_back else ""
    if change.same_occupation:
        note = change.words
    amount = whole(step.amount)
    return ["", change.area.name, change.after.release.name, "", "", amount, note]


def role_csv(roles, dollars_of: int | None) -> HttpResponse:
    # "qualifiers": how the source puts a requirement (how strongly, how widely, and
    # whether it is applied here from a statement about a group of jobs).
    # "statement": the whole requirement in plain words; the value is its education, its
    # experience or its certification, as the page's rows of those names show them.
    header = ["role", "attribute", "value", "qualifiers", "statement"]
    header += ["source", "source_date", "year", "quote", *pay_header(dollars_of)]
    numbers_blank = [""] * len(number_header(dollars_of))
    rows = []
    for role in roles:
        for figure in role.salary_figures.all():
            text = padded(
                [role.title, "pay", *pay_cells(figure, dollars_of, blanks=2)], len(header)
            )
            rows.append([*text, *number_cells(figure, dollars_of)])
        # BLS's figures, on a row of their own (after attach_to_roles).
        text = [role.title, TODAY_ATTRIBUTE, today_value(role.today), "", ""]
        text += bls_citation(role.today.headline if role.today else None)
        rows.append([*padded(text, len(header)), *numbers_blank, *today_cells(role.today)])
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
    full = header + number_header(dollars_of) + TODAY_HEADER
    return csv_response("role-comparison.csv", full, rows)


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
    numbers_blank = [""] * len(number_header(dollars_of))

    def official_row(base: list, attribute: str, value: str, estimate, cells: list) -> None:
        """A row of BLS's figures: cited to the release, numbers in the last columns."""
        text = padded([*base, attribute, value, "", "", *bls_citation(estimate)], len(header))
        rows.append([*text, *numbers_blank, *cells])

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
            today = cell.today
            estimate = today.headline if today else None
            official_row(base, TODAY_ATTRIBUTE, today_value(today), estimate, today_cells(today))
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
            if step := cell.change_up:
                after = step.change.after if step.change else None
                attribute = "median pay change to next rung (BLS)"
                words = f"Change: {step.words}"
                official_row(base, attribute, words, after, change_cells(step))
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
        if step := column.total_change:
            after = step.change.after if step.change else None
            attribute = "median pay change, rung 1 to the last rung (BLS)"
            words = f"Change: {step.words}"
            official_row([*totals, ""], attribute, words, after, change_cells(step))
    full = header + number_header(dollars_of) + TODAY_HEADER
    return csv_response("ladder-comparison.csv", full, rows)
