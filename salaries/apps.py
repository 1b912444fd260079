from django.apps import AppConfig


class SalariesConfig(AppConfig):
    name = "salaries"
    verbose_name = "Salaries"

    def ready(self) -> None:
        from salaries.areas import connect_signals

        connect_signals()
