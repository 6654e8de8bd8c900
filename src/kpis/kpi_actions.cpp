#include "kpis/kpi_actions.hpp"

#include <array>

namespace orderlens {

namespace {
using M = KpiMetric;
// From the CRM playbook: fewer new visitors -> a bigger broad (non-targeted) acquisition budget;
// fewer returning visitors (or returning customers, when there is no events file) -> a
// repurchase campaign; a lower AOV -> bundles and set products; a lower conversion rate -> cart
// reminders and time-limited offers; fewer first purchases -> a welcome offer.
constexpr std::array<KpiActionRule, 6> kRules = {{
    {M::NewVisitors, "broad_acquisition",
     "New visitors fell: raise the budget for broad (non-targeted) acquisition ads.",
     "신규 방문자가 줄었습니다: 논타겟 광고 예산을 늘려 보세요."},
    {M::ReturningVisitors, "repurchase_campaign",
     "Returning visitors fell: run a repurchase campaign for past visitors and buyers.",
     "재방문자가 줄었습니다: 재구매 유도 캠페인을 진행하세요."},
    {M::ReturningCustomers, "repurchase_campaign",
     "Returning customers fell: run a repurchase campaign for past buyers.",
     "재구매 고객이 줄었습니다: 재구매 유도 캠페인을 진행하세요.", true},
    {M::Aov, "bundles", "Average order value fell: plan bundles and set products to raise it.",
     "객단가가 하락했습니다: 객단가를 높일 세트 상품을 기획하세요."},
    {M::ConversionRate, "cart_reminders",
     "Conversion fell: send cart reminders and time-limited offers.",
     "전환율이 하락했습니다: 장바구니 리마인드 알림과 시간 한정 혜택을 보내세요."},
    {M::FirstPurchases, "welcome_offer", "First purchases fell: give new visitors a welcome offer for their first order.",
     "첫구매가 줄었습니다: 신규 방문자에게 첫구매 혜택(웰컴 쿠폰)을 제공하세요."},
}};
}  // namespace

std::span<const KpiActionRule> kpi_action_rules() { return kRules; }

}  // namespace orderlens
