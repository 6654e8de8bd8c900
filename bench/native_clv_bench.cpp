// Native twin of bench/wasm-clv.mjs: the CLV workload with the C++ core built by g++. Prints one
// JSON line: the 1M-customer fit + predict times and the CDNOW fit times (best of --reps).
//
//   orderlens_clv_bench <cdnow_sample_transactions.csv> [--customers N] [--reps K]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "clv/clv_analysis.hpp"
#include "clv/simulate.hpp"
#include "ingest/ingest_options.hpp"
#include "ingest/ingestor.hpp"
#include "util/civil_date.hpp"

namespace {

using namespace orderlens;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) { return std::chrono::duration<double, std::milli>(Clock::now() - start).count(); }

// The benchmark population, as in bench/wasm-clv.mjs: BG/NBD in days, T of 30-730 days.
clv::TransactionParams population_params() {
  return clv::TransactionParams::from_values(clv::TransactionModel::BgNbd, {0.8, 80, 0.6, 3.0});
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s <cdnow_sample_transactions.csv> [--customers N] [--reps K]\n", argv[0]);
    return 2;
  }
  std::size_t customers = 1'000'000;
  int reps = 3;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--customers")) customers = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--reps")) reps = std::atoi(argv[i + 1]);
  }
  nlohmann::ordered_json out;

  clv::SimulationOptions sim;
  sim.customers = customers;
  sim.min_T = 30;
  sim.max_T = 730;
  sim.whole_days = true;
  sim.spend = clv::SpendParams{6, 4, 15};
  auto start = Clock::now();
  const clv::SimulatedCustomers pop = clv::simulate_customers(population_params(), sim);
  out["simulateMs"] = ms_since(start);

  clv::ClvOptions options;  // BG/NBD + Gamma-Gamma, days, 12 months
  double best = 1e300;
  clv::ArrayClvResult result;
  for (int r = 0; r < reps; ++r) {
    start = Clock::now();
    result = clv::analyze_clv_arrays(pop.frequency, pop.recency, pop.T, pop.monetary, options);
    best = std::min(best, ms_since(start));
  }
  double clv_total = 0;
  for (double v : result.predictions.clv) clv_total += v;
  out["fitPredict"] = {{"customers", customers},
                       {"ms", best},
                       {"distinctRows", result.fit.report.rows},
                       {"status", clv::fit_status_key(result.fit.report.status)},
                       {"params", result.fit.params.values()},
                       {"spendParams", {result.spend_fit->params.p, result.spend_fit->params.q, result.spend_fit->params.v}},
                       {"clvTotal", clv_total}};

  // CDNOW: ingest, summarize in weeks to 1997-09-30, fit each model.
  std::ifstream file(argv[1], std::ios::binary);
  std::stringstream bytes;
  bytes << file.rdbuf();
  Ingestor ingestor(parse_ingest_options("{}"));
  ingestor.push(bytes.str());
  const IngestResult ingested = ingestor.finish();
  SummaryOptions so;
  so.unit = TimeUnit::Weeks;
  so.end_day = days_from_civil(1997, 9, 30);
  const CustomerSummary s = summarize_customers(*ingested.dataset, so);
  const clv::RfmRows rows = clv::compress_rfm(s.frequency, s.recency, s.T);
  const clv::SpendRows spend_rows = clv::compress_spend(s.frequency, s.monetary);
  nlohmann::ordered_json cdnow;
  for (auto model : {clv::TransactionModel::BgNbd, clv::TransactionModel::MbgNbd, clv::TransactionModel::ParetoNbd}) {
    double fastest = 1e300;
    clv::TransactionFit fit;
    for (int r = 0; r < reps; ++r) {
      start = Clock::now();
      fit = clv::fit_transactions(model, rows);
      fastest = std::min(fastest, ms_since(start));
    }
    cdnow[std::string(clv::model_key(model))] = {{"ms", fastest}, {"logLikelihood", fit.report.log_likelihood}};
  }
  // BG/NBD with Gamma-Gamma, as the WASM side times it (Gamma-Gamma alone is too quick to time
  // apart there).
  double fastest = 1e300;
  clv::SpendFit gg;
  for (int r = 0; r < reps; ++r) {
    start = Clock::now();
    clv::fit_transactions(clv::TransactionModel::BgNbd, rows);
    gg = clv::fit_spend(spend_rows);
    fastest = std::min(fastest, ms_since(start));
  }
  cdnow["bgnbd_gg"] = {{"ms", fastest}, {"logLikelihood", gg.report.log_likelihood}};
  out["cdnow"] = cdnow;
  std::puts(out.dump().c_str());
  return 0;
}
