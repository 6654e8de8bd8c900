// What a website event means to the funnel: a page view, a product view, an add-to-cart, a
// purchase, or something else (session pings, scrolls, checkout steps...).
//
// Event names are matched case-insensitively (ASCII) after trimming, against exactly these
// words; punctuation is significant, so "add_to_cart" and "addtocart" are both listed:
//   PageView     page_view, pageview, view, visit, session_start, 페이지뷰, 방문
//   ProductView  view_item, product_view, view_product, detail, 상품조회
//   AddToCart    add_to_cart, addtocart, cart, 장바구니
//   Purchase     purchase, order, transaction, checkout_complete, 구매, 주문
//   Other        every other name (GA4's first_visit, scroll, user_engagement, begin_checkout,
//                view_item_list, ...): counted, and a visitor with only such events still counts
// Note that GA4 logs session_start next to the session's first page_view, so a GA4 session's
// first page is counted twice as a page view (the list above is the funnel's definition).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace orderlens {

enum class EventKind : std::uint8_t { PageView, ProductView, AddToCart, Purchase, Other };
inline constexpr std::size_t kEventKindCount = 5;

// Events of one visitor, by kind (indexed by static_cast<std::size_t>(EventKind)).
using EventCounts = std::array<std::uint32_t, kEventKindCount>;

// The kind of an event name as written in the file; Other when it is none of the words above.
EventKind event_kind_of(std::string_view name);

// camelCase keys used by the JSON results: "pageView", "productView", "addToCart", "purchase", "other".
std::string_view event_kind_key(EventKind kind);
std::optional<EventKind> event_kind_from_key(std::string_view key);

inline std::size_t index_of(EventKind kind) { return static_cast<std::size_t>(kind); }

}  // namespace orderlens
