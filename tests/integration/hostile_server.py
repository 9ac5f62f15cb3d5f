#!/usr/bin/env python3
"""A hostile HTTP server on 127.0.0.1 for the integration tests (hostile.py), Python's standard
library only. It speaks HTTP/1.1 over raw sockets, so that a scenario can break the framing on
purpose: a header line of 1 MiB, 10,000 challenge lines, a bare CR or a NUL inside a value, a
head cut off and left hanging, a body of hundreds of MiB generated while it is sent (never held
whole). With a certificate it serves https; as a proxy it answers CONNECT with a tunnel to a port
on 127.0.0.1, and nowhere else.

The scenario is the first segment of the request's path (/stale_same_nonce/...), or, for a
server started for one scenario, that argument (`scenario=`). Every request head is logged as
the raw bytes received and as parsed headers, so that a test can assert what the client sent,
and that nothing else was sent. Every wait is bounded; leaving the with block (stop()) ends every
connection and joins every thread.

    with HostileServer() as origin:           # origin.port, origin.url(path), origin.requests()
        ...
    hostile_server.py [--scenario NAME] [--tls CERT KEY]   # by hand: prints its port, serves
"""
import argparse
import base64
import hashlib
import os
import re
import select
import socket
import ssl
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from servers import PASSWORD, PROXY_PASSWORD, PROXY_USER, USER  # noqa: E402

REALM = "hostile"
MAX_HEAD_BYTES = 64 * 1024
HEAD_WAIT_SECONDS = 10  # for a client's request head, and between keep-alive requests
SEND_WAIT_SECONDS = 10  # for a client to take the next piece of a response
STALL_SECONDS = 60  # how long a stalling scenario holds the connection at most (stop() ends it)
TUNNEL_IDLE_SECONDS = 30
CHUNK = b"hostile body " * 5041  # 65,533 bytes, sent again and again: a body is never held whole


class Request:
    """One request head as received: `raw` (the bytes up to the blank line), the request line's
    parts and the header lines as (name, value) strings (Latin-1, so that every byte is kept)."""

    def __init__(self, raw, connection, tls):
        self.raw, self.connection, self.tls = raw, connection, tls
        lines = raw.decode("latin-1").split("\r\n")
        self.method, self.target, self.version = (lines[0].split(" ", 2) + ["", "", ""])[:3]
        self.headers = [tuple(part.strip() for part in line.split(":", 1)) for line in lines[1:] if ":" in line]
        self.path, _, query = self.target.partition("?")
        self.query = dict(urllib.parse.parse_qsl(query))

    def header(self, name):
        return next((v for n, v in self.headers if n.lower() == name.lower()), None)

    def header_lines(self):
        """The raw header lines, split at CRLF only: a bare CR or LF stays inside its line."""
        return self.raw.split(b"\r\n")[1:]


class Connection:
    """What a scenario writes to: one client connection, with the server's state beside it."""

    def __init__(self, server, sock):
        self.server, self.sock = server, sock

    def send(self, data):
        self.sock.sendall(data)

    def respond(self, status, headers=(), body=b"", close=False):
        """A response head from (name, value) pairs (str or raw bytes), then the body: bytes, or
        (length, chunks) for one generated while it is sent."""
        length, chunks = (len(body), [body]) if isinstance(body, bytes) else body
        head = [f"HTTP/1.1 {status} {REASONS.get(status, 'Hostile')}".encode()]
        for name, value in headers:
            head.append(name.encode() + b": " + (value if isinstance(value, bytes) else value.encode("latin-1")))
        head.append(f"Content-Length: {length}".encode())
        if close:
            head.append(b"Connection: close")
        self.send(b"\r\n".join(head) + b"\r\n\r\n")
        for chunk in chunks:
            self.send(chunk)
        return not close

    def stall(self):
        """Holds the connection without a byte more, until stop() or STALL_SECONDS."""
        self.server.stopping.wait(STALL_SECONDS)
        return False


REASONS = {200: "OK", 302: "Found", 401: "Unauthorized", 407: "Proxy Authentication Required"}


def generated(length):
    """A body of `length` bytes as pieces of CHUNK, made while they are sent."""
    def pieces():
        left = length
        while left > 0:
            yield CHUNK[:left]
            left -= len(CHUNK)
    return length, pieces()


def generated_digest(length, algorithm):
    """H(body) of generated(length), computed piece by piece."""
    h = hashlib.new(HASHES[algorithm])
    for piece in generated(length)[1]:
        h.update(piece)
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------
# Digest (RFC 7616) as a server checks it: the client's answer and the rspauth proving the server.

