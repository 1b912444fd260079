from django.apps import AppConfig


class LaddersConfig(AppConfig):
    name = "ladders"
    verbose_name = "Ladders"

    def ready(self) -> None:
        from core.fixtures import loading

        loading.connect(make_room_for_loaded_rungs, dispatch_uid="ladders-park-rungs")


def make_room_for_loaded_rungs(sender, *, objects, **kwargs) -> None:
    from ladders.models import Rung
    from ladders.services import park_renumbered_rungs

    positions = {obj.pk: obj.position for obj in objects if isinstance(obj, Rung) and obj.pk}
    park_renumbered_rungs(positions=positions)
