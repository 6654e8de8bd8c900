// The small parts of a workbook that say where its data are: xl/workbook.xml (the sheets in
// order, the date system), xl/_rels/workbook.xml.rels (which part holds each sheet) and
// xl/styles.xml (which cell styles show dates). Each is read whole: they are a few KB.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace orderlens::xlsx {

struct SheetRef {
  std::string name;
  std::string relationship;  // r:id
  std::string part;          // e.g. "xl/worksheets/sheet1.xml", from the relationships
  bool hidden = false;
};

struct WorkbookInfo {
  std::vector<SheetRef> sheets;
  bool date1904 = false;
};

// Throws XmlError for XML it cannot read.
WorkbookInfo read_workbook(std::string_view workbook_xml);
// Fills each sheet's part from the workbook's relationships (targets are relative to "xl/").
void resolve_sheet_parts(WorkbookInfo& workbook, std::string_view relationships_xml);

// Per cell style (the index `s` of a cell): whether it shows a date or time.
std::vector<bool> read_date_styles(std::string_view styles_xml);

}  // namespace orderlens::xlsx
