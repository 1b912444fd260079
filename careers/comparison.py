"""What the role and ladder comparisons share: reading the chosen items from the
URL, remembering them between pages, pay in a chosen year's dollars, and CSV."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import wraps
from urllib.parse import urlencode

from django.db.models import Model
from django.http import HttpRequest, HttpResponse

from careers.choosers import drop_down_choices, find_named, suggestions
from salaries.models import CpiYear

MIN_ITEMS = 2
MAX_ITEMS = 4


@dataclass
class Selection:
    """The items a comparison shows, in the order chosen, and what was wrong with the
    request, if anything (a 400 with this message)."""

    param: str
    items: list = field(default_factory=list)
    error: str = ""
    # Other query values a link should keep (the dollars year).
    keep: dict = field(default_factory=dict)
    # Asked-for values that name no item (shown back in a typed chooser).
    unknown: list[str] = field(default_factory=list)
    # The query string with every item by its slug, when some were asked for by name.
    canonical: str = ""

    @property
    def slugs(self) -> list[str]:
        return [item.slug for item in self.items]

    @property
    def ready(self) -> bool:
        return len(self.items) >= MIN_ITEMS and not self.error

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_ITEMS

    def query(self, *, without: str | None = None, adding: str | None = None, **extra) -> str:
        slugs = [slug for slug in self.slugs if slug != without] + ([adding] if adding else [])
        pairs = [(self.param, slug) for slug in slugs]
        values = {**self.keep, **extra}
        pairs += [(key, value) for key, value in values.items() if value not in (None, "")]
        return urlencode(pairs)

    @property
    def link(self) -> str:
        """The query string that reproduces this comparison exactly."""
        return self.query()

    @property
    def removals(self) -> list[tuple]:
        # Removing the last item says so, so that the remembered comparison is
        # forgotten; a page opened with nothing chosen keeps it, to offer it back.
        last = {CLEARED: "1"} if len(self.items) == 1 else {}
        return [(item, self.query(without=item.slug, **last)) for item in self.items]


def read_selection(
    request: HttpRequest, param: str, queryset, noun: str, name_field: str
) -> Selection:
    """Items named by repeated `param` query values, by slug or by name (duplicates
    ignored)."""
    selection = Selection(param=param)
    values = (value.strip()[:200] for value in request.GET.getlist(param))
    wanted = list(dict.fromkeys(value for value in values if value))
    if len(wanted) > MAX_ITEMS:
        selection.error = (
            f"Compare at most {MAX_ITEMS} {noun}s at a time; {len(wanted)} were asked for."
        )
        wanted = wanted[:MAX_ITEMS]
    found = find_named(queryset, wanted, name_field)
    selection.unknown = [value for value in wanted if value not in found]
    if selection.unknown:
        names = ", ".join(f"“{value[:60]}”" for value in selection.unknown)
        selection.error = f"There is no {noun} called {names}."
    # An item asked for twice (by slug and by name) is shown once.
    items = {found[value].pk: found[value] for value in wanted if value in found}
    selection.items = list(items.values())
    if not selection.error and set(wanted) != set(selection.slugs):
        # A typed name: answer at the address that names every item by its slug, which
        # is what links, the remembered comparison and the page cache all go by.
        params = request.GET.copy()
        params.setlist(param, selection.slugs)
        selection.canonical = params.urlencode()
    return selection


def chooser(selection: Selection, queryset, name_field: str) -> dict:
    """The "add an item" field: a drop-down of the items not chosen yet while they are
    few, else a typed name; after an unknown name, a few items whose names contain it."""
    rest = queryset.exclude(pk__in=[item.pk for item in selection.items])
    typed = selection.unknown[0][:100] if selection.unknown else ""
    close = suggestions(rest, typed, name_field) if typed and not selection.full else []
    return {
        "choices": drop_down_choices(rest, name_field),
        "typed": typed,
        "suggestions": [(item, selection.query(adding=item.slug)) for item in close],
    }


CLEARED = "cleared"
COOKIE = "compare_{}"
COOKIE_AGE = 90 * 24 * 60 * 60
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")


def remember_selection(param: str):
    """Keep the last good comparison in a small cookie (not a session: no database row
    for every visitor), so "add to comparison" elsewhere builds on it."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            slugs = list(dict.fromkeys(v for v in request.GET.getlist(param) if v))
            if response.status_code != 200 or request.GET.get("format") == "csv":
                return response
            if slugs:
                response.set_cookie(
                    COOKIE.format(param),
                    ",".join(slugs[:MAX_ITEMS]),
                    max_age=COOKIE_AGE,
                    samesite="Lax",
                    httponly=True,
                )
            elif request.GET.get(CLEARED):
                response.delete_cookie(COOKIE.format(param), samesite="Lax")
            return response

        return wrapper

    return decorate


def remembered(request: HttpRequest, param: str) -> list[str]:
    raw = request.COOKIES.get(COOKIE.format(param), "")
    return [slug for slug in raw.split(",") if SLUG.match(slug)][:MAX_ITEMS]


