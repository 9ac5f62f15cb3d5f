// A strict JSON reader (RFC 8259) that hands out one event at a time: no tree is built, no
// recursion is used (nesting is a stack of bytes, limited to max_depth), and every error
// names its byte offset. Strings are decoded (escapes resolved, surrogate pairs joined) into
// a buffer the reader reuses; the input must be UTF-8 (section 8.1) and is checked.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <wwwauth/utf8.hpp>

namespace wwwauth_tools {

class json_reader {
 public:
  enum class event { begin_object, end_object, begin_array, end_array, key, string, number, literal, end, error };

  explicit json_reader(std::string_view text, std::size_t max_depth = 64) : in_(text), max_depth_(max_depth) {}

  // The next event; after `end` or `error`, the same again.
  event next() {
    if (done_) return failed() ? event::error : event::end;
    ++steps_;
    skip_whitespace();
    switch (expect_) {
      case expect::value: return value();
      case expect::key_or_end:
        if (peek() == '}') return close('{');
        [[fallthrough]];
      case expect::key:
        if (peek() != '"') return fail("an object key (a string) expected");
        if (!read_string()) return event::error;
        skip_whitespace();
        if (peek() != ':') return fail("':' expected after an object key");
        ++pos_;
        expect_ = expect::value;
        return event::key;
      case expect::value_or_end:
        if (peek() == ']') return close('[');
        return value();
      case expect::comma_or_end:
        if (stack_.empty()) {
          if (pos_ != in_.size()) return fail("text after the end of the document");
          done_ = true;
          return event::end;
        }
        if (peek() == ',') {
          ++pos_;
          skip_whitespace();
          expect_ = stack_.back() == '{' ? expect::key : expect::value;
          return next_after_comma();
        }
        if (peek() == '}' || peek() == ']') return close(peek() == '}' ? '{' : '[');
        return fail(stack_.back() == '{' ? "',' or '}' expected" : "',' or ']' expected");
    }
    return fail("unreachable");
  }

  // The decoded text of a key or string event; the raw text of a number or literal.
  std::string_view text() const { return kind_is_raw_ ? raw_ : std::string_view(decoded_); }
  std::size_t depth() const { return stack_.size(); }
  std::size_t offset() const { return pos_; }  // the byte after the last event's text
  bool failed() const { return !error_.empty(); }
  const std::string& error_message() const { return error_; }
  std::size_t error_offset() const { return error_offset_; }
  // Events handed out: at most one per input byte, plus the end (the fuzz targets check it).
  std::size_t steps() const { return steps_; }

 private:
  enum class expect { value, key_or_end, key, value_or_end, comma_or_end };

  char peek() const { return pos_ < in_.size() ? in_[pos_] : '\0'; }
  bool at_end() const { return pos_ >= in_.size(); }

  event fail(const char* message) {
    if (error_.empty()) {
      error_ = message;
      error_offset_ = pos_;
    }
    done_ = true;
    return event::error;
  }

  bool fail_string(const char* message) {
    fail(message);
    return false;
  }

