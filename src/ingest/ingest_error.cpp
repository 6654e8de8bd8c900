#include "ingest/ingest_error.hpp"

namespace orderlens {

std::string_view ingest_error_code_name(IngestErrorCode code) {
  switch (code) {
    case IngestErrorCode::EmptyFile: return "empty_file";
    case IngestErrorCode::NotText: return "not_text";
    case IngestErrorCode::NoHeader: return "no_header";
    case IngestErrorCode::NoDataRows: return "no_data_rows";
    case IngestErrorCode::RecordTooLarge: return "record_too_large";
    case IngestErrorCode::BadOption: return "bad_option";
    case IngestErrorCode::Aborted: return "aborted";
    case IngestErrorCode::InvalidState: return "invalid_state";
    case IngestErrorCode::BadWorkbook: return "bad_workbook";
  }
  return "unknown";
}

IngestError empty_file_error() { return IngestError(IngestErrorCode::EmptyFile, "the file is empty (0 bytes)."); }

IngestError only_blank_lines_error(std::uint64_t blank_lines) {
  return IngestError(IngestErrorCode::EmptyFile,
                     "the file contains no rows, only " + std::to_string(blank_lines) + " empty line(s).");
}

IngestError no_data_rows_error(std::uint64_t header_line, std::string_view layout_name) {
  return IngestError(IngestErrorCode::NoDataRows, "the header on line " + std::to_string(header_line) + " (" +
                                                      std::string(layout_name) + ") is not followed by any data rows.");
}

}  // namespace orderlens
