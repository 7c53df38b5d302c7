"""The Shopify app's install, end to end: real query signatures, our real endpoints, and the
Shopify-compatible server on loopback (OAuth authorize + access_token, GraphQL webhookSubscriptionCreate
and shop)."""

import copy
import time
import uuid
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests
from django.db import connection as db_connection
from django.utils import timezone

from flows.dispatcher import nudge_dispatch_due
from flows.models import Nudge
from stores.models import Cart, Membership, Role, ShopifyConnection, Store, WebhookEvent
from stores.secrets import decrypt
from stores.shopify_install import APP_WEBHOOK_TOPICS, UNINSTALLED
from stores.shopify_oauth import query_hmac, query_hmac_valid
from stores.signing import shopify_hmac
from tests.fakes import shopify_app
from tests.fixtures import load
from tests.stores.conftest import dumps
from tests.stores.factories import MembershipFactory, StoreFactory, UserFactory

pytestmark = pytest.mark.django_db

API_KEY = "test-client-id"
SECRET = "test-app-secret-" + "x" * 16
SHOP = "alpine-outfitters.myshopify.com"
OTHER_SHOP = "harbor-goods.myshopify.com"
APP_WEBHOOKS = "https://cartrecovery.test/shopify/webhooks"


@pytest.fixture
def shopify(fake_shopify, settings):
    """The fake Shopify, knowing our app (client id and secret), and the project set up as that app."""
    shopify_app.app_register(fake_shopify, api_key=API_KEY, secret=SECRET)
    settings.SHOPIFY_API_KEY = API_KEY
    settings.SHOPIFY_API_SECRET = SECRET
    return fake_shopify


def install_url(shop: str = SHOP, **changes) -> str:
    query = shopify_app.install_query(shop, secret=SECRET)
    query.update(changes)
    return "/shopify/install?" + urlencode(query)


def through_shopify(response) -> str:
    """Follow our 302 to the fake's authorize page, which approves and sends back: our callback's path."""
    assert response.status_code == 302, response.content[:300]
    back = requests.get(response["Location"], allow_redirects=False, timeout=5)
    assert back.status_code == 302, back.text
    parts = urlsplit(back.headers["Location"])
    assert f"{parts.scheme}://{parts.netloc}" == "https://cartrecovery.test"
    return f"{parts.path}?{parts.query}"


def install(client, shop: str = SHOP):
    """Install from Shopify's side: the app URL, the authorize page, our callback."""
    return client.get(through_shopify(client.get(install_url(shop))))


def signed_callback(*, shop: str = SHOP, code: str, state: str, timestamp: int | None = None) -> str:
    params = {"code": code, "shop": shop, "state": state, "timestamp": str(timestamp or int(time.time()))}
    return "/shopify/callback?" + urlencode(shopify_app.signed_query(params, secret=SECRET))


def app_webhook(
    client, django_capture_on_commit_callbacks, *, topic, payload, shop=SHOP, secret=SECRET, **extra
):
    body = dumps(payload)
    headers = {
        "HTTP_X_SHOPIFY_TOPIC": topic,
        "HTTP_X_SHOPIFY_HMAC_SHA256": shopify_hmac(secret=secret, body=body),
        "HTTP_X_SHOPIFY_SHOP_DOMAIN": shop,
        "HTTP_X_SHOPIFY_WEBHOOK_ID": str(uuid.uuid4()),
        "HTTP_X_SHOPIFY_API_VERSION": "2025-10",
        **extra,
    }
    with django_capture_on_commit_callbacks(execute=True):
        return client.post("/shopify/webhooks", data=body, content_type="application/json", **headers)


def consenting_checkout(**changes) -> dict:
    payload = copy.deepcopy(load("shopify_checkouts_update.json"))
    payload.update({"sms_marketing_phone": "+1 415-555-2671", "buyer_accepts_sms_marketing": True})
    payload["updated_at"] = (timezone.now() - timedelta(minutes=5)).isoformat()
    payload.update(changes)
    return payload


# --- the query signature -------------------------------------------------------------------------------


