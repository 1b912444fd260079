"""Pay in a comparison: always as stated, and also in one year's dollars when asked."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import HttpRequest

from salaries.models import CpiYear


def _dollars_year(request: HttpRequest) -> tuple[int | None, dict, str]:
    """The year whose dollars pay should also be shown in (`?dollars=YYYY`), the CPI
    table, and a message when the asked-for year cannot be used."""
    table = CpiYear.objects.as_table()
    raw = request.GET.get("dollars", "").strip()
    if not raw:
        return None, table, ""
    if not (len(raw) <= 4 and raw.isascii() and raw.isdigit()) or int(raw) not in table:
        first, last = (min(table), max(table)) if table else ("-", "-")
        return None, table, f"Pay can be shown in the dollars of any year from {first} to {last}."
    return int(raw), table, ""


def attach_normalised_pay(roles, dollars_of: int | None, cpi: dict) -> None:
    """Give each prefetched figure its yearly (and adjusted) form for the templates."""
    for role in roles:
        for figure in role.salary_figures.all():
            figure.normalised_pay = figure.normalised(dollars_of, cpi)


@dataclass
class PayBasis:
    """How a comparison shows pay: always as stated, and also in `dollars_of` dollars
    when asked (`?dollars=YYYY`)."""

    dollars_of: int | None
    cpi: dict
    message: str

    @classmethod
    def from_request(cls, request: HttpRequest) -> PayBasis:
        return cls(*_dollars_year(request))

    def useful_years(self, roles=()) -> list[int]:
        """The years worth offering, latest first: the latest CPI year and a few before it,
        the years these roles' figures date from (prefetched), and the one chosen: not
        every year of the table."""
        if not self.cpi:
            return []
        latest = max(self.cpi)
        stated = {figure.year for role in roles for figure in role.salary_figures.all()}
        wanted = {latest, latest - 1, latest - 5, latest - 10, latest - 20, *stated}
        wanted.add(self.dollars_of)
        return sorted((year for year in wanted if year in self.cpi), reverse=True)

    def context(self, roles=()) -> dict:
        return {
            "dollars_of": self.dollars_of,
            "dollars_message": self.message,
            "cpi_years": self.useful_years(roles),
            "cpi_latest": max(self.cpi) if self.cpi else None,
        }


def chart_rows(roles) -> list[tuple]:
    """(label, normalised pay) for every figure of these roles, each role once; call
    attach_normalised_pay first."""
    rows, seen = [], set()
    for role in roles:
        if role.pk in seen:
            continue
        seen.add(role.pk)
        for figure in role.salary_figures.all():
            label = f"{role.title} · {figure.as_stated()} · {figure.year_display}"
            rows.append((label, figure.normalised_pay))
    return rows
