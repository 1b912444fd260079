"""Each article, with every fact drawn from it."""

import re
from html import unescape

import pytest
from django.utils.html import escape

from careers import article
from careers.models import Fact, Source, normalise_whitespace
from careers.sources import SOURCED_KINDS, read_article
from ladders.models import Ladder
from salaries.models import SalaryFigure

pytestmark = pytest.mark.django_db


def test_source_list_counts_what_each_article_supports(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # and the official statistics, with their counts
        response = client.get("/sources/")
    html = response.content.decode()
    for source in Source.objects.all():
        assert source.get_absolute_url() in html
    hierarchy = response.context["sources"].get(seed_file__startswith="004")
    assert hierarchy.facts_count == Fact.objects.filter(source=hierarchy).count()
    assert hierarchy.ladders_count == 1
    assert "undated" in html and "20 August 2007" in html


def test_source_page_lists_every_fact_with_its_quote(client):
    source = Source.objects.get(seed_file__startswith="001")
    html = client.get(source.get_absolute_url()).content.decode()
    for figure in SalaryFigure.objects.filter(source=source):
        assert figure.as_stated() in html
    for fact in Fact.objects.filter(source=source):
        assert fact.text.replace("'", "&#x27;").replace('"', "&quot;") in html
    for ladder in Ladder.objects.filter(source=source):
        assert ladder.name in html


def test_citations_link_to_their_source(client):
    html = client.get("/roles/call-center-team-manager/").content.decode()
    assert Source.objects.get(seed_file__startswith="004").get_absolute_url() in html


def test_unknown_source_is_a_404(client):
    assert client.get("/sources/nope/").status_code == 404


def test_every_source_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    for source in Source.objects.all():
        with django_assert_max_num_queries(8):  # the rows' quotes: one query
            assert client.get(source.get_absolute_url()).status_code == 200


# The stored article, read with every quoted passage marked.


def test_a_quote_is_found_across_line_breaks_and_typographic_punctuation():
    text = "It’s a job.\n\nCalls come in – all day.  Then   more."
    assert article.locate(text, "It's a job. Calls come in - all day.") == (0, 37)
    assert article.locate(text, "Then more.") == (text.index("Then"), len(text))
    assert article.locate(text, "  Calls come in – all day. ") == (13, 37)
    assert article.locate(text, "Calls come in all day.") is None
    assert article.locate(text, "   ") is None


def test_overlapping_and_nested_quotes_make_one_mark_holding_each():
    text = "One two three. Four five six. Seven."
    reading = article.read(text, ["two three. Four", "Four five six.", "five", "Seven.", "Nine."])
    first, second = reading.marks
    assert (text[first.start : first.end], first.quotes) == (
        "two three. Four five six.",
        ("two three. Four", "Four five six.", "five"),
    )
    assert text[second.start : second.end] == "Seven." and second.number == 2
    assert reading.missing == ("Nine.",)
    assert reading.mark_of["five"] is first


def test_a_mark_over_a_line_break_shows_in_both_blocks_and_opens_once():
    text = "Heading here\nFirst line ends.\nSecond line."
    reading = article.read(text, ["ends. Second"])
    heading, first, second = reading.blocks
    assert heading.heading and not first.heading and not second.heading
    assert [(p.text, p.opens) for p in first.pieces if p.mark] == [("ends.", True)]
    assert [(p.text, p.opens) for p in second.pieces if p.mark] == [("Second", False)]
    assert "".join(p.text for p in second.pieces) == "Second line."


def test_a_dateline_and_a_short_sentence_are_not_headings():
    assert article.is_heading("Call Center Team Manager")
    assert not article.is_heading("Monday, August 20, 2007")
    assert not article.is_heading("No comments:")
    assert not article.is_heading("Growth is possible.")


def test_every_stored_quote_is_found_in_its_article():
    for source in Source.objects.all():
        found = read_article(source, [])
        assert found.missing == [], (source.seed_file, [quote for quote, _ in found.missing])
        assert all(not row.shown for backing in found.backings for row in backing.rows)


def quotes_of(source: Source) -> set[str]:
    return {
        quote
        for kind in SOURCED_KINDS
        for quote in getattr(source, kind.relation).values_list("quote", flat=True)
    }


def marked(html: str) -> list[str]:
    """The text of each mark that opens a passage (a passage over a line break continues)."""
    text = []
    for opening in re.finditer(r'<mark id="(q-\d+)">', html):
        pieces = re.findall(
            rf'<mark(?: id="{opening[1]}")?><a href="#backs-{opening[1]}">(.*?)</a></mark>', html
        )
        text.append(" ".join(pieces))
    return text


def test_each_quote_is_highlighted_exactly_once_on_its_source_page(client):
    for source in Source.objects.all():
        html = client.get(source.get_absolute_url()).content.decode()
        passages = [normalise_whitespace(unescape(passage)) for passage in marked(html)]
        assert len(passages) == len(set(re.findall(r'id="(q-\d+)"', html)))
        for quote in quotes_of(source):
            holding = [p for p in passages if normalise_whitespace(quote) in p]
            assert len(holding) == 1, (source.seed_file, quote)
        assert "not found in the stored text" not in html


def test_marks_link_to_the_rows_they_back_and_rows_link_back(client):
    source = Source.objects.get(seed_file__startswith="004")
    html = client.get(source.get_absolute_url()).content.decode()
    anchors = re.findall(r'<mark id="(q-\d+)">', html)
    for anchor in anchors:
        assert f'<li id="backs-{anchor}">' in html
        assert html.count(f'href="#{anchor}"') >= 2  # from what it backs, and from each row
    rows = re.findall(r'<li id="(row-\w+-\d+)">', html)
    assert len(rows) == sum(1 for _ in source.statements()[0:100])
    for row in rows:
        assert f'href="#{row}"' in html  # each row is listed under the passage it quotes


def test_a_row_on_another_page_is_named_but_not_linked(client):
    source = Source.objects.get(seed_file__startswith="000")
    html = client.get(source.get_absolute_url()).content.decode()
    assert "(on another page of the rows)" in html
    assert len(re.findall(r'<li id="row-', html)) == 50


def test_a_quote_missing_from_the_text_is_listed_plainly(client):
    source = Source.objects.get(seed_file__startswith="003")
    Fact.objects.create(
        source=source, kind=Fact.Kind.FIELD, text="Made up.", quote="Words the article never says."
    )
    html = client.get(source.get_absolute_url()).content.decode()
    assert "“Words the article never says.” — not found in the stored text" in html
    assert 'href="#not-found">Not found in the stored text</a>' in html
    assert "Words the article never says." not in "".join(marked(html))


def test_the_headline_is_the_articles_title_never_its_file_name(client):
    for source in Source.objects.articles():
        html = client.get(source.get_absolute_url()).content.decode()
        assert re.search(r"<h1>(.*?)</h1>", html, re.S)[1] == escape(source.title)
        assert f"<title>{escape(source.title)}" in html
        assert f"stored as {source.seed_file}" in html
        assert source.seed_file not in re.search(r"<h1>.*?</h1>", html, re.S)[0]
    listing = client.get("/sources/").content.decode()
    for heading in re.findall(r"<h2[^>]*>(.*?)</h2>", listing, re.S):
        assert ".txt" not in heading and ".md" not in heading


def test_html_in_the_stored_article_is_escaped(client):
    source = Source.objects.get(seed_file__startswith="003")
    source.text += "\n<script>alert(1)</script> <b>bold</b> & more."
    source.save()
    html = client.get(source.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp; more." in html


def test_a_swap_to_another_page_of_rows_relinks_what_each_passage_backs(client):
    source = Source.objects.get(seed_file__startswith="000")
    html = client.get(
        source.get_absolute_url(), {"page": 2}, headers={"HX-Request": "true"}
    ).content.decode()
    assert html.lstrip().startswith('<div id="source-rows"') and "<html" not in html
    rows = re.findall(r'<li id="(row-\w+-\d+)">', html)
    assert 0 < len(rows) < 50
    backings = html[html.index('<ol class="backings" id="backings" hx-swap-oob="true">') :]
    for row in rows:
        assert f'href="#{row}"' in backings
    assert "(on another page of the rows)" in backings  # page one's rows
    full = client.get(source.get_absolute_url()).content.decode()
    assert "hx-swap-oob" not in full and full.count('id="backings"') == 1


def test_official_statistics_are_listed_apart_from_the_articles(client):
    from careers.models import Source

    html = client.get("/sources/").content.decode()
    articles, statistics = html.split('id="statistics-heading"')
    assert "one of these 5 articles" in articles
    bls = Source.objects.statistics().get()
    assert bls.title not in articles and bls.title in statistics
    assert " wage estimates</p>" in statistics


def test_a_statistics_source_page_gives_its_caveat_and_no_article_to_read(client):
    from careers.models import Source

    bls = Source.objects.statistics().get()
    response = client.get(bls.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "BLS.gov cannot vouch for the data or analyses derived from these data" in html
    assert "May 2025 release" in html
    assert "Read the article" not in html and "stored as" not in html
