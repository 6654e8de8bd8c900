// A column named by the caller (the mapping option of the orders and the events ingestion).
#pragma once

#include <cstdint>
#include <string>

namespace orderlens {

// A column named by the caller: by header name, or by 1-based position.
struct ColumnRef {
  std::string name;
  std::uint32_t number = 0;  // 1-based; 0 means "by name"
};

}  // namespace orderlens
