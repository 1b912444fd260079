from django.contrib import admin

from careers.admin import ContentAdmin
from salaries.models import CpiYear, SalaryFigure


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

    @admin.display(description="Figure as stated", ordering="low")
    def as_stated(self, figure):
        return figure.as_stated()


@admin.register(CpiYear)
class CpiYearAdmin(ContentAdmin):
    list_display = ["year", "value"]
    search_fields = ["year"]
    list_filter = [("year", admin.AllValuesFieldListFilter)]
    ordering = ["-year"]
