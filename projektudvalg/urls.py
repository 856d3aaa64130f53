from django.urls import path

from projektudvalg import views

app_name = "projektudvalg"

urlpatterns = [
    path("puljer/", views.pool_list, name="pool-list"),
    path("puljer/<slug:slug>/", views.pool_detail, name="pool-detail"),
]
