// Native side of the segments benchmark (bench/segments.mjs): ingests an orders export and an
// events file, then times one segmentation with every pack (RFM, repurchase, funnel, cycle,
// cross-sell from affinity, tiers, custom rules) plus product affinity, including building the
// result JSON, as the WASM side does. Prints one JSON line; the fastest of `--runs` runs.
//
//   orderlens_segments_bench <orders.csv> <events.csv> <options.json> [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "api/segments_json.hpp"
#include "bench_support.hpp"
#include "events/event_ingestor.hpp"
#include "events/event_options.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"

int main(int argc, char** argv) {
  using namespace orderlens;
  using bench::read_file;
  using bench::seconds_since;
  if (argc < 4) return 2;
  const int runs = argc > 5 && !std::strcmp(argv[4], "--runs") ? std::max(1, std::atoi(argv[5])) : 3;
  try {
    Ingestor orders(parse_ingest_options("{}"));
    orders.push(read_file(argv[1]));
    const IngestResult dataset = orders.finish();
    EventIngestor events(parse_event_ingest_options("{}"));
    auto start = std::chrono::steady_clock::now();
    events.push(read_file(argv[2]));
    const EventIngestResult log = events.finish();
    const double events_seconds = seconds_since(start);
    const std::string options = read_file(argv[3]);
    double best = 1e9;
    std::size_t packs = 0, customers = 0;
    for (int r = 0; r < runs; ++r) {
      start = std::chrono::steady_clock::now();
      const segments::Segmentation s = segments::segment_customers(*dataset.dataset, parse_segmentation_options(options), log.log.get());
      const std::string json = segmentation_json(s).dump();
      best = std::min(best, seconds_since(start));
      packs = s.packs.size();
      customers = s.base.size();
    }
    std::printf("{\"seconds\":%.4f,\"eventsSeconds\":%.4f,\"packs\":%zu,\"customers\":%zu,\"visitors\":%zu,\"runs\":%d}\n", best,
                events_seconds, packs, customers, log.log->size(), runs);
  } catch (const std::exception& e) {
    std::printf("{\"error\":\"%s\"}\n", e.what());
    return 1;
  }
  return 0;
}
