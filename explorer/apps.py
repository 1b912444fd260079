from django.apps import AppConfig


class ExplorerConfig(AppConfig):
    name = "explorer"
    verbose_name = "Public pages"

    def ready(self) -> None:
        from core.cache import vary_cache_on
        from explorer.area import remembered_code
        from explorer.compare.memory import remembered_variant

        vary_cache_on(remembered_variant)
        vary_cache_on(remembered_code)
