"""Password reset by email: Django's own views and tokens, with links built on PUBLIC_BASE_URL (a proxy's
Host header never decides where a reset link points) and a cap on mails per address."""

import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache

logger = logging.getLogger(__name__)

RESET_MAILS_PER_ADDRESS_PER_HOUR = 3


class PasswordResetView(auth_views.PasswordResetView):
    def get_extra_email_context(self) -> dict:
        return {"public_base_url": settings.PUBLIC_BASE_URL}

    def form_valid(self, form):
        # The page says the same whether or not the address has a login, so nobody learns who is a user;
        # past the cap the mail is quietly not sent, so the form cannot be used to flood someone's inbox.
        self.extra_email_context = self.get_extra_email_context()
        if not _reset_mail_allowed(form.cleaned_data["email"]):
            return super(auth_views.PasswordResetView, self).form_valid(form)
        return super().form_valid(form)


def _reset_mail_allowed(email: str) -> bool:
    key = f"password-reset-mails:{email.strip().casefold()}"
    cache.add(key, 0, timeout=60 * 60)
    try:
        return cache.incr(key) <= RESET_MAILS_PER_ADDRESS_PER_HOUR
    except ValueError:  # the counter expired between add and incr
        return True
    except Exception:  # the cache (Redis) is down: a reset must still be possible
        logger.warning("password reset: the cache is unavailable; mail sent without the per-address cap")
        return True
