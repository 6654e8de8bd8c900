#include "xlsx/shared_strings.hpp"

#include "util/text.hpp"

namespace orderlens::xlsx {

namespace {
int hex_digit(char c) {
  return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}
}  // namespace

void decode_ooxml_escapes(std::string_view text, std::string& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t at = text.find("_x", i);
    if (at == std::string_view::npos || at + 7 > text.size()) {
      out.append(text.substr(i));
      return;
    }
    out.append(text.substr(i, at - i));
    std::uint32_t cp = 0;
    bool ok = text[at + 6] == '_';
    for (std::size_t k = at + 2; k < at + 6 && ok; ++k) {
      const int d = hex_digit(text[k]);
      ok = d >= 0;
      cp = cp * 16 + static_cast<std::uint32_t>(d);
    }
    if (!ok) {
      out.append(text.substr(at, 2));
      i = at + 2;
      continue;
    }
    append_utf8(out, cp);
    i = at + 7;
  }
}

void SharedStringsReader::on_start(std::string_view name, const XmlTag&, bool) {
  if (name == "si") current_.clear();
  else if (name == "rPh") ++in_phonetic_;
  else if (name == "t") in_text_ = in_phonetic_ == 0;
}

void SharedStringsReader::on_end(std::string_view name) {
  if (name == "t") {
    in_text_ = false;
  } else if (name == "rPh") {
    --in_phonetic_;
  } else if (name == "si") {
    if (current_.find("_x") == std::string::npos) {
      index_.push_back(strings_.add(current_));
    } else {
      std::string decoded;
      decode_ooxml_escapes(current_, decoded);
      index_.push_back(strings_.add(decoded));
    }
  }
}

void SharedStringsReader::on_text(std::string_view text) {
  if (in_text_) current_.append(text);
}

}  // namespace orderlens::xlsx
