from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Fact desk administration"
admin.site.site_title = "Fact desk admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("", include("claims.urls")),
]

handler400 = "claims.views.errors.bad_request"
