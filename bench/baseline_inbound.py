"""The baseline the inbound SMS benchmark is measured against: the least a Twilio webhook can do.

The same X-Twilio-Signature check (Twilio's RequestValidator, same URL rule), then one row inserted with one
SQL statement; no store lookup, no idempotency record, no queue. Served by the same gunicorn, settings and
middleware as the real endpoint, so the ratio is the cost of what the real endpoint adds.
"""

import json

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from twilio.request_validator import RequestValidator

# The table is created by bench_inbound before the run.
TABLE_SQL = """
CREATE TABLE IF NOT EXISTS bench_baseline_sms (
    message_sid varchar(64) PRIMARY KEY,
    payload jsonb NOT NULL,
    received_at timestamptz NOT NULL
)
"""
INSERT_SQL = "INSERT INTO bench_baseline_sms VALUES (%s, %s, now()) ON CONFLICT (message_sid) DO NOTHING"


@csrf_exempt
def twilio_sms(request: HttpRequest) -> HttpResponse:
    url = settings.PUBLIC_BASE_URL + request.get_full_path()
    signature = request.headers.get("X-Twilio-Signature", "")
    if not RequestValidator(settings.TWILIO_AUTH_TOKEN).validate(url, request.POST, signature):
        return HttpResponse(status=403)
    form = {key: request.POST[key] for key in request.POST}
    with connection.cursor() as cursor:
        cursor.execute(INSERT_SQL, [form.get("MessageSid", ""), json.dumps(form)])
    return HttpResponse('<?xml version="1.0" encoding="UTF-8"?><Response/>', content_type="application/xml")
