// Encoding detection and the streaming decoders (ingest/encoding.hpp): UTF-8, CP949, UTF-16LE/BE
// and automatic detection, with random chunking. Control bytes: the encoding asked for, the
// chunking. Invariants: the output is valid UTF-8, and for a named encoding the chunked output
// equals the one-chunk output (chunks may split any multi-byte sequence).
#include <string>

#include "fuzz_support.hpp"
#include "ingest/encoding.hpp"

namespace {

using namespace orderlens;

struct Collect final : TextSink {
  std::string text;
  void on_text(std::string_view utf8) override { text += utf8; }
};

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

struct Decoded {
  std::string text;
  std::uint64_t invalid;
  Encoding encoding;
};

Decoded decode(std::string_view bytes, Encoding requested, std::uint8_t seed) {
  StreamingDecoder decoder(requested);
  Collect sink;
  fuzz::push_in_chunks(bytes, seed, [&](std::string_view piece) { decoder.push(piece, sink); });
  decoder.finish(sink);
  if (decoder.holds_bytes()) fuzz::invariant_broken("the decoder holds bytes after finish");
  return {sink.text, decoder.invalid_sequences(), decoder.encoding()};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput in(data, size);
  static constexpr Encoding kEncodings[5] = {Encoding::Auto, Encoding::Utf8, Encoding::Cp949, Encoding::Utf16Le,
                                             Encoding::Utf16Be};
  const Encoding requested = kEncodings[in.byte() % 5];
  const std::uint8_t seed = in.byte();
  const std::string bytes(in.rest());
  (void)utf16_by_zero_pattern(bytes);
  const Decoded chunked = decode(bytes, requested, seed);
  if (!valid_utf8(chunked.text)) fuzz::invariant_broken("the decoder wrote invalid UTF-8");
  if (requested != Encoding::Auto) {
    const Decoded whole = decode(bytes, requested, 0);
    if (whole.text != chunked.text || whole.invalid != chunked.invalid)
      fuzz::invariant_broken("chunked decoding differs from one-chunk decoding");
  }
  return 0;
}
