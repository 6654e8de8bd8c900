#include "ingest/record_start.hpp"

namespace orderlens {

namespace {

// Enough records to tell: out of step, a window of wide rows rarely keeps the field count for
// more than one or two records.
constexpr std::size_t kRecordsToCheck = 16;
constexpr std::size_t kCheckBytes = 64 * 1024;
constexpr std::size_t kMaxCandidates = 64;

class ConsistencyCheck : public RecordSink {
 public:
  explicit ConsistencyCheck(std::size_t field_count) : field_count_(field_count) {}
  void on_record(const CsvRecord& r) override {
    if (r.blank || checked_ >= kRecordsToCheck) return;
    ++checked_;
    consistent_ = consistent_ && r.size() == field_count_;
  }
  // At least two complete records, all with the expected field count.
  bool passed() const { return consistent_ && checked_ >= 2; }
  bool decided() const { return !consistent_ || checked_ >= kRecordsToCheck; }

 private:
  std::size_t field_count_;
  std::size_t checked_ = 0;
  bool consistent_ = true;
};

bool consistent_from(std::string_view text, const CsvDialect& dialect, std::size_t field_count) {
  // Only complete records reach the sink (no finish()), and no record can exceed the limit.
  // Fed in slices, to stop as soon as the check is decided (usually within the first slice).
  constexpr std::size_t kSlice = 4096;
  CsvTokenizer tokenizer(dialect, text.size() + 1);
  ConsistencyCheck check(field_count);
  for (std::size_t at = 0; at < text.size() && !check.decided(); at += kSlice)
    tokenizer.push(text.substr(at, kSlice), check);
  return check.passed();
}

}  // namespace

std::optional<std::size_t> likely_record_start(std::string_view window, const CsvDialect& dialect,
                                               std::size_t field_count) {
  std::optional<std::size_t> first;
  std::size_t candidates = 0;
  for (std::size_t lf = window.find('\n'); lf != std::string_view::npos && lf + 1 < window.size();
       lf = window.find('\n', lf + 1)) {
    const std::size_t start = lf + 1;
    if (!first) first = start;
    if (consistent_from(window.substr(start, kCheckBytes), dialect, field_count)) return start;
    if (++candidates == kMaxCandidates) break;
  }
  return first;
}

}  // namespace orderlens
