"""The seed data's content: every quote is verbatim, every number of the articles is
captured, and the rows say what the articles say. Loading it is tests/test_loader.py."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps

from careers.models import EducationLevel, Fact, Role, Source
from ladders.models import Ladder, Promotion
from salaries.models import SalaryFigure

pytestmark = pytest.mark.django_db

SOURCED_MODELS = [
    model
    for model in apps.get_models()
    if {"quote", "source"} <= {f.name for f in model._meta.fields}
    and not model.__name__.startswith("Historical")
]


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def article_text(seeds_dir, source: Source) -> str:
    return normalise((seeds_dir / source.seed_file).read_text(encoding="utf-8"))


def test_every_sourced_model_is_checked():
    names = {model.__name__ for model in SOURCED_MODELS}
    assert {"RequirementStatement", "Fact", "SalaryFigure", "Ladder", "Promotion"} <= names


def test_each_source_names_an_existing_article(seeds_dir):
    sources = Source.objects.articles()
    assert sources.count() == 5
    for source in sources:
        assert (seeds_dir / source.seed_file).is_file(), source.seed_file


@pytest.mark.parametrize("model", SOURCED_MODELS, ids=lambda m: m.__name__)
def test_every_quote_appears_verbatim_in_its_article(model):
    """Checked against the article texts the fixtures hold, so a fresh clone alone can run
    it; test_each_source_holds_its_article_text ties those texts to ../shared/seeds/."""
    rows = list(model.objects.select_related("source"))
    assert rows, f"no {model.__name__} rows loaded"
    for row in rows:
        text = normalise(row.source.text)
        assert normalise(row.quote) in text, f"{model.__name__} {row.pk}: {row.quote!r}"


NUMBER = re.compile(
    r"\d|\b(two|three|five|seven|ten|twelve|eighteen|thirty|hundred|thousand|million|percent)\b",
    re.IGNORECASE,
)


def sentences(text: str) -> list[str]:
    return [
        normalise(sentence)
        for line in text.splitlines()
        for sentence in re.split(r"(?<=[.!?])\s+", line)
        if sentence.strip()
    ]


def test_every_sentence_with_a_number_is_captured_with_its_quote():
    """Each sentence of an article that states a number is quoted by some row, or is
    the article's own date line or title (held on the Source)."""
    quotes: dict[int, list[str]] = {}
    for model in SOURCED_MODELS:
        for source_id, quote in model.objects.values_list("source_id", "quote"):
            quotes.setdefault(source_id, []).append(normalise(quote))
    missing = []
    for source in Source.objects.articles():
        for sentence in sentences(source.text):
            if not NUMBER.search(sentence):
                continue
            if any(sentence in quote for quote in quotes.get(source.pk, [])):
                continue
            if sentence == source.title:
                continue
            if source.published_on and sentence.endswith(
                source.published_on.strftime("%B ") + f"{source.published_on.day}, {source.year}"
            ):
                continue
            missing.append(f"{source.seed_file}: {sentence}")
    assert not missing, "sentences with numbers not in the data:\n" + "\n".join(missing)


def test_dated_articles_carry_their_dates_and_undated_ones_none():
    dates = dict(Source.objects.articles().values_list("seed_file", "published_on"))
    assert {name[:3]: value for name, value in dates.items()} == {
        "000": None,
        "001": date(2007, 8, 20),
        "002": date(2008, 2, 13),
        "003": None,
        "004": None,
    }


def test_salary_years_are_the_article_year_or_unknown():
    for figure in SalaryFigure.objects.select_related("source"):
        assert figure.year == figure.source.year, figure


def test_sources_disagree_about_the_csr_and_each_statement_is_kept():
    csr = Role.objects.get(slug="customer-service-representative")
    education_by_article = {
        (req.source.seed_file[:3], req.education)
        for req in csr.requirements.select_related("source")
        if req.education is not None
    }
    assert ("001", EducationLevel.HIGH_SCHOOL) in education_by_article
    assert ("002", EducationLevel.HIGH_SCHOOL) in education_by_article
    assert ("002", EducationLevel.ASSOCIATE) in education_by_article
    assert ("004", EducationLevel.HIGH_SCHOOL) in education_by_article
    articles = {req.source.seed_file[:3] for req in csr.requirements.select_related("source")}
    assert articles == {"000", "001", "002", "004"}


def test_csr_other_titles_from_the_crm_article():
    titles = set(
        Fact.objects.filter(
            role__slug="customer-service-representative", kind=Fact.Kind.OTHER_TITLE
        ).values_list("text", flat=True)
    )
    assert {
        "Customer service agent",
        "Electronic telesales agent",
        "Interservice specialist",
        "Web agent",
    } <= titles


def test_team_manager_leads_ten_to_thirty_people():
    span = Fact.objects.get(role__slug="call-center-team-manager", kind=Fact.Kind.SPAN)
    assert (span.value_low, span.value_high, span.unit) == (Decimal(10), Decimal(30), "people")


def test_qa_reports_to_the_general_manager_and_uses_nice():
    qa = Role.objects.get(slug="quality-assurance-representative")
    reports = qa.facts.get(kind=Fact.Kind.REPORTS_TO)
    assert reports.related_role.slug == "call-center-general-manager"
    assert any("NICE" in tool.text for tool in qa.facts.filter(kind=Fact.Kind.TOOL))


def test_call_center_hierarchy_runs_from_csr_to_general_manager():
    ladder = Ladder.objects.get(slug="call-center-hierarchy")
    assert ladder.order_is_stated
    assert list(ladder.rungs.values_list("role__slug", flat=True)) == [
        "customer-service-representative",
        "help-desk-representative",
        "call-center-team-manager",
        "quality-assurance-representative",
        "call-center-general-manager",
    ]


def test_stream_promotes_ssr_to_dsr_after_12_to_18_months():
    step = Promotion.objects.get(
        ladder__slug="stream-international",
        from_role__slug="software-support-representative",
        to_role__slug="development-support-representative",
    )
    assert (step.months_min, step.months_max) == (12, 18)
    assert step.time_in_role_display == "12–18 months"


def test_peoplesupport_ladder_says_its_order_is_not_stated():
    ladder = Ladder.objects.get(slug="peoplesupport")
    assert not ladder.order_is_stated
    assert not ladder.promotions.filter(order_is_stated=True).exists()


def test_field_wide_pay_is_open_ended_and_undated():
    figure = SalaryFigure.objects.get(role=None)
    assert (figure.low, figure.high, figure.high_can_be_exceeded) == (
        Decimal(16000),
        Decimal(100000),
        True,
    )
    assert figure.year is None
    assert figure.as_stated() == "on average from about $16,000, and can exceed $100,000 a year"


def test_hourly_csr_pay_cites_the_department_of_labor():
    figure = SalaryFigure.objects.get(period="hour")
    assert figure.role.slug == "customer-service-representative"
    assert figure.cited_authority == "U.S. Department of Labor"
    assert (figure.low, figure.high, figure.year) == (Decimal("9.00"), Decimal("17.00"), 2008)


def test_all_ladders_named_by_the_issue_are_present():
    assert set(Ladder.objects.values_list("slug", flat=True)) == {
        "call-center-hierarchy",
        "convergys",
        "stream-international",
        "peoplesupport",
        "customer-service-track",
    }


def test_each_source_holds_its_article_text(seeds_dir):
    for source in Source.objects.articles():
        assert normalise(source.text) == article_text(seeds_dir, source)
