#include "events/event_log.hpp"

#include <algorithm>
#include <array>

namespace orderlens {

std::string_view event_user_kind_key(EventUserKind kind) {
  constexpr std::array<std::string_view, kEventUserKindCount> kKeys = {"userId", "pseudoId", "email"};
  return kKeys[static_cast<std::size_t>(kind)];
}

std::uint64_t EventLog::total_events(std::size_t i) const {
  std::uint64_t n = 0;
  for (std::uint32_t c : counts[i]) n += c;
  return n;
}

std::optional<std::size_t> EventLog::find(EventUserKind visitor_kind, std::string_view normalized_key) const {
  const std::uint32_t id = user_keys.find(normalized_key);
  if (id == StringPool::kNone) return std::nullopt;
  const auto it = index_.find(slot_of(id, visitor_kind));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

std::uint32_t EventLog::find_or_add(EventUserKind visitor_kind, std::string_view normalized_key) {
  const std::uint32_t id = user_keys.intern(normalized_key);
  const auto [it, added] = index_.try_emplace(slot_of(id, visitor_kind), static_cast<std::uint32_t>(size()));
  if (!added) return it->second;
  key.push_back(id);
  kind.push_back(visitor_kind);
  email.push_back(visitor_kind == EventUserKind::Email ? id : StringPool::kNone);
  counts.push_back({});
  // Empty range until the first event: any day makes it first and last.
  first_day.push_back(INT32_MAX);
  last_day.push_back(INT32_MIN);
  return it->second;
}

void EventLog::count(std::uint32_t visitor, EventKind event, std::int32_t day) {
  ++counts[visitor][index_of(event)];
  first_day[visitor] = std::min(first_day[visitor], day);
  last_day[visitor] = std::max(last_day[visitor], day);
}

void EventLog::absorb(std::uint32_t into, std::uint32_t from) {
  for (std::size_t k = 0; k < kEventKindCount; ++k) counts[into][k] += counts[from][k];
  first_day[into] = std::min(first_day[into], first_day[from]);
  last_day[into] = std::max(last_day[into], last_day[from]);
  if (email[into] == StringPool::kNone) email[into] = email[from];
}

void EventLog::keep_only(const std::vector<bool>& keep) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < size(); ++i) {
    if (!keep[i]) continue;
    key[out] = key[i];
    kind[out] = kind[i];
    email[out] = email[i];
    counts[out] = counts[i];
    first_day[out] = first_day[i];
    last_day[out] = last_day[i];
    ++out;
  }
  auto cut = [out](auto&... v) { (v.resize(out), ...); };
  cut(key, kind, email, counts, first_day, last_day);
  index_.clear();
  for (std::size_t i = 0; i < out; ++i) index_.emplace(slot_of(key[i], kind[i]), static_cast<std::uint32_t>(i));
}

void EventLog::shrink_to_fit() {
  auto shrink = [](auto&... v) { (v.shrink_to_fit(), ...); };
  shrink(key, kind, email, counts, first_day, last_day);
  user_keys.shrink_to_fit();
}

}  // namespace orderlens
