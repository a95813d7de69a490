from django.urls import path

from . import views

app_name = "jointprojects"
urlpatterns = [
    path("", views.proposals, name="proposals"),
    path("proposals/<int:pk>/", views.proposal, name="proposal"),
    path("proposals/<int:pk>/interest/", views.register_interest, name="interest"),
    path("proposals/<int:pk>/partners/", views.matching_page, name="matching"),
    path("interests/<int:pk>/accept/", views.accept_interest, name="accept_interest"),
    path("interests/<int:pk>/withdraw/", views.withdraw_interest, name="withdraw_interest"),
    path("topics/", views.topic_interest, name="topic_interest"),
    path("start/<int:call_id>/<str:org_code>/", views.start_joint, name="start_joint"),
    path("ministry/", views.dashboard, name="dashboard"),
    path("workshops/<int:pk>/", views.workshop, name="workshop"),
    path("workshops/<int:pk>/cancel/", views.cancel_registration, name="cancel_registration"),
    path("workshops/<int:pk>/participants/", views.participants, name="participants"),
    path("workshops/<int:pk>/manage/", views.manage_workshop, name="manage_workshop"),
    path("workshops/<int:pk>/tables/", views.tables, name="tables"),
    path("workshops/<int:pk>/presentations/", views.presentations, name="presentations"),
    path(
        "workshops/<int:pk>/presentations/<int:presentation_id>/",
        views.presentation_download,
        name="presentation",
    ),
]
