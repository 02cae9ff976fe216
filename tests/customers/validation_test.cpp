#include <relais/customers/validation.h>
#include <relais/errors.h>

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace relais {
namespace {

using Normalizer = std::string (*)(std::string_view, std::string_view);

// The single field error a rejected input produces; records a failure when
// the input is accepted.
FieldError rejection(Normalizer normalize, std::string_view text, std::string_view field = "field") {
  try {
    const std::string accepted = normalize(text, field);
    ADD_FAILURE() << "accepted \"" << text << "\" as \"" << accepted << "\"";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.code(), ErrorCode::invalid_input);
    EXPECT_EQ(error.field_errors().size(), 1u);
    if (!error.field_errors().empty()) return error.field_errors().front();
  }
  return {};
}

std::string message_for(Normalizer normalize, std::string_view text) {
  return rejection(normalize, text).message;
}

// ---- e-mail -------------------------------------------------------------

TEST(NormalizeEmail, TrimsAndLowercasesOnlyTheDomain) {
  EXPECT_EQ(normalize_email("  Jean.Dupont@Example.FR \t\n"), "Jean.Dupont@example.fr");
  EXPECT_EQ(normalize_email("marie+devis@plomberie-martin.co.uk"), "marie+devis@plomberie-martin.co.uk");
}

TEST(NormalizeEmail, PassesInternationalisedDomainsThroughAsUtf8) {
  EXPECT_EQ(normalize_email("contact@café.fr"), "contact@café.fr");
  // Only ASCII is lowercased: case folding of other scripts needs Unicode tables.
  EXPECT_EQ(normalize_email("contact@CAFÉ.FR"), "contact@cafÉ.fr");
  EXPECT_EQ(normalize_email("josé@exemple.fr"), "josé@exemple.fr");
}

TEST(NormalizeEmail, AcceptsExactly254Characters) {
  const std::string label(63, 'a');
  const std::string domain = label + "." + label + "." + label + ".fr";
  const std::string longest = std::string(254 - 1 - domain.size(), 'x') + "@" + domain;
  ASSERT_EQ(longest.size(), 254u);
  EXPECT_EQ(normalize_email(longest), longest);
  EXPECT_EQ(message_for(normalize_email, "y" + longest), "expected at most 254 characters, got 255");
}

TEST(NormalizeEmail, RejectsWhatIsNotLocalAtDomain) {
  EXPECT_EQ(message_for(normalize_email, "   "), "is empty");
  EXPECT_EQ(message_for(normalize_email, "jean.dupont.example.fr"), "has no '@'");
  EXPECT_EQ(message_for(normalize_email, "jean@dupont@example.fr"), "has more than one '@'");
  EXPECT_EQ(message_for(normalize_email, "@example.fr"), "nothing before '@'");
  EXPECT_EQ(message_for(normalize_email, "jean dupont@example.fr"),
            "part before '@' contains a space or control character");
  EXPECT_EQ(message_for(normalize_email, std::string("jean\0x@example.fr", 17)),
            "part before '@' contains a space or control character");
}

TEST(NormalizeEmail, RejectsMalformedDomains) {
  EXPECT_EQ(message_for(normalize_email, "jean@localhost"), "domain has no dot (expected e.g. example.fr)");
  EXPECT_EQ(message_for(normalize_email, "jean@"), "domain has no dot (expected e.g. example.fr)");
  const std::string empty_label = "domain has an empty label (two dots in a row, or a dot at an end)";
  EXPECT_EQ(message_for(normalize_email, "jean@example..fr"), empty_label);
  EXPECT_EQ(message_for(normalize_email, "jean@example.fr."), empty_label);
  EXPECT_EQ(message_for(normalize_email, "jean@.example.fr"), empty_label);
  EXPECT_EQ(message_for(normalize_email, "jean@-example.fr"), "domain label starts or ends with '-'");
  EXPECT_EQ(message_for(normalize_email, "jean@example-.fr"), "domain label starts or ends with '-'");
  const std::string letters_only = "domain may only contain letters, digits, '-' and '.'";
  EXPECT_EQ(message_for(normalize_email, "jean@exa_mple.fr"), letters_only);
  EXPECT_EQ(message_for(normalize_email, "jean@exa mple.fr"), letters_only);
  EXPECT_EQ(message_for(normalize_email, "jean@" + std::string(64, 'a') + ".fr"),
            "domain label longer than 63 characters");
}

TEST(NormalizeEmail, RejectsInvalidUtf8) {
  for (const std::string_view text : {
           "jean@caf\xC3.fr",          // truncated sequence
           "jean@caf\xE9.fr",          // Windows-1252 é
           "jean@\xC0\xAE.fr",         // overlong '.'
           "jean@\xED\xA0\x80.fr",     // surrogate
           "jean@\xF4\x90\x80\x80.fr",  // above U+10FFFF
       }) {
    EXPECT_EQ(message_for(normalize_email, text), "is not valid UTF-8") << text;
  }
}

// ---- phone --------------------------------------------------------------

TEST(NormalizePhone, AcceptsTheWaysPeopleWriteAFrenchMobile) {
  for (const std::string_view text :
       {"06 12 34 56 78", "0612345678", "06.12.34.56.78", "06-12-34-56-78", "06/12/34/56/78",
        "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+33(0)612345678", "0033612345678",
        "00 33 6 12 34 56 78", "0033 (0)6 12 34 56 78", "+33612345678", " 06 12 34 56 78 ",
        "06\u00A012\u00A034\u00A056\u00A078", "06\u202F12\u202F34\u202F56\u202F78"}) {
    EXPECT_EQ(normalize_phone(text), "+33612345678") << text;
  }
}

TEST(NormalizePhone, AcceptsLandlinesAndOtherCountries) {
  EXPECT_EQ(normalize_phone("01 23 45 67 89"), "+33123456789");
  EXPECT_EQ(normalize_phone("07 81 23 45 67"), "+33781234567");
  EXPECT_EQ(normalize_phone("+32 2 555 12 12"), "+3225551212");
  EXPECT_EQ(normalize_phone("+44 (0)20 7946 0958"), "+442079460958");
  EXPECT_EQ(normalize_phone("+590 590 12 34 56"), "+590590123456");
}

TEST(NormalizePhone, RejectsTooShortTooLongAndInvalidNumbers) {
  EXPECT_EQ(message_for(normalize_phone, "06 12 34"), "too short for a French phone number");
  EXPECT_EQ(message_for(normalize_phone, "06 12 34 56 78 90 12"), "too long for a French phone number");
  EXPECT_EQ(message_for(normalize_phone, "0690 12 34 56"), "not a valid French phone number");
  EXPECT_EQ(message_for(normalize_phone, "+32 2 555"), "too short for a phone number for country code +32");
  EXPECT_EQ(message_for(normalize_phone, "+999 1234 5678"), "unknown country code");
  EXPECT_EQ(message_for(normalize_phone, "(.-/)"), "not a phone number");
  EXPECT_EQ(message_for(normalize_phone, std::string(51, '6')), "too long for a phone number");
}

TEST(NormalizePhone, RejectsLettersExtensionsAndStrayPlusSigns) {
  const std::string only = "only digits, spaces and . - / ( ) + are allowed";
  EXPECT_EQ(message_for(normalize_phone, "06 12 AB 56 78"), only);
  EXPECT_EQ(message_for(normalize_phone, "+33 6 12 34 56 78 ext. 12"), only);
  EXPECT_EQ(message_for(normalize_phone, "06 12 34 56 78 #"), only);
  EXPECT_EQ(message_for(normalize_phone, std::string("06 12 34\0 56 78", 15)), only);
  EXPECT_EQ(message_for(normalize_phone, "++33612345678"), "'+' is only allowed in front");
  EXPECT_EQ(message_for(normalize_phone, "06 12 +34 56 78"), "'+' is only allowed in front");
  EXPECT_EQ(message_for(normalize_phone, " \t "), "is empty");
}

TEST(FormatPhoneNational, ShowsFrenchNumbersNationallyAndOthersInternationally) {
  EXPECT_EQ(format_phone_national("+33612345678"), "06 12 34 56 78");
  EXPECT_EQ(format_phone_national("+33123456789"), "01 23 45 67 89");
  EXPECT_EQ(format_phone_national("+590590123456"), "+590 590 12 34 56");
  EXPECT_EQ(format_phone_national("+3225551212"), "+32 2 555 12 12");
}

TEST(FormatPhoneNational, ReturnsAnythingButValidE164Unchanged) {
  for (const std::string_view text :
       {"06 12 34 56 78", "+33 6 12 34 56 78", "+330612345678", "+3361234", "+999123456", "", "+",
        "not a number"}) {
    EXPECT_EQ(format_phone_national(text), text);
  }
}

TEST(FormatPhoneNational, RoundTripsThroughNormalizePhone) {
  for (const std::string_view e164 : {"+33612345678", "+590590123456", "+3225551212", "+442079460958"}) {
    EXPECT_EQ(normalize_phone(format_phone_national(e164)), e164);
  }
}

// ---- postcode -----------------------------------------------------------

TEST(NormalizePostcode, AcceptsMetropolitanCorsicanAndOverseasCodes) {
  for (const std::string_view code :
       {"75001", "01000", "20000", "20200", "95000", "97100", "97600", "98000", "98800"}) {
    EXPECT_EQ(normalize_postcode(code), code);
  }
  EXPECT_EQ(normalize_postcode(" 75 001 "), "75001");
}

TEST(NormalizePostcode, RejectsWrongLengthLettersAndUnallocatedDepartments) {
  EXPECT_EQ(message_for(normalize_postcode, "7500"), "expected 5 digits, got 4");
  EXPECT_EQ(message_for(normalize_postcode, "750011"), "expected 5 digits, got 6");
  EXPECT_EQ(message_for(normalize_postcode, ""), "expected 5 digits, got 0");
  EXPECT_EQ(message_for(normalize_postcode, "2A000"), "only digits and spaces are allowed");
  EXPECT_EQ(message_for(normalize_postcode, "75-001"), "only digits and spaces are allowed");
  EXPECT_EQ(message_for(normalize_postcode, "00100"), "no French postcode starts with 00");
  EXPECT_EQ(message_for(normalize_postcode, "96000"), "no French postcode starts with 96");
  EXPECT_EQ(message_for(normalize_postcode, "99100"), "no French postcode starts with 99");
}

// ---- SIREN / SIRET ------------------------------------------------------

TEST(NormalizeSiren, RemovesSpacesAndChecksLuhn) {
  EXPECT_EQ(normalize_siren("732829320"), "732829320");
  EXPECT_EQ(normalize_siren(" 732 829 320 "), "732829320");
  EXPECT_EQ(normalize_siren("732\u00A0829\u00A0320"), "732829320");
  EXPECT_EQ(normalize_siren("356000000"), "356000000");
  EXPECT_EQ(message_for(normalize_siren, "732829321"), "Luhn checksum fails");
  EXPECT_EQ(message_for(normalize_siren, "73282932"), "expected 9 digits, got 8");
  EXPECT_EQ(message_for(normalize_siren, "7328293200"), "expected 9 digits, got 10");
  EXPECT_EQ(message_for(normalize_siren, "732.829.320"), "only digits and spaces are allowed");
}

TEST(NormalizeSiret, AcceptsLuhnValidNumbers) {
  EXPECT_EQ(normalize_siret("73282932000074"), "73282932000074");
  EXPECT_EQ(normalize_siret("732 829 320 00074"), "73282932000074");
  EXPECT_EQ(normalize_siret("55208131766522"), "55208131766522");
}

TEST(NormalizeSiret, RejectsBadLengthLettersAndChecksums) {
  EXPECT_EQ(message_for(normalize_siret, "7328293200007"), "expected 14 digits, got 13");
  EXPECT_EQ(message_for(normalize_siret, "7328293200007A"), "only digits and spaces are allowed");
  EXPECT_EQ(message_for(normalize_siret, "73282932000075"), "Luhn checksum fails");
  // Valid Luhn over 14 digits, but no such SIREN can exist.
  EXPECT_EQ(message_for(normalize_siret, "73282932100007"), "SIREN part 732829321 fails the Luhn checksum");
  // The digit sum rule is La Poste's alone.
  EXPECT_EQ(message_for(normalize_siret, "73282932000072"), "Luhn checksum fails");
}

TEST(NormalizeSiret, AcceptsLaPosteByLuhnOrByDigitSum) {
  EXPECT_EQ(normalize_siret("35600000000048"), "35600000000048");  // head office: Luhn, digit sum 26
  EXPECT_EQ(normalize_siret("356 000 000 49837"), "35600000049837");  // not Luhn, digit sum 45
  EXPECT_EQ(message_for(normalize_siret, "35600000049093"),
            "fails both the Luhn checksum and La Poste's digit sum rule (multiple of 5)");
}

// ---- VAT number ---------------------------------------------------------

TEST(NormalizeVatNumber, AcceptsTheNumericKeyOfTheSiren) {
  EXPECT_EQ(normalize_vat_number("FR44732829320"), "FR44732829320");
  EXPECT_EQ(normalize_vat_number("fr 44 732 829 320"), "FR44732829320");
  EXPECT_EQ(normalize_vat_number("FR 03 552081317"), "FR03552081317");  // key below 10 keeps its zero
}

TEST(NormalizeVatNumber, RejectsANumericKeyThatDoesNotMatch) {
  EXPECT_EQ(message_for(normalize_vat_number, "FR12732829320"),
            "VAT key 12 does not match SIREN 732829320 (expected 44)");
  EXPECT_EQ(message_for(normalize_vat_number, "FR3552081317"),
            "expected FR + 2-character key + 9-digit SIREN (13 characters), got 12");
}

TEST(NormalizeVatNumber, AcceptsAlphanumericKeysWhenTheSirenIsValid) {
  EXPECT_EQ(normalize_vat_number("FRK7399859412"), "FRK7399859412");
  EXPECT_EQ(normalize_vat_number("fr4z 123 456 782"), "FR4Z123456782");
  EXPECT_EQ(message_for(normalize_vat_number, "FRK7399859413"), "SIREN 399859413 fails the Luhn checksum");
  EXPECT_EQ(message_for(normalize_vat_number, "FRIO334175221"),
            "key may only use digits and letters other than I and O");
}

TEST(NormalizeVatNumber, AcceptsMonacoNumbersWithoutALuhnSiren) {
  EXPECT_EQ(normalize_vat_number("FR34000123456"), "FR34000123456");
  EXPECT_EQ(message_for(normalize_vat_number, "FR35000123456"),
            "VAT key 35 does not match SIREN 000123456 (expected 34)");
}

TEST(NormalizeVatNumber, RejectsOtherCountriesAndMalformedParts) {
  const std::string not_french = "expected a French VAT number starting with FR";
  EXPECT_EQ(message_for(normalize_vat_number, "DE123456789"), not_french);
  EXPECT_EQ(message_for(normalize_vat_number, "44732829320"), not_french);
  EXPECT_EQ(message_for(normalize_vat_number, "FR44 7328 2932 X"), "SIREN part may only contain digits");
  EXPECT_EQ(message_for(normalize_vat_number, "FR-4732829320"),
            "key may only use digits and letters other than I and O");
}

// ---- shared behaviour ---------------------------------------------------

TEST(Validation, NamesTheDefaultFieldAndKeepsTheValue) {
  const auto expect_default_field = [](auto normalize, std::string_view field) {
    try {
      normalize("x");
      ADD_FAILURE() << field << " accepted \"x\"";
    } catch (const InvalidInputError& error) {
      ASSERT_EQ(error.field_errors().size(), 1u);
      EXPECT_EQ(error.field_errors()[0].field, field);
      EXPECT_EQ(error.field_errors()[0].value, "x");
    }
  };
  expect_default_field([](std::string_view text) { return normalize_email(text); }, "email");
  expect_default_field([](std::string_view text) { return normalize_phone(text); }, "phone");
  expect_default_field([](std::string_view text) { return normalize_postcode(text); }, "postcode");
  expect_default_field([](std::string_view text) { return normalize_siren(text); }, "siren");
  expect_default_field([](std::string_view text) { return normalize_siret(text); }, "siret");
  expect_default_field([](std::string_view text) { return normalize_vat_number(text); }, "vat_number");
}

TEST(Validation, UsesTheCallersFieldNameInTheErrorAndMessage) {
  try {
    normalize_phone("06 12 34", "contacts[0].phones[1]");
    FAIL() << "accepted a short number";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors()[0].field, "contacts[0].phones[1]");
    EXPECT_EQ(error.field_errors()[0].value, "06 12 34");
    EXPECT_EQ(error.context().at("field"), "contacts[0].phones[1]");
    EXPECT_NE(std::string(error.what()).find("too short for a French phone number"), std::string::npos);
  }
}