  void skip_whitespace() {
    while (pos_ < in_.size() && (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' || in_[pos_] == '\r'))
      ++pos_;
  }

  // After a comma a value or key must follow (no trailing commas, section 4 and 5).
  event next_after_comma() {
    if (peek() == '}' || peek() == ']') return fail("a value expected after ','");
    return expect_ == expect::key ? next() : value();
  }

  event close(char open) {
    if (stack_.empty() || stack_.back() != open) return fail("a closing bracket that matches nothing");
    ++pos_;
    stack_.pop_back();
    expect_ = expect::comma_or_end;
    return open == '{' ? event::end_object : event::end_array;
  }

  event open(char bracket) {
    if (stack_.size() >= max_depth_) return fail("nested deeper than this reader allows");
    ++pos_;
    stack_.push_back(bracket);
    expect_ = bracket == '{' ? expect::key_or_end : expect::value_or_end;
    return bracket == '{' ? event::begin_object : event::begin_array;
  }

  event value() {
    if (at_end()) return fail("a value expected, the input ended");
    const char c = peek();
    if (c == '{' || c == '[') return open(c);
    expect_ = expect::comma_or_end;
    if (c == '"') return read_string() ? event::string : event::error;
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    for (const std::string_view word :
         {std::string_view("true"), std::string_view("false"), std::string_view("null")}) {
      if (in_.substr(pos_, word.size()) == word) {
        raw_ = in_.substr(pos_, word.size());
        kind_is_raw_ = true;
        pos_ += word.size();
        return event::literal;
      }
    }
    return fail("a value (object, array, string, number, true, false, null) expected");
  }

  // number = [ minus ] int [ frac ] [ exp ] (section 6)
  event number() {
    const std::size_t start = pos_;
    const auto digits = [&] {
      const std::size_t from = pos_;
      while (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') ++pos_;
      return pos_ - from;
    };
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (digits() == 0) {
      return fail("a digit expected in a number");
    }
    if (peek() == '.') {
      ++pos_;
      if (digits() == 0) return fail("a digit expected after '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (digits() == 0) return fail("a digit expected in an exponent");
    }
    raw_ = in_.substr(start, pos_ - start);
    kind_is_raw_ = true;
    return event::number;
  }

  int hex4() {
    if (in_.size() - pos_ < 4) return -1;
    int v = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char c = in_[pos_ + k];
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    pos_ += 4;
    return v;
  }

  void append_utf8(std::uint32_t cp) {
    if (cp < 0x80) {
      decoded_ += static_cast<char>(cp);
    } else if (cp < 0x800) {
      decoded_ += static_cast<char>(0xC0 | (cp >> 6));
      decoded_ += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      decoded_ += static_cast<char>(0xE0 | (cp >> 12));
      decoded_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      decoded_ += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      decoded_ += static_cast<char>(0xF0 | (cp >> 18));
      decoded_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      decoded_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      decoded_ += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  // string = quotation-mark *char quotation-mark (section 7), decoded into decoded_.
  bool read_string() {
    ++pos_;  // the opening quote
    decoded_.clear();
    kind_is_raw_ = false;
    for (;;) {
      if (at_end()) return fail_string("a string not closed before the input ended");
      const auto c = static_cast<unsigned char>(in_[pos_]);
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return fail_string("a control character inside a string (it must be escaped)");
      if (c != '\\') {
        const std::size_t n = wwwauth::utf8_sequence_length(in_, pos_);
        if (n == 0) return fail_string("a byte that is not UTF-8");
        decoded_.append(in_.substr(pos_, n));
        pos_ += n;
        continue;
      }
      ++pos_;
      const char e = peek();
      ++pos_;
      switch (e) {
        case '"': decoded_ += '"'; break;
        case '\\': decoded_ += '\\'; break;
        case '/': decoded_ += '/'; break;
        case 'b': decoded_ += '\b'; break;
        case 'f': decoded_ += '\f'; break;
        case 'n': decoded_ += '\n'; break;
        case 'r': decoded_ += '\r'; break;
        case 't': decoded_ += '\t'; break;
        case 'u': {
          const int hi = hex4();
          if (hi < 0) return fail_string("four hex digits expected after \\u");
          std::uint32_t cp = static_cast<std::uint32_t>(hi);
          if (cp >= 0xDC00 && cp <= 0xDFFF) return fail_string("a low surrogate without a high one before it");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (in_.substr(pos_, 2) != "\\u") return fail_string("a high surrogate without a low one after it");
            pos_ += 2;
            const int lo = hex4();
            if (lo < 0xDC00 || lo > 0xDFFF) return fail_string("a high surrogate without a low one after it");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(lo) - 0xDC00);
          }
          append_utf8(cp);
          break;
        }
        default: --pos_; return fail_string("an unknown escape in a string");
      }
    }
  }

  std::string_view in_;
  std::size_t max_depth_;
  std::size_t pos_ = 0;
  std::string stack_;  // '{' or '[' per open container
  expect expect_ = expect::value;
  bool done_ = false;
  std::string decoded_;
  std::string_view raw_;
  bool kind_is_raw_ = false;
  std::string error_;
  std::size_t error_offset_ = 0;
  std::size_t steps_ = 0;
};

}  // namespace wwwauth_tools
