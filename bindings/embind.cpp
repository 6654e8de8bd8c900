// The only Emscripten code: converts between JS and the core, computes nothing.
//
// Errors are values at this boundary: every function catches everything and returns
// {error: {code, message}} instead of throwing (Emscripten 3.1.6 would hand JS a
// WebAssembly.Exception without its message). Sessions and datasets live in tables keyed by
// small integer handles, so a failed ingestion leaves nothing behind and the module keeps working.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

#include "api/affinity_json.hpp"
#include "api/channels_json.hpp"
#include "api/clv_json.hpp"
#include "api/cohorts_json.hpp"
#include "api/kpis_json.hpp"
#include "api/readiness_json.hpp"
#include "api/recommend_json.hpp"
#include "api/spend_csv.hpp"
#include "api/events_json.hpp"
#include "api/report_json.hpp"
#include "api/segments_json.hpp"
#include "api/simulation_json.hpp"
#include "api/summary_options.hpp"
#include "events/event_ingestor.hpp"
#include "events/event_options.hpp"
#include "ingest/cp949_encoder.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/ingestor.hpp"
#include "model/customer_summary.hpp"
#include "xlsx/agile_encryption.hpp"
#include "xlsx/xlsx_session.hpp"

namespace {

using emscripten::val;
using namespace orderlens;

std::map<int, std::unique_ptr<Ingestor>> g_sessions;
std::map<int, std::unique_ptr<IngestResult>> g_datasets;
std::map<int, std::unique_ptr<EventIngestor>> g_event_sessions;
std::map<int, std::unique_ptr<EventIngestResult>> g_event_logs;
std::map<int, std::unique_ptr<xlsx::XlsxSession>> g_xlsx_sessions;
int g_next_handle = 1;

// The `length` bytes the JS side copied to WASM memory at `pointer`.
std::string_view bytes_at(std::uintptr_t pointer, std::size_t length) {
  return std::string_view(reinterpret_cast<const char*>(pointer), length);
}

val error_value(std::string_view code, std::string_view message) {
  val error = val::object();
  error.set("code", std::string(code));
  error.set("message", std::string(message));
  val result = val::object();
  result.set("error", error);
  return result;
}

// Running out of memory must still be reported, and nothing may escape to JS as an exception
// (Emscripten 3.1.6 would leak the exception object, and a later failure to allocate one
// aborts). So a block is held back while the core runs and let go when an allocation fails:
// the error value below, the unwinding and the next call's arguments then have room.
constexpr std::size_t kOutOfMemoryReserveBytes = 1 << 20;
void* g_out_of_memory_reserve = nullptr;

// {error: {code: 'out_of_memory', message}} built from string literals, which become JS
// strings directly: nothing is allocated in WASM memory.
val out_of_memory_value() {
  val error = val::object();
  error.set(val("code"), val("out_of_memory"));
  error.set(val("message"),
            val("ran out of memory: the WebAssembly heap is limited to 4 GB (less on many phones); "
                "dispose datasets no longer needed, or read a smaller export"));
  val result = val::object();
  result.set(val("error"), error);
  return result;
}

template <typename F>
val guarded(F&& body) {
  if (!g_out_of_memory_reserve) g_out_of_memory_reserve = std::malloc(kOutOfMemoryReserveBytes);
  if (!g_out_of_memory_reserve) return out_of_memory_value();
  try {
    return body();
  } catch (const IngestError& e) {
    return error_value(ingest_error_code_name(e.code()), e.what());
  } catch (const std::invalid_argument& e) {
    return error_value("bad_input", e.what());
  } catch (const std::bad_alloc&) {
    std::free(g_out_of_memory_reserve);
    g_out_of_memory_reserve = nullptr;
    return out_of_memory_value();
  } catch (const std::exception& e) {
    return error_value("internal", std::string("internal error: ") + e.what());
  } catch (...) {
    return error_value("internal", "internal error");
  }
}

template <typename T>
val typed_copy(const std::vector<T>& v) {
  if (v.empty()) return val::global("Uint8Array").new_(0);  // any empty typed array is fine
  return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}

val bytes_copy(const std::string& s) {
  if (s.empty()) return val::global("Uint8Array").new_(0);
  return val(emscripten::typed_memory_view(s.size(), reinterpret_cast<const std::uint8_t*>(s.data()))).call<val>("slice");
}

// Strings of one column joined by NUL (the tokenizer removes NUL from every value), decoded in
// JS by one TextDecoder call: far faster than one JS string per value across the boundary.
template <typename Get>
val joined_strings(std::size_t n, Get get) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out.push_back('\0');
    out.append(get(i));
  }
  return bytes_copy(out);
}