def test_the_signature_matches_shopifys_documented_example():
    # The example of Shopify's OAuth docs (also in Shopify's own libraries' tests): secret "hush".
    pairs = [
        ("code", "0907a61c0c8d55e99db179b68161bc00"),
        ("shop", "some-shop.myshopify.com"),
        ("state", "0.6784241404160823"),
        ("timestamp", "1337178173"),
    ]
    expected = "700e2dadb827fcc8609e9d5ce208b2e9cdaab9df07390d2cbca10d7c328fc4bf"
    assert query_hmac(pairs, secret="hush") == expected
    assert query_hmac_valid({k: [v] for k, v in [*pairs, ("hmac", expected)]}, secret="hush")
    assert not query_hmac_valid({k: [v] for k, v in [*pairs, ("hmac", expected)]}, secret="hush!")
    tampered = dict(pairs, shop="other-shop.myshopify.com", hmac=expected)
    assert not query_hmac_valid({k: [v] for k, v in tampered.items()}, secret="hush")


# --- /shopify/install ----------------------------------------------------------------------------------


def test_install_sends_the_browser_to_shopifys_authorize_page_with_a_state_only_it_holds(client, shopify):
    response = client.get(install_url())

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == (
        f"{shopify.url}/{SHOP}/admin/oauth/authorize"
    )
    query = {k: v[0] for k, v in parse_qs(location.query).items()}
    assert query["client_id"] == API_KEY
    assert query["scope"] == "read_orders,read_products,write_discounts"
    assert query["redirect_uri"] == "https://cartrecovery.test/shopify/callback"
    assert len(query["state"]) >= 32
    assert query["state"] in client.session["shopify_oauth_states"]
    # another browser gets another state
    assert client.__class__().get(install_url())["Location"] != response["Location"]


def test_install_with_a_bad_signature_is_refused(client, shopify):
    good = shopify_app.install_query(SHOP, secret=SECRET)
    forged = shopify_app.install_query(SHOP, secret="not-the-app-secret")

    assert client.get("/shopify/install?" + urlencode({**good, "hmac": forged["hmac"]})).status_code == 400
    assert client.get("/shopify/install?" + urlencode({**good, "hmac": ""})).status_code == 400
    response = client.get("/shopify/install?" + urlencode({**good, "shop": OTHER_SHOP}))
    assert response.status_code == 400
    assert b"This link is not from Shopify" in response.content
    assert "shopify_oauth_states" not in client.session


@pytest.mark.parametrize(
    "shop", ["evil.example.com", "alpine.myshopify.com.evil.test", "-bad.myshopify.com", "a/b.myshopify.com"]
)
def test_install_for_a_host_that_is_not_a_myshopify_shop_is_refused_even_when_signed(client, shopify, shop):
    response = client.get("/shopify/install?" + urlencode(shopify_app.install_query(shop, secret=SECRET)))

    assert response.status_code == 400
    assert b"Not a Shopify shop" in response.content


def test_an_old_install_link_is_refused(client, shopify):
    old = int(time.time()) - 10 * 60
    query = shopify_app.install_query(SHOP, secret=SECRET, timestamp=old)

    response = client.get("/shopify/install?" + urlencode(query))

    assert response.status_code == 400
    assert b"This link has expired" in response.content


def test_without_the_apps_credentials_install_says_so(client, settings):
    settings.SHOPIFY_API_KEY = ""
    settings.SHOPIFY_API_SECRET = ""

    response = client.get("/shopify/install?" + urlencode(shopify_app.install_query(SHOP, secret=SECRET)))

    assert response.status_code == 503
    assert b"SHOPIFY_API_KEY" in response.content


# --- /shopify/callback ---------------------------------------------------------------------------------


