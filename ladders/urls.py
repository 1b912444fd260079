from django.urls import path

from ladders import views

app_name = "ladders"

urlpatterns = [
    path("ladders/", views.ladder_list, name="ladder-list"),
    path("ladders/<slug:slug>/", views.ladder_detail, name="ladder-detail"),
    path("map/", views.career_map, name="career-map"),
    path("paths/", views.path_finder, name="path-finder"),
    path("compare/ladders/", views.compare_ladders, name="compare-ladders"),
]