@dataclass
class Resume:
    """A link back to the comparison remembered in the cookie."""

    noun: str
    url: str
    items: list

    @property
    def names(self) -> str:
        """ "A", "A and B", "A, B and C"."""
        titles = [str(item) for item in self.items]
        return " and ".join([", ".join(titles[:-1]), titles[-1]] if len(titles) > 1 else titles)


def resume_link(
    request: HttpRequest, param: str, queryset, base_url: str, noun: str
) -> Resume | None:
    """The comparison of this kind remembered in the cookie, if any of it still exists."""
    slugs = remembered(request, param)
    if not slugs:
        return None
    found = queryset.in_bulk(slugs, field_name="slug")
    items = [found[slug] for slug in slugs if slug in found]
    if not items:
        return None
    return Resume(noun, f"{base_url}?{urlencode([(param, item.slug) for item in items])}", items)


def resume_links(request: HttpRequest, selection: Selection, kinds: list[tuple]) -> list[Resume]:
    """On a comparison page opened with nothing chosen (where the main menu's "Compare"
    goes), the remembered comparisons to go back to: `kinds` holds (param, queryset,
    base_url, noun) for each kind of comparison. One just emptied is not offered."""
    if selection.items or selection.error:
        return []
    links = []
    for param, queryset, base_url, noun in kinds:
        if param == selection.param and request.GET.get(CLEARED):
            continue
        if link := resume_link(request, param, queryset, base_url, noun):
            links.append(link)
    return links


@dataclass
class AddLink:
    """An "add to comparison" link for one item, built on the remembered selection."""

    url: str
    already: bool
    full: bool
    count: int


def add_link(request: HttpRequest, param: str, base_url: str, item: Model) -> AddLink:
    slugs = remembered(request, param)
    already = item.slug in slugs
    full = not already and len(slugs) >= MAX_ITEMS
    if not already and not full:
        slugs.append(item.slug)
    return AddLink(
        url=f"{base_url}?{urlencode([(param, slug) for slug in slugs])}",
        already=already,
        full=full,
        count=len(slugs),
    )


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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """Spreadsheets run cells that start like a formula; prefix those with a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(filename: str, header: list[str], rows: list[list]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Excel reads a CSV as the system's legacy code page unless it starts with a BOM,
    # and would show "–" and "’" as mojibake.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        padded = [*row, *[""] * (len(header) - len(row))]
        writer.writerow([safe_cell(value) for value in padded])
    return response


def pay_header(dollars_of: int | None) -> list[str]:
    """The extra CSV columns for pay in one year's dollars, when one is chosen."""
    if dollars_of is None:
        return []
    return ["yearly_equivalent", f"in_{dollars_of}_dollars", "pay_notes"]


def pay_cells(figure, dollars_of: int | None) -> list:
    """A pay figure's CSV cells: as stated, its citation and, in one year's dollars (after
    attach_normalised_pay), what the page shows beside it: the yearly equivalent, the
    adjusted value when it could be adjusted, and the notes that say how or why not."""
    cells = [figure.as_stated(), *citation(figure)]
    if dollars_of is None:
        return cells
    pay = figure.normalised_pay
    yearly = figure.as_yearly_equivalent() or figure.as_stated()
    return [*cells, yearly, pay.display() if pay.adjusted else "", "; ".join(pay.notes)]


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

    def context(self) -> dict:
        return {
            "dollars_of": self.dollars_of,
            "dollars_message": self.message,
            "cpi_years": sorted(self.cpi, reverse=True),
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


def footnotes(rows) -> dict:
    """Number the articles these rows cite, in seed order, for the footnotes."""
    sources = sorted(
        {row.source.pk: row.source for row in rows}.values(), key=lambda s: s.seed_file
    )
    return {"sources": sources, "source_numbers": {s.pk: n for n, s in enumerate(sources, 1)}}


def citation(row) -> list:
    """Source title, date (or "undated"), year and quote, for a CSV row."""
    source = row.source
    published = source.published_on.isoformat() if source.published_on else "undated"
    return [source.title, published, source.year or "", row.quote]


@dataclass
class MoveGroup:
    """Moves out of a role that share their direction and time in role, e.g. "Step up,
    time in role not stated": said once for the group rather than after every move."""

    label: str
    moves: list


def group_moves(moves) -> list[MoveGroup]:
    """Group a role's moves out; a move to a role reached on two ladders gets
    `names_ladder`, or it would read as a repeat."""
    targets = Counter(move.to_role_id for move in moves)
    groups: dict[str, MoveGroup] = {}
    for move in moves:
        move.names_ladder = targets[move.to_role_id] > 1
        if move.months_min is None and move.months_max is None:
            time = "time in role not stated"
        else:
            time = f"{move.time_in_role_display} in role"
        label = f"{move.get_direction_display()}, {time}"
        groups.setdefault(label, MoveGroup(label, [])).moves.append(move)
    return list(groups.values())
