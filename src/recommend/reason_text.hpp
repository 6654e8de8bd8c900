// The English and Korean text of each reason, as templates with {product}, {because} and {days}
// placeholders: the JSON result carries the templates (the npm package fills them for the rows
// it shows) and the native tool fills them here, with the same rule.
#pragma once

#include <string>
#include <string_view>

#include "recommend/recommend.hpp"

namespace orderlens::recommend {

struct ReasonTemplate {
  std::string_view en;
  std::string_view ko;
};

ReasonTemplate reason_template(Reason reason);

// Every "{name}" of `text` replaced by its value; other text kept as it is.
std::string fill_reason(std::string_view text, std::string_view product, std::string_view because, std::string_view days);

// The {days} value of a recommendation: the interval in whole days (rounded half up) for
// reorders, the popularity window for best sellers, "" otherwise.
std::string reason_days(const Recommendation& r, std::uint32_t recent_days);

}  // namespace orderlens::recommend
