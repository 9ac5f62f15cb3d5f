// wwwauth: parse HTTP authentication fields (RFC 9110 section 11) without allocating, say
// what a 401 or 407 means, and answer it. This umbrella header includes every part; each is
// also usable on its own.
#pragma once

// Parsing: challenges, credentials, Authentication-Info.
#include "ascii.hpp"        // IWYU pragma: export
#include "auth_info.hpp"    // IWYU pragma: export
#include "chars.hpp"        // IWYU pragma: export
#include "challenge.hpp"    // IWYU pragma: export
#include "credentials.hpp"  // IWYU pragma: export
#include "error.hpp"        // IWYU pragma: export
#include "ext_value.hpp"    // IWYU pragma: export
#include "field_lines.hpp"  // IWYU pragma: export
#include "mode.hpp"         // IWYU pragma: export
#include "param.hpp"        // IWYU pragma: export
#include "param_range.hpp"  // IWYU pragma: export
#include "param_value.hpp"  // IWYU pragma: export
#include "unescape.hpp"     // IWYU pragma: export
#include "utf8.hpp"         // IWYU pragma: export
#include "version.hpp"      // IWYU pragma: export

// Exchanges: URLs, cookies, a request and its response, and a history of them.
#include "cookie.hpp"    // IWYU pragma: export
#include "exchange.hpp"  // IWYU pragma: export
#include "url.hpp"       // IWYU pragma: export

// Understanding: the scheme registry, choosing a challenge, hints for people and programs.
#include "diagnose.hpp"          // IWYU pragma: export
#include "digest_algorithm.hpp"  // IWYU pragma: export
#include "evidence.hpp"          // IWYU pragma: export
#include "hint.hpp"              // IWYU pragma: export
#include "hint_catalog.hpp"      // IWYU pragma: export
#include "hint_text.hpp"         // IWYU pragma: export
#include "lookup_result.hpp"     // IWYU pragma: export
#include "registry.hpp"          // IWYU pragma: export
#include "select.hpp"            // IWYU pragma: export

// Answering: credentials for Basic, Bearer and Digest and the authenticator that keeps a
// client's state across requests (os_entropy.hpp, outside, gives it random bytes); for
// servers, challenges and the checking of credentials.
#include "append_decoded.hpp"      // IWYU pragma: export
#include "authenticator.hpp"       // IWYU pragma: export
#include "basic_credentials.hpp"   // IWYU pragma: export
#include "basic_verify.hpp"        // IWYU pragma: export
#include "bearer_credentials.hpp"  // IWYU pragma: export
#include "build_error.hpp"         // IWYU pragma: export
#include "challenge_format.hpp"    // IWYU pragma: export
#include "constant_time.hpp"       // IWYU pragma: export
#include "digest_credentials.hpp"  // IWYU pragma: export
#include "digest_hash.hpp"         // IWYU pragma: export
#include "digest_nonce.hpp"        // IWYU pragma: export
#include "digest_reply.hpp"        // IWYU pragma: export
#include "digest_verify.hpp"       // IWYU pragma: export
#include "hmac.hpp"                // IWYU pragma: export
#include "input_view.hpp"          // IWYU pragma: export
#include "verify_error.hpp"        // IWYU pragma: export
