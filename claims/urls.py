from django.urls import path

from .views import articles, claims, imports, matching

urlpatterns = [
    path("", articles.home, name="home"),
    path("articles/", articles.article_list, name="article_list"),
    path("articles/import/", imports.article_import, name="article_import"),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/status/", claims.claim_set_status, name="claim_set_status"),
    path("claims/similar/", matching.similar_claims, name="similar_claims"),
    path("links/export.json", matching.links_export, name="links_export"),
]
