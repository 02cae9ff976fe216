#include <relais/customers/validation.h>
#include <relais/errors.h>

#include "core/text.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>

// No std::ranges here: scripts/run-fuzz.sh compiles this file with clang-14,
// which cannot compile libstdc++ 12's views (TOOLCHAIN.md "Fuzzing").

namespace relais {
inline namespace v1 {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// The outcome of one rule: the canonical form, or why the text breaks it.
// normalize_* and is_valid_* both call the same check_* function, so each
// rule is written once.
struct Checked {
  std::string canonical;
  std::optional<std::string> error;
};

Checked accept(std::string canonical) { return {std::move(canonical), std::nullopt}; }
Checked reject(std::string message) { return {{}, std::move(message)}; }

std::string canonical_or_throw(Checked checked, std::string_view field, std::string_view text) {
  if (checked.error) throw InvalidInputError(std::string(field), text, std::move(*checked.error));
  return std::move(checked.canonical);
}

bool passes(Checked (*check)(std::string_view), std::string_view text) noexcept {
  try {
    return !check(text).error;
  } catch (...) {  // only std::bad_alloc can get here; "not valid" is the safe answer
    return false;
  }
}

constexpr std::string_view kDigits = "0123456789";

bool is_digits(std::string_view text) { return text.find_first_not_of(kDigits) == std::string_view::npos; }

// Removes ASCII blanks and the no-break spaces (U+00A0, U+202F) that French
// typography, and numbers copied from Word or Excel, put between digit groups.
std::string remove_spaces(std::string_view text) {
  std::string kept;
  kept.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == ' ' || text[i] == '\t') {
      i += 1;
    } else if (text.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (text.substr(i, 3) == "\xE2\x80\xAF") {
      i += 3;
    } else {
      kept += text[i++];
    }
  }
  return kept;
}

std::string ascii_uppercase(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

std::optional<std::string> digit_count_error(std::string_view digits, std::size_t expected) {
  if (!is_digits(digits)) return "only digits and spaces are allowed";
  if (digits.size() != expected) {
    return "expected " + std::to_string(expected) + " digits, got " + std::to_string(digits.size());
  }
  return std::nullopt;
}

// Luhn: from the right, every second digit is doubled (minus 9 above 9);
// the sum must be a multiple of 10.
bool passes_luhn(std::string_view digits) {
  int sum = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int digit = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 == 0;
}

// ---- e-mail -------------------------------------------------------------

constexpr std::size_t kMaxEmailLength = 254;  // RFC 5321 path limit
constexpr std::size_t kMaxDomainLabelLength = 63;

// Length of the UTF-8 sequence a lead byte announces, 0 for a byte that
// cannot start one.
std::size_t utf8_sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 0;
}

// Also refuses overlong forms, surrogates and code points above U+10FFFF:
// the stored address must be text a database or a Python str accepts.
bool is_utf8(std::string_view text) {
  static constexpr std::uint32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = utf8_sequence_length(lead);
    if (length == 0 || text.size() - i < length) return false;
    std::uint32_t code = length == 1 ? lead : lead & (0x7Fu >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = code << 6 | (next & 0x3Fu);
    }
    if (code < kSmallest[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

bool has_space_or_control(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7F) return true;
  }
  return false;
}

// Internationalised labels pass through as UTF-8 (already checked), so any
// byte above 0x7F counts as a letter here.
bool is_label_character(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

std::optional<std::string> domain_label_error(std::string_view label) {
  if (label.empty()) return "domain has an empty label (two dots in a row, or a dot at an end)";
  if (label.size() > kMaxDomainLabelLength) {
    return "domain label longer than " + std::to_string(kMaxDomainLabelLength) + " characters";
  }
  for (const char c : label) {
    if (!is_label_character(c)) return "domain may only contain letters, digits, '-' and '.'";
  }
  if (label.front() == '-' || label.back() == '-') return "domain label starts or ends with '-'";
  return std::nullopt;
}

std::optional<std::string> domain_error(std::string_view domain) {
  if (domain.find('.') == std::string_view::npos) return "domain has no dot (expected e.g. example.fr)";
  for (std::size_t start = 0;;) {
    const auto dot = domain.find('.', start);
    if (auto error = domain_label_error(domain.substr(start, dot - start))) return error;
    if (dot == std::string_view::npos) return std::nullopt;
    start = dot + 1;
  }
}

Checked check_email(std::string_view text) {
  const std::string_view address = detail::trim(text);
  if (address.empty()) return reject("is empty");
  if (address.size() > kMaxEmailLength) {
    return reject("expected at most " + std::to_string(kMaxEmailLength) + " characters, got " +
                  std::to_string(address.size()));
  }
  if (!is_utf8(address)) return reject("is not valid UTF-8");
  const auto at = address.find('@');
  if (at == std::string_view::npos) return reject("has no '@'");
  if (address.find('@', at + 1) != std::string_view::npos) return reject("has more than one '@'");
  const std::string_view local = address.substr(0, at);
  if (local.empty()) return reject("nothing before '@'");
  if (has_space_or_control(local)) return reject("part before '@' contains a space or control character");
  const std::string_view domain = address.substr(at + 1);
  if (auto error = domain_error(domain)) return reject(std::move(*error));
  return accept(std::string(local) + "@" + detail::lowercase_ascii(std::string(domain)));
}

// ---- phone --------------------------------------------------------------

constexpr std::size_t kMaxPhoneLength = 50;

const PhoneNumberUtil& phone_util() {
  // A process-wide singleton; its const parsing and formatting calls are
  // thread-safe.
  static const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  return util;
}

// "French phone number" or "phone number for country code +32", for messages.
std::string describe_plan(const PhoneNumber& number) {
  if (number.country_code() == 33) return "French phone number";
  return "phone number for country code +" + std::to_string(number.country_code());
}

std::optional<std::string> parse_error(PhoneNumberUtil::ErrorType error) {
  switch (error) {
    case PhoneNumberUtil::NO_PARSING_ERROR: return std::nullopt;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR: return "unknown country code";
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN: return "too short for a phone number";
    case PhoneNumberUtil::TOO_LONG_NSN: return "too long for a phone number";
    case PhoneNumberUtil::NOT_A_NUMBER: break;
  }
  return "not a phone number";
}

std::optional<std::string> number_error(const PhoneNumber& number) {
  switch (phone_util().IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT: return "too short for a " + describe_plan(number);
    case PhoneNumberUtil::TOO_LONG: return "too long for a " + describe_plan(number);
    case PhoneNumberUtil::INVALID_LENGTH: return "wrong number of digits for a " + describe_plan(number);
    case PhoneNumberUtil::INVALID_COUNTRY_CODE: return "unknown country code";
    default: break;
  }
  if (!phone_util().IsValidNumber(number)) return "not a valid " + describe_plan(number);
  return std::nullopt;
}

// The common writings of a French number ("06 12 34 56 78", "06.12.34.56.78",
// "+33612345678") reduce to nine national digits without libphonenumber's
// Parse, whose regular expressions cost about 12 us a call and dominate a
// customer creation. The number is then checked by libphonenumber's own
// metadata (number_error) exactly as a parsed one would be.
bool french_number_by_digits(std::string_view compact, PhoneNumber& number) {
  std::string digits;
  for (char c : compact) {
    if (c != '.' && c != '-' && c != '/') digits += c;
  }
  std::string_view national;
  if (digits.size() == 10 && digits[0] == '0' && digits[1] != '0' && is_digits(digits)) {
    national = std::string_view(digits).substr(1);
  } else if (digits.size() == 12 && digits.starts_with("+33") && digits[3] != '0' && is_digits(digits.substr(1))) {
    national = std::string_view(digits).substr(3);
  } else {
    return false;
  }
  number.set_country_code(33);
  number.set_national_number(std::stoull(std::string(national)));
  return true;
}

// "+33 (0)6..." and "0033..." need no special case: libphonenumber drops the
// bracketed trunk zero and reads 00 as France's international prefix.
Checked check_phone(std::string_view text) {
  const std::string compact = remove_spaces(text);
  if (compact.empty()) return reject("is empty");
  // Far above any real writing ("+33 (0)6 12 34 56 78" is 15 without spaces).
  // libphonenumber's parsing is quadratic before its own length check: 40 kB
  // of digits take 13 s, so a pasted document must not reach it.
  if (compact.size() > kMaxPhoneLength) return reject("too long for a phone number");
  // libphonenumber would accept letters (vanity numbers) and "ext. 12", and
  // drop them silently; a customer's number has neither.
  if (compact.find_first_not_of("0123456789.-/()+") != std::string::npos) {
    return reject("only digits, spaces and . - / ( ) + are allowed");
  }
  if (compact.find('+', 1) != std::string::npos) return reject("'+' is only allowed in front");
  PhoneNumber number;
  if (!french_number_by_digits(compact, number)) {
    if (auto error = parse_error(phone_util().Parse(compact, "FR", &number))) return reject(std::move(*error));
  }
  if (auto error = number_error(number)) return reject(std::move(*error));
  std::string e164;
  phone_util().Format(number, PhoneNumberUtil::E164, &e164);
  return accept(std::move(e164));
}

bool looks_like_e164(std::string_view text) {
  return text.size() >= 2 && text.size() <= 16 && text.front() == '+' && is_digits(text.substr(1));
}

// ---- identifiers ----------------------------------------------------------

Checked check_postcode(std::string_view text) {
  std::string digits = remove_spaces(text);
  if (auto error = digit_count_error(digits, 5)) return reject(std::move(*error));
  // 01-95 metropolitan (Corsica is 20xxx), 97x/98x overseas and Monaco;
  // 00 and 96 were never allocated, 99 is INSEE's code for abroad.
  const std::string department = digits.substr(0, 2);
  if (department == "00" || department == "96" || department == "99") {
    return reject("no French postcode starts with " + department);
  }
  return accept(std::move(digits));
}

Checked check_siren(std::string_view text) {
  std::string digits = remove_spaces(text);
  if (auto error = digit_count_error(digits, 9)) return reject(std::move(*error));
  if (!passes_luhn(digits)) return reject("Luhn checksum fails");
  return accept(std::move(digits));
}

constexpr std::string_view kLaPosteSiren = "356000000";

int digit_sum(std::string_view digits) {
  int sum = 0;
  for (const char c : digits) sum += c - '0';
  return sum;
}

Checked check_siret(std::string_view text) {
  std::string digits = remove_spaces(text);
  if (auto error = digit_count_error(digits, 14)) return reject(std::move(*error));
  const std::string siren = digits.substr(0, 9);
  if (!passes_luhn(siren)) return reject("SIREN part " + siren + " fails the Luhn checksum");
  if (passes_luhn(digits)) return accept(std::move(digits));
  // La Poste has more establishments than five Luhn-keyed digits can number,
  // so INSEE also accepts its SIRETs whose digit sum is a multiple of 5 (its
  // head office, 35600000000048, is an ordinary Luhn number).
  if (siren == kLaPosteSiren) {
    if (digit_sum(digits) % 5 == 0) return accept(std::move(digits));
    return reject("fails both the Luhn checksum and La Poste's digit sum rule (multiple of 5)");
  }
  return reject("Luhn checksum fails");
}

// Letters I and O are never used in the newer alphanumeric keys (they would
// be read as 1 and 0).
constexpr std::string_view kVatKeyAlphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

std::string expected_vat_key(std::string_view siren) {
  std::uint64_t value = 0;
  for (const char c : siren) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  const auto key = (value * 100 + 12) % 97;
  return (key < 10 ? "0" : "") + std::to_string(key);
}

std::optional<std::string> vat_parts_error(std::string_view key, std::string_view siren) {
  if (key.find_first_not_of(kVatKeyAlphabet) != std::string_view::npos) {
    return "key may only use digits and letters other than I and O";
  }
  if (!is_digits(siren)) return "SIREN part may only contain digits";
  // Monaco companies get French VAT numbers whose "SIREN" starts with 000
  // and carries no Luhn key.
  if (!siren.starts_with("000") && !passes_luhn(siren)) {
    return "SIREN " + std::string(siren) + " fails the Luhn checksum";
  }
  // The newer alphanumeric keys are only checked by form (header contract).
  if (is_digits(key) && key != expected_vat_key(siren)) {
    return "VAT key " + std::string(key) + " does not match SIREN " + std::string(siren) + " (expected " +
           expected_vat_key(siren) + ")";
  }
  return std::nullopt;
}

Checked check_vat_number(std::string_view text) {
  std::string compact = ascii_uppercase(remove_spaces(text));
  if (!compact.starts_with("FR")) return reject("expected a French VAT number starting with FR");
  if (compact.size() != 13) {
    return reject("expected FR + 2-character key + 9-digit SIREN (13 characters), got " +
                  std::to_string(compact.size()));
  }
  const std::string_view parts(compact);
  if (auto error = vat_parts_error(parts.substr(2, 2), parts.substr(4))) return reject(std::move(*error));
  return accept(std::move(compact));
}

}  // namespace

std::string normalize_email(std::string_view text, std::string_view field) {
  return canonical_or_throw(check_email(text), field, text);
}

std::string normalize_phone(std::string_view text, std::string_view field) {
  return canonical_or_throw(check_phone(text), field, text);
}

std::string format_phone_national(std::string_view e164) {
  std::string text(e164);
  if (!looks_like_e164(text)) return text;
  PhoneNumber number;
  // "ZZ": no default region, so only the leading + can give the country.
  if (phone_util().Parse(text, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !phone_util().IsValidNumber(number)) {
    return text;
  }
  std::string canonical;
  phone_util().Format(number, PhoneNumberUtil::E164, &canonical);
  if (canonical != text) return text;
  // Other countries keep their code: in national form a foreign number would
  // be dialled, and read back by normalize_phone, as a French one. That
  // includes the overseas departments (+590 590... would read back as
  // +33 590...).
  const auto format =
      number.country_code() == 33 ? PhoneNumberUtil::NATIONAL : PhoneNumberUtil::INTERNATIONAL;
  std::string display;
  phone_util().Format(number, format, &display);
  return display;
}

std::string normalize_postcode(std::string_view text, std::string_view field) {
  return canonical_or_throw(check_postcode(text), field, text);
}

std::string normalize_siren(std::string_view text, std::string_view field) {
  return canonical_or_throw(check_siren(text), field, text);
}

std::string normalize_siret(std::string_view text, std::string_view field) {
  return canonical_or_throw(check_siret(text), field, text);
}

std::string normalize_vat_number(std::string_view text, std::string_view field) {
  return canonical_or_throw(check_vat_number(text), field, text);
}

bool is_valid_email(std::string_view text) noexcept { return passes(check_email, text); }
bool is_valid_phone(std::string_view text) noexcept { return passes(check_phone, text); }
bool is_valid_postcode(std::string_view text) noexcept { return passes(check_postcode, text); }
bool is_valid_siren(std::string_view text) noexcept { return passes(check_siren, text); }
bool is_valid_siret(std::string_view text) noexcept { return passes(check_siret, text); }
bool is_valid_vat_number(std::string_view text) noexcept { return passes(check_vat_number, text); }

}  // namespace v1
}  // namespace relais
