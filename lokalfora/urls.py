from django.urls import path

from lokalfora import views

app_name = "lokalfora"

urlpatterns = [
    path("lokalomraader/", views.area_list, name="area-list"),
    path("lokalomraader/<slug:slug>/", views.area_detail, name="area-detail"),
    path("nyheder/", views.news_list, name="news-list"),
    path("soeg/", views.search, name="search"),
]
