from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django import forms
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.http import QueryDict

from careers.models import EducationLevel, RequirementStatement, Role
from careers.querysets import RoleQuerySet
from careers.requirements import ASKED_NOT_REQUIRED
from core.choosers import find_named
from salaries.models import HOURS_PER_YEAR, CpiYear, PayPeriod
from salaries.official import NATIONAL, Area
from salaries.selectors import by_top_pay, roles_paying_at_least
from salaries.today import latest_release, roles_with_median_at_least

# Which pay the least-pay filter matches: the articles' stated figures (the default), or
# BLS's median for the role's federal occupation where the reader is.
BLS_MEDIAN = "bls"
PAY_FROM = [("", "Stated in the articles"), (BLS_MEDIAN, "BLS median today where you are")]

SORTS = {
    "": "Title, A to Z",
    "pay": "Highest stated pay first",
    "education": "Least education required first",
}


RULED_OUT_LISTED = 30  # roles listed as ruled out by a filter; past that, a count


@dataclass
class RuledOut:
    """Roles a filter leaves out: (role, [(what it asks, statement)]) and how many in all."""

    listed: list[tuple[Role, list[tuple[str, object]]]] = field(default_factory=list)
    total: int = 0

    @property
    def more(self) -> int:
        return self.total - len(self.listed)


