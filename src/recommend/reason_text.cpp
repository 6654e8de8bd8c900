#include "recommend/reason_text.hpp"

#include <cmath>

namespace orderlens::recommend {

ReasonTemplate reason_template(Reason reason) {
  switch (reason) {
    case Reason::Reorder:
      return {"You usually reorder {product} every {days} days: time to reorder.",
              "{product}을(를) 보통 {days}일마다 다시 구매하셨어요. 다시 주문할 때가 되었어요."};
    case Reason::ReorderTypical:
      return {"Customers usually reorder {product} every {days} days: time to reorder.",
              "고객들은 보통 {days}일마다 {product}을(를) 다시 구매해요. 다시 주문할 때가 되었어요."};
    case Reason::BoughtNext:
      return {"Customers who bought {because} bought {product} next.",
              "{because}을(를) 구매한 고객들이 다음에 {product}을(를) 구매했어요."};
    case Reason::AlsoBought:
      return {"Customers who bought {because} also bought {product}.",
              "{because}을(를) 구매한 고객들이 {product}도 함께 구매했어요."};
    case Reason::FavouriteCategory:
      return {"Best seller in your favourite category, {because}.", "자주 구매하신 카테고리 {because}의 인기 상품이에요."};
    case Reason::FavouriteVendor:
      return {"Best seller from your favourite brand, {because}.", "자주 구매하신 브랜드 {because}의 인기 상품이에요."};
    case Reason::BestSeller: break;
  }
  return {"A best seller of the last {days} days.", "최근 {days}일 동안 가장 많이 팔린 상품이에요."};
}

std::string fill_reason(std::string_view text, std::string_view product, std::string_view because, std::string_view days) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto fill = [&](std::string_view name, std::string_view value) {
      if (text.substr(i, name.size()) != name) return false;
      out += value;
      i += name.size();
      return true;
    };
    if (fill("{product}", product) || fill("{because}", because) || fill("{days}", days)) continue;
    out += text[i++];
  }
  return out;
}

std::string reason_days(const Recommendation& r, std::uint32_t recent_days) {
  if (r.reason == Reason::Reorder || r.reason == Reason::ReorderTypical)
    return std::to_string(static_cast<long long>(std::floor(r.interval_days + 0.5)));
  if (r.reason == Reason::BestSeller) return std::to_string(recent_days);
  return "";
}

}  // namespace orderlens::recommend