val dataset_value(std::unique_ptr<IngestResult> result) {
  const std::string diagnostics = diagnostics_json(result->diagnostics).dump();
  const int handle = g_next_handle++;
  g_datasets[handle] = std::move(result);
  val r = val::object();
  r.set("dataset", handle);
  r.set("diagnostics", diagnostics);
  return r;
}

// Keeps a new session under a new handle: {session}.
val session_value(std::unique_ptr<Ingestor> session) {
  const int handle = g_next_handle++;
  g_sessions[handle] = std::move(session);
  val result = val::object();
  result.set("session", handle);
  return result;
}

val ingest_begin(std::string options_json) {
  return guarded([&] { return session_value(std::make_unique<Ingestor>(parse_ingest_options(options_json))); });
}

// Removes a session from the table for finishing (null when unknown): whatever happens next,
// the handle is gone.
std::unique_ptr<Ingestor> take_session(int session) {
  auto it = g_sessions.find(session);
  if (it == g_sessions.end()) return nullptr;
  std::unique_ptr<Ingestor> ingestor = std::move(it->second);
  g_sessions.erase(it);
  return ingestor;
}

val finished_session_error() { return error_value("invalid_state", "this ingestion has already finished or failed"); }

// {offset}: a byte offset, or -1 for none.
template <typename Offset>
val offset_value(const std::optional<Offset>& offset) {
  val r = val::object();
  r.set("offset", offset ? static_cast<double>(*offset) : -1.0);
  return r;
}

// Pushes `length` bytes the JS side copied to WASM memory at `pointer` into a session of
// `sessions` (orders or events): {rowsRead}; a session that fails is gone.
template <typename Sessions>
val push_into(Sessions& sessions, int session, std::uintptr_t pointer, std::size_t length) {
  auto it = sessions.find(session);
  if (it == sessions.end()) return finished_session_error();
  val result = guarded([&] {
    it->second->push(bytes_at(pointer, length));
    val r = val::object();
    r.set("rowsRead", static_cast<double>(it->second->rows_read()));
    return r;
  });
  if (result.hasOwnProperty("error")) sessions.erase(session);
  return result;
}

val ingest_push(int session, std::uintptr_t pointer, std::size_t length) { return push_into(g_sessions, session, pointer, length); }

val ingest_finish(int session) {
  std::unique_ptr<Ingestor> ingestor = take_session(session);
  if (!ingestor) return finished_session_error();
  return guarded([&] {
    auto result = std::make_unique<IngestResult>(ingestor->finish());
    ingestor.reset();
    return dataset_value(std::move(result));
  });
}

void ingest_cancel(int session) { g_sessions.erase(session); }

// Parallel ingestion (see bindings/js/parallel.js): the first part's settings, once known.
val ingest_settings(int session) {
  auto it = g_sessions.find(session);
  val r = val::object();
  const auto settings = it == g_sessions.end() ? std::nullopt : it->second->settings();
  r.set("settings", settings ? settings_to_json(*settings) : std::string());
  return r;
}

// Where a later part should start in `length` raw bytes at `pointer` (-1: nowhere).
val ingest_later_part_start(int session, std::uintptr_t pointer, std::size_t length) {
  auto it = g_sessions.find(session);
  if (it == g_sessions.end()) return offset_value(std::optional<std::size_t>());
  return offset_value(it->second->later_part_start(bytes_at(pointer, length)));
}

