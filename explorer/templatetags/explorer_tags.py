"""Template tags for the public pages: what the articles say around every pay figure."""

from django import template
from django.utils.html import format_html

from salaries.selectors import pay_context as pay_context_of

register = template.Library()


@register.inclusion_tag("explorer/_pay_context.html")
def pay_context(*, starting: bool = False) -> dict:
    """Where pay varies with place and, with `starting`, where field-wide pay starts:
    shown wherever pay is, so no figure reads as if it held everywhere."""
    return {"context": pay_context_of(starting=starting)}


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
