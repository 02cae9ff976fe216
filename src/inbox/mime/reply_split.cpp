#include "inbox/mime/reply_split.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <vector>

namespace relais::inline v1::detail {
namespace {

// Separator lines, compared once dashes, underscores, spaces and a final
// colon are stripped and ASCII is lowercased.
struct SeparatorPattern {
  std::string_view text;
  bool forward;
};

constexpr SeparatorPattern kSeparators[] = {
    {"message d'origine", false},           {"original message", false},
    {"message original", false},            {"forwarded message", true},
    {"message transféré", true},            {"begin forwarded message", true},
    {"début du message réexpédié", true},
};

// "Le <date>, <name> a écrit :": the normalized header starts with `start`
// and ends with `end` (its final colon stripped).
struct AttributionPattern {
  std::string_view start;
  std::string_view end;
};

constexpr AttributionPattern kAttributions[] = {
    {"le ", " a écrit"},
    {"on ", " wrote"},
};

// A reply header wrapped by the sender's client spans at most this many lines.
constexpr std::size_t kMaxAttributionLines = 3;
constexpr std::size_t kMaxAttributionBytes = 400;

enum class HeaderField { none, from, sent, to, cc, subject };

struct HeaderKey {
  std::string_view name;
  HeaderField field;
};

// The keys of Outlook's header block, in French and English.
constexpr HeaderKey kHeaderKeys[] = {
    {"de", HeaderField::from},           {"from", HeaderField::from},
    {"expéditeur", HeaderField::from},   {"envoyé", HeaderField::sent},
    {"envoyé le", HeaderField::sent},    {"sent", HeaderField::sent},
    {"date", HeaderField::sent},         {"à", HeaderField::to},
    {"À", HeaderField::to},              {"a", HeaderField::to},
    {"to", HeaderField::to},             {"pour", HeaderField::to},
    {"destinataire", HeaderField::to},   {"cc", HeaderField::cc},
    {"objet", HeaderField::subject},     {"subject", HeaderField::subject},
    {"sujet", HeaderField::subject},
};

// The other header lines must follow "De :" within this many lines.
constexpr std::size_t kHeaderBlockReach = 6;

// Sign-off lines, compared normalized without final punctuation.
constexpr std::string_view kSignOffs[] = {
    "cordialement", "bien cordialement", "très cordialement", "tres cordialement", "cordialement vôtre",
    "cdlt", "cdt", "bien à vous", "bien a vous", "bien à toi", "salutations", "sincères salutations",
    "meilleures salutations", "salutations distinguées", "bonne journée", "bonne fin de journée",
    "bonne soirée", "bonne semaine", "bon week-end", "bon weekend", "bonne continuation", "à bientôt",
    "À bientôt", "a bientôt", "à très bientôt", "À très bientôt", "amicalement", "merci d'avance", "merci par avance", "en vous remerciant",
    "regards", "best regards", "kind regards", "best wishes", "sincerely", "cheers",
};

// After "Cordialement," the same line may hold a name.
constexpr std::size_t kMaxNameAfterSignOff = 40;

// Lines a phone or mail client appends, matched by their start.
constexpr std::string_view kDeviceLines[] = {
    "envoyé de mon ",        "envoyé depuis mon ",  "envoyé depuis l'application ", "envoyé de yahoo mail",
    "envoyé à partir de ",   "sent from my ",       "sent from outlook",            "sent from yahoo mail",
    "get outlook for ",      "obtenir outlook pour ", "télécharger outlook pour ",
};
constexpr std::size_t kMaxDeviceLineBytes = 100;

// What may follow a sign-off and still be a signature.
constexpr std::size_t kMaxSignatureBlockLines = 8;
constexpr std::size_t kMaxSignatureLineBytes = 80;
constexpr std::size_t kMaxSignatureLineWords = 10;

using Lines = std::vector<std::string_view>;

Lines split_lines(std::string_view text) {
  Lines lines;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

// ASCII lowercased, no-break spaces and tabs read as spaces, runs of spaces
// collapsed, trimmed.
std::string normalized(std::string_view line) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    std::size_t width = 0;
    if (line[i] == ' ' || line[i] == '\t') width = 1;
    if (line.substr(i).starts_with("\xC2\xA0")) width = 2;
    if (line.substr(i).starts_with("\xE2\x80\xAF")) width = 3;
    if (width > 0) {
      space = !out.empty();
      i += width - 1;
      continue;
    }
    if (space) out += ' ';
    space = false;
    const char c = line[i];
    out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string_view strip_end(std::string_view text, std::string_view characters) {
  const auto last = text.find_last_not_of(characters);
  return last == std::string_view::npos ? std::string_view() : text.substr(0, last + 1);
}

std::string_view strip_both(std::string_view text, std::string_view characters) {
  const auto first = text.find_first_not_of(characters);
  return first == std::string_view::npos ? std::string_view() : strip_end(text.substr(first), characters);
}

bool is_blank(std::string_view line) { return normalized(line).empty(); }

bool is_quoted(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] == '>';
}

bool contains_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A horizontal rule of '_' or '-', as Outlook draws above its header block.
bool is_rule(std::string_view line) {
  const std::string_view trimmed = trim(line);
  return trimmed.size() >= 5 && trimmed.find_first_not_of("_-") == std::string_view::npos;
}

// Lines [first, end) that open a quote, or forwarded content from `first`.
struct Marker {
  std::size_t first;
  std::size_t end;
  bool forward;
};

std::optional<bool> separator_kind(std::string_view line) {
  const std::string text = normalized(line);
  const std::string_view core = strip_end(strip_both(text, "-_ "), ": -_");
  for (const auto& separator : kSeparators) {
    if (core == separator.text) return separator.forward;
  }
  return std::nullopt;
}

// How many lines from `i` the reply header spans, 0 when there is none.
std::size_t attribution_length(const Lines& lines, std::size_t i) {
  const std::string first = normalized(lines[i]);
  const auto* pattern = std::find_if(std::begin(kAttributions), std::end(kAttributions),
                                     [&](const AttributionPattern& p) { return first.starts_with(p.start); });
  if (pattern == std::end(kAttributions)) return 0;
  std::string joined;
  for (std::size_t count = 1; count <= kMaxAttributionLines && i + count <= lines.size(); ++count) {
    if (count > 1) joined += ' ';
    joined += lines[i + count - 1];
    if (joined.size() > kMaxAttributionBytes) return 0;
    const std::string text = normalized(joined);
    const std::string_view header = strip_end(text, ": ");
    if (header.ends_with(pattern->end) && contains_digit(header)) return count;
  }
  return 0;
}

HeaderField header_field(std::string_view line) {
  const std::string text = normalized(line);
  const auto colon = text.find(':');
  if (colon == std::string::npos || colon > 24) return HeaderField::none;
  const std::string_view key = strip_both(std::string_view(text).substr(0, colon), "* ");
  for (const auto& header : kHeaderKeys) {
    if (key == header.name) return header.field;
  }
  return HeaderField::none;
}

// How many lines from `i` Outlook's header block spans, 0 when there is none.
std::size_t header_block_length(const Lines& lines, std::size_t i) {
  if (header_field(lines[i]) != HeaderField::from) return 0;
  std::array<bool, 6> seen{};
  std::size_t end = i + 1;
  for (std::size_t k = i + 1; k < lines.size() && k <= i + kHeaderBlockReach; ++k) {
    const HeaderField field = header_field(lines[k]);
    if (field == HeaderField::none) continue;
    seen[static_cast<std::size_t>(field)] = true;
    end = k + 1;
  }
  const int others = seen[static_cast<std::size_t>(HeaderField::sent)] +
                     seen[static_cast<std::size_t>(HeaderField::to)] +
                     seen[static_cast<std::size_t>(HeaderField::subject)];
  return others >= 2 ? end - i : 0;
}

std::optional<Marker> marker_at(const Lines& lines, std::size_t i, bool forwarded) {
  std::optional<Marker> marker;
  if (const auto forward = separator_kind(lines[i])) {
    marker = Marker{i, i + 1, *forward};
  } else if (const std::size_t length = attribution_length(lines, i); length > 0) {
    marker = Marker{i, i + length, false};
  } else if (const std::size_t block = header_block_length(lines, i); block > 0) {
    marker = Marker{i, i + block, false};
  }
  if (!marker) return std::nullopt;
  marker->forward = marker->forward || forwarded;
  if (i > 0 && is_rule(lines[i - 1])) marker->first = i - 1;
  return marker;
}

// Whether the first non-blank line from `from` is quoted with '>'.
bool quote_follows(const Lines& lines, std::size_t from) {
  for (std::size_t k = from; k < lines.size(); ++k) {
    if (!is_blank(lines[k])) return is_quoted(lines[k]);
  }
  return false;
}

bool is_delimiter(std::string_view line) { return line == "-- " || line == "--"; }

bool is_device_line(std::string_view line) {
  if (line.size() > kMaxDeviceLineBytes) return false;
  const std::string text = normalized(line);
  return std::any_of(std::begin(kDeviceLines), std::end(kDeviceLines),
                     [&](std::string_view start) { return text.starts_with(start); });
}

bool is_sign_off_text(std::string_view text) {
  const std::string_view core = strip_end(text, ",.!;: ");
  return std::find(std::begin(kSignOffs), std::end(kSignOffs), core) != std::end(kSignOffs);
}

// "Cordialement," alone, or "Cordialement, Jean Dupont".
bool is_sign_off(std::string_view line) {
  const std::string text = normalized(line);
  if (is_sign_off_text(text)) return true;
  const auto comma = text.find(',');
  return comma != std::string::npos && text.size() - comma - 1 <= kMaxNameAfterSignOff &&
         is_sign_off_text(std::string_view(text).substr(0, comma));
}

bool is_signature_like(std::string_view line) {
  const std::string text = normalized(line);
  const auto words = std::count(text.begin(), text.end(), ' ') + (text.empty() ? 0 : 1);
  return text.size() <= kMaxSignatureLineBytes && static_cast<std::size_t>(words) <= kMaxSignatureLineWords &&
         !text.ends_with('?');
}

// Whether the lines fresh[from..end) are a short name-and-phone block.
bool is_short_block(const Lines& lines, const std::vector<std::size_t>& fresh, std::size_t from, std::size_t end) {
  std::size_t count = 0;
  for (std::size_t p = from; p < end; ++p) {
    const std::string_view line = lines[fresh[p]];
    if (is_blank(line)) continue;
    if (++count > kMaxSignatureBlockLines || !is_signature_like(line)) return false;
  }
  return true;
}

// Where the signature starts among the fresh lines (a position in `fresh`).
std::optional<std::size_t> signature_start(const Lines& lines, const std::vector<std::size_t>& fresh) {
  const auto delimiter = std::find_if(fresh.begin(), fresh.end(), [&](std::size_t index) {
    return is_delimiter(lines[index]) || is_device_line(lines[index]);
  });
  const auto limit = static_cast<std::size_t>(delimiter - fresh.begin());
  bool text_before = false;  // a sign-off alone is the message, not its signature
  for (std::size_t p = 0; p < limit; ++p) {
    const std::string_view line = lines[fresh[p]];
    if (text_before && is_sign_off(line) && is_short_block(lines, fresh, p + 1, limit)) return p;
    text_before = text_before || !is_blank(line);
  }
  if (limit < fresh.size()) return limit;
  return std::nullopt;
}

// The lines joined by '\n', with runs of blank lines reduced to one and no
// blank line at either end.
std::string join(const Lines& lines, const std::vector<std::size_t>& indexes) {
  std::string out;
  bool blank_pending = false;
  for (std::size_t index : indexes) {
    if (is_blank(lines[index])) {
      blank_pending = !out.empty();
      continue;
    }
    if (!out.empty()) out += blank_pending ? "\n\n" : "\n";
    blank_pending = false;
    out += lines[index];
  }
  return out;
}

}  // namespace

ReplySplit split_reply(std::string_view text, bool forwarded) {
  const Lines lines = split_lines(text);
  enum class Role { fresh, quoted, signature };
  std::vector<Role> roles(lines.size(), Role::fresh);
  std::size_t forward_start = lines.size();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (is_quoted(lines[i])) {
      roles[i] = Role::quoted;
      continue;
    }
    const auto marker = marker_at(lines, i, forwarded);
    if (!marker) continue;
    if (marker->forward) {
      forward_start = marker->first;
      break;
    }
    const bool inline_reply = quote_follows(lines, marker->end);
    std::fill(roles.begin() + static_cast<std::ptrdiff_t>(marker->first),
              inline_reply ? roles.begin() + static_cast<std::ptrdiff_t>(marker->end) : roles.end(), Role::quoted);
    if (!inline_reply) break;
    i = marker->end - 1;
  }

  std::vector<std::size_t> fresh;  // lines the sender wrote, before any forwarded content
  for (std::size_t i = 0; i < forward_start; ++i) {
    if (roles[i] == Role::fresh) fresh.push_back(i);
  }
  if (const auto start = signature_start(lines, fresh)) {
    for (std::size_t p = *start; p < fresh.size(); ++p) roles[fresh[p]] = Role::signature;
  }

  std::vector<std::size_t> kept, quoted, signature;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    auto& bucket = roles[i] == Role::quoted ? quoted : roles[i] == Role::signature ? signature : kept;
    bucket.push_back(i);
  }
  return {join(lines, kept), join(lines, quoted), join(lines, signature)};
}

bool is_forward_subject(std::string_view subject) {
  const std::string text = normalized(subject);
  const auto colon = text.find(':');
  if (colon == std::string::npos) return false;
  const std::string_view prefix = strip_end(std::string_view(text).substr(0, colon), " ");
  return prefix == "tr" || prefix == "fwd" || prefix == "fw" || prefix == "transf";
}

}  // namespace relais::inline v1::detail
