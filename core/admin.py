"""What every content admin shares: history with diffs and revert, and optimistic
locking (an edit over a newer version is refused and says what changed)."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.db import OperationalError
from django.forms.models import _get_foreign_key
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, reverse
from django.utils.text import Truncator, capfirst
from simple_history.admin import SimpleHistoryAdmin

from core.locking import (
    ConflictReport,
    EditConflict,
    changes_since,
    display_value,
    is_lock_timeout,
)

admin.site.site_header = "Career Ladder Explorer: editor"
admin.site.site_title = "Career Ladder Explorer editor"
admin.site.index_title = "Keep the career data right"

VERSION_FIELD = "expected_version"
# A row named inside another's history is cut to this many characters.
SUBJECT_CHARS = 60
HISTORY_VALUE_CHARS = 100
CURRENT_SHOWN = "The page now shows the current version: make your edit again there."


def conflict_message(
    what: str,
    report: ConflictReport,
    yours: dict[str, str],
    differences: list[str],
    *,
    when: str = "while you were editing it",
    advice: str = "Reload the page to see the current version, then make your edit again.",
) -> str:
    """The refusal an editor reads: who saved since, what they changed (old → new, and
    what this editor sent where it differs), and what to do now."""
    parts = [f"Somebody else saved this {what} {when}, so your changes were not saved."]
    if report.saves:
        parts.append("Saved since you opened it by " + ", then ".join(map(str, report.saves)) + ".")
    if report.changes:
        changes = [
            f"{change}" + (f" (yours: {yours[change.name]})" if change.name in yours else "")
            for change in report.changes
        ]
        parts.append("What they changed: " + "; ".join(changes) + ".")
    elif report.known:
        parts.append("They changed none of its fields.")
    if differences and not report.changes:
        parts.append("Where the saved version differs from yours: " + "; ".join(differences) + ".")
    parts.append(advice)
    return " ".join(parts)


class VersionCheckedForm(forms.ModelForm):
    """Carries the version the editor started from; refuses to save over a newer one
    and says what changed in the meantime."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields[VERSION_FIELD].initial = self.instance.version

    @property
    def changed_data(self) -> list[str]:
        # A version moved on is not an edit: a form whose fields all equal the saved row
        # saves nothing (no empty history entry) and so has nothing to conflict over.
        return [name for name in super().changed_data if name != VERSION_FIELD]

    def clean(self):
        data = super().clean()
        expected = data.get(VERSION_FIELD)
        if not self.instance.pk:
            return data
        if expected is None:
            # Every change form carries the version; one without it cannot be checked, and
            # saving it could silently overwrite somebody else's edit.
            raise forms.ValidationError(
                "This form does not say which version it started from, so it cannot be "
                "saved safely. Reload the page and make your edit again.",
                code="no_version",
            )
        current = type(self.instance).objects.filter(pk=self.instance.pk).first()
        if current is None or current.version == expected:
            return data
        # What this editor sent, wherever it differs from what the row holds now.
        yours, differences = {}, []
        model_fields = {f.name: f for f in current._meta.concrete_fields}
        for name, form_field in self.fields.items():
            if name not in model_fields:
                continue
            now = model_fields[name].value_from_object(current)
            sent = data.get(name)
            sent = getattr(sent, "pk", sent)
            if now != sent and not (now in (None, "") and sent in (None, "")):
                yours[name] = display_value(model_fields[name], data.get(name))
                shown_now = display_value(model_fields[name], getattr(current, name))
                differences.append(f"{form_field.label}: now {shown_now} (yours: {yours[name]})")
        if not differences:
            return data  # saving what the row already holds loses nobody's edit
        report = changes_since(type(current), current.pk, expected)
        raise forms.ValidationError(
            conflict_message(self.instance._meta.verbose_name, report, yours, differences),
            code="edit_conflict",
        )

    def save(self, commit=True):
        expected = self.cleaned_data.get(VERSION_FIELD)
        if commit and self.instance.pk and expected is not None:
            self.instance.save_if_unchanged(expected)
            self._save_m2m()
            return self.instance
        return super().save(commit=commit)


