#!/usr/bin/env python3
"""wwwauth-explain's hints, checked on the built binary ($WWWAUTH_EXPLAIN): the JSON entries,
curl -v input in --response mode, the text output grouped per challenge, and --demo."""
import json
import os
import subprocess
import unittest

EXPLAIN = os.environ.get("WWWAUTH_EXPLAIN", "wwwauth-explain")


def run(args, stdin=b""):
    proc = subprocess.run([EXPLAIN, *args], input=stdin, capture_output=True, timeout=30)
    return proc.returncode, proc.stdout.decode("utf-8", "replace")


def codes(args, stdin=b""):
    _, out = run(["--json", *args], stdin)
    return [h["code"] for h in json.loads(out)["hints"]]


class JsonHints(unittest.TestCase):
    def test_entry_shape(self):
        _, out = run(["--json", "--response"], b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"a\"\r\n\r\n")
        (hint,) = json.loads(out)["hints"]
        self.assertEqual(hint["code"], "basic.credentials")
        self.assertEqual((hint["severity"], hint["actor"], hint["challenge"]), ("info", "user", 0))
        self.assertEqual(hint["params"], [["realm", "a"]])
        self.assertTrue(hint["text"])

    def test_situations(self):
        rows = [
            ("field values: no status, no request", ["Negotiate, NTLM"], b"", ["negotiate.kerberos", "ntlm.windows"]),
            ("a 401 without a challenge", ["--response"], b"HTTP/1.1 401 Unauthorized\r\n\r\n", ["challenge.missing"]),
            ("a 407", ["--response"], b"HTTP/1.1 407 x\r\nProxy-Authenticate: Basic realm=p\r\n\r\n",
             ["proxy.required", "basic.credentials"]),
            ("a syntax error, Basic and Digest's scheme recovered", ["--response"],
             b"HTTP/1.1 401 x\r\nWWW-Authenticate: Basic realm=a, Digest realm=\"\x01\"\r\n\r\n",
             ["syntax.error", "basic.credentials", "digest.credentials"]),
        ]
        for name, args, stdin, expected in rows:
            with self.subTest(name):
                self.assertEqual(codes(args, stdin), expected)


class CurlVerbose(unittest.TestCase):
    def exchange(self, authorization, challenge, status="401 Unauthorized", header="WWW-Authenticate"):
        request = b"> GET / HTTP/1.1\r\n> Host: h\r\n"
        if authorization:
            request += b"> " + authorization + b"\r\n"
        return (b"* Connected to h\r\n" + request + b">\r\n< HTTP/1.1 " + status.encode() + b"\r\n< " +
                header.encode() + b": " + challenge + b"\r\n<\r\n* Connection #0 left intact\r\n")

    def test_rows(self):
        rows = [
            # Host h over plain http: Basic's password would cross the network readable.
            ("nothing sent", None, b"Basic realm=\"a\"", ["basic.credentials", "transport.basic_over_http"]),
            ("Basic refused", b"Authorization: Basic YTpi", b"Basic realm=\"a\"",
             ["retry.rejected", "basic.credentials", "transport.basic_over_http"]),
            ("Digest stale", b"Authorization: Digest username=\"u\", realm=\"r\", nonce=\"n1\", uri=\"/\", response=\"x\"",
             b"Digest realm=\"r\", nonce=\"n2\", stale=true", ["retry.stale", "digest.stale"]),
            ("Digest, another realm", b"Authorization: Digest username=\"u\", realm=\"r\", nonce=\"n1\", uri=\"/\", response=\"x\"",
             b"Digest realm=\"s\", nonce=\"n1\"", ["retry.other_realm", "digest.credentials"]),
            ("scheme gone", b"Authorization: Bearer abc", b"Basic realm=\"a\"",
             ["retry.other_scheme", "basic.credentials", "transport.basic_over_http"]),
        ]
        for name, authorization, challenge, expected in rows:
            with self.subTest(name):
                self.assertEqual(codes(["--response"], self.exchange(authorization, challenge)), expected)

    def test_rows_from_the_reader(self):
        rows = [
            ("two rounds, Digest refused",
             b"> GET /x HTTP/1.1\r\n> Host: h\r\n>\r\n< HTTP/1.1 401 Unauthorized\r\n"
             b"< WWW-Authenticate: Digest realm=\"r\", nonce=\"n1\"\r\n<\r\n* Ignoring the response-body\n"
             b"HTTP/1.1 200 OK (a body line that looks like a status line)\n> GET /x HTTP/1.1\r\n> Host: h\r\n"
             b"> Authorization: Digest username=\"u\", realm=\"r\", nonce=\"n1\", uri=\"/x\", response=\"abc\"\r\n>\r\n"
             b"< HTTP/1.1 401 Unauthorized\r\n< WWW-Authenticate: Digest realm=\"r\", nonce=\"n1\"\r\n<\r\n",
             ["retry.rejected", "digest.credentials"]),
            ("HTTP/2 lower-case names", b"> GET / HTTP/2\n> authorization: Bearer abc\n>\n< HTTP/2 401\n"
             b"< www-authenticate: Bearer error=\"invalid_token\"\n<\n", ["retry.rejected", "bearer.invalid_token"]),
            ("407 answers Proxy-Authorization, not Authorization",
             b"> CONNECT example.com:443 HTTP/1.1\n> Authorization: Basic YTpi\n>\n"
             b"< HTTP/1.1 407 Proxy Authentication Required\n< Proxy-Authenticate: Basic realm=\"p\"\n<\n",
             ["proxy.required", "basic.credentials"]),
            ("curl -si output: the request is unknown",
             b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"a\"\r\n\r\n", ["basic.credentials"]),
        ]
        for name, text, expected in rows:
            with self.subTest(name):
                self.assertEqual(codes(["--response"], text), expected)

    def test_proxy(self):
        text = self.exchange(b"Proxy-Authorization: Basic YTpi", b"Basic realm=\"p\"",
                             "407 Proxy Authentication Required", "Proxy-Authenticate")
        self.assertEqual(codes(["--response"], text), ["proxy.required", "retry.rejected", "basic.credentials"])


class TextOutput(unittest.TestCase):
    def test_grouped_per_challenge_with_the_chosen_marked(self):
        code, out = run(["Basic realm=a, Negotiate"])
        self.assertEqual(code, 0)
        lines = out.splitlines()
        basic = lines.index("Challenge 1: Basic")
        negotiate = next(i for i, l in enumerate(lines) if l.startswith("Challenge 2: Negotiate"))
        self.assertIn("the one to answer", lines[negotiate])
        self.assertIn("basic.credentials", "\n".join(lines[basic:negotiate]))
        self.assertIn("negotiate.kerberos", "\n".join(lines[negotiate:]))

    def test_demo_shows_several_responses(self):
        code, out = run(["--demo"])
        self.assertEqual(code, 0)
        self.assertGreaterEqual(out.count("\n== "), 4)
        for code_name in ("challenge.missing", "retry.rejected", "retry.stale", "proxy.required",
                          "bearer.insufficient_scope"):
            self.assertIn(code_name, out)
        self.assertNotIn("syntax.error", out)


if __name__ == "__main__":
    unittest.main(verbosity=1)
