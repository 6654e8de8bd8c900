// Checks shared by the JSON option parsers: the first key of an object that is not allowed, and
// the allowed keys as a list for the message.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace orderlens {

inline std::string key_list(std::initializer_list<const char*> keys) {
  std::string list;
  for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
  return list;
}

// The first key of object `v` not in `allowed`, if any.
inline std::optional<std::string> unknown_key(const nlohmann::json& v, std::initializer_list<const char*> allowed) {
  for (const auto& item : v.items()) {
    const std::string& key = item.key();
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) return key;
  }
  return std::nullopt;
}

}  // namespace orderlens
