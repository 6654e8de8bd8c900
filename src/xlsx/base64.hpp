// Base64 (RFC 4648, standard alphabet) decoding for the binary values of Office's encryption
// descriptor. A dozen short values per file: a plain table-free decoder is plenty.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace orderlens {

// The bytes `text` encodes; ASCII whitespace is skipped, '=' padding is optional. Nullopt when
// `text` holds another character or a dangling bit group.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace orderlens
