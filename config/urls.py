from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="careers:role-list", permanent=False)),
    path("", include("careers.urls")),
    path("", include("ladders.urls")),
    path("api/", include("careers.api_urls")),
    path("admin/", admin.site.urls),
]

if settings.BENCHMARK:
    from bench.views import floor

    urlpatterns.append(path("__floor__/", floor))
