from django.contrib import admin

from salaries.models import SalaryFigure


@admin.register(SalaryFigure)
class SalaryFigureAdmin(admin.ModelAdmin):
    list_display = ["__str__", "role", "low", "high", "period", "year", "kind", "source"]
    list_filter = ["period", "kind", ("year", admin.EmptyFieldListFilter), "source", "role"]
    search_fields = ["quote", "role__title", "cited_authority"]
    list_select_related = ["role", "source"]
