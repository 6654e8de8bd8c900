#include "events/event_row_reader.hpp"

#include <array>

#include "events/event_time.hpp"
#include "ingest/record_shape.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

// The user columns in the order they decide whose event a row is.
struct UserColumn {
  EventRole role;
  EventUserKind kind;
  IdentityKind identity;  // normalized exactly like customers of an order file
};
constexpr std::array<UserColumn, 3> kUserColumns = {{
    {EventRole::UserId, EventUserKind::UserId, IdentityKind::MemberId},
    {EventRole::PseudoId, EventUserKind::PseudoId, IdentityKind::MemberId},
    {EventRole::Email, EventUserKind::Email, IdentityKind::Email},
}};

constexpr char kFieldSeparator = '\x1F';  // cannot occur in the trimmed values compared

}  // namespace

EventRowReader::EventRowReader(EventRowConfig config, EventLog& log, EventDiagnostics& diagnostics)
    : config_(std::move(config)), log_(log), diag_(diagnostics) {}

EventRowReader::Value EventRowReader::value_of(const CsvRecord& record, EventRole role) const {
  return first_mapped_value(config_.mapping.of(role), record);
}

bool EventRowReader::check_shape(const CsvRecord& record) {
  return check_record_shape<EventSkipReason>(record, config_.header_fields, diag_);
}

void EventRowReader::resolve_identity(const CsvRecord& record) {
  row_.key.clear();
  row_.pseudo_key.clear();
  row_.email_key.clear();
  row_.first_unusable = {};
  row_.problem = IdentityProblem::None;
  for (const UserColumn& u : kUserColumns) {
    const Value v = value_of(record, u.role);
    if (v.text.empty()) continue;
    IdentityResult r = normalize_identity(u.identity, v.text);
    if (r.key.empty()) {
      if (row_.problem == IdentityProblem::None && r.problem != IdentityProblem::Empty) {  // "0": no id, no problem
        row_.problem = r.problem;
        row_.first_unusable = v;
      }
    } else if (row_.key.empty()) {
      row_.key = std::move(r.key);
      row_.kind = u.kind;
    } else if (u.kind == EventUserKind::PseudoId) {
      row_.pseudo_key = std::move(r.key);
    } else {
      row_.email_key = std::move(r.key);
    }
  }
}

bool EventRowReader::is_repeated_event(const CsvRecord& record, std::string_view event, std::string_view time) {
  row_event_.assign(value_of(record, EventRole::UserId).text);
  row_event_ += kFieldSeparator;
  row_event_.append(value_of(record, EventRole::PseudoId).text);
  row_event_ += kFieldSeparator;
  row_event_.append(event);
  row_event_ += kFieldSeparator;
  row_event_.append(time);
  if (row_event_ == last_event_) return true;
  last_event_.swap(row_event_);
  return false;
}

void EventRowReader::link(EventUserKind from_kind, std::string_view from_key, std::uint32_t user,
                          const CsvRecord& record) {
  const std::uint32_t id = log_.user_keys.intern(from_key);
  const auto [it, added] = links_.try_emplace(EventLog::slot_of(id, from_kind), user);
  if (added || it->second == user) return;
  const Value v = value_of(record, from_kind == EventUserKind::PseudoId ? EventRole::PseudoId : EventRole::Email);
  diag_.warn(EventWarning::ConflictingLink, record.line, v.column, v.text,
             "already linked to user id " + std::string(log_.user_key(it->second)) +
                 " (its events without a user id go there); this row counts for user id " +
                 std::string(log_.user_key(user)));
}

void EventRowReader::flush_warnings(const CsvRecord& record) {
  for (const PendingWarning& w : pending_warnings_) diag_.warn(w.kind, record.line, w.value.column, w.value.text, w.detail);
  pending_warnings_.clear();
}

