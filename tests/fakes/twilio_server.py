"""A local Twilio-compatible Messages API for tests and benchmarks (loopback only).

Speaks enough of https://api.twilio.com/2010-04-01/Accounts/<sid>/Messages.json for the real `twilio`
library: create (form-encoded POST → 201 JSON) and list (GET, newest first, filtered by `To`, `From` and
`DateSent` / `DateSent>` / `DateSent<` as Twilio does, paged by `PageSize` and `Page`). It also owns phone
numbers and Messaging Services, as Twilio answers for them: `IncomingPhoneNumbers.json?PhoneNumber=`
(2010-04-01) and https://messaging.twilio.com/v1/Services/<sid> with its `PhoneNumbers` (give them with
`own_number` and `own_service`; a service or number of another account is a 404 or absent, as at Twilio).
Tell it how to misbehave with `plan(...)`: answer the next POSTs with an error code and HTTP status, or
stall before answering (the message is still accepted, as when Twilio is slow and the client gives up).

A message is handed to the carrier at once (`date_sent` set), except through a Messaging Service while
`hold_service_messages` is on: then it waits in the service's queue with no `date_sent`, which Twilio's
`DateSent` filters never match.

    with FakeTwilioServer() as twilio:
        settings.TWILIO_API_BASE_URL = twilio.url
        twilio.plan(error(20429, status=429), error(21610))
"""

import base64
import contextlib
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlencode, urlsplit

from .loopback import LoopbackServer

PORT_RANGE = range(8150, 8200)
_MESSAGES = re.compile(r"^/2010-04-01/Accounts/(?P<account>AC\w+)/Messages\.json$")
_INCOMING_NUMBERS = re.compile(r"^/2010-04-01/Accounts/(?P<account>AC\w+)/IncomingPhoneNumbers\.json$")
_SERVICE = re.compile(r"^/v1/Services/(?P<service>MG\w+)(?P<numbers>/PhoneNumbers)?$")
_CAMPAIGNS = re.compile(r"^/v1/Services/(?P<service>MG\w+)/Compliance/Usa2p$")
_TOLL_FREE = "/v1/Tollfree/Verifications"


@dataclass(frozen=True)
class Action:
    error_code: int | None = None
    status: int = 201
    stall_seconds: float = 0.0
    message: str = ""


def error(code: int, *, status: int = 400, message: str = "") -> Action:
    return Action(error_code=code, status=status, message=message or f"Twilio error {code}")


def stall(seconds: float) -> Action:
    return Action(stall_seconds=seconds)


@dataclass
class Received:
    at: float  # time.monotonic() when the request arrived
    account: str
    params: dict
    answered: int = 0


@dataclass
class _State:
    actions: list[Action] = field(default_factory=list)
    requests: list[Received] = field(default_factory=list)
    messages: list[dict] = field(default_factory=list)
    numbers: dict[str, list[str]] = field(default_factory=dict)  # account → its phone numbers
    services: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # sid → (account, pool)
    lookups: list[str] = field(default_factory=list)  # the paths of GETs about numbers and services
    # Sender registration (Setup): Messaging Service → A2P campaign statuses; number → toll-free
    # verification statuses.
    campaigns: dict = field(default_factory=dict)
    toll_free: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    hold_service_messages: bool = False
    lists: list[dict] = field(default_factory=list)


