// Decoded values as std::string, for tests and fuzz targets that compare them (the library
// itself never allocates: it writes into the caller's buffer or iterator).
#pragma once

#include <iterator>
#include <string>

namespace wwwauth_testing {

// The decoded bytes of anything with decode(out): wwwauth::param_value, ext_value,
// preferred_param.
template <class Value>
std::string decoded(const Value& value) {
  std::string out;
  value.decode(std::back_inserter(out));
  return out;
}

}  // namespace wwwauth_testing
