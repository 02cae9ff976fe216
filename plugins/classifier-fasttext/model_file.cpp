#include "model_file.h"

#include <relais/errors.h>
#include <relais/inbox/mail_category.h>

#include <openssl/sha.h>

#include <charconv>
#include <cstdio>

namespace relais::fasttext_classifier {
namespace {

constexpr std::string_view kMagic = "relais-mail-classifier";

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  std::string hex;
  char pair[3];
  for (unsigned char byte : digest) {
    std::snprintf(pair, sizeof pair, "%02x", byte);
    hex += pair;
  }
  return hex;
}

[[noreturn]] void refuse(std::string_view bytes, const std::string& why) {
  throw InvalidInputError("model", std::to_string(bytes.size()) + " bytes",
                          "is not a mail model of the fasttext classifier: " + why);
}

// Reads "<key> <value>\n" at the front of `rest` and moves past it.
std::string_view field(std::string_view& rest, std::string_view key, std::string_view whole) {
  const std::size_t end = rest.find('\n');
  if (end == std::string_view::npos || !rest.starts_with(key) || rest.size() <= key.size() || rest[key.size()] != ' ') {
    refuse(whole, "no " + std::string(key) + " line");
  }
  const std::string_view value = rest.substr(key.size() + 1, end - key.size() - 1);
  rest.remove_prefix(end + 1);
  return value;
}

std::size_t size_field(std::string_view& rest, std::string_view key, std::string_view whole) {
  const std::string_view text = field(rest, key, whole);
  std::size_t size = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), size);
  if (error != std::errc() || end != text.data() + text.size()) refuse(whole, "bad " + std::string(key) + " size");
  return size;
}

// Each label must be a word of the vocabulary: a classification can only
// name a category or an urgency the host knows.
template <typename Parse>
void check_labels(const FastTextModel& model, Parse parse, std::string_view whole) {
  for (const auto& label : model.labels()) {
    try {
      parse(label);
    } catch (const InvalidInputError&) {
      refuse(whole, "unknown label " + label);
    }
  }
}

}  // namespace

std::string write_model_file(const MailModel& model) {
  const std::string categories = model.categories.to_bytes();
  const std::string urgencies = model.urgencies.to_bytes();
  const std::string body = "name " + model.name + "\nfold_accents " + (model.fold_accents ? "yes" : "no") +
                           "\ncategory_model " + std::to_string(categories.size()) + "\nurgency_model " +
                           std::to_string(urgencies.size()) + "\n\n" + categories + urgencies;
  return std::string(kMagic) + " " + std::string(kModelFormat) + "\nsha256 " + sha256_hex(body) + "\n" + body;
}

MailModel read_model_file(std::string_view bytes) {
  std::string_view rest = bytes;
  if (field(rest, kMagic, bytes) != kModelFormat) refuse(bytes, "unknown format");
  const std::string_view digest = field(rest, "sha256", bytes);  // `rest` now starts after its line
  if (digest != sha256_hex(rest)) refuse(bytes, "truncated or corrupted (checksum mismatch)");
  std::string name(field(rest, "name", bytes));
  const std::string_view fold_accents = field(rest, "fold_accents", bytes);
  if (fold_accents != "yes" && fold_accents != "no") refuse(bytes, "bad fold_accents");
  const std::size_t category_size = size_field(rest, "category_model", bytes);
  const std::size_t urgency_size = size_field(rest, "urgency_model", bytes);
  if (!rest.starts_with('\n') || rest.size() - 1 != category_size + urgency_size) refuse(bytes, "sizes do not add up");
  rest.remove_prefix(1);
  try {
    MailModel model{std::move(name), fold_accents == "yes", FastTextModel::from_bytes(rest.substr(0, category_size)),
                    FastTextModel::from_bytes(rest.substr(category_size))};
    check_labels(
        model.categories, [](const std::string& label) { parse_mail_category(label); }, bytes);
    check_labels(
        model.urgencies, [](const std::string& label) { parse_mail_urgency(label); }, bytes);
    return model;
  } catch (const Error&) {
    throw;
  } catch (const std::exception& failure) {
    refuse(bytes, failure.what());
  }
}

}  // namespace relais::fasttext_classifier
