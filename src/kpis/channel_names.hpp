// One name per acquisition channel, from whatever an export writes: a platform's source or
// sales-channel column (Shopify "Source", Cafe24 매출경로, Smartstore 유입경로), a referring URL,
// a utm_source (in Shopify's Note Attributes, for one), or a GA4 traffic source.
//
// The rules, in order (documented in docs/kpis.md):
//  1. blank -> "unknown";
//  2. text holding "utm_source=" -> the value after it;
//  3. a URL or bare host (has "://", or a dot and no space) -> the host without "www.", "m.",
//     "l." or "lm." in front;
//  4. the lower-cased text (or host) is matched against the table of known sources: naver,
//     kakao, daum, google, youtube, instagram, facebook, tiktok, email, sms, direct, and the
//     platforms' own values (Shopify web / pos / draft orders / apps, Cafe24 PC and mobile
//     storefronts);
//  5. a number (Shopify's id of the sales-channel app that made the order) -> "app_<number>";
//  6. otherwise the lower-cased, trimmed text (or host) itself.
// The orders' raw channel is already the most precise of what the export has: a utm_source in
// the attribution text (Shopify "Note Attributes"), else the referring site, else the channel
// column (ingest/order_assembler.cpp).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace orderlens {

std::string normalize_channel(std::string_view raw);

// The distinct channels met, numbered in order of first appearance; each distinct raw value is
// normalized once. The raw values passed to of() must outlive the index (views into pools).
class ChannelIndex {
 public:
  // The channel of a raw value.
  std::uint32_t of(std::string_view raw);
  // The channel of a normalized name, added when new (`added` says so).
  std::uint32_t of_name(const std::string& name, bool* added = nullptr);
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::map<std::string, std::uint32_t> by_name_;
  std::map<std::string_view, std::uint32_t> by_raw_;
};

}  // namespace orderlens
