#include "kpis/kpi_metric.hpp"

namespace orderlens {

namespace {
constexpr std::array<KpiMetricInfo, kKpiMetricCount> kInfo = {{
    {"visitors", "Visitors", "방문자수", true, true},
    {"newVisitors", "New visitors", "신규 방문자수", true, true},
    {"returningVisitors", "Returning visitors", "재방문자수", true, true},
    {"customers", "Customers", "구매 고객수", true, false},
    {"newCustomers", "New customers", "신규 구매 고객수", true, false},
    {"returningCustomers", "Returning customers", "재구매 고객수", true, false},
    {"firstPurchases", "First purchases", "첫구매수", true, false},
    {"repurchases", "Repurchases", "재구매수", true, false},
    {"orders", "Orders", "주문수", true, false},
    {"revenue", "Revenue", "매출", true, false},
    {"aov", "Average order value", "평균 주문금액(AOV)", true, false},
    {"itemsPerOrder", "Items per order", "주문당 상품수", true, false},
    {"ordersPerCustomer", "Orders per customer", "고객당 주문수", true, false},
    {"conversionRate", "Conversion rate", "전환율", true, true},
    {"repeatCustomerRate", "Repeat customer rate", "재구매 고객 비율", true, false},
    {"retentionRate", "Customer retention rate", "고객 유지율(CRR)", true, false},
    {"churnRate", "Churn rate", "이탈률", false, false},
}};
}  // namespace

const KpiMetricInfo& kpi_metric_info(KpiMetric metric) { return kInfo[index_of(metric)]; }

}  // namespace orderlens
