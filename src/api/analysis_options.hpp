// What every analysis's JSON options parser (summary, CLV, segments, affinity) starts with: the
// options object, and the error for one bad option. Errors are IngestError(BadOption).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace orderlens {

// The object parsed from `text` ({} for blank text: every option at its default); otherwise
// "<what> options: expected a JSON object".
nlohmann::json analysis_options_object(std::string_view text, std::string_view what);

// "options.<key>: expected <expected>".
[[noreturn]] void bad_analysis_option(const std::string& key, const std::string& expected);

// One option's value, or bad_analysis_option:
// a whole number in [low, high] ("a whole number from <low> to <high>");
std::int32_t whole_number_option(const nlohmann::json& v, const std::string& key, std::int64_t low, std::int64_t high);
// a number in [min, max] (`expected` says it in words);
double number_option(const std::string& key, const nlohmann::json& v, double min, double max, const char* expected);
// one of `choices` ("one of "a", "b"").
std::string choice_option(const nlohmann::json& v, const std::string& key, std::initializer_list<const char*> choices);
// true or false.
bool bool_option(const nlohmann::json& v, const std::string& key);

}  // namespace orderlens
