// The result sizes of the diagnostics (orders by status, lines, customers, products, date
// range of purchases), computed from the tables: after ingestion, and again after merging the
// parts of a parallel ingestion.
#pragma once

#include "ingest/diagnostics.hpp"
#include "model/dataset.hpp"

namespace orderlens {

void count_results(const Dataset& ds, Diagnostics& d);

}  // namespace orderlens
