from django.urls import path

from .views import articles, claims, compare, desk, imports, links, matching, queue, search

urlpatterns = [
    path("", desk.desk, name="home"),
    path("queue/", queue.queue, name="queue"),
    path("queue/bulk/", queue.queue_bulk, name="queue_bulk"),
    path("compare/", compare.compare, name="compare"),
    path("search/", search.search, name="search"),
    path("articles/", articles.article_list, name="article_list"),
    path("articles/import/", imports.article_import, name="article_import"),
    path("articles/<int:pk>/", articles.article_detail, name="article_detail"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/status/", claims.claim_set_status, name="claim_set_status"),
    path("claims/<int:pk>/review/", queue.claim_review, name="claim_review"),
    path("claims/<int:pk>/links/", links.link_create, name="link_create"),
    path("claims/<int:pk>/links/search/", links.link_search, name="link_search"),
    path("claims/<int:pk>/notes/", links.note_create, name="note_create"),
    path("links/<int:pk>/", links.link_update, name="link_update"),
    path("notes/<int:pk>/", links.note_update, name="note_update"),
    path("claims/similar/", matching.similar_claims, name="similar_claims"),
    path("links/export.json", matching.links_export, name="links_export"),
]
