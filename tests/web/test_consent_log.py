import csv
import io

import pytest
from django.urls import reverse

from stores.models import ConsentEvent
from tests.stores.factories import ConsentEventFactory, CustomerFactory

pytestmark = pytest.mark.django_db


def _url(name, store):
    return reverse(name, kwargs={"store_id": store.id})


def test_consent_log_lists_events_with_their_evidence(owner_client, store):
    ConsentEventFactory(
        store=store, text_shown="Text me cart reminders from Store.", ip_address="203.0.113.9"
    )

    response = owner_client.get(_url("dashboard:consent", store))

    html = response.content.decode()
    assert "Text me cart reminders from Store." in html
    assert "203.0.113.9" in html


def test_search_by_phone_finds_only_that_customer(owner_client, store):
    wanted = CustomerFactory(store=store, phone="+14155550123")
    ConsentEventFactory(store=store, customer=wanted, source="checkout")
    ConsentEventFactory(
        store=store, customer=CustomerFactory(store=store, phone="+14155550999"), source="keyword"
    )

    full = owner_client.get(_url("dashboard:consent", store), {"phone": "(415) 555-0123"})
    digits = owner_client.get(_url("dashboard:consent", store), {"phone": "0123"})

    for response in (full, digits):
        events = list(response.context["page"].object_list)
        assert [e.customer_id for e in events] == [wanted.id]


def test_other_stores_events_never_show(owner_client, store, other_store):
    ConsentEventFactory(store=other_store, text_shown="Secret of another store")

    response = owner_client.get(_url("dashboard:consent", store))

    assert "Secret of another store" not in response.content.decode()


def test_hostile_evidence_renders_as_text(owner_client, store):
    ConsentEventFactory(
        store=store, user_agent="<img src=x onerror=alert(1)>", text_shown="<script>x</script>"
    )

    html = owner_client.get(_url("dashboard:consent", store)).content.decode()

    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>x</script>" not in html


def test_csv_export_has_every_event_and_defuses_formulas(owner_client, store):
    # given an event whose shop-sent text looks like a spreadsheet formula
    ConsentEventFactory(store=store, text_shown='=HYPERLINK("http://evil")', kind=ConsentEvent.Kind.GRANTED)
    ConsentEventFactory(store=store, kind=ConsentEvent.Kind.REVOKED, source="sms_keyword")

    # when
    response = owner_client.get(_url("dashboard:consent_csv", store))

    # then
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert response["Content-Type"] == "text/csv"
    assert rows[0][:4] == ["occurred_at", "phone", "first_name", "kind"]
    assert len(rows) == 3
    assert '\'=HYPERLINK("http://evil")' in [row[5] for row in rows]
    assert all(row[1].startswith("+1") for row in rows[1:])


def test_agent_cannot_export_consent(agent_client, store):
    assert agent_client.get(_url("dashboard:consent_csv", store)).status_code == 403


def test_other_store_export_is_404(owner_client, other_store):
    assert owner_client.get(_url("dashboard:consent_csv", other_store)).status_code == 404


def test_the_source_column_reads_as_words_not_as_a_key(owner_client, store):
    # given events from the checkout checkbox and from a shop's own, unlisted source
    ConsentEventFactory(store=store, source="checkout_checkbox")
    ConsentEventFactory(store=store, source="loyalty_app_signup")

    # when the consent log is opened
    html = owner_client.get(_url("dashboard:consent", store)).content.decode()

    # then each source is a label, never the raw key that a phone's table breaks mid-word
    assert '<td data-label="Source"><div>Checkout checkbox</div></td>' in html
    assert '<td data-label="Source"><div>Loyalty app signup</div></td>' in html
    assert "checkout_checkbox" not in html