// A later part of a file, from file offset `byte_offset`, read with the first part's settings.
val ingest_begin_part(std::string options_json, std::string settings_json, double byte_offset) {
  return guarded([&] {
    return session_value(std::make_unique<Ingestor>(parse_ingest_options(options_json),
                                                     settings_from_json(settings_json),
                                                     static_cast<std::uint64_t>(byte_offset)));
  });
}

// Where a later part's own rows start (-1 while unknown).
val ingest_part_split(int session) {
  auto it = g_sessions.find(session);
  return offset_value(it == g_sessions.end() ? std::nullopt : it->second->split_offset());
}

// Finishes a later part: its tables and diagnostics as bytes for the first part.
val ingest_finish_part(int session) {
  std::unique_ptr<Ingestor> ingestor = take_session(session);
  if (!ingestor) return finished_session_error();
  return guarded([&] {
    const std::string bytes = ingestor->finish_part();
    val r = val::object();
    r.set("bytes", bytes_copy(bytes));
    return r;
  });
}

// Finishes the first part with a later part's bytes (copied to WASM memory at `pointer`):
// {dataset, diagnostics}, or {fallback: true} when the parts do not fit together (the session
// stays open to be continued sequentially).
val ingest_finish_with_part(int session, std::uintptr_t pointer, std::size_t length) {
  auto it = g_sessions.find(session);
  if (it == g_sessions.end()) return finished_session_error();
  Ingestor& ingestor = *it->second;
  val result = guarded([&] {
    std::optional<IngestResult> merged =
        ingestor.finish_with_part(bytes_at(pointer, length));
    if (!merged) {
      val r = val::object();
      r.set("fallback", true);
      return r;
    }
    return dataset_value(std::make_unique<IngestResult>(std::move(*merged)));
  });
  if (!result.hasOwnProperty("fallback")) g_sessions.erase(session);
  return result;
}

// Excel workbooks (xlsx/xlsx_session.hpp): the JS side reads the file's ranges and inflates the
// entries (DecompressionStream); the session asks for them in order. A session that fails is gone.
template <typename F>
val with_xlsx(int session, F&& body) {
  auto it = g_xlsx_sessions.find(session);
  if (it == g_xlsx_sessions.end()) return finished_session_error();
  val result = guarded([&] { return body(*it->second); });
  if (result.hasOwnProperty("error")) g_xlsx_sessions.erase(session);
  return result;
}

val xlsx_begin(std::string options_json) {
  return guarded([&] {
    const int handle = g_next_handle++;
    g_xlsx_sessions[handle] = std::make_unique<xlsx::XlsxSession>(parse_ingest_options(options_json));
    val r = val::object();
    r.set("session", handle);
    r.set("tailBytes", static_cast<double>(xlsx::kZipTailBytes));
    return r;
  });
}

// {} when the tail held the central directory, else {offset, size} of it.
val xlsx_tail(int session, std::uintptr_t pointer, std::size_t length, double file_size) {
  return with_xlsx(session, [&](xlsx::XlsxSession& s) {
    val r = val::object();
    if (const auto place = s.set_tail(bytes_at(pointer, length), static_cast<std::uint64_t>(file_size))) {
      r.set("offset", static_cast<double>(place->offset));
      r.set("size", static_cast<double>(place->size));
    }
    return r;
  });
}

val xlsx_directory(int session, std::uintptr_t pointer, std::size_t length) {
  return with_xlsx(session, [&](xlsx::XlsxSession& s) {
    s.set_central_directory(bytes_at(pointer, length));
    return val::object();
  });
}

