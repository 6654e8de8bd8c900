#include "events/event_kind.hpp"

#include "util/text.hpp"

namespace orderlens {

namespace {

struct EventWord {
  std::string_view word;  // lower-case ASCII or Korean, as matched
  EventKind kind;
};

constexpr std::array<EventWord, 22> kEventWords = {{
    {"page_view", EventKind::PageView},
    {"pageview", EventKind::PageView},
    {"view", EventKind::PageView},
    {"visit", EventKind::PageView},
    {"session_start", EventKind::PageView},
    {"페이지뷰", EventKind::PageView},
    {"방문", EventKind::PageView},
    {"view_item", EventKind::ProductView},
    {"product_view", EventKind::ProductView},
    {"view_product", EventKind::ProductView},
    {"detail", EventKind::ProductView},
    {"상품조회", EventKind::ProductView},
    {"add_to_cart", EventKind::AddToCart},
    {"addtocart", EventKind::AddToCart},
    {"cart", EventKind::AddToCart},
    {"장바구니", EventKind::AddToCart},
    {"purchase", EventKind::Purchase},
    {"order", EventKind::Purchase},
    {"transaction", EventKind::Purchase},
    {"checkout_complete", EventKind::Purchase},
    {"구매", EventKind::Purchase},
    {"주문", EventKind::Purchase},
}};

constexpr std::size_t longest_word() {
  std::size_t n = 0;
  for (const EventWord& w : kEventWords) n = w.word.size() > n ? w.word.size() : n;
  return n;
}
// A longer name is Other without being lower-cased.
constexpr std::size_t kLongestWord = longest_word();

constexpr std::array<std::string_view, kEventKindCount> kKindKeys = {"pageView", "productView", "addToCart",
                                                                     "purchase", "other"};

}  // namespace

EventKind event_kind_of(std::string_view name) {
  const std::string_view t = trim(name);
  if (t.empty() || t.size() > kLongestWord) return EventKind::Other;
  // Lower-cased on the stack: this runs once per row.
  std::array<char, kLongestWord> buf{};
  for (std::size_t i = 0; i < t.size(); ++i) buf[i] = ascii_lower(t[i]);
  const std::string_view lower(buf.data(), t.size());
  for (const EventWord& w : kEventWords)
    if (w.word == lower) return w.kind;
  return EventKind::Other;
}

std::string_view event_kind_key(EventKind kind) { return kKindKeys[index_of(kind)]; }

std::optional<EventKind> event_kind_from_key(std::string_view key) {
  for (std::size_t i = 0; i < kEventKindCount; ++i)
    if (kKindKeys[i] == key) return static_cast<EventKind>(i);
  return std::nullopt;
}

}  // namespace orderlens
