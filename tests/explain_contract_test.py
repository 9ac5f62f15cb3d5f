#!/usr/bin/env python3
"""The wwwauth-explain contract (README.md, "wwwauth-explain"), checked on the built binary.

Each case runs the program and compares its JSON document and exit status. The binary comes
from $WWWAUTH_EXPLAIN (ctest sets it)."""
import json
import os
import subprocess
import sys
import unittest

EXPLAIN = os.environ.get("WWWAUTH_EXPLAIN", "wwwauth-explain")


def run(args, stdin=b""):
    proc = subprocess.run([EXPLAIN, *args], input=stdin, capture_output=True, timeout=30)
    return proc.returncode, proc.stdout, proc.stderr


def run_json(args, stdin=b""):
    code, out, _ = run(["--json", *args], stdin)
    return code, json.loads(out.decode("utf-8"))


class JsonShape(unittest.TestCase):
    def test_rfc_example(self):
        code, doc = run_json(["--strict", 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"'])
        self.assertEqual(code, 0)
        self.assertEqual(doc, {
            "status": None,
            "challenges": [
                {"scheme": "Newauth", "token68": None,
                 "params": [["realm", "apps"], ["type", "1"], ["title", 'Login to "apps"']]},
                {"scheme": "Basic", "token68": None, "params": [["realm", "simple"]]},
            ],
            "error": None,
            "recovered": [],
            "recovered_dropped": 0,
            "chosen": 1,
            "hints": doc["hints"],
        })
        self.assertIsInstance(doc["hints"], list)

    def test_token68_keeps_padding(self):
        code, doc = run_json(["--strict", "Negotiate YII+/a=="])
        self.assertEqual(code, 0)
        self.assertEqual(doc["challenges"], [{"scheme": "Negotiate", "token68": "YII+/a==", "params": []}])

    def test_names_as_written(self):
        _, doc = run_json(["--strict", "basic REALM=x"])
        self.assertEqual(doc["challenges"][0]["scheme"], "basic")
        self.assertEqual(doc["challenges"][0]["params"], [["REALM", "x"]])

    def test_stdin_lines_are_fields_of_one_response(self):
        code, doc = run_json(["--strict"], b"Basic realm=a\r\ncharset=UTF-8\nBearer\n")
        self.assertEqual(code, 0)
        self.assertEqual(doc["challenges"], [
            {"scheme": "Basic", "token68": None, "params": [["realm", "a"], ["charset", "UTF-8"]]},
            {"scheme": "Bearer", "token68": None, "params": []},
        ])


class Errors(unittest.TestCase):
    def test_error_field_and_offset(self):
        code, doc = run_json(["--strict", "Basic realm=a", 'Bearer error="x'])
        self.assertEqual(code, 1)
        self.assertEqual(doc["error"]["field"], 1)
        self.assertEqual(doc["error"]["offset"], 13)
        self.assertIn("quoted-string", doc["error"]["message"])
        self.assertEqual([c["scheme"] for c in doc["challenges"]], ["Basic"])

    def test_lenient_by_default_strict_on_request(self):
        field = "Bearer authorization_uri=https://login.example.com/x resource_id=https://storage.example.com"
        code, doc = run_json([field])
        self.assertEqual(code, 0)
        self.assertEqual(doc["challenges"][0]["params"][1], ["resource_id", "https://storage.example.com"])
        code, doc = run_json(["--strict", field])
        self.assertEqual(code, 1)
        self.assertEqual(doc["challenges"], [])

    def test_lenient_recovers_and_lists_every_error(self):
        field = 'Bearer, error="invalid_token", "junk", Basic realm="r"Digest nonce="n"'
        code, doc = run_json([field])
        self.assertEqual(code, 1)
        self.assertEqual(doc["challenges"], [
            {"scheme": "Bearer", "token68": None, "params": [["error", "invalid_token"]]},
            {"scheme": "Basic", "token68": None, "params": [["realm", "r"]]},
            {"scheme": "Digest", "token68": None, "params": [["nonce", "n"]]},
        ])
        self.assertEqual([(e["field"], e["offset"]) for e in doc["recovered"]], [(0, 8), (0, 31), (0, 54)])
        self.assertEqual(doc["error"], doc["recovered"][0])
        self.assertEqual(doc["recovered_dropped"], 0)
        syntax = [h for h in doc["hints"] if h["code"] == "syntax.error"]
        self.assertEqual([h["severity"] for h in syntax], ["warning"] * 3)
        code, doc = run_json(["--strict", field])
        self.assertEqual((code, doc["challenges"], doc["recovered"]), (1, [], []))
        self.assertEqual((doc["error"]["field"], doc["error"]["offset"]), (0, 8))
        self.assertEqual([h["severity"] for h in doc["hints"] if h["code"] == "syntax.error"], ["error"])

    def test_usage_error(self):
        code, _, err = run(["--no-such-option"])
        self.assertEqual(code, 2)
        self.assertIn(b"usage", err)


class Bytes(unittest.TestCase):
    def test_non_utf8_bytes_as_latin1_escapes(self):
        code, out, _ = run(["--json", "--strict"], b'Basic realm="caf\xe9 \xc3\xa9"\n')
        self.assertEqual(code, 0)
        self.assertIn(b'"caf\\u00E9 \xc3\xa9"', out)
        self.assertEqual(json.loads(out)["challenges"][0]["params"][0][1], "caf\u00e9 \u00e9")

    def test_control_characters_escaped_in_text_output(self):
        code, out, _ = run(["Basic realm=\"a\x1b[31mb\""])
        self.assertEqual(code, 1)
        self.assertNotIn(b"\x1b", out)
        self.assertIn(b"\\x1B", out)

    def test_terminal_controls_escaped_in_both_outputs(self):
        # (name, bytes in a realm, as text shows them, as JSON spells them)
        rows = [
            ("C1 CSI as UTF-8", b"\xc2\x9b" b"35m", b"\\u009B35m", b"\\u009B35m"),
            ("OSC ... ST as UTF-8", b"\xc2\x9d" b"0;t\xc2\x9c", b"\\u009D0;t\\u009C", b"\\u009D0;t\\u009C"),
            ("bidi override", b"\xe2\x80\xae" b"cba\xe2\x80\xac", b"\\u202Ecba\\u202C", b"\\u202Ecba\\u202C"),
            ("bidi isolate", b"\xe2\x81\xa6x\xe2\x81\xa9", b"\\u2066x\\u2069", b"\\u2066x\\u2069"),
            ("invalid UTF-8", b"a\xff", b"a\\xFF", b"a\\u00FF"),
        ]
        for name, raw, text, json_form in rows:
            with self.subTest(name):
                field = b"Basic realm=\"" + raw + b"\"\n"
                _, out, _ = run([], field)
                self.assertIn(b"realm = \"" + text + b"\"", out)
                _, out, _ = run(["--json"], field)
                self.assertIn(b"\"" + json_form + b"\"", out)
                for bad in (b"\xc2\x9b", b"\xc2\x9d", b"\xe2\x80\xae", b"\xe2\x81\xa6", b"\x7f", b"\xff"):
                    self.assertNotIn(bad, out)

    def test_caret_under_the_byte_after_multibyte_and_escapes(self):
        rows = [
            ("after two-byte UTF-8", "Basic realm=\"\u00e9\u00e9\x01\"", 'Basic realm="\u00e9\u00e9\\x01"', 15),
            ("after an escaped code point", "Basic realm=\"\u202e\x01\"", 'Basic realm="\\u202E\\x01"', 19),
        ]
        for name, field, shown, column in rows:
            with self.subTest(name):
                code, out, _ = run(["--strict", field])
                self.assertEqual(code, 1)
                lines = out.decode("utf-8").splitlines()
                at = lines.index("  " + shown)
                self.assertEqual(lines[at + 1], "  " + " " * column + "^")


class Response(unittest.TestCase):
    def test_interim_then_final_and_proxy_fields(self):
        head = (b"HTTP/1.1 100 Continue\r\n\r\n"
                b"HTTP/2 407 \r\nProxy-Authenticate: Basic realm=\"proxy\"\r\nWWW-Authenticate: Bearer\r\n"
                b"Proxy-Authenticate: Negotiate\r\n\tabc==\r\n\r\n")
        code, doc = run_json(["--response", "--strict"], head)
        self.assertEqual(code, 0)
        self.assertEqual(doc["status"], 407)
        self.assertEqual(doc["challenges"], [
            {"scheme": "Basic", "token68": None, "params": [["realm", "proxy"]]},
            {"scheme": "Negotiate", "token68": "abc==", "params": []},
        ])

    def test_401_takes_www_authenticate(self):
        code, doc = run_json(["--response"], b"HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm=x\nProxy-Authenticate: Bearer\n\n")
        self.assertEqual((code, doc["status"]), (0, 401))
        self.assertEqual([c["scheme"] for c in doc["challenges"]], ["Basic"])

    def test_no_status_line_is_a_usage_error(self):
        code, _, _ = run(["--response"], b"WWW-Authenticate: Basic\n")
        self.assertEqual(code, 2)

    def test_a_body_is_data_whatever_it_looks_like(self):
        rows = [
            ("curl -si", b"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"real\"\r\n\r\n"
                         b"HTTP/1.1 200 OK\r\nWWW-Authenticate: Basic realm=\"fake\"\r\n\r\n"),
            ("curl -v", b"> GET / HTTP/1.1\n> Host: h\n>\n< HTTP/1.1 401 Unauthorized\n"
                        b"< WWW-Authenticate: Basic realm=\"real\"\n<\nHTTP/1.1 200 OK\n"
                        b"WWW-Authenticate: Basic realm=\"fake\"\n"),
        ]
        for name, text in rows:
            with self.subTest(name):
                code, doc = run_json(["--response"], text)
                self.assertEqual((code, doc["status"]), (0, 401))
                self.assertEqual(doc["challenges"][0]["params"], [["realm", "real"]])

    def test_malformed_heads_name_line_and_byte(self):
        rows = [
            ("whitespace before the colon", b"HTTP/1.1 401 x\r\nWWW-Authenticate : Basic realm=a\r\n\r\n", 2, 16, "5.1"),
            ("no version", b"HTTP/ 401 X\r\n\r\n", 1, 5, "version"),
            ("a second response without a request",
             b"> GET / HTTP/1.1\n>\n< HTTP/1.1 401 x\n<\n< HTTP/1.1 200 OK\n<\n", 5, 2, "request"),
        ]
        for name, text, line, byte, word in rows:
            with self.subTest(name):
                code, doc = run_json(["--response"], text)
                self.assertEqual(code, 1)
                self.assertEqual((doc["error"]["line"], doc["error"]["byte"]), (line, byte))
                self.assertIn(word, doc["error"]["message"])
                self.assertEqual((doc["status"], doc["challenges"], doc["chosen"]), (None, [], None))
                code, out, err = run(["--response"], text)
                self.assertEqual(code, 1)
                self.assertIn(b"line %d, byte %d" % (line, byte), err)

    def test_history_of_a_redirect(self):
        text = (b"* Connected to a.example (192.0.2.1) port 80\n> GET /old HTTP/1.1\n> Host: a.example\n"
                b"> Authorization: Basic YTpi\n>\n< HTTP/1.1 302 Found\n< Location: http://b.example/new\n<\n"
                b"* Issue another request to this URL: 'http://b.example/new'\n> GET /new HTTP/1.1\n"
                b"> Host: b.example\n>\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic realm=\"b\"\n<\n")
        code, doc = run_json(["--response"], text)
        self.assertEqual((code, doc["status"]), (0, 401))
        self.assertEqual(doc["history"], [{"method": "GET", "url": "http://a.example/old", "status": 302,
                                           "redirect": "http://b.example/new"}])
        codes = [h["code"] for h in doc["hints"]]
        self.assertIn("redirect.credentials_dropped", codes)
        dropped = doc["hints"][codes.index("redirect.credentials_dropped")]
        self.assertEqual(dropped["params"], [["sent_to", "http://a.example/old"], ["location", "http://b.example/new"],
                                             ["url", "http://b.example/new"]])
        _, out, _ = run(["--response"], text)
        self.assertIn(b"1. GET http://a.example/old, with Authorization (Basic) -> 302, redirected to http://b.example/new", out)
        self.assertIn(b"Request: GET http://b.example/new, without Authorization", out)


class FieldNames(unittest.TestCase):
    def test_pasted_lines_keep_their_name(self):
        rows = [
            ("WWW-Authenticate", b"WWW-Authenticate: Basic realm=\"x\"\n"),
            ("lower case", b"www-authenticate:Basic realm=\"x\"\n"),
            ("Proxy-Authenticate", b"Proxy-Authenticate: Basic realm=\"x\"\n"),
            ("no name", b"Basic realm=\"x\"\n"),
        ]
        for name, text in rows:
            with self.subTest(name):
                code, doc = run_json(["--strict"], text)
                self.assertEqual(code, 0)
                self.assertEqual(doc["challenges"], [{"scheme": "Basic", "token68": None, "params": [["realm", "x"]]}])

    def test_as_argument(self):
        code, doc = run_json(["WWW-Authenticate: Bearer, Basic realm=a"])
        self.assertEqual((code, [c["scheme"] for c in doc["challenges"]]), (0, ["Bearer", "Basic"]))


class Chosen(unittest.TestCase):
    def test_chosen_index_or_null(self):
        rows = [
            ("Negotiate over Basic", ["Basic realm=a, Negotiate"], 1),
            ("only one", ["Basic realm=a"], 0),
            ("nothing", [""], None),
        ]
        for name, args, chosen in rows:
            with self.subTest(name):
                _, doc = run_json(args)
                self.assertEqual(doc["chosen"], chosen)


class Cli(unittest.TestCase):
    def test_help_on_stdout(self):
        code, out, err = run(["--help"])
        self.assertEqual((code, err), (0, b""))
        self.assertIn(b"usage: wwwauth-explain", out)
        self.assertIn(b"16 MiB", out)

    def test_version(self):
        code, out, _ = run(["--version"])
        self.assertEqual(code, 0)
        self.assertRegex(out.decode(), r"^wwwauth-explain \d+\.\d+\.\d+\n$")

    def test_too_large_input_is_refused(self):
        for args in (["--response"], []):
            with self.subTest(" ".join(args)):
                code, out, err = run(args, b"x" * (16 * 1024 * 1024 + 1))
                self.assertEqual((code, out), (2, b""))
                self.assertIn(b"16 MiB", err)


def har(entries):
    return json.dumps({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"},
                               "entries": entries}}).encode()


def har_entry(url, status, response_headers, request_headers=(), redirect=""):
    return {"request": {"method": "GET", "url": url, "httpVersion": "HTTP/1.1",
                        "headers": [{"name": n, "value": v} for n, v in request_headers], "cookies": []},
            "response": {"status": status, "statusText": "", "headers": [{"name": n, "value": v} for n, v in response_headers],
                         "content": {"mimeType": "text/html", "text": ""}, "redirectURL": redirect}}


class Har(unittest.TestCase):
    def run_har(self, data, extra=()):
        return run(["--json", *extra, "--har", "-"], data)

    def test_every_401_and_407_with_its_request(self):
        data = har([
            har_entry("https://a.example/", 200, [("Content-Type", "text/html")]),
            har_entry("https://a.example/api", 401, [("WWW-Authenticate", 'Basic realm="api"')],
                      [("Authorization", "Basic YTpi")]),
            har_entry("http://proxy.example/", 407, [("Proxy-Authenticate", "Negotiate"), ("WWW-Authenticate", "Bearer")]),
        ])
        code, out, _ = self.run_har(data)
        self.assertEqual(code, 0)
        doc = json.loads(out)
        self.assertIsNone(doc["error"])
        self.assertEqual([(e["entry"], e["url"], e["status"]) for e in doc["entries"]],
                         [(1, "https://a.example/api", 401), (2, "http://proxy.example/", 407)])
        first, second = doc["entries"]
        self.assertEqual(set(first), {"entry", "url", "status", "challenges", "error", "recovered", "recovered_dropped", "chosen", "hints"})
        self.assertEqual([h["code"] for h in first["hints"]], ["retry.rejected", "basic.credentials"])
        self.assertEqual(first["chosen"], 0)
        self.assertEqual([c["scheme"] for c in second["challenges"]], ["Negotiate"])

    def test_evidence_along_the_redirect_chain(self):
        data = har([
            har_entry("https://a.example/go", 302, [("Location", "https://b.example/in")], [("Authorization", "Basic YTpi")],
                      redirect="https://b.example/in"),
            har_entry("https://a.example/style.css", 200, []),
            har_entry("https://b.example/in", 401, [("WWW-Authenticate", 'Basic realm="b"')]),
            har_entry("https://b.example/again", 401, [("WWW-Authenticate", 'Basic realm="b"')]),
        ])
        code, out, _ = self.run_har(data)
        self.assertEqual(code, 0)
        entries = json.loads(out)["entries"]
        self.assertEqual([e["url"] for e in entries], ["https://b.example/in", "https://b.example/again"])
        self.assertIn("redirect.credentials_dropped", [h["code"] for h in entries[0]["hints"]])
        self.assertNotIn("redirect.credentials_dropped", [h["code"] for h in entries[1]["hints"]])

    def test_text_output(self):
        data = har([har_entry("https://a.example/api", 401, [("WWW-Authenticate", 'Basic realm="api"')])])
        code, out, _ = run(["--har", "-"], data)
        self.assertEqual(code, 0)
        self.assertIn(b"Entry 0: GET https://a.example/api, without Authorization", out)
        self.assertIn(b"Challenge 1: Basic", out)

    def test_no_401(self):
        code, out, _ = self.run_har(har([har_entry("https://a.example/", 200, [])]))
        self.assertEqual((code, json.loads(out)), (0, {"entries": [], "error": None}))

    def test_malformed(self):
        rows = [
            ("not JSON", b'{"log": {"entries": [', "not valid JSON"),
            ("no entries", b'{"log": {}}', "no log.entries"),
            ("deep nesting", b"[" * 100000, "nested deeper"),
        ]
        for name, data, word in rows:
            with self.subTest(name):
                code, out, _ = self.run_har(data)
                self.assertEqual(code, 1)
                doc = json.loads(out)
                self.assertEqual(doc["entries"], [])
                self.assertIn(word, doc["error"]["message"])


class Demo(unittest.TestCase):
    def test_demo_explains_the_bundled_401(self):
        code, doc = run_json(["--demo"])
        self.assertEqual(code, 0)
        self.assertEqual(doc["status"], 401)
        self.assertEqual([c["scheme"] for c in doc["challenges"]], ["Bearer", "Basic"])


if __name__ == "__main__":
    unittest.main(verbosity=1)