// {name, headerOffset, compressedSize, size, method} of the next part, or {done: true}.
val xlsx_next_part(int session) {
  return with_xlsx(session, [&](xlsx::XlsxSession& s) {
    val r = val::object();
    const auto part = s.next_part();
    if (!part) {
      r.set("done", true);
      return r;
    }
    r.set("name", part->name);
    r.set("headerOffset", static_cast<double>(part->header_offset));
    r.set("compressedSize", static_cast<double>(part->compressed_size));
    r.set("size", static_cast<double>(part->size));
    r.set("method", part->method);
    return r;
  });
}

// {dataOffset}: where an entry's data start, from its local header's first 30 bytes.
val xlsx_local_header(std::uintptr_t pointer, std::size_t length) {
  return guarded([&] {
    val r = val::object();
    r.set("dataOffset", static_cast<double>(xlsx::local_data_offset(bytes_at(pointer, length))));
    return r;
  });
}

val xlsx_push(int session, std::uintptr_t pointer, std::size_t length) {
  return with_xlsx(session, [&](xlsx::XlsxSession& s) {
    s.push(bytes_at(pointer, length));
    val r = val::object();
    r.set("rowsRead", static_cast<double>(s.rows_read()));
    return r;
  });
}

val xlsx_end_part(int session) {
  return with_xlsx(session, [&](xlsx::XlsxSession& s) {
    s.end_part();
    return val::object();
  });
}

val xlsx_finish(int session) {
  auto it = g_xlsx_sessions.find(session);
  if (it == g_xlsx_sessions.end()) return finished_session_error();
  std::unique_ptr<xlsx::XlsxSession> s = std::move(it->second);
  g_xlsx_sessions.erase(it);
  return guarded([&] { return dataset_value(std::make_unique<IngestResult>(s->finish())); });
}

void xlsx_cancel(int session) { g_xlsx_sessions.erase(session); }

// Website events files (the funnel pack): the same streaming shape as orders.
val events_begin(std::string options_json) {
  return guarded([&] {
    const int handle = g_next_handle++;
    g_event_sessions[handle] = std::make_unique<EventIngestor>(parse_event_ingest_options(options_json));
    val r = val::object();
    r.set("session", handle);
    return r;
  });
}

val events_push(int session, std::uintptr_t pointer, std::size_t length) {
  return push_into(g_event_sessions, session, pointer, length);
}

val events_finish(int session) {
  auto it = g_event_sessions.find(session);
  if (it == g_event_sessions.end()) return finished_session_error();
  std::unique_ptr<EventIngestor> ingestor = std::move(it->second);
  g_event_sessions.erase(it);
  return guarded([&] {
    auto result = std::make_unique<EventIngestResult>(ingestor->finish());
    const int handle = g_next_handle++;
    val r = val::object();
    r.set("events", handle);
    r.set("diagnostics", event_diagnostics_json(result->diagnostics).dump());
    g_event_logs[handle] = std::move(result);
    return r;
  });
}

void events_cancel(int session) { g_event_sessions.erase(session); }
void events_dispose(int events) { g_event_logs.erase(events); }

void dataset_dispose(int dataset) { g_datasets.erase(dataset); }

