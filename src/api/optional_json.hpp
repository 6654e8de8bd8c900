// A value that may be absent, as JSON: the value, or null (never 0 or NaN).
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

namespace orderlens {

inline nlohmann::ordered_json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json();
}

}  // namespace orderlens
