// File offsets of line starts in raw bytes, lines counted as the tokenizer counts physical
// lines (LF, CRLF and a lone CR each end one line).
//
// A later part of a parallel ingestion uses it to turn the line of its first own row into a
// file offset: the text it tokenizes is decoded, not the file's bytes (CP949 Hangul takes 2
// bytes in the file and 3 in UTF-8; an invalid byte becomes the 3-byte U+FFFD). CR and LF are
// single bytes that never occur inside a multi-byte sequence in UTF-8 or CP949, the encodings a
// parallel read allows.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ingest/swar.hpp"

namespace orderlens {

class RawLineStarts {
 public:
  // `first`: the file offset of line 1.
  explicit RawLineStarts(std::uint64_t first) : starts_{first} {}

  // Scans the next raw bytes, which lie at file offset `offset`.
  void scan(std::string_view bytes, std::uint64_t offset) {
    const char* const begin = bytes.data();
    const char* const end = begin + bytes.size();
    for (const char* p = begin; (p = line_ends_.find(p, end)) != end; ++p) {
      const std::uint64_t at = offset + static_cast<std::uint64_t>(p - begin);
      if (*p == '\n' && at == after_cr_) {
        starts_.back() = at + 1;  // the LF of a CRLF: the line starts after it
      } else {
        starts_.push_back(at + 1);
      }
      if (*p == '\r') after_cr_ = at + 1;
    }
  }

  // Where 1-based `line` starts; nullopt when the bytes up to it have not been scanned.
  std::optional<std::uint64_t> start_of(std::uint64_t line) const {
    if (line == 0 || line > starts_.size()) return std::nullopt;
    return starts_[line - 1];
  }

 private:
  swar::ByteSetFinder line_ends_{'\r', '\n', '\r', '\n'};
  std::vector<std::uint64_t> starts_;
  std::uint64_t after_cr_ = UINT64_MAX;  // the offset just after the last CR
};

}  // namespace orderlens
