from django.contrib import admin, messages

from careers.admin import RoleAdmin
from careers.models import Role
from core.admin import ContentAdmin, VersionedInline
from salaries.models import (
    Area,
    CpiYear,
    Industry,
    Occupation,
    RoleOccupation,
    SalaryFigure,
    WageEstimate,
    WageRelease,
)
from salaries.pay import money
from salaries.quotes import amounts_missing_from


def warn_if_quote_lacks_numbers(request, figure: SalaryFigure) -> None:
    """A figure saved with numbers its sentence does not state is kept (the editor may be
    mid-way through a correction), but the editor is told which numbers to look at."""
    missing = amounts_missing_from(figure.quote, [figure.low, figure.high])
    if missing:
        amounts = " or ".join(money(amount, figure.period, figure.currency) for amount in missing)
        messages.warning(
            request,
            f"The pay figure “{figure}” was saved, but its quote does not state {amounts}: "
            "check the figure against the sentence, or quote the sentence that gives it.",
        )


class SalaryInline(VersionedInline, admin.StackedInline):
    model = SalaryFigure
    autocomplete_fields = ["source"]
    fields = [
        ("low", "high", "period", "year"),
        ("kind", "approximate", "high_can_be_exceeded", "currency", "period_is_stated"),
        ("hedge", "applies_to"),
        ("cited_authority", "condition"),
        "source",
        "quote",
        "expected_version",
    ]


class RoleOccupationInline(VersionedInline, admin.StackedInline):
    model = RoleOccupation
    autocomplete_fields = ["occupation"]
    fields = [("occupation", "closeness"), "reason", "expected_version"]
    max_num = 1
    verbose_name = "federal occupation (SOC 2018)"


# A role is edited with its pay: careers sits below salaries, so its admin cannot name the
# pay inline, and this one takes the role's admin over with the inline in front.
admin.site.unregister(Role)


@admin.register(Role)
class RoleWithPayAdmin(RoleAdmin):
    inlines = [SalaryInline, RoleOccupationInline, *RoleAdmin.inlines]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is SalaryFigure:
            for figure in [*formset.new_objects, *(obj for obj, _ in formset.changed_objects)]:
                warn_if_quote_lacks_numbers(request, figure)


class UndatedFilter(admin.SimpleListFilter):
    title = "dated"
    parameter_name = "dated"

    def lookups(self, request, model_admin):
        return [("no", "Undated (year not stated)"), ("yes", "Dated")]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(year__isnull=True)
        if self.value() == "yes":
            return queryset.filter(year__isnull=False)
        return queryset


@admin.register(SalaryFigure)
class SalaryFigureAdmin(ContentAdmin):
    list_display = ["as_stated", "role", "year", "kind", "source"]
    list_display_links = ["as_stated"]
    list_filter = [UndatedFilter, "period", "kind", "source", "role", "role__rungs__ladder"]
    search_fields = ["quote", "role__title", "cited_authority"]
    list_select_related = ["role", "source"]
    autocomplete_fields = ["role", "source"]
    ordering = ["role__title", "period", "low"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        warn_if_quote_lacks_numbers(request, obj)

    @admin.display(description="Figure as stated", ordering="low")
    def as_stated(self, figure):
        return figure.as_stated()


@admin.register(CpiYear)
class CpiYearAdmin(ContentAdmin):
    list_display = ["year", "value"]
    search_fields = ["year"]
    list_filter = [("year", admin.AllValuesFieldListFilter)]
    ordering = ["-year"]


@admin.register(RoleOccupation)
class RoleOccupationAdmin(ContentAdmin):
    list_display = ["role", "occupation", "closeness"]
    list_filter = ["closeness", ("occupation", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["role__title", "occupation__title", "occupation__code", "reason"]
    list_select_related = ["role", "occupation"]
    autocomplete_fields = ["role", "occupation"]
    ordering = ["role__title"]


class PublishedDataAdmin(admin.ModelAdmin):
    """BLS's published data, loaded from fixtures/wages.json (`manage.py import_oews`):
    shown, never edited here, so it always matches the release."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Occupation)
class OccupationAdmin(PublishedDataAdmin):
    list_display = ["code", "title"]
    search_fields = ["code", "title"]


@admin.register(Area)
class AreaAdmin(PublishedDataAdmin):
    list_display = ["name", "code", "kind", "state_code"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]


@admin.register(Industry)
class IndustryAdmin(PublishedDataAdmin):
    list_display = ["code", "name"]


@admin.register(WageRelease)
class WageReleaseAdmin(PublishedDataAdmin):
    list_display = ["name", "code", "published_on", "source"]


@admin.register(WageEstimate)
class WageEstimateAdmin(PublishedDataAdmin):
    list_display = ["occupation", "area", "industry", "hourly_median", "annual_median", "release"]
    list_filter = [
        "release",
        "industry",
        "area__kind",
        ("occupation", admin.RelatedOnlyFieldListFilter),
    ]
    search_fields = ["area__name", "occupation__title", "occupation__code"]
    list_select_related = ["occupation", "area", "industry", "release"]
