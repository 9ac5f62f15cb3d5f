// wwwauth's version, for code that must check at compile time which release it builds against.
// This header is the one place the version is written: CMakeLists.txt reads the three numbers
// from it for project(VERSION), the CMake package version file and the pkg-config file.
#pragma once

#define WWWAUTH_VERSION_MAJOR 0
#define WWWAUTH_VERSION_MINOR 1
#define WWWAUTH_VERSION_PATCH 0

// One comparable number, MAJOR * 10000 + MINOR * 100 + PATCH (0.1.0 is 100), and the text.
#define WWWAUTH_VERSION (WWWAUTH_VERSION_MAJOR * 10000 + WWWAUTH_VERSION_MINOR * 100 + WWWAUTH_VERSION_PATCH)
#define WWWAUTH_VERSION_STRING "0.1.0"
