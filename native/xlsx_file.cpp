#include "native/xlsx_file.hpp"

#include <algorithm>
#include <vector>

#include <zlib.h>

#include "ingest/ingest_error.hpp"
#include "xlsx/xlsx_session.hpp"

namespace orderlens {

namespace {

// Inflates a raw deflate stream, handing out pieces of at most `chunk` bytes.
template <typename Out>
void inflate_raw(std::string_view compressed, std::size_t chunk, const std::string& part, Out out) {
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) throw IngestError(IngestErrorCode::BadWorkbook, "zlib could not start");
  // Ends the stream however this returns (the consumer may throw).
  struct End {
    z_stream& z;
    ~End() { inflateEnd(&z); }
  } end{z};
  std::vector<unsigned char> buffer(std::max<std::size_t>(chunk, 1));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  int status = Z_OK;
  while (status != Z_STREAM_END) {
    z.next_out = buffer.data();
    z.avail_out = static_cast<uInt>(buffer.size());
    status = inflate(&z, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) {
      throw IngestError(IngestErrorCode::BadWorkbook, "the workbook part " + part + " is damaged (it does not inflate)");
    }
    const std::size_t produced = buffer.size() - z.avail_out;
    if (produced) out(std::string_view(reinterpret_cast<const char*>(buffer.data()), produced));
    if (status == Z_OK && produced == 0 && z.avail_in == 0) {
      throw IngestError(IngestErrorCode::BadWorkbook, "the workbook part " + part + " is cut short");
    }
  }
}

}  // namespace

bool looks_like_zip(std::string_view bytes) { return bytes.size() >= 4 && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

IngestResult read_xlsx_bytes(std::string_view file, IngestOptions options, std::size_t chunk) {
  xlsx::XlsxSession session(std::move(options));
  const std::size_t tail = std::min(file.size(), xlsx::kZipTailBytes);
  if (const auto place = session.set_tail(file.substr(file.size() - tail), file.size()))
    session.set_central_directory(file.substr(static_cast<std::size_t>(place->offset), static_cast<std::size_t>(place->size)));
  while (const auto part = session.next_part()) {
    const std::string_view header = file.substr(std::min<std::size_t>(file.size(), part->header_offset));
    const std::uint64_t start = part->header_offset + xlsx::local_data_offset(header);
    if (start > file.size() || part->compressed_size > file.size() - start)
      throw IngestError(IngestErrorCode::BadWorkbook, "the workbook part " + part->name + " lies outside the file (was it cut short?)");
    const std::string_view data = file.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(part->compressed_size));
    if (part->method == 0) {
      for (std::size_t at = 0; at < data.size(); at += chunk) session.push(data.substr(at, chunk));
    } else {
      inflate_raw(data, chunk, part->name, [&](std::string_view piece) { session.push(piece); });
    }
    session.end_part();
  }
  return session.finish();
}

}  // namespace orderlens
