#include "ingest/invalid_encoding_warning.hpp"

#include <string>

namespace orderlens {

void tally_invalid_encoding(const StreamingDecoder& decoder, std::size_t max_examples, IssueTally& tally) {
  const std::uint64_t invalid = decoder.invalid_sequences();
  if (!invalid) return;
  tally.count = invalid;
  const std::string encoding(encoding_name(decoder.encoding()));
  const bool utf8 = decoder.encoding() == Encoding::Utf8;
  for (const DecodeIssue& issue : decoder.invalid_examples()) {
    if (tally.examples.size() >= max_examples) break;
    IssueExample ex;
    ex.line = issue.line;
    ex.value = issue.bytes_hex;
    ex.detail = "bytes " + issue.bytes_hex + " at byte offset " + std::to_string(issue.byte_offset) + " are not valid " +
                encoding + (utf8 ? "; if the file comes from Korean Windows Excel, load it with encoding cp949" : "");
    tally.examples.push_back(std::move(ex));
  }
}

}  // namespace orderlens
