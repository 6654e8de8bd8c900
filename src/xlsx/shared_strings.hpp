// The shared strings of a workbook (xl/sharedStrings.xml), read as they stream in: each <si>
// is its <t> text, or the <t> texts of its rich-text runs joined; phonetic guides (<rPh>, the
// furigana of Japanese workbooks) are not part of the text. Cells refer to them by index, so
// they are kept, one pooled string each.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "util/text_arena.hpp"
#include "xlsx/xml_scanner.hpp"

namespace orderlens::xlsx {

// Decodes the "_xHHHH_" escapes OOXML writes for characters XML cannot hold (a carriage return
// is _x000D_); "_x005F_" is a literal underscore. Appends to `out`.
void decode_ooxml_escapes(std::string_view text, std::string& out);

class SharedStringsReader final : private XmlHandler {
 public:
  void push(std::string_view bytes) { scanner_.push(bytes, *this); }
  void finish() { scanner_.finish(*this); }
  std::size_t size() const { return index_.size(); }
  std::string_view at(std::size_t i) const { return strings_.view(index_[i]); }

 private:
  void on_start(std::string_view name, const XmlTag& tag, bool self_closing) override;
  void on_end(std::string_view name) override;
  void on_text(std::string_view text) override;

  XmlScanner scanner_;
  StringList strings_;
  std::vector<std::uint32_t> index_;  // <si> number -> id in strings_ (0 for an empty one)
  std::string current_;
  bool in_text_ = false;
  int in_phonetic_ = 0;
};

}  // namespace orderlens::xlsx
