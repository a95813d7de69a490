from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("tokens/", views.token_create, name="token_create"),
    path("tokens/new/", views.token_created, name="token_created"),
    path("tokens/<int:pk>/revoke/", views.token_revoke, name="token_revoke"),
]
