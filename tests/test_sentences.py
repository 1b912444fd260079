"""Every sentence of every article is accounted for: quoted by some sourced row, or listed
in fixtures/context_only.txt as context only (headings, dates, intros, sign-offs). A fact
keeps the hedge its sentence has, and only a sentence that ranks a role lets a fact rank it."""

import re

import pytest
from django.conf import settings

from careers.models import Fact, Source
from tests.test_fixtures import SOURCED_MODELS, normalise

pytestmark = pytest.mark.django_db

CONTEXT_ONLY = settings.BASE_DIR / "fixtures" / "context_only.txt"

# A sentence ends at . ! or ? (or one followed by a closing quote) before a space, but not
# at an initial ("U.S. Department of Labor") or an abbreviation ("Inc.", "Co.").
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bInc\.)(?<!\bCo\.)\s+|(?<=[.!?][”’\"])\s+")


def sentences(text: str) -> list[str]:
    """An article's sentences; a heading or date line is a sentence of its own."""
    return [
        normalise(sentence)
        for line in text.splitlines()
        for sentence in SENTENCE_END.split(line)
        if sentence.strip()
    ]


def context_only() -> list[tuple[str, str]]:
    lines = CONTEXT_ONLY.read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip()]
    assert all(len(row) == 2 for row in rows), "each line is <seed_file><TAB><sentence>"
    return [(seed_file, normalise(sentence)) for seed_file, sentence in rows]


def quotes_by_source() -> dict[int, list[str]]:
    quotes: dict[int, list[str]] = {}
    for model in SOURCED_MODELS:
        for source_id, quote in model.objects.values_list("source_id", "quote"):
            quotes.setdefault(source_id, []).append(normalise(quote))
    return quotes


def test_the_sourced_models_include_every_kind_of_row():
    names = {model.__name__ for model in SOURCED_MODELS}
    assert {"Fact", "RequirementStatement", "SalaryFigure", "Promotion", "Ladder"} <= names


def test_the_splitter_keeps_initials_and_abbreviations_inside_a_sentence():
    assert sentences("From $9.00 per hour according to the U.S. Department of Labor. Next.") == [
        "From $9.00 per hour according to the U.S. Department of Labor.",
        "Next.",
    ]
    assert sentences("Like PeopleSupport, Inc., to name a few. “Yes,” he says. Heading\nBody.") == [
        "Like PeopleSupport, Inc., to name a few.",
        "“Yes,” he says.",
        "Heading",
        "Body.",
    ]


def test_every_sentence_of_every_article_is_quoted_or_listed_as_context_only():
    quotes = quotes_by_source()
    listed = set(context_only())
    missing = []
    for source in Source.objects.articles():
        assert source.text, f"{source.seed_file} holds no text"
        for sentence in sentences(source.text):
            if (source.seed_file, sentence) in listed:
                continue
            if any(sentence in quote for quote in quotes.get(source.pk, [])):
                continue
            missing.append(f"{source.seed_file}\t{sentence}")
    assert not missing, "sentences neither quoted nor listed as context:\n" + "\n".join(missing)


def test_every_context_only_line_is_a_sentence_of_its_article_and_quoted_by_no_row():
    texts = dict(Source.objects.articles().values_list("seed_file", "text"))
    by_file = {seed_file: set(sentences(text)) for seed_file, text in texts.items()}
    quotes = quotes_by_source()
    pks = dict(Source.objects.articles().values_list("seed_file", "pk"))
    lines = context_only()
    assert lines
    assert len(lines) == len(set(lines)), "a sentence is listed twice"
    for seed_file, sentence in lines:
        assert seed_file in by_file, f"no source has seed file {seed_file}"
        assert sentence in by_file[seed_file], f"not a sentence of {seed_file}: {sentence}"
        quoted = [quote for quote in quotes.get(pks[seed_file], []) if sentence in quote]
        assert not quoted, f"listed as context but quoted by a row: {sentence}"


def test_every_context_only_line_is_in_the_article_file(seeds_dir):
    for seed_file, sentence in context_only():
        text = normalise((seeds_dir / seed_file).read_text(encoding="utf-8"))
        assert sentence in text, f"{seed_file}: {sentence}"


