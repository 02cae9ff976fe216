#include "written_forms.h"

#include <algorithm>
#include <span>
#include <vector>

namespace relais::synth {

std::string fold_accents(std::string_view text) {
  std::string result;
  result.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto folding = std::find_if(data::accent_foldings().begin(), data::accent_foldings().end(),
                                      [&](const data::Folding& f) { return text.substr(i).starts_with(f.accented); });
    if (folding == data::accent_foldings().end()) {
      result += text[i++];
    } else {
      result += folding->plain;
      i += folding->accented.size();
    }
  }
  return result;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string slug(std::string_view text, std::string_view separator) {
  std::string result;
  bool gap = false;
  for (char c : fold_accents(text)) {
    const bool alphanumeric = is_ascii_letter(c) || (c >= '0' && c <= '9');
    if (!alphanumeric) {
      gap = true;
      continue;
    }
    if (gap && !result.empty()) result += separator;
    gap = false;
    result += ascii_lower(c);
  }
  return result;
}

std::string with_typo(Rng& random, std::string text) {
  std::vector<std::size_t> letters;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (is_ascii_letter(text[i])) letters.push_back(i);
  }
  const std::size_t at = letters[random.below(letters.size())];
  const auto other_letter = [&] {
    // Any lowercase letter but the one at `at`, so the text always changes.
    char letter = static_cast<char>('a' + random.below(25));
    return letter >= ascii_lower(text[at]) ? static_cast<char>(letter + 1) : letter;
  };
  switch (random.below(4)) {
    case 0: text.insert(at, 1, static_cast<char>('a' + random.below(26))); break;
    case 1: text.erase(at, 1); break;
    case 2:
      if (at + 1 < text.size() && is_ascii_letter(text[at + 1]) && text[at] != text[at + 1]) {
        std::swap(text[at], text[at + 1]);
        break;
      }
      [[fallthrough]];
    default: text[at] = other_letter(); break;
  }
  return text;
}

std::string mobile_number(Rng& random) {
  // Blocks libphonenumber knows as French mobiles; 063x, 069x and 073x-074x
  // are only partly allocated.
  static constexpr std::string_view kPrefixes[] = {"060", "061", "062", "064", "065", "066",
                                                   "067", "068", "075", "076", "077", "078"};
  return std::string(random.pick(std::span<const std::string_view>(kPrefixes))) + random.digits(7);
}

std::string landline_number(Rng& random, const data::Town& town) {
  // 0Z1 to 0Z8: 0Z0 and 0Z9 are partly unallocated in several zones.
  return std::string{'0', town.phone_zone, static_cast<char>('1' + random.below(8))} + random.digits(7);
}

std::string written_phone(std::string_view national, int style) {
  const auto grouped = [&](std::string_view separator, std::size_t from) {
    std::string text(national.substr(from, 2));
    for (std::size_t i = from + 2; i < national.size(); i += 2) text += std::string(separator) + std::string(national.substr(i, 2));
    return text;
  };
  const std::string rest = grouped(" ", 2);
  switch (style) {
    case 0: return grouped(" ", 0);
    case 1: return grouped(".", 0);
    case 2: return "+33 " + std::string(1, national[1]) + " " + rest;
    case 3: return std::string(national);
    case 4: return grouped("-", 0);
    default: return "+33 (0)" + std::string(1, national[1]) + " " + rest;
  }
}

std::string street_line(Rng& random, std::string_view street_type) {
  return std::to_string(1 + random.below(120)) + (random.chance(0.08) ? " bis " : " ") + std::string(street_type) +
         " " + std::string(random.pick(data::street_names()));
}

std::string first_name(Rng& random) {
  return std::string(random.pick(random.chance(0.5) ? data::female_first_names() : data::male_first_names()));
}

}  // namespace relais::synth
