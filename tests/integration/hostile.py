#!/usr/bin/env python3
"""wwwauth-curl against a hostile server (hostile_server.py, on 127.0.0.1): what a client must
survive and refuse. Each case starts the server (and, for https, a CONNECT proxy of the same
kind) in this process, runs wwwauth-curl against it, and asserts from wwwauth-curl's exit status
and output and from the requests the server logged:
  * every run ends by itself (killed and failed after TOOL_TIMEOUT_SECONDS), within MAX_RSS_MIB
    of memory (the child's own peak, from wait4), with 8 requests at most;
  * everything it prints passes the tools' escaping rule (wwwauth_tools/escape.hpp): valid
    UTF-8, no control byte but LF, no C1 control, no bidi control;
  * every request head it sent is made of well-formed header lines, only the ones a GET carries.
Each run prints its time and peak memory ("measured:").

    hostile.py CASE --tool PATH/TO/wwwauth-curl

Not covered: a 407 relayed by a forward proxy (http through --proxy) is the proxy's by the
protocol, whoever wrote it; only through a CONNECT tunnel can a client tell the origin's 407 from
the proxy's, and that is tested (origin_407).
A missing wwwauth-curl or openssl skips (exit 77) locally and fails when CI=true.
"""
import base64
import os
import re
import signal
import subprocess
import sys
import time

import runner
from hostile_server import CONNECT_HOSTILE, INJECTED, REALM, TERMINAL_REALM, HostileServer, auth_params
from servers import COMMAND_TIMEOUT_SECONDS, PASSWORD, PROXY_PASSWORD, PROXY_USER, USER, need_binary

TOOL_TIMEOUT_SECONDS = 60
MAX_RSS_MIB = 64  # libcurl, OpenSSL and the 1 MiB of body kept fit in about 15
MAX_REQUESTS = 8  # wwwauth-curl --help: 8 requests in all
SHORT_MAX_TIME = 2  # --max-time for the stalling servers

USER_ARGS = ["--user", f"{USER}:{PASSWORD}"]
# The header lines a GET from wwwauth-curl may carry; a header line is a token, ": ", then
# field-vchars and spaces (RFC 9110 section 5.5), nothing that ends a line or a string.
ALLOWED_HEADERS = {"host", "accept", "authorization", "proxy-authorization", "user-agent", "proxy-connection"}
HEADER_LINE = re.compile(rb"^[!#$%&'*+.^_`|~0-9A-Za-z-]+: [\t\x20-\x7e\x80-\xff]*$")
BIDI = {0x061C, 0x200E, 0x200F} | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))


