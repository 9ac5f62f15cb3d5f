#!/usr/bin/env python3
"""wwwauth-serve, checked by HTTP clients nobody here wrote: curl, wget, Python requests.

Each case starts wwwauth-serve on a free loopback port (--port 0, the port read from its first
line), puts a small recording relay between the client and the server, and checks:
  * the right password: 200;
  * a wrong password: 401, and no stale=true in its challenges;
  * an expired nonce: the relay holds the client's first Digest answer longer than the nonce
    lifetime, the server answers 401 with stale=true, and the client retries on its own with
    the new nonce (no second prompt: the same client run ends in 200);
  * a replayed request: the Authorization header the relay recorded, sent again with curl -H,
    is refused (401).
The project's own wwwauth-curl is checked too (right password, SHA-256).

    serve.py CASE --serve PATH/TO/wwwauth-serve [--tool PATH/TO/wwwauth-curl]

A missing program or module skips the case (exit status 77) locally and fails it when CI=true.
Standard library only (requests is the client under test, imported only by its cases); only
127.0.0.1 is used; every wait is bounded; processes are stopped by their PID.
"""
import os
import re
import socket
import subprocess
import sys
import threading
import time

import runner
from servers import COMMAND_TIMEOUT_SECONDS, STOP_WAIT_SECONDS, need_binary, stop_process, unavailable

START_WAIT_SECONDS = 10
NONCE_LIFETIME_SECONDS = 2  # whole seconds: a retry slower than 2 s would find its nonce stale too
HOLD_SECONDS = 3.5  # beyond the lifetime even when the nonce was issued late in its second

USER, PASSWORD = "alice", "correct horse"
REALM = "wwwauth-serve test"


