#pragma once
// The word lists behind the synthetic customers: small, real French data,
// kept apart from the generator's logic. Private to tools/synth.
#include <span>
#include <string_view>

namespace relais::synth::data {

struct Town {
  std::string_view name;
  std::string_view postcode;
  char phone_zone;  // '1' to '5': the 0Z prefix of landlines there
};

// A word and how people shorten it ("boulevard" -> "Bd").
struct Abbreviation {
  std::string_view word;
  std::string_view short_form;
};

// A UTF-8 accented letter and its plain ASCII form ("é" -> "e").
struct Folding {
  std::string_view accented;
  std::string_view plain;
};

std::span<const std::string_view> female_first_names();
std::span<const std::string_view> male_first_names();
std::span<const std::string_view> surnames();
std::span<const std::string_view> street_types();
std::span<const std::string_view> street_names();
std::span<const Town> towns();
std::span<const Town> breton_towns();          // around a contractor in Brittany
std::span<const std::string_view> trades();           // "Boulangerie"
std::span<const std::string_view> place_names();      // "du Port", for "Boulangerie du Port"
std::span<const std::string_view> residence_names();  // "Les Mouettes", for SCI
std::span<const std::string_view> legal_forms();      // trading forms; SCI is handled apart
std::span<const std::string_view> contact_roles();
std::span<const std::string_view> email_providers();
std::span<const Abbreviation> abbreviations();
std::span<const Folding> accent_foldings();

}  // namespace relais::synth::data
