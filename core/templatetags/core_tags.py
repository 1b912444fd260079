from django import template

register = template.Library()


@register.filter
def get(mapping: dict, key):
    """Look a value up by a variable key: {{ numbers|get:figure.source_id }}."""
    return mapping.get(key, "")


@register.filter
def admin_url(obj) -> str:
    """The admin change page of a model instance."""
    from django.urls import reverse

    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
