"""The outermost layer of the app, in plain ASGI: what every request must pass before routing.

It runs before FastAPI reads or parses anything, so a refusal here costs nothing:
a body over the size limit is answered 413 from its Content-Length or, when
chunked, as soon as the bytes received pass the limit; a control character in
the path or in any query parameter is a 400 (databases refuse NUL, and no real
link holds one). Every response gets the security headers.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from dateline.io.decode import find_control

Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Message, Receive, Send], Awaitable[None]]

# No inline script or style anywhere (the Swagger page starts from a static file too);
# Swagger UI draws its icons from data: URIs.
CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


def target_problem(scope: Message) -> str | None:
    """Why the request's path or query string is refused, or None."""
    if find_control(scope.get("path", ""), allowed="") is not None:
        return "control character in the path"
    query = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True):
        if find_control(name, allowed="") is not None or \
                find_control(value, allowed="") is not None:
            return "control character in a query parameter"
    return None


def content_length(scope: Message) -> int | None:
    """The declared body size; -1 when the header is not a number."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            return int(value) if value.strip().isdigit() else -1
    return None


async def answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Body size limit, clean request targets and security headers, around ``app``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.too_large = f"request body too large (limit {max_bytes:,} bytes)"

    async def __call__(self, scope: Message, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = target_problem(scope)
        if problem:
            await answer(send, 400, problem)
            return
        length = content_length(scope)
        if length == -1:
            await answer(send, 400, "invalid Content-Length")
            return
        if length is not None and length > self.max_bytes:
            await answer(send, 413, self.too_large)
            return
        await self._limited(scope, receive, send)

    async def _limited(self, scope: Message, receive: Receive, send: Send) -> None:
        """Run the app, counting body bytes as they arrive; past the limit, answer 413
        and tell the app the client has gone (it stops reading and its reply is dropped)."""
        received = 0
        started = refused = False

        async def counted() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    refused = True
                    if not started:
                        await answer(send, 413, self.too_large)
                    return {"type": "http.disconnect"}
            return message

        async def headed(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, counted, headed)
