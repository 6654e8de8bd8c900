// The result of reading a website events file: one row per visitor with its events counted by
// kind and the first and last day it was seen. Rows, not events, are what memory grows with
// the number of visitors, never with the number of events.
//
// Visitors are keyed like customers of an order file (ingest/identity.hpp), so the two can be
// joined: a member id normalized as IdentityKind::MemberId, an email trimmed and lower-cased.
// A GA4 pseudo id (one browser) is normalized like a member id. The same text under two kinds
// ("abc" as a user id and as a pseudo id) is two visitors.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <tsl/robin_map.h>

#include "events/event_kind.hpp"
#include "util/hash.hpp"
#include "util/string_pool.hpp"

namespace orderlens {

enum class EventUserKind : std::uint8_t { UserId, PseudoId, Email };
inline constexpr std::size_t kEventUserKindCount = 3;

// "userId", "pseudoId", "email".
std::string_view event_user_kind_key(EventUserKind kind);

struct EventLog {
  StringPool user_keys;                // normalized keys and emails
  std::vector<std::uint32_t> key;      // id in user_keys
  std::vector<EventUserKind> kind;
  // The visitor's email (id in user_keys; StringPool::kNone when the file never gave one), to
  // join a user-id visitor to customers keyed by email. For an Email visitor, equal to key.
  std::vector<std::uint32_t> email;
  std::vector<EventCounts> counts;
  // The first traffic source the file gives the visitor (id in user_keys; StringPool::kNone: none).
  std::vector<std::uint32_t> source;
  std::vector<std::int32_t> first_day, last_day;  // days since 1970-01-01 (UTC for epoch timestamps)
  // After seal_visits(): visitor i's distinct active days, ascending, are
  // visit_days[visit_offsets[i] .. visit_offsets[i + 1]) (the KPI table counts visitors per period).
  std::vector<std::uint32_t> visit_offsets;
  std::vector<std::int32_t> visit_days;

  std::size_t size() const { return key.size(); }
  std::string_view user_key(std::size_t i) const { return user_keys.view(key[i]); }
  std::string_view email_of(std::size_t i) const { return user_keys.view(email[i]); }
  std::uint64_t total_events(std::size_t i) const;

  // The visitor with this normalized key, if any.
  std::optional<std::size_t> find(EventUserKind visitor_kind, std::string_view normalized_key) const;

  // Building (the ingestion): the visitor with this key, added (without events) when new.
  std::uint32_t find_or_add(EventUserKind visitor_kind, std::string_view normalized_key);
  // Counts one event of `event` on `day`.
  void count(std::uint32_t visitor, EventKind event, std::int32_t day);
  // Adds visitor `from`'s events, days and email (when `into` has none) to visitor `into`.
  void absorb(std::uint32_t into, std::uint32_t from);
  // Keeps the visitors with keep[i] true, in their order, and rebuilds the index; the visits of
  // a visitor dropped after absorb() go to the one that absorbed it.
  void keep_only(const std::vector<bool>& keep);
  // Sorts the visits and removes repeats into visit_offsets / visit_days (after the last
  // count, absorb and keep_only).
  void seal_visits();
  void shrink_to_fit();

  // The index key of a pooled string under a kind: (string id, kind) packed in 64 bits.
  static std::uint64_t slot_of(std::uint32_t string_id, EventUserKind visitor_kind) {
    return (std::uint64_t{string_id} << 2) | static_cast<std::uint64_t>(visitor_kind);
  }

 private:
  tsl::robin_map<std::uint64_t, std::uint32_t, Mix64Hash> index_;  // slot_of(key, kind) -> visitor
  // (visitor << 32 | day with its sign bit flipped, so the packed values sort by visitor, then
  // day) for each run of events of one visitor on one day: memory grows with visits, not events.
  std::vector<std::uint64_t> visits_;
  std::vector<std::int32_t> last_visit_day_;
  std::vector<std::uint32_t> absorbed_into_;  // visitor -> the visitor that absorbed it (itself otherwise)
};

}  // namespace orderlens
