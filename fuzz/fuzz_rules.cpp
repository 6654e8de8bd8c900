// The JSON options of the segments (api/segments_json.hpp parse_segmentation_options, with the
// custom rules of segments/rules.hpp) and of the CLV (api/clv_json.hpp parse_clv_options) on any
// text. Bad JSON or a bad rule must be an IngestError(BadOption) naming the place, nothing else.
#include <string_view>

#include "api/clv_json.hpp"
#include "api/segments_json.hpp"
#include "ingest/ingest_error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace orderlens;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    (void)parse_segmentation_options(text);
  } catch (const IngestError& e) {
    if (e.code() != IngestErrorCode::BadOption) throw;
  }
  try {
    (void)parse_clv_options(text);
  } catch (const IngestError& e) {
    if (e.code() != IngestErrorCode::BadOption) throw;
  }
  return 0;
}