def _segments(body: str) -> int:
    from conversations.sms.segments import segment_info

    return max(segment_info(body).segments, 1)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: the client reuses its connection like with Twilio
    # Headers and body leave in two writes; with Nagle's algorithm the body waits for the client's delayed
    # ACK of the headers, adding ~40 ms to every answer on a kept-alive connection.
    disable_nagle_algorithm = True

    def log_message(self, *args):  # quiet test output
        pass

    @property
    def state(self) -> _State:
        return self.server.state

    def _answer(self, status: int, payload: dict) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        match = _MESSAGES.match(urlsplit(self.path).path)
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        if match is None:
            return self._answer(404, {"code": 20404, "message": "Not found", "status": 404})
        if not self.headers.get("Authorization", "").startswith("Basic "):
            return self._answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
        with self.state.lock:
            received = Received(at=time.monotonic(), account=match["account"], params=form)
            self.state.requests.append(received)
            action = self.state.actions.pop(0) if self.state.actions else Action()
        if action.error_code is not None:
            received.answered = action.status
            return self._answer(
                action.status,
                {
                    "code": action.error_code,
                    "message": action.message,
                    "more_info": f"https://www.twilio.com/docs/errors/{action.error_code}",
                    "status": action.status,
                },
            )
        message = self._accept(match["account"], form)
        if action.stall_seconds:
            time.sleep(action.stall_seconds)
        received.answered = 201
        # A client that gave up waiting has hung up; the message stays accepted, as at Twilio.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self._answer(201, message)

    def _accept(self, account: str, form: dict) -> dict:
        now = datetime.now(UTC)
        sid = "SM" + uuid.uuid4().hex
        held = bool(form.get("MessagingServiceSid")) and self.state.hold_service_messages
        message = {
            "sid": sid,
            "account_sid": account,
            "to": form.get("To", ""),
            "from": form.get("From"),
            "messaging_service_sid": form.get("MessagingServiceSid"),
            "body": form.get("Body", ""),
            "status": "accepted" if form.get("MessagingServiceSid") else "queued",
            "num_segments": str(_segments(form.get("Body", ""))),
            "num_media": "0",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "price": None,
            "price_unit": "USD",
            "error_code": None,
            "error_message": None,
            "date_created": format_datetime(now, usegmt=True),
            "date_updated": format_datetime(now, usegmt=True),
            "date_sent": None if held else format_datetime(now, usegmt=True),
            "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
            "subresource_uris": {},
        }
        with self.state.lock:
            self.state.messages.append(message)
        return message

    def _caller_account(self) -> str:
        # Basic auth's user is the account: Messaging Services have no account in their path.
        try:
            decoded = base64.b64decode(self.headers.get("Authorization", "")[6:]).decode()
        except ValueError:
            return ""
        return decoded.partition(":")[0]

    def _not_found(self, path: str) -> None:
        self._answer(
            404,
            {
                "code": 20404,
                "message": f"The requested resource {path} was not found",
                "more_info": "https://www.twilio.com/docs/errors/20404",
                "status": 404,
            },
        )

    def _list(self, key: str, rows: list[dict]) -> None:
        meta = {"key": key, "page": 0, "page_size": 50, "next_page_url": None, "previous_page_url": None}
        self._answer(200, {key: rows, "meta": meta})

    def _registration_get(self, path: str, query: dict) -> bool:
        """Answer the read-only registration lookups; False when the path is not one of them."""
        with self.state.lock:
            campaigns, toll_free = dict(self.state.campaigns), dict(self.state.toll_free)
        service = _CAMPAIGNS.match(path)
        if service:
            rows = [
                {"sid": f"QE{i:032d}", "campaign_status": status}
                for i, status in enumerate(campaigns.get(service["service"], []))
            ]
            self._list("compliance", rows)
            return True
        if path == _TOLL_FREE:
            pn_sid = query.get("TollfreePhoneNumberSid", "")
            statuses = next((s for n, s in toll_free.items() if _number_sid(n) == pn_sid), [])
            rows = [
                {"sid": f"HH{i:032d}", "status": status, "tollfree_phone_number_sid": pn_sid}
                for i, status in enumerate(statuses)
            ]
            self._list("verifications", rows)
            return True
        return False

    def do_GET(self):
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        if not self.headers.get("Authorization", "").startswith("Basic "):
            return self._answer(401, {"code": 20003, "message": "Authenticate", "status": 401})
        if match := _INCOMING_NUMBERS.match(parts.path):
            return self._incoming_numbers(match["account"], parts.path, query)
        if match := _SERVICE.match(parts.path):
            return self._service(match["service"], bool(match["numbers"]), parts.path)
        if self._registration_get(parts.path, query):
            return None
        match = _MESSAGES.match(parts.path)
        if match is None:
            return self._not_found(parts.path)
        with self.state.lock:
            self.state.lists.append(query)
            found = [m for m in reversed(self.state.messages) if m["account_sid"] == match["account"]]
        try:
            found = [m for m in found if _matches(m, query)]
            page_size = min(int(query.get("PageSize", 50)), 1000)
            page = int(query.get("Page", 0))
        except ValueError:
            return self._answer(400, {"code": 20001, "message": "Invalid filter", "status": 400})
        chunk = found[page * page_size : (page + 1) * page_size]
        more = len(found) > (page + 1) * page_size
        next_query = urlencode({**query, "Page": page + 1, "PageSize": page_size})
        return self._answer(
            200,
            {
                "messages": chunk,
                "page": page,
                "page_size": page_size,
                "start": page * page_size,
                "end": page * page_size + max(len(chunk) - 1, 0),
                "uri": parts.path,
                "first_page_uri": parts.path,
                "next_page_uri": f"{parts.path}?{next_query}" if more else None,
                "previous_page_uri": None,
            },
        )

    def _incoming_numbers(self, account: str, path: str, query: dict) -> None:
        # Twilio's `PhoneNumber` filter matches part of a number, `*` standing for any digit.
        wanted = re.compile(".*".join(re.escape(p) for p in query.get("PhoneNumber", "").split("*")))
        with self.state.lock:
            self.state.lookups.append(self.path)
            owned = [n for n in self.state.numbers.get(account, []) if wanted.search(n)]
        page_size = int(query.get("PageSize", 50))
        uri = f"{path}?PageSize={page_size}&Page=0"
        self._answer(
            200,
            {
                "incoming_phone_numbers": [_incoming_number(account, n) for n in owned[:page_size]],
                "page": 0,
                "page_size": page_size,
                "start": 0,
                "end": max(len(owned[:page_size]) - 1, 0),
                "uri": uri,
                "first_page_uri": uri,
                "next_page_uri": None,
                "previous_page_uri": None,
            },
        )

    def _service(self, sid: str, numbers: bool, path: str) -> None:
        with self.state.lock:
            self.state.lookups.append(self.path)
            account, pool = self.state.services.get(sid, ("", []))
        if not account or account != self._caller_account():
            return self._not_found(path.removeprefix("/v1"))
        url = f"https://messaging.twilio.com/v1/Services/{sid}"
        if not numbers:
            return self._answer(200, _service(account, sid, url))
        page_url = f"{url}/PhoneNumbers?PageSize=50&Page=0"
        self._answer(
            200,
            {
                "phone_numbers": [_service_number(account, sid, url, n) for n in pool],
                "meta": {
                    "page": 0,
                    "page_size": 50,
                    "first_page_url": page_url,
                    "previous_page_url": None,
                    "url": page_url,
                    "next_page_url": None,
                    "key": "phone_numbers",
                },
            },
        )


