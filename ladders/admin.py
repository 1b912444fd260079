from django import forms
from django.contrib import admin
from django.db import transaction

from core.admin import ContentAdmin, VersionCheckedForm, VersionedInline
from ladders.models import Ladder, Promotion, Rung
from ladders.services import park_rungs


class RungForm(VersionCheckedForm):
    def _get_validation_exclusions(self):
        # Positions are checked across the whole ladder in RungFormSet.clean, where the
        # final numbering is known; checking one row against the old numbering would
        # refuse every swap. The database constraints still stand behind both.
        return {*super()._get_validation_exclusions(), "position"}


class RungFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = {}
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            position = form.cleaned_data.get("position")
            if position is not None and position < 1:
                form.add_error("position", "Positions start at 1 (the entry rung).")
            elif position in seen:
                form.add_error("position", f"Position {position} is used twice on this ladder.")
            seen[position] = form

    def save(self, commit=True):
        # Rungs being deleted still hold their positions until they go, so park them too.
        moving = [
            form.instance.pk
            for form in self.forms
            if form.instance.pk
            and ("position" in form.changed_data or form.cleaned_data.get("DELETE"))
        ]
        with transaction.atomic():
            park_rungs(rung_ids=moving)
            return super().save(commit=commit)


class RungInline(VersionedInline, admin.StackedInline):
    model = Rung
    form = RungForm
    formset = RungFormSet
    autocomplete_fields = ["role"]
    ordering = ["position"]
    fields = [("position", "role"), "expected_version"]


class PromotionInline(VersionedInline, admin.StackedInline):
    model = Promotion
    fk_name = "ladder"
    autocomplete_fields = ["from_role", "to_role", "source"]
    fields = [
        ("from_role", "to_role", "direction", "order_is_stated"),
        ("months_min", "months_max", "hedge"),
        "inferred_from",
        "source",
        "quote",
        "expected_version",
    ]


@admin.register(Ladder)
class LadderAdmin(ContentAdmin):
    list_display = ["name", "employer", "order_is_stated", "source"]
    list_filter = ["order_is_stated", "source", "employer"]
    search_fields = ["name", "quote"]
    prepopulated_fields = {"slug": ["name"]}
    # A plain select: few employers, and an empty autocomplete box has no accessible name.
    autocomplete_fields = ["source"]
    inlines = [RungInline, PromotionInline]
    ordering = ["name"]


@admin.register(Rung)
class RungAdmin(ContentAdmin):
    list_display = ["ladder", "position", "role"]
    list_filter = ["ladder"]
    search_fields = ["role__title", "ladder__name"]
    list_select_related = ["ladder", "role"]
    autocomplete_fields = ["ladder", "role"]
    ordering = ["ladder__name", "position"]


@admin.register(Promotion)
class PromotionAdmin(ContentAdmin):
    list_display = [
        "from_role",
        "to_role",
        "ladder",
        "direction",
        "order_is_stated",
        "months_min",
        "months_max",
    ]
    list_filter = ["direction", "order_is_stated", "ladder", "source"]
    search_fields = ["from_role__title", "to_role__title", "quote"]
    list_select_related = ["from_role", "to_role", "ladder"]
    autocomplete_fields = ["ladder", "from_role", "to_role", "source"]
    ordering = ["ladder__name", "pk"]