def test_a_full_install_from_shopify_creates_the_store_keeps_the_token_encrypted_and_subscribes_webhooks(
    client, shopify
):
    shopify_app.set_shop_name(shopify, SHOP, "Alpine Outfitters")

    response = install(client)

    connection = ShopifyConnection.objects.get(shop_domain=SHOP)
    store = connection.store
    assert (store.name, store.platform, store.shop_domain) == ("Alpine Outfitters", "shopify", SHOP)
    assert connection.scopes == "read_orders,read_products,write_discounts"
    assert connection.installed_at is not None
    assert connection.is_active
    token = connection.access_token
    assert token.startswith("shpat_")
    assert token in shopify.state.tokens
    with db_connection.cursor() as cursor:
        cursor.execute(
            "SELECT access_token_encrypted FROM stores_shopifyconnection WHERE shop_domain = %s", [SHOP]
        )
        (stored,) = cursor.fetchone()
    assert token not in stored
    assert decrypt(stored) == token
    subscribed = shopify_app.webhooks(shopify, SHOP)
    assert sorted(w["topic"] for w in subscribed) == sorted(APP_WEBHOOK_TOPICS)
    assert {w["uri"] for w in subscribed} == {APP_WEBHOOKS}
    assert sorted(connection.webhook_topics) == sorted(APP_WEBHOOK_TOPICS.values())
    # nobody was signed in: sign in, and the store becomes that account's
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    user = UserFactory()
    client.force_login(user)
    finished = client.get("/shopify/finish")
    assert finished.status_code == 302
    assert finished["Location"] == f"/dashboard/{store.id}/setup/"
    assert Membership.objects.get(store=store, user=user).role == Role.OWNER


def test_a_second_browser_cannot_claim_a_store_it_did_not_install(client, shopify):
    install(client)
    store = Store.objects.get(shop_domain=SHOP)
    stranger = client.__class__()
    stranger.force_login(UserFactory())

    response = stranger.get("/shopify/finish")

    assert response.status_code == 302
    assert not Membership.objects.filter(store=store).exists()


def test_connect_from_setup_links_the_shop_to_the_signed_in_merchants_store(client, shopify):
    owner = MembershipFactory(store=StoreFactory(shop_domain=""), role=Role.OWNER)
    store = owner.store
    client.force_login(owner.user)

    response = client.post(f"/dashboard/{store.id}/setup/shopify/", {"shop": "alpine-outfitters"})
    callback = client.get(through_shopify(response))

    assert callback.status_code == 302
    assert callback["Location"] == f"/dashboard/{store.id}/setup/"
    connection = ShopifyConnection.objects.get(shop_domain=SHOP)
    assert connection.store_id == store.id
    assert Store.objects.count() == 1
    page = client.get(callback["Location"])
    assert b"Connected" in page.content
    assert SHOP.encode() in page.content
    assert b"checkouts/create" in page.content


def test_a_bad_shop_in_the_connect_form_is_a_form_error(client, shopify):
    owner = MembershipFactory(role=Role.OWNER)
    client.force_login(owner.user)

    response = client.post(f"/dashboard/{owner.store_id}/setup/shopify/", {"shop": "shop.example.com"})

    assert response.status_code == 400
    assert b"myshopify.com" in response.content
    assert not shopify_app.exchanges(shopify)


def test_a_callback_whose_state_this_browser_was_not_given_is_refused_before_the_code_is_used(
    client, shopify
):
    client.get(install_url())  # this browser holds a state, but not this one

    response = client.get(signed_callback(code="a-real-looking-code", state="guessed-state"))

    assert response.status_code == 400
    assert b"already used or was not started here" in response.content
    assert shopify_app.exchanges(shopify) == []
    assert not ShopifyConnection.objects.exists()


def test_a_replayed_callback_is_refused_and_the_code_was_exchanged_once(client, shopify):
    callback = through_shopify(client.get(install_url()))
    assert client.get(callback).status_code == 302

    replay = client.get(callback)

    assert replay.status_code == 400
    assert len(shopify_app.exchanges(shopify)) == 1


def test_a_used_code_under_a_fresh_state_is_refused_by_shopify_and_changes_nothing(client, shopify):
    callback = through_shopify(client.get(install_url()))
    code = parse_qs(urlsplit(callback).query)["code"][0]
    client.get(callback)
    token = ShopifyConnection.objects.get().access_token
    fresh_state = urlsplit(client.get(install_url())["Location"]).query
    state = parse_qs(fresh_state)["state"][0]

    response = client.get(signed_callback(code=code, state=state))

    assert response.status_code == 400
    assert b"Shopify refused the install" in response.content
    assert ShopifyConnection.objects.get().access_token == token