def unsafe_to_print(data):
    """What in `data` the escaping rule would have escaped, or None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"not UTF-8 at byte {e.start}"
    for i, ch in enumerate(text):
        cp = ord(ch)
        if (cp < 0x20 and ch != "\n") or cp == 0x7F or 0x80 <= cp <= 0x9F or cp in BIDI:
            return f"U+{cp:04X} at character {i}"
    return None


def malformed_head(request):
    """Why a logged request head is not what wwwauth-curl may send, or None."""
    for line in request.header_lines():
        if not HEADER_LINE.match(line):
            return f"malformed header line {line!r}"
        if line.split(b":", 1)[0].decode().lower() not in ALLOWED_HEADERS:
            return f"unexpected header {line[:60]!r}"
    return None


class Result:
    def __init__(self, rc, out, err, seconds, rss_kib):
        self.rc, self.out, self.err, self.seconds, self.rss_kib = rc, out, err, seconds, rss_kib
        self.text = (out + err).decode("utf-8", errors="replace")


class Checks(runner.Checks):
    def tool(self, what, args, rc, contains=(), absent=(), timeout=TOOL_TIMEOUT_SECONDS):
        """wwwauth-curl ARGS must exit with rc and print `contains` (stdout or stderr), not
        `absent`, end within the timeout and MAX_RSS_MIB, and print only what is safe."""
        r = self.measure([self.args.tool] + args, timeout)
        print(f"     measured: {r.seconds:.2f} s, max RSS {r.rss_kib / 1024:.1f} MiB")
        unsafe = unsafe_to_print(r.out) or unsafe_to_print(r.err)
        missing = [s for s in contains if s not in r.text]
        present = [s for s in absent if s in r.text]
        self.expect(r.rc == rc and not missing and not present,
                    f"{what}: exit {rc}" + (f", prints {contains}" if contains else "") +
                    (f" (got exit {r.rc}; missing {missing}; present {present})" if r.rc != rc or missing or present
                     else ""), r.text[-6000:])
        self.expect(r.rss_kib < MAX_RSS_MIB * 1024, f"{what}: max RSS {r.rss_kib // 1024} MiB < {MAX_RSS_MIB} MiB")
        self.expect(unsafe is None, f"{what}: the output is safe to print ({unsafe or 'all escaped'})")
        return r

    def measure(self, argv, timeout):
        """Runs argv to its end (killed after `timeout`): exit status, output, seconds and the
        child's own peak RSS (wait4's rusage, in KiB)."""
        out_path, err_path = os.path.join(self.folder, "stdout"), os.path.join(self.folder, "stderr")
        start = time.monotonic()
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            p = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        deadline, status, usage = start + timeout, None, None
        while status is None:
            pid, st, ru = os.wait4(p.pid, os.WNOHANG)
            if pid:
                status, usage = st, ru
            elif time.monotonic() > deadline:
                os.kill(p.pid, signal.SIGKILL)
                _, status, usage = os.wait4(p.pid, 0)
                print(f"     killed after {timeout} s")
            else:
                time.sleep(0.02)
        p.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        with open(out_path, "rb") as out, open(err_path, "rb") as err:
            return Result(p.returncode, out.read(), err.read(), time.monotonic() - start, usage.ru_maxrss)

    def requests(self, server, prefix, count, what, authorized=None):
        """The server logged exactly `count` requests under `prefix`, all well-formed; with
        `authorized`, the number of them that carried Authorization."""
        logged = server.requests(prefix)
        shown = "\n".join(repr(r.raw) for r in logged)
        self.expect(len(logged) == count and count <= MAX_REQUESTS, f"{what}: {count} request(s) at the server "
                    f"(got {len(logged)})", shown)
        bad = [m for m in map(malformed_head, logged) if m]
        self.expect(not bad, f"{what}: every request head well-formed", "\n".join(bad))
        if authorized is not None:
            got = sum(1 for r in logged if r.header("Authorization") is not None)
            self.expect(got == authorized, f"{what}: {authorized} of them with Authorization (got {got})", shown)
        return logged


def tls_files(c):
    """A self-signed certificate for 127.0.0.1, made by openssl."""
    openssl = need_binary("openssl", "openssl")
    cert, key = os.path.join(c.folder, "cert.pem"), os.path.join(c.folder, "key.pem")
    subprocess.run([openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True,
                   timeout=COMMAND_TIMEOUT_SECONDS)
    return cert, key


# ---------------------------------------------------------------------------------------------
# Size: bounded time and memory, a clear message, exit 1, nothing answered.

def case_huge_challenge_value(c):
    with HostileServer() as s:
        for query, what, says in (
                ("", "a WWW-Authenticate line of 1 MiB",
                 "transfer failed: Out of memory (a response header line over libcurl's 100 KiB?)"),
                ("?folded=1", "1 MiB of WWW-Authenticate in folded lines", "(Too large response headers:")):
            c.tool(what, [s.url("/huge_challenge_value/" + query)] + USER_ARGS, 1, [says, "final status: 0"])
        c.requests(s, "/huge_challenge_value/", 2, "never answered", authorized=0)


def case_many_challenge_lines(c):
    with HostileServer() as s:
        c.tool("10,000 challenge lines beyond libcurl's 300 KiB head", [s.url("/many_challenge_lines/")] + USER_ARGS,
               1, ["(Too large response headers:", "final status: 0"])
        c.tool("10,000 challenge lines within it", [s.url("/many_challenge_lines/?short=1"), "-v"] + USER_ARGS, 1,
               ["< 401: 10000 WWW-Authenticate field(s), more than the 16 read",
                "cannot answer: more field lines than the authenticator reads", "(more header lines not shown)",
                "final status: 401"], ["answering"])
        c.requests(s, "/many_challenge_lines/", 2, "never answered", authorized=0)


def case_huge_nonce(c):
    with HostileServer() as s:
        c.tool("a nonce of 100 KB", [s.url("/huge_nonce/")] + USER_ARGS, 1,
               ["nnnn... (100000 bytes)", "cannot answer: the challenge's realm, nonce and opaque exceed the "
                "authenticator's storage", "final status: 401"], ["answering"])
        c.requests(s, "/huge_nonce/", 1, "never answered", authorized=0)
        c.tool("a nextnonce of 100 KB", [s.url("/huge_nonce/?next=1")] + USER_ARGS, 0,
               ["rspauth: verified", "nextnonce not kept: the challenge's realm, nonce and opaque exceed the "
                "authenticator's storage; the old nonce serves on", "final status: 200"])
        c.requests(s, "/huge_nonce/?next=1", 2, "the nextnonce: one answer", authorized=1)


# ---------------------------------------------------------------------------------------------
# Loops: bounded rounds, a clear verdict.

def case_stale_same_nonce(c):
    with HostileServer() as s:
        c.tool("stale=true for the nonce just answered", [s.url("/stale_same_nonce/")] + USER_ARGS, 1,
               ["cannot answer: stale=true again right after a stale retry: not retried", "final status: 401"],
               ["stale nonce: answering once more"])
        c.requests(s, "/stale_same_nonce/", 2, "one answer, no retry for the same nonce", authorized=1)


def case_stale_new_nonce(c):
    with HostileServer() as s:
        r = c.tool("stale=true with a new nonce, endlessly", [s.url("/stale_new_nonce/")] + USER_ARGS, 1,
                   ["stale nonce: answering once more", "cannot answer: stale=true again", "final status: 401"])
        c.expect(r.text.count("stale nonce: answering once more") == 1, "one stale retry, not two")
        logged = c.requests(s, "/stale_new_nonce/", 3, "the answer and one stale retry", authorized=2)
        nonces = [auth_params(q.header("Authorization")).get("nonce") for q in logged[1:]]
        c.expect(nonces == ["nonce-1", "nonce-2"], f"each nonce answered once ({nonces})")


def case_realm_changes(c):
    with HostileServer() as s:
        c.tool("a new Digest realm on every 401", [s.url("/realm_changes/")] + USER_ARGS, 1,
               ["credentials rejected: the server asks for another realm", "final status: 401"])
        c.requests(s, "/realm_changes/", 2, "one answer, for the first realm", authorized=1)
        c.tool("a new Basic realm on every 401", [s.url("/realm_changes/?scheme=basic"), "--basic"] + USER_ARGS, 1,
               ["credentials rejected: the server asks for another realm", "final status: 401"])
        c.requests(s, "/realm_changes/?scheme=basic", 2, "one Basic answer", authorized=1)


def case_redirect_loop(c):
    with HostileServer() as s:
        c.tool("an answer redirected to itself, endlessly", [s.url("/redirect_loop/"), "-L"] + USER_ARGS, 1,
               ["more than 5 redirects", "final status: 302"])
        c.requests(s, "/redirect_loop/", 7, "the first request, the answer, five redirects", authorized=6)


# ---------------------------------------------------------------------------------------------
# Credentials only where they belong.

def case_redirect_other_origin(c):
    with HostileServer() as a, HostileServer() as b:
        to_b = a.url("/redirect/?to=" + b.url("/protected/"))
        c.tool("-L to another port", [to_b, "-L"] + USER_ARGS, 1,
               ["another origin: credentials are not sent there (--location-trusted to send them)",
                "nothing to answer: no credentials were given", "final status: 401"])
        c.requests(b, "/protected/", 1, "-L: the other origin", authorized=0)
        c.tool("--location-trusted to another port", [to_b, "--location-trusted"] + USER_ARGS, 0,
               ["answering [0] Digest", "final status: 200"])
        c.requests(b, "/protected/", 3, "--location-trusted: the other origin answered once more", authorized=1)
        c.tool("without -L", [to_b] + USER_ARGS, 1, ["final status: 302"], ["redirect to"])
        c.requests(b, "/protected/", 3, "without -L: nothing more at the other origin")
        to_localhost = a.url("/redirect/?to=" + a.url("/protected/", host="localhost"))
        c.tool("-L to another host name, same port", [to_localhost, "-L"] + USER_ARGS, 1,
               ["another origin: credentials are not sent there", "final status: 401"])
        c.requests(a, "/protected/", 1, "-L: localhost for 127.0.0.1", authorized=0)
        # The control: within the origin, the credentials go on, so their absence above is the rule's.
        c.tool("-L within the origin", [a.url("/redirect/?to=/protected/"), "-L"] + USER_ARGS, 0,
               ["final status: 200"], ["another origin"])
        c.requests(a, "/protected/", 2, "-L within the origin: Authorization at once", authorized=1)


def case_basic_plain_http(c):
    with HostileServer() as s:
        url = s.url("/basic_plain_http/")
        c.tool("Basic over http without --basic", [url] + USER_ARGS, 1,
               ["Basic over plain http needs --basic", "final status: 401"], ["answering", "warning"])
        c.requests(s, "/basic_plain_http/", 1, "without --basic: the password never sent", authorized=0)
        r = c.tool("Basic over http with --basic", [url, "--basic"] + USER_ARGS, 0,
                   ["answering [0] Basic", "final status: 200"])
        c.expect(b"warning: sending the server password over plain http" in r.err, "with --basic: warned on stderr")
        logged = c.requests(s, "/basic_plain_http/", 3, "with --basic: one answer", authorized=1)
        sent = base64.b64decode(logged[-1].header("Authorization").split(" ", 1)[1]).decode()
        c.expect(sent == f"{USER}:{PASSWORD}", "with --basic: the password sent is the one given")


def case_downgrade(c):
    with HostileServer() as s:
        url = s.url("/downgrade/")
        c.tool("Digest answered, then Basic only", [url, "--basic"] + USER_ARGS, 1,
               ["cannot answer: the scheme answered is no longer offered; the others are weaker "
                "(--allow-downgrade to answer anyway)", "final status: 401"])
        logged = c.requests(s, "/downgrade/", 2, "refused: only the Digest answer", authorized=1)
        c.expect(all(not (r.header("Authorization") or "").startswith("Basic") for r in logged), "no Basic sent")
        c.tool("with --allow-downgrade (and --basic)", [url, "--basic", "--allow-downgrade"] + USER_ARGS, 0,
               ["answering [0] Basic", "final status: 200"])
        logged = c.requests(s, "/downgrade/", 5, "allowed: Digest, then Basic", authorized=3)
        c.expect(logged[-1].header("Authorization").startswith("Basic "), "the last answer is Basic")
        c.tool("--allow-downgrade without --basic over http", [url, "--allow-downgrade"] + USER_ARGS, 1,
               ["Basic over plain http needs --basic", "final status: 401"])
        c.requests(s, "/downgrade/", 7, "no Basic over http without --basic", authorized=4)


def case_origin_407(c):
    """A 407 that no configured proxy sent: not answered, and the proxy password never leaves."""
    with HostileServer() as s:
        c.tool("407 without --proxy", [s.url("/origin_407/")] + USER_ARGS, 1,
               ["< 407 without a configured proxy: not answered", "final status: 407"])
        c.tool("407 without --proxy, after an answer", [s.url("/origin_407/?after=1")] + USER_ARGS, 1,
               ["answering [0] Digest", "< 407 without a configured proxy: not answered", "final status: 407"])
        logged = c.requests(s, "/origin_407/", 3, "direct", authorized=1)
        c.expect(not any(r.header("Proxy-Authorization") for r in logged), "direct: no Proxy-Authorization")
    cert, key = tls_files(c)
    with HostileServer(tls=(cert, key)) as origin, HostileServer() as proxy:
        args = [origin.url("/origin_407/"), "--cacert", cert, "--proxy", proxy.url(""), "--proxy-user",
                f"{PROXY_USER}:{PROXY_PASSWORD}", "--proxy-basic"] + USER_ARGS
        c.tool("407 from the origin inside a CONNECT tunnel", args, 1,
               ["< 407 from inside the tunnel, not from the proxy: not answered", "final status: 407"])
        logged = c.requests(origin, "/origin_407/", 1, "the origin, through the tunnel", authorized=0)
        c.expect(not any(r.header("Proxy-Authorization") for r in logged), "the origin saw no Proxy-Authorization")
        connects = proxy.requests()
        c.expect(len(connects) == 1 and connects[0].method == "CONNECT" and
                 connects[0].header("Proxy-Authorization") is None, "the proxy: one CONNECT, no credentials unasked",
                 "\n".join(repr(r.raw) for r in connects))


# ---------------------------------------------------------------------------------------------
# Bodies.

def case_huge_401_body(c):
    with HostileServer() as s:
        c.tool("a 401 with a body of 300 MiB", [s.url("/huge_401_body/?mib=300")] + USER_ARGS, 0,
               ["answering [0] Digest", "final status: 200"])
        c.requests(s, "/huge_401_body/", 2, "answered once", authorized=1)


def case_auth_int_body(c):
    with HostileServer() as s:
        c.tool("auth-int, rspauth over 1000 bytes", [s.url("/auth_int_body/?size=1000")] + USER_ARGS, 0,
               ["qop=\"auth-int\"", "rspauth: verified", "final status: 200"])
        c.tool("auth-int, rspauth over 2 MiB", [s.url(f"/auth_int_body/?size={2 << 20}")] + USER_ARGS, 1,
               ["rspauth with qop=auth-int covers the whole body, which is over 1048576 bytes: not verified",
                "final status: 200"], ["rspauth does not prove", "rspauth: verified"])
        c.tool("auth-int, 2 MiB without Authentication-Info", [s.url(f"/auth_int_body/?size={2 << 20}&info=0")] +
               USER_ARGS, 0, ["final status: 200"], ["not verified", "rspauth"])
        c.requests(s, "/auth_int_body/", 6, "each answered once", authorized=3)


# ---------------------------------------------------------------------------------------------
# The proxy's CONNECT response is not the origin's.

def case_connect_headers(c):
    cert, key = tls_files(c)
    with HostileServer(tls=(cert, key)) as origin, HostileServer(connect_headers=CONNECT_HOSTILE,
                                                                 proxy_auth=True) as proxy:
        args = [origin.url("/rspauth_closing/"), "--cacert", cert, "--proxy", proxy.url(""), "--proxy-user",
                f"{PROXY_USER}:{PROXY_PASSWORD}", "--proxy-basic", "-v"] + USER_ARGS
        c.tool("CONNECT replies carrying WWW-Authenticate and Authentication-Info", args, 0,
               ["< 407", "answering [0] Basic", "(CONNECT) WWW-Authenticate: Basic realm=\"the proxy, not the origin\"",
                "< 401: 1 WWW-Authenticate field(s), 1 challenge(s)", f"[0] Digest realm=\"{REALM}\"",
                "answering [0] Digest", "rspauth: verified", "final status: 200"])
        logged = c.requests(origin, "/rspauth_closing/", 2, "the origin: its challenge, then one answer",
                            authorized=1)
        p = auth_params(logged[-1].header("Authorization"))
        c.expect((p.get("realm"), p.get("nonce")) == (REALM, "n0nce"),
                 f"the origin's own challenge answered ({p.get('realm')!r}, {p.get('nonce')!r})")
        c.expect(not any(r.header("Proxy-Authorization") for r in logged), "the origin saw no Proxy-Authorization")
        connects = proxy.requests()
        c.expect([r.method for r in connects] == ["CONNECT"] * 3 and
                 [bool(r.header("Proxy-Authorization")) for r in connects] == [False, True, True] and
                 not any(r.header("Authorization") for r in connects),
                 "the proxy: CONNECT, then CONNECT with Proxy-Authorization (twice), never Authorization",
                 "\n".join(repr(r.raw) for r in connects))


# ---------------------------------------------------------------------------------------------
# Bytes: nothing from the server reaches a request header unchecked, nothing reaches the
# terminal unescaped.

def case_header_injection(c):
    with HostileServer() as s:
        for lines, rc, says in (("cr,terminal", 0, "answering [1] Digest"),
                                ("fold,terminal", 0, "answering [2] Digest"),
                                ("nul,terminal", 1, "transfer failed: Weird server reply (Nul byte in header)"),
                                ("esc,terminal", 0, "answering [1] Digest"),
                                ("esc", 1, "cannot answer: the Digest challenge has no realm")):
            c.tool(f"challenge lines {lines}", [s.url(f"/injection/?lines={lines}"), "-v"] + USER_ARGS, rc, [says])
        logged = c.requests(s, "/injection/", 8, "a right answer wherever one challenge was clean", authorized=3)
        injected = [line for r in logged for line in r.header_lines() if line.lower().startswith(INJECTED.lower())]
        c.expect(not injected, "no request has a header line of the challenge's text", repr(injected))


def case_terminal_escapes(c):
    with HostileServer() as s:
        c.tool("a realm of C1, bidi and quoted-pairs", [s.url("/injection/?lines=terminal"), "-v"] + USER_ARGS, 0,
               ['realm="\\u009B31m \\u202Eevil\\u202C \\x9B2J \\"q\\\\"', "answering [0] Digest", "final status: 200"])
        logged = c.requests(s, "/injection/", 2, "answered once", authorized=1)
        raw = logged[-1].raw
        c.expect(b'realm="' + TERMINAL_REALM + b'"' in raw, "the realm echoed byte for byte (a quoted-string)")
        # Quoted-pairs are resolved (RFC 9110 section 5.6.4: \r is r) and the value quoted again.
        c.expect(b'nonce="n\\"%0d%0arn"' in raw and b'opaque="rnX-Injected: 1"' in raw,
                 "the nonce and opaque echoed as the values they are, on one line")


def case_stall(c):
    short = ["--max-time", str(SHORT_MAX_TIME)]
    with HostileServer() as s:
        for path, what in (("/stall_silent/", "a server that never answers"),
                           ("/stall_partial_head/", "part of a head, then nothing"),
                           ("/stall_trickle/", "a head one byte every 0.2 s"),
                           ("/stall_after_answer/", "an answer never answered")):
            r = c.tool(what, [s.url(path)] + short + USER_ARGS, 1, ["transfer failed: Timeout was reached",
                                                                    "final status: 0"])
            c.expect(r.seconds < TOOL_TIMEOUT_SECONDS, f"{what}: ended by --max-time, not killed")
        for bad in ("0", "x", "10000", "-1"):
            c.tool(f"--max-time {bad}", [s.url("/stall_silent/"), "--max-time", bad], 2, ["usage: wwwauth-curl"])
        c.tool("--help", ["--help"], 0, ["--max-time SECONDS", "30 s per request (--max-time)"])


CASES = {name[len("case_"):]: f for name, f in globals().items() if name.startswith("case_")}

if __name__ == "__main__":
    MISSING = "wwwauth-curl was not built (examples off, or libcurl4-openssl-dev missing)"
    sys.exit(runner.run(__doc__, CASES, [("--tool", MISSING)], checks=Checks))