def _number_sid(number: str) -> str:
    return "PN" + uuid.uuid5(uuid.NAMESPACE_URL, number).hex


def _incoming_number(account: str, number: str) -> dict:
    stamp = format_datetime(datetime(2026, 1, 5, tzinfo=UTC), usegmt=True)
    sid = _number_sid(number)
    return {
        "account_sid": account,
        "address_requirements": "none",
        "api_version": "2010-04-01",
        "beta": False,
        "capabilities": {"voice": True, "sms": True, "mms": True, "fax": False},
        "date_created": stamp,
        "date_updated": stamp,
        "friendly_name": number,
        "origin": "twilio",
        "phone_number": number,
        "sid": sid,
        "sms_method": "POST",
        "sms_url": "",
        "status": "in-use",
        "uri": f"/2010-04-01/Accounts/{account}/IncomingPhoneNumbers/{sid}.json",
    }


def _service(account: str, sid: str, url: str) -> dict:
    return {
        "account_sid": account,
        "sid": sid,
        "date_created": "2026-01-05T10:00:00Z",
        "date_updated": "2026-01-05T10:00:00Z",
        "friendly_name": "Cart texts",
        "inbound_request_url": None,
        "inbound_method": "POST",
        "sticky_sender": True,
        "use_inbound_webhook_on_number": True,
        "usecase": "marketing",
        "us_app_to_person_registered": True,
        "url": url,
        "links": {"phone_numbers": f"{url}/PhoneNumbers"},
    }


