// The EncryptionInfo stream of a password-protected workbook (xlsx/agile_encryption.hpp): the
// version header and the XML with the cipher parameters, base64 salts and keys. Anything it
// cannot use must be an IngestError(NotText) saying so; accepted parameters must make JSON.
#include <string>

#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"
#include "ingest/ingest_error.hpp"
#include "xlsx/agile_encryption.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace orderlens;
  const std::string stream(reinterpret_cast<const char*>(data), size);
  try {
    const AgileEncryption e = parse_encryption_info(stream);
    const std::string json = encrypted_workbook_json(e, 4096);
    if (!nlohmann::json::accept(json)) fuzz::invariant_broken("the parameters' JSON does not parse");
  } catch (const IngestError& e) {
    if (e.code() != IngestErrorCode::NotText) throw;
  }
  return 0;
}
