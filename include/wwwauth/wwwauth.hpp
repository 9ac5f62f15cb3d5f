// wwwauth: parse HTTP authentication fields (RFC 9110 section 11) without allocating.
// This umbrella header includes every part; each is also usable on its own.
#pragma once

#include "chars.hpp"        // IWYU pragma: export
#include "challenge.hpp"    // IWYU pragma: export
#include "credentials.hpp"  // IWYU pragma: export
#include "error.hpp"        // IWYU pragma: export
#include "param.hpp"        // IWYU pragma: export
#include "param_list.hpp"   // IWYU pragma: export
#include "tokenizer.hpp"    // IWYU pragma: export
#include "unescape.hpp"     // IWYU pragma: export
