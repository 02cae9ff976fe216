#include "mail_noise.h"

#include "written_forms.h"

#include <string_view>
#include <vector>

namespace relais::synth {
namespace {

struct Slips {
  double no_accents;   // the whole mail typed without accents
  double lower_case;   // the whole mail typed without capitals
  std::size_t typos;   // in the body, at most this many...
  double typo_chance;  // ...each with this chance (a quarter of it in the subject)
  double text_speak;   // each abbreviable word abbreviated with this chance
};

Slips slips_of(data::Writing writing) {
  switch (writing) {
    case data::Writing::machine: return {0.0, 0.0, 0, 0.0, 0.0};
    case data::Writing::careful: return {0.03, 0.0, 1, 0.08, 0.0};
    case data::Writing::plain: return {0.15, 0.05, 1, 0.3, 0.0};
    case data::Writing::hurried: return {0.4, 0.3, 2, 0.5, 0.0};
    case data::Writing::phone: return {0.6, 0.4, 3, 0.6, 0.1};
    case data::Writing::sms: return {0.85, 0.8, 2, 0.5, 0.6};
  }
  return {};
}

// Text speak, whole words only.
struct Abbreviation {
  std::string_view word;
  std::string_view short_form;
};
constexpr Abbreviation kTextSpeak[] = {{"bonjour", "bjr"},    {"Bonjour", "Bjr"},     {"pour", "pr"},
                                       {"dans", "ds"},        {"quand", "qd"},        {"beaucoup", "bcp"},
                                       {"toujours", "tjrs"},  {"rendez-vous", "rdv"}, {"problème", "pb"},
                                       {"quelqu'un", "qqn"},  {"aujourd'hui", "auj"}, {"c'est", "c"},
                                       {"vous", "vs"},        {"merci", "mrc"},       {"s'il vous plaît", "svp"},
                                       {"d'accord", "dac"},   {"demain", "dem1"},     {"téléphone", "tel"},
                                       {"maintenant", "mtn"}, {"pourquoi", "pq"}};

bool is_word_end(const std::string& text, std::size_t at) { return at >= text.size() || !is_ascii_letter(text[at]); }

std::string abbreviated(Rng& random, std::string text, double chance) {
  for (const auto& [word, short_form] : kTextSpeak) {
    for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
      const bool whole = (at == 0 || !is_ascii_letter(text[at - 1])) && is_word_end(text, at + word.size());
      if (whole && random.chance(chance)) text.replace(at, word.size(), short_form);
    }
  }
  return text;
}

std::string ascii_lowercase(std::string text) {
  for (char& c : text) c = ascii_lower(c);
  return text;
}

// A typo in one word of four ASCII letters or more.
std::string with_word_typo(Rng& random, std::string text) {
  std::vector<std::pair<std::size_t, std::size_t>> words;  // start, length
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = at;
    while (end < text.size() && is_ascii_letter(text[end])) ++end;
    if (end - at >= 4) words.emplace_back(at, end - at);
    at = end + 1;
  }
  if (words.empty()) return text;
  const auto [start, length] = words[random.below(words.size())];
  return text.substr(0, start) + with_typo(random, text.substr(start, length)) + text.substr(start + length);
}

}  // namespace

void write_as(Rng& random, data::Writing writing, spi::MailText& mail) {
  const Slips slips = slips_of(writing);
  const bool no_accents = random.chance(slips.no_accents);
  const bool lower_case = random.chance(slips.lower_case);
  for (std::string* text : {&mail.subject, &mail.body}) {
    if (slips.text_speak > 0) *text = abbreviated(random, std::move(*text), slips.text_speak);
    if (no_accents) *text = fold_accents(*text);
    if (lower_case) *text = ascii_lowercase(std::move(*text));
  }
  if (random.chance(slips.typo_chance / 4)) mail.subject = with_word_typo(random, std::move(mail.subject));
  for (std::size_t i = 0; i < slips.typos; ++i) {
    if (random.chance(slips.typo_chance)) mail.body = with_word_typo(random, std::move(mail.body));
  }
}

}  // namespace relais::synth
