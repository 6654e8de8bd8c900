// Recognizes files that are not text exports before any decoding, so the user is told what
// the file is ("an Excel workbook") instead of seeing a wall of garbled rows.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orderlens {

enum class FileKind : std::uint8_t { Text, Zip, Ole, Pdf, Gzip, Image, Binary };

// `prefix` is the first bytes of the file (4 KB or the whole file when shorter).
FileKind sniff_file_kind(std::string_view prefix);

// What the file is and what to do, for a file that is not text.
std::string not_text_message(FileKind kind);

}  // namespace orderlens
