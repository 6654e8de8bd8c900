// What every fuzz target shares: the input split into a few leading control bytes and the rest,
// and a chunking of the rest driven by those bytes, so libFuzzer explores chunk boundaries (a
// quote, a CRLF or a multi-byte character split between two pushes) as well as contents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace orderlens::fuzz {

class FuzzInput {
 public:
  FuzzInput(const std::uint8_t* data, std::size_t size) : rest_(reinterpret_cast<const char*>(data), size) {}
  // The next control byte (0 once the input is used up).
  std::uint8_t byte() {
    if (rest_.empty()) return 0;
    const auto b = static_cast<std::uint8_t>(rest_.front());
    rest_.remove_prefix(1);
    return b;
  }
  std::string_view rest() const { return rest_; }

 private:
  std::string_view rest_;
};

// Calls push(piece) for consecutive pieces of `text`. `seed` 0 pushes it whole; otherwise the
// sizes cycle through four values of 1..16 bytes taken from the seed and the text's length,
// small enough that every kind of boundary falls inside a token somewhere.
template <typename Push>
void push_in_chunks(std::string_view text, std::uint8_t seed, Push push) {
  if (seed == 0) {
    push(text);
    return;
  }
  const std::size_t sizes[4] = {std::size_t(seed & 15) + 1, std::size_t(seed >> 4) + 1, 1,
                                text.size() % 16 + 1};
  for (std::size_t at = 0, i = 0; at < text.size(); ++i) {
    const std::size_t n = sizes[i % 4];
    push(text.substr(at, n));
    at += n;
  }
}

// A broken invariant: report it the way the sanitizers do, so libFuzzer keeps the input.
[[noreturn]] inline void invariant_broken(const char* what) {
  std::fprintf(stderr, "orderlens fuzz invariant broken: %s\n", what);
  std::abort();
}

}  // namespace orderlens::fuzz
