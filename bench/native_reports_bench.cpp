// Native side of the KPI benchmark (bench/kpis.mjs): ingests an orders export and an events
// file, then times the KPI table (with visitors), the monthly cohorts and the channel report
// (without the CLV fit), result JSON included, as the WASM side does. Prints one JSON line; the
// fastest of `--runs` runs of the three together, and of each alone.
//
//   orderlens_reports_bench <orders.csv> <events.csv> [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "api/channels_json.hpp"
#include "api/cohorts_json.hpp"
#include "api/kpis_json.hpp"
#include "bench_support.hpp"
#include "events/event_ingestor.hpp"
#include "events/event_options.hpp"
#include "ingest/ingestor.hpp"

int main(int argc, char** argv) {
  using namespace orderlens;
  using bench::read_file;
  using bench::seconds_since;
  if (argc < 3) return 2;
  const int runs = argc > 4 && !std::strcmp(argv[3], "--runs") ? std::max(1, std::atoi(argv[4])) : 3;
  try {
    Ingestor orders(parse_ingest_options("{}"));
    orders.push(read_file(argv[1]));
    const IngestResult dataset = orders.finish();
    EventIngestor events(parse_event_ingest_options("{}"));
    events.push(read_file(argv[2]));
    const EventIngestResult log = events.finish();
    const Dataset& ds = *dataset.dataset;
    double total = 1e9, kpis = 1e9, cohorts = 1e9, channels = 1e9;
    std::size_t bytes = 0;
    for (int r = 0; r < runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      bytes = kpis_report(ds, "{}", log.log.get()).size();
      const double a = seconds_since(start);
      bytes += cohorts_report(ds, "{}").size();
      const double b = seconds_since(start);
      bytes += channels_report(ds, R"({"predictClv":false})").size();
      const double c = seconds_since(start);
      total = std::min(total, c);
      kpis = std::min(kpis, a);
      cohorts = std::min(cohorts, b - a);
      channels = std::min(channels, c - b);
    }
    std::printf("{\"seconds\":%.4f,\"kpisSeconds\":%.4f,\"cohortsSeconds\":%.4f,\"channelsSeconds\":%.4f,\"jsonBytes\":%zu,\"runs\":%d}\n",
                total, kpis, cohorts, channels, bytes, runs);
  } catch (const std::exception& e) {
    std::printf("{\"error\":\"%s\"}\n", e.what());
    return 1;
  }
  return 0;
}
