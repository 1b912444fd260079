"""Every public page, by topic. The two namespaces are the names the addresses have always
had (careers:role-detail, ladders:ladder-detail, ...)."""

from django.urls import include, path

from explorer.compare import views as compare
from explorer.views import area, jobs, ladders, roles, sources

role_pages = [
    path("roles/", roles.role_list, name="role-list"),
    path("roles/<slug:slug>/", roles.role_detail, name="role-detail"),
    path("compare/roles/", compare.compare_roles, name="compare-roles"),
    path("sources/", sources.source_list, name="source-list"),
    path("sources/<slug:slug>/", sources.source_detail, name="source-detail"),
    path("area/", area.choose_area, name="choose-area"),
    path("roles/<slug:slug>/jobs/", jobs.role_jobs, name="role-jobs"),
    path("checked/", jobs.articles_checked, name="articles-checked"),
]
ladder_pages = [
    path("ladders/", ladders.ladder_list, name="ladder-list"),
    path("ladders/<slug:slug>/", ladders.ladder_detail, name="ladder-detail"),
    path("map/", ladders.career_map, name="career-map"),
    path("paths/", ladders.path_finder, name="path-finder"),
    path("compare/", compare.compare_home, name="compare-home"),
    path("compare/ladders/", compare.compare_ladders, name="compare-ladders"),
]
urlpatterns = [
    path("", include((role_pages, "careers"))),
    path("", include((ladder_pages, "ladders"))),
]
