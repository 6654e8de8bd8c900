// A streaming scanner for the XML of Office Open XML parts (SpreadsheetML): start tags with
// their attributes, end tags and text, fed in chunks of any size. Hand-written because the
// sheet part is the hot path of reading a workbook (hundreds of MB once inflated, scanned once)
// and must stream: a DOM library (pugixml) holds the whole part, and no streaming XML parser
// ships header-only for this toolchain (expat is a compiled C library).
//
// What it handles: elements (prefixes dropped: "x:row" is "row"), attributes in ' or ", the five
// named entities and numeric character references, comments, processing instructions,
// CDATA and a DOCTYPE (skipped). It does not validate; it reports what it cannot read as an
// XmlError naming the byte offset.
#pragma once

#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace orderlens::xlsx {

class XmlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct XmlAttribute {
  std::string_view name;   // prefix dropped
  std::string_view value;  // entities decoded
};

// Receives the events; views are valid during the call only.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void on_start(std::string_view name, const std::vector<XmlAttribute>& attributes, bool self_closing) = 0;
  virtual void on_end(std::string_view name) = 0;
  // Character data between tags, entities decoded (may come in several calls for one run).
  virtual void on_text(std::string_view text) = 0;
};

class XmlScanner {
 public:
  void push(std::string_view bytes, XmlHandler& handler);
  // Throws XmlError when the input ends inside a tag.
  void finish(XmlHandler& handler);
  std::uint64_t bytes_seen() const { return offset_ + pending_.size(); }

 private:
  // Scans `text` from the start; returns how many bytes were consumed (the rest is an
  // incomplete token kept for the next chunk).
  std::size_t scan(std::string_view text, XmlHandler& handler, bool final);
  void tag(std::string_view body, XmlHandler& handler);
  void text(std::string_view raw, XmlHandler& handler);

  std::string pending_;  // an incomplete token carried over from the previous chunk
  std::uint64_t offset_ = 0;  // bytes of the part before pending_
  std::string decoded_;  // entity-decoded text / attribute values
  std::deque<std::string> attribute_values_;  // a deque: views into earlier values stay valid as it grows
  std::vector<XmlAttribute> attributes_;
};

// Decodes the entities and character references of `raw` into `out` (appended). Unknown or
// malformed references are kept as written.
void decode_xml_entities(std::string_view raw, std::string& out);

// "x:row" -> "row".
inline std::string_view local_name(std::string_view name) {
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

}  // namespace orderlens::xlsx
