"""The loader and exporter: every row of the fixture files is loaded, loading twice
changes nothing, a bad row is named and changes nothing (with `load_fixtures` and with
Django's own `loaddata`), and export and load round-trip exactly."""

import json
from pathlib import Path

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import IntegrityError

from careers.models import Fact, RequirementStatement, Role, Source
from core.fixtures import LAYOUT, default_files, export, load
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure
from tests.conftest import FIXTURE_FILES, load_seed_data

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, list]:
    """Every row of every seeded model, as the serializer sees it."""
    return {
        label: json.loads(
            serializers.serialize("json", apps.get_model(label).objects.order_by("pk"))
        )
        for labels in LAYOUT.values()
        for label in labels
    }


def test_export_then_load_into_an_empty_database_is_identical(tmp_path):
    before = snapshot()
    export(tmp_path)
    for labels in reversed(list(LAYOUT.values())):
        for label in reversed(labels):
            apps.get_model(label).objects.all().delete()
    assert SalaryFigure.objects.count() == 0
    load(paths=sorted(tmp_path.glob("*.json"), key=lambda p: list(LAYOUT).index(p.name)))
    assert snapshot() == before


def test_the_committed_fixtures_are_what_the_exporter_writes(tmp_path):
    export(tmp_path)
    for path in default_files():
        assert (tmp_path / path.name).read_text("utf-8") == path.read_text("utf-8"), path.name


def bad_copy(tmp_path: Path, file: str, row: int, **changes) -> list[Path]:
    paths = []
    for path in default_files():
        data = json.loads(path.read_text("utf-8"))
        if path.name == file:
            data[row - 1]["fields"].update(changes)
        copy = tmp_path / path.name
        copy.write_text(json.dumps(data), "utf-8")
        paths.append(copy)
    return paths


@pytest.mark.parametrize(
    ("file", "row", "changes", "reason"),
    [
        ("salaries.json", 3, {"low": "60000.00"}, "is below the low figure"),
        ("salaries.json", 2, {"role": 999999}, "role"),
        ("facts.json", 5, {"quote": "A sentence no article contains."}, "not in the source's text"),
    ],
    ids=["low-above-high", "unknown-role", "broken-quote"],
)
def test_a_bad_row_is_named_and_nothing_changes(tmp_path, file, row, changes, reason):
    before = snapshot()
    paths = bad_copy(tmp_path, file, row, **changes)
    with pytest.raises(CommandError) as raised:
        call_command("load_fixtures", *map(str, paths))
    message = str(raised.value)
    assert message.startswith("Nothing was loaded.")
    assert f"{file}, row {row}" in message
    assert reason in message
    assert snapshot() == before


def test_an_unreadable_file_is_named(tmp_path):
    broken = tmp_path / "salaries.json"
    broken.write_text("[{not json", "utf-8")
    with pytest.raises(CommandError, match=r"salaries\.json: not valid JSON"):
        call_command("load_fixtures", str(broken))


def test_broken_json_is_named_with_its_parse_error_and_line(tmp_path):
    """A comma lost while editing roles.json by hand: the load names the file, what the
    parser expected and the line it was expected on, and changes nothing."""
    before = snapshot()
    paths = []
    for path in default_files():
        copy = tmp_path / path.name
        lines = path.read_text("utf-8").splitlines(keepends=True)
        if path.name == "roles.json":
            broken = next(n for n, line in enumerate(lines) if line.rstrip().endswith('",'))
            lines[broken] = lines[broken].rstrip().removesuffix(",") + "\n"
            line_number = broken + 2  # the parser stops at the next line's key
        copy.write_text("".join(lines), "utf-8")
        paths.append(copy)
    with pytest.raises(CommandError) as raised:
        call_command("load_fixtures", *map(str, paths))
    message = str(raised.value)
    assert message.startswith("Nothing was loaded. roles.json: not valid JSON: ")
    assert f"Expecting ',' delimiter at line {line_number}, column " in message
    assert snapshot() == before


def test_a_file_that_is_not_a_list_of_rows_is_named(tmp_path):
    odd = tmp_path / "sources.json"
    odd.write_text('{"model": "careers.source"}', "utf-8")
    with pytest.raises(CommandError, match=r"sources\.json: cannot be read: it holds no list"):
        call_command("load_fixtures", str(odd))


def test_an_unknown_model_is_named(tmp_path):
    odd = tmp_path / "sources.json"
    odd.write_text('[{"model": "careers.nothing", "pk": 1, "fields": {}}]', "utf-8")
    with pytest.raises(CommandError, match=r"sources\.json: cannot be read: .*careers\.nothing"):
        call_command("load_fixtures", str(odd))


