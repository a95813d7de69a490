from django.urls import path

from . import views, views_allocation

app_name = "decisions"
urlpatterns = [
    # The ministry's overview of evaluation and decisions per call
    path("", views.index, name="index"),
    # Allocation (officials)
    path("call/<int:call_id>/ranking/", views_allocation.ranking, name="ranking"),
    path("call/<int:call_id>/scenarios/new/", views_allocation.draw, name="draw"),
    path("call/<int:call_id>/compare/", views_allocation.compare, name="compare"),
    path("scenario/<int:pk>/", views_allocation.scenario, name="scenario"),
    path("scenario/<int:pk>/line/<int:line_id>/", views_allocation.override, name="override"),
    path("scenario/<int:pk>/choose/", views_allocation.choose, name="choose"),
    # Decisions of a call: drafting, presenting, signing, sending
    path("call/<int:call_id>/", views.call_decisions, name="call_decisions"),
    path("call/<int:call_id>/prepare/", views.prepare, name="prepare"),
    path("call/<int:call_id>/present/", views.present_all, name="present_all"),
    path("call/<int:call_id>/sign/", views.sign_all, name="sign_all"),
    path("call/<int:call_id>/send/", views.send, name="send"),
    # One decision (ministry and, once sent, the applicant)
    path("<int:pk>/", views.decision, name="decision"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/pdf/", views.pdf, name="pdf"),
    path("<int:pk>/present/", views.present, name="present"),
    path("<int:pk>/sign/", views.sign, name="sign"),
    path("<int:pk>/return/", views.return_to_draft, name="return"),
    path("<int:pk>/rectification/", views.request_rectification, name="request_rectification"),
    # Requests for rectification (officials)
    path("rectifications/", views.rectifications, name="rectifications"),
    path("rectifications/<int:pk>/", views.rectification, name="rectification"),
]
