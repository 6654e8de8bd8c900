#include "events/event_log.hpp"

#include <algorithm>
#include <array>

namespace orderlens {

std::string_view event_user_kind_key(EventUserKind kind) {
  constexpr std::array<std::string_view, kEventUserKindCount> kKeys = {"userId", "pseudoId", "email"};
  return kKeys[static_cast<std::size_t>(kind)];
}

namespace {
std::uint64_t pack_visit(std::uint32_t visitor, std::int32_t day) {
  return (std::uint64_t{visitor} << 32) | (static_cast<std::uint32_t>(day) ^ 0x80000000u);
}
}  // namespace

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
  source.push_back(StringPool::kNone);
  counts.push_back({});
  // Empty range until the first event: any day makes it first and last.
  first_day.push_back(INT32_MAX);
  last_day.push_back(INT32_MIN);
  last_visit_day_.push_back(INT32_MIN);
  return it->second;
}

void EventLog::count(std::uint32_t visitor, EventKind event, std::int32_t day) {
  ++counts[visitor][index_of(event)];
  first_day[visitor] = std::min(first_day[visitor], day);
  last_day[visitor] = std::max(last_day[visitor], day);
  if (last_visit_day_[visitor] != day) {
    last_visit_day_[visitor] = day;
    visits_.push_back(pack_visit(visitor, day));
  }
}

void EventLog::absorb(std::uint32_t into, std::uint32_t from) {
  for (std::size_t k = 0; k < kEventKindCount; ++k) counts[into][k] += counts[from][k];
  first_day[into] = std::min(first_day[into], first_day[from]);
  last_day[into] = std::max(last_day[into], last_day[from]);
  if (email[into] == StringPool::kNone) email[into] = email[from];
  if (source[into] == StringPool::kNone) source[into] = source[from];
  if (absorbed_into_.empty()) {
    absorbed_into_.resize(size());
    for (std::uint32_t i = 0; i < absorbed_into_.size(); ++i) absorbed_into_[i] = i;
  }
  absorbed_into_[from] = into;
}

void EventLog::keep_only(const std::vector<bool>& keep) {
  std::vector<std::uint32_t> new_index(size(), 0xFFFFFFFFu);
  std::size_t out = 0;
  for (std::size_t i = 0; i < size(); ++i) {
    if (!keep[i]) continue;
    new_index[i] = static_cast<std::uint32_t>(out);
    key[out] = key[i];
    kind[out] = kind[i];
    email[out] = email[i];
    source[out] = source[i];
    counts[out] = counts[i];
    first_day[out] = first_day[i];
    last_day[out] = last_day[i];
    ++out;
  }
  auto cut = [out](auto&... v) { (v.resize(out), ...); };
  cut(key, kind, email, counts, first_day, last_day, source);
  index_.clear();
  for (std::size_t i = 0; i < out; ++i) index_.emplace(slot_of(key[i], kind[i]), static_cast<std::uint32_t>(i));
  for (std::uint64_t& v : visits_) {
    std::uint32_t owner = static_cast<std::uint32_t>(v >> 32);
    while (!keep[owner] && !absorbed_into_.empty() && absorbed_into_[owner] != owner) owner = absorbed_into_[owner];
    v = (std::uint64_t{new_index[owner]} << 32) | (v & 0xFFFFFFFFu);
  }
  absorbed_into_ = {};
}

void EventLog::seal_visits() {
  std::sort(visits_.begin(), visits_.end());
  visits_.erase(std::unique(visits_.begin(), visits_.end()), visits_.end());
  visit_offsets.assign(size() + 1, 0);
  visit_days.resize(visits_.size());
  for (std::size_t v = 0; v < visits_.size(); ++v) {
    ++visit_offsets[(visits_[v] >> 32) + 1];
    visit_days[v] = static_cast<std::int32_t>(static_cast<std::uint32_t>(visits_[v]) ^ 0x80000000u);
  }
  for (std::size_t i = 0; i < size(); ++i) visit_offsets[i + 1] += visit_offsets[i];
  visits_ = {};
  last_visit_day_ = {};
}

void EventLog::shrink_to_fit() {
  auto shrink = [](auto&... v) { (v.shrink_to_fit(), ...); };
  shrink(key, kind, email, counts, first_day, last_day, source, visit_offsets, visit_days);
  user_keys.shrink_to_fit();
}

}  // namespace orderlens
