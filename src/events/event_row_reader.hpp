// Turns mapped data rows of an events file into visitors with counted events.
//
// Whose event: the row's user id when usable, else its pseudo id (GA4 user_pseudo_id), else its
// email (keys normalized as ingest/identity.hpp normalizes customers). A row carrying a user id
// links its pseudo id and its email to that user (the first link wins; a later row tying one to
// another user is a conflicting_link warning and keeps its own user). At finish(), every
// pseudo-id or email visitor linked to a user id is merged into that user — counts summed,
// first / last days combined — so browsing before login is credited to the logged-in user.
//
// GA4 only: consecutive used rows with the same user_id, user_pseudo_id, event_name and
// event_timestamp are one event written once per item or parameter by a flattened export; the
// repeats are used rows but not further events (diagnostics repeated_event_rows).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tsl/robin_map.h>

#include "events/event_diagnostics.hpp"
#include "events/event_layout.hpp"
#include "events/event_log.hpp"
#include "ingest/csv_tokenizer.hpp"
#include "ingest/date_time.hpp"
#include "ingest/identity.hpp"
#include "ingest/mapped_value.hpp"
#include "util/hash.hpp"

namespace orderlens {

struct EventRowConfig {
  EventColumnMapping mapping;
  std::size_t header_fields = 0;
  bool fold_repeated_events = false;  // GA4 layout
  DateParseOptions date_options;
};

class EventRowReader {
 public:
  EventRowReader(EventRowConfig config, EventLog& log, EventDiagnostics& diagnostics);

  void add_row(const CsvRecord& record);
  // Merges linked visitors and fills the result sizes of the diagnostics.
  void finish();

  using Value = MappedValue;

 private:
  Value value_of(const CsvRecord& record, EventRole role) const;
  bool check_shape(const CsvRecord& record);
  // The user values of a row, normalized (reused from row to row).
  struct RowIdentity {
    std::string key;  // the visitor's; empty when the row has no usable user value
    EventUserKind kind = EventUserKind::UserId;
    std::string pseudo_key;  // besides the visitor's key: a usable pseudo id (to link) ...
    std::string email_key;   // ... and email (to link, and as the visitor's email)
    Value first_unusable;    // the first value that could not be used, and why
    IdentityProblem problem = IdentityProblem::None;
  };
  void resolve_identity(const CsvRecord& record);
  bool is_repeated_event(const CsvRecord& record, std::string_view event, std::string_view time);
  void link(EventUserKind from_kind, std::string_view from_key, std::uint32_t user, const CsvRecord& record);
  void flush_warnings(const CsvRecord& record);

  struct PendingWarning {
    EventWarning kind;
    Value value;
    std::string detail;
  };
  std::vector<PendingWarning> pending_warnings_;
  RowIdentity row_;

  EventRowConfig config_;
  EventLog& log_;
  EventDiagnostics& diag_;
  // A pseudo id or email (EventLog::slot_of its pooled key) -> the user-id visitor it belongs to.
  tsl::robin_map<std::uint64_t, std::uint32_t, Mix64Hash> links_;
  std::string last_event_;  // the previous used row's identity, event and time (GA4 folding)
  std::string row_event_;   // the current row's, built in place
};

}  // namespace orderlens
