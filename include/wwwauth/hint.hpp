// A hint (one situation diagnose() or add_evidence() found, with views of the parameters it
// refers to) and hint_list, the fixed-capacity list of them for one response. The situations
// themselves, with their codes and texts, are hint_catalog.hpp's.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "error.hpp"
#include "hint_catalog.hpp"
#include "param.hpp"

namespace wwwauth {

// No hint refers to more parameters than this (Bearer's and DPoP's hints reach it).
inline constexpr std::size_t max_hint_params = 3;

// One hint: a static description plus views of the parameters it refers to.
class hint {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  class param_views {
   public:
    constexpr param_views(const auth_param* first, std::size_t n) noexcept : first_(first), n_(n) {}
    constexpr const auth_param* begin() const noexcept { return first_; }
    constexpr const auth_param* end() const noexcept { return first_ + n_; }
    constexpr std::size_t size() const noexcept { return n_; }
    constexpr bool empty() const noexcept { return n_ == 0; }
    constexpr const auth_param& operator[](std::size_t i) const noexcept { return first_[i]; }
    // The parameter of this name among the views, or a falsy auth_param.
    constexpr auth_param find(std::string_view name) const noexcept {
      for (const auth_param& p : *this) {
        if (p.name_is(name)) return p;
      }
      return {};
    }

   private:
    const auth_param* first_;
    std::size_t n_;
  };

  constexpr hint() noexcept = default;
  constexpr hint(const hint_spec& spec, std::size_t challenge_index) noexcept
      : spec_(&spec), challenge_(challenge_index) {}

  constexpr hint_id id() const noexcept { return spec_->id; }
  constexpr std::string_view code() const noexcept { return wwwauth::code(spec_->id); }
  constexpr severity level() const noexcept { return spec_->level; }
  constexpr actor who() const noexcept { return spec_->who; }
  constexpr std::string_view text() const noexcept { return spec_->text; }
  constexpr const hint_spec& spec() const noexcept { return *spec_; }
  constexpr bool has_fix(generic_fix f) const noexcept { return (spec_->fixes & static_cast<std::uint8_t>(f)) != 0; }
  // The challenge (its position in the list) the hint is about; npos for the whole response.
  constexpr std::size_t challenge_index() const noexcept { return challenge_; }
  // The parameters the hint refers to, as views into the caller's input.
  constexpr param_views params() const noexcept { return {params_.data(), param_count_}; }
  // syntax.error: where the list stopped.
  constexpr parse_error error() const noexcept { return error_; }

  // Adds a view of a parameter when it is present.
  constexpr hint& with(const auth_param& p) noexcept {
    if (p && param_count_ < params_.size()) params_[param_count_++] = p;
    return *this;
  }
  constexpr hint& with(const parse_error& e) noexcept {
    error_ = e;
    return *this;
  }

 private:
  const hint_spec* spec_ = &hints::challenge_missing;  // never null, so no accessor can fault
  std::size_t challenge_ = npos;
  std::array<auth_param, max_hint_params> params_{};
  std::size_t param_count_ = 0;
  parse_error error_{};
};

inline constexpr std::size_t default_hint_capacity = 16;

// The hints of one response, in order: those about the whole response first, then those of
// each challenge in list order. Hints beyond the capacity are counted, never silently lost.
template <std::size_t Capacity = default_hint_capacity>
class hint_list {
 public:
  constexpr const hint* begin() const noexcept { return items_.data(); }
  constexpr const hint* end() const noexcept { return items_.data() + size_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const hint& operator[](std::size_t i) const noexcept { return items_[i]; }
  static constexpr std::size_t capacity() noexcept { return Capacity; }
  // True when hints did not fit: diagnose with a larger Capacity to see them all.
  constexpr bool overflowed() const noexcept { return dropped_ != 0; }
  constexpr std::size_t dropped() const noexcept { return dropped_; }
  constexpr bool contains(hint_id id) const noexcept { return count(id) != 0; }
  constexpr std::size_t count(hint_id id) const noexcept {
    std::size_t n = 0;
    for (const hint& h : *this) n += h.id() == id ? 1U : 0U;
    return n;
  }

  constexpr void push(const hint& h) noexcept {
    if (size_ < Capacity) {
      items_[size_++] = h;
    } else {
      ++dropped_;
    }
  }

 private:
  std::array<hint, Capacity> items_{};
  std::size_t size_ = 0;
  std::size_t dropped_ = 0;
};

}  // namespace wwwauth
