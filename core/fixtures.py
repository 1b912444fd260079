"""Reading and writing the seed data in fixtures/: the loader names the file, row and
reason of any bad row and changes nothing; the exporter writes what the loader reads.

A load makes each model the files hold equal to the files: rows the files no longer hold
are deleted, and the deletion is recorded in the row's history, where admin can restore
it. Run `make export` before a load to keep rows added in admin."""

from __future__ import annotations

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

# File name -> the models it holds, in an order that loads cleanly.
LAYOUT: dict[str, list[str]] = {
    "sources.json": ["careers.Source"],
    "roles.json": ["careers.Employer", "careers.Role"],
    "requirements.json": ["careers.RequirementStatement"],
    "facts.json": ["careers.Fact"],
    "salaries.json": ["salaries.SalaryFigure"],
    "ladders.json": ["ladders.Ladder", "ladders.Rung", "ladders.Promotion"],
    "cpi.json": ["salaries.CpiYear"],
}


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
        files = [(path, read_rows(Path(path))) for path in paths]
        loading.send(load, objects=[row.object for _, rows in files for row in rows])
        for path, rows in files:
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
        _remove_rows_not_in(files)
        try:
            connection.check_constraints()
        except DatabaseError as error:
            raise FixtureError(f"foreign keys do not match: {error}") from error
        reset_sequences({type(row.object) for _, rows in files for row in rows})
        record_history(loaded)
    return count


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


def export(directory: Path) -> list[Path]:
    """Write the current data in the loader's format, one file per LAYOUT entry."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, labels in LAYOUT.items():
        objects = []
        for label in labels:
            objects.extend(apps.get_model(label).objects.order_by("pk"))
        text = serializers.serialize("json", objects, indent=2)
        # Normalise through json so the files are stable and end with a newline.
        data = json.loads(text)
        path = directory / name
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written
