#include "segments/group_catalog.hpp"

namespace orderlens::segments {

namespace {

struct Row {
  const char* key;
  const char* name_en;
  const char* name_ko;
  const char* campaign_key;
  const char* campaign_en;
  const char* campaign_ko;
};

template <std::size_t N>
std::vector<GroupDefinition> to_groups(const Row (&rows)[N]) {
  std::vector<GroupDefinition> out;
  for (const Row& r : rows) out.push_back({r.key, {r.name_en, r.name_ko}, r.campaign_key, {r.campaign_en, r.campaign_ko}});
  return out;
}

// R x F grid with the ten segment names widely used by RFM tools (cells in rfm.cpp).
constexpr Row kRfmGrid[] = {
    {"champions", "Champions", "챔피언", "vip_rewards",
     "Reward them: early access to new products and VIP perks; ask for reviews and referrals",
     "신상품 얼리 액세스와 VIP 혜택으로 보상하고 리뷰·추천을 요청하세요"},
    {"loyal", "Loyal customers", "충성 고객", "upsell_membership",
     "Upsell higher-value products; membership tier benefits",
     "더 높은 가격대 상품을 제안하고 멤버십 등급 혜택을 알리세요"},
    {"potential_loyalists", "Potential loyalists", "잠재 충성 고객", "membership_invite",
     "Invite them to the membership program; personalised recommendations",
     "멤버십 가입을 유도하고 개인화 추천을 보내세요"},
    {"new_customers", "New customers", "신규 고객", "welcome_second_order",
     "Welcome series and a second-purchase coupon", "웰컴 메시지와 두 번째 구매 쿠폰을 보내세요"},
    {"promising", "Promising", "유망 고객", "brand_story",
     "Build the relationship: brand story, free-shipping offer",
     "브랜드 스토리와 무료배송 혜택으로 관계를 쌓으세요"},
    {"need_attention", "Need attention", "관심 필요", "limited_time_offer",
     "Limited-time offer based on their past purchases", "구매 이력에 맞춘 기간 한정 혜택을 보내세요"},
    {"about_to_sleep", "About to sleep", "휴면 직전", "reactivate_bestsellers",
     "Reactivate with best sellers and a discount", "인기 상품 추천과 할인으로 다시 방문하게 하세요"},
    {"at_risk", "At risk", "이탈 위험", "win_back",
     "Win back: personalised message and a comeback offer", "개인화 메시지와 복귀 혜택으로 윈백 캠페인을 하세요"},
    {"cant_lose", "Can't lose them", "놓치면 안 되는 고객", "win_back_strong",
     "Win them back with your strongest offer; ask what went wrong",
     "가장 강한 복귀 혜택을 제안하고 불편했던 점을 물어보세요"},
    {"hibernating", "Hibernating", "휴면 고객", "low_cost_reactivation",
     "Low-cost reactivation only; leave them out of paid campaigns",
     "저비용 재활성화 메시지만 보내고 유료 캠페인에서는 제외하세요"},
};

// R x (F+M)/2 grid with the group names of Shopify's customer RFM groups (cells in rfm.cpp).
constexpr Row kRfmShopify[] = {
    {"champions", "Champions", "챔피언", "vip_rewards",
     "Reward them: early access to new products and VIP perks; ask for reviews and referrals",
     "신상품 얼리 액세스와 VIP 혜택으로 보상하고 리뷰·추천을 요청하세요"},
    {"loyal", "Loyal", "충성 고객", "upsell_membership", "Upsell higher-value products; membership tier benefits",
     "더 높은 가격대 상품을 제안하고 멤버십 등급 혜택을 알리세요"},
    {"active", "Active", "활동 고객", "cross_sell", "Cross-sell related products to raise order value",
     "연관 상품을 추천해 객단가를 높이세요"},
    {"new", "New", "신규 고객", "welcome_second_order", "Welcome series and a second-purchase coupon",
     "웰컴 메시지와 두 번째 구매 쿠폰을 보내세요"},
    {"promising", "Promising", "유망 고객", "brand_story", "Build the relationship: brand story, free-shipping offer",
     "브랜드 스토리와 무료배송 혜택으로 관계를 쌓으세요"},
    {"needs_attention", "Needs attention", "관심 필요", "limited_time_offer",
     "Limited-time offer based on their past purchases", "구매 이력에 맞춘 기간 한정 혜택을 보내세요"},
    {"almost_lost", "Almost lost", "이탈 직전", "reactivate_bestsellers", "Reactivate with best sellers and a discount",
     "인기 상품 추천과 할인으로 다시 방문하게 하세요"},
    {"at_risk", "At risk", "이탈 위험", "win_back", "Win back: personalised message and a comeback offer",
     "개인화 메시지와 복귀 혜택으로 윈백 캠페인을 하세요"},
    {"previously_loyal", "Previously loyal", "과거 충성 고객", "win_back_strong",
     "Win them back with your strongest offer; ask what went wrong",
     "가장 강한 복귀 혜택을 제안하고 불편했던 점을 물어보세요"},
    {"dormant", "Dormant", "휴면 고객", "low_cost_reactivation",
     "Low-cost reactivation only; leave them out of paid campaigns",
     "저비용 재활성화 메시지만 보내고 유료 캠페인에서는 제외하세요"},
};

// The playbook's repurchase groups: purchases <= 2 vs >= 3 x revenue vs the <= 2 buyers' mean.
constexpr Row kRepurchase[] = {
    {"just_bought", "Just bought", "이제 막 구매한 그룹", "review_event_related",
     "Show repurchase benefits: review event, related-product recommendations",
     "재구매 혜택 노출: 리뷰 이벤트로 재방문 유도, 연관 상품 추천 캠페인"},
    {"high_value_infrequent", "High value, infrequent", "구매는 드물지만 객단가가 높은 그룹", "sets_premium",
     "Recommend sets and premium (high-involvement) products", "세트 상품 또는 고관여 상품을 추천해 재구매 유도"},
    {"frequent_low_value", "Frequent, low value", "객단가는 낮지만 자주 구매하는 그룹", "bundle_low_price",
     "Bundle low-price items into packages to sell as sets", "저관여 상품 패키지 추천 알림 캠페인"},
    {"loyal", "Loyal", "충성도가 높은 그룹", "launch_promotion_viral",
     "Tell them about launches and promotions to share (viral events)",
     "신상품 론칭·주요 프로모션 바이럴 이벤트 알림"},
};

// The playbook's funnel groups from event counts.
constexpr Row kFunnel[] = {
    {"visited_only", "Visited only", "아직 관심 상품을 찾지 못한 그룹", "best_sellers",
     "Recommend best sellers", "베스트 상품 추천으로 관심 상품을 찾게 하세요"},
    {"viewed_no_cart", "Viewed products, no cart", "관심 상품은 있으나 구매 의사가 없는 그룹", "cart_incentive",
     "Related items and a cart incentive", "연관 상품 추천, 장바구니 추가 시 혜택 이벤트"},
    {"carted_not_bought", "Carted, not bought", "구매를 망설이는 그룹", "cart_reminder_time_limited",
     "Time-limited offer and a cart reminder", "시간 제한 시크릿 혜택, 장바구니 리마인드 알림"},
    {"bought_via_cart", "Bought via cart", "베스트 그룹", "repurchase_actions", "Repurchase actions",
     "재구매를 위한 액션 (재구매 혜택, 리뷰 이벤트)"},
    {"quick_buyers", "Quick buyers (no cart)", "빠르게 구매한 그룹", "related_fast_second_order",
     "Related items for a fast second order", "구매 상품의 연관 상품 추천으로 빠른 재구매 유도"},
};

constexpr Row kCycle[] = {
    {"due", "Repurchase due", "재구매 시기 도래", "repurchase_reminder",
     "Repurchase reminder for what they usually buy", "평소 구매하던 상품의 재구매 알림을 보내세요"},
    {"not_due", "Not due yet", "재구매 주기 이내", "none", "No action needed yet", "아직 조치가 필요 없습니다"},
};

constexpr Row kCrossSell[] = {
    {"a_not_b", "Bought A, not B", "A 구매 · B 미구매", "cross_sell_b", "Recommend B to them",
     "B 상품을 추천하세요"},
    {"a_and_b", "Bought A and B", "A와 B 모두 구매", "none", "Already bought both", "이미 둘 다 구매했습니다"},
    {"other", "Did not buy A in the window", "기간 내 A 미구매", "none", "Not in this campaign",
     "이 캠페인 대상이 아닙니다"},
};

constexpr Row kBoughtItem[] = {
    {"bought", "Bought C in the window", "기간 내 C 구매", "upgrade_or_refill",
     "Upgrade or refill offer for C", "C의 상위 상품 또는 재구매 혜택을 제안하세요"},
    {"other", "Did not buy C in the window", "기간 내 C 미구매", "none", "Not in this campaign",
     "이 캠페인 대상이 아닙니다"},
};

// The playbook's loyalty tiers: top 20% are the loyal customers; 21-40% are the ones to convert.
constexpr Row kTiers[] = {
    {"top_20", "Top 20% (loyal)", "상위 20% (충성 고객)", "vip_benefits", "Keep them: VIP benefits and early access",
     "VIP 혜택과 얼리 액세스로 유지하세요"},
    {"next_20", "21-40% (next tier)", "21~40% (충성 고객 후보)", "tier_up_promotion",
     "Promotion to lift them into the top tier", "충성 고객으로 전환할 수 있는 접점을 찾고 프로모션 대상으로 삼으세요"},
    {"rest", "Below 40%", "나머지 60%", "regular_campaigns", "Regular campaigns", "일반 캠페인"},
};

}  // namespace

std::vector<GroupDefinition> catalog_groups(CatalogPack pack) {
  switch (pack) {
    case CatalogPack::RfmGrid: return to_groups(kRfmGrid);
    case CatalogPack::RfmShopify: return to_groups(kRfmShopify);
    case CatalogPack::Repurchase: return to_groups(kRepurchase);
    case CatalogPack::Funnel: return to_groups(kFunnel);
    case CatalogPack::Cycle: return to_groups(kCycle);
    case CatalogPack::CrossSell: return to_groups(kCrossSell);
    case CatalogPack::BoughtItem: return to_groups(kBoughtItem);
    case CatalogPack::Tiers: return to_groups(kTiers);
  }
  return {};
}

GroupDefinition unmatched_group() {
  return {"other", {"Matched no rule", "규칙에 해당하지 않음"}, "none", {"Not in a custom segment", "사용자 정의 세그먼트 대상이 아닙니다"}};
}

}  // namespace orderlens::segments
