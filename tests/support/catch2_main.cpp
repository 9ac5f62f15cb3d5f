// Catch2 v2 is header-only: this translation unit holds its main() once for all test executables.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