HASHES = {"MD5": "md5", "SHA-256": "sha256"}


def H(algorithm, text):
    return hashlib.new(HASHES[algorithm], text.encode("latin-1")).hexdigest()


def auth_params(value):
    """The parameters of an Authorization value (quoted-pairs resolved)."""
    pairs = re.findall(r'([\w-]+)=(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))', value.partition(" ")[2])
    return {name.lower(): re.sub(r"\\(.)", r"\1", quoted) if quoted or not token else token
            for name, quoted, token in pairs}


def digest_hashes(p, method, body_hash):
    algorithm = p.get("algorithm", "MD5")
    ha1 = H(algorithm, f"{p.get('username', '')}:{p.get('realm', '')}:{PASSWORD}")
    a2 = f"{method}:{p.get('uri', '')}" + (f":{body_hash}" if p.get("qop") == "auth-int" else "")
    return algorithm, ha1, a2


def digest_ok(request, algorithm="SHA-256"):
    """The request's Digest answer is right for USER and PASSWORD (qop auth or auth-int, with
    the request's empty body), with the uri of its request line."""
    value = request.header("Authorization") or ""
    if not value.startswith("Digest "):
        return False
    p = auth_params(value)
    if p.get("algorithm", "MD5") != algorithm or p.get("username") != USER or p.get("uri") != request.target:
        return False
    algorithm, ha1, a2 = digest_hashes(p, request.method, H(algorithm, ""))
    expected = H(algorithm, f"{ha1}:{p.get('nonce')}:{p.get('nc')}:{p.get('cnonce')}:{p.get('qop')}:"
                            f"{H(algorithm, a2)}")
    return p.get("response") == expected


def rspauth(request, body_hash):
    """Authentication-Info for the request's Digest answer (RFC 7616 section 3.5): A2 without
    the method, H(body) of the response for auth-int."""
    p = auth_params(request.header("Authorization"))
    algorithm, ha1, a2 = digest_hashes(p, "", body_hash)
    proof = H(algorithm, f"{ha1}:{p['nonce']}:{p['nc']}:{p['cnonce']}:{p['qop']}:{H(algorithm, a2)}")
    return f'rspauth="{proof}", qop={p["qop"]}, nc={p["nc"]}, cnonce="{p["cnonce"]}"'


def basic_ok(request, user=USER, password=PASSWORD, header="Authorization"):
    value = request.header(header) or ""
    return value == "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def digest_challenge(realm=REALM, nonce="n0nce", qop="auth", algorithm="SHA-256", stale=False):
    return (f'Digest realm="{realm}", nonce="{nonce}", qop="{qop}", algorithm={algorithm}' +
            (", stale=true" if stale else ""))


def next_count(conn, name):
    with conn.server.lock:
        conn.server.counts[name] = conn.server.counts.get(name, 0) + 1
        return conn.server.counts[name]


# ---------------------------------------------------------------------------------------------
# The scenarios: each answers one request and says whether the connection stays open.

def digest_then_ok(conn, req, body=b"ok\n", info=False, close=False):
    """401 Digest (SHA-256, qop=auth) until a right answer, then 200 (with rspauth when `info`)."""
    if not digest_ok(req):
        return conn.respond(401, [("WWW-Authenticate", digest_challenge())], b"unauthorized\n", close)
    extra = [("Authentication-Info", rspauth(req, ""))] if info else []
    return conn.respond(200, extra, body, close)


def huge_challenge_value(conn, req):
    """One WWW-Authenticate line of 1 MiB (a nonce that long), or with ?folded=1 the same MiB
    in obs-folded lines of 16 KiB (RFC 9112 section 5.2), each below libcurl's line limit."""
    if req.query.get("folded"):
        value = "Digest realm=\"hostile\", " + ",\r\n ".join(f'p{i}="{"x" * 16380}"' for i in range(64))
    else:
        value = f'Digest realm="hostile", nonce="{"n" * (1 << 20)}", qop="auth"'
    return conn.respond(401, [("WWW-Authenticate", value)])


def many_challenge_lines(conn, req):
    """10,000 WWW-Authenticate lines, every one an answerable Digest challenge (over libcurl's
    300 KiB of response head); with ?short=1 one such line, then 9,999 lines `Basic` (250 KB)."""
    if req.query.get("short"):
        return conn.respond(401, [("WWW-Authenticate", digest_challenge())] + [("WWW-Authenticate", "Basic")] * 9999)
    return conn.respond(401, [("WWW-Authenticate", f'Digest realm="r", nonce="{i}"') for i in range(10000)])


def huge_nonce(conn, req):
    """A Digest challenge whose nonce is 100 KB: within libcurl's 100 KiB line, beyond the
    authenticator's storage. With ?next=1 the nonce is short, and a right answer gets 200 with
    a nextnonce of 100 KB in Authentication-Info."""
    if not req.query.get("next"):
        return conn.respond(401, [("WWW-Authenticate", digest_challenge(nonce="n" * 100000))])
    if not digest_ok(req):
        return conn.respond(401, [("WWW-Authenticate", digest_challenge())])
    return conn.respond(200, [("Authentication-Info", rspauth(req, "") + f', nextnonce="{"n" * 100000}"')], b"ok\n")


def stale_same_nonce(conn, req):
    """Every answer is met by stale=true with the nonce just answered."""
    return conn.respond(401, [("WWW-Authenticate", digest_challenge(stale=req.header("Authorization") is not None))])


def stale_new_nonce(conn, req):
    """Every answer is met by stale=true with a new nonce, endlessly."""
    n = next_count(conn, "stale_new_nonce")
    stale = req.header("Authorization") is not None
    return conn.respond(401, [("WWW-Authenticate", digest_challenge(nonce=f"nonce-{n}", stale=stale))])


def realm_changes(conn, req):
    """A new realm (and nonce) on every 401; ?scheme=basic asks Basic."""
    n = next_count(conn, "realm_changes")
    if req.query.get("scheme") == "basic":
        return conn.respond(401, [("WWW-Authenticate", f'Basic realm="hostile {n}"')])
    return conn.respond(401, [("WWW-Authenticate", digest_challenge(realm=f"hostile {n}", nonce=f"nonce-{n}"))])


def redirect(conn, req):
    """Asks Digest; a right answer is redirected to ?to=URL (302)."""
    if not digest_ok(req):
        return conn.respond(401, [("WWW-Authenticate", digest_challenge())])
    return conn.respond(302, [("Location", req.query.get("to", "/"))])


def redirect_loop(conn, req):
    """Asks Digest; every right answer is redirected to the same path again, endlessly."""
    if not digest_ok(req):
        return conn.respond(401, [("WWW-Authenticate", digest_challenge())])
    return conn.respond(302, [("Location", f"/redirect_loop/?n={next_count(conn, 'redirect_loop')}")])


def protected(conn, req):
    """The redirect's target: Digest, then 200."""
    return digest_then_ok(conn, req)


def basic_plain_http(conn, req):
    """Basic over http: 200 for the right password."""
    if basic_ok(req):
        return conn.respond(200, [], b"ok\n")
    return conn.respond(401, [("WWW-Authenticate", f'Basic realm="{REALM}"')])


def downgrade(conn, req):
    """Digest first; a Digest answer is met by a Basic-only 401; Basic with the password: 200."""
    if basic_ok(req):
        return conn.respond(200, [], b"ok\n")
    if (req.header("Authorization") or "").startswith("Digest "):
        return conn.respond(401, [("WWW-Authenticate", f'Basic realm="{REALM}"')])
    return conn.respond(401, [("WWW-Authenticate", digest_challenge())])


def origin_407(conn, req):
    """An origin that answers 407 as if it were a proxy; with ?after=1, only to a Digest answer."""
    if req.query.get("after") and not req.header("Authorization"):
        return conn.respond(401, [("WWW-Authenticate", digest_challenge())])
    return conn.respond(407, [("Proxy-Authenticate", 'Basic realm="not a proxy"'),
                              ("Proxy-Authenticate", digest_challenge(realm="not a proxy"))])


def huge_401_body(conn, req):
    """A 401 whose body is ?mib= MiB (300 by default), generated while it is sent."""
    if digest_ok(req):
        return conn.respond(200, [], b"ok\n")
    size = int(req.query.get("mib", "300")) << 20
    return conn.respond(401, [("WWW-Authenticate", digest_challenge())], generated(size))


def auth_int_body(conn, req):
    """Digest with qop=auth-int; a right answer gets ?size= bytes of body and, unless ?info=0, an
    Authentication-Info whose rspauth is right for that whole body."""
    if not digest_ok(req):
        return conn.respond(401, [("WWW-Authenticate", digest_challenge(qop="auth-int"))])
    size = int(req.query.get("size", "1000"))
    proof = ("Authentication-Info", rspauth(req, generated_digest(size, "SHA-256")))
    return conn.respond(200, [] if req.query.get("info") == "0" else [proof], generated(size))


def rspauth_closing(conn, req):
    """Digest, then 200 with a right rspauth; every response closes the connection (through a
    proxy, every request opens a new CONNECT)."""
    return digest_then_ok(conn, req, info=True, close=True)


# Header lines a request must never carry when a challenge held them (the injection scenario).
INJECTED = b"X-Injected"
INJECTION_LINES = {
    # A bare CR, a NUL, a raw ESC and a BEL inside quoted values: framing and control bytes that
    # a client must neither send back nor print.
    "cr": b'WWW-Authenticate: Digest realm="cr\rX-Injected: 1", nonce="cr", qop="auth", algorithm=SHA-256',
    "nul": b'WWW-Authenticate: Digest realm="nul\x00X-Injected: 1", nonce="nul", qop="auth", algorithm=SHA-256',
    "esc": b'WWW-Authenticate: Digest realm="\x1b]0;pwned\x07\x1b[2J", nonce="esc", qop="auth", algorithm=SHA-256',
    # A folded line (RFC 9112 section 5.2) whose continuation looks like a header of its own.
    "fold": b'WWW-Authenticate: Digest realm="fold", nonce="fold",\r\n X-Injected: 1, qop="auth", algorithm=SHA-256',
}
# Legal bytes that are hostile to a terminal: C1 controls as UTF-8 (U+009B, CSI) and raw (0x9B,
# obs-text), a bidi override (U+202E), quoted-pairs, text spelling CR LF and a header.
TERMINAL_REALM = b'\xc2\x9b31m \xe2\x80\xaeevil\xe2\x80\xac \x9b2J \\"q\\\\'
TERMINAL_LINE = (b'WWW-Authenticate: Digest realm="' + TERMINAL_REALM + b'", nonce="n\\"%0d%0a\\r\\n",'
                 b' opaque="\\r\\nX-Injected: 1", qop="auth", algorithm=SHA-256')


def injection(conn, req):
    """?lines=cr,nul,esc,fold,terminal: the 401's WWW-Authenticate lines, as raw bytes. A right
    Digest answer to any of them gets 200."""
    if digest_ok(req):
        return conn.respond(200, [], b"ok\n")
    lines = [INJECTION_LINES.get(name, TERMINAL_LINE) for name in req.query.get("lines", "terminal").split(",")]
    head = b"HTTP/1.1 401 Unauthorized\r\n" + b"".join(line + b"\r\n" for line in lines)
    conn.send(head + b"Content-Length: 0\r\n\r\n")
    return True


def stall_silent(conn, req):
    """Reads the request and never answers."""
    return conn.stall()


def stall_partial_head(conn, req):
    """Sends part of a 401 head, then nothing."""
    conn.send(b'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm="hostile", nonce=')
    return conn.stall()


def stall_trickle(conn, req):
    """A 401 head one byte every 0.2 s, never finished."""
    for byte in b'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Digest realm="' + b"x" * 1000:
        if conn.server.stopping.wait(0.2):
            break
        conn.send(bytes([byte]))
    return False


def stall_after_answer(conn, req):
    """A 401 at once; the answer is never answered."""
    if req.header("Authorization"):
        return conn.stall()
    return conn.respond(401, [("WWW-Authenticate", digest_challenge())])


SCENARIOS = {f.__name__: f for f in (
    huge_challenge_value, many_challenge_lines, huge_nonce, stale_same_nonce, stale_new_nonce, realm_changes,
    redirect, redirect_loop, protected, basic_plain_http, downgrade, origin_407, huge_401_body, auth_int_body,
    rspauth_closing, injection, stall_silent, stall_partial_head, stall_trickle, stall_after_answer)}


# ---------------------------------------------------------------------------------------------
# CONNECT (RFC 9110 section 9.3.6): a tunnel to a port on 127.0.0.1, with a reply head a test
# chooses, and proxy credentials demanded when asked for.

# Header lines a CONNECT reply carries beside its status: the origin's fields, as a proxy should
# never send them, which a client must not read as the origin's.
CONNECT_HOSTILE = [("WWW-Authenticate", 'Basic realm="the proxy, not the origin"'),
                   ("WWW-Authenticate", digest_challenge(realm="the proxy, not the origin", nonce="proxy-nonce")),
                   ("Authentication-Info", 'rspauth="0123456789abcdef", nextnonce="proxy-nonce"')]


