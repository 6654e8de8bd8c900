#include "api/events_json.hpp"

#include "api/diagnostics_json_parts.hpp"
#include "util/civil_date.hpp"

namespace orderlens {

namespace {

using json = nlohmann::ordered_json;

template <typename Counts>
json by_event_kind(const Counts& counts) {
  json out = json::object();
  std::uint64_t total = 0;
  for (std::size_t k = 0; k < kEventKindCount; ++k) total += counts[k];
  out["total"] = total;
  for (std::size_t k = 0; k < kEventKindCount; ++k) out[std::string(event_kind_key(static_cast<EventKind>(k)))] = counts[k];
  return out;
}

// {total_key: total, userId, pseudoId, email}; from `first_kind` on (user ids are never merged).
template <typename Counts>
json by_user_kind(const char* total_key, std::uint64_t total, const Counts& counts,
                  EventUserKind first_kind = EventUserKind::UserId) {
  json out = {{total_key, total}};
  for (auto k = static_cast<std::size_t>(first_kind); k < kEventUserKindCount; ++k)
    out[std::string(event_user_kind_key(static_cast<EventUserKind>(k)))] = counts[k];
  return out;
}

}  // namespace

json event_diagnostics_json(const EventDiagnostics& d) {
  auto date = [&](std::int32_t day) { return d.any_day ? format_iso_date(day) : std::string(); };
  json out = file_reading_json(d);
  out.update(json{
      {"layout", {{"key", d.layout}, {"name", d.layout_name}, {"detected", d.layout_detected}}},
      {"mapping", column_mapping_json<EventRole>(d.mapping, d.columns, event_role_key)},
      {"dates", {{"dayMonthOrder", d.day_month_order}, {"reason", d.day_month_reason}}},
      {"lines", d.lines},
      {"blankLines", d.blank_lines},
      {"rows",
       {{"read", d.rows_read}, {"used", d.rows_used}, {"skipped", d.rows_skipped()}, {"repeatedEventRows", d.repeated_event_rows}}},
      {"skipped", issue_tallies_json<EventSkipReason>(d.skipped, event_skip_key, event_skip_text)},
      {"warnings", issue_tallies_json<EventWarning>(d.warnings, event_warning_key, event_warning_text)},
      {"visitors", by_user_kind("total", d.visitors, d.visitors_by_kind)},
      {"events", by_event_kind(d.events)},
      {"merged", by_user_kind("visitors", d.visitors_merged, d.merged_by_kind, EventUserKind::PseudoId)},
      {"firstDate", date(d.first_day)},
      {"lastDate", date(d.last_day)},
      {"notes", d.notes},
  });
  return out;
}

json event_visitors_json(const EventLog& log) {
  json out = json::array();
  for (std::size_t i = 0; i < log.size(); ++i) {
    out.push_back({
        {"id", log.user_key(i)},
        {"idKind", event_user_kind_key(log.kind[i])},
        {"email", log.email_of(i)},
        {"events", by_event_kind(log.counts[i])},
        {"firstDate", format_iso_date(log.first_day[i])},
        {"lastDate", format_iso_date(log.last_day[i])},
    });
  }
  return out;
}

}  // namespace orderlens