def test_a_callback_with_a_forged_signature_or_an_old_timestamp_is_refused(client, shopify):
    state = parse_qs(urlsplit(client.get(install_url())["Location"]).query)["state"][0]
    old = signed_callback(code="c0de", state=state, timestamp=int(time.time()) - 3600)
    forged = signed_callback(code="c0de", state=state).replace("code=c0de", "code=other")

    assert b"This link has expired" in client.get(old).content
    assert b"This link is not from Shopify" in client.get(forged).content
    assert shopify_app.exchanges(shopify) == []


def test_a_shop_connected_to_one_store_cannot_be_connected_to_another(client, shopify):
    install(client)
    owner = MembershipFactory(role=Role.OWNER)
    client.force_login(owner.user)

    response = client.post(f"/dashboard/{owner.store_id}/setup/shopify/", {"shop": SHOP})
    callback = client.get(through_shopify(response))

    assert callback.status_code == 409
    assert ShopifyConnection.objects.get().store_id != owner.store_id


# --- the app's webhooks ----------------------------------------------------------------------------------


@pytest.fixture
def installed(client, shopify):
    install(client)
    return Store.objects.get(shop_domain=SHOP)


@pytest.mark.parametrize("known", [{"callbackUrl"}, {"uri"}], ids=["callbackUrl-only", "uri-only"])
def test_webhooks_subscribe_whichever_spelling_of_the_address_the_shopify_knows(client, shopify, known):
    shopify.state.extra["address_fields"] = known

    install(client)

    subscribed = shopify_app.webhooks(shopify, SHOP)
    assert sorted(w["topic"] for w in subscribed) == sorted(APP_WEBHOOK_TOPICS)
    assert {w["uri"] for w in subscribed} == {APP_WEBHOOKS}
    connection = ShopifyConnection.objects.get(shop_domain=SHOP)
    assert connection.webhooks_error == ""


def test_a_signed_app_webhook_creates_a_cart_through_the_same_path_as_hand_made_ones(
    client, django_capture_on_commit_callbacks, installed
):
    response = app_webhook(
        client,
        django_capture_on_commit_callbacks,
        topic="checkouts/create",
        payload=load("shopify_checkouts_create.json"),
    )

    assert response.status_code == 200
    assert response.json() == {"status": "accepted"}
    cart = Cart.objects.get(store=installed)
    assert cart.external_id == "123123123"
    event = WebhookEvent.objects.get(store=installed)
    assert (event.source, event.status) == ("shopify_app", WebhookEvent.Status.PROCESSED)


def test_app_webhooks_signed_otherwise_or_for_unknown_shops_are_refused(
    client, django_capture_on_commit_callbacks, installed
):
    payload = load("shopify_checkouts_create.json")

    def send(**kw):
        return app_webhook(client, django_capture_on_commit_callbacks, payload=payload, **kw)

    # the store's own secret signs hand-made webhooks, not the app's
    assert send(topic="checkouts/create", secret=installed.webhook_secret).status_code == 401
    assert send(topic="checkouts/create", shop="nobody-here.myshopify.com").status_code == 404
    assert send(topic="checkouts/create", shop="evil.example.com").status_code == 400
    # a privacy request for a shop we never held anything on is answered, as Shopify requires
    privacy = send(topic="shop/redact", shop="nobody-here.myshopify.com")
    assert privacy.status_code == 200
    assert not Cart.objects.exists()


def test_the_mandatory_privacy_webhooks_work_with_the_apps_secret(
    client, django_capture_on_commit_callbacks, installed
):
    for topic, name in (
        ("customers/data_request", "shopify_customers_data_request.json"),
        ("customers/redact", "shopify_customers_redact.json"),
        ("shop/redact", None),
    ):
        payload = load(name) if name else {"shop_id": 954889, "shop_domain": SHOP}
        response = app_webhook(client, django_capture_on_commit_callbacks, topic=topic, payload=payload)
        assert response.status_code == 200, response.content
        event = WebhookEvent.objects.get(store=installed, topic=topic)
        assert event.status == WebhookEvent.Status.PROCESSED, event.error


