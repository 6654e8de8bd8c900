#include "xlsx/xlsx_session.hpp"

#include "ingest/ingest_error.hpp"
#include "util/text.hpp"

namespace orderlens::xlsx {

namespace {
constexpr std::string_view kWorkbookPart = "xl/workbook.xml";
constexpr std::string_view kRelationshipsPart = "xl/_rels/workbook.xml.rels";
constexpr std::string_view kSharedStringsPart = "xl/sharedStrings.xml";
constexpr std::string_view kStylesPart = "xl/styles.xml";
}  // namespace

XlsxSession::XlsxSession(IngestOptions options) : options_(std::move(options)) {}
XlsxSession::~XlsxSession() = default;

void XlsxSession::part_error(const std::string& what) const {
  throw IngestError(IngestErrorCode::BadWorkbook, options_.file_name + ": the workbook part " + current_part_ + " " + what);
}

std::optional<CentralDirectoryPlace> XlsxSession::set_tail(std::string_view tail, std::uint64_t file_size) {
  file_size_ = file_size;
  try {
    place_ = find_central_directory(tail, file_size);
  } catch (const IngestError& e) {
    throw IngestError(IngestErrorCode::BadWorkbook, options_.file_name + ": " + e.what());
  }
  const std::uint64_t tail_start = file_size - tail.size();
  if (place_.offset >= tail_start) {
    set_central_directory(tail.substr(static_cast<std::size_t>(place_.offset - tail_start), static_cast<std::size_t>(place_.size)));
    return std::nullopt;
  }
  return place_;
}

void XlsxSession::set_central_directory(std::string_view bytes) {
  try {
    entries_ = read_central_directory(bytes, place_, file_size_);
  } catch (const IngestError& e) {
    throw IngestError(IngestErrorCode::BadWorkbook, options_.file_name + ": " + e.what());
  }
  if (!entry(kWorkbookPart))
    throw IngestError(IngestErrorCode::BadWorkbook, options_.file_name + ": a zip file without " + std::string(kWorkbookPart) +
                                                        ", so not an Excel workbook (.xlsx)");
  stage_ = Stage::Workbook;
}

const ZipEntry* XlsxSession::entry(std::string_view name) const {
  for (const ZipEntry& e : entries_)
    if (e.name == name) return &e;
  return nullptr;
}

std::optional<PartRequest> XlsxSession::next_part() {
  // Skip the optional parts the workbook does not have.
  if (stage_ == Stage::SharedStrings && !entry(kSharedStringsPart)) stage_ = Stage::Styles;
  if (stage_ == Stage::Styles && !entry(kStylesPart)) stage_ = Stage::Sheet;
  std::string_view name;
  switch (stage_) {
    case Stage::Workbook: name = kWorkbookPart; break;
    case Stage::Relationships: name = kRelationshipsPart; break;
    case Stage::SharedStrings: name = kSharedStringsPart; break;
    case Stage::Styles: name = kStylesPart; break;
    case Stage::Sheet: name = sheet_->part; break;
    case Stage::Directory:
      throw IngestError(IngestErrorCode::InvalidState, "the workbook's directory has not been read");
    case Stage::Done: return std::nullopt;
  }
  const ZipEntry* e = entry(name);
  if (!e) {
    current_part_ = std::string(name);
    part_error("is missing from the file");
  }
  current_part_ = e->name;
  small_part_.clear();
  if (stage_ == Stage::SharedStrings) shared_ = std::make_unique<SharedStringsReader>();
  if (stage_ == Stage::Sheet) {
    ingestor_ = std::make_unique<Ingestor>(options_);
    sheet_reader_ = std::make_unique<SheetReader>(shared_.get(), date_styles_, workbook_.date1904,
                                                  [this](const CsvRecord& row) { ingestor_->push_record(row); });
  }
  return PartRequest{e->name, e->header_offset, e->compressed_size, e->size, e->method};
}

void XlsxSession::push(std::string_view bytes) {
  try {
    switch (stage_) {
      case Stage::SharedStrings: shared_->push(bytes); break;
      case Stage::Sheet: sheet_reader_->push(bytes); break;
      case Stage::Workbook:
      case Stage::Relationships:
      case Stage::Styles:
        // The small parts are read whole; a "small" part of more than 64 MB is not one.
        if (small_part_.size() + bytes.size() > (64u << 20)) part_error("is too large");
        small_part_.append(bytes);
        break;
      default: throw IngestError(IngestErrorCode::InvalidState, "no workbook part is being read");
    }
  } catch (const XmlError& e) {
    part_error(std::string("does not parse: ") + e.what());
  }
}

void XlsxSession::end_part() {
  try {
    switch (stage_) {
      case Stage::Workbook:
        workbook_ = read_workbook(small_part_);
        if (workbook_.sheets.empty()) part_error("lists no sheet");
        stage_ = Stage::Relationships;
        break;
      case Stage::Relationships:
        resolve_sheet_parts(workbook_, small_part_);
        choose_sheet();
        stage_ = Stage::SharedStrings;
        break;
      case Stage::SharedStrings:
        shared_->finish();
        stage_ = Stage::Styles;
        break;
      case Stage::Styles:
        date_styles_ = read_date_styles(small_part_);
        stage_ = Stage::Sheet;
        break;
      case Stage::Sheet:
        sheet_reader_->finish();
        if (sheet_reader_->rows() == 0)
          throw IngestError(IngestErrorCode::EmptyFile, options_.file_name + ": the sheet \"" + sheet_->name + "\" has no rows");
        stage_ = Stage::Done;
        break;
      default: throw IngestError(IngestErrorCode::InvalidState, "no workbook part is being read");
    }
  } catch (const XmlError& e) {
    part_error(std::string("does not parse: ") + e.what());
  }
  small_part_ = {};
}

void XlsxSession::choose_sheet() {
  const std::vector<SheetRef>& sheets = workbook_.sheets;
  if (!options_.sheet.empty()) {
    for (const SheetRef& s : sheets)
      if (s.name == options_.sheet) sheet_ = &s;
    // Then ignoring case and surrounding spaces: "orders " for "Orders".
    if (!sheet_) {
      for (const SheetRef& s : sheets)
        if (ascii_lowercase(trim(s.name)) == ascii_lowercase(trim(options_.sheet))) sheet_ = &s;
    }
    if (!sheet_) {
      std::string names;
      for (const SheetRef& s : sheets) names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
      throw IngestError(IngestErrorCode::BadOption,
                        options_.file_name + ": the workbook has no sheet \"" + options_.sheet + "\"; its sheets are " + names);
    }
  } else {
    for (const SheetRef& s : sheets)
      if (!s.hidden) {
        sheet_ = &s;
        break;
      }
    if (!sheet_) sheet_ = &sheets.front();
  }
  if (sheet_->part.empty()) part_error("does not say which part holds the sheet \"" + sheet_->name + "\"");
}

std::uint64_t XlsxSession::rows_read() const { return ingestor_ ? ingestor_->rows_read() : 0; }

IngestResult XlsxSession::finish() {
  if (stage_ != Stage::Done) throw IngestError(IngestErrorCode::InvalidState, "the workbook has not been read to its end");
  IngestResult result = ingestor_->finish();
  Diagnostics& d = result.diagnostics;
  d.bytes = file_size_;
  d.encoding = "xlsx";
  d.encoding_reason = "an Excel workbook: sheet \"" + sheet_->name + "\" (" + std::to_string(workbook_.sheets.size()) + " sheet" +
                      (workbook_.sheets.size() == 1 ? "" : "s") + "); line numbers are the sheet's row numbers";
  d.delimiter_reason = "the cells of the sheet";
  d.sheet = sheet_->name;
  for (const SheetRef& s : workbook_.sheets) d.sheets.push_back(s.name);
  return result;
}

}  // namespace orderlens::xlsx