# A hedge of a sentence, and the words that keep it in a fact's text: the same word, or
# one of the same sort (how often, how many, whether, how nearly, on what condition).
HEDGE_GROUPS = {
    "how often": (
        r"usually|typically|typical|generally|often|sometimes|in many instances"
        r"|a lot of times|most of the time|tends? to"
    ),
    "how many": r"many|(?<!the )most|some|a growing number|a lot of|more and more|for some",
    "whether": r"may|can|might|could|likely|probably",
    "how nearly": r"about|around|nearly|almost|estimates?",
    "on what condition": r"depending on|depends on",
    "average": r"average",
}
# What the quote must say for the text to need a hedge: the words the product rule lists.
QUOTE_HEDGES = {
    "how often": r"usually|typically|generally|often",
    "how many": r"many|(?<!the )most|some|a growing number",
    "whether": r"may|can|might",
    "how nearly": r"(?:about|around|nearly)(?=\s+\$?\d)",  # a number, not "all about CRM"
    "on what condition": r"depending on",
    "average": r"average",
}


def hedge_sorts(text: str, table: dict[str, str]) -> set[str]:
    return {
        sort for sort, words in table.items() if re.search(rf"\b(?:{words})\b", text, re.IGNORECASE)
    }


# A fact whose quote hedges something the fact's text does not claim.
HEDGE_EXCEPTIONS = {
    5: "a title only: 'generally' hedges the pay, held by a salary figure",
    6: "a title only: 'typically' hedges when outgoing calls are made (fact 153)",
    45: "a title only: 'can make' hedges the pay, held by a salary figure",
    52: "a title only: 'some people' hedges who takes the path, held by a requirement",
    64: "a title only: 'may' hedges who creates gap training (fact 72)",
    79: "the DSR's duties: 'can' hedges the CSR's move up, held by a promotion",
}


def test_hedge_words_recognise_superlatives_and_equivalents():
    assert hedge_sorts("Typically, most CSRs are under 30.", QUOTE_HEDGES) == {
        "how often",
        "how many",
    }
    assert not hedge_sorts("The most important thing is to ask.", QUOTE_HEDGES)
    assert hedge_sorts("In many instances, they must", QUOTE_HEDGES) == {"how many"}
    assert hedge_sorts("About 90 percent", QUOTE_HEDGES) == {"how nearly"}
    assert not hedge_sorts("It is all about helping customers.", QUOTE_HEDGES)
    assert "how often" in hedge_sorts("Often takes part in firing.", HEDGE_GROUPS)
    assert not hedge_sorts("Takes part in firing.", HEDGE_GROUPS)


def test_a_fact_keeps_a_hedge_its_quote_has():
    unhedged = []
    for fact in Fact.objects.order_by("pk"):
        if fact.pk in HEDGE_EXCEPTIONS:
            continue
        in_quote = hedge_sorts(fact.quote, QUOTE_HEDGES)
        if in_quote and not in_quote & hedge_sorts(fact.text, HEDGE_GROUPS):
            unhedged.append(f"{fact.pk}: {fact.text!r} drops the hedge of {fact.quote!r}")
    assert not unhedged, "\n".join(unhedged)


def test_hedge_exceptions_are_still_needed():
    for pk, reason in HEDGE_EXCEPTIONS.items():
        fact = Fact.objects.get(pk=pk)
        assert reason
        assert hedge_sorts(fact.quote, QUOTE_HEDGES), f"{pk}: its quote has no hedge now"
        assert not hedge_sorts(fact.text, HEDGE_GROUPS), f"{pk}: its text is hedged now"


ENTRY_OR_TOP_QUOTE = re.compile(r"initial phase|entry[- ]level|highest ranking", re.IGNORECASE)
RANK_WORDS = re.compile(
    r"\btop\b|entry[- ]level|\bentry\b|highest|lowest|bottom|first step|where people start",
    re.IGNORECASE,
)


def test_entry_and_top_facts_quote_a_sentence_that_says_so():
    rank_facts = Fact.objects.filter(kind__in=[Fact.Kind.ENTRY, Fact.Kind.TOP])
    assert rank_facts.filter(kind=Fact.Kind.ENTRY).exists()
    assert rank_facts.filter(kind=Fact.Kind.TOP).exists()
    for fact in rank_facts:
        assert ENTRY_OR_TOP_QUOTE.search(fact.quote), f"{fact.pk}: {fact.quote!r}"


def test_only_an_entry_or_top_fact_or_its_own_sentence_ranks_a_role():
    for fact in Fact.objects.exclude(kind__in=[Fact.Kind.ENTRY, Fact.Kind.TOP]):
        for word in RANK_WORDS.findall(fact.text):
            assert word.lower() in fact.quote.lower(), f"{fact.pk}: {word!r} in {fact.text!r}"


def test_fact_texts_are_short():
    for fact in Fact.objects.all():
        assert 0 < len(fact.text) <= 300, fact.pk
