// Helpers shared by the native tests that run fixtures: ingest a file in chunks and build the
// same report JSON as the npm package, and compare expected JSON as a subset.
#pragma once

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "model/dataset.hpp"

namespace orderlens::testing {

std::string read_file(const std::filesystem::path& path);
std::filesystem::path source_dir();

// The dataset of a fixture file (a path below tests/fixtures), read once per test run with
// default ingest options and the file's name in messages.
const Dataset& fixture_dataset(const std::string& relative_path);

// {"diagnostics", "customers"} or {"error": {"code", "message"}}; the input is pushed in chunks of
// `chunk` bytes (0: one push).
nlohmann::ordered_json run_report(const std::string& bytes, const std::string& options_json,
                                  const std::string& summary_json, std::size_t chunk);

// Empty when `actual` contains `expected` (see tests/fixtures/README.md); else where it differs.
std::string subset_mismatch(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual,
                            const std::string& path = "");

}  // namespace orderlens::testing
