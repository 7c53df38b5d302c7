import pytest
from cryptography.fernet import Fernet

from stores import secrets


def test_a_token_round_trips_and_is_not_stored_in_clear(settings):
    settings.TOKEN_ENCRYPTION_KEY = Fernet.generate_key().decode()
    ciphertext = secrets.encrypt("shpat_secret_token")
    assert "shpat_secret_token" not in ciphertext
    assert secrets.decrypt(ciphertext) == "shpat_secret_token"


def test_a_rotated_key_still_reads_old_tokens(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.TOKEN_ENCRYPTION_KEY = old
    ciphertext = secrets.encrypt("shpat_old")
    settings.TOKEN_ENCRYPTION_KEY = f"{new},{old}"
    assert secrets.decrypt(ciphertext) == "shpat_old"


def test_a_token_made_with_an_unknown_key_is_refused_clearly(settings):
    settings.TOKEN_ENCRYPTION_KEY = Fernet.generate_key().decode()
    ciphertext = secrets.encrypt("shpat_x")
    settings.TOKEN_ENCRYPTION_KEY = Fernet.generate_key().decode()
    with pytest.raises(secrets.SecretUnreadable):
        secrets.decrypt(ciphertext)
