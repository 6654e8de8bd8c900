#include "segments/funnel.hpp"

#include <algorithm>

#include <tsl/robin_map.h>

#include "segments/group_catalog.hpp"
#include "util/civil_date.hpp"
#include "util/hash.hpp"

namespace orderlens::segments {

namespace {

// Customers by email: those keyed by email, and those keyed otherwise with an email column.
class EmailIndex {
 public:
  explicit EmailIndex(const Dataset& ds) : ds_(ds) {
    for (std::uint32_t c = 0; c < ds.customers.size(); ++c) {
      if (ds.customers.key_kind[c] == IdentityKind::Email) continue;  // found through customer_keys
      const std::string_view email = ds.email_of(c);
      if (!email.empty()) by_email_.emplace(email, c);  // first customer with the email wins
    }
  }

  std::uint32_t find(std::string_view email) const {
    const std::uint32_t key = ds_.customer_keys.find(email);
    if (key != StringPool::kNone && ds_.customers.key_kind[key - 1] == IdentityKind::Email) return key - 1;
    const auto it = by_email_.find(email);
    return it == by_email_.end() ? kNoRow : it->second;
  }

 private:
  const Dataset& ds_;
  tsl::robin_map<std::string_view, std::uint32_t> by_email_;
};

std::uint32_t customer_of_member_id(const Dataset& ds, std::string_view id) {
  const std::uint32_t key = ds.customer_keys.find(id);
  return key != StringPool::kNone && ds.customers.key_kind[key - 1] == IdentityKind::MemberId ? key - 1 : kNoRow;
}

}  // namespace

FunnelResult funnel_pack(const CustomerBase& base, const EventLog& events) {
  enum { VisitedOnly, ViewedNoCart, CartedNotBought, BoughtViaCart, QuickBuyers };
  const Dataset& ds = *base.dataset;
  const std::size_t n = events.size();
  FunnelResult result;
  PackResult& pack = result.pack;
  pack.key = "funnel";
  pack.groups = catalog_groups(CatalogPack::Funnel);
  result.visitor_row.assign(n, kNoRow);

  std::int32_t first_day = 0, last_day = -1;
  for (std::size_t i = 0; i < n; ++i) {
    first_day = i ? std::min(first_day, events.first_day[i]) : events.first_day[i];
    last_day = i ? std::max(last_day, events.last_day[i]) : events.last_day[i];
  }
  const EmailIndex emails(ds);
  std::size_t by_id = 0, by_email = 0, bought_by_orders = 0;
  pack.group_of.resize(n);
  MemberColumn columns[kEventKindCount] = {{"pageViews", {}}, {"productViews", {}}, {"addToCarts", {}}, {"purchaseEvents", {}},
                                           {"otherEvents", {}}};
  for (MemberColumn& c : columns) c.values.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t customer = kNoRow;
    if (events.kind[i] == EventUserKind::UserId) customer = customer_of_member_id(ds, events.user_key(i));
    if (customer != kNoRow) ++by_id;
    if (customer == kNoRow && !events.email_of(i).empty()) {
      customer = emails.find(events.email_of(i));
      by_email += customer != kNoRow;
    }
    const std::uint32_t row = customer == kNoRow ? kNoRow : base.row_of_customer[customer];
    result.visitor_row[i] = row;

    const EventCounts& c = events.counts[i];
    for (std::size_t k = 0; k < kEventKindCount; ++k) columns[k].values[i] = c[k];
    bool bought = c[index_of(EventKind::Purchase)] > 0;
    if (!bought && row != kNoRow) {
      const auto days = base.purchase_days(row);
      const auto it = std::lower_bound(days.begin(), days.end(), first_day);
      if (it != days.end() && *it <= last_day) {
        bought = true;
        ++bought_by_orders;
      }
    }
    const bool carted = c[index_of(EventKind::AddToCart)] > 0;
    const bool viewed = c[index_of(EventKind::ProductView)] > 0;
    pack.group_of[i] = static_cast<std::uint8_t>(bought   ? (carted ? BoughtViaCart : QuickBuyers)
                                                 : carted ? CartedNotBought
                                                 : viewed ? ViewedNoCart
                                                          : VisitedOnly);
  }
  for (MemberColumn& c : columns) pack.columns.push_back(std::move(c));

  pack.totals.assign(pack.groups.size(), GroupTotals{});
  for (std::size_t i = 0; i < n; ++i) {
    GroupTotals& t = pack.totals[pack.group_of[i]];
    ++t.members;
    const std::uint32_t row = result.visitor_row[i];
    if (row == kNoRow) continue;
    ++t.customers;
    t.orders += base.summary.orders[row];
    t.revenue += base.summary.net_revenue[row];
    t.recency_days_sum += base.recency_days[row];
  }
  pack.details["visitors"] = n;
  pack.details["joinedByMemberId"] = by_id;
  pack.details["joinedByEmail"] = by_email;
  pack.details["buyersFromOrders"] = bought_by_orders;
  if (n) {
    pack.details["eventsFrom"] = format_iso_date(first_day);
    pack.details["eventsTo"] = format_iso_date(last_day);
  }
  if (n && by_id + by_email == 0)
    pack.notes.push_back("No visitor of the events file matched a customer of the orders file by member id or email; "
                         "the groups come from the events alone.");
  return result;
}

}  // namespace orderlens::segments
