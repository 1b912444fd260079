from salaries.models import HOURS_PER_YEAR


def pay_conventions(request) -> dict:
    """The conventions every page that compares pay states."""
    return {"hours_per_year": HOURS_PER_YEAR}