def test_a_webhook_for_one_shop_never_touches_another(client, django_capture_on_commit_callbacks, shopify):
    install(client, SHOP)
    install(client, OTHER_SHOP)
    first, second = Store.objects.get(shop_domain=SHOP), Store.objects.get(shop_domain=OTHER_SHOP)

    app_webhook(
        client,
        django_capture_on_commit_callbacks,
        topic="checkouts/create",
        payload=load("shopify_checkouts_create.json"),
        shop=OTHER_SHOP,
    )
    app_webhook(client, django_capture_on_commit_callbacks, topic="app/uninstalled", payload={}, shop=SHOP)

    assert list(Cart.objects.values_list("store_id", flat=True)) == [second.id]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.sending_stopped_reason == UNINSTALLED
    assert second.sending_stopped_reason == ""
    assert ShopifyConnection.objects.get(store=second).is_active


# --- uninstall and reinstall ------------------------------------------------------------------------------


def test_uninstall_stops_every_send_at_once_and_discards_the_token_and_reinstall_reconnects(
    client, django_capture_on_commit_callbacks, shopify, installed, sms_outbox
):
    def send(topic, payload):
        return app_webhook(client, django_capture_on_commit_callbacks, topic=topic, payload=payload)

    send("checkouts/create", consenting_checkout())
    cart = Cart.objects.get(store=installed)
    assert Nudge.objects.filter(cart=cart, state=Nudge.State.SCHEDULED).count() >= 1

    shopify_app.uninstall(shopify, SHOP)
    response = send("app/uninstalled", {"id": 548380009, "domain": SHOP})

    assert response.status_code == 200
    connection = ShopifyConnection.objects.get(shop_domain=SHOP)
    assert connection.access_token_encrypted == ""
    assert connection.uninstalled_at is not None
    assert not connection.is_active
    nudges = Nudge.objects.filter(cart=cart)
    assert {(n.state, n.reason) for n in nudges} == {(Nudge.State.CANCELLED, "Shopify app uninstalled")}
    # a nudge the cancellation could not catch (scheduled in a race) is still not sent by the dispatcher
    nudges.update(state=Nudge.State.SCHEDULED, reason="", due_at=timezone.now() - timedelta(minutes=1))
    report = nudge_dispatch_due(deliver_inline=True)
    assert report.sent == 0
    assert sms_outbox == []
    assert report.reasons == {"Shopify app uninstalled": nudges.count()}
    # a cart update through a hand-made webhook does not bring the texts back
    send("checkouts/update", consenting_checkout())
    assert not Nudge.objects.filter(cart=cart, state=Nudge.State.SCHEDULED).exists()

    reinstall = install(client)

    assert reinstall.status_code == 302
    assert Store.objects.filter(shop_domain=SHOP).count() == 1
    connection.refresh_from_db()
    installed.refresh_from_db()
    assert connection.store_id == installed.id
    assert connection.is_active
    assert connection.uninstalled_at is None
    assert installed.sending_stopped_reason == ""
    assert sorted(w["topic"] for w in shopify_app.webhooks(shopify, SHOP)) == sorted(APP_WEBHOOK_TOPICS)
    send("checkouts/update", consenting_checkout())
    assert Nudge.objects.filter(cart=cart, state=Nudge.State.SCHEDULED).exists()


def test_reconnecting_an_installed_shop_keeps_its_webhooks_without_duplicates(client, shopify, installed):
    install(client)

    subscribed = shopify_app.webhooks(shopify, SHOP)
    assert len(subscribed) == len(APP_WEBHOOK_TOPICS)
    connection = ShopifyConnection.objects.get(shop_domain=SHOP)
    assert sorted(connection.webhook_topics) == sorted(APP_WEBHOOK_TOPICS.values())
    assert connection.webhooks_error == ""


def test_an_uninstall_from_before_the_latest_install_changes_nothing(
    client, django_capture_on_commit_callbacks, installed
):
    before = (timezone.now() - timedelta(hours=1)).isoformat()

    app_webhook(
        client,
        django_capture_on_commit_callbacks,
        topic="app/uninstalled",
        payload={},
        HTTP_X_SHOPIFY_TRIGGERED_AT=before,
    )

    assert ShopifyConnection.objects.get(shop_domain=SHOP).is_active


