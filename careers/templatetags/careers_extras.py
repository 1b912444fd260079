from django import template

register = template.Library()


@register.filter
def get(mapping: dict, key):
    """Look a value up by a variable key: {{ numbers|get:figure.source_id }}."""
    return mapping.get(key, "")
