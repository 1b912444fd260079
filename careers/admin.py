from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from careers.models import (
    EditConflict,
    Employer,
    Fact,
    RequirementStatement,
    Role,
    Source,
)
from salaries.models import SalaryFigure

admin.site.site_header = "Career Ladder Explorer: editor"
admin.site.site_title = "Career Ladder Explorer editor"
admin.site.index_title = "Keep the career data right"


class VersionCheckedForm(forms.ModelForm):
    """Carries the version the editor started from; refuses to save over a newer one
    and says what changed in the meantime."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        expected = data.get("expected_version")
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
        if current is not None and current.version != expected:
            # What the row holds now, wherever it differs from what this editor sent.
            changed = []
            for name, field in self.fields.items():
                if name not in {f.name for f in current._meta.concrete_fields}:
                    continue
                model_field = current._meta.get_field(name)
                now = model_field.value_from_object(current)
                sent = data.get(name)
                sent = getattr(sent, "pk", sent)
                if now != sent and not (now in (None, "") and sent in (None, "")):
                    changed.append(f"{field.label}: now “{now}” (yours: “{sent}”)")
            raise forms.ValidationError(
                "Somebody else saved this %(what)s while you were editing it, so your changes "
                "were not saved. Where the saved version differs from yours: %(changes)s. Reload "
                "the page to see the current version, then make your edit again.",
                code="edit_conflict",
                params={
                    "what": self.instance._meta.verbose_name,
                    "changes": "; ".join(changed) or "nowhere you can see (a related row changed)",
                },
            )
        return data

    def save(self, commit=True):
        expected = self.cleaned_data.get("expected_version")
        if commit and self.instance.pk and expected is not None:
            self.instance.save_if_unchanged(expected)
            self._save_m2m()
            return self.instance
        return super().save(commit=commit)


class ContentAdmin(SimpleHistoryAdmin):
    """History with diffs and revert, and optimistic locking on every save."""

    form = VersionCheckedForm

    def save_model(self, request, obj, form, change):
        expected = form.cleaned_data.get("expected_version")
        if change and expected is not None:
            obj.save_if_unchanged(expected)
        else:
            super().save_model(request, obj, form, change)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        request.reverting = True
        return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not getattr(request, "reverting", False) or obj is None:
            return form
        # The form shows an old version's values, but the edit starts from the current
        # row: that is the version a revert must not silently overwrite.
        current = type(obj).objects.filter(pk=obj.pk).values_list("version", flat=True).first()

        class RevertForm(form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.fields["expected_version"].initial = current

        return RevertForm

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Lost a race between the form's check and the save: say so, change nothing.
            messages.error(
                request,
                "Somebody else saved this at the same moment, so your changes were not "
                "saved. The page now shows the current version.",
            )
            return HttpResponseRedirect(request.path)


class VersionedInline:
    form = VersionCheckedForm
    extra = 0
    show_change_link = True


class RequirementInline(VersionedInline, admin.StackedInline):
    model = RequirementStatement
    autocomplete_fields = ["source"]
    fields = [
        ("summary", "necessity", "scope"),
        ("education", "education_field", "experience_may_substitute"),
        ("experience_min_years", "experience_max_years", "experience_field"),
        "certification",
        "source",
        "quote",
        "expected_version",
    ]


class SalaryInline(VersionedInline, admin.StackedInline):
    model = SalaryFigure
    autocomplete_fields = ["source"]
    fields = [
        ("low", "high", "period", "year"),
        ("kind", "approximate", "high_can_be_exceeded", "currency"),
        ("cited_authority", "condition"),
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
    list_display = ["title", "publisher", "published_on", "seed_file"]
    list_filter = ["publisher", ("published_on", admin.EmptyFieldListFilter)]
    search_fields = ["title", "publisher", "seed_file"]
    prepopulated_fields = {"slug": ["title"]}
    ordering = ["seed_file"]


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
    inlines = [SalaryInline, RequirementInline, FactInline]

    def get_queryset(self, request):
        from django.db.models import Count

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
