// Chooses the field delimiter of a CSV from a sample of its text: the candidate (',' TAB ';' '|')
// that splits the most rows into the same number of fields (more than one) wins; ties go to
// the larger field count, then to the order above. Quotes are honoured while counting.
#pragma once

#include <string>
#include <string_view>

namespace orderlens {

struct DelimiterGuess {
  char delimiter = ',';
  std::string reason;
};

// `complete` says the sample is the whole file (its last line is complete without a line end).
DelimiterGuess sniff_delimiter(std::string_view sample, bool complete);

std::string delimiter_display(char d);  // "," "TAB" ";" "|"

}  // namespace orderlens
