// include/wwwauth/version.hpp agrees with itself and with the version CMake read from it (the
// CMake package and the pkg-config file carry PROJECT_VERSION).
#include <string>

#include "support/catch.hpp"
#include <wwwauth/wwwauth.hpp>  // the umbrella brings version.hpp

static_assert(WWWAUTH_VERSION == WWWAUTH_VERSION_MAJOR * 10000 + WWWAUTH_VERSION_MINOR * 100 + WWWAUTH_VERSION_PATCH);
static_assert(WWWAUTH_VERSION_MINOR < 100 && WWWAUTH_VERSION_PATCH < 100,
              "WWWAUTH_VERSION gives MINOR and PATCH two decimal digits each");

TEST_CASE("the version string spells the version numbers") {
  const std::string numbers = std::to_string(WWWAUTH_VERSION_MAJOR) + '.' + std::to_string(WWWAUTH_VERSION_MINOR) +
                              '.' + std::to_string(WWWAUTH_VERSION_PATCH);
  CHECK(numbers == WWWAUTH_VERSION_STRING);
}

TEST_CASE("the header's version is CMake's project version") {
  CHECK(std::string(WWWAUTH_VERSION_STRING) == WWWAUTH_PROJECT_VERSION);
}
