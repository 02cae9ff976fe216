#pragma once
// French identifier and contact validation: pure functions, no database,
// thread-safe. Each normalize_* returns the canonical stored form or throws
// InvalidInputError naming `field` and the value (cut to a readable length).
// Each is_valid_* answers without throwing.
#include <relais/export.h>

#include <string>
#include <string_view>

namespace relais {
inline namespace v1 {

// Lowercases the domain, trims; rejects what is not local@domain.tld.
RELAIS_API std::string normalize_email(std::string_view text, std::string_view field = "email");
// Any common French writing ("06 12 34 56 78", "06.12.34.56.78",
// "+33 (0)6 12 34 56 78", "0033612345678") to E.164 "+33612345678", through
// libphonenumber. Numbers with another country code are accepted when valid.
RELAIS_API std::string normalize_phone(std::string_view text, std::string_view field = "phone");
// "+33612345678" -> "06 12 34 56 78" (display form). Returns the input when
// it is not a valid E.164 number.
RELAIS_API std::string format_phone_national(std::string_view e164);
// Five digits (metropolitan, Corsica 20xxx, overseas 97x/98x).
RELAIS_API std::string normalize_postcode(std::string_view text, std::string_view field = "postcode");
// 9 digits with a valid Luhn key; spaces are removed.
RELAIS_API std::string normalize_siren(std::string_view text, std::string_view field = "siren");
// 14 digits whose first nine are a valid SIREN, with a Luhn key; La Poste
// establishments (SIREN 356000000) may instead have a digit sum divisible by 5.
RELAIS_API std::string normalize_siret(std::string_view text, std::string_view field = "siret");
// "FR" + 2-character key + SIREN (spaces removed). A numeric key must equal
// (SIREN * 100 + 12) % 97; the newer alphanumeric keys are checked by form.
RELAIS_API std::string normalize_vat_number(std::string_view text, std::string_view field = "vat_number");

RELAIS_API bool is_valid_email(std::string_view text) noexcept;
RELAIS_API bool is_valid_phone(std::string_view text) noexcept;
RELAIS_API bool is_valid_postcode(std::string_view text) noexcept;
RELAIS_API bool is_valid_siren(std::string_view text) noexcept;
RELAIS_API bool is_valid_siret(std::string_view text) noexcept;
RELAIS_API bool is_valid_vat_number(std::string_view text) noexcept;

}  // namespace v1
}  // namespace relais