def test_loading_twice_changes_nothing():
    before, counted = snapshot(), counts()
    load(paths=default_files())
    assert snapshot() == before
    load_seed_data()  # the management command, as `make run` calls it
    assert counts() == counted
    assert snapshot() == before


def test_fixtures_that_swap_rung_positions_load_over_the_old_ones(tmp_path):
    paths = []
    for path in default_files():
        data = json.loads(path.read_text("utf-8"))
        rungs = [
            row for row in data if row["model"] == "ladders.rung" and row["fields"]["ladder"] == 1
        ]
        if rungs:
            rungs[0]["fields"]["position"], rungs[1]["fields"]["position"] = (
                rungs[1]["fields"]["position"],
                rungs[0]["fields"]["position"],
            )
        copy = tmp_path / path.name
        copy.write_text(json.dumps(data), "utf-8")
        paths.append(copy)
    first, second = Rung.objects.filter(ladder_id=1).order_by("position")[:2]
    load(paths=paths)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.position, second.position) == (2, 1)


def test_after_a_load_new_rows_get_fresh_ids():
    load(paths=default_files())
    role = Role.objects.create(title="Brand new role", slug="brand-new-role")
    assert role.pk > max(Role.objects.exclude(pk=role.pk).values_list("pk", flat=True))


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in [
            Source,
            Role,
            RequirementStatement,
            Fact,
            SalaryFigure,
            Ladder,
            Rung,
            Promotion,
        ]
    }


def test_every_row_of_the_fixture_files_is_loaded():
    in_files: dict[str, int] = {}
    for path in FIXTURE_FILES:
        for row in json.loads(Path(path).read_text(encoding="utf-8")):
            in_files[row["model"]] = in_files.get(row["model"], 0) + 1
    assert len(in_files) >= 9
    for label, number in in_files.items():
        assert apps.get_model(label).objects.count() == number, label


@pytest.mark.parametrize(
    "bad_row",
    [
        pytest.param({"low": "50000.00", "high": "20000.00"}, id="low-above-high"),
        pytest.param({"role": 999999}, id="unknown-role"),
    ],
)
def test_a_bad_row_leaves_the_database_exactly_as_it_was_with_loaddata(tmp_path, bad_row):
    good = {
        "model": "salaries.salaryfigure",
        "pk": 9001,
        "fields": {
            "role": Role.objects.get(slug="supervisor").pk,
            "source": Source.objects.first().pk,
            "quote": "x",
            "low": "1.00",
            "high": "2.00",
            "period": "hour",
            "currency": "USD",
            "year": None,
            "kind": "range",
        },
    }
    bad = {**good, "pk": 9002, "fields": {**good["fields"], **bad_row}}
    first = tmp_path / "a_good.json"
    second = tmp_path / "b_bad.json"
    first.write_text(json.dumps([good]))
    second.write_text(json.dumps([bad]))
    before = counts()
    with pytest.raises(IntegrityError):
        call_command("loaddata", str(first), str(second), verbosity=0)
    assert counts() == before
    assert not SalaryFigure.objects.filter(pk__in=[9001, 9002]).exists()


def test_a_row_the_fixtures_no_longer_hold_is_removed_and_kept_in_history(move_off_ladder):
    # A database loaded before a move was dropped from the fixtures loses it on the next load.
    pk = move_off_ladder.pk
    load(paths=default_files())
    assert not Promotion.objects.filter(pk=pk).exists()
    removed = Promotion.history.filter(id=pk).latest("history_date")
    assert removed.history_type == "-"
    assert removed.history_change_reason == "Removed: no longer in the fixtures"


def test_a_row_that_cannot_be_removed_is_named_and_nothing_changes(tmp_path):
    # A role the files no longer hold, but the ladders' rungs still climb through.
    before = snapshot()
    paths = []
    for path in default_files():
        data = json.loads(path.read_text("utf-8"))
        if path.name == "roles.json":
            data = [row for row in data if row["fields"].get("slug") != "supervisor"]
        copy = tmp_path / path.name
        copy.write_text(json.dumps(data), "utf-8")
        paths.append(copy)
    with pytest.raises(CommandError) as raised:
        call_command("load_fixtures", *map(str, paths))
    assert "careers.role pk=" in str(raised.value)
    assert "cannot be removed" in str(raised.value)
    assert snapshot() == before


def test_a_file_with_no_rows_of_a_model_empties_it(tmp_path):
    paths = []
    for path in default_files():
        data = json.loads(path.read_text("utf-8"))
        if path.name == "ladders.json":
            data = [row for row in data if row["model"] != "ladders.promotion"]
        copy = tmp_path / path.name
        copy.write_text(json.dumps(data), "utf-8")
        paths.append(copy)
    load(paths=paths)
    assert Promotion.objects.count() == 0
    assert Rung.objects.count() > 0
