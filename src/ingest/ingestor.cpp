#include "ingest/ingestor.hpp"

#include <algorithm>

#include "ingest/day_month_choice.hpp"
#include "ingest/delimiter_sniffer.hpp"
#include "ingest/file_kind.hpp"
#include "ingest/header_search.hpp"
#include "ingest/ingest_error.hpp"
#include "ingest/invalid_encoding_warning.hpp"
#include "ingest/partial_codec.hpp"
#include "ingest/partial_merge.hpp"
#include "ingest/record_start.hpp"
#include "ingest/result_counts.hpp"
#include "util/text.hpp"

namespace orderlens {

namespace {

constexpr std::size_t kKindPrefixBytes = 4096;
constexpr std::size_t kSniffSampleBytes = 64 * 1024;

AssemblerConfig assembler_config(const IngestSettings& settings, const IngestOptions& options) {
  AssemblerConfig config;
  config.mapping = settings.mapping;
  config.identity_roles = settings.identity_roles;
  config.status_scope = settings.status_scope;
  config.header_fields = settings.header.size();
  config.custom_statuses = options.statuses;
  config.today_day = options.today_day;
  config.date_options.day_month_order = settings.day_month_order;
  config.decimal = settings.decimal;
  return config;
}

}  // namespace

Ingestor::Ingestor(IngestOptions options)
    : options_(std::move(options)),
      diag_(options_.max_examples),
      dataset_(std::make_unique<Dataset>()),
      decoder_(options_.encoding) {
  diag_.file_name = options_.file_name;
}

Ingestor::Ingestor(IngestOptions options, const IngestSettings& settings, std::uint64_t byte_offset)
    : options_(std::move(options)),
      diag_(options_.max_examples),
      dataset_(std::make_unique<Dataset>()),
      decoder_(settings.encoding, byte_offset),
      kind_checked_(true),
      settings_(settings),
      continuation_(true),
      awaiting_split_(true),
      base_offset_(byte_offset),
      line_starts_(byte_offset) {
  decoder_.hold_invalid();
  diag_.file_name = options_.file_name;
  diag_.columns = settings.header;
  diag_.mapping = settings.mapping.columns;
  diag_.delimiter = settings.delimiter;
  diag_.preset = settings.preset;
  tokenizer_ = std::make_unique<CsvTokenizer>(CsvDialect{settings.delimiter, '"'}, options_.max_record_bytes);
  assembler_ = std::make_unique<OrderAssembler>(assembler_config(settings, options_), *dataset_, diag_);
  phase_ = Phase::Rows;
}

Ingestor::~Ingestor() = default;

void Ingestor::push(std::string_view bytes) {
  with_error_label(options_.file_name, [&] { push_bytes(bytes); });
}

void Ingestor::push_record(const CsvRecord& record) {
  with_error_label(options_.file_name, [&] {
    if (finished_) throw IngestError(IngestErrorCode::InvalidState, "push_record() after finish()");
    if (bytes_pushed_) throw IngestError(IngestErrorCode::InvalidState, "push_record() on an ingestion of bytes");
    records_in_ = true;
    kind_checked_ = true;
    last_record_line_ = record.line;
    on_record(record);
  });
}

IngestResult Ingestor::finish() {
  return with_error_label(options_.file_name, [&] { return finish_input(); });
}

void Ingestor::push_bytes(std::string_view bytes) {
  if (finished_) throw IngestError(IngestErrorCode::InvalidState, "push() after finish()");
  if (awaiting_split_) line_starts_.scan(bytes, base_offset_ + bytes_pushed_);
  bytes_pushed_ += bytes.size();
  if (!kind_checked_) {
    raw_prefix_.append(bytes);
    if (raw_prefix_.size() >= kKindPrefixBytes) release_prefix();
    return;
  }
  decoder_.push(bytes, *this);
}

void Ingestor::release_prefix() {
  std::string prefix;
  prefix.swap(raw_prefix_);
  if (prefix.empty()) return;
  const FileKind kind = sniff_file_kind(std::string_view(prefix).substr(0, kKindPrefixBytes));
  if (kind != FileKind::Text) throw IngestError(IngestErrorCode::NotText, not_text_message(kind));
  kind_checked_ = true;
  decoder_.push(prefix, *this);
}

void Ingestor::on_text(std::string_view text) {
  if (text.empty()) return;
  last_char_ = text.back();
  if (tokenizer_) {
    tokenizer_->push(text, *this);
    return;
  }
  if (options_.delimiter) {  // nothing to sniff
    start_tokenizer(false);
    tokenizer_->push(text, *this);
    return;
  }
  // The delimiter is sniffed on exactly the first 64 KB of text, whatever the chunk sizes.
  const std::size_t take = std::min(text.size(), kSniffSampleBytes - sample_.size());
  sample_.append(text.substr(0, take));
  if (sample_.size() < kSniffSampleBytes) return;
  start_tokenizer(false);
  if (take < text.size()) tokenizer_->push(text.substr(take), *this);
}

void Ingestor::start_tokenizer(bool complete) {
  char delimiter = options_.delimiter;
  if (delimiter) {
    diag_.delimiter_reason = "set by the caller";
  } else {
    const DelimiterGuess guess = sniff_delimiter(sample_, complete);
    delimiter = guess.delimiter;
    diag_.delimiter_reason = guess.reason;
  }
  diag_.delimiter = delimiter;
  tokenizer_ = std::make_unique<CsvTokenizer>(CsvDialect{delimiter, '"'}, options_.max_record_bytes);
  std::string sample;
  sample.swap(sample_);
  tokenizer_->push(sample, *this);
}

void Ingestor::on_record(const CsvRecord& record) {
  if (record.blank) {
    if (awaiting_split_) return;  // before this part's own rows: the previous part counts it
    ++diag_.blank_lines;
    return;
  }
  switch (phase_) {
    case Phase::Header: {
      held_.emplace_back(record);
      const bool enough = options_.header_line ? record.line >= options_.header_line
                                               : held_.size() >= options_.header_search_rows;
      if (enough) settle_header();
      return;
    }
    case Phase::Profile:
      ++rows_seen_;
      held_.emplace_back(record);
      if (held_.size() >= options_.profile_rows) start_rows();
      return;
    case Phase::Rows:
      if (awaiting_split_ && !is_split_row(record)) return;  // left to the previous part
      ++rows_seen_;
      assembler_->add_row(record);
      return;
  }
}

void Ingestor::settle_header() {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::uint64_t> lines;
  std::size_t first = 0;
  if (options_.header_line) {
    while (first < held_.size() && held_[first].record().line < options_.header_line) ++first;
    if (first == held_.size() || held_[first].record().line != options_.header_line)
      throw IngestError(IngestErrorCode::NoHeader, "headerLine " + std::to_string(options_.header_line) +
                                                       " is not the start of a row (the file has no such line, or it is empty)");
    rows.push_back(header_candidate_cells(held_[first].record()));
    lines.push_back(held_[first].record().line);
  } else {
    for (const StoredRecord& r : held_) {
      rows.push_back(header_candidate_cells(r.record()));
      lines.push_back(r.record().line);
    }
  }
  const HeaderChoice choice = choose_header(rows, lines, options_.preset, options_.mapping);
  const std::size_t header_index = first + choice.row;
  header_match_ = choice.match;
  const CsvRecord& header = held_[header_index].record();
  diag_.header_line = header.line;
  diag_.rows_before_header = header_index;
  diag_.columns = std::move(rows[choice.row]);  // the header's cells, as matched
  diag_.preset = std::string(header_match_.preset->key);
  diag_.preset_name = std::string(header_match_.preset->display_name);
  diag_.preset_detected = is_auto_preset(options_.preset);
  diag_.mapping = header_match_.mapping.columns;
  if (header_match_.identity_roles.size() == 1 && header_match_.identity_roles[0] == ColumnRole::CustomerName)
    diag_.notes.emplace_back(
        "This layout has no customer id or email: customers are told apart by name, so two customers "
        "with the same name are counted as one.");
  held_.erase(held_.begin(), held_.begin() + static_cast<std::ptrdiff_t>(header_index) + 1);
  rows_seen_ = held_.size();
  phase_ = Phase::Profile;
  if (held_.size() >= options_.profile_rows) start_rows();
}

void Ingestor::start_rows() {
  const ColumnMapping& m = header_match_.mapping;
  DateParseOptions date_options;
  DecimalSeparator decimal = DecimalSeparator::Point;

  // Day/month order of "a/b/yyyy" dates: the caller's, or what the first rows prove.
  auto sample_values = [&](std::initializer_list<ColumnRole> roles, auto&& visit) {
    for (const StoredRecord& stored : held_)
      for (ColumnRole role : roles)
        for (std::uint32_t c : m.of(role))
          if (c < stored.record().size()) visit(stored.record().field(c), stored.record().line);
  };
  date_options.day_month_order = settle_day_month_order(
      options_.day_month_order, header_match_.preset->day_month_order,
      [&](DayMonthVote& vote) {
        sample_values({ColumnRole::OrderDate, ColumnRole::PaidDate},
                      [&](std::string_view v, std::uint64_t line) { vote.add(v, line); });
      },
      diag_);

  // Decimal mark: the caller's, or a vote of the amounts in the first rows.
  if (options_.decimal_separator) {
    decimal = *options_.decimal_separator;
    diag_.decimal_reason = "set by the caller";
  } else {
    std::int64_t comma = 0, point = 0;
    std::uint64_t line_comma = 0, line_point = 0;
    sample_values({ColumnRole::OrderTotal, ColumnRole::LineTotal, ColumnRole::UnitPrice, ColumnRole::RefundedAmount},
                  [&](std::string_view v, std::uint64_t line) {
                    const int e = decimal_comma_evidence(v);
                    if (e > 0 && !comma++) line_comma = line;
                    if (e < 0 && !point++) line_point = line;
                  });
    if (comma > point) {
      decimal = DecimalSeparator::Comma;
      diag_.decimal_reason = "amounts such as the one on line " + std::to_string(line_comma) + " use a decimal comma";
    } else {
      decimal = DecimalSeparator::Point;
      diag_.decimal_reason = point ? "amounts such as the one on line " + std::to_string(line_point) + " use a decimal point"
                                   : "default (no amount in the first rows tells)";
    }
  }
  diag_.decimal_separator = decimal == DecimalSeparator::Comma ? "," : ".";

  IngestSettings settings;
  settings.delimiter = diag_.delimiter;
  settings.header = diag_.columns;
  settings.preset = diag_.preset;
  settings.mapping = m;
  settings.identity_roles = header_match_.identity_roles;
  settings.status_scope = header_match_.preset->status_scope;
  settings.day_month_order = date_options.day_month_order;
  settings.decimal = decimal;
  settings_ = settings;
  assembler_ = std::make_unique<OrderAssembler>(assembler_config(settings, options_), *dataset_, diag_);
  phase_ = Phase::Rows;
  std::vector<StoredRecord> rows;
  rows.swap(held_);
  for (const StoredRecord& r : rows) assembler_->add_row(r.record());
}

bool Ingestor::is_split_row(const CsvRecord& record) {
  // Rows are the part's own from the first row of an order other than the one at its start
  // (that order may have begun in the previous part). Without order ids every row is an order.
  if (!settings_->mapping.of(ColumnRole::OrderId).empty()) {
    const std::string_view id = OrderAssembler::value_in(settings_->mapping, record, ColumnRole::OrderId).text;
    if (id.empty()) return false;
    if (first_order_key_.empty()) {
      first_order_key_.assign(id);
      return false;
    }
    if (id == first_order_key_) return false;
  }
  awaiting_split_ = false;
  // The split row starts a line; its file offset comes from the raw bytes (the decoded text
  // may be longer or shorter).
  const std::optional<std::uint64_t> start = line_starts_.start_of(record.line);
  if (!start) throw IngestError(IngestErrorCode::InvalidState, "the later part's first row has no file offset");
  split_offset_ = *start;
  split_line_ = record.line;
  line_starts_ = RawLineStarts(0);  // not needed any more
  decoder_.count_invalid_from(split_offset_);
  return true;
}

std::optional<IngestSettings> Ingestor::settings() const {
  if (continuation_ || phase_ != Phase::Rows || !settings_) return std::nullopt;
  const Encoding e = decoder_.encoding();
  if (e == Encoding::Utf16Le || e == Encoding::Utf16Be) return std::nullopt;
  IngestSettings s = *settings_;
  s.encoding = decoder_.known() ? e : Encoding::Auto;
  return s;
}

std::optional<std::size_t> Ingestor::later_part_start(std::string_view window) const {
  if (!settings()) return std::nullopt;
  return likely_record_start(window, tokenizer_->dialect(), settings_->header.size());
}

std::optional<std::uint64_t> Ingestor::split_offset() const {
  if (!continuation_ || awaiting_split_) return std::nullopt;
  return split_offset_;
}

std::string Ingestor::finish_part() {
  return with_error_label(options_.file_name, [&] {
    if (!continuation_) throw IngestError(IngestErrorCode::InvalidState, "finish_part() on a first part");
    const IngestResult result = finish_input(/*whole=*/false);
    if (awaiting_split_)
      throw IngestError(IngestErrorCode::InvalidState, "this part of the file has no row of its own");
    const PartPlacement placement{base_offset_, split_offset_, split_line_, decoder_.known()};
    return encode_partial(*result.dataset, result.diagnostics, placement);
  });
}

std::optional<IngestResult> Ingestor::finish_with_part(std::string_view encoded_part) {
  return with_error_label(options_.file_name, [&]() -> std::optional<IngestResult> {
    if (continuation_ || finished_ || !tokenizer_ || phase_ != Phase::Rows) return std::nullopt;
    const DecodedPart part = decode_partial(encoded_part);
    const PartPlacement& at = part.placement;
    // This part must end exactly where the later part's own rows start, with a complete record
    // and nothing held back by the decoder (ASCII text it holds while it decides the encoding
    // has not reached the tokenizer yet).
    if (bytes_pushed_ != at.split_offset || decoder_.holds_bytes() || !tokenizer_->at_record_boundary())
      return std::nullopt;
    const bool known = decoder_.known();
    if (known && at.encoding_known && part.diagnostics.encoding != encoding_name(decoder_.encoding())) return std::nullopt;
    if (!add_order_ids(*dataset_, part)) return std::nullopt;  // an order id in both parts
    const std::int64_t line_shift =
        static_cast<std::int64_t>(tokenizer_->line_breaks() + 1) - static_cast<std::int64_t>(at.split_line);
    IngestResult result = finish_input(/*whole=*/false);
    merge_part(result, part, line_shift, /*take_encoding=*/!known && at.encoding_known);
    return result;
  });
}

IngestResult Ingestor::finish_input(bool whole) {
  if (finished_) throw IngestError(IngestErrorCode::InvalidState, "finish() called twice");
  finished_ = true;
  if (records_in_) {
    diag_.lines = last_record_line_;
  } else {
    if (!kind_checked_) release_prefix();
    decoder_.finish(*this);
    if (!tokenizer_) start_tokenizer(true);
    tokenizer_->finish(*this);
    diag_.bytes = bytes_pushed_;
    diag_.encoding = std::string(encoding_name(decoder_.encoding()));
    diag_.encoding_reason = decoder_.detection_reason();
    diag_.byte_order_mark = decoder_.had_bom();
    diag_.lines = tokenizer_->line_breaks() + (bytes_pushed_ && last_char_ != '\n' && last_char_ != '\r' ? 1 : 0);
    if (bytes_pushed_ == 0) throw empty_file_error();
  }
  if (phase_ == Phase::Header) {
    if (held_.empty())
      throw only_blank_lines_error(diag_.blank_lines);
    settle_header();
  }
  if (phase_ == Phase::Profile) {
    if (held_.empty())
      throw no_data_rows_error(diag_.header_line, diag_.preset_name);
    start_rows();
  }
  assembler_->finish(/*shrink=*/whole);
  if (whole) count_results(*dataset_, diag_);

  tally_invalid_encoding(decoder_, diag_.max_examples, diag_.warnings[static_cast<std::size_t>(WarningKind::InvalidEncoding)]);
  return IngestResult{std::move(dataset_), std::move(diag_)};
}

}  // namespace orderlens
