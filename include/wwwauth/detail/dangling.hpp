// Every view wwwauth returns points into the caller's input, so parsing a temporary string
// (`parse_challenges(get_header())` where get_header() returns a std::string) would leave them
// all dangling. The parse functions refuse such arguments at compile time through this trait:
// an rvalue of a type that converts to std::string_view but is neither a string_view nor a
// pointer (string literals are lvalue arrays and stay accepted).
#pragma once

#include <string_view>
#include <type_traits>

namespace wwwauth::detail {

template <class Arg>
constexpr bool is_temporary_string_v =
    !std::is_lvalue_reference_v<Arg> && std::is_convertible_v<const std::remove_reference_t<Arg>&, std::string_view> &&
    !std::is_same_v<std::decay_t<Arg>, std::string_view> && !std::is_pointer_v<std::decay_t<Arg>>;

template <class Arg>
using refuse_temporary_string = std::enable_if_t<is_temporary_string_v<Arg>>;

}  // namespace wwwauth::detail
