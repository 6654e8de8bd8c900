// Text encodings of order exports, decoded inside the core to UTF-8.
//
// Supported: UTF-8 (with or without BOM), CP949 / EUC-KR (Korean Windows exports; CP949 is a
// superset of EUC-KR), UTF-16LE/BE (Excel's "Unicode text", normally with a BOM).
// Auto-detection: BOM -> UTF-16 NUL-byte pattern -> valid UTF-8 at the first non-ASCII text -> CP949.
// The decoder is streaming: chunks may split any multi-byte sequence.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace orderlens {

enum class Encoding : std::uint8_t { Auto, Utf8, Cp949, Utf16Le, Utf16Be };

// Accepts the usual labels: "auto", "utf-8"/"utf8", "cp949"/"euc-kr"/"uhc"/"ks_c_5601-1987"/
// "windows-949", "utf-16le"/"utf-16"/"unicode", "utf-16be". Case and punctuation are ignored.
std::optional<Encoding> encoding_from_name(std::string_view name);
std::string_view encoding_name(Encoding e);

// UTF-16 text without a BOM: mostly-ASCII text has a zero in every other byte.
std::optional<Encoding> utf16_by_zero_pattern(std::string_view prefix);

// Receives decoded UTF-8 text. Spans are only valid during the call.
class TextSink {
 public:
  virtual ~TextSink() = default;
  virtual void on_text(std::string_view utf8) = 0;
};

// One place where the input could not be decoded; the bytes are replaced by U+FFFD.
struct DecodeIssue {
  std::uint64_t line = 0;         // 1-based, counting LF line ends
  std::uint64_t byte_offset = 0;  // 0-based offset in the raw file
  std::string bytes_hex;          // the offending bytes, e.g. "C3 28"
};

class StreamingDecoder {
 public:
  // `base_offset`: where the first pushed byte lies in the file (a later part of a file read in
  // parallel), so reported byte offsets are offsets in the file.
  explicit StreamingDecoder(Encoding requested, std::uint64_t base_offset = 0);

  void push(std::string_view bytes, TextSink& sink);
  // Flushes held bytes; an incomplete sequence at the end of the file becomes U+FFFD.
  void finish(TextSink& sink);

  // The encoding in use; Auto while undecided (only ASCII seen so far).
  Encoding encoding() const { return encoding_; }
  // True once the encoding is known from evidence: a BOM, the caller, or non-ASCII text (not when
  // an all-ASCII input ended and was read as UTF-8 by default).
  bool known() const { return stage_ == Stage::Decoding && !ascii_only_; }
  // Why this encoding was chosen, in words for the diagnostics.
  const std::string& detection_reason() const { return reason_; }
  bool had_bom() const { return had_bom_; }
  // Bytes pushed but not passed on yet (while deciding the encoding, or a split sequence).
  bool holds_bytes() const { return !held_.empty(); }
  std::uint64_t invalid_sequences() const { return invalid_count_; }
  // A later part of a file read in parallel: invalid sequences are held apart until
  // count_invalid_from(offset) keeps those at or after `offset` (the part's own rows; the
  // previous part reads, and counts, the bytes before).
  void hold_invalid() { holding_invalid_ = true; }
  void count_invalid_from(std::uint64_t offset);
  const std::vector<DecodeIssue>& invalid_examples() const { return invalid_examples_; }
  std::uint64_t bytes_in() const { return bytes_in_; }

 private:
  enum class Stage : std::uint8_t { Prefix, AsciiUndecided, Probing, Decoding };

  void decide_from_prefix(std::string_view prefix);
  void run(std::string_view bytes, bool final, TextSink& sink);
  void run_ascii_undecided(std::string_view bytes, bool final, TextSink& sink);
  void decide_ascii_compatible(std::string_view window);
  void decode(std::string_view bytes, bool final, TextSink& sink);
  void decode_utf8(std::string_view bytes, bool final, TextSink& sink);
  void decode_cp949(std::string_view bytes, bool final, TextSink& sink);
  void decode_utf16(std::string_view bytes, bool final, TextSink& sink);
  void report_invalid(std::string_view bytes, std::uint64_t offset);

  Encoding requested_;
  Encoding encoding_ = Encoding::Auto;
  Stage stage_ = Stage::Prefix;
  bool had_bom_ = false;
  bool ascii_only_ = false;
  std::string reason_;
  std::string held_;         // bytes not yet decodable (prefix sniffing, split sequences)
  std::string out_;          // reused output buffer for transcoding encodings
  std::uint64_t consumed_ = 0;  // raw bytes fully handled so far (offset of held_ data)
  std::uint64_t bytes_in_ = 0;
  std::uint64_t lines_ = 0;     // LF seen so far in handled bytes
  std::uint32_t pending_surrogate_ = 0;
  std::uint64_t pending_surrogate_offset_ = 0;
  std::uint64_t invalid_count_ = 0;
  std::vector<DecodeIssue> invalid_examples_;
  bool holding_invalid_ = false;
  std::vector<DecodeIssue> held_invalid_;  // while holding: every one, not only examples
};

}  // namespace orderlens
