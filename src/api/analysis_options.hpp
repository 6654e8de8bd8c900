// What every analysis's JSON options parser (summary, CLV, segments, affinity) starts with: the
// options object, and the error for one bad option. Errors are IngestError(BadOption).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace orderlens {

// The object parsed from `text` ({} for blank text: every option at its default); otherwise
// "<what> options: expected a JSON object".
nlohmann::json analysis_options_object(std::string_view text, std::string_view what);

// "options.<key>: expected <expected>".
[[noreturn]] void bad_analysis_option(const std::string& key, const std::string& expected);

}  // namespace orderlens
