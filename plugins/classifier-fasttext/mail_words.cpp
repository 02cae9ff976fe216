#include "mail_words.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <initializer_list>
#include <optional>

namespace relais::fasttext_classifier {
namespace {

constexpr std::size_t kMaxSubjectWords = 40;
// Longer runs are encoded data (base64, hashes), not words.
constexpr std::size_t kMaxWordBytes = 40;

// Sorted bytewise, for binary search; each word in its accented and folded
// spellings.
constexpr std::string_view kUninformative[] = {
    "agreer", "agréer", "ai", "aie", "amicalement", "as", "au", "aussi", "aux", "avance", "avec", "avez", "avoir",
    "avons", "bien", "bonjour", "bonne", "bonsoir", "ca", "ce", "ces", "cet", "cette", "ceux", "comme",
    "cordialement", "cordiales", "dans", "de", "des", "disposition", "distinguees", "distinguées", "du", "elle",
    "elles", "en", "es", "est", "et", "etais", "etait", "etes", "etre", "eu", "expression", "fait", "hesitez",
    "hésitez", "il", "ils", "je", "journee", "journée", "la", "le", "les", "leur", "leurs", "lui", "ma", "madame",
    "mais", "me", "meilleures", "merci", "mes", "moi", "mon", "monsieur", "ne", "nos", "notre", "nous", "on", "ont",
    "ou", "où", "par", "pas", "plus", "pour", "prie", "qu", "que", "qui", "recevoir", "remerciant", "remercie",
    "respectueusement", "retour", "sa", "salutations", "se", "ses", "si", "sinceres", "sincères", "soiree",
    "soirée", "sommes", "son", "sont", "suis", "sur", "tous", "tout", "tres", "très", "un", "une", "veuillez",
    "vos", "votre", "vous", "y", "ça", "étais", "était", "été", "êtes", "être"};

bool is_uninformative(std::string_view word) {
  return std::binary_search(std::begin(kUninformative), std::end(kUninformative), word);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

// Bytes that are not valid UTF-8 are set apart rather than guessed at: the
// host promises UTF-8, and a guess would only add words the model never saw.
std::string ascii_lowercase(std::string_view text) {
  std::string result(text);
  for (char& c : result) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (static_cast<unsigned char>(c) >= 0x80) c = ' ';
  }
  return result;
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// Case-folded NFKC (a no-break space becomes a space, "ﬁ" becomes "fi"),
// without accents when asked; the ligatures French spells out ("cœur",
// "coeur") are spelt out too then.
std::string normalized(std::string_view text, bool fold_accents) {
  int options = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  if (fold_accents) options |= UTF8PROC_STRIPMARK;
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t size =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()),
                   &mapped, static_cast<utf8proc_option_t>(options));
  if (size < 0) return ascii_lowercase(text);
  std::string result(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(size));
  std::free(mapped);
  if (fold_accents) {
    replace_all(result, "œ", "oe");
    replace_all(result, "æ", "ae");
  }
  return result;
}

bool is_letter(utf8proc_int32_t code_point) {
  switch (utf8proc_category(code_point)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME: return true;
    default: return false;
  }
}

// Reads the words of one normalized text into `out`.
class WordScanner {
 public:
  WordScanner(std::string_view text, std::string& out, std::size_t max_words)
      : text_(text), out_(out), max_words_(max_words) {}

  void run() {
    while (at_ < text_.size() && written_ < max_words_) {
      if (at_chunk_start() && read_address()) continue;
      const char c = text_[at_];
      if (is_digit(c) || (c == '+' && is_digit(peek(1)))) {
        read_figures();
      } else if (c == '?' || c == '!') {
        emit(c == '?' ? "__question" : "__exclaim");
        while (at_ < text_.size() && (text_[at_] == '?' || text_[at_] == '!')) ++at_;
      } else {
        read_word_or_symbol();
      }
    }
  }

 private:
  char peek(std::size_t ahead) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }
  bool at_chunk_start() const { return at_ == 0 || is_space(text_[at_ - 1]); }

  void emit(std::string_view word) {
    if (!out_.empty()) out_ += ' ';
    out_ += word;
    ++written_;
  }

