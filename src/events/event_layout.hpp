// Layouts of website events files, recognized from the header by normalized column names
// (ingest/presets.hpp header_key: case, spaces and punctuation dropped, so "items.item_id",
// "items_item_id" and "Items Item ID" are one name):
//  - ga4: a flattened GA4 BigQuery export (event_date YYYYMMDD in the property's time zone,
//    event_timestamp in microseconds UTC, event_name, user_pseudo_id, user_id, items.item_id);
//    recognized by event_name and user_pseudo_id;
//  - generic: any table with a user (or email), an event and a time column.
// Every role can be mapped explicitly by header name or 1-based column number.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/column_mapping.hpp"

namespace orderlens {

enum class EventRole : std::uint8_t {
  UserId,    // member / account id: the visitor when present
  PseudoId,  // GA4 user_pseudo_id (a browser): the visitor of rows without a user id
  Email,     // the visitor when there is neither; else the user's email
  Event,     // event name
  Time,      // date-time or epoch number (GA4 event_timestamp)
  Date,      // day only (GA4 event_date), used when the time is empty
  Item,      // item / product id (optional)
  Source,    // traffic source (GA4 traffic_source.source: the user's first), for the acquisition channel
};
inline constexpr std::size_t kEventRoleCount = 8;

template <typename T>
using PerEventRole = std::array<T, kEventRoleCount>;
inline std::size_t index_of(EventRole role) { return static_cast<std::size_t>(role); }

// camelCase keys of the options and results: "user", "pseudoId", "email", "event", "time", "date", "item", "source".
std::string_view event_role_key(EventRole role);
std::optional<EventRole> event_role_from_key(std::string_view key);

struct EventColumnMapping {
  PerEventRole<std::vector<std::uint32_t>> columns;  // 0-based header indices, by priority
  bool has(EventRole r) const { return !columns[index_of(r)].empty(); }
  const std::vector<std::uint32_t>& of(EventRole r) const { return columns[index_of(r)]; }
};

// Roles the caller mapped (reusing the order options' column references); an empty list unmaps.
using ExplicitEventMapping = PerEventRole<std::optional<std::vector<ColumnRef>>>;

enum class EventLayoutKind : std::uint8_t { Ga4, Generic };

struct EventLayout {
  EventLayoutKind kind;
  std::string_view key;           // "ga4", "generic"
  std::string_view display_name;
  PerEventRole<std::vector<std::string_view>> aliases;
  std::vector<std::string_view> signature;  // every one must be present (empty: none)
};

const std::vector<EventLayout>& all_event_layouts();

struct EventHeaderMatch {
  const EventLayout* layout = nullptr;
  EventColumnMapping mapping;
  bool eligible = false;
  int score = 0;
  std::vector<std::string> missing;  // what keeps it from being eligible, in words
};

EventHeaderMatch match_event_header(const EventLayout& layout, const std::vector<std::string>& header,
                                    const ExplicitEventMapping& explicit_mapping);

struct EventHeaderChoice {
  std::size_t row = 0;  // index into the candidate rows
  EventHeaderMatch match;
};

// Picks the header among candidate rows: the best eligible match over the allowed layouts
// ("auto": both, GA4 first). Throws IngestError(BadOption) for an unknown layout and
// IngestError(NoHeader) naming the columns found and the columns expected.
EventHeaderChoice choose_event_header(const std::vector<std::vector<std::string>>& rows,
                                      const std::vector<std::uint64_t>& row_lines, std::string_view layout_key,
                                      const ExplicitEventMapping& explicit_mapping);

}  // namespace orderlens
