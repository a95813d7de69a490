from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/declare/", views.declare, name="declare"),
    path("<int:pk>/unassign/", views.unassign, name="unassign"),
    path("<int:pk>/reopen/", views.reopen, name="reopen"),
    path("call/<int:call_id>/", views.assignments, name="assignments"),
    path("call/<int:call_id>/auto/", views.auto_assign, name="auto_assign"),
    path("call/<int:call_id>/declarations/", views.declarations, name="declarations"),
    path("application/<int:pk>/", views.application_reviews, name="application_reviews"),
    path("application/<int:pk>/assign/", views.assign, name="assign"),
]
