// The CDNOW sample (tests/fixtures/cdnow) read through the real ingestion and summarized as in
// the papers: 39-week calibration ending 1997-09-30, time in weeks = days / 7.
#pragma once

#include "clv/fit.hpp"
#include "clv/rfm_rows.hpp"
#include "model/customer_summary.hpp"

namespace orderlens::testing {

const CustomerSummary& cdnow_calibration_summary();
const clv::RfmRows& cdnow_rows();
const clv::SpendRows& cdnow_spend_rows();
// Fitted once per test run.
const clv::TransactionFit& cdnow_fit(clv::TransactionModel model);
const clv::SpendFit& cdnow_spend_fit();

}  // namespace orderlens::testing
