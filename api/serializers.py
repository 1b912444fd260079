"""How the API writes each row: plain dicts of JSON types, every sourced row with the
slug of its source and the sentence it quotes."""

from __future__ import annotations

from django.urls import reverse

from careers.models import Role, Source
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure
from salaries.official import MEASURES, Area, RoleOccupation, WageEstimate, WageRelease
from salaries.today import PayToday


def _decimal(value):
    return None if value is None else float(value)


def source_data(source: Source) -> dict:
    return {
        "slug": source.slug,
        "title": source.title,
        "title_is_descriptive": source.title_is_descriptive,
        "publisher": source.publisher,
        "published_on": source.published_on.isoformat() if source.published_on else None,
        "seed_file": source.seed_file,
        "url": source.get_absolute_url(),
    }


def cited(row) -> dict:
    return {"source": row.source.slug, "quote": row.quote}


def salary_data(figure: SalaryFigure) -> dict:
    return {
        "role": figure.role.slug if figure.role_id else None,
        "as_stated": figure.as_stated(),
        "low": _decimal(figure.low),
        "high": _decimal(figure.high),
        "high_can_be_exceeded": figure.high_can_be_exceeded,
        "approximate": figure.approximate,
        "period": figure.period,
        "currency": figure.currency,
        "year": figure.year,
        "kind": figure.kind,
        "cited_authority": figure.cited_authority,
        "hedge": figure.hedge,
        "applies_to": figure.applies_to,
        "period_is_stated": figure.period_is_stated,
        "yearly_low": _decimal(figure.annual_low),
        "yearly_high": _decimal(figure.annual_high),
        **cited(figure),
    }


def requirement_data(req) -> dict:
    return {
        "summary": req.summary,
        "necessity": req.necessity,
        "scope": req.scope,
        "education": req.get_education_display() if req.education is not None else None,
        "education_level": req.education,
        "education_field": req.education_field,
        "education_also": req.education_also,
        "experience_min_years": _decimal(req.experience_min_years),
        "experience_max_years": _decimal(req.experience_max_years),
        "experience_field": req.experience_field,
        "certification": req.certification,
        "experience_may_substitute": req.experience_may_substitute,
        "applies_generally": req.applies_generally,
        **cited(req),
    }


def fact_data(fact) -> dict:
    return {
        "kind": fact.kind,
        "text": fact.text,
        "topic": fact.topic,
        "value_low": _decimal(fact.value_low),
        "value_high": _decimal(fact.value_high),
        "unit": fact.unit,
        **cited(fact),
    }


def promotion_data(move: Promotion) -> dict:
    return {
        "ladder": move.ladder.slug,
        "from_role": move.from_role.slug,
        "to_role": move.to_role.slug,
        "direction": move.direction,
        "order_is_stated": move.order_is_stated,
        "inferred_from": move.inferred_from,
        "hedge": move.hedge,
        "months_min": move.months_min,
        "months_max": move.months_max,
        **cited(move),
    }


def role_summary(role: Role) -> dict:
    return {
        "slug": role.slug,
        "title": role.title,
        "url": role.get_absolute_url(),
        "api_url": reverse("api:role-detail", args=[role.slug]),
    }


def ladder_data(ladder: Ladder, rungs: list[Rung]) -> dict:
    return {
        "slug": ladder.slug,
        "name": ladder.name,
        "employer": ladder.employer.name if ladder.employer_id else None,
        "order_is_stated": ladder.order_is_stated,
        "name_is_ours": ladder.name_is_ours,
        "url": ladder.get_absolute_url(),
        "api_url": reverse("api:ladder-detail", args=[ladder.slug]),
        "rungs": [{"position": r.position, "role": r.role.slug} for r in rungs],
        **cited(ladder),
    }


def area_data(area: Area) -> dict:
    return {"code": area.code, "kind": area.kind, "name": area.name, "state_code": area.state_code}


def federal_occupation_data(mapping: RoleOccupation | None) -> dict | None:
    """The site's judgement of which federal occupation speaks for a role, or None when
    none has been made yet; "no federal category fits" has no code or title."""
    if mapping is None:
        return None
    occupation = mapping.occupation
    return {
        "code": occupation.code if occupation else None,
        "title": occupation.title if occupation else None,
        "closeness": mapping.closeness,
        "closeness_words": mapping.get_closeness_display(),
        "reason": mapping.reason,
    }


def release_data(release: WageRelease) -> dict:
    source = release.source
    return {
        "code": release.code,
        "name": release.name,
        "published_on": release.published_on.isoformat(),
        "source": {
            "slug": source.slug,
            "title": source.title,
            "publisher": source.publisher,
            "url": source.url,
            "caveat": source.caveat,
        },
    }


def measure_data(estimate: WageEstimate, name: str) -> dict:
    """One measure: its value (null where BLS publishes none), as the pages write it (or
    in words why there is none: top-coded, not released, not published here) and BLS's
    footnotes on it, in BLS's words."""
    words = estimate.release.footnotes
    value = estimate.measure(name)
    # Counts and annual wages are whole numbers in BLS's tables: 69990, not 69990.0.
    whole = name == "employment" or name.startswith("annual_")
    return {
        "value": int(value) if whole and value is not None else _decimal(value),
        "shown": estimate.shown(name),
        "footnotes": [words.get(code, code) for code in estimate.footnotes_of(name)],
    }


def estimate_data(estimate: WageEstimate) -> dict:
    """One estimate as BLS publishes it (rows fetched with their occupation, area and
    release with its source), every measure in BLS's order."""
    return {
        "occupation": {"code": estimate.occupation.code, "title": estimate.occupation.title},
        "area": area_data(estimate.area),
        "industry": estimate.industry_id,
        "release": release_data(estimate.release),
        "measures": {name: measure_data(estimate, name) for name in MEASURES},
    }


def _estimate_or_none(estimate: WageEstimate | None) -> dict | None:
    return None if estimate is None else estimate_data(estimate)


def pay_today_data(pay: PayToday) -> dict:
    return {
        "area": area_data(pay.area) if pay.area is not None else None,
        "release": release_data(pay.release) if pay.release else None,
        "national": _estimate_or_none(pay.national),
        "local": _estimate_or_none(pay.local),
        "local_missing": pay.local_missing,
        "call_centers": _estimate_or_none(pay.call_centers),
        "why_none": pay.why_none,
    }


def role_item(role: Role, pay: PayToday) -> dict:
    """A role as the listings give it: where it is, its federal occupation and pay today."""
    return {
        **role_summary(role),
        "federal_occupation": federal_occupation_data(pay.mapping),
        "pay_today": pay_today_data(pay),
    }
