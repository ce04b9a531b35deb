import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from claims.roles import CHIEF, set_role


class Command(BaseCommand):
    help = "Create the demo Chief login if it does not exist, printing its password once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--username", default="demo")

    def handle(self, *args, username: str, **options) -> None:
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Demo login '{username}' already exists; its password was printed when it was made."
            )
            return
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(username=username, password=password)
        set_role(user, CHIEF)
        self.stdout.write(
            self.style.SUCCESS(f"Demo Chief login created.  user: {username}  password: {password}")
        )