// The summary's columns on `r`: strings joined by NUL, numbers as typed arrays.
void set_summary_columns(val& r, const Dataset& ds, const CustomerSummary& s) {
  const CustomersTable& c = ds.customers;
  std::vector<std::uint8_t> id_kinds(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) id_kinds[i] = static_cast<std::uint8_t>(c.key_kind[s.customer[i]]);
  r.set("count", static_cast<double>(s.size()));
  r.set("unit", std::string(time_unit_name(s.unit)));
  r.set("endDay", s.end_day);
  r.set("ids", joined_strings(s.size(), [&](std::size_t i) { return ds.customer_keys.view(c.key[s.customer[i]]); }));
  r.set("idKinds", typed_copy(id_kinds));
  // An email-keyed customer's email is its id: sent empty, the JS side reuses the id string.
  r.set("emails", joined_strings(s.size(), [&](std::size_t i) {
    const std::uint32_t k = s.customer[i];
    return c.key_kind[k] == IdentityKind::Email ? std::string_view() : ds.email_of(k);
  }));
  r.set("names", joined_strings(s.size(), [&](std::size_t i) { return ds.name_of(s.customer[i]); }));
  // Channels take a few values: the distinct ones, and an index per customer.
  std::vector<std::uint32_t> channel_index(s.size());
  std::vector<std::uint32_t> channel_ids;
  std::vector<std::uint32_t> slot_of(ds.text.size(), 0xFFFFFFFFu);
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::uint32_t& slot = slot_of[s.first_channel[i]];
    if (slot == 0xFFFFFFFFu) {
      slot = static_cast<std::uint32_t>(channel_ids.size());
      channel_ids.push_back(s.first_channel[i]);
    }
    channel_index[i] = slot;
  }
  r.set("channelValues", joined_strings(channel_ids.size(), [&](std::size_t i) { return ds.text.view(channel_ids[i]); }));
  r.set("channelValueCount", static_cast<double>(channel_ids.size()));
  r.set("firstChannelIndex", typed_copy(channel_index));
  r.set("orders", typed_copy(s.orders));
  r.set("repeatOrders", typed_copy(s.repeat_orders));
  r.set("firstDay", typed_copy(s.first_day));
  r.set("lastDay", typed_copy(s.last_day));
  r.set("grossRevenue", typed_copy(s.gross_revenue));
  r.set("netRevenue", typed_copy(s.net_revenue));
  r.set("aov", typed_copy(s.aov));
  r.set("items", typed_copy(s.items));
  r.set("products", typed_copy(s.products));
  r.set("frequency", typed_copy(s.frequency));
  r.set("recency", typed_copy(s.recency));
  r.set("T", typed_copy(s.T));
  r.set("monetary", typed_copy(s.monetary));
}

// Runs `body(dataset)` guarded, or returns the error for a disposed handle.
template <typename F>
val with_dataset(int dataset, F&& body) {
  auto it = g_datasets.find(dataset);
  if (it == g_datasets.end()) return error_value("invalid_state", "this dataset has been disposed");
  return guarded([&] { return body(static_cast<const Dataset&>(*it->second->dataset)); });
}

val customer_summary(int dataset, std::string options_json) {
  return with_dataset(dataset, [&](const Dataset& ds) {
    val r = val::object();
    set_summary_columns(r, ds, summarize_customers(ds, parse_summary_options(options_json)));
    return r;
  });
}

void set_prediction_columns(val& r, const clv::CustomerPredictions& p) {
  r.set("pAlive", typed_copy(p.p_alive));
  r.set("expectedPurchases", typed_copy(p.expected_purchases));
  r.set("expectedSpend", typed_copy(p.expected_spend));
  r.set("clv", typed_copy(p.clv));
  r.set("churnProbability", typed_copy(p.churn_probability));
}

// {json, <summary columns>, <prediction columns>, nextOrderDay (Int32Array, kNoDay: none), formulaClv}
val clv_analyze(int dataset, std::string options_json) {
  return with_dataset(dataset, [&](const Dataset& ds) {
    const clv::ClvOptions options = parse_clv_options(options_json);
    const clv::ClvAnalysis analysis = clv::analyze_clv(ds, options);
    val r = val::object();
    r.set("json", clv_json(analysis, options).dump());
    set_summary_columns(r, ds, analysis.summary);
    set_prediction_columns(r, analysis.predictions);
    std::vector<std::int32_t> next_day(analysis.summary.size());
    for (std::size_t i = 0; i < next_day.size(); ++i) next_day[i] = next_order_day(analysis, i).value_or(kNoDay);
    r.set("nextOrderDay", typed_copy(next_day));
    r.set("formulaClv", typed_copy(analysis.formula_clv));
    return r;
  });
}

