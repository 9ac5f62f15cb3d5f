#!/usr/bin/env python3
"""Writes the benchmark's `long` set: WWW-Authenticate field values of 16 to 64 KiB, one per line.

Usage: make_long.py TYPICAL_TXT OUTPUT_TXT

Deterministic (a fixed 64-bit LCG, no `random`), so every machine benchmarks the same bytes.
Each line is a shape real servers send, grown to the size where header limits start to matter:
big Kerberos tickets (users in many groups), long scope and domain lists, error descriptions
quoting JSON or Windows paths (many quoted-pairs), and a proxy that merged many challenges.
"""
import base64
import sys

_state = 0x9E3779B97F4A7C15


def rnd(n):
    global _state
    out = bytearray()
    s = _state
    for _ in range(n):
        s = (s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        out.append((s >> 33) & 0xFF)
    _state = s
    return bytes(out)


def pick(n):
    return int.from_bytes(rnd(4), "little") % n


def hexs(n):
    return rnd(n).hex()


def guid():
    h = hexs(16)
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def grow(piece, size, sep=""):
    """Joins piece() results with sep until the text reaches size bytes."""
    parts, total = [], 0
    while total < size:
        p = piece()
        parts.append(p)
        total += len(p) + len(sep)
    return sep.join(parts)


WORDS = ["alpha", "payments", "billing", "search", "web", "api", "worker", "cache", "auth", "edge",
         "ingest", "reports", "mobile", "admin", "gateway", "ledger", "notify", "media", "ml", "infra"]
KRB = b"\xa1\x82\xbf\x00\x30\x82\xbe\xfc\xa0\x03\x0a\x01\x00\xa1\x0b\x06\x09\x2a\x86\x48\x86\xf7\x12\x01\x02\x02"


def main():
    typical_path, out_path = sys.argv[1], sys.argv[2]
    with open(typical_path, encoding="utf-8") as f:
        typical = [l.rstrip("\n") for l in f if l.strip()]

    lines = []
    # SPNEGO tokens carrying Kerberos tickets with a large PAC (base64 with padding).
    lines.append("Negotiate " + base64.b64encode(KRB + rnd(36 * 1024 - len(KRB) + 1)).decode())
    lines.append("Negotiate " + base64.b64encode(KRB + rnd(12 * 1024 - len(KRB) + 2)).decode())
    # A registry token challenge whose scope lists hundreds of repositories.
    scope = grow(lambda: "repository:%s/%s-%03d:pull,push" % (WORDS[pick(20)], WORDS[pick(20)], pick(1000)),
                 40 * 1024, " ")
    lines.append('Bearer realm="https://registry.example.com/token",service="registry.example.com",scope="%s"' % scope)
    # Digest with a long protection-space domain list (RFC 7616 section 3.3).
    domain = grow(lambda: "/%s/%s/%d/" % (WORDS[pick(20)], WORDS[pick(20)], pick(100000)), 30 * 1024, " ")
    lines.append('Digest realm="api@example.org", domain="%s", qop="auth", algorithm=SHA-256, nonce="%s", opaque="%s"'
                 % (domain, base64.b64encode(rnd(33)).decode(), base64.b64encode(rnd(33)).decode()))
    # error_description quoting a JSON document: a quoted-pair every few bytes.
    doc = grow(lambda: '{\\"code\\":\\"E%04d\\",\\"detail\\":\\"scope %s:%s missing\\"}' % (pick(10000), WORDS[pick(20)], WORDS[pick(20)]),
               20 * 1024, ",")
    lines.append('Bearer realm="api", error="insufficient_scope", error_description="[%s]"' % doc)
    # error_description quoting Windows paths: every backslash doubled.
    paths = grow(lambda: "C:\\\\Users\\\\%s\\\\AppData\\\\Local\\\\%s\\\\token-%d.json" % (WORDS[pick(20)], WORDS[pick(20)], pick(1000)),
                 24 * 1024, "; ")
    lines.append('Bearer error="invalid_token", error_description="no usable token in: %s"' % paths)
    # SharePoint-style trusted_issuers with hundreds of tenants.
    issuers = grow(lambda: "00000001-0000-0000-c000-000000000000@" + guid(), 30 * 1024, ",")
    lines.append('Bearer realm="%s",client_id="00000003-0000-0ff1-ce00-000000000000",trusted_issuers="%s",authorization_uri="https://login.windows.net/common/oauth2/authorize"'
                 % (guid(), issuers))
    # A plain long quoted realm (no escapes): the quoted-string fast path.
    realm = grow(lambda: WORDS[pick(20)] + " " + hexs(4), 16 * 1024, " ")
    lines.append('Basic realm="%s", charset="UTF-8"' % realm)
    # A proxy that merged every challenge it saw into one field line (list rule, RFC 9110 5.6.1).
    merged, total, i = [], 0, 0
    while total < 60 * 1024:
        l = typical[i % len(typical)]
        merged.append(l)
        total += len(l) + 2
        i += 1
    lines.append(", ".join(merged))
    # Many small Bearer/DPoP challenges, one per issuer, with short error params.
    lines.append(grow(lambda: 'Bearer realm="%s.example.com", error="invalid_token", DPoP algs="ES256 PS256"'
                      % WORDS[pick(20)], 24 * 1024, ", "))

    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        for l in lines:
            n = len(l.encode("utf-8"))
            if not 16 * 1024 <= n <= 64 * 1024:
                sys.exit("make_long.py: line of %d bytes is outside 16..64 KiB: %s..." % (n, l[:40]))
            f.write(l + "\n")


if __name__ == "__main__":
    main()
