"""Signal handlers wired in ClaimsConfig.ready()."""

from .roles import CHIEF, sync_roles


def sync_roles_after_migrate(sender, **kwargs) -> None:
    # Runs after every migrate and every test flush: permissions for new models
    # only exist once post_migrate made them, and a flush empties the tables.
    from .models import Rating
    from .ratings import ensure_default_scale

    sync_roles()
    if not Rating.objects.exists():
        ensure_default_scale(Rating)


def chief_is_staff(sender, instance, action, reverse, **kwargs) -> None:
    """A user added to Chief in the admin gets staff access; removed, loses it."""
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    wanted = instance.is_superuser or instance.groups.filter(name=CHIEF).exists()
    if instance.is_staff != wanted:
        instance.is_staff = wanted
        instance.save(update_fields=["is_staff"])


def keep_published_verdicts(sender, instance, **kwargs) -> None:
    """A published verdict is never deleted, directly or with its claim or article: unpublish it first.

    The admin hides these deletions; this is the last line for any other path.
    """
    from django.core.exceptions import PermissionDenied

    if instance.is_published:
        raise PermissionDenied(
            "A published fact-check cannot be deleted: unpublish it with a reason on the claim page first."
        )


def forget_desk_counts(sender, **kwargs) -> None:
    """A claim or link changed: the desk's shared counts are recounted on the next view."""
    from django.core.cache import cache

    from .workspace import DESK_COUNTS_KEY

    cache.delete(DESK_COUNTS_KEY)
