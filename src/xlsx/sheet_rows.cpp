// The rows of a sheet: everything between <sheetData> and </sheetData>, read without the
// generic scanner. Hand-written because this is where a workbook's time goes: a 100 MB .xlsx
// holds some 700 MB of cells like <c r="B7" s="3" t="s"><v>12</v></c>, five tokens per cell.
// The generic scanner found each tag's end, then its name, then its attributes — three passes
// and a handler call per token. Here a start tag and the three attributes a cell has (r, t, s)
// are read in one pass, and the dozen elements a row can hold are dispatched directly.
//
// Same XML as the generic scanner: names with prefixes ("x:c"), attributes in ' or " (a '>'
// inside a value does not end the tag), entities in text and attributes, comments, CDATA and
// processing instructions. A token cut off at the end of a chunk is left unconsumed; the
// scanner keeps it and hands it back with the next chunk (xml_scanner.hpp, on_raw).
#include "xlsx/sheet_reader.hpp"

namespace orderlens::xlsx {

namespace {

constexpr std::size_t kCut = std::string_view::npos;  // the token continues in the next chunk

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Attribute values are a few bytes: a loop beats a call to memchr.
bool has_entity(std::string_view text) {
  for (const char c : text)
    if (c == '&') return true;
  return false;
}

}  // namespace

std::size_t SheetReader::read_row_tag(std::string_view s, std::size_t at, RowTag& tag) {
  const std::size_t n = s.size();
  std::size_t k = at + 1;
  const std::size_t name_start = k;
  while (k < n && !is_space(s[k]) && s[k] != '>' && s[k] != '/') ++k;
  if (k >= n) return kCut;
  tag.name = local_name(s.substr(name_start, k - name_start));
  tag.r = tag.t = tag.s = {};
  for (;;) {
    // The common case first: ` r="B7"`, a one-letter name in double quotes.
    if (k + 3 < n && s[k] == ' ' && s[k + 2] == '=' && s[k + 3] == '"') {
      const char letter = s[k + 1];
      const std::size_t value_start = k + 4;
      k = value_start;
      while (k < n && s[k] != '"') ++k;
      if (k >= n) return kCut;
      keep_attribute(tag, letter, s.substr(value_start, k - value_start));
      ++k;
      continue;
    }
    while (k < n && is_space(s[k])) ++k;
    if (k >= n) return kCut;
    if (s[k] == '>') {
      tag.self_closing = false;
      return k + 1;
    }
    if (s[k] == '/') {
      if (k + 1 >= n) return kCut;
      if (s[k + 1] != '>') throw XmlError("a '/' inside the tag <" + std::string(tag.name) + ">");
      tag.self_closing = true;
      return k + 2;
    }
    const std::size_t attribute_start = k;
    while (k < n && s[k] != '=' && s[k] != '>' && !is_space(s[k])) ++k;
    const std::string_view attribute = local_name(s.substr(attribute_start, k - attribute_start));
    while (k < n && is_space(s[k])) ++k;
    if (k >= n) return kCut;
    if (s[k] != '=') throw XmlError("an attribute without a value in <" + std::string(tag.name) + ">");
    ++k;
    while (k < n && is_space(s[k])) ++k;
    if (k >= n) return kCut;
    const char quote = s[k];
    if (quote != '"' && quote != '\'') throw XmlError("an unquoted attribute in <" + std::string(tag.name) + ">");
    const std::size_t value_start = ++k;
    while (k < n && s[k] != quote) ++k;  // values are a few bytes: a loop beats memchr
    if (k >= n) return kCut;
    const std::string_view value = s.substr(value_start, k - value_start);
    ++k;
    if (attribute.size() == 1) keep_attribute(tag, attribute[0], value);
  }
}

void SheetReader::keep_attribute(RowTag& tag, char letter, std::string_view value) {
  const int slot = letter == 'r' ? 0 : letter == 't' ? 1 : letter == 's' ? 2 : -1;
  if (slot < 0) return;
  if (has_entity(value)) {
    std::string& decoded = decoded_attributes_[slot];
    decoded.clear();
    decode_xml_entities(value, decoded);
    value = decoded;
  }
  (slot == 0 ? tag.r : slot == 1 ? tag.t : tag.s) = value;
}

void SheetReader::start_element(const RowTag& tag) {
  const std::string_view name = tag.name;
  if (name.size() == 1 && name[0] == 'c') {
    begin_cell(tag.r, tag.t, tag.s);
    if (tag.self_closing) end_cell();
  } else if (name.size() == 1 && name[0] == 'v') {
    in_value_ = in_cell_ && !tag.self_closing;
  } else if (name == "row") {
    begin_row(tag.r);
    if (tag.self_closing) end_row();
  } else if (name == "t") {
    in_inline_text_ = !tag.self_closing && in_cell_ && type_ == CellType::Inline && in_phonetic_ == 0;
  } else if (name == "rPh") {
    if (!tag.self_closing) ++in_phonetic_;
  }
  // The rest (<f>, <is>, <r>, <rPr> and its children, <extLst>) hold nothing the rows need.
}

bool SheetReader::end_element(std::string_view name) {
  if (name.size() == 1 && name[0] == 'v') in_value_ = false;
  else if (name.size() == 1 && name[0] == 'c') end_cell();
  else if (name == "row") end_row();
  else if (name == "t") in_inline_text_ = false;
  else if (name == "rPh") in_phonetic_ = in_phonetic_ > 0 ? in_phonetic_ - 1 : 0;
  else if (name == "sheetData") return true;
  return false;
}

std::size_t SheetReader::on_raw(std::string_view s, bool final) {
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    if (s[i] != '<') {
      // Text runs are short ("123" in <v>): a plain loop beats memchr.
      std::size_t end = i;
      bool entity = false;
      for (; end < n && s[end] != '<'; ++end) entity |= s[end] == '&';
      if (end == n && !final) return i;  // may continue in the next chunk (an entity must not be cut)
      if (in_value_ || in_inline_text_) {
        const std::string_view text = s.substr(i, end - i);
        if (entity) decode_xml_entities(text, row_text_);
        else row_text_.append(text);
      }
      i = end;
      continue;
    }
    if (i + 2 >= n) return i;  // no token is shorter than "<v>"
    const char next = s[i + 1];
    if (next == 'v' && s[i + 2] == '>') {  // a third of the tags: worth its own test
      in_value_ = in_cell_;
      i += 3;
    } else if (next == '/') {
      std::size_t close = i + 2;
      while (close < n && s[close] != '>') ++close;
      if (close >= n) return i;
      std::string_view name = s.substr(i + 2, close - i - 2);
      while (!name.empty() && is_space(name.back())) name.remove_suffix(1);
      i = close + 1;
      if (end_element(local_name(name))) {
        raw_mode_ = false;  // the generic scanner reads what follows the rows
        return i;
      }
    } else if (next == '!' || next == '?') {
      std::string_view cdata;
      const std::size_t length = special_markup_length(s.substr(i), cdata);
      if (length == 0) return i;
      if (in_value_ || in_inline_text_) row_text_.append(cdata);
      i += length;
    } else {
      RowTag tag;
      const std::size_t after = read_row_tag(s, i, tag);
      if (after == kCut) return i;
      i = after;
      start_element(tag);
    }
  }
  return i;
}

}  // namespace orderlens::xlsx
