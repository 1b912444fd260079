"""How the API writes each row: plain dicts of JSON types, every sourced row with the
slug of its source and the sentence it quotes."""

from __future__ import annotations

from django.urls import reverse

from careers.models import Role, Source
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure


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