class RoleFilterForm(forms.Form):
    """The job seeker's filters. Every field is optional; an invalid one is reported
    next to the field and left out of the filtering."""

    TYPED = ["q", "experience", "min_pay"]  # typed freely, not chosen from a list

    q = forms.CharField(
        label="Search titles and duties",
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. billing, coach"}),
    )
    education = forms.TypedChoiceField(
        label="Education I have",
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", "Any")] + [(level.value, level.label) for level in EducationLevel],
    )
    experience = forms.DecimalField(
        label="Years of experience I have",
        required=False,
        min_value=0,
        max_value=60,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "0.5", "inputmode": "decimal"}),
    )
    min_pay = forms.DecimalField(
        label="Least pay I want",
        required=False,
        min_value=0,
        max_value=10_000_000,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    pay_period = forms.ChoiceField(
        label="Per",
        required=False,
        choices=[(PayPeriod.YEAR, "year"), (PayPeriod.HOUR, "hour")],
    )
    pay_from = forms.ChoiceField(label="Pay to match", required=False, choices=PAY_FROM)
    pay_today = forms.BooleanField(label="Count dated figures in today's dollars", required=False)
    sort = forms.ChoiceField(label="Sort by", required=False, choices=list(SORTS.items()))

    def __init__(
        self, *args, cpi: dict[int, Decimal] | None = None, area: Area | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.cpi = CpiYear.objects.as_table() if cpi is None else cpi
        self.area = area  # where the reader is, for BLS's median (None: the nation)
        self.latest_cpi_year = max(self.cpi) if self.cpi else None
        if self.latest_cpi_year:
            self.fields[
                "pay_today"
            ].label = f"Count the articles' dated figures in {self.latest_cpi_year} dollars"
        else:  # no CPI table: nothing to adjust with
            del self.fields["pay_today"]

    def active_filters(self) -> dict:
        """The valid, non-empty filters (call after is_valid())."""
        data = getattr(self, "cleaned_data", {})
        return {
            key: value
            for key, value in data.items()
            if value is not None and value != "" and value is not False
        }

    def yearly_min_pay(self) -> Decimal | None:
        filters = self.active_filters()
        amount = filters.get("min_pay")
        if amount is None or "pay_period" in self.errors:
            return None  # an amount without a period it can be read in is left out
        if filters.get("pay_period") == PayPeriod.HOUR:
            return amount * HOURS_PER_YEAR
        return amount

    def matches_bls_median(self) -> bool:
        """Whether the least-pay filter is on and matches BLS's median, not stated pay."""
        filters = self.active_filters()
        return filters.get("pay_from") == BLS_MEDIAN and self.yearly_min_pay() is not None

    def filter(self, roles: RoleQuerySet) -> RoleQuerySet:
        filters = self.active_filters()
        if "q" in filters:
            roles = roles.matching(filters["q"].strip())
        if "education" in filters:
            roles = roles.within_education(filters["education"])
        if "experience" in filters:
            roles = roles.within_experience(filters["experience"])
        if self.matches_bls_median():
            # BLS publishes hourly and annual medians: an hourly amount is compared with
            # the hourly one, not converted.
            hourly = filters.get("pay_period") == PayPeriod.HOUR
            roles = roles_with_median_at_least(roles, filters["min_pay"], self.area, hourly=hourly)
        elif (yearly := self.yearly_min_pay()) is not None:
            today = self.active_filters().get("pay_today")
            roles = roles_paying_at_least(roles, yearly, cpi=self.cpi if today else None)
        return roles

    def results(self) -> RoleQuerySet:
        """The roles the valid filters leave, with all a list row shows, by title; invalid
        fields are shown as errors and left out."""
        roles = Role.objects.with_profile()
        if self.is_bound:
            self.is_valid()
            roles = self.filter(roles)
        sort = self.active_filters().get("sort")
        if sort == "pay":
            return by_top_pay(roles)
        if sort == "education":
            return roles.by_least_education()
        # Explicit: Meta.ordering does not apply once a filter groups rows to annotate them.
        return roles.order_by(Lower("title"), "pk")

    def fit(self, role: Role) -> str:
        """Whether the sources say this role is open to you, or only say nothing against
        it: with an education or experience filter on, a role no source states that
        requirement for is "not stated", never "open". Empty without such a filter."""
        filters = self.active_filters() if self.is_bound else {}
        unstated = []
        if "education" in filters and role.least_required_education() is None:
            unstated.append("education")
        if "experience" in filters and role.least_required_years() is None:
            unstated.append("experience")
        if not {"education", "experience"} & filters.keys():
            return ""
        if not unstated:
            return "Sources say you qualify"
        words = f"No {' or '.join(unstated)} requirement stated"
        # A suggested or preferred degree is not a requirement, but "none stated" alone
        # would read as if the sources asked nothing: say what they do ask, and how.
        softer = sorted(
            {
                req.get_necessity_display().lower()
                for req in role.requirements.all()
                if req.necessity in ASKED_NOT_REQUIRED
                and (
                    ("education" in unstated and req.education is not None)
                    or ("experience" in unstated and req.states_experience)
                )
            }
        )
        return f"{words}, only {' or '.join(softer)}" if softer else words

    def ruled_out(self, limit: int = RULED_OUT_LISTED) -> RuledOut:
        """The roles the education and experience filters leave out, each with what its
        required statements ask beyond the filter (hedges such as "usually" kept beside
        it), the first `limit` by title. A "usually requires a bachelor's degree" rules a
        role out here, but the reader sees that it is hedged and where it comes from."""
        filters = self.active_filters()
        level, years = filters.get("education"), filters.get("experience")
        if level is None and years is None:
            return RuledOut()
        wider = self.without("education", "experience")
        kept = self.filter(Role.objects.all()).values("pk")
        left_out = wider.filter(Role.objects.all()).exclude(pk__in=kept)
        statements = Prefetch("requirements", RequirementStatement.objects.select_related("source"))
        roles = left_out.prefetch_related(statements).order_by(Lower("title"), "pk")
        listed = []
        for role in roles[:limit]:
            # The same statements the filters read (Role's rules), beyond what was given.
            above = {
                req.pk
                for req in role.required_education_statements()
                if level is not None and req.education > level
            }
            longer = {
                req.pk
                for req in role.required_experience_statements()
                if years is not None and req.experience_min_years > years
            }
            reasons = []
            for req in role.requirements.all():
                asks = []
                if req.pk in above:
                    asks.append(req.education_brief)
                if req.pk in longer:
                    subject = (
                        f" {req.experience_field}" if req.experience_field else " of experience"
                    )
                    asks.append(f"{req.experience_display}{subject}")
                if asks:
                    reasons.append(("; ".join(asks), req))
            listed.append((role, reasons))
        return RuledOut(listed, left_out.count() if len(listed) == limit else len(listed))

    def widen_links(self, query: QueryDict) -> list[tuple[str, str, Callable[[], int]]]:
        """(plain words, query string without that filter, how many roles that would show)
        for each active filter; the count is a callable, so only a page that shows the
        links (an empty result) runs its query."""
        links = []
        for name, words in self.describe():
            names = [name, "pay_period", "pay_today", "pay_from"] if name == "min_pay" else [name]
            wider = self.without(*names, query=query)
            links.append((words, wider.data.urlencode(), wider.results().count))
        return links

    def without(self, *names: str, query: QueryDict | None = None) -> RoleFilterForm:
        """The same filters (from `query`, else this form's data) less the named fields,
        validated."""
        params = (self.data if query is None else query).copy()
        for name in names:
            params.pop(name, None)
        wider = type(self)(params, cpi=self.cpi, area=self.area)
        wider.is_valid()
        return wider

    def describe(self) -> list[tuple[str, str]]:
        """(field name, plain words) for each active filter, for the results summary."""
        filters = self.active_filters()
        words = []
        if "q" in filters:
            words.append(("q", f"matching “{filters['q']}”"))
        if "education" in filters:
            # "Not ruled out", not "open": most roles' sources state no requirement at all.
            level = EducationLevel(filters["education"]).label
            words.append(("education", f"not ruled out with {level}"))
        if "experience" in filters:
            years = filters["experience"].normalize()
            words.append(("experience", f"not ruled out with {years:f} years of experience"))
        if "min_pay" in filters and "pay_period" not in self.errors:
            period = filters.get("pay_period") or PayPeriod.YEAR
            amount = filters["min_pay"]
            shown = f"${amount:,.2f}" if period == PayPeriod.HOUR else f"${amount:,.0f}"
            per = f"a{'n' if period == 'hour' else ''} {period}"
            if self.matches_bls_median():
                words.append(("min_pay", f"whose {self.bls_median_words()} reaches {shown} {per}"))
            else:
                # The top of a range counts ($9–$17 reaches $15): say so, not "paying at least".
                said = f"whose stated pay reaches {shown} {per}"
                if filters.get("pay_today"):
                    said += f" in {self.latest_cpi_year} dollars"
                words.append(("min_pay", said))
        return words

    def bls_median_words(self) -> str:
        """Which figure the BLS filter matches, and where: "BLS median (OEWS May 2025) in
        Salt Lake City, UT, or nationally where BLS publishes none there"."""
        if not hasattr(self, "_release"):
            self._release = latest_release()  # read once, however often the words are
        name = f" (OEWS {self._release.name})" if self._release else ""
        if self.area is None or self.area.code == NATIONAL:
            return f"BLS national median{name}"
        return f"BLS median{name} in {self.area.name}, or nationally where BLS publishes none there"


class PathForm(forms.Form):
    start = forms.CharField(label="From the role I have", max_length=100, required=False)
    goal = forms.CharField(label="To the role I want", max_length=100, required=False)
    PUBLIC_NAMES = {"from": "start", "to": "goal"}

    @classmethod
    def from_query(cls, query: QueryDict) -> PathForm:
        """Friendly URLs: /paths/?from=...&to=... (from is a Python keyword, so the form
        fields are called start and goal). Unbound until either end is given; one end
        alone is a question too (where it leads, or what leads to it)."""
        params = query.copy()
        for public, name in cls.PUBLIC_NAMES.items():
            if public in params:
                params[name] = params[public]
        return cls(params if params.get("start") or params.get("goal") else None)

    def clean(self):
        data = super().clean()
        found = find_named(Role.objects.all(), [data.get("start"), data.get("goal")], "title")
        for name in ("start", "goal"):
            value = data.get(name)
            if value and value not in found:
                self.add_error(
                    name,
                    forms.ValidationError(
                        "There is no role with that name. Choose one from the list.",
                        code="unknown_role",
                    ),
                )
            else:
                data[name] = found.get(value) if value else None
        if data.get("start") and data.get("start") == data.get("goal"):
            raise forms.ValidationError(
                "Choose two different roles: you are already there.", code="same_role"
            )
        return data
