"""The baseline the ingest benchmark is measured against: the least a Shopify webhook endpoint can do.

The same HMAC check on the raw body, then one row upserted with one SQL statement; no store lookup, no
idempotency record, no shape check, no queue. Served by the same gunicorn, settings and middleware as the
real endpoint, so the ratio is the cost of what the real endpoint adds.
"""

import json

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from stores.signing import shopify_hmac_valid

# The table is created by bench_ingest before the run.
UPSERT_SQL = """
INSERT INTO bench_baseline_cart (external_id, payload, updated_at) VALUES (%s, %s, now())
ON CONFLICT (external_id) DO UPDATE SET payload = EXCLUDED.payload, updated_at = EXCLUDED.updated_at
"""


@csrf_exempt
def shopify_upsert(request: HttpRequest) -> HttpResponse:
    body = request.body
    secret = settings.BENCH_BASELINE_SECRET
    if not shopify_hmac_valid(
        body=body, header=request.headers.get("X-Shopify-Hmac-Sha256"), secrets=[secret]
    ):
        return HttpResponse(status=401)
    payload = json.loads(body)
    with connection.cursor() as cursor:
        cursor.execute(UPSERT_SQL, [str(payload["token"]), body.decode()])
    return HttpResponse(status=200)
