// The compound file reader (xlsx/compound_file.hpp) and the password-protected workbook around
// it (xlsx/agile_encryption.hpp read_encrypted_workbook) on any file: every stream of the
// directory is read. A damaged file must be an IngestError(NotText), never a crash or a hang.
#include <string>

#include "ingest/ingest_error.hpp"
#include "xlsx/agile_encryption.hpp"
#include "xlsx/compound_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace orderlens;
  const std::string file(reinterpret_cast<const char*>(data), size);
  if (!is_compound_file(file)) return 0;
  try {
    const CompoundFile cf(file);
    for (const char* name : {"EncryptionInfo", "EncryptedPackage", "Workbook", "Book", "\x06" "DataSpaces"})
      if (cf.has_stream(name)) (void)cf.stream(name);
  } catch (const IngestError& e) {
    if (e.code() != IngestErrorCode::NotText) throw;
  }
  try {
    (void)read_encrypted_workbook(file);
  } catch (const IngestError& e) {
    if (e.code() != IngestErrorCode::NotText) throw;
  }
  return 0;
}