def tunnel(conn, req, reply_headers, proxy_auth):
    host, _, port = req.target.rpartition(":")
    if host not in ("127.0.0.1", "localhost") or not port.isdigit():
        return conn.respond(403, [], b"loopback only\n", close=True)
    if proxy_auth and not basic_ok(req, PROXY_USER, PROXY_PASSWORD, "Proxy-Authorization"):
        return conn.respond(407, [("Proxy-Authenticate", 'Basic realm="hostile proxy"')] + reply_headers, close=True)
    try:
        upstream = socket.create_connection(("127.0.0.1", int(port)), timeout=SEND_WAIT_SECONDS)
    except OSError:
        return conn.respond(502, [], close=True)
    head = [b"HTTP/1.1 200 Connection established"]
    head += [name.encode() + b": " + value.encode("latin-1") for name, value in reply_headers]
    conn.send(b"\r\n".join(head) + b"\r\n\r\n")
    with upstream:
        pump(conn.server, conn.sock, upstream)
    return False


def pump(server, a, b):
    """Bytes both ways until either side closes, stop() or TUNNEL_IDLE_SECONDS of silence."""
    idle_since = time.monotonic()
    while not server.stopping.is_set() and time.monotonic() - idle_since < TUNNEL_IDLE_SECONDS:
        readable, _, _ = select.select([a, b], [], [], 0.2)
        for source in readable:
            data = source.recv(65536)
            if not data:
                return
            (b if source is a else a).sendall(data)
            idle_since = time.monotonic()


# ---------------------------------------------------------------------------------------------

class HostileServer:
    """The server on a free port of 127.0.0.1, in threads of this process, for a with block.
    `scenario`: one scenario for every path; `tls`: (certificate, key) files for https;
    `connect_headers` and `proxy_auth`: how CONNECT is answered (a proxy asking Basic)."""

    def __init__(self, scenario=None, tls=None, connect_headers=(), proxy_auth=False):
        self.scenario, self.connect_headers, self.proxy_auth = scenario, list(connect_headers), proxy_auth
        self.context = None
        if tls:
            self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.context.load_cert_chain(*tls)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        self.counts, self.log, self.threads, self.sockets = {}, [], [], []
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(16)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]

    def url(self, path, host="127.0.0.1"):
        return f"{'https' if self.context else 'http'}://{host}:{self.port}{path}"

    def requests(self, prefix=""):
        """The requests received so far whose target starts with `prefix`."""
        with self.lock:
            return [r for r in self.log if r.target.startswith(prefix)]

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        thread = threading.Thread(target=self.accept_loop, daemon=True)
        thread.start()
        self.threads.append(thread)

    def stop(self):
        self.stopping.set()
        for thread in list(self.threads):
            thread.join(SEND_WAIT_SECONDS)
        self.listener.close()
        with self.lock:
            for s in self.sockets:
                s.close()

    def accept_loop(self):
        number = 0
        while not self.stopping.is_set():
            try:
                sock, _ = self.listener.accept()
            except (socket.timeout, OSError):
                continue
            number += 1
            with self.lock:
                self.sockets.append(sock)
            thread = threading.Thread(target=self.serve, args=(sock, number), daemon=True)
            thread.start()
            self.threads.append(thread)

    def serve(self, sock, number):
        try:
            sock.settimeout(SEND_WAIT_SECONDS)
            if self.context:
                sock = self.context.wrap_socket(sock, server_side=True)
                with self.lock:
                    self.sockets.append(sock)
            while not self.stopping.is_set():
                raw = self.read_head(sock)
                if raw is None:
                    break
                request = Request(raw, number, self.context is not None)
                with self.lock:
                    self.log.append(request)
                if not self.answer(Connection(self, sock), request):
                    break
        except (OSError, ssl.SSLError):
            pass
        finally:
            sock.close()

    def read_head(self, sock):
        """The bytes up to the blank line; None when the client closes, stalls or sends too much."""
        data = b""
        deadline = time.monotonic() + HEAD_WAIT_SECONDS
        while b"\r\n\r\n" not in data:
            if self.stopping.is_set() or time.monotonic() > deadline or len(data) > MAX_HEAD_BYTES:
                return None
            pending = isinstance(sock, ssl.SSLSocket) and sock.pending()
            if not pending and not select.select([sock], [], [], 0.2)[0]:
                continue
            chunk = sock.recv(65536)
            if not chunk:
                return None
            data += chunk
        return data[:data.index(b"\r\n\r\n")]

    def answer(self, conn, request):
        if request.method == "CONNECT":
            return tunnel(conn, request, self.connect_headers, self.proxy_auth)
        name = self.scenario or request.path.strip("/").split("/")[0]
        handler = SCENARIOS.get(name)
        if handler is None:
            return conn.respond(404, [], f"no scenario {name!r}\n".encode(), close=True)
        return handler(conn, request)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scenario", choices=sorted(SCENARIOS))
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    args = parser.parse_args()
    with HostileServer(args.scenario, args.tls) as server:
        print(f"listening on 127.0.0.1:{server.port}", flush=True)
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
