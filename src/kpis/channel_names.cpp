#include "kpis/channel_names.hpp"

#include <array>

#include "util/text.hpp"

namespace orderlens {

namespace {

struct KnownSource {
  std::string_view fragment;  // found anywhere in the lower-cased text
  std::string_view channel;
};

// Specific before general: "youtube" before "google" would not matter, but "smartstore.naver"
// and "pay.naver" stay naver, and "kakaostyle" is kakao. Korean names of the same sources too.
constexpr std::array<KnownSource, 33> kFragments = {{
    {"naver", "naver"},         {"네이버", "naver"},       {"kakao", "kakao"},
    {"카카오", "kakao"},        {"daum", "daum"},           {"hanmail", "daum"},
    {"youtube", "youtube"},     {"youtu.be", "youtube"},    {"유튜브", "youtube"},
    {"google", "google"},       {"구글", "google"},         {"gclid", "google"},
    {"instagram", "instagram"}, {"인스타", "instagram"},    {"facebook", "facebook"},
    {"페이스북", "facebook"},   {"fb.com", "facebook"},     {"fbclid", "facebook"},
    {"tiktok", "tiktok"},       {"틱톡", "tiktok"},         {"newsletter", "email"},
    {"klaviyo", "email"},       {"mailchimp", "email"},     {"email", "email"},
    {"이메일", "email"},        {"뉴스레터", "email"},      {"문자", "sms"},
    {"(direct)", "direct"},     {"직접", "direct"},         {"shopify_draft_order", "draft_order"},
    {"모바일앱", "mobile_app"}, {"모바일", "mobile_web"},   {"pc쇼핑몰", "pc_web"},
}};

struct ExactSource {
  std::string_view text;
  std::string_view channel;
};

constexpr std::array<ExactSource, 13> kExact = {{
    {"direct", "direct"},     {"(none)", "direct"}, {"none", "direct"},     {"web", "online_store"},
    {"online store", "online_store"}, {"pos", "pos"}, {"iphone", "mobile_app"}, {"android", "mobile_app"},
    {"ig", "instagram"},      {"fb", "facebook"},   {"sms", "sms"},         {"mail", "email"},
    {"pc", "pc_web"},
}};

std::string_view utm_source_of(std::string_view text) {
  const std::size_t at = text.find("utm_source=");
  if (at == std::string_view::npos) return text;
  std::string_view v = text.substr(at + 11);
  const std::size_t end = v.find_first_of("&;, \n\r\t\"");
  return end == std::string_view::npos ? v : v.substr(0, end);
}

bool looks_like_host(std::string_view text) {
  return text.find("://") != std::string_view::npos ||
         (text.find('.') != std::string_view::npos && text.find(' ') == std::string_view::npos);
}

std::string_view host_of(std::string_view url) {
  if (const std::size_t scheme = url.find("://"); scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  if (const std::size_t end = url.find_first_of("/?#:"); end != std::string_view::npos) url = url.substr(0, end);
  for (std::string_view prefix : {"www.", "m.", "l.", "lm."})
    if (url.starts_with(prefix)) {
      url.remove_prefix(prefix.size());
      break;
    }
  return url;
}

}  // namespace

std::string normalize_channel(std::string_view raw) {
  std::string text = ascii_lowercase(trim(raw));
  if (text.empty()) return "unknown";
  std::string_view v = trim(utm_source_of(text));
  if (v.empty()) return "unknown";
  if (looks_like_host(v)) v = host_of(v);
  for (const ExactSource& e : kExact)
    if (v == e.text) return std::string(e.channel);
  for (const KnownSource& k : kFragments)
    if (v.find(k.fragment) != std::string_view::npos) return std::string(k.channel);
  // Shopify writes the numeric id of the sales-channel app that made the order.
  if (v.find_first_not_of("0123456789") == std::string_view::npos) return "app_" + std::string(v);
  return std::string(v);
}

std::uint32_t ChannelIndex::of(std::string_view raw) {
  const auto known = by_raw_.find(raw);
  if (known != by_raw_.end()) return known->second;
  return by_raw_[raw] = of_name(normalize_channel(raw));
}

std::uint32_t ChannelIndex::of_name(const std::string& name, bool* added) {
  const auto [it, is_new] = by_name_.try_emplace(name, static_cast<std::uint32_t>(names_.size()));
  if (is_new) names_.push_back(name);
  if (added) *added = is_new;
  return it->second;
}

}  // namespace orderlens
