// A later part of a parallel ingestion travels from its Worker to the first part as bytes: the
// tables, the strings of the pools and the diagnostics counts, in a plain little-endian layout
// (both ends run the same build). Decoding does not rebuild pools: the strings stay views into
// the bytes, and the merge looks them up once, in the first part's pools.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/diagnostics.hpp"
#include "model/dataset.hpp"

namespace orderlens {

// Where a later part sits in the file.
struct PartPlacement {
  std::uint64_t start_offset = 0;  // file offset of the part's first byte
  std::uint64_t split_offset = 0;  // file offset of the part's first own row
  std::uint64_t split_line = 0;    // that row's line, counted from the part's first byte
  bool encoding_known = false;     // the part decided its encoding from evidence
};

// A decoded later part: the same tables as a Dataset, strings as views into the encoded bytes
// (index 0 is the empty string, as id 0 of a pool).
struct DecodedPart {
  PartPlacement placement;
  std::vector<std::string_view> order_keys, customer_keys, product_keys, text, customer_text;
  OrdersTable orders;
  LineItemsTable lines;
  CustomersTable customers;
  ProductsTable products;
  Diagnostics diagnostics;  // counts, tallies, encoding
};

std::string encode_partial(const Dataset& ds, const Diagnostics& diagnostics, const PartPlacement& placement);
// Throws IngestError(InvalidState) on bytes that are not an encoded part. The result views
// `bytes`, which must outlive it.
DecodedPart decode_partial(std::string_view bytes);

}  // namespace orderlens
