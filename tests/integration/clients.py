#!/usr/bin/env python3
"""The authenticator in three HTTP clients, against real servers.

Each case runs one of the client-library examples (wwwauth-httplib with cpp-httplib,
wwwauth-beast with Boost.Beast) against nginx, Apache httpd or lighttpd started by servers.py:
the right password reaches 200 (rspauth verified where the server sends it), a stale nonce is
retried once without asking, and a wrong password ends in "ask the user" after exactly one
answer: the server's log must show the first request and one answer (lighttpd: one refused
answer), never a second try with the same password.

    clients.py SERVER_CASE CLIENT --tool PATH/TO/CLIENT

A missing server or client skips the case with exit status 77, unless CI=true, where it fails.
"""
import subprocess
import sys

import runner
from servers import (COMMAND_TIMEOUT_SECONDS, PASSWORD, PROXY_PASSWORD, PROXY_USER, USER, Server, apache_digest_server,
                     apache_proxy_server, lighttpd_conf, nginx_server, requests_logged_since, requests_settled)


class Run(runner.Checks):
    def client(self, what, args, rc, contains=(), absent=(), server=None, requests=None):
        """The client must exit with rc and print `contains`; with `requests`, the server must have
        logged exactly that many requests (lighttpd: refused answers) during the run."""
        before = requests_settled(self.folder, server) if requests is not None else 0
        try:
            p = subprocess.run([self.args.tool] + args, capture_output=True, text=True, timeout=COMMAND_TIMEOUT_SECONDS)
            out = p.stdout + p.stderr
            ok = p.returncode == rc and all(c in out for c in contains) and not any(a in out for a in absent)
        except subprocess.TimeoutExpired:
            out, ok = "timed out", False
        if requests is not None:
            logged = requests_logged_since(self.folder, server, before, requests)
            out += "\nserver log:\n" + "\n".join(logged)
            ok = ok and len(logged) == requests
        self.expect(ok, f"{what}: exit {rc}" + (f", prints {list(contains)}" if contains else "") +
                    (f", {requests} requests at the server" if requests is not None else ""), out)


def nginx_basic(r):
    server, port = nginx_server(r.folder)
    url = f"http://127.0.0.1:{port}/basic/"
    with server:
        r.client("right password", [url, f"{USER}:{PASSWORD}"], 0, ["< 401: retry", "< 200: done"])
        r.client("wrong password", [url, f"{USER}:wrong"], 1, ["< 401: ask the user", "retry.rejected"],
                 server="nginx", requests=2)


def apache_digest(r):
    server, port = apache_digest_server(r.folder)
    url = f"http://127.0.0.1:{port}/digest/"
    with server:
        r.client("right password", [url, f"{USER}:{PASSWORD}"], 0, ["< 401: retry", "< 200: done", "rspauth: verified"])
        # Apache sends a new nonce without stale=true: RFC 7616 section 3.3 calls that a wrong password.
        r.client("wrong password", [url, f"{USER}:wrong"], 1, ["< 401: ask the user", "error retry.rejected"],
                 ["retry.stale"], server="httpd", requests=2)


def apache_digest_stale(r):
    # The nonce lives 2 s and the client waits 4 s before its first answer: Apache answers it
    # with stale=true, and the client retries once with the new nonce, without asking.
    server, port = apache_digest_server(r.folder, nonce_lifetime=2)
    url = f"http://127.0.0.1:{port}/digest/"
    with server:
        r.client("stale nonce, right password", ["--delay", "4", url, f"{USER}:{PASSWORD}"], 0,
                 ["info retry.stale", "< 200: done", "rspauth: verified"], server="httpd", requests=3)
        # Apache checks the password before the nonce's age: a wrong one is never stale.
        r.client("stale nonce, wrong password", ["--delay", "4", url, f"{USER}:wrong"], 1, ["< 401: ask the user"],
                 ["retry.stale"], server="httpd", requests=2)


def lighttpd(r, algorithm, userhash=False, user=USER):
    binary, conf, port = lighttpd_conf(r.folder, algorithm, userhash, user)
    url = f"http://127.0.0.1:{port}/private/"
    with Server("lighttpd", [binary, "-D", "-f", conf], port, r.folder):
        r.client(f"right password ({algorithm})", [url, f"{user}:{PASSWORD}"], 0, ["< 200: done"],
                 ["rspauth does not"])
        # lighttpd logs each refused answer: exactly one, never a second try.
        r.client(f"wrong password ({algorithm})", [url, f"{user}:wrong"], 1, ["< 401: ask the user"],
                 server="lighttpd", requests=1)


def apache_proxy(r, proxy_auth):
    server, port = apache_proxy_server(r.folder, proxy_auth)
    proxy = f"http://127.0.0.1:{port}"
    both = f"http://127.0.0.1:{port}/digest/"
    with server:
        r.client("proxy 407, then the server's 401", [both, f"{USER}:{PASSWORD}", "--proxy", proxy,
                                                      f"{PROXY_USER}:{PROXY_PASSWORD}"], 0,
                 ["< 407: retry", "< 401: retry", "< 200: done"])
        r.client("wrong proxy password", [both, f"{USER}:{PASSWORD}", "--proxy", proxy, f"{PROXY_USER}:wrong"], 1,
                 ["< 407: ask the user", "proxy.required"], server="httpd", requests=2)


CASES = {
    "nginx_basic": nginx_basic,
    "apache_digest_md5": apache_digest,
    "apache_digest_stale": apache_digest_stale,
    "lighttpd_digest_sha256": lambda r: lighttpd(r, "SHA-256"),
    "lighttpd_digest_sha512_256": lambda r: lighttpd(r, "SHA-512-256"),
    "lighttpd_digest_sha256_userhash": lambda r: lighttpd(r, "SHA-256", userhash=True, user="j\u00e4s\u00f8n"),
    "apache_proxy_basic": lambda r: apache_proxy(r, "Basic"),
    "apache_proxy_digest": lambda r: apache_proxy(r, "Digest"),
}


if __name__ == "__main__":
    sys.exit(runner.run(__doc__, CASES, [("--tool", lambda a: f"wwwauth-{a.client} was not built (examples off, or its "
                                                              "library missing)")],
                        [(("client",), {"choices": ("httplib", "beast")})], checks=Run))
