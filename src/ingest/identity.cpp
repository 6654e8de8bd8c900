#include "ingest/identity.hpp"

#include "util/text.hpp"

namespace orderlens {

namespace {

bool is_masked(std::string_view s) { return s.find('*') != std::string_view::npos; }

bool all_zeros(std::string_view s) {
  for (char c : s)
    if (c != '0') return false;
  return true;
}

}  // namespace

std::string_view identity_kind_name(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::MemberId: return "member_id";
    case IdentityKind::Email: return "email";
    case IdentityKind::Phone: return "phone";
    case IdentityKind::Name: return "name";
  }
  return "member_id";
}

IdentityResult normalize_identity(IdentityKind kind, std::string_view raw) {
  std::string_view s = trim(raw);
  if (!s.empty() && s.front() == '\'') s = trim(s.substr(1));  // Excel text escape
  if (s.empty() || is_placeholder_value(s)) return {{}, IdentityProblem::Empty};
  if (is_masked(s)) return {{}, IdentityProblem::Masked};
  switch (kind) {
    case IdentityKind::MemberId:
      if (all_zeros(s)) return {{}, IdentityProblem::Empty};  // WooCommerce writes 0 for guests
      return {std::string(s), IdentityProblem::None};
    case IdentityKind::Email: {
      if (s.find('@') == std::string_view::npos) return {{}, IdentityProblem::NotAnEmail};
      return {ascii_lowercase(s), IdentityProblem::None};
    }
    case IdentityKind::Phone: {
      std::string digits;
      for (char c : s)
        if (is_ascii_digit(c)) digits.push_back(c);
      const bool korean_country_code = s.front() == '+' && digits.starts_with("82");
      if (korean_country_code) digits.replace(0, 2, "0");
      if (digits.size() < 7) return {{}, IdentityProblem::TooFewDigits};
      return {std::move(digits), IdentityProblem::None};
    }
    case IdentityKind::Name:
      return {std::string(s), IdentityProblem::None};
  }
  return {{}, IdentityProblem::Empty};
}

std::string_view identity_problem_text(IdentityProblem p) {
  switch (p) {
    case IdentityProblem::None: return "";
    case IdentityProblem::Empty: return "empty";
    case IdentityProblem::Masked: return "masked with * (cannot tell customers apart)";
    case IdentityProblem::NotAnEmail: return "not an email address (no @)";
    case IdentityProblem::TooFewDigits: return "fewer than 7 digits for a phone number";
  }
  return "";
}

}  // namespace orderlens
