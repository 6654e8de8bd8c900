#include "events/event_layout.hpp"

#include <algorithm>

#include "ingest/header_columns.hpp"
#include "ingest/header_search.hpp"
#include "ingest/ingest_error.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr int kSignatureBonus = 100;

constexpr PerEventRole<std::string_view> kRoleKeys = {"user", "pseudoId", "email", "event", "time", "date", "item", "source"};

EventLayout ga4() {
  EventLayout l{EventLayoutKind::Ga4, "ga4", "GA4 BigQuery export (flattened)", {}, {"event_name", "user_pseudo_id"}};
  l.aliases[index_of(EventRole::UserId)] = {"user_id"};
  l.aliases[index_of(EventRole::PseudoId)] = {"user_pseudo_id"};
  l.aliases[index_of(EventRole::Event)] = {"event_name"};
  l.aliases[index_of(EventRole::Time)] = {"event_timestamp"};
  l.aliases[index_of(EventRole::Date)] = {"event_date"};
  l.aliases[index_of(EventRole::Item)] = {"items.item_id", "item_id"};  // "items_item_id" normalizes like the first
  // The user's first traffic source; the session's manual source where only that was exported.
  l.aliases[index_of(EventRole::Source)] = {"traffic_source.source", "collected_traffic_source.manual_source"};
  return l;
}

// Time aliases in priority order: date-times first, a bare "time" last, so a table with
// separate date and time-of-day columns is read by its date.
EventLayout generic() {
  EventLayout l{EventLayoutKind::Generic, "generic", "Generic events table", {}, {}};
  l.aliases[index_of(EventRole::UserId)] = {"user_id", "user", "customer_id", "customer", "member_id", "member",
                                            "account_id", "client_id", "회원아이디", "회원id", "회원번호", "아이디",
                                            "고객id", "고객번호", "사용자id"};
  l.aliases[index_of(EventRole::PseudoId)] = {"user_pseudo_id", "anonymous_id", "pseudo_id", "device_id"};
  l.aliases[index_of(EventRole::Email)] = {"email", "e-mail", "email_address", "user_email", "customer_email", "이메일"};
  l.aliases[index_of(EventRole::Event)] = {"event", "event_name", "event_type", "action", "이벤트", "이벤트명",
                                           "이벤트유형"};
  l.aliases[index_of(EventRole::Time)] = {"event_time", "event_timestamp", "timestamp", "datetime", "date_time",
                                          "occurred_at", "created_at", "일시", "이벤트일시", "발생일시",
                                          "date", "event_date", "날짜", "일자", "time", "시간"};
  l.aliases[index_of(EventRole::Item)] = {"item_id", "items.item_id", "item", "sku", "product_id", "product_code",
                                          "product", "상품코드", "상품번호", "상품id"};
  l.aliases[index_of(EventRole::Source)] = {"traffic_source", "source", "utm_source", "referrer", "유입경로", "유입채널"};
  return l;
}

std::string first_alias(const EventLayout& layout, EventRole role) {
  const auto& a = layout.aliases[index_of(role)];
  return a.empty() ? std::string(event_role_key(role)) : "\"" + std::string(a.front()) + "\"";
}

}  // namespace

std::string_view event_role_key(EventRole role) { return kRoleKeys[index_of(role)]; }

std::optional<EventRole> event_role_from_key(std::string_view key) {
  for (std::size_t r = 0; r < kEventRoleCount; ++r)
    if (kRoleKeys[r] == key) return static_cast<EventRole>(r);
  return std::nullopt;
}

const std::vector<EventLayout>& all_event_layouts() {
  static const std::vector<EventLayout> layouts = {ga4(), generic()};
  return layouts;
}

EventHeaderMatch match_event_header(const EventLayout& layout, const std::vector<std::string>& header,
                                    const ExplicitEventMapping& explicit_mapping) {
  EventHeaderMatch m;
  m.layout = &layout;
  const std::vector<std::string> keys = header_keys(header);

  for (std::size_t r = 0; r < kEventRoleCount; ++r) {
    auto& cols = m.mapping.columns[r];
    if (const auto& refs = explicit_mapping[r]) {  // the caller's mapping replaces the aliases
      for (const ColumnRef& ref : *refs) {
        if (const auto col = find_column(keys, ref)) cols.push_back(*col);
        else m.missing.push_back(describe_column_ref(ref) + " for " + std::string(kRoleKeys[r]));
      }
      continue;
    }
    for (std::string_view alias : layout.aliases[r]) {
      const auto col = find_column(keys, alias);
      if (col && std::find(cols.begin(), cols.end(), *col) == cols.end()) cols.push_back(*col);
    }
  }

  int signature_matched = 0;
  for (std::string_view name : layout.signature) {
    if (find_column(keys, name)) ++signature_matched;
    else m.missing.push_back("column \"" + std::string(name) + "\"");
  }
  const EventColumnMapping& c = m.mapping;
  if (!c.has(EventRole::UserId) && !c.has(EventRole::PseudoId) && !c.has(EventRole::Email))
    m.missing.push_back("a user column (" + first_alias(layout, EventRole::UserId) + " or " +
                        first_alias(layout, EventRole::Email) + ")");
  if (!c.has(EventRole::Event)) m.missing.push_back("an event column (" + first_alias(layout, EventRole::Event) + ")");
  if (!c.has(EventRole::Time) && !c.has(EventRole::Date))
    m.missing.push_back("a time column (" + first_alias(layout, EventRole::Time) + ")");

  for (const auto& cols : c.columns) m.score += cols.empty() ? 0 : 1;
  if (!layout.signature.empty() && signature_matched == static_cast<int>(layout.signature.size()))
    m.score += kSignatureBonus;
  m.eligible = m.missing.empty();
  return m;
}

EventHeaderChoice choose_event_header(const std::vector<std::vector<std::string>>& rows,
                                      const std::vector<std::uint64_t>& row_lines, std::string_view layout_key,
                                      const ExplicitEventMapping& explicit_mapping) {
  std::vector<const EventLayout*> candidates;
  const bool automatic = is_auto_preset(layout_key);
  for (const EventLayout& l : all_event_layouts())
    if (automatic || normalize_header_name(l.key) == normalize_header_name(layout_key)) candidates.push_back(&l);
  if (candidates.empty())
    throw IngestError(IngestErrorCode::BadOption,
                      "unknown events layout \"" + std::string(layout_key) + "\"; expected auto, ga4 or generic");

  auto found = search_header_rows(rows, candidates, [&](const EventLayout& l, const std::vector<std::string>& row) {
    return match_event_header(l, row, explicit_mapping);
  });
  if (found.best) return EventHeaderChoice{found.best_row, std::move(*found.best)};

  std::string msg = "could not find the header row of a website events file in the first " +
                    std::to_string(rows.size()) + " rows.";
  msg += shown_row_text(rows, row_lines, found.closest_row);
  if (found.closest) msg += closest_layout_text(found.closest->layout->display_name, found.closest->missing);
  msg += " Expected a GA4 BigQuery export (event_name, user_pseudo_id, user_id, event_timestamp or event_date) "
         "or a table with a user column (user_id, customer_id, member_id, email, 회원아이디, 아이디), an event "
         "column (event, event_name, event_type, action, 이벤트) and a time column (timestamp, event_time, "
         "datetime, date, 일시, 날짜); or name the columns with the mapping option (user, event, time).";
  throw IngestError(IngestErrorCode::NoHeader, msg);
}

}  // namespace orderlens
