// The JSON shapes of ingestion results, shared by the WASM bindings, the native report tool
// and the tests, so native and WASM results are compared field by field. Keys are camelCase,
// as in the npm API and its TypeScript declarations (bindings/js/index.d.ts).
#pragma once

#include <nlohmann/json.hpp>

#include "ingest/diagnostics.hpp"
#include "model/customer_summary.hpp"
#include "model/dataset.hpp"

namespace orderlens {

nlohmann::ordered_json diagnostics_json(const Diagnostics& d);

// One object per summarized customer: id, idKind, email, name, orders, repeatOrders,
// firstOrder, lastOrder, grossRevenue, netRevenue, aov, items, firstChannel, products,
// frequency, recency, T, monetary.
nlohmann::ordered_json customers_json(const Dataset& ds, const CustomerSummary& s);

std::string_view time_unit_name(TimeUnit unit);

}  // namespace orderlens