class Serve:
    """wwwauth-serve in the foreground on a port of its choosing, stopped by PID on exit."""

    def __init__(self, binary, folder, *args):
        self.argv = [binary, "--port", "0", "--realm", REALM, "--user", f"{USER}:{PASSWORD}", *args]
        self.log_path = os.path.join(folder, "serve.log")
        self.process = None
        self.port = None

    def __enter__(self):
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=self.log, start_new_session=True)
        line = []
        reader = threading.Thread(target=lambda: line.append(self.process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(START_WAIT_SECONDS)
        match = re.match(rb"listening on 127\.0\.0\.1:(\d+)", line[0] if line else b"")
        if not match:
            self.stop()
            raise RuntimeError(f"wwwauth-serve did not start: {line!r}\n{self.server_log()}")
        self.port = int(match.group(1))
        return self

    def __exit__(self, *exc):
        self.stop()
        if exc[0] is not None:
            print(self.server_log())

    def stop(self):
        stop_process(self.process)
        self.log.close()

    def server_log(self):
        with open(self.log_path, "rb") as f:
            return "wwwauth-serve log:\n" + f.read().decode(errors="replace")


class Relay:
    """A TCP relay on a free loopback port in front of the server. It records every request
    head the client sends and every response head the server returns; with hold=True it holds
    the first request carrying Digest credentials for HOLD_SECONDS before passing it on."""

    def __init__(self, server_port, hold=False):
        self.server_port, self.hold = server_port, hold
        self.requests, self.responses = [], []
        self.held = False
        self.lock = threading.Lock()
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(8)
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.running = True
        self.thread = threading.Thread(target=self.accept_loop, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join(STOP_WAIT_SECONDS)
        self.listener.close()

    def accept_loop(self):
        while self.running:
            try:
                client, _ = self.listener.accept()
            except socket.timeout:
                continue
            upstream = socket.create_connection(("127.0.0.1", self.server_port), timeout=COMMAND_TIMEOUT_SECONDS)
            client.settimeout(COMMAND_TIMEOUT_SECONDS)
            threading.Thread(target=self.pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self.pump, args=(upstream, client, False), daemon=True).start()

    def pump(self, source, target, from_client):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                with self.lock:
                    (self.requests if from_client else self.responses).append(data)
                    hold = from_client and self.hold and not self.held and b"Authorization: Digest" in data
                    if hold:
                        self.held = True
                if hold:
                    time.sleep(HOLD_SECONDS)
                target.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, target):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def authorizations(self):
        with self.lock:
            text = b"".join(self.requests).decode("latin-1")
        return re.findall(r"^Authorization: (.*?)\r$", text, re.M)

    def challenges(self):
        with self.lock:
            text = b"".join(self.responses).decode("latin-1")
        return re.findall(r"^WWW-Authenticate: (.*?)\r$", text, re.M)

    def statuses(self):
        with self.lock:
            text = b"".join(self.responses).decode("latin-1")
        # Not anchored at a line start: a gzip body before the next response has no newline.
        return [int(s) for s in re.findall(r"HTTP/1\.[01] (\d{3}) ", text)]


def run(argv):
    return subprocess.run(argv, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS)


# --- clients: each fetches url once and returns its own verdict (exit status or status code) ---

def curl_client(flag):
    curl = need_binary("curl", "curl")

    def fetch(url, password):
        p = run([curl, "-s", "-o", "/dev/null", "-w", "%{http_code}", flag, "-u", f"{USER}:{password}", url])
        return p.stdout

    return fetch


def wget_client():
    wget = need_binary("wget", "wget")

    def fetch(url, password):
        p = run([wget, "-q", "-O", "-", "--tries=1", "--user", USER, "--password", password, url])
        return f"exit {p.returncode}"

    return fetch


def requests_client():
    try:
        import requests
        from requests.auth import HTTPDigestAuth
    except ImportError:
        unavailable("Python requests not found (Debian package: python3-requests)")
    session = requests.Session()
    auths = {}  # one HTTPDigestAuth per password: it keeps the nonce for the next request

    def fetch(url, password):
        session.auth = auths.setdefault(password, HTTPDigestAuth(USER, password))
        return str(session.get(url, timeout=COMMAND_TIMEOUT_SECONDS).status_code)

    return fetch


def wwwauth_curl_client(tool, *extra):
    if not tool or not os.access(tool, os.X_OK):
        unavailable("wwwauth-curl not built (needs libcurl4-openssl-dev)")

    def fetch(url, password):
        return f"exit {run([tool, url, '--user', f'{USER}:{password}', *extra]).returncode}"

    return fetch


# --- the checks ---

def stale_in(challenges):
    return [c for c in challenges if re.search(r"\bstale=\"?true", c, re.I)]


def check_right_and_wrong(c, serve, folder, fetch, ok, scheme):
    with Serve(serve, folder, *scheme) as s, Relay(s.port) as r:
        url = f"http://127.0.0.1:{r.port}/private"
        got = fetch(url, PASSWORD)
        c.expect(got == ok and r.statuses()[-1:] == [200], f"right password: {got}, statuses {r.statuses()}")
    with Serve(serve, folder, *scheme) as s, Relay(s.port) as r:
        url = f"http://127.0.0.1:{r.port}/private"
        got = fetch(url, "wrong password")
        c.expect(r.statuses()[-1:] == [401] and not stale_in(r.challenges()),
                 f"wrong password: 401 without stale ({got}, statuses {r.statuses()})", "\n".join(r.challenges()))
        return r.authorizations()


def check_replay(c, serve, folder, fetch, scheme):
    """A request that succeeded, sent again byte for byte, is refused: its nc was used."""
    curl = need_binary("curl", "curl")
    with Serve(serve, folder, *scheme) as s, Relay(s.port) as r:
        url = f"http://127.0.0.1:{r.port}/private"
        fetch(url, PASSWORD)
        accepted = [a for a in r.authorizations() if a.startswith("Digest ")]
        c.expect(r.statuses()[-1:] == [200] and accepted, f"replay: the original request succeeded {r.statuses()}")
        if not accepted:
            return
        direct = f"http://127.0.0.1:{s.port}/private"
        p = run([curl, "-s", "-i", "-H", f"Authorization: {accepted[-1]}", direct])
        status = p.stdout.split(" ", 2)[1] if p.stdout.startswith("HTTP/") else p.stdout[:40]
        c.expect(status == "401" and "stale=true" not in p.stdout, f"replayed Authorization refused: {status}",
                 p.stdout)


def check_stale_held(c, serve, folder, fetch, ok, scheme, retries=True):
    """The relay holds the client's answer past the nonce lifetime: stale=true, then 200."""
    lifetime = ["--nonce-lifetime", str(NONCE_LIFETIME_SECONDS)]
    with Serve(serve, folder, *scheme, *lifetime) as s, Relay(s.port, hold=True) as r:
        got = fetch(f"http://127.0.0.1:{r.port}/private", PASSWORD)
        c.expect(len(stale_in(r.challenges())) >= 1, "expired nonce: the server answered stale=true",
                 "\n".join(r.challenges()))
        if retries:
            c.expect(got == ok and r.statuses()[-1:] == [200],
                     f"expired nonce: the client retried on its own and got 200 ({got}, statuses {r.statuses()})")
        else:
            print(f"info the client does not retry on stale=true: {got}, statuses {r.statuses()}")


def check_stale_reused(c, serve, folder, fetch, ok, scheme):
    """A client that reuses its nonce for the next request, after the nonce expired."""
    lifetime = ["--nonce-lifetime", str(NONCE_LIFETIME_SECONDS)]
    with Serve(serve, folder, *scheme, *lifetime) as s, Relay(s.port) as r:
        url = f"http://127.0.0.1:{r.port}/private"
        first = fetch(url, PASSWORD)
        time.sleep(HOLD_SECONDS)
        second = fetch(url, PASSWORD)
        c.expect(first == ok and second == ok and r.statuses()[-1:] == [200] and stale_in(r.challenges()),
                 f"expired nonce reused: stale=true, then 200 ({first}, {second}, statuses {r.statuses()})",
                 "\n".join(r.challenges()))


DIGEST = ["--scheme", "digest"]
BASIC = ["--scheme", "basic"]


def case_basic_curl(c):
    check_right_and_wrong(c, c.args.serve, c.folder, curl_client("--basic"), "200", BASIC)


def case_digest_curl(c):
    fetch = curl_client("--digest")
    # Not SHA-512-256: curl 7.88 names it but hashes with SHA-256 (so the server refuses it).
    for algorithm in ("SHA-256", "MD5", "MD5-sess", "SHA-256-sess"):
        scheme = DIGEST + ["--algorithm", algorithm]
        print(f"-- {algorithm}")
        check_right_and_wrong(c, c.args.serve, c.folder, fetch, "200", scheme)
    scheme = DIGEST + ["--algorithm", "SHA-256"]
    check_stale_held(c, c.args.serve, c.folder, fetch, "200", scheme)
    check_replay(c, c.args.serve, c.folder, fetch, scheme)


def case_anyauth_curl(c):
    # Basic offered first: curl --anyauth still takes the stronger Digest.
    fetch = curl_client("--anyauth")
    scheme = BASIC + DIGEST + ["--algorithm", "SHA-256", "--algorithm", "MD5"]
    with Serve(c.args.serve, c.folder, *scheme) as s, Relay(s.port) as r:
        fetch(f"http://127.0.0.1:{r.port}/private", PASSWORD)
        c.expect(any(x.startswith("Digest ") for x in r.authorizations()), "curl --anyauth chose Digest",
                 "\n".join(r.authorizations()))
    check_right_and_wrong(c, c.args.serve, c.folder, fetch, "200", scheme)
    check_stale_held(c, c.args.serve, c.folder, fetch, "200", scheme)
    check_replay(c, c.args.serve, c.folder, fetch, scheme)


def case_basic_wget(c):
    check_right_and_wrong(c, c.args.serve, c.folder, wget_client(), "exit 0", BASIC)


def case_digest_wget(c):
    # wget 1.21 implements MD5 only, and gives up on stale=true instead of retrying.
    fetch = wget_client()
    scheme = DIGEST + ["--algorithm", "MD5"]
    check_right_and_wrong(c, c.args.serve, c.folder, fetch, "exit 0", scheme)
    check_stale_held(c, c.args.serve, c.folder, fetch, "exit 0", scheme, retries=False)
    check_replay(c, c.args.serve, c.folder, fetch, scheme)


def case_digest_requests(c):
    # requests knows MD5, MD5-sess, SHA-256 and SHA-512 (not SHA-512-256), no other -sess.
    for algorithm in ("SHA-256", "MD5", "MD5-sess"):
        print(f"-- {algorithm}")
        scheme = DIGEST + ["--algorithm", algorithm]
        check_right_and_wrong(c, c.args.serve, c.folder, requests_client(), "200", scheme)
    scheme = DIGEST + ["--algorithm", "SHA-256"]
    # requests retries a 401 once per request: an expired nonce shows when a session reuses it.
    check_stale_reused(c, c.args.serve, c.folder, requests_client(), "200", scheme)
    check_replay(c, c.args.serve, c.folder, requests_client(), scheme)


def case_digest_wwwauth_curl(c):
    scheme = DIGEST + ["--algorithm", "SHA-256"]
    check_right_and_wrong(c, c.args.serve, c.folder, wwwauth_curl_client(c.args.tool), "exit 0", scheme)
    check_stale_held(c, c.args.serve, c.folder, wwwauth_curl_client(c.args.tool), "exit 0", scheme)
    # SHA-512-256, userhash and auth-int, which no other client here sends right.
    check_right_and_wrong(c, c.args.serve, c.folder, wwwauth_curl_client(c.args.tool), "exit 0",
                          DIGEST + ["--algorithm", "SHA-512-256", "--userhash", "--qop", "auth-int"])


def case_usage(c):
    """The command line: --help, refusals, and the default bind address."""
    p = run([c.args.serve, "--help"])
    c.expect(p.returncode == 0 and p.stdout.startswith("usage: wwwauth-serve"), f"--help exits 0 ({p.returncode})")
    for bad in (["--port", "80x", "--realm", "r", "--user", "u:p"], ["--port", "0", "--realm", "r"],
                ["--port", "0", "--realm", "r", "--user", "nocolon"],
                ["--port", "0", "--realm", "r", "--user", "u:p", "--scheme", "ntlm"],
                ["--port", "0", "--realm", "r", "--user", "u:p", "--algorithm", "SHA-1"],
                ["--port", "0", "--realm", "r", "--user", "u:p", "--qop", "auth-conf"]):
        p = run([c.args.serve, *bad])
        c.expect(p.returncode == 2 and "usage:" in p.stderr, f"refused with status 2: {' '.join(bad)}")
    with Serve(c.args.serve, c.folder) as s:  # Serve requires "listening on 127.0.0.1:PORT"
        c.expect(s.port > 0, f"--port 0 picked port {s.port} on 127.0.0.1")


CASES = {name[len("case_"):]: f for name, f in globals().items() if name.startswith("case_")}


if __name__ == "__main__":
    sys.exit(runner.run(__doc__, CASES, [("--serve", "wwwauth-serve not built (needs libcpp-httplib-dev)"),
                                         ("--tool", None)]))
