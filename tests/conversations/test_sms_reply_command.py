"""`manage.py sms_reply`: the signed request it sends is one the webhook accepts."""

import io
import urllib.request

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from conversations.models import Message
from conversations.rules import keyword_rules_seed_default
from tests.stores.factories import StoreFactory


class _Answer(io.BytesIO):
    def __init__(self, response):
        super().__init__(response.content)
        self.status = response.status_code

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.fixture
def server(monkeypatch, django_capture_on_commit_callbacks):
    """The HTTP edge: the command's POST goes into this process's Django, headers and body untouched."""
    client = Client()
    seen = []

    def urlopen(request: urllib.request.Request, timeout=None):
        assert request.full_url.startswith("http://127.0.0.1:8000/")
        headers = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in request.header_items()}
        headers.pop("HTTP_CONTENT_TYPE")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                request.selector,
                data=request.data,
                content_type=request.get_header("Content-type"),
                **headers,
            )
        seen.append(response)
        return _Answer(response)

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    return seen


@pytest.mark.django_db
def test_a_reply_from_the_command_is_accepted_routed_and_answered(server, sms_outbox):
    # given
    store = StoreFactory(is_demo=True, sms_number="+15005550006", shipping_policy="Free over $75.")
    keyword_rules_seed_default(store=store)
    out = io.StringIO()

    # when
    call_command("sms_reply", "shipping?", "--from", "+14155550100", "--wait", "1", stdout=out)

    # then
    assert server[0].status_code == 200
    assert Message.objects.get(direction="in").route == "rule"
    assert "Free over $75." in out.getvalue()
    assert sms_outbox[0].to == "+14155550100"


@pytest.mark.django_db
def test_a_number_without_plus_is_read_in_the_stores_country(server):
    StoreFactory(is_demo=True, sms_number="+15005550006")

    call_command("sms_reply", "hello", "--from", "(415) 555-0100", "--wait", "0", stdout=io.StringIO())

    assert server[0].status_code == 200
    assert str(Message.objects.get(direction="in").thread.customer.phone) == "+14155550100"


@pytest.mark.django_db
def test_a_sender_that_is_no_number_is_refused_before_posting(server):
    StoreFactory(is_demo=True, sms_number="+15005550006")

    with pytest.raises(CommandError, match="not a phone number"):
        call_command("sms_reply", "hello", "--from", "call me", stdout=io.StringIO())
    assert server == []
