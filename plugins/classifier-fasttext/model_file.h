#pragma once
// The bytes save() returns: a short text header, then the two fastText
// models (categories, urgencies).
//
//   relais-mail-classifier fasttext-1
//   sha256 <hex digest of everything after this line>
//   name fasttext-1 trained 2026-11-24 on 12000 mails
//   fold_accents yes
//   category_model <size in bytes>
//   urgency_model <size in bytes>
//   <empty line>
//   <category model><urgency model>
//
// fastText reads a model without checking it (a truncated file makes it
// loop or allocate without end), so the digest is checked first: only bytes
// this format wrote reach fastText.
#include "fasttext_model.h"

#include <string>
#include <string_view>

namespace relais::fasttext_classifier {

inline constexpr std::string_view kModelFormat = "fasttext-1";

struct MailModel {
  std::string name;   // "fasttext-1 trained 2026-11-24 on 12000 mails"
  bool fold_accents;  // how its words were read (mail_words())
  FastTextModel categories;
  FastTextModel urgencies;
};

// Throws StorageError as FastTextModel::to_bytes() does.
std::string write_model_file(const MailModel& model);

// Throws InvalidInputError naming "model" for bytes that write_model_file()
// did not write, or whose labels are not the mail vocabulary's.
MailModel read_model_file(std::string_view bytes);

}  // namespace relais::fasttext_classifier
