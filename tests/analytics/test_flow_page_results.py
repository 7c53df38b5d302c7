import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from tests.analytics.test_results_api import T0, _seed

pytestmark = pytest.mark.django_db


@time_machine.travel(T0 + timedelta(days=1), tick=False)
def test_the_flow_page_shows_what_the_flow_and_each_step_caused(owner_client, store, other_store):
    # given step 1 (variants A and B: 5 texts, 2 orders, $400), step 2 (1 text), a cart held out of step 1
    _seed(store)
    _seed(other_store, scale=3)

    page = owner_client.get(reverse("dashboard:flow", kwargs={"store_id": store.id}))

    html = page.content.decode()
    assert page.status_code == 200
    flow = page.context["flow_result"]
    assert (flow.texted, flow.recovered, str(flow.revenue)) == (6, 2, "400.00")
    assert "6 texts led to 2 attributed orders, <strong>$400.00</strong>" in html
    assert "carts texted, 1 held out" in html
    assert "Last 30 days: 5 texted · 2 recovered · <strong>$400.00</strong> · lift +40.0 points" in html
    assert "Last 30 days: 1 texted · 0 recovered · <strong>$0.00</strong> · <a" in html


@time_machine.travel(T0 + timedelta(days=1), tick=False)
@pytest.mark.parametrize(
    ("page_name", "on_a_step", "by"),
    [
        ("dashboard:flow", False, "step"),
        ("dashboard:rules", False, "rule"),
        ("dashboard:flow_step", True, "variant"),
    ],
)
def test_each_results_table_links_to_its_csv_and_the_signed_in_merchant_gets_it(
    owner_client, store, page_name, on_a_step, by
):
    seeded = _seed(store)
    url_kwargs = {"store_id": store.id}
    if on_a_step:
        url_kwargs["step_id"] = seeded["step1"].id
    html = owner_client.get(reverse(page_name, kwargs=url_kwargs)).content.decode()

    link = re.search(r'href="([^"]*format=csv)"', html).group(1).replace("&amp;", "&")
    assert f"by={by}" in link
    assert "from=2026-02-10&to=2026-03-11" in link
    response = owner_client.get(link)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode().splitlines()[1]  # a header and at least one row
