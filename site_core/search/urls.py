from django.urls import path

from . import views

urlpatterns = [
    # In the active language: /tim-kiem/ (Vietnamese), /en/tim-kiem/ (English).
    path("tim-kiem/", views.search, name="search"),
    path("tim-kiem/goi-y/", views.search_suggestions, name="search_suggestions"),
]
