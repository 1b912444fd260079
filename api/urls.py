from django.urls import path

from api import views as api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("openapi.json", api.openapi, name="openapi"),
    path("roles/", api.role_list, name="role-list"),
    path("roles/<slug:slug>/", api.role_detail, name="role-detail"),
    path("ladders/", api.ladder_list, name="ladder-list"),
    path("ladders/<slug:slug>/", api.ladder_detail, name="ladder-detail"),
    path("salaries/", api.salary_list, name="salary-list"),
    path("areas/", api.area_list, name="area-list"),
    path("areas/<str:code>/", api.area_detail, name="area-detail"),
    path("wages/", api.wage_list, name="wage-list"),
    path("sources/", api.source_list, name="source-list"),
    path("sources/<slug:slug>/", api.source_detail, name="source-detail"),
]
