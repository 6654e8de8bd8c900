// Dates in a workbook are numbers: days since the workbook's epoch, the fraction the time of
// day. Which numbers are dates is said by the cell's number format (styles.xml): the built-in
// date and time formats (ECMA-376 Part 1, 18.8.30: ids 14-22 and 45-47; 27-36 and 50-58 in the
// East Asian locales Korean workbooks use) or a custom format code with date or time tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orderlens::xlsx {

// True when number format `id` with code `code` (empty for a built-in) shows a date or time.
bool is_date_format(std::uint32_t id, std::string_view code);

// Serial `text` ("45321.5") as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM:SS" (when it has a time of
// day), through ingest/date_time.hpp's excel_serial_to_local (both date systems; the 1900
// system's fictitious 1900-02-29, serial 60, is no date). Empty when `text` is not a number or
// not a date: the cell's text then goes to the date parser as written, which says why.
std::string excel_serial_to_text(std::string_view text, bool date1904);

}  // namespace orderlens::xlsx
