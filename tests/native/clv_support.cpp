#include "clv_support.hpp"

#include "fixture_support.hpp"
#include "ingest/ingest_options.hpp"
#include "ingest/ingestor.hpp"
#include "util/civil_date.hpp"

namespace orderlens::testing {

namespace {

const Dataset& cdnow_dataset() { return fixture_dataset("cdnow/cdnow_sample_transactions.csv"); }

}  // namespace

const CustomerSummary& cdnow_calibration_summary() {
  static const CustomerSummary summary = [] {
    SummaryOptions options;
    options.unit = TimeUnit::Weeks;
    options.end_day = days_from_civil(1997, 9, 30);
    return summarize_customers(cdnow_dataset(), options);
  }();
  return summary;
}

const clv::RfmRows& cdnow_rows() {
  static const clv::RfmRows rows = [] {
    const CustomerSummary& s = cdnow_calibration_summary();
    return clv::compress_rfm(s.frequency, s.recency, s.T);
  }();
  return rows;
}

const clv::SpendRows& cdnow_spend_rows() {
  static const clv::SpendRows rows = [] {
    const CustomerSummary& s = cdnow_calibration_summary();
    return clv::compress_spend(s.frequency, s.monetary);
  }();
  return rows;
}

const clv::TransactionFit& cdnow_fit(clv::TransactionModel model) {
  static const clv::TransactionFit fits[] = {clv::fit_transactions(clv::TransactionModel::BgNbd, cdnow_rows()),
                                             clv::fit_transactions(clv::TransactionModel::MbgNbd, cdnow_rows()),
                                             clv::fit_transactions(clv::TransactionModel::ParetoNbd, cdnow_rows())};
  return fits[static_cast<int>(model)];
}

const clv::SpendFit& cdnow_spend_fit() {
  static const clv::SpendFit fit = clv::fit_spend(cdnow_spend_rows());
  return fit;
}

}  // namespace orderlens::testing
