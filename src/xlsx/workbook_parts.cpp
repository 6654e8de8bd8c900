#include "xlsx/workbook_parts.hpp"

#include <charconv>
#include <unordered_map>

#include "xlsx/excel_dates.hpp"
#include "xlsx/xml_scanner.hpp"

namespace orderlens::xlsx {

namespace {

std::uint32_t number(std::string_view text) {
  std::uint32_t n = 0;
  std::from_chars(text.data(), text.data() + text.size(), n);
  return n;
}

// Runs `on_tag(name, tag)` on every start tag of a whole small part, and `on_tag(name, nullptr)`
// on every end tag.
template <typename OnStart>
void each_start_tag(std::string_view xml, OnStart on_start) {
  struct Handler : XmlHandler {
    OnStart& f;
    explicit Handler(OnStart& fn) : f(fn) {}
    void on_start(std::string_view name, const XmlTag& tag, bool) override { f(name, &tag); }
    void on_end(std::string_view name) override { f(name, nullptr); }
    void on_text(std::string_view) override {}
  } handler(on_start);
  XmlScanner scanner;
  scanner.push(xml, handler);
  scanner.finish(handler);
}

}  // namespace

WorkbookInfo read_workbook(std::string_view xml) {
  WorkbookInfo w;
  each_start_tag(xml, [&](std::string_view name, const XmlTag* a) {
    const bool start = a != nullptr;
    if (!start) return;
    if (name == "sheet") {
      const std::string_view state = a->attribute("state");
      w.sheets.push_back({std::string(a->attribute("name")), std::string(a->attribute("id")), {}, state == "hidden" || state == "veryHidden"});
    } else if (name == "workbookPr") {
      const std::string_view d = a->attribute("date1904");
      w.date1904 = d == "1" || d == "true";
    }
  });
  return w;
}

void resolve_sheet_parts(WorkbookInfo& workbook, std::string_view xml) {
  std::unordered_map<std::string, std::string> target_of;
  each_start_tag(xml, [&](std::string_view name, const XmlTag* a) {
    const bool start = a != nullptr;
    if (start && name == "Relationship") target_of[std::string(a->attribute("Id"))] = std::string(a->attribute("Target"));
  });
  for (SheetRef& s : workbook.sheets) {
    const auto it = target_of.find(s.relationship);
    if (it == target_of.end()) continue;
    const std::string& target = it->second;
    s.part = target.starts_with('/') ? target.substr(1) : "xl/" + target;
  }
}

std::vector<bool> read_date_styles(std::string_view xml) {
  std::unordered_map<std::uint32_t, std::string> custom;
  std::vector<std::uint32_t> formats;  // numFmtId per cellXfs entry
  bool in_cell_xfs = false;
  each_start_tag(xml, [&](std::string_view name, const XmlTag* a) {
    const bool start = a != nullptr;
    if (name == "cellXfs") in_cell_xfs = start;
    if (!start) return;
    if (name == "numFmt") custom[number(a->attribute("numFmtId"))] = std::string(a->attribute("formatCode"));
    else if (name == "xf" && in_cell_xfs) formats.push_back(number(a->attribute("numFmtId")));
  });
  std::vector<bool> date(formats.size());
  for (std::size_t i = 0; i < formats.size(); ++i) {
    const auto it = custom.find(formats[i]);
    date[i] = is_date_format(formats[i], it == custom.end() ? std::string_view() : std::string_view(it->second));
  }
  return date;
}

}  // namespace orderlens::xlsx
