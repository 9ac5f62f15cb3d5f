// Inlining hints for the parser. GCC sizes its inlining budget per translation unit, so how
// much of the strict parser's small steps it inlines changes with whatever else a program
// includes; WWWAUTH_FLATTEN inlines a function's whole call tree into it, everywhere.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define WWWAUTH_FLATTEN [[gnu::flatten]]
#else
#define WWWAUTH_FLATTEN
#endif
