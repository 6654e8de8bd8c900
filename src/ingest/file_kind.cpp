#include "ingest/file_kind.hpp"

#include "ingest/encoding.hpp"

namespace orderlens {

FileKind sniff_file_kind(std::string_view prefix) {
  if (prefix.starts_with("PK\x03\x04")) return FileKind::Zip;
  if (prefix.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return FileKind::Ole;
  if (prefix.starts_with("%PDF")) return FileKind::Pdf;
  if (prefix.starts_with("\x1F\x8B")) return FileKind::Gzip;
  if (prefix.starts_with("\x89PNG") || prefix.starts_with("\xFF\xD8\xFF") || prefix.starts_with("GIF8"))
    return FileKind::Image;
  if (prefix.starts_with("\xFF\xFE") || prefix.starts_with("\xFE\xFF") || utf16_by_zero_pattern(prefix))
    return FileKind::Text;
  // Text exports have almost no control bytes (a few stray NULs are a damaged row, not binary);
  // random or compressed data has about 10%.
  std::size_t control = 0;
  for (char c : prefix) {
    const auto u = static_cast<unsigned char>(c);
    control += (u < 0x09) || (u > 0x0D && u < 0x20 && u != 0x1B);
  }
  return control * 20 > prefix.size() ? FileKind::Binary : FileKind::Text;
}

std::string not_text_message(FileKind kind) {
  const std::string f = "the file";
  switch (kind) {
    case FileKind::Zip:
      return f + " is an Excel workbook (.xlsx) or another zip archive, not a CSV text file. "
                 "load() and loadFile() read workbooks given as a File, Blob, bytes or path (a stream of chunks "
                 "is read as text); or save it from Excel as \"CSV UTF-8\".";
    case FileKind::Ole:
      return f + " is a legacy Excel .xls file or a password-protected Excel workbook. "
                 "load() and loadFile() read a protected .xlsx given as a File, Blob, bytes or path, with options.password; "
                 "save an .xls from Excel as .xlsx or \"CSV UTF-8\".";
    case FileKind::Pdf: return f + " is a PDF document, not an orders export. Export the orders as CSV.";
    case FileKind::Gzip: return f + " is gzip-compressed. Decompress it first, then load the CSV inside.";
    case FileKind::Image: return f + " is an image, not an orders export.";
    case FileKind::Binary: return f + " contains binary data, not text. Export the orders from your shop as CSV.";
    case FileKind::Text: break;
  }
  return "the file is text";
}

}  // namespace orderlens