@contextmanager
def refusing_lost_races(request, *, what: str, advice: str = CURRENT_SHOWN):
    """A save that lost a race is refused with a message, not a 500 or a 503: one that
    met a newer version under the row lock (between the form's check and the save), and
    one that waited its turn for the database's lock until the wait ran out. The caller
    answers with a redirect when this swallowed the error."""
    try:
        yield
    except EditConflict as conflict:
        messages.error(
            request,
            conflict_message(
                conflict.model._meta.verbose_name,
                conflict.report(),
                {},
                [],
                when="at the same moment",
                advice=advice,
            ),
        )
    except OperationalError as error:
        if request.method != "POST" or not is_lock_timeout(error):
            raise
        messages.error(
            request,
            f"This {what} was being saved by somebody else at the same moment, and the "
            "database stayed busy, so your changes were not saved. Try again in a moment.",
        )


@dataclass
class HistoryRow:
    """One line of a history page: a version of the row itself, or of a row edited
    inline on its page (a role's pay figures), named so the Changes column says which."""

    record: Any
    url: str
    subject: str = ""  # empty for the row's own versions
    changes: list[dict] = field(default_factory=list)
    previous: Any = None  # the same row's version before this one, when listed


class ContentAdmin(SimpleHistoryAdmin):
    """History with diffs and revert, and optimistic locking on every save."""

    form = VersionCheckedForm
    object_history_template = "admin/content_history.html"
    object_history_list_template = "admin/history_list.html"

    def save_model(self, request, obj, form, change):
        if change and not form.has_changed() and not getattr(request, "reverting", False):
            # Only inline rows changed: they keep their own history (shown on this row's
            # history page too); saving this row as well would add an empty entry.
            return
        expected = form.cleaned_data.get(VERSION_FIELD)
        if change and expected is not None:
            obj.save_if_unchanged(expected)
        else:
            super().save_model(request, obj, form, change)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        # simple-history lets anyone who may view the row open this form, and saves what
        # is posted: reverting writes the row, so it needs change permission.
        may_change = self.has_change_permission(request, self.get_object(request, object_id))
        if request.method == "POST" and not may_change:
            raise PermissionDenied
        request.reverting = True
        request.revert_read_only = not may_change
        with refusing_lost_races(
            request,
            what=self.model._meta.verbose_name,
            advice="The history below shows what was saved: revert again if you still want to.",
        ):
            return super().history_form_view(request, object_id, version_id, extra_context)
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id])
        )

    def revert_disabled(self, request, obj=None) -> bool:
        return getattr(request, "revert_read_only", False) or super().revert_disabled(request, obj)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not getattr(request, "reverting", False) or obj is None:
            return form
        # The form shows an old version's values, but the edit starts from the current
        # row: that is the version a revert must not silently overwrite.
        current = type(obj).objects.filter(pk=obj.pk).values_list("version", flat=True).first()
        read_only = getattr(request, "revert_read_only", False)

        class RevertForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields[VERSION_FIELD].initial = current
                for form_field in self.fields.values():
                    # Shown to view-only staff: values to read, nothing to send.
                    form_field.disabled = form_field.disabled or read_only

        return RevertForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with refusing_lost_races(request, what=self.model._meta.verbose_name):
            return super().changeform_view(request, object_id, form_url, extra_context)
        # The page now shows the current version, with the message above it.
        return HttpResponseRedirect(request.path)

    # ---- history: the row's own versions and those of the rows edited inline on its page

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """The diffs are made per row in render_history_view, against each row's own
        previous version (simple-history's pairs neighbours, which a merged list mixes)."""

    def render_history_view(self, request, template, context, **kwargs):
        if template == self.object_history_template:
            rows = self.history_rows(request, context["object"].pk)
            paginator = Paginator(rows, self.history_list_per_page)
            page_obj = paginator.get_page(request.GET.get(PAGE_VAR))
            self.describe_changes(page_obj.object_list, rows, parent=context["object"])
            context.update(
                page_obj=page_obj,
                page_range=paginator.get_elided_page_range(page_obj.number),
                pagination_required=paginator.count > self.history_list_per_page,
            )
        return super().render_history_view(request, template, context, **kwargs)

    def history_rows(self, request, object_id) -> list[HistoryRow]:
        opts = self.model._meta
        history = getattr(self.model, opts.simple_history_manager_attribute)
        own = self.get_history_queryset(request, history, opts.pk.attname, object_id)
        rows = [
            HistoryRow(
                record,
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_simple_history",
                    args=[object_id, record.pk],
                ),
            )
            for record in own
        ]
        for inline in self.inlines:
            model = inline.model
            if getattr(model._meta, "simple_history_manager_attribute", None) is None:
                continue
            fk = _get_foreign_key(self.model, model, fk_name=inline.fk_name)
            manager = getattr(model, model._meta.simple_history_manager_attribute)
            records = manager.filter(**{fk.attname: object_id}).select_related("history_user")
            for record in records._select_related_history_tracked_objs():
                try:
                    url = reverse(
                        f"admin:{model._meta.app_label}_{model._meta.model_name}_history",
                        args=[getattr(record, model._meta.pk.attname)],
                    )
                except NoReverseMatch:
                    url = ""
                rows.append(HistoryRow(record, url, subject=capfirst(model._meta.verbose_name)))
        rows.sort(key=lambda row: row.record.history_date, reverse=True)
        return rows

    @staticmethod
    def delta_change(model, change) -> dict:
        # simple-history's own helper prints a blank value as "None"; this says "blank".
        model_field = model._meta.get_field(change.field)
        old, new = (
            Truncator(display_value(model_field, value)).chars(HISTORY_VALUE_CHARS)
            for value in (change.old, change.new)
        )
        return {"field": capfirst(model_field.verbose_name), "old": old, "new": new}

    def describe_changes(self, page: list[HistoryRow], rows: list[HistoryRow], parent) -> None:
        """Fill each row's Changes: its fields old → new against that row's previous
        version; an inline row is named ("Salary figure “…”, high:"), or said added/deleted."""
        previous = {}
        for row in reversed(rows):  # oldest first: each version meets its predecessor
            key = (type(row.record), getattr(row.record, row.record.instance_type._meta.pk.attname))
            row.previous = previous.get(key)
            previous[key] = row.record
        for row in page:
            record = row.record
            before = row.previous or (record.prev_record if record.history_type == "~" else None)
            changes = []
            if before is not None and record.history_type == "~":
                delta = record.diff_against(before, foreign_keys_are_objs=True)
                changes = [
                    self.delta_change(record.instance_type, change) for change in delta.changes
                ]
            if row.subject:
                # On the role's page, "Role title: " in front of each of its rows says nothing.
                try:
                    name = str(record.instance).removeprefix(f"{parent}: ")
                except ObjectDoesNotExist:  # it names a row deleted since
                    name = f"#{getattr(record, record.instance_type._meta.pk.attname)}"
                name = Truncator(name).chars(SUBJECT_CHARS)
                row.subject = f"{row.subject} “{name}”"
                if record.history_type == "+":
                    changes = [{"field": f"{row.subject} added", "old": None, "new": None}]
                elif record.history_type == "-":
                    changes = [{"field": f"{row.subject} deleted", "old": None, "new": None}]
                else:
                    for change in changes:
                        change["field"] = f"{row.subject}, {change['field'].lower()}"
            row.changes = changes


class VersionedInline:
    form = VersionCheckedForm
    extra = 0
    show_change_link = True