void EventRowReader::add_row(const CsvRecord& record) {
  ++diag_.rows_read;
  pending_warnings_.clear();
  if (!check_shape(record)) return;
  if (record.size() > config_.header_fields)
    pending_warnings_.push_back({EventWarning::ExtraEmptyFields, {},
                                 std::to_string(record.size() - config_.header_fields) + " extra"});
  if (record.nul_bytes_removed)
    pending_warnings_.push_back({EventWarning::NulBytes, {}, std::to_string(record.nul_bytes_removed) + " removed"});
  if (record.text_after_quote)
    pending_warnings_.push_back({EventWarning::TextAfterQuote,
                                 {record.field(record.text_after_quote_field), record.text_after_quote_field},
                                 "kept as part of the value"});

  resolve_identity(record);
  if (row_.key.empty()) {
    std::uint32_t column = row_.first_unusable.column;
    for (const UserColumn& u : kUserColumns)
      if (column == Diagnostics::kWholeRow && config_.mapping.has(u.role)) column = config_.mapping.of(u.role).front();
    diag_.skip(EventSkipReason::MissingUser, record.line, column, row_.first_unusable.text,
               row_.problem == IdentityProblem::None ? "every user column is empty"
                                                     : "the value is " + std::string(identity_problem_text(row_.problem)));
    return;
  }
  if (row_.problem != IdentityProblem::None)
    pending_warnings_.push_back({EventWarning::UnusableUser, row_.first_unusable,
                                 "the value is " + std::string(identity_problem_text(row_.problem))});

  const Value event = value_of(record, EventRole::Event);
  if (event.text.empty()) {
    diag_.skip(EventSkipReason::MissingEvent, record.line, event.column, {}, "expected an event name such as page_view");
    return;
  }
  // The time; the day-only column (GA4 event_date) when it is empty.
  Value time = value_of(record, EventRole::Time);
  const bool from_time_column = !time.text.empty();
  if (!from_time_column) {
    const Value date = value_of(record, EventRole::Date);
    if (!date.text.empty() || time.column == Diagnostics::kWholeRow) time = date;
  }
  if (time.text.empty()) {
    diag_.skip(EventSkipReason::MissingTime, record.line, time.column, {}, "expected a date-time or an epoch time");
    return;
  }
  const EventDay day = parse_event_day(time.text, config_.date_options);
  if (!day.ok()) {
    diag_.skip(EventSkipReason::BadTime, record.line, time.column, time.text, event_time_error_text(day));
    return;
  }

  flush_warnings(record);
  ++diag_.rows_used;
  if (config_.fold_repeated_events && from_time_column && is_repeated_event(record, event.text, time.text)) {
    ++diag_.repeated_event_rows;
    return;
  }
  const std::uint32_t visitor = log_.find_or_add(row_.kind, row_.key);
  log_.count(visitor, event_kind_of(event.text), day.day);
  if (row_.kind == EventUserKind::UserId) {
    if (!row_.pseudo_key.empty()) link(EventUserKind::PseudoId, row_.pseudo_key, visitor, record);
    if (!row_.email_key.empty()) link(EventUserKind::Email, row_.email_key, visitor, record);
  }
  if (!row_.email_key.empty() && log_.email[visitor] == StringPool::kNone)
    log_.email[visitor] = log_.user_keys.intern(row_.email_key);
  if (log_.source[visitor] == StringPool::kNone) {
    // GA4 writes the user's first-touch source on every row: the first non-empty one is it.
    if (const std::string_view s = trim(value_of(record, EventRole::Source).text); !s.empty() && s != "(not set)")
      log_.source[visitor] = log_.user_keys.intern(s);
  }
}

void EventRowReader::finish() {
  // Anonymous visitors linked to a user id become part of that user.
  std::vector<bool> keep(log_.size(), true);
  for (std::size_t i = 0; i < log_.size(); ++i) {
    if (log_.kind[i] == EventUserKind::UserId) continue;
    const auto it = links_.find(EventLog::slot_of(log_.key[i], log_.kind[i]));
    if (it == links_.end()) continue;
    log_.absorb(it->second, static_cast<std::uint32_t>(i));
    keep[i] = false;
    ++diag_.visitors_merged;
    ++diag_.merged_by_kind[static_cast<std::size_t>(log_.kind[i])];
  }
  if (diag_.visitors_merged) log_.keep_only(keep);
  log_.seal_visits();
  log_.shrink_to_fit();
  links_ = {};

  diag_.visitors = log_.size();
  for (std::size_t i = 0; i < log_.size(); ++i) {
    ++diag_.visitors_by_kind[static_cast<std::size_t>(log_.kind[i])];
    for (std::size_t k = 0; k < kEventKindCount; ++k) diag_.events[k] += log_.counts[i][k];
    if (!diag_.any_day || log_.first_day[i] < diag_.first_day) diag_.first_day = log_.first_day[i];
    if (!diag_.any_day || log_.last_day[i] > diag_.last_day) diag_.last_day = log_.last_day[i];
    diag_.any_day = true;
  }
}

}  // namespace orderlens
