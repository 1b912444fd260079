from django.contrib import admin

from careers.models import Employer, Fact, RequirementStatement, Role, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_on", "seed_file"]
    list_filter = ["publisher", ("published_on", admin.EmptyFieldListFilter)]
    search_fields = ["title", "publisher", "seed_file"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(Employer)
class EmployerAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["title", "slug"]
    search_fields = ["title", "slug", "facts__text"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(RequirementStatement)
class RequirementStatementAdmin(admin.ModelAdmin):
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


@admin.register(Fact)
class FactAdmin(admin.ModelAdmin):
    list_display = ["text", "kind", "role", "employer", "value_low", "value_high", "unit", "source"]
    list_filter = ["kind", "source", "role", "employer"]
    search_fields = ["text", "quote", "role__title", "employer__name"]
    list_select_related = ["role", "employer", "source"]
