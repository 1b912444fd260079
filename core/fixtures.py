"""Reading and writing the seed data in fixtures/: the loader names the file, row and
reason of any bad row and changes nothing; the exporter writes what the loader reads.

A load makes each model the files hold equal to the files: rows the files no longer hold
are deleted, and the deletion is recorded in the row's history, where admin can restore
it. Run `make export` before a load to keep rows added in admin.

Files of official data written by a command (wages.json, by salaries' import_oews) are
BULK_FILES: one row a line with defaults left out, loaded in bulk, each row's fields still
validated and the database's constraints still checked, all in the same transaction."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.dispatch import Signal

from core.models import DataVersion

# File name -> the models it holds, in an order that loads cleanly.
LAYOUT: dict[str, list[str]] = {
    "sources.json": ["careers.Source"],
    "roles.json": ["careers.Employer", "careers.Role"],
    "requirements.json": ["careers.RequirementStatement"],
    "facts.json": ["careers.Fact"],
    "salaries.json": ["salaries.SalaryFigure"],
    "ladders.json": ["ladders.Ladder", "ladders.Rung", "ladders.Promotion"],
    "cpi.json": ["salaries.CpiYear"],
    "wages.json": [
        "salaries.Occupation",
        "salaries.Area",
        "salaries.Industry",
        "salaries.WageRelease",
        "salaries.WageEstimate",
    ],
    "role_occupations.json": ["salaries.RoleOccupation"],
}
# Generated from official data and never edited in admin (no history): thousands of rows,
# written compactly and saved in bulk, so a load stays about as quick as without them.
BULK_FILES = {"wages.json"}


class FixtureError(Exception):
    pass


# Sent inside the load's transaction with every object the files hold, before any is saved:
# an app whose rows need room first (ladders renumbering rungs) makes it here.
loading = Signal()


def fixture_dir() -> Path:
    return Path(settings.BASE_DIR) / "fixtures"


def default_files() -> list[Path]:
    return [fixture_dir() / name for name in LAYOUT]


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def read_rows(path: Path) -> list:
    """A fixture file's rows, deserialized but not saved. A file that is not JSON is named
    with the parse error's line and column (Django's own JSON reader says only that it
    failed)."""
    try:
        text = path.read_text("utf-8")
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FixtureError(
            f"{path.name}: not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from error
    except (OSError, ValueError) as error:
        raise FixtureError(f"{path.name}: cannot be read: {error}") from error
    if not isinstance(data, list):
        raise FixtureError(f"{path.name}: cannot be read: it holds no list of rows")
    try:
        return list(serializers.deserialize("json", text))
    except (DeserializationError, ValueError) as error:
        reason = str(error) or str(error.__cause__)
        raise FixtureError(f"{path.name}: cannot be read: {reason}") from error


def load(*, paths: list[Path]) -> int:
    """Load the files in one transaction, in order. Each row is validated as an admin
    form would validate it (field rules, constraints, foreign keys, its quote against the
    source's text) before it is saved; the first problem raises FixtureError naming the
    file, the row and the reason, and nothing stays."""
    count = 0
    loaded: dict[tuple[type, bool, str], list] = defaultdict(list)
    with transaction.atomic():
        # The text too: the bulk-loaded files (BULK_FILES) reuse rows converted before.
        files = [(path, read_rows(Path(path)), Path(path).read_text("utf-8")) for path in paths]
        loading.send(load, objects=[row.object for _, rows, _ in files for row in rows])
        for path, rows, text in files:
            if Path(path).name in BULK_FILES:
                count += _load_in_bulk(Path(path).name, [row.object for row in rows], text)
                continue
            for number, row in enumerate(rows, 1):
                instance = row.object
                what = f"{instance._meta.label_lower} pk={instance.pk}"
                label = f"{Path(path).name}, row {number} ({what})"
                # A row already in the database is an update: constraints must not count it
                # as its own duplicate.
                stored = _stored_values(instance)
                instance._state.adding = stored is None
                try:
                    instance.full_clean(validate_unique=False)
                    with transaction.atomic():
                        row.save()
                except ValidationError as error:
                    raise FixtureError(f"{label}: {_messages(error)}") from error
                except DatabaseError as error:
                    raise FixtureError(f"{label}: {error}") from error
                if stored != _values(instance):
                    loaded[type(instance), stored is not None, Path(path).name].append(instance)
                count += 1
        _remove_rows_not_in([(path, rows) for path, rows, _ in files])
        try:
            connection.check_constraints()
        except DatabaseError as error:
            raise FixtureError(f"foreign keys do not match: {error}") from error
        reset_sequences({type(row.object) for _, rows, _ in files for row in rows})
        record_history(loaded)
    return count


# Digests of the bulk files whose every row this process has validated: the tests load
# the seed again after each browser test, and the same text need not be checked again.
_validated: set[str] = set()


def _load_in_bulk(name: str, objects: list, text: str) -> int:
    """Save a bulk file's rows: each row's fields are validated as the loader validates
    any row (foreign keys and constraints are left to the database, checked before the
    load commits), then the new rows are inserted and the changed ones updated, a few
    queries per model rather than several per row. A row the database refuses is found
    and named by saving the rows one at a time."""
    by_model: dict[type, list] = defaultdict(list)
    for instance in objects:
        by_model[type(instance)].append(instance)
    changed = False
    digest = hashlib.sha256(text.encode()).hexdigest()
    for number, instance in enumerate([] if digest in _validated else objects, 1):
        relations = [f.name for f in instance._meta.concrete_fields if f.is_relation]
        try:
            instance.full_clean(
                exclude=relations, validate_unique=False, validate_constraints=False
            )
        except ValidationError as error:
            what = f"{instance._meta.label_lower} pk={instance.pk}"
            raise FixtureError(f"{name}, row {number} ({what}): {_messages(error)}") from error
    _validated.add(digest)
    for model, instances in by_model.items():
        names = [field.attname for field in model._meta.concrete_fields]
        stored = {row["pk"]: row for row in model._base_manager.values("pk", *names)}
        new = [instance for instance in instances if instance.pk not in stored]
        updated = [
            instance
            for instance in instances
            if instance.pk in stored
            and {key: value for key, value in stored[instance.pk].items() if key != "pk"}
            != _values(instance)
        ]
        fields = [f.name for f in model._meta.concrete_fields if not f.primary_key]
        try:
            with transaction.atomic():
                _insert(model, new, prepared_as=(digest, connection.vendor, model._meta.label))
                if updated:
                    model._base_manager.bulk_update(updated, fields, batch_size=500)
        except DatabaseError as error:
            _name_the_refused_row(name, objects, [*new, *updated])
            raise FixtureError(f"{name} ({model._meta.label_lower}): {error}") from error
        changed = changed or bool(new or updated)
    if changed:  # bulk writes send no signals: move the data version once, here
        DataVersion.bump()
    return len(objects)


# Each bulk file's rows as the database takes them, by digest: after a browser test empties
# the database, the tests insert the same rows again with nothing to convert.
_prepared: dict[tuple[str, str, str], dict] = {}


def _insert(model, instances: list, *, prepared_as: tuple[str, str, str]) -> None:
    """INSERT the rows in one executemany (bulk_create's per-batch SQL building costs
    several times more), each value converted as the ORM converts it on save."""
    if not instances:
        return
    fields = model._meta.concrete_fields
    rows = _prepared.setdefault(prepared_as, {})
    for instance in instances:
        if instance.pk not in rows:
            rows[instance.pk] = [
                field.get_db_prep_save(getattr(instance, field.attname), connection)
                for field in fields
            ]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in fields),
        ", ".join(["%s"] * len(fields)),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [rows[instance.pk] for instance in instances])


def _name_the_refused_row(name: str, objects: list, refused: list) -> None:
    for instance in refused:
        number = objects.index(instance) + 1
        try:
            with transaction.atomic():
                instance.save_base(raw=True)
        except DatabaseError as error:
            what = f"{instance._meta.label_lower} pk={instance.pk}"
            raise FixtureError(f"{name}, row {number} ({what}): {error}") from error


def _remove_rows_not_in(files) -> None:
    """Delete the rows of the loaded models that no file holds, the models loaded last
    first (a promotion goes before the role it names), each deletion in its history."""
    kept: dict[type, set] = {}
    for path, rows in files:
        for label in LAYOUT.get(Path(path).name, []):  # a file with no rows of a model
            kept.setdefault(apps.get_model(label), set())
        for row in rows:
            kept.setdefault(type(row.object), set()).add(row.object.pk)
    for model, pks in reversed(kept.items()):
        for instance in model._default_manager.exclude(pk__in=pks).order_by("pk"):
            instance._change_reason = "Removed: no longer in the fixtures"
            try:
                with transaction.atomic():
                    instance.delete()
            except DatabaseError as error:  # ProtectedError and RestrictedError among them
                raise FixtureError(
                    f"{instance._meta.label_lower} pk={instance.pk} is no longer in the "
                    f"fixtures but cannot be removed: {error}"
                ) from error


def _values(instance) -> dict:
    return {
        field.attname: getattr(instance, field.attname) for field in instance._meta.concrete_fields
    }


def _stored_values(instance) -> dict | None:
    """The row as the database holds it now, or None when it is new."""
    names = [field.attname for field in instance._meta.concrete_fields]
    return type(instance)._default_manager.filter(pk=instance.pk).values(*names).first()


def record_history(loaded: dict[tuple[type, bool, str], list]) -> None:
    """Fixture rows are saved raw, which django-simple-history does not record; record the
    rows a load added or changed, so that every seed value has a version to revert to and
    a load shows in a row's history. Rows the load left as they were get no new entry."""
    for (model, update, file_name), objects in loaded.items():
        history = getattr(model, "history", None)
        if history is not None:
            history.bulk_history_create(
                objects, update=update, default_change_reason=f"Loaded from fixtures/{file_name}"
            )


def reset_sequences(models) -> None:
    """Rows arrive with their own ids; move each id sequence past them (PostgreSQL), as
    loaddata does, so the next row added in admin gets a fresh id."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models))
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def dumps(objects, *, compact: bool = False) -> str:
    """The rows as the loader reads them. Compact (for BULK_FILES): one row a line, and a
    field left out where it holds its default (a measure not published is null), which
    the loader, and Django's loaddata, fill back in."""
    # Normalise through json so the files are stable and end with a newline.
    data = json.loads(serializers.serialize("json", objects))
    if not compact:
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    lines = []
    for row in data:
        # A JSON field's keys in one order, as PostgreSQL's jsonb returns them in its own.
        for key, value in row["fields"].items():
            if isinstance(value, dict):
                row["fields"][key] = dict(sorted(value.items()))
        defaults = {
            field.name: field.get_default()
            for field in apps.get_model(row["model"])._meta.concrete_fields
        }
        row["fields"] = {
            key: value for key, value in row["fields"].items() if value != defaults.get(key)
        }
        lines.append(json.dumps(row, ensure_ascii=False, separators=(",", ":")))
    return "[\n" + ",\n".join(lines) + "\n]\n"


def export(directory: Path) -> list[Path]:
    """Write the current data in the loader's format, one file per LAYOUT entry."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, labels in LAYOUT.items():
        objects = []
        for label in labels:
            objects.extend(apps.get_model(label).objects.order_by("pk"))
        path = directory / name
        path.write_text(dumps(objects, compact=name in BULK_FILES), encoding="utf-8")
        written.append(path)
    return written
