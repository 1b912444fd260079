"""What every content admin shares: history with diffs and revert, and optimistic
locking (an edit over a newer version is refused and says what changed)."""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from simple_history.admin import SimpleHistoryAdmin

from core.locking import EditConflict

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
