// HMAC (RFC 2104) over the streaming hashes of block_hash.hpp: H((K ^ opad) || H((K ^ ipad) || m)).
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wwwauth::detail {

template <class Hash>
class hmac {
 public:
  // A key longer than a block is hashed first (RFC 2104 section 2).
  constexpr explicit hmac(std::string_view key) noexcept {
    std::array<std::uint8_t, Hash::block_size> k{};
    if (key.size() > Hash::block_size) {
      const auto hashed = Hash::hash(key);
      for (std::size_t i = 0; i < hashed.size(); ++i) k[i] = hashed[i];
    } else {
      for (std::size_t i = 0; i < key.size(); ++i) k[i] = static_cast<std::uint8_t>(key[i]);
    }
    std::array<char, Hash::block_size> pad{};
    for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<char>(k[i] ^ 0x36);
    inner_.update(std::string_view(pad.data(), pad.size()));
    for (std::size_t i = 0; i < pad.size(); ++i) pad[i] = static_cast<char>(k[i] ^ 0x5c);
    outer_.update(std::string_view(pad.data(), pad.size()));
  }

  constexpr void update(std::string_view data) noexcept { inner_.update(data); }

  constexpr typename Hash::digest_type final() noexcept {
    const auto inner = inner_.final();
    std::array<char, Hash::digest_size> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(inner[i]);
    outer_.update(std::string_view(bytes.data(), bytes.size()));
    return outer_.final();
  }

 private:
  Hash inner_{};
  Hash outer_{};
};

}  // namespace wwwauth::detail
