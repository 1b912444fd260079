from django.urls import path

from careers import views

app_name = "careers"

urlpatterns = [
    path("roles/", views.role_list, name="role-list"),
    path("roles/<slug:slug>/", views.role_detail, name="role-detail"),
    path("compare/roles/", views.compare_roles, name="compare-roles"),
    path("sources/", views.source_list, name="source-list"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
]
