// Native side of the recommendations benchmark (bench/recommend.mjs): ingests an orders export,
// then times recommend() for every customer with the given options, the result's head JSON
// included (the WASM side returns the lists as typed arrays, not JSON). Prints one JSON line with
// the fastest of `--runs` runs and the head of the last result (with the holdout evaluation
// when the options have calibrationEnd).
//
//   orderlens_recommend_bench <orders.csv> <options JSON> [--runs N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "api/recommend_json.hpp"
#include "bench_support.hpp"
#include "ingest/ingestor.hpp"

int main(int argc, char** argv) {
  using namespace orderlens;
  if (argc < 3) return 2;
  const int runs = argc > 4 && !std::strcmp(argv[3], "--runs") ? std::max(1, std::atoi(argv[4])) : 3;
  try {
    Ingestor orders(parse_ingest_options("{}"));
    orders.push(bench::read_file(argv[1]));
    const IngestResult dataset = orders.finish();
    const recommend::RecommendOptions options = parse_recommend_options(argv[2]);
    double best = 1e9;
    nlohmann::ordered_json head;
    for (int r = 0; r < runs; ++r) {
      const auto start = std::chrono::steady_clock::now();
      const recommend::RecommendResult result = recommend::recommend(*dataset.dataset, options);
      head = recommend_json_head(result);
      best = std::min(best, bench::seconds_since(start));
    }
    nlohmann::ordered_json out;
    out["seconds"] = best;
    out["runs"] = runs;
    out["result"] = head;
    std::puts(out.dump().c_str());
  } catch (const std::exception& e) {
    std::printf("{\"error\":\"%s\"}\n", e.what());
    return 1;
  }
  return 0;
}
