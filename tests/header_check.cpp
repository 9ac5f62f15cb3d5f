// Compiled with -fno-exceptions -fno-rtti and the full warning set: the umbrella header must
// build as embedded users build it.
#include <wwwauth/wwwauth.hpp>

int wwwauth_header_check() { return static_cast<int>(wwwauth::parse_challenges("Basic realm=\"x\"").size()); }
