from django.contrib import admin

from ladders.models import Ladder, Promotion, Rung


class RungInline(admin.TabularInline):
    model = Rung
    extra = 0


class PromotionInline(admin.TabularInline):
    model = Promotion
    fk_name = "ladder"
    extra = 0


@admin.register(Ladder)
class LadderAdmin(admin.ModelAdmin):
    list_display = ["name", "employer", "order_is_stated", "source"]
    list_filter = ["order_is_stated", "source", "employer"]
    search_fields = ["name", "quote"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RungInline, PromotionInline]


@admin.register(Rung)
class RungAdmin(admin.ModelAdmin):
    list_display = ["ladder", "position", "role"]
    list_filter = ["ladder"]
    search_fields = ["role__title", "ladder__name"]
    list_select_related = ["ladder", "role"]


@admin.register(Promotion)
class PromotionAdmin(admin.ModelAdmin):
    list_display = [
        "from_role",
        "to_role",
        "ladder",
        "direction",
        "order_is_stated",
        "months_min",
        "months_max",
    ]
    list_filter = ["direction", "order_is_stated", "ladder", "source"]
    search_fields = ["from_role__title", "to_role__title", "quote"]
    list_select_related = ["from_role", "to_role", "ladder"]
