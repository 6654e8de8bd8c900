// UTF-8 -> CP949, for exports that old Excel versions open as Korean. The inverse of the decode
// table (cp949_table.hpp), built once on first use. A character CP949 cannot represent becomes
// '?' and is counted, never dropped silently.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orderlens {

struct Cp949Text {
  std::string bytes;
  std::size_t unmappable = 0;  // characters written as '?' (not in CP949, or invalid UTF-8)
};

Cp949Text encode_cp949(std::string_view utf8);

}  // namespace orderlens
