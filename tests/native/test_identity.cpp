// Unit tests for src/ingest/identity.hpp: normalize_identity.
#include <doctest.h>

#include <string>

#include "ingest/identity.hpp"

using namespace orderlens;

namespace {

void check_key(IdentityKind kind, std::string_view raw, std::string_view expected) {
  CAPTURE(raw);
  const IdentityResult r = normalize_identity(kind, raw);
  CHECK(r.problem == IdentityProblem::None);
  CHECK(r.key == expected);
}

void check_problem(IdentityKind kind, std::string_view raw, IdentityProblem expected) {
  CAPTURE(raw);
  const IdentityResult r = normalize_identity(kind, raw);
  CHECK(r.problem == expected);
  CHECK(r.key.empty());  // "empty when not usable"
}

// A guest: no usable key. The header does not say which problem a guest reports, only that
// there is no id.
void check_guest(std::string_view raw) {
  CAPTURE(raw);
  const IdentityResult r = normalize_identity(IdentityKind::MemberId, raw);
  CHECK(r.key.empty());
  CHECK(r.problem != IdentityProblem::None);
}

}  // namespace

TEST_CASE("test_identity: member ids are trimmed and otherwise kept") {
  check_key(IdentityKind::MemberId, "abc123", "abc123");
  check_key(IdentityKind::MemberId, "  abc123  ", "abc123");
  check_key(IdentityKind::MemberId, "\xC2\xA0" "AbC123\xE3\x80\x80", "AbC123");  // NBSP, U+3000; case kept
  check_key(IdentityKind::MemberId, "hong_gildong", "hong_gildong");
  check_key(IdentityKind::MemberId, "12345", "12345");
  check_key(IdentityKind::MemberId, "10", "10");  // only a lone "0" is a guest
  check_key(IdentityKind::MemberId, "홍길동", "홍길동");
}

TEST_CASE("test_identity: guests have no member id") {
  check_problem(IdentityKind::MemberId, "", IdentityProblem::Empty);
  check_problem(IdentityKind::MemberId, "   ", IdentityProblem::Empty);
  check_guest("0");
  check_guest(" 0 ");
  check_guest("-");
  check_guest("없음");
  check_guest("N/A");
  check_guest("null");
}

TEST_CASE("test_identity: masked values are not used") {
  check_problem(IdentityKind::MemberId, "abc***", IdentityProblem::Masked);
  check_problem(IdentityKind::MemberId, "ab**cd", IdentityProblem::Masked);
  check_problem(IdentityKind::Phone, "010-****-1234", IdentityProblem::Masked);
  check_problem(IdentityKind::Email, "jo***@gmail.com", IdentityProblem::Masked);
}

TEST_CASE("test_identity: emails are trimmed and ASCII lower-cased") {
  check_key(IdentityKind::Email, "john.doe@example.com", "john.doe@example.com");
  check_key(IdentityKind::Email, "  John.Doe@Example.COM ", "john.doe@example.com");
  check_key(IdentityKind::Email, "\xC2\xA0" "ANNA+shop@Mail.KR", "anna+shop@mail.kr");
  // Only ASCII letters change case: "Ä" (C3 84) stays as it is.
  check_key(IdentityKind::Email, "\xC3\x84" "BC@EXAMPLE.DE", "\xC3\x84" "bc@example.de");
  check_problem(IdentityKind::Email, "", IdentityProblem::Empty);
  check_problem(IdentityKind::Email, "  ", IdentityProblem::Empty);
  check_problem(IdentityKind::Email, "john", IdentityProblem::NotAnEmail);
  check_problem(IdentityKind::Email, "john.example.com", IdentityProblem::NotAnEmail);
  check_problem(IdentityKind::Email, "010-1234-5678", IdentityProblem::NotAnEmail);
}

TEST_CASE("test_identity: phones keep digits, +82 becomes 0") {
  check_key(IdentityKind::Phone, "010-1234-5678", "01012345678");
  check_key(IdentityKind::Phone, " 010 1234 5678 ", "01012345678");
  check_key(IdentityKind::Phone, "010.1234.5678", "01012345678");
  check_key(IdentityKind::Phone, "+82 10-1234-5678", "01012345678");
  check_key(IdentityKind::Phone, "+82-10-1234-5678", "01012345678");
  check_key(IdentityKind::Phone, "+821012345678", "01012345678");
  check_key(IdentityKind::Phone, "'+82 10 1234 5678", "01012345678");  // CSV formula escaping
  check_key(IdentityKind::Phone, "02-123-4567", "021234567");
  // Other countries keep their code: only +82 is rewritten.
  check_key(IdentityKind::Phone, "+1 (415) 555-0100", "14155550100");
  check_key(IdentityKind::Phone, "+44 20 7946 0958", "442079460958");
  // 7 digits are enough, 6 are not.
  check_key(IdentityKind::Phone, "123-4567", "1234567");
  check_problem(IdentityKind::Phone, "123456", IdentityProblem::TooFewDigits);
  check_problem(IdentityKind::Phone, "12345", IdentityProblem::TooFewDigits);
  check_problem(IdentityKind::Phone, "ext. 12", IdentityProblem::TooFewDigits);
  check_problem(IdentityKind::Phone, "", IdentityProblem::Empty);
  check_problem(IdentityKind::Phone, "   ", IdentityProblem::Empty);
}

TEST_CASE("test_identity: names are trimmed") {
  check_key(IdentityKind::Name, "  홍길동 ", "홍길동");
  check_problem(IdentityKind::Name, "", IdentityProblem::Empty);
}

TEST_CASE("test_identity: words for messages") {
  for (IdentityKind k : {IdentityKind::MemberId, IdentityKind::Email, IdentityKind::Phone, IdentityKind::Name})
    CHECK_FALSE(identity_kind_name(k).empty());
  CHECK(identity_kind_name(IdentityKind::Email) != identity_kind_name(IdentityKind::Phone));
  for (IdentityProblem p : {IdentityProblem::Empty, IdentityProblem::Masked, IdentityProblem::NotAnEmail,
                            IdentityProblem::TooFewDigits})
    CHECK_FALSE(identity_problem_text(p).empty());
}
