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

// The attributes of one start tag, read when asked for (most tags of a sheet have one or two
// that matter): building a list of every attribute of every tag cost a tenth of reading a sheet.
class XmlTag {
 public:
  XmlTag(std::string_view name, std::string_view attributes, std::deque<std::string>& decoded)
      : name_(name), text_(attributes), decoded_(decoded) {}
  // The value of the attribute `name` (its prefix ignored: "r:id" is "id"), entities decoded;
  // empty when absent. Throws XmlError for an attribute it cannot read.
  std::string_view attribute(std::string_view name) const;
  // f(name, value) for every attribute, in order.
  template <typename F>
  void each(F f) const {
    std::size_t at = 0;
    std::string_view n, v;
    while (next(at, n, v)) f(n, v);
  }

 private:
  bool next(std::size_t& at, std::string_view& name, std::string_view& value) const;
  std::string_view name_;
  std::string_view text_;
  std::deque<std::string>& decoded_;  // a deque: earlier decoded values stay valid as it grows
};

// Receives the events; views are valid during the call only.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void on_start(std::string_view name, const XmlTag& tag, bool self_closing) = 0;
  virtual void on_end(std::string_view name) = 0;
  // Character data between tags, entities decoded (may come in several calls for one run).
  virtual void on_text(std::string_view text) = 0;
  // A handler may read a stretch of the part itself (a sheet's rows: xlsx/sheet_rows.cpp) by
  // setting raw_mode_ in on_start: the scanner then hands it the text that follows and goes on from
  // what it returns (the bytes it consumed; the rest is kept for the next chunk, as an
  // incomplete token is). The handler clears raw_mode_ where the stretch ends.
  virtual std::size_t on_raw(std::string_view text, bool final) {
    (void)text, (void)final;
    raw_mode_ = false;
    return 0;
  }
  bool raw() const { return raw_mode_; }

 protected:
  bool raw_mode_ = false;
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
  std::string decoded_;  // entity-decoded text
  std::deque<std::string> attribute_values_;  // decoded attribute values of the current tag
};

// A token that starts with "<!" or "<?" (a comment, CDATA section, DOCTYPE or processing
// instruction) at the start of `rest`: its length, or 0 when it is not complete in `rest`.
// `cdata` is set to a CDATA section's text (and left alone otherwise).
std::size_t special_markup_length(std::string_view rest, std::string_view& cdata);

// Decodes the entities and character references of `raw` into `out` (appended). Unknown or
// malformed references are kept as written.
void decode_xml_entities(std::string_view raw, std::string& out);

// "x:row" -> "row". A plain loop: names are a few bytes, where a library call costs more than
// the search.
inline std::string_view local_name(std::string_view name) {
  for (std::size_t i = 0; i < name.size(); ++i)
    if (name[i] == ':') return name.substr(i + 1);
  return name;
}

}  // namespace orderlens::xlsx
