from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Fact-checking"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model

        from . import checks, signals  # noqa: F401 - checks registers itself

        post_migrate.connect(signals.sync_roles_after_migrate, sender=self)
        for model in ("claims.Claim", "claims.ClaimLink", "claims.Article"):
            post_save.connect(signals.forget_desk_counts, sender=model, dispatch_uid=f"desk-counts-{model}")
            post_delete.connect(
                signals.forget_desk_counts, sender=model, dispatch_uid=f"desk-counts-d-{model}"
            )
        pre_delete.connect(
            signals.keep_published_verdicts, sender="claims.Verdict", dispatch_uid="keep_published"
        )
        m2m_changed.connect(
            signals.chief_is_staff, sender=get_user_model().groups.through, dispatch_uid="chief_is_staff"
        )
