"""A real TCP proxy in front of the server that injects faults, one per new connection:
cut the response after some bytes, delay it, or answer by itself (a 5xx with Retry-After,
garbage, a truncated JSON body) without reaching the server."""

from __future__ import annotations

import socket
import threading
import time
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    kind: str  # pass | cut | delay | status | garbage | truncated | refuse
    after_bytes: int = 0
    seconds: float = 0.0
    status: int = 503
    retry_after: str | None = None
    path: str | None = None  # only requests whose path starts with this take the fault


class FaultProxy:
    def __init__(self, target_port: int) -> None:
        self.target = ("127.0.0.1", target_port)
        self.faults: deque[Fault] = deque()
        self.hits: list[str] = []
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.port = self.listener.getsockname()[1]
        self._stop = threading.Event()
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def add(self, *faults: Fault) -> None:
        with self._lock:
            self.faults.extend(faults)

    def close(self) -> None:
        self._stop.set()
        self.listener.close()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _next_fault(self, path: str) -> Fault:
        with self._lock:
            if self.faults and (self.faults[0].path is None
                                or path.startswith(self.faults[0].path)):
                fault = self.faults.popleft()
                self.hits.append(f"{fault.kind} {path}")
                return fault
        return Fault("pass")

    def _serve(self, client: socket.socket) -> None:
        """Handle one request at a time on this connection, each with its own fault."""
        upstream: socket.socket | None = None
        try:
            while True:
                request = _read_request(client)
                if request is None:
                    return
                path = request.split(b" ", 2)[1].decode(errors="replace")
                fault = self._next_fault(path)
                if fault.kind == "refuse":
                    return
                if fault.kind in ("status", "garbage", "truncated"):
                    client.sendall(_canned(fault))
                    return
                if upstream is None:
                    upstream = socket.create_connection(self.target, timeout=30)
                upstream.sendall(request)
                response = _read_response(upstream)
                if response is None:
                    return
                if fault.kind == "delay":
                    time.sleep(fault.seconds)
                if fault.kind == "cut":
                    client.sendall(response[:fault.after_bytes])
                    return
                client.sendall(response)
        except OSError:
            return
        finally:
            client.close()
            if upstream is not None:
                upstream.close()


def _read_until_headers(sock: socket.socket) -> tuple[bytes, bytes] | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, rest = data.split(b"\r\n\r\n", 1)
    return head + b"\r\n\r\n", rest


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


def _read_body(sock: socket.socket, head: bytes, rest: bytes) -> bytes:
    need = _content_length(head)
    while len(rest) < need:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return head + rest


def _read_request(sock: socket.socket) -> bytes | None:
    got = _read_until_headers(sock)
    return None if got is None else _read_body(sock, *got)


def _read_response(sock: socket.socket) -> bytes | None:
    got = _read_until_headers(sock)
    return None if got is None else _read_body(sock, *got)


def _canned(fault: Fault) -> bytes:
    if fault.kind == "status":
        body = b'{"error":"unavailable","detail":"injected"}'
        extra = f"Retry-After: {fault.retry_after}\r\n" if fault.retry_after else ""
        head = (f"HTTP/1.1 {fault.status} Injected\r\nContent-Type: application/json\r\n"
                f"{extra}Content-Length: {len(body)}\r\nConnection: close\r\n\r\n")
        return head.encode() + body
    body = b"<html>not json" if fault.kind == "garbage" else b'{"results": [{"op_id": "'
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
