"""Template tags for the public pages: what the articles say around every pay figure."""

from django import template

from salaries.selectors import pay_context as pay_context_of

register = template.Library()


@register.inclusion_tag("explorer/_pay_context.html")
def pay_context(*, starting: bool = False) -> dict:
    """Where pay varies with place and, with `starting`, where field-wide pay starts:
    shown wherever pay is, so no figure reads as if it held everywhere."""
    return {"context": pay_context_of(starting=starting)}
