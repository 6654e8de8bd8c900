// The whole pipeline on tiny inputs, through the same api functions the package and
// tools/native_report.cpp call: ingest (in random chunks) -> diagnostics, customers, segments,
// CLV, KPIs and cohorts as JSON text. Control bytes: the chunking, the decimal mark and
// day/month order given or detected. Errors must be the values the bindings turn into
// {error}: IngestError or std::invalid_argument; anything else (a crash, a JSON type_error on
// text that is not UTF-8, a sanitizer report) is a finding.
#include <stdexcept>
#include <string>

#include "api/clv_json.hpp"
#include "api/cohorts_json.hpp"
#include "api/kpis_json.hpp"
#include "api/report_json.hpp"
#include "api/segments_json.hpp"
#include "api/summary_options.hpp"
#include "fuzz_support.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"

namespace {

using namespace orderlens;

void analyze(const Dataset& ds) {
  const CustomerSummary summary = summarize_customers(ds, parse_summary_options(""));
  (void)customers_json(ds, summary).dump();
  (void)segmentation_json(segments::segment_customers(ds, parse_segmentation_options(""), nullptr), false).dump();
  (void)kpis_report(ds, "", nullptr);
  (void)cohorts_report(ds, "");
  try {
    const clv::ClvOptions options = parse_clv_options("");
    (void)clv_json(clv::analyze_clv(ds, options), options).dump();
  } catch (const std::invalid_argument&) {
    // e.g. no customer to fit the model on: the package returns it as {error}
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::FuzzInput in(data, size);
  const std::uint8_t seed = in.byte();
  const std::uint8_t flags = in.byte();
  IngestOptions options;
  options.file_name = "fuzz.csv";
  if (flags & 1) options.decimal_separator = (flags & 2) ? DecimalSeparator::Comma : DecimalSeparator::Point;
  if (flags & 4) options.day_month_order = (flags & 8) ? DayMonthOrder::DayFirst : DayMonthOrder::MonthFirst;
  const std::string bytes(in.rest());
  try {
    Ingestor ingestor(std::move(options));
    fuzz::push_in_chunks(bytes, seed, [&](std::string_view piece) { ingestor.push(piece); });
    IngestResult result = ingestor.finish();
    (void)diagnostics_json(result.diagnostics).dump();
    analyze(*result.dataset);
  } catch (const IngestError&) {
  } catch (const std::invalid_argument&) {
  }
  return 0;
}