def _service_number(account: str, service: str, url: str, number: str) -> dict:
    sid = _number_sid(number)
    return {
        "sid": sid,
        "account_sid": account,
        "service_sid": service,
        "date_created": "2026-01-05T10:00:00Z",
        "date_updated": "2026-01-05T10:00:00Z",
        "phone_number": number,
        "country_code": "US",
        "capabilities": ["SMS", "MMS"],
        "url": f"{url}/PhoneNumbers/{sid}",
    }


def _sent_at(message: dict) -> datetime | None:
    return parsedate_to_datetime(message["date_sent"]) if message["date_sent"] else None


def _moment(value: str) -> tuple[datetime, bool]:
    """A `DateSent` filter value: a day ("2026-03-04") or a moment ("2026-03-04T17:00:00Z")."""
    if "T" in value:
        return datetime.fromisoformat(value.replace("Z", "+00:00")), False
    return datetime.fromisoformat(value).replace(tzinfo=UTC), True


def _matches(message: dict, query: dict) -> bool:
    if "To" in query and message["to"] != query["To"]:
        return False
    if "From" in query and message["from"] != query["From"]:
        return False
    for name, wanted in (("DateSent", "on"), ("DateSent>", "after"), ("DateSent<", "before")):
        if name not in query:
            continue
        sent = _sent_at(message)
        if sent is None:
            return False  # still queued: no date sent, so no DateSent filter matches it
        moment, whole_day = _moment(query[name])
        if wanted == "on" and not (whole_day and sent.date() == moment.date()):
            return False
        if wanted == "after" and sent < moment:
            return False
        if wanted == "before" and sent > (
            moment.replace(hour=23, minute=59, second=59) if whole_day else moment
        ):
            return False
    return True


class FakeTwilioServer(LoopbackServer):
    """A threaded server on the first free port of `ports` (8150–8199); use as a context manager."""

    name = "fake Twilio"
    handler = _Handler

    def __init__(self, ports: range = PORT_RANGE) -> None:
        super().__init__(ports, _State())

    def plan(self, *actions: Action) -> None:
        """How to answer the next POSTs, in order; afterwards every POST succeeds."""
        with self.state.lock:
            self.state.actions.extend(actions)

    def hold_service_messages(self, hold: bool = True) -> None:
        """Keep texts sent through a Messaging Service in its queue (no `date_sent`) until told otherwise."""
        with self.state.lock:
            self.state.hold_service_messages = hold

    @property
    def lists(self) -> list[dict]:
        """The query of every list (GET) request, in order."""
        return list(self.state.lists)

    def own_number(self, account: str, number: str) -> None:
        """Give `account` an incoming phone number (E.164)."""
        with self.state.lock:
            self.state.numbers.setdefault(account, []).append(number)

    def own_service(self, account: str, sid: str, *, numbers: tuple[str, ...] = ()) -> None:
        """Give `account` a Messaging Service with these numbers in its sender pool."""
        with self.state.lock:
            self.state.services[sid] = (account, list(numbers))

    @property
    def lookups(self) -> list[str]:
        return list(self.state.lookups)

    @property
    def requests(self) -> list[Received]:
        return list(self.state.requests)

    @property
    def messages(self) -> list[dict]:
        return list(self.state.messages)

    def register_campaign(self, messaging_service_sid: str, status: str) -> None:
        """An A2P 10DLC campaign of this status on the Messaging Service."""
        with self.state.lock:
            self.state.campaigns.setdefault(messaging_service_sid, []).append(status)

    def own_toll_free_number(
        self, phone_number: str, *, account: str = "AC" + "0" * 32, toll_free_statuses: tuple[str, ...] = ()
    ) -> None:
        """A toll-free number of the account, with its toll-free verifications' statuses."""
        self.own_number(account, phone_number)
        with self.state.lock:
            self.state.toll_free[phone_number] = list(toll_free_statuses)
