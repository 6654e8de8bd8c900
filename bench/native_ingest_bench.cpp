// Native side of `npm run bench`: ingests a file in 1 MB chunks and builds the customer summary,
// printing one JSON line with seconds, MB/s, rows/s and peak memory (max RSS), so the JS
// benchmark can print native, WASM and the JS peer side by side.
//
//   orderlens_bench <file> [--options JSON]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"
#include "model/customer_summary.hpp"
#include "native/xlsx_file.hpp"

int main(int argc, char** argv) {
  using namespace orderlens;
  if (argc < 2) return 2;
  std::string options_json = argc > 3 && !std::strcmp(argv[2], "--options") ? argv[3] : "";
  FILE* f = std::fopen(argv[1], "rb");
  if (!f) return 2;
  std::vector<char> buf(1 << 20);
  const auto start = std::chrono::steady_clock::now();
  try {
    std::size_t n = std::fread(buf.data(), 1, 4, f);
    IngestResult result;
    if (looks_like_zip(std::string_view(buf.data(), n))) {
      // A workbook (bench/xlsx.mjs): read whole, entries inflated with zlib.
      std::string file(buf.data(), n);
      while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) file.append(buf.data(), n);
      result = read_xlsx_bytes(file, parse_ingest_options(options_json));
    } else {
      Ingestor ingestor(parse_ingest_options(options_json));
      ingestor.push(std::string_view(buf.data(), n));
      while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) ingestor.push(std::string_view(buf.data(), n));
      result = ingestor.finish();
    }
    const CustomerSummary summary = summarize_customers(*result.dataset, {});
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double mb = static_cast<double>(result.diagnostics.bytes) / 1e6;
    std::printf(
        "{\"seconds\":%.4f,\"megabytes\":%.2f,\"mbPerSecond\":%.1f,\"rows\":%llu,\"rowsPerSecond\":%.0f,"
        "\"customers\":%zu,\"orders\":%llu,\"peakRssMb\":%.1f,\"tablesMb\":%.1f}\n",
        seconds, mb, mb / seconds, static_cast<unsigned long long>(result.diagnostics.rows_read),
        static_cast<double>(result.diagnostics.rows_read) / seconds, summary.size(),
        static_cast<unsigned long long>(result.diagnostics.orders), usage.ru_maxrss / 1024.0,
        static_cast<double>(result.dataset->memory_bytes()) / 1e6);
  } catch (const IngestError& e) {
    std::printf("{\"error\":\"%s\"}\n", e.what());
    return 1;
  }
  std::fclose(f);
  return 0;
}
