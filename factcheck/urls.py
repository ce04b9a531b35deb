from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

admin.site.site_header = "Fact desk administration"
admin.site.site_title = "Fact desk admin"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Password reset only where mail can be sent (FACTCHECK_PASSWORD_RESET); the rest always.
    path(
        "accounts/",
        include("django.contrib.auth.urls")
        if settings.FACTCHECK_PASSWORD_RESET
        else include(
            [
                path("login/", auth_views.LoginView.as_view(), name="login"),
                path("logout/", auth_views.LogoutView.as_view(), name="logout"),
                path("password_change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
                path(
                    "password_change/done/",
                    auth_views.PasswordChangeDoneView.as_view(),
                    name="password_change_done",
                ),
            ]
        ),
    ),
    path("", include("claims.urls")),
]

handler400 = "claims.views.errors.bad_request"
