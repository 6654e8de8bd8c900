// Customer identity keys. A customer is keyed by the first usable value among the layout's
// identity columns (member id, then email, then phone, in the order the preset gives):
//  - member id: trimmed; "0" and placeholders ("-", "없음", ...) mean a guest (no id);
//  - email: trimmed and ASCII lower-cased; a value without "@" is not an email;
//  - phone: digits only, a leading +82 (Korea) becomes 0; fewer than 7 digits is not a phone.
// A masked value ("010-****-1234", "abc***") cannot tell customers apart and is not used.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace orderlens {

enum class IdentityKind : std::uint8_t { MemberId, Email, Phone, Name };

std::string_view identity_kind_name(IdentityKind kind);

enum class IdentityProblem : std::uint8_t { None, Empty, Masked, NotAnEmail, TooFewDigits };

struct IdentityResult {
  std::string key;  // normalized; empty when not usable
  IdentityProblem problem = IdentityProblem::None;
};

IdentityResult normalize_identity(IdentityKind kind, std::string_view raw);

std::string_view identity_problem_text(IdentityProblem p);

}  // namespace orderlens