def test_a_hand_made_webhook_cannot_uninstall_the_app(client, installed, post_shopify):
    response = post_shopify(installed, "app/uninstalled", {"id": 1})

    assert response.json() == {"status": "ignored"}
    installed.refresh_from_db()
    assert installed.sending_stopped_reason == ""
    assert ShopifyConnection.objects.get(shop_domain=SHOP).is_active


def test_installing_from_shopify_joins_the_signed_in_merchants_hand_made_store_on_that_shop(client, shopify):
    owner = MembershipFactory(store=StoreFactory(shop_domain=SHOP), role=Role.OWNER)
    stranger_store = StoreFactory(shop_domain=OTHER_SHOP)  # someone typed this domain; nobody here manages it
    client.force_login(owner.user)

    assert install(client)["Location"] == f"/dashboard/{owner.store_id}/setup/"
    install(client, OTHER_SHOP)

    assert ShopifyConnection.objects.get(shop_domain=SHOP).store_id == owner.store_id
    assert ShopifyConnection.objects.get(shop_domain=OTHER_SHOP).store_id != stranger_store.id
    assert Store.objects.filter(shop_domain=OTHER_SHOP).count() == 2


def test_a_store_connected_to_one_shop_cannot_take_a_second_one_until_the_first_app_is_gone(
    client, django_capture_on_commit_callbacks, shopify
):
    owner = MembershipFactory(store=StoreFactory(shop_domain=""), role=Role.OWNER)
    client.force_login(owner.user)
    connect = f"/dashboard/{owner.store_id}/setup/shopify/"
    client.get(through_shopify(client.post(connect, {"shop": SHOP})))

    refused = client.get(through_shopify(client.post(connect, {"shop": OTHER_SHOP})))

    assert refused.status_code == 409
    assert b"connects one shop" in refused.content
    app_webhook(client, django_capture_on_commit_callbacks, topic="app/uninstalled", payload={})
    moved = client.get(through_shopify(client.post(connect, {"shop": OTHER_SHOP})))
    assert moved.status_code == 302
    connection = ShopifyConnection.objects.get(store=owner.store)
    assert connection.shop_domain == OTHER_SHOP
    assert connection.is_active


def test_someone_signed_in_who_is_not_a_member_reinstalling_a_shop_is_not_shown_its_store(client, shopify):
    install(client)
    store = Store.objects.get(shop_domain=SHOP)
    client.force_login(UserFactory())

    response = install(client)

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not Membership.objects.filter(store=store).exists()


def test_a_webhook_shopify_fails_to_subscribe_is_shown_and_connecting_again_adds_only_it(client, shopify):
    from tests.fakes.shopify_server import server_error

    owner = MembershipFactory(store=StoreFactory(shop_domain=""), role=Role.OWNER)
    client.force_login(owner.user)
    connect = f"/dashboard/{owner.store_id}/setup/shopify/"
    shopify.plan(*[server_error(503)] * 4)  # every try of the first subscription

    client.get(through_shopify(client.post(connect, {"shop": SHOP})))

    connection = ShopifyConnection.objects.get(store=owner.store)
    assert "checkouts/create" not in connection.webhook_topics
    assert len(connection.webhook_topics) == len(APP_WEBHOOK_TOPICS) - 1
    assert connection.webhooks_error.startswith("checkouts/create: Shopify answered 503")
    page = client.get(f"/dashboard/{owner.store_id}/setup/").content.decode()
    assert "Not registered: checkouts/create." in page

    client.get(through_shopify(client.post(connect, {"shop": SHOP})))

    connection.refresh_from_db()
    assert sorted(connection.webhook_topics) == sorted(APP_WEBHOOK_TOPICS.values())
    assert connection.webhooks_error == ""
    subscribed = shopify_app.webhooks(shopify, SHOP)
    assert sorted(w["topic"] for w in subscribed) == sorted(APP_WEBHOOK_TOPICS)


def test_the_token_and_the_app_secret_never_reach_the_logs(client, shopify, caplog):
    caplog.set_level("DEBUG")

    install(client)

    token = ShopifyConnection.objects.get(shop_domain=SHOP).access_token
    assert caplog.records
    assert token not in caplog.text
    assert SECRET not in caplog.text
