from django.urls import path

from . import views

app_name = "programmes"
urlpatterns = [
    path("", views.home, name="home"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme"),
    path("programmes/<slug:slug>/calls/<slug:call_slug>/", views.call_detail, name="call"),
    path("faq/", views.faq, name="faq"),
    path("pages/<slug:key>/", views.site_page, name="site_page"),
    path("accessibility/feedback/", views.feedback, name="feedback"),
    path("accessibility/feedback/thanks/", views.feedback_thanks, name="feedback_thanks"),
    path("ministry/feedback/", views.feedback_list, name="feedback_list"),
    path("ministry/feedback/<int:pk>/handled/", views.feedback_handled, name="feedback_handled"),
]
