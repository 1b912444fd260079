"""Template tags for the public pages: what the articles say around every pay figure,
and pay in today's dollars beside it."""

from django import template
from django.utils.html import format_html

from salaries.official import LISTED_MEASURES
from salaries.selectors import pay_context as pay_context_of
from salaries.selectors import pay_dates as pay_dates_of

register = template.Library()


@register.inclusion_tag("explorer/_pay_context.html")
def pay_context(*, starting: bool = False) -> dict:
    """Where pay varies with place and, with `starting`, where field-wide pay starts:
    shown wherever pay is, so no figure reads as if it held everywhere."""
    return {"context": pay_context_of(starting=starting)}


@register.inclusion_tag("explorer/_pay_today.html")
def pay_today_section(role, pay, spread) -> dict:
    """A role's official pay today (salaries.today.PayToday) with its chart and table."""
    return {"role": role, "pay": pay, "spread": spread, "today_measures": LISTED_MEASURES}


@register.inclusion_tag("explorer/_pay_dates.html", takes_context=True)
def pay_dates(context, roles=(), figures=(), rungs=(), steps=()) -> dict:
    """The plain banner beside pay outside the comparisons: the figures of these roles
    (prefetched), these figures, the roles on these rungs or both ends of these steps
    date from these years or are undated; dated ones
    are also shown in the latest CPI year's dollars, undated ones never."""
    roles = [*roles, *(rung.role for rung in rungs)]
    figures = [
        *figures,
        *(figure for role in roles for figure in role.salary_figures.all()),
        *(figure for step in steps for figure in (*step.pay.before, *step.pay.after)),
    ]
    return {"dates": pay_dates_of(figures, context.get("cpi_table") or {})}


@register.simple_tag(takes_context=True)
def in_latest_dollars(context, figure):
    """`figure` as a yearly amount in the latest CPI-U year's dollars, or None (undated,
    already from that year, or no CPI table); the table comes from the context."""
    return figure.in_latest_dollars(context.get("cpi_table") or {})


@register.filter
def ours_marked(ladder) -> str:
    """A ladder's name, marked where the site named it (no source gives it a name)."""
    if ladder.name_is_ours:
        return format_html('{} <span class="muted small">(our name for it)</span>', ladder.name)
    return format_html("{}", ladder.name)


@register.filter
def fit_for(form, role) -> str:
    """The filter form's word on one role: "Sources say you qualify", or what no source
    states (see RoleFilterForm.fit)."""
    return form.fit(role)


@register.filter
def shown(estimate, measure: str) -> str:
    """An official estimate's measure as the pages write it, or why there is none:
    `{{ estimate|shown:"annual_median" }}`."""
    return estimate.shown(measure) if estimate is not None else ""


@register.filter
def pay_of(pay_by_role: dict, role):
    """The PayToday of a role from a dict keyed by role id: `{{ pay|pay_of:role }}`."""
    return pay_by_role.get(getattr(role, "pk", role)) if pay_by_role else None
