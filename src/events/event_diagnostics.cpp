#include "events/event_diagnostics.hpp"

namespace orderlens {

namespace {

struct Text {
  std::string_view key;
  std::string_view text;
};

constexpr std::array<Text, kEventSkipReasonCount> kSkipText = {{
    {"missing_user", "no usable user id, pseudo id or email to tell whose event it is"},
    {"missing_event", "the event name is empty"},
    {"missing_time", "the event time is empty"},
    {"bad_time", "the event time could not be read"},
    {"too_few_fields", "the row has fewer fields than the header"},
    {"too_many_fields", "the row has more fields than the header (an unquoted delimiter inside a value?)"},
    {"unterminated_quote", "a quoted field is still open at the end of the file"},
}};

constexpr std::array<Text, kEventWarningCount> kWarningText = {{
    {"invalid_encoding", "bytes that are not valid in the file's encoding were replaced by U+FFFD"},
    {"nul_bytes", "NUL bytes were removed from the row"},
    {"text_after_quote", "text follows a closing quote; it was kept as part of the value"},
    {"extra_empty_fields", "the row has extra empty fields at the end; they were ignored"},
    {"unusable_user", "a user id, pseudo id or email of the row could not be used (masked, not an email, ...); the row counts for its usable one"},
    {"conflicting_link", "a pseudo id or email seen with a second user id; its anonymous events go to the first"},
}};

}  // namespace

std::string_view event_skip_key(EventSkipReason r) { return kSkipText[static_cast<std::size_t>(r)].key; }
std::string_view event_skip_text(EventSkipReason r) { return kSkipText[static_cast<std::size_t>(r)].text; }
std::string_view event_warning_key(EventWarning w) { return kWarningText[static_cast<std::size_t>(w)].key; }
std::string_view event_warning_text(EventWarning w) { return kWarningText[static_cast<std::size_t>(w)].text; }

std::uint64_t EventDiagnostics::rows_skipped() const {
  std::uint64_t n = 0;
  for (const IssueTally& t : skipped) n += t.count;
  return n;
}

std::uint64_t EventDiagnostics::total_events() const {
  std::uint64_t n = 0;
  for (std::uint64_t e : events) n += e;
  return n;
}

void EventDiagnostics::skip(EventSkipReason reason, std::uint64_t line, std::uint32_t column, std::string_view value,
                            std::string_view detail) {
  add_issue(skipped[static_cast<std::size_t>(reason)], max_examples, columns, line, column, value, detail);
}

void EventDiagnostics::warn(EventWarning kind, std::uint64_t line, std::uint32_t column, std::string_view value,
                            std::string_view detail) {
  add_issue(warnings[static_cast<std::size_t>(kind)], max_examples, columns, line, column, value, detail);
}

}  // namespace orderlens