TEST(Validation, CutsATenMegabyteValueInTheError) {
  const std::string huge(10 * 1024 * 1024, '7');
  for (const Normalizer normalize :
       {normalize_email, normalize_phone, normalize_postcode, normalize_siren, normalize_siret,
        normalize_vat_number}) {
    const FieldError error = rejection(normalize, huge);
    EXPECT_EQ(error.value, quote_value(huge));
    EXPECT_LT(error.value.size(), 120u);
    EXPECT_TRUE(error.value.ends_with("(10485760 bytes)")) << error.value;
  }
  EXPECT_EQ(message_for(normalize_siren, huge), "expected 9 digits, got 10485760");
}

TEST(Validation, IsValidAgreesWithNormalize) {
  struct Rule {
    Normalizer normalize;
    bool (*is_valid)(std::string_view) noexcept;
  };
  const Rule rules[] = {{normalize_email, is_valid_email},       {normalize_phone, is_valid_phone},
                        {normalize_postcode, is_valid_postcode}, {normalize_siren, is_valid_siren},
                        {normalize_siret, is_valid_siret},       {normalize_vat_number, is_valid_vat_number}};
  const std::string_view inputs[] = {"jean@example.fr", "06 12 34 56 78", "75001",         "732 829 320",
                                     "73282932000074",  "FR44732829320",  "35600000049837", "",
                                     "x",               "jean@localhost", "06 12 34",       "96000",
                                     "732829321",       "FR12732829320",  "\xFF\xFE"};
  for (const Rule& rule : rules) {
    for (const std::string_view input : inputs) {
      bool accepted = true;
      try {
        rule.normalize(input, "field");
      } catch (const InvalidInputError&) {
        accepted = false;
      }
      EXPECT_EQ(rule.is_valid(input), accepted) << input;
    }
  }
}

TEST(Validation, NormalizedFormsAreFixedPoints) {
  EXPECT_EQ(normalize_email(normalize_email(" A@B.Example.FR ")), "A@b.example.fr");
  EXPECT_EQ(normalize_phone(normalize_phone("+33 (0)6 12 34 56 78")), "+33612345678");
  EXPECT_EQ(normalize_siret(normalize_siret("356 000 000 49837")), "35600000049837");
  EXPECT_EQ(normalize_vat_number(normalize_vat_number("fr4z 123 456 782")), "FR4Z123456782");
}

}  // namespace
}  // namespace relais
