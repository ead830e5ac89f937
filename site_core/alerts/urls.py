from django.urls import path

from . import views

urlpatterns = [
    # In the active language: /dang-ky-nhan-tin/ (Vietnamese), /en/dang-ky-nhan-tin/ (English).
    path("dang-ky-nhan-tin/", views.subscribe, name="alerts_subscribe"),
    path("dang-ky-nhan-tin/xac-nhan/<str:token>/", views.confirm, name="alerts_confirm"),
    path("dang-ky-nhan-tin/quan-ly/<str:token>/", views.manage, name="alerts_manage"),
    path("dang-ky-nhan-tin/huy/<str:token>/", views.unsubscribe, name="alerts_unsubscribe"),
]
