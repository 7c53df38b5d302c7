"""No shopper's phone number in the access and request logs: paths and query strings carry them
(`/dashboard/<id>/consent/?phone=%2B14155552671`, the simulator's `?number=`, the API's `?phone=`).

`PhoneMaskingFilter` is set on Django's request loggers (settings.LOGGING); `MaskingGunicornLogger` is
gunicorn's logger class (gunicorn.conf.py), whose access log Django never sees.
"""

import logging

from gunicorn.glogging import Logger as GunicornLogger

from .phones import phones_masked_in_url


class PhoneMaskingFilter(logging.Filter):
    """Masks phone numbers in a record's message (django.request's "Not Found: /r/…", runserver's lines)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = phones_masked_in_url(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


# gunicorn's atoms that carry what the client sent: request line, path, query, referer, user agent.
_REQUEST_ATOMS = {"r", "U", "q", "f", "a"}


class MaskingGunicornLogger(GunicornLogger):
    """gunicorn's access log, with phone numbers masked in everything the client sent (request line, path,
    query string, referer, headers) and in response headers such as a redirect's Location."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        # Each header comes twice (`{x-name}i` and `{http_x_name}e`), the path three times: masked once.
        masked = {}
        for key, value in atoms.items():
            if isinstance(value, str) and (key in _REQUEST_ATOMS or key.startswith("{")):
                if value not in masked:
                    masked[value] = phones_masked_in_url(value)
                atoms[key] = masked[value]
        return atoms
