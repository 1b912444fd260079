"""What a requirement can say: the education levels in order, how strongly a source asks,
which statements count for the "least required" rules, and how years read."""

from __future__ import annotations

import re

from django.db import models


class EducationLevel(models.IntegerChoices):
    """Ordered: a higher number is more education."""

    NONE = 0, "No formal education"
    HIGH_SCHOOL = 1, "High-school diploma"
    VOCATIONAL = 2, "Vocational certification"
    SOME_COLLEGE = 3, "Some college"
    ASSOCIATE = 4, "Associate (two-year) degree"
    BACHELOR = 5, "Bachelor's degree"


class Necessity(models.TextChoices):
    REQUIRED = "required", "Required"
    PREFERRED = "preferred", "Preferred"
    SUGGESTED = "suggested", "Suggested"
    ON_THE_WAY = "on_the_way", "Required on the way up"
    HELPFUL = "helpful", "Helpful"
    OPTIONAL = "optional", "Optional opportunity"
    COMMON = "common", "Common background"


# Which statements count, for the least education a role requires and the least
# experience it asks for: the queryset filters and the Role methods both use these, and
# both count the same necessities. Preferred and suggested are not asked of everybody,
# and "required on the way up" is not asked at hiring, so only "required" counts.
QUALIFYING = (Necessity.REQUIRED,)
EDUCATION_REQUIRED_BY = QUALIFYING
EXPERIENCE_COUNTS = QUALIFYING
# Asked at hiring but not of everybody: what a role list says a role "only" asks for
# when it requires nothing.
ASKED_NOT_REQUIRED = (Necessity.PREFERRED, Necessity.SUGGESTED)
# The least education that counts as a degree.
DEGREE_LEVEL = EducationLevel.ASSOCIATE


def is_degree(level: int | None) -> bool:
    """Whether a stated education level is a degree (an unstated one is not)."""
    return level is not None and level >= DEGREE_LEVEL


def number_display(value) -> str:
    return f"{value.normalize():f}" if hasattr(value, "normalize") else str(value)


def years_display(value) -> str:
    text = number_display(value)
    return f"{text} year" if text == "1" else f"{text} years"


def experience_range_display(low, high) -> str:
    """Years of experience as a sentence gives them: "1 year", "0 to 3 years",
    "at least 7 years", "up to 2 years"; empty when neither end is stated."""
    if low is not None and high is not None:
        return (
            years_display(low) if low == high else f"{number_display(low)} to {years_display(high)}"
        )
    if low is not None:
        return f"at least {years_display(low)}"
    if high is not None:
        return f"up to {years_display(high)}"
    return ""


def scoped(text: str, scope: str) -> str:
    """A statement with how widely its source says it holds: "Associate degree (many jobs
    now)"; the text alone where the sentence gives no scope."""
    return f"{text} ({scope})" if scope else text


def said_once(*phrases: str) -> str:
    """Phrases joined by commas, each part said once: a part already said as words of an
    earlier one is left out, so "required on the way up" with the scope "at Convergys, on
    the way up" reads "required on the way up, at Convergys"."""
    said: list[str] = []
    for phrase in phrases:
        for part in (part.strip() for part in phrase.split(",")):
            pattern = rf"\b{re.escape(part)}\b"
            if part and not any(re.search(pattern, earlier, re.IGNORECASE) for earlier in said):
                said.append(part)
    return ", ".join(said)
