from django.utils.functional import SimpleLazyObject

from explorer.area import chosen_area
from salaries.models import HOURS_PER_YEAR, CpiYear


def pay_conventions(request) -> dict:
    """The conventions every page that shows pay states, and the CPI-U table pay is
    shown in today's dollars with (read only by a page that shows a dated figure)."""
    return {
        "hours_per_year": HOURS_PER_YEAR,
        "cpi_table": SimpleLazyObject(CpiYear.objects.as_table),
    }


def area(request) -> dict:
    """The area whose official figures the pages show (named on every page)."""
    return {"area": SimpleLazyObject(lambda: chosen_area(request))}
