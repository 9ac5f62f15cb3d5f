// The one place that knows which Catch2 is in use: v3 (split headers, prebuilt main) or
// Debian bookworm's v2.13 (one header). Tests include this and use the common macros.
#pragma once
#if defined(WWWAUTH_CATCH3)
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif
