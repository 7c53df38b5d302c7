"""Shop webhooks skip the browser middleware (issue 13) and keep what protects them; pages keep it all."""

import pytest

from stores import tasks
from tests.stores.test_shopify_webhooks import consenting_checkout

pytestmark = pytest.mark.django_db

BROWSER_HEADERS = ("X-Frame-Options", "Content-Security-Policy")


@pytest.fixture(autouse=True)
def _no_worker(monkeypatch):
    monkeypatch.setattr(tasks, "_publish", lambda task, *args: None)


def test_a_shop_webhook_skips_the_browser_middleware_and_keeps_the_security_headers(store, post_shopify):
    response = post_shopify(store, "checkouts/update", consenting_checkout())

    assert response.json() == {"status": "accepted"}
    assert not [name for name in BROWSER_HEADERS if name in response]
    assert "Vary" not in response  # no session was looked at
    assert not response.cookies
    assert response["X-Content-Type-Options"] == "nosniff"  # SecurityMiddleware runs first, for every answer
    assert response["Referrer-Policy"] == "same-origin"


def test_the_generic_webhook_skips_it_too(store, post_generic):
    response = post_generic(store, {"event": "something.else"})

    assert response.status_code == 200
    assert not [name for name in BROWSER_HEADERS if name in response]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_pages_and_unmarked_webhooks_keep_every_middleware(client):
    login = client.get("/accounts/login/")
    twilio = client.get("/webhooks/twilio/sms/")  # not a shop webhook: served down the whole stack

    for response in (login, twilio):
        assert [name for name in BROWSER_HEADERS if name in response] == list(BROWSER_HEADERS)


def test_a_nul_in_a_shop_webhooks_query_string_is_still_refused(store, client):
    response = client.post(
        f"/webhooks/shopify/{store.id}/?x=a%00b", data=b"{}", content_type="application/json"
    )

    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_a_shop_webhook_s_path_is_resolved_once_per_process(store, client, post_shopify, monkeypatch):
    from django import urls

    from cartrecovery import middleware

    resolved = []

    def counting_resolve(path, urlconf=None):
        resolved.append(path)
        return urls.resolve(path, urlconf)

    monkeypatch.setattr(middleware, "resolve", counting_resolve)

    answers = [
        post_shopify(store, "checkouts/update", consenting_checkout(), webhook_id=f"w{n}").json()
        for n in range(3)
    ]
    unknown = [client.post("/webhooks/shopify/", data=b"{}", content_type="application/json") for _ in "ab"]

    assert answers == [{"status": "accepted"}] * 3
    assert [response.status_code for response in unknown] == [404, 404]  # down the whole stack, as before
    assert resolved == [f"/webhooks/shopify/{store.id}/", "/webhooks/shopify/"]