// The models on bare arrays (frequency, recency, T and optionally monetary, one entry per customer).
val clv_fit_arrays(val frequency, val recency, val T, val monetary, std::string options_json) {
  return guarded([&] {
    const auto f = emscripten::convertJSArrayToNumberVector<double>(frequency);
    const auto rec = emscripten::convertJSArrayToNumberVector<double>(recency);
    const auto t = emscripten::convertJSArrayToNumberVector<double>(T);
    const auto m = monetary.isNull() || monetary.isUndefined() ? std::vector<double>()
                                                                : emscripten::convertJSArrayToNumberVector<double>(monetary);
    const clv::ClvOptions options = parse_clv_options(options_json);
    const clv::ArrayClvResult result = clv::analyze_clv_arrays(f, rec, t, m, options);
    val r = val::object();
    r.set("json", clv_arrays_json(result, options).dump());
    set_prediction_columns(r, result.predictions);
    r.set("nextPurchaseIn", typed_copy(result.predictions.next_purchase_in));
    return r;
  });
}

// A simulated population (benchmarks, demos): {frequency, recency, T, monetary}.
val simulate_customers(std::string options_json) {
  return guarded([&] {
    const auto [params, options] = parse_simulation_options(options_json);
    const clv::SimulatedCustomers s = clv::simulate_customers(params, options);
    val r = val::object();
    r.set("frequency", typed_copy(s.frequency));
    r.set("recency", typed_copy(s.recency));
    r.set("T", typed_copy(s.T));
    r.set("monetary", typed_copy(s.monetary));
    return r;
  });
}

// The event log under `events` (null for 0), or an error value for a disposed one.
const EventLog* event_log_of(int events, val& error) {
  if (events == 0) return nullptr;
  auto it = g_event_logs.find(events);
  if (it == g_event_logs.end()) error = error_value("invalid_state", "this events file has been disposed");
  return it == g_event_logs.end() ? nullptr : it->second->log.get();
}

// {json, <summary columns of the customers segmented>, packs: [{key, groupOf, columns: [...]}]}:
// each pack's group per member as a Uint8Array and its per-member columns as Float64Arrays, in
// the order of the JSON's packs and columns.
val segments_analyze(int dataset, std::string options_json, int events) {
  return with_dataset(dataset, [&](const Dataset& ds) {
    val error = val::null();
    const EventLog* log = event_log_of(events, error);
    if (!error.isNull()) return error;
    const segments::Segmentation result = segments::segment_customers(ds, parse_segmentation_options(options_json), log);
    val r = val::object();
    r.set("json", segmentation_json(result, false).dump());
    if (result.affinity) r.set("affinityJson", affinity_json_text(*result.affinity));
    set_summary_columns(r, ds, result.base.summary);
    val packs = val::array();
    for (const segments::PackResult& p : result.packs) {
      val pack = val::object();
      pack.set("key", p.key);
      pack.set("groupOf", typed_copy(p.group_of));
      val columns = val::array();
      for (const segments::MemberColumn& c : p.columns) columns.call<void>("push", typed_copy(c.values));
      pack.set("columns", columns);
      packs.call<void>("push", pack);
    }
    r.set("packs", packs);
    if (result.events) {
      // The funnel's visitors: key, kind, email, and the customer row each joined (-1: none).
      const EventLog& e = *result.events;
      std::vector<std::uint8_t> kinds(e.size());
      std::vector<std::int32_t> rows(e.size());
      for (std::size_t i = 0; i < e.size(); ++i) {
        kinds[i] = static_cast<std::uint8_t>(e.kind[i]);
        rows[i] = result.visitor_row[i] == segments::kNoRow ? -1 : static_cast<std::int32_t>(result.visitor_row[i]);
      }
      val visitors = val::object();
      visitors.set("count", static_cast<double>(e.size()));
      visitors.set("ids", joined_strings(e.size(), [&](std::size_t i) { return e.user_key(i); }));
      visitors.set("idKinds", typed_copy(kinds));
      visitors.set("emails", joined_strings(e.size(), [&](std::size_t i) { return e.email_of(i); }));
      visitors.set("customerRow", typed_copy(rows));
      r.set("visitors", visitors);
    }
    return r;
  });
}

