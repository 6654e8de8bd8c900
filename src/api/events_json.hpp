// The JSON shapes of an events ingestion, in the style of the orders' (report_json.hpp):
// camelCase keys, skip reasons and warnings with their first examples.
#pragma once

#include <nlohmann/json.hpp>

#include "events/event_diagnostics.hpp"
#include "events/event_log.hpp"

namespace orderlens {

// {file, bytes, encoding, delimiter, header, layout, mapping, dates, lines, blankLines,
//  rows {read, used, skipped, repeatedEventRows}, skipped [...], warnings [...],
//  visitors {total, userId, pseudoId, email}, events {total, pageView, productView, addToCart,
//  purchase, other}, merged {visitors, pseudoId, email}, firstDate, lastDate, notes}
nlohmann::ordered_json event_diagnostics_json(const EventDiagnostics& d);

// One object per visitor: {id, idKind, email, events {pageView, ...}, firstDate, lastDate}.
nlohmann::ordered_json event_visitors_json(const EventLog& log);

}  // namespace orderlens
