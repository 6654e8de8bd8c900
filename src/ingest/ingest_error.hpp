// Fatal ingestion errors. Inside the core they are exceptions; the bindings catch every one
// and hand JS an Error value (the WASM module never aborts on bad input).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace orderlens {

enum class IngestErrorCode : std::uint8_t {
  EmptyFile,        // no bytes, or only blank lines
  NotText,          // binary data, or a spreadsheet / archive container
  NoHeader,         // no row in the first rows looks like a header of a known layout
  NoDataRows,       // a header but no rows under it
  RecordTooLarge,   // one record over the size limit (usually an unbalanced quote)
  BadOption,        // an option or column mapping the caller passed is invalid
  Aborted,          // the caller cancelled
  InvalidState,     // API misuse, e.g. push() after finish()
  BadWorkbook,      // an .xlsx whose zip or XML parts cannot be read, or without the sheet asked for
};

std::string_view ingest_error_code_name(IngestErrorCode code);

class IngestError : public std::runtime_error {
 public:
  IngestError(IngestErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  IngestErrorCode code() const { return code_; }

 private:
  IngestErrorCode code_;
};

// The fatal errors of a file that ends before its first data row, in the same words for the
// orders and the events ingestion.
IngestError empty_file_error();                                 // no bytes at all
IngestError only_blank_lines_error(std::uint64_t blank_lines);  // no row, only empty lines
IngestError no_data_rows_error(std::uint64_t header_line, std::string_view layout_name);

// Runs `body`; an IngestError it throws is thrown again with its message prefixed by
// "<label>: ", so that an ingestion's fatal errors name its file in one place.
template <typename F>
auto with_error_label(const std::string& label, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const IngestError& e) {
    throw IngestError(e.code(), label + ": " + e.what());
  }
}

}  // namespace orderlens
