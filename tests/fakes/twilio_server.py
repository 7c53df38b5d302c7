"""A local Twilio-compatible Messages API for tests and benchmarks (loopback only).

Speaks enough of https://api.twilio.com/2010-04-01/Accounts/<sid>/Messages.json for the real `twilio`
library: create (form-encoded POST → 201 JSON) and list (GET, newest first). Tell it how to misbehave with
`plan(...)`: answer the next requests with an error code and HTTP status, or stall before answering
(the message is still accepted, as when Twilio is slow and the client gives up).

    with FakeTwilioServer() as twilio:
        settings.TWILIO_API_BASE_URL = twilio.url
        twilio.plan(error(20429, status=429), error(21610))
"""

import contextlib
import json
import re
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PORT_RANGE = range(8150, 8200)
_MESSAGES = re.compile(r"^/2010-04-01/Accounts/(?P<account>AC\w+)/Messages\.json$")
_NUMBERS = re.compile(r"^/2010-04-01/Accounts/(?P<account>AC\w+)/IncomingPhoneNumbers\.json$")
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
    # Sender registration (Setup): Messaging Service → A2P campaign statuses; number → (PN sid, toll-free
    # verification statuses).
    campaigns: dict = field(default_factory=dict)
    numbers: dict = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)


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
            "date_sent": None,
            "uri": f"/2010-04-01/Accounts/{account}/Messages/{sid}.json",
            "subresource_uris": {},
        }
        with self.state.lock:
            self.state.messages.append(message)
        return message

    def _list(self, key: str, rows: list[dict]) -> None:
        meta = {"key": key, "page": 0, "page_size": 50, "next_page_url": None, "previous_page_url": None}
        self._answer(200, {key: rows, "meta": meta})

    def _registration_get(self, path: str, query: dict) -> bool:
        """Answer the read-only registration lookups; False when the path is not one of them."""
        with self.state.lock:
            campaigns, numbers = dict(self.state.campaigns), dict(self.state.numbers)
        service = _CAMPAIGNS.match(path)
        if service:
            rows = [
                {"sid": f"QE{i:032d}", "campaign_status": status}
                for i, status in enumerate(campaigns.get(service["service"], []))
            ]
            self._list("compliance", rows)
            return True
        if _NUMBERS.match(path):
            number = query.get("PhoneNumber", "")
            rows = [{"sid": numbers[number][0], "phone_number": number}] if number in numbers else []
            self._list("incoming_phone_numbers", rows)
            return True
        if path == _TOLL_FREE:
            pn_sid = query.get("TollfreePhoneNumberSid", "")
            statuses = next((s for sid, s in numbers.values() if sid == pn_sid), [])
            rows = [
                {"sid": f"HH{i:032d}", "status": status, "tollfree_phone_number_sid": pn_sid}
                for i, status in enumerate(statuses)
            ]
            self._list("verifications", rows)
            return True
        return False

    def do_GET(self):
        parts = urlsplit(self.path)
        if self._registration_get(parts.path, {k: v[0] for k, v in parse_qs(parts.query).items()}):
            return None
        match = _MESSAGES.match(parts.path)
        if match is None:
            return self._answer(404, {"code": 20404, "message": "Not found", "status": 404})
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        with self.state.lock:
            found = [m for m in reversed(self.state.messages) if m["account_sid"] == match["account"]]
        if "To" in query:
            found = [m for m in found if m["to"] == query["To"]]
        page_size = int(query.get("PageSize", 50))
        return self._answer(
            200,
            {
                "messages": found[:page_size],
                "page": 0,
                "page_size": page_size,
                "start": 0,
                "end": max(len(found[:page_size]) - 1, 0),
                "uri": parts.path,
                "first_page_uri": parts.path,
                "next_page_uri": None,
                "previous_page_uri": None,
            },
        )


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # The fault proofs SIGKILL workers mid-request: a client's reset is not the fake's error.
        if not isinstance(sys.exc_info()[1], ConnectionResetError):
            super().handle_error(request, client_address)


class FakeTwilioServer:
    """A threaded server on the first free port of `ports` (8150–8199); use as a context manager."""

    def __init__(self, ports: range = PORT_RANGE) -> None:
        self.ports = ports
        self.state = _State()
        self._server = None
        self._thread = None

    def __enter__(self) -> "FakeTwilioServer":
        for port in self.ports:
            try:
                self._server = _Server(("127.0.0.1", port), _Handler)
                break
            except OSError:
                continue
        else:
            raise RuntimeError(f"No free port in {self.ports} for the fake Twilio server.")
        self._server.state = self.state
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def plan(self, *actions: Action) -> None:
        """How to answer the next POSTs, in order; afterwards every POST succeeds."""
        with self.state.lock:
            self.state.actions.extend(actions)

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

    def own_number(self, phone_number: str, *, toll_free_statuses: tuple[str, ...] = ()) -> None:
        """A number of the account, with its toll-free verifications' statuses."""
        with self.state.lock:
            sid = f"PN{uuid.uuid4().hex}"
            self.state.numbers[phone_number] = (sid, list(toll_free_statuses))
