from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers: sources, roles and requirements"

    def ready(self) -> None:
        from careers.cache import connect_signals

        connect_signals()
