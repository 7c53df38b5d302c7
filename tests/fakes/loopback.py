"""What every fake server on loopback shares: a threaded HTTP server on the first free port of a range,
run in a daemon thread for the length of a `with` block, its state reachable from the request handler."""

import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    state: Any = None

    def handle_error(self, request, client_address) -> None:
        # The fault proofs SIGKILL workers mid-request: a client's reset is not the fake's error.
        if not isinstance(sys.exc_info()[1], ConnectionResetError):
            super().handle_error(request, client_address)


class LoopbackServer:
    """Subclasses set `name` and `handler`, and give `state` (handlers read it as `self.server.state`)."""

    name = "fake"
    handler: type[BaseHTTPRequestHandler]

    def __init__(self, ports: range, state: Any) -> None:
        self.ports = ports
        self.state = state
        self._server: _QuietServer | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Self:
        for port in self.ports:
            try:
                self._server = _QuietServer(("127.0.0.1", port), self.handler)
                break
            except OSError:
                continue
        else:
            raise RuntimeError(f"No free port in {self.ports} for the {self.name} server.")
        self._server.state = self.state
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.daemon = True
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._server is None or self._thread is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError(f"The {self.name} server is not running: use it in a `with` block.")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"
