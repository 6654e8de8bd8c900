#include "fixture_support.hpp"

#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "api/report_json.hpp"
#include "api/summary_options.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"
#include "native/xlsx_file.hpp"

namespace orderlens::testing {

namespace {
IngestResult read_text(const std::string& bytes, const std::string& options_json, std::size_t chunk) {
  Ingestor ingestor(parse_ingest_options(options_json));
  const std::size_t step = chunk ? chunk : (bytes.empty() ? 1 : bytes.size());
  for (std::size_t i = 0; i < bytes.size(); i += step) ingestor.push(std::string_view(bytes).substr(i, step));
  return ingestor.finish();
}
}  // namespace

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path source_dir() { return ORDERLENS_SOURCE_DIR; }

nlohmann::ordered_json run_report(const std::string& bytes, const std::string& options_json,
                                  const std::string& summary_json, std::size_t chunk) {
  nlohmann::ordered_json out;
  try {
    // A workbook goes to the workbook reader, as the package's load() sends it.
    IngestResult result = looks_like_zip(bytes) ? read_xlsx_bytes(bytes, parse_ingest_options(options_json), chunk ? chunk : 1 << 16)
                                                : read_text(bytes, options_json, chunk);
    const CustomerSummary summary = summarize_customers(*result.dataset, parse_summary_options(summary_json));
    out["diagnostics"] = diagnostics_json(result.diagnostics);
    out["customers"] = customers_json(*result.dataset, summary);
  } catch (const IngestError& e) {
    out["error"] = {{"code", ingest_error_code_name(e.code())}, {"message", e.what()}};
  }
  return out;
}

std::string subset_mismatch(const nlohmann::ordered_json& expected, const nlohmann::ordered_json& actual,
                            const std::string& path) {
  const std::string where = path.empty() ? "(root)" : path;
  if (expected.is_object()) {
    if (!actual.is_object()) return where + ": expected an object, got " + actual.dump();
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return where + "." + key + ": missing";
      std::string m = subset_mismatch(value, actual.at(key), path + "." + key);
      if (!m.empty()) return m;
    }
    return "";
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size())
      return where + ": expected " + std::to_string(expected.size()) + " elements, got " + actual.dump();
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::string m = subset_mismatch(expected[i], actual[i], path + "[" + std::to_string(i) + "]");
      if (!m.empty()) return m;
    }
    return "";
  }
  if (expected.is_number() && actual.is_number()) {
    const double e = expected.get<double>(), a = actual.get<double>();
    if (std::fabs(e - a) <= 1e-9 * std::max(1.0, std::fabs(e))) return "";
    return where + ": expected " + expected.dump() + ", got " + actual.dump();
  }
  if (expected != actual) return where + ": expected " + expected.dump() + ", got " + actual.dump();
  return "";
}

const Dataset& fixture_dataset(const std::string& relative_path) {
  static std::map<std::string, IngestResult> cache;
  auto it = cache.find(relative_path);
  if (it == cache.end()) {
    const std::filesystem::path path = source_dir() / "tests/fixtures" / relative_path;
    Ingestor ingestor(parse_ingest_options(nlohmann::json{{"fileName", path.filename().string()}}.dump()));
    ingestor.push(read_file(path));
    it = cache.emplace(relative_path, ingestor.finish()).first;
  }
  return *it->second.dataset;
}

}  // namespace orderlens::testing