  // The code point at `at` and its length in bytes (a stray byte counts as
  // one code point that is no letter).
  std::pair<utf8proc_int32_t, std::size_t> code_point_at(std::size_t at) const {
    utf8proc_int32_t code_point = -1;
    const utf8proc_ssize_t length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + at),
                                                     static_cast<utf8proc_ssize_t>(text_.size() - at), &code_point);
    return {code_point, length > 0 ? static_cast<std::size_t>(length) : 1};
  }

  // An e-mail address or a link, as the whole run of non-spaces it sits in
  // ("(jean@orange.fr)," included).
  bool read_address() {
    std::size_t end = at_;
    while (end < text_.size() && !is_space(text_[end])) ++end;
    const std::string_view chunk = text_.substr(at_, end - at_);
    const std::size_t at_sign = chunk.find('@');
    const bool email =
        at_sign != std::string_view::npos && at_sign > 0 && chunk.find('.', at_sign) != std::string_view::npos;
    const bool link = chunk.starts_with("http://") || chunk.starts_with("https://") || chunk.starts_with("www.");
    if (!email && !link) return false;
    emit(email ? "__email" : "__url");
    at_ = end;
    return true;
  }

  // Digits from `from`; returns the position after them.
  std::size_t digits_end(std::size_t from) const {
    while (from < text_.size() && is_digit(text_[from])) ++from;
    return from;
  }

  // A French phone number: 0 and nine digits, or +33 / 0033 (with an
  // optional "(0)") and nine digits, grouped with spaces, dots, dashes or
  // slashes.
  std::optional<std::size_t> phone_end() const {
    std::size_t at = at_;
    std::size_t needed = 10;
    const auto skip_spaces = [&] {
      while (at < text_.size() && text_[at] == ' ') ++at;
    };
    if (text_.substr(at).starts_with("+33") || text_.substr(at).starts_with("0033")) {
      at += text_[at] == '+' ? 3 : 4;
      skip_spaces();
      if (text_.substr(at).starts_with("(0)")) at += 3;
      skip_spaces();
      needed = 9;
    } else if (text_[at] != '0') {
      return std::nullopt;
    }
    std::size_t count = 0;
    while (at < text_.size()) {
      if (is_digit(text_[at])) {
        ++count;
        ++at;
      } else if (count > 0 && count < needed && std::string_view(" .-/").find(text_[at]) != std::string_view::npos &&
                 at + 1 < text_.size() && is_digit(text_[at + 1])) {
        ++at;
      } else {
        break;
      }
    }
    if (count != needed) return std::nullopt;
    return at;
  }

  // 12/03, 12/03/2026, 12.03.26, 12-03-2026.
  std::optional<std::size_t> date_end() const {
    const std::size_t day_end = digits_end(at_);
    if (day_end - at_ > 2 || day_end >= text_.size()) return std::nullopt;
    const char separator = text_[day_end];
    if (separator != '/' && separator != '.' && separator != '-') return std::nullopt;
    const std::size_t month_end = digits_end(day_end + 1);
    if (month_end == day_end + 1 || month_end - day_end - 1 > 2) return std::nullopt;
    const int day = std::stoi(std::string(text_.substr(at_, day_end - at_)));
    const int month = std::stoi(std::string(text_.substr(day_end + 1, month_end - day_end - 1)));
    if (day < 1 || day > 31 || month < 1 || month > 12) return std::nullopt;
    if (month_end < text_.size() && text_[month_end] == separator) {
      const std::size_t year_end = digits_end(month_end + 1);
      if (year_end - month_end - 1 == 2 || year_end - month_end - 1 == 4) return year_end;
    }
    // Without a year, only "12/03": "1.5" and "3-4" are not dates.
    if (separator != '/' || (month_end < text_.size() && is_digit(text_[month_end]))) return std::nullopt;
    return month_end;
  }

  // 8h, 14h30, 14:30.
  std::optional<std::size_t> time_end() const {
    const std::size_t hours_end = digits_end(at_);
    if (hours_end - at_ > 2 || hours_end >= text_.size()) return std::nullopt;
    const char mark = text_[hours_end];
    if (mark != 'h' && mark != ':') return std::nullopt;
    const std::size_t minutes_end = digits_end(hours_end + 1);
    const std::size_t minutes = minutes_end - hours_end - 1;
    if ((mark == ':' && minutes != 2) || (minutes != 0 && minutes != 2)) return std::nullopt;
    if (minutes_end < text_.size()) {
      const auto [next, length] = code_point_at(minutes_end);
      if (is_letter(next)) return std::nullopt;
    }
    return std::stoi(std::string(text_.substr(at_, hours_end - at_))) <= 24 ? std::optional(minutes_end) : std::nullopt;
  }

  // 350 €, 1 250,00 euros, 1.250 eur, 80 € ht, 2 k€.
  std::optional<std::size_t> amount_end() const {
    std::size_t at = digits_end(at_);
    for (;;) {  // thousands: "1 250", "1.250"
      const bool grouped =
          at + 4 <= text_.size() && (text_[at] == ' ' || text_[at] == '.') && digits_end(at + 1) == at + 4;
      if (!grouped) break;
      at += 4;
    }
    if (at + 1 < text_.size() && (text_[at] == ',' || text_[at] == '.') && is_digit(text_[at + 1])) {
      at = digits_end(at + 1);
    }
    if (at < text_.size() && text_[at] == ' ') ++at;
    if (at < text_.size() && text_[at] == 'k') ++at;
    const auto end = word_end(at, {"€", "euros", "euro", "eur", "ht", "ttc"});
    if (!end) return std::nullopt;
    // "80 € HT": the tax mention belongs to the amount.
    if (*end < text_.size() && text_[*end] == ' ') return word_end(*end + 1, {"ht", "ttc"}).value_or(*end);
    return end;
  }

  // The end of whichever of `words` stands whole at `at`.
  std::optional<std::size_t> word_end(std::size_t at, std::initializer_list<std::string_view> words) const {
    for (std::string_view word : words) {
      if (!text_.substr(at).starts_with(word)) continue;
      const std::size_t end = at + word.size();
      if (end < text_.size() && is_letter(code_point_at(end).first)) continue;
      return end;
    }
    return std::nullopt;
  }

  void take(std::size_t end, std::string_view token) {
    emit(token);
    at_ = end;
  }

  void read_figures() {
    if (const auto end = phone_end()) return take(*end, "__phone");
    if (text_[at_] == '+') {
      ++at_;
      return;
    }
    if (const auto end = date_end()) return take(*end, "__date");
    if (const auto end = time_end()) return take(*end, "__time");
    if (const auto end = amount_end()) return take(*end, "__amount");
    const std::size_t end = digits_end(at_);
    if (end < text_.size() && is_letter(code_point_at(end).first)) return read_word_or_symbol();  // "32a", "2ème"
    take(end, "__number");
  }

  // A run of letters and digits, or a symbol: "€" reads as an amount, any
  // other symbol or punctuation separates words.
  void read_word_or_symbol() {
    const std::size_t start = at_;
    std::size_t letters = 0;
    while (at_ < text_.size()) {
      const auto [code_point, length] = code_point_at(at_);
      const bool digit = length == 1 && is_digit(text_[at_]);
      if (!digit && !is_letter(code_point)) break;
      letters += digit ? 0 : 1;
      at_ += length;
    }
    if (at_ > start) {
      const std::size_t code_points = static_cast<std::size_t>(std::count_if(
          text_.begin() + static_cast<std::ptrdiff_t>(start), text_.begin() + static_cast<std::ptrdiff_t>(at_),
          [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
      const std::string_view word = text_.substr(start, at_ - start);
      if (code_points > 1 && word.size() <= kMaxWordBytes && letters > 0 && !is_uninformative(word)) emit(word);
      return;
    }
    const auto [code_point, length] = code_point_at(at_);
    if (code_point == U'€') emit("__amount");
    at_ += length;
  }

  std::string_view text_;
  std::string& out_;
  std::size_t max_words_;
  std::size_t at_ = 0;
  std::size_t written_ = 0;
};

void add_words(std::string_view text, bool fold_accents, std::size_t max_words, std::string& out) {
  const std::string folded = normalized(text, fold_accents);
  WordScanner(folded, out, max_words).run();
}

// "Jean Dupont <Jean.Dupont@Orange.fr>" -> "jean.dupont@orange.fr".
std::string bare_address(std::string_view sender) {
  const std::size_t open = sender.rfind('<');
  const std::size_t close = sender.find('>', open == std::string_view::npos ? 0 : open);
  if (open != std::string_view::npos && close != std::string_view::npos)
    sender = sender.substr(open + 1, close - open - 1);
  return ascii_lowercase(sender);
}

void add_sender(std::string_view sender, std::span<const std::string> company_domains, std::string& out) {
  const std::string address = bare_address(sender);
  const std::size_t at_sign = address.rfind('@');
  if (at_sign == std::string::npos) return;
  std::string domain;
  for (char c : address.substr(at_sign + 1)) {
    if ((c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '-') domain += c;
  }
  const bool company = std::find(company_domains.begin(), company_domains.end(), domain) != company_domains.end();
  if (!domain.empty()) out += (out.empty() ? "" : " ") + std::string("__domain_") + (company ? "company" : domain);
  std::string word;
  for (char c : address.substr(0, at_sign) + ".") {
    if (c >= 'a' && c <= 'z') {
      word += c;
      continue;
    }
    if (word.size() > 1) out += (out.empty() ? "" : " ") + ("__from_" + word);
    word.clear();
  }
}

}  // namespace

std::vector<std::string> line_words(std::string_view body, const WordOptions& options) {
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < body.size();) {
    const std::size_t end = std::min(body.find('\n', start), body.size());
    std::string words;
    add_words(body.substr(start, end - start), options.fold_accents, kMaxBodyWords, words);
    if (static_cast<std::size_t>(std::count(words.begin(), words.end(), ' ')) + 1 >= kMinLineWords) {
      lines.push_back(std::move(words));
    }
    start = end + 1;
  }
  return lines;
}

std::string mail_words(const spi::MailText& mail, const WordOptions& options) {
  std::string out;
  add_sender(mail.sender, options.company_domains, out);
  add_words(mail.subject, options.fold_accents, kMaxSubjectWords, out);
  add_words(mail.body, options.fold_accents, kMaxBodyWords, out);
  return out;
}

}  // namespace relais::fasttext_classifier
