from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from config.health import healthz

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="careers:role-list", permanent=False)),
    path("", include("explorer.urls")),
    path("healthz", healthz, name="healthz"),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]

if settings.BENCHMARK:
    from bench.views import floor

    urlpatterns.append(path("__floor__/", floor))
