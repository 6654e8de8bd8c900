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
  }
  return "unknown";
}

}  // namespace orderlens