// {json}: product affinity (co-purchase and next-purchase association rules).
val affinity_analyze(int dataset, std::string options_json) {
  return with_dataset(dataset, [&](const Dataset& ds) {
    val r = val::object();
    r.set("json", affinity_json_text(product_affinity(ds, parse_affinity_options(options_json))));
    return r;
  });
}

// {json (the head: options applied, model, reason templates, evaluation), ids, emails, group,
// offsets, product, score, reason, because, intervalDays, daysSince (one entry per
// recommendation; customer r's are offsets[r] .. offsets[r + 1]), productKeys, productNames,
// contentNames}: the lists as typed arrays, decoded by the JS side on demand.
val recommend_analyze(int dataset, std::string options_json) {
  return with_dataset(dataset, [&](const Dataset& ds) {
    const recommend::RecommendResult result = recommend::recommend(ds, parse_recommend_options(options_json));
    const recommend::RecommendationLists& lists = result.lists;
    val r = val::object();
    r.set("json", recommend_json_head(result).dump());
    r.set("ids", joined_strings(lists.size(), [&](std::size_t i) { return ds.customer_keys.view(ds.customers.key[lists.customer[i]]); }));
    r.set("emails", joined_strings(lists.size(), [&](std::size_t i) { return ds.email_of(lists.customer[i]); }));
    r.set("group", typed_copy(lists.group));
    r.set("offsets", typed_copy(lists.offsets));
    const std::size_t n = lists.items.size();
    std::vector<std::uint32_t> product(n), because(n);
    std::vector<double> score(n);
    std::vector<std::uint8_t> reason(n);
    std::vector<float> interval(n);
    std::vector<std::int32_t> since(n);
    for (std::size_t i = 0; i < n; ++i) {
      const recommend::Recommendation& rec = lists.items[i];
      product[i] = rec.product;
      because[i] = rec.because;
      score[i] = rec.score;
      reason[i] = static_cast<std::uint8_t>(rec.reason);
      interval[i] = rec.interval_days;
      since[i] = rec.days_since;
    }
    r.set("product", typed_copy(product));
    r.set("score", typed_copy(score));
    r.set("reason", typed_copy(reason));
    r.set("because", typed_copy(because));
    r.set("intervalDays", typed_copy(interval));
    r.set("daysSince", typed_copy(since));
    const ProductsTable& p = ds.products;
    r.set("productCount", static_cast<double>(p.size()));
    r.set("productKeys", joined_strings(p.size(), [&](std::size_t k) { return ds.product_keys.view(p.key[k]); }));
    r.set("productNames", joined_strings(p.size(), [&](std::size_t k) { return ds.text.view(p.name[k]); }));
    const std::vector<std::string>& content = result.model.content_names;
    r.set("contentCount", static_cast<double>(content.size()));
    r.set("contentNames", joined_strings(content.size(), [&](std::size_t k) { return std::string_view(content[k]); }));
    return r;
  });
}

// {json}: "kpis", "cohorts", "channels" or "readiness" of a dataset (and an events file for the
// KPIs, channels and readiness; 0: none).
val analysis_report(int dataset, std::string kind, std::string options_json, int events) {
  return with_dataset(dataset, [&](const Dataset& ds) {
    val error = val::null();
    const EventLog* log = event_log_of(events, error);
    if (!error.isNull()) return error;
    std::string text;
    if (kind == "kpis") text = kpis_report(ds, options_json, log);
    else if (kind == "cohorts") text = cohorts_report(ds, options_json);
    else if (kind == "channels") text = channels_report(ds, options_json, log);
    else if (kind == "readiness") text = readiness_report(ds, options_json, log);
    else return error_value("bad_option", "unknown analysis " + kind);
    val r = val::object();
    r.set("json", text);
    return r;
  });
}

