"""Requests signed exactly as Twilio signs them (its own library), for the webhook tests."""

from urllib.parse import urlencode

from django.conf import settings
from twilio.request_validator import RequestValidator


def signed_post(
    client, path: str, params: dict | list, *, token: str | None = None, signature: str | None = None
):
    """POST the form to `path` with X-Twilio-Signature over PUBLIC_BASE_URL + path."""
    pairs = list(params.items()) if isinstance(params, dict) else list(params)
    multi: dict[str, list[str]] = {}
    for key, value in pairs:
        multi.setdefault(key, []).append(value)

    class _Multi(dict):
        def getlist(self, key):
            return self[key]

    if signature is None:
        validator = RequestValidator(token or settings.TWILIO_AUTH_TOKEN)
        signature = validator.compute_signature(settings.PUBLIC_BASE_URL + path, _Multi(multi))
    return client.post(
        path,
        data=urlencode(pairs),
        content_type="application/x-www-form-urlencoded",
        HTTP_X_TWILIO_SIGNATURE=signature,
    )
