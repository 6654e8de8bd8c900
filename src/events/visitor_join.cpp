#include "events/visitor_join.hpp"

namespace orderlens {

VisitorJoin::VisitorJoin(const Dataset& ds) : ds_(ds) {
  for (std::uint32_t c = 0; c < ds.customers.size(); ++c) {
    if (ds.customers.key_kind[c] == IdentityKind::Email) continue;
    const std::string_view email = ds.email_of(c);
    if (!email.empty()) by_email_.emplace(email, c);  // the first customer with the email wins
  }
}

std::uint32_t VisitorJoin::by_email(std::string_view email) const {
  const std::uint32_t key = ds_.customer_keys.find(email);
  if (key != StringPool::kNone && ds_.customers.key_kind[key - 1] == IdentityKind::Email) return key - 1;
  const auto it = by_email_.find(email);
  return it == by_email_.end() ? JoinedCustomer::kNoCustomer : it->second;
}

JoinedCustomer VisitorJoin::customer_of(const EventLog& events, std::size_t i) const {
  if (events.kind[i] == EventUserKind::UserId) {
    const std::uint32_t key = ds_.customer_keys.find(events.user_key(i));
    if (key != StringPool::kNone && ds_.customers.key_kind[key - 1] == IdentityKind::MemberId) return {key - 1, JoinedBy::MemberId};
  }
  if (!events.email_of(i).empty()) {
    const std::uint32_t c = by_email(events.email_of(i));
    if (c != JoinedCustomer::kNoCustomer) return {c, JoinedBy::Email};
  }
  return {};
}

}  // namespace orderlens