// {json}: a spend file's rows (copied to WASM memory at `pointer`) as options.spend entries.
val spend_csv_rows(std::uintptr_t pointer, std::size_t length, std::string file_name) {
  return guarded([&] {
    val r = val::object();
    r.set("json", spend_rows_json(parse_spend_csv(bytes_at(pointer, length), file_name)));
    return r;
  });
}

// {bytes, unmappable}: `text` (UTF-8) in CP949.
val encode_cp949_text(std::string text) {
  return guarded([&] {
    const Cp949Text encoded = encode_cp949(text);
    val r = val::object();
    r.set("bytes", bytes_copy(encoded.bytes));
    r.set("unmappable", static_cast<double>(encoded.unmappable));
    return r;
  });
}

val dataset_stats(int dataset) {
  auto it = g_datasets.find(dataset);
  if (it == g_datasets.end()) return error_value("invalid_state", "this dataset has been disposed");
  val r = val::object();
  r.set("tableBytes", static_cast<double>(it->second->dataset->memory_bytes()));
  return r;
}

// {json, package: Uint8Array}: the encryption parameters and the encrypted package of a
// password-protected workbook (copied to WASM memory at `pointer`); JS does the decryption.
val xlsx_encryption(std::uintptr_t pointer, std::size_t length) {
  return guarded([&] {
    const EncryptedWorkbook workbook = read_encrypted_workbook(bytes_at(pointer, length));
    val r = val::object();
    r.set("json", workbook.json);
    r.set("package", bytes_copy(workbook.package));
    return r;
  });
}

std::string version() { return "0.1.0"; }

}  // namespace

EMSCRIPTEN_BINDINGS(orderlens) {
  emscripten::function("version", &version);
  emscripten::function("ingestBegin", &ingest_begin);
  emscripten::function("ingestPush", &ingest_push);
  emscripten::function("ingestFinish", &ingest_finish);
  emscripten::function("ingestCancel", &ingest_cancel);
  emscripten::function("ingestSettings", &ingest_settings);
  emscripten::function("ingestLaterPartStart", &ingest_later_part_start);
  emscripten::function("ingestBeginPart", &ingest_begin_part);
  emscripten::function("ingestPartSplit", &ingest_part_split);
  emscripten::function("ingestFinishPart", &ingest_finish_part);
  emscripten::function("ingestFinishWithPart", &ingest_finish_with_part);
  emscripten::function("customerSummary", &customer_summary);
  emscripten::function("clvAnalyze", &clv_analyze);
  emscripten::function("clvFitArrays", &clv_fit_arrays);
  emscripten::function("simulateCustomers", &simulate_customers);
  emscripten::function("segmentsAnalyze", &segments_analyze);
  emscripten::function("affinityAnalyze", &affinity_analyze);
  emscripten::function("recommendAnalyze", &recommend_analyze);
  emscripten::function("xlsxBegin", &xlsx_begin);
  emscripten::function("xlsxTail", &xlsx_tail);
  emscripten::function("xlsxDirectory", &xlsx_directory);
  emscripten::function("xlsxNextPart", &xlsx_next_part);
  emscripten::function("xlsxLocalHeader", &xlsx_local_header);
  emscripten::function("xlsxPush", &xlsx_push);
  emscripten::function("xlsxEndPart", &xlsx_end_part);
  emscripten::function("xlsxFinish", &xlsx_finish);
  emscripten::function("xlsxCancel", &xlsx_cancel);
  emscripten::function("eventsBegin", &events_begin);
  emscripten::function("eventsPush", &events_push);
  emscripten::function("eventsFinish", &events_finish);
  emscripten::function("eventsCancel", &events_cancel);
  emscripten::function("eventsDispose", &events_dispose);
  emscripten::function("analysisReport", &analysis_report);
  emscripten::function("spendCsvRows", &spend_csv_rows);
  emscripten::function("encodeCp949", &encode_cp949_text);
  emscripten::function("datasetStats", &dataset_stats);
  emscripten::function("datasetDispose", &dataset_dispose);
  emscripten::function("xlsxEncryption", &xlsx_encryption);
}
