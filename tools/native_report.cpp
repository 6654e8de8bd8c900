// Native twin of the npm package's report: ingests a file with the core built by g++ and prints
// the same JSON ({diagnostics, summary, customers} or {error}). The node tests compare it with
// the WASM build field by field.
//
//   orderlens_native <file> [--options JSON] [--summary JSON] [--clv JSON] [--chunk BYTES]
// With --clv the output is {diagnostics, clv, customers} with the CLV predictions per customer.
// With --segments JSON [--events FILE] it is {diagnostics, segments, members}: the segmentation
// JSON and, per pack, every member's group key and column values (for native/WASM comparisons).
// With --kpis, --cohorts, --channels or --readiness JSON (options) it is {diagnostics, <that>}:
// the same JSON text the WASM build returns (--events FILE adds visitors to --kpis and --readiness).
// With --recommend JSON (options) it is {diagnostics, recommend}: the recommendations of every
// customer listed, with their texts filled in (api/recommend_json.hpp).
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "api/channels_json.hpp"
#include "api/clv_json.hpp"
#include "api/cohorts_json.hpp"
#include "api/kpis_json.hpp"
#include "api/readiness_json.hpp"
#include "api/recommend_json.hpp"
#include "api/segments_json.hpp"
#include "events/event_ingestor.hpp"
#include "events/event_options.hpp"
#include "api/report_json.hpp"
#include "api/summary_options.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"
#include "native/xlsx_file.hpp"
#include "util/civil_date.hpp"

namespace {

std::string read_whole_file(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) throw std::invalid_argument("cannot open " + path);
  std::string bytes;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  std::fclose(f);
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace orderlens;
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <file> [--options JSON] [--summary JSON] [--clv JSON] [--chunk BYTES]\n", argv[0]);
    return 2;
  }
  std::string options_json, summary_json, clv_options_json, segments_json, events_file, recommend_json_options;
  bool clv = false, segments = false, recommendations = false;
  // --kpis / --cohorts / --channels / --readiness: the analysis and its options.
  std::string report_kind, report_options;
  std::size_t chunk = 1 << 20;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--options")) options_json = argv[i + 1];
    else if (!std::strcmp(argv[i], "--summary")) summary_json = argv[i + 1];
    else if (!std::strcmp(argv[i], "--clv")) clv_options_json = argv[i + 1], clv = true;
    else if (!std::strcmp(argv[i], "--segments")) segments_json = argv[i + 1], segments = true;
    else if (!std::strcmp(argv[i], "--events")) events_file = argv[i + 1];
    else if (!std::strcmp(argv[i], "--recommend")) recommend_json_options = argv[i + 1], recommendations = true;
    else if (!std::strcmp(argv[i], "--kpis") || !std::strcmp(argv[i], "--cohorts") || !std::strcmp(argv[i], "--channels") ||
             !std::strcmp(argv[i], "--readiness"))
      report_kind = argv[i] + 2, report_options = argv[i + 1];
    else if (!std::strcmp(argv[i], "--chunk")) {
      const char* end = argv[i + 1] + std::strlen(argv[i + 1]);
      if (std::from_chars(argv[i + 1], end, chunk).ptr != end) {
        std::fprintf(stderr, "--chunk expects a number of bytes, got %s\n", argv[i + 1]);
        return 2;
      }
    }
  }
  nlohmann::ordered_json out;
  try {
    IngestOptions options = parse_ingest_options(options_json);
    const SummaryOptions summary_options = parse_summary_options(summary_json);
    FILE* f = std::fopen(argv[1], "rb");
    if (!f) {
      std::fprintf(stderr, "cannot open %s\n", argv[1]);
      return 2;
    }
    std::vector<char> buf(chunk ? chunk : 1);
    std::size_t n = std::fread(buf.data(), 1, std::min<std::size_t>(buf.size(), 4), f);
    IngestResult result;
    if (looks_like_zip(std::string_view(buf.data(), n))) {
      // A workbook: read whole (random access), as the package reads a File.
      std::fclose(f);
      result = read_xlsx_bytes(read_whole_file(argv[1]), std::move(options), chunk ? chunk : 1 << 16);
    } else {
      Ingestor ingestor(std::move(options));
      ingestor.push(std::string_view(buf.data(), n));
      while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) ingestor.push(std::string_view(buf.data(), n));
      std::fclose(f);
      result = ingestor.finish();
    }
    out["diagnostics"] = diagnostics_json(result.diagnostics);
    if (clv) {
      const clv::ClvOptions clv_options = parse_clv_options(clv_options_json);
      const clv::ClvAnalysis analysis = clv::analyze_clv(*result.dataset, clv_options);
      out["clv"] = clv_json(analysis, clv_options);
      out["customers"] = clv_customers_json(*result.dataset, analysis);
      std::puts(out.dump(1).c_str());
      return 0;
    }
    if (recommendations) {
      const Dataset& ds = *result.dataset;
      out["recommend"] = recommend_json(ds, recommend::recommend(ds, parse_recommend_options(recommend_json_options)));
      std::puts(out.dump(1).c_str());
      return 0;
    }
    std::optional<EventIngestResult> events;
    if (!events_file.empty()) {
      EventIngestor event_ingestor(parse_event_ingest_options(R"({"fileName":"events"})"));
      event_ingestor.push(read_whole_file(events_file));
      events = event_ingestor.finish();
    }
    const EventLog* log = events ? events->log.get() : nullptr;
    if (!report_kind.empty()) {
      const Dataset& ds = *result.dataset;
      const std::string text = report_kind == "kpis"      ? kpis_report(ds, report_options, log)
                               : report_kind == "cohorts" ? cohorts_report(ds, report_options)
                               : report_kind == "channels" ? channels_report(ds, report_options, log)
                                                           : readiness_report(ds, report_options, log);
      out[report_kind] = nlohmann::ordered_json::parse(text);
      std::puts(out.dump(1).c_str());
      return 0;
    }
    if (segments) {
      const segments::Segmentation s = segments::segment_customers(*result.dataset, parse_segmentation_options(segments_json), log);
      out["segments"] = segmentation_json(s);
      nlohmann::ordered_json members;
      for (const segments::PackResult& p : s.packs) {
        nlohmann::ordered_json pack;
        nlohmann::ordered_json groups = nlohmann::ordered_json::array();
        for (std::uint8_t g : p.group_of) groups.push_back(p.groups[g].key);
        pack["groups"] = groups;
        for (const segments::MemberColumn& c : p.columns) pack[c.key] = c.values;
        members[p.key] = pack;
      }
      out["members"] = members;
      std::puts(out.dump(1).c_str());
      return 0;
    }
    const CustomerSummary summary = summarize_customers(*result.dataset, summary_options);
    out["summary"] = {{"unit", time_unit_name(summary.unit)},
                      {"endDate", format_iso_date(summary.end_day)},
                      {"customers", summary.size()}};
    out["customers"] = customers_json(*result.dataset, summary);
  } catch (const IngestError& e) {
    out = {{"error", {{"code", ingest_error_code_name(e.code())}, {"message", e.what()}}}};
  } catch (const std::invalid_argument& e) {
    out = {{"error", {{"code", "bad_input"}, {"message", e.what()}}}};
  }
  std::puts(out.dump(1).c_str());
  return out.contains("error") ? 1 : 0;
}
