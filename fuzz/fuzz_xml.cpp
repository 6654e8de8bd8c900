// The XML scanner (xlsx/xml_scanner.hpp) with random chunking, through the readers of the small
// workbook parts (workbook, relationships, styles: xlsx/workbook_parts.hpp) and of the shared
// strings (xlsx/shared_strings.hpp). Control bytes: the chunking. What the scanner cannot read
// must be an XmlError; a chunked scan must give the same events as a one-chunk scan.
#include <string>

#include "fuzz_support.hpp"
#include "xlsx/shared_strings.hpp"
#include "xlsx/workbook_parts.hpp"
#include "xlsx/xml_scanner.hpp"

namespace {

using namespace orderlens::xlsx;

// Every event as text, every attribute of every start tag read (both ways the API offers).
struct Events final : XmlHandler {
  std::string log;
  void on_start(std::string_view name, const XmlTag& tag, bool self_closing) override {
    log += "<" + std::string(name) + (self_closing ? "/" : "");
    tag.each([&](std::string_view n, std::string_view v) { log += " " + std::string(n) + "=" + std::string(v); });
    log += "|" + std::string(tag.attribute("r")) + ">";
  }
  void on_end(std::string_view name) override { log += "</" + std::string(name) + ">"; }
  void on_text(std::string_view text) override { log += text; }
};

// The events, or the error (an error may come at another event for another chunking, so only
// whether there was one is compared).
std::string scan(std::string_view xml, std::uint8_t seed) {
  Events events;
  try {
    XmlScanner scanner;
    orderlens::fuzz::push_in_chunks(xml, seed, [&](std::string_view piece) { scanner.push(piece, events); });
    scanner.finish(events);
  } catch (const XmlError&) {
    return "error";
  }
  return events.log;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  orderlens::fuzz::FuzzInput in(data, size);
  const std::uint8_t seed = in.byte();
  const std::string xml(in.rest());
  if (scan(xml, 0) != scan(xml, seed)) orderlens::fuzz::invariant_broken("a chunked XML scan differs from a one-chunk scan");
  try {
    WorkbookInfo workbook = read_workbook(xml);
    resolve_sheet_parts(workbook, xml);
  } catch (const XmlError&) {
  }
  try {
    (void)read_date_styles(xml);
  } catch (const XmlError&) {
  }
  try {
    SharedStringsReader shared;
    orderlens::fuzz::push_in_chunks(xml, seed, [&](std::string_view piece) { shared.push(piece); });
    shared.finish();
    for (std::size_t i = 0; i < shared.size(); ++i) (void)shared.at(i);
  } catch (const XmlError&) {
  }
  return 0;
}
