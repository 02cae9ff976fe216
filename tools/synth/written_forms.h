#pragma once
// How people write what the generators produce: names without accents or
// with a slip of the keyboard, phone numbers in their many styles, street
// lines. Shared by the customer and mail generators so both write alike.
// Private to tools/synth.
#include "french_names.h"
#include "random.h"

#include <string>
#include <string_view>

namespace relais::synth {

// "Hélène" -> "Helene": the French accented letters of
// data::accent_foldings() replaced by their plain forms.
std::string fold_accents(std::string_view text);

bool is_ascii_letter(char c);
char ascii_lower(char c);

// "Le Goff" -> "legoff", "Boulangerie du Port" -> "boulangerie-du-port"
// with separator "-": the form names take in email addresses.
std::string slug(std::string_view text, std::string_view separator);

// One slip of the keyboard: a letter inserted, deleted, replaced, or two
// swapped. Only ASCII letters are touched so the text stays valid UTF-8;
// `text` must hold at least one.
std::string with_typo(Rng& random, std::string text);

// National digits ("0612345678") of a French mobile, or of a landline in
// the town's phone zone.
std::string mobile_number(Rng& random);
std::string landline_number(Rng& random, const data::Town& town);

// The number of styles written_phone() knows.
constexpr int kPhoneStyles = 6;

// `national` ("0612345678") as people write it, by style 0 to 5:
// "06 12 34 56 78", "06.12.34.56.78", "+33 6 12 34 56 78", "0612345678",
// "06-12-34-56-78", "+33 (0)6 12 34 56 78".
std::string written_phone(std::string_view national, int style);

// "12 bis rue des Lilas".
std::string street_line(Rng& random, std::string_view street_type);

// A French first name, female or male with even odds.
std::string first_name(Rng& random);

}  // namespace relais::synth
