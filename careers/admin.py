from django.contrib import admin
from django.db.models import Count

from careers.models import Employer, Fact, RequirementStatement, Role, Source
from core.admin import ContentAdmin, VersionedInline


class RequirementInline(VersionedInline, admin.StackedInline):
    model = RequirementStatement
    autocomplete_fields = ["source"]
    fields = [
        ("summary", "necessity", "scope"),
        ("education", "education_field", "education_also"),
        ("experience_may_substitute", "applies_generally"),
        ("experience_min_years", "experience_max_years", "experience_field"),
        "certification",
        "source",
        "quote",
        "expected_version",
    ]


class FactInline(VersionedInline, admin.StackedInline):
    model = Fact
    fk_name = "role"
    autocomplete_fields = ["source", "related_role", "employer"]
    fields = [
        ("kind", "text"),
        ("value_low", "value_high", "unit"),
        ("related_role", "employer"),
        "source",
        "quote",
        "expected_version",
    ]
    classes = ["collapse"]


@admin.register(Source)
class SourceAdmin(ContentAdmin):
    list_display = ["title", "kind", "publisher", "published_on", "seed_file"]
    list_filter = ["kind", "publisher", ("published_on", admin.EmptyFieldListFilter)]
    search_fields = ["title", "publisher", "seed_file"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["kind", "seed_file", "slug"]


@admin.register(Employer)
class EmployerAdmin(ContentAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Role)
class RoleAdmin(ContentAdmin):
    list_display = ["title", "slug", "requirement_count", "pay_count"]
    search_fields = ["title", "slug", "facts__text"]
    list_filter = [("salary_figures", admin.EmptyFieldListFilter), "rungs__ladder"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["title"]
    # salaries.admin adds its pay inline in front of these.
    inlines = [RequirementInline, FactInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                requirement_total=Count("requirements", distinct=True),
                pay_total=Count("salary_figures", distinct=True),
            )
        )

    @admin.display(description="Requirements", ordering="requirement_total")
    def requirement_count(self, role):
        return role.requirement_total

    @admin.display(description="Pay figures", ordering="pay_total")
    def pay_count(self, role):
        return role.pay_total


@admin.register(RequirementStatement)
class RequirementStatementAdmin(ContentAdmin):
    list_display = [
        "role",
        "summary",
        "necessity",
        "education",
        "experience_min_years",
        "experience_max_years",
        "source",
    ]
    list_filter = ["necessity", "education", "experience_may_substitute", "source", "role"]
    search_fields = ["summary", "quote", "role__title", "certification"]
    list_select_related = ["role", "source"]
    autocomplete_fields = ["role", "source"]
    ordering = ["role__title"]


@admin.register(Fact)
class FactAdmin(ContentAdmin):
    list_display = ["text", "kind", "role", "employer", "value_low", "value_high", "unit", "source"]
    list_filter = ["kind", "source", "role", "employer"]
    search_fields = ["text", "quote", "role__title", "employer__name"]
    list_select_related = ["role", "employer", "source"]
    autocomplete_fields = ["role", "related_role", "employer", "source"]
    ordering = ["kind", "pk"]
