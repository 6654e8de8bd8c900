#include "events/event_ingestor.hpp"

#include "ingest/day_month_choice.hpp"
#include "ingest/header_search.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/invalid_encoding_warning.hpp"
#include "util/text.hpp"

namespace orderlens {

EventIngestor::EventIngestor(EventIngestOptions options)
    : options_(std::move(options)),
      diag_(options_.max_examples),
      log_(std::make_unique<EventLog>()),
      stream_(options_.encoding, options_.delimiter, options_.max_record_bytes) {
  diag_.file_name = options_.file_name;
}

EventIngestor::~EventIngestor() = default;

void EventIngestor::push(std::string_view bytes) {
  with_error_label(options_.file_name, [&] {
    if (finished_) throw IngestError(IngestErrorCode::InvalidState, "push() after finish()");
    stream_.push(bytes, *this);
  });
}

EventIngestResult EventIngestor::finish() {
  return with_error_label(options_.file_name, [&] { return finish_input(); });
}

void EventIngestor::on_record(const CsvRecord& record) {
  if (record.blank) {
    ++diag_.blank_lines;
    return;
  }
  switch (phase_) {
    case Phase::Header:
      held_.emplace_back(record);
      if (held_.size() >= options_.header_search_rows) settle_header();
      return;
    case Phase::Profile:
      ++rows_seen_;
      held_.emplace_back(record);
      if (held_.size() >= options_.profile_rows) start_rows();
      return;
    case Phase::Rows:
      ++rows_seen_;
      reader_->add_row(record);
      return;
  }
}

void EventIngestor::settle_header() {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::uint64_t> lines;
  for (const StoredRecord& stored : held_) {
    rows.push_back(header_candidate_cells(stored.record()));
    lines.push_back(stored.record().line);
  }
  EventHeaderChoice choice = choose_event_header(rows, lines, options_.layout, options_.mapping);
  header_match_ = std::move(choice.match);
  diag_.header_line = lines[choice.row];
  diag_.rows_before_header = choice.row;
  diag_.columns = std::move(rows[choice.row]);
  diag_.layout = std::string(header_match_.layout->key);
  diag_.layout_name = std::string(header_match_.layout->display_name);
  diag_.layout_detected = is_auto_preset(options_.layout);
  diag_.mapping = header_match_.mapping.columns;
  held_.erase(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(choice.row) + 1);
  rows_seen_ = held_.size();
  phase_ = Phase::Profile;
  if (held_.size() >= options_.profile_rows) start_rows();
}

void EventIngestor::start_rows() {
  const EventColumnMapping& m = header_match_.mapping;
  EventRowConfig config;
  config.mapping = m;
  config.header_fields = diag_.columns.size();
  config.fold_repeated_events = header_match_.layout->kind == EventLayoutKind::Ga4;
  auto vote_on_times = [&](DayMonthVote& vote) {
    for (const StoredRecord& stored : held_)
      for (EventRole role : {EventRole::Time, EventRole::Date})
        for (std::uint32_t c : m.of(role))
          if (c < stored.record().size()) vote.add(stored.record().field(c), stored.record().line);
  };
  config.date_options.day_month_order =
      settle_day_month_order(options_.day_month_order, DayMonthOrder::MonthFirst, vote_on_times, diag_);

  reader_ = std::make_unique<EventRowReader>(std::move(config), *log_, diag_);
  phase_ = Phase::Rows;
  std::vector<StoredRecord> rows;
  rows.swap(held_);
  for (const StoredRecord& r : rows) reader_->add_row(r.record());
}

EventIngestResult EventIngestor::finish_input() {
  if (finished_) throw IngestError(IngestErrorCode::InvalidState, "finish() called twice");
  finished_ = true;
  stream_.finish(*this);

  const StreamingDecoder& decoder = stream_.decoder();
  diag_.bytes = stream_.bytes();
  diag_.encoding = std::string(encoding_name(decoder.encoding()));
  diag_.encoding_reason = decoder.detection_reason();
  diag_.byte_order_mark = decoder.had_bom();
  diag_.delimiter = stream_.delimiter();
  diag_.delimiter_reason = stream_.delimiter_reason();
  diag_.lines = stream_.lines();

  if (diag_.bytes == 0) throw empty_file_error();
  if (phase_ == Phase::Header) {
    if (held_.empty())
      throw only_blank_lines_error(diag_.blank_lines);
    settle_header();
  }
  if (phase_ == Phase::Profile) {
    if (held_.empty())
      throw no_data_rows_error(diag_.header_line, diag_.layout_name);
    start_rows();
  }
  reader_->finish();

  tally_invalid_encoding(decoder, diag_.max_examples, diag_.warnings[static_cast<std::size_t>(EventWarning::InvalidEncoding)]);
  return EventIngestResult{std::move(log_), std::move(diag_)};
}

}  // namespace orderlens
