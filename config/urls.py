from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from config.health import healthz


def favicon(request):
    """Browsers ask for /favicon.ico whatever a page links: send them the static icon
    (looked up per request, so the static manifest need not exist at import)."""
    return redirect(static("favicon.svg"), permanent=True)


urlpatterns = [
    path("", RedirectView.as_view(pattern_name="careers:role-list", permanent=False)),
    path("", include("explorer.urls")),
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico whatever the page links; the icon is a static file.
    path("favicon.ico", favicon),
    path("api/", include("api.urls")),
    path("admin/", admin.site.urls),
]

# The site's own pages for people, JSON under /api/ (config.errors).
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"

if settings.BENCHMARK:
    from bench.views import floor

    urlpatterns.append(path("__floor__/", floor))
