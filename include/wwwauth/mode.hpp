// The two grammars a field can be read with, and the one limit strict reading adds.
#pragma once

#include <cstddef>

namespace wwwauth {

// strict: RFC 9110's grammar only. lenient: also what deployed servers send (README.md,
// "Lenient mode"), with the same result as strict on every input strict accepts.
enum class mode : unsigned char { strict, lenient };

// Strict mode checks at most this many parameters per challenge for duplicates and refuses
// more (errc::too_many_params), which keeps the check linear and allocation-free. Lenient
// mode has no limit. The largest real challenges (Digest) carry about ten.
inline constexpr std::size_t max_strict_params = 64;

}  // namespace wwwauth
