"""Secrets kept at rest (Shopify access tokens): Fernet from `cryptography`, a reviewed, authenticated scheme.

The key is `TOKEN_ENCRYPTION_KEY` (a Fernet key); unset, one is derived from SECRET_KEY so a development
install works, and rotating SECRET_KEY then means reconnecting the shops. Several comma-separated keys may be
given: the first encrypts, all decrypt (MultiFernet), so a key can be rotated without losing tokens.
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class SecretUnreadable(Exception):
    """The ciphertext was not made with any configured key (or was altered)."""


@cache
def _fernet(keys: str, secret_key: str) -> MultiFernet:
    if keys:
        return MultiFernet([Fernet(key.strip().encode()) for key in keys.split(",") if key.strip()])
    derived = base64.urlsafe_b64encode(hashlib.sha256(f"token-encryption:{secret_key}".encode()).digest())
    return MultiFernet([Fernet(derived)])


def _current() -> MultiFernet:
    return _fernet(getattr(settings, "TOKEN_ENCRYPTION_KEY", ""), settings.SECRET_KEY)


def encrypt(plaintext: str) -> str:
    return _current().encrypt(plaintext.encode()).decode()


def decrypt(ciphertext: str) -> str:
    try:
        return _current().decrypt(ciphertext.encode()).decode()
    except InvalidToken as exc:
        raise SecretUnreadable("the stored secret cannot be decrypted with the configured keys") from exc
