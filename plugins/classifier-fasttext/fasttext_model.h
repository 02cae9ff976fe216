#pragma once
// One supervised fastText model behind a small surface: trained from
// labelled lines, turned into bytes and back, asked for the probability of
// every label. Keeps fastText's types out of the rest of the plugin.
#include "classifier_config.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fasttext {
class FastText;
}

namespace relais::fasttext_classifier {

// A line fastText learns from: its label and its words (mail_words()).
struct LabelledLine {
  std::string label;  // without fastText's "__label__" prefix
  std::string words;
};

class FastTextModel {
 public:
  // Trains on `lines` with one thread, from a fixed seed, so that the same
  // lines and parameters give the same model. fastText reads its examples
  // from a file: they go through a private temporary file, removed before
  // returning. Throws StorageError (context "operation", "path") when the
  // file cannot be written.
  static FastTextModel train(const std::vector<LabelledLine>& lines, const TrainingParameters& parameters);

  // A model to_bytes() wrote. Throws std::invalid_argument for other bytes;
  // the caller must have checked they are whole (the file format's
  // checksum), since fastText does not check what it reads.
  static FastTextModel from_bytes(std::string_view bytes);

  // fastText's own model file, through a private temporary file. Throws
  // StorageError as train() does.
  std::string to_bytes() const;

  // The labels the model knows, in its own order.
  std::vector<std::string> labels() const;

  // Every label with its probability, best first; empty when none of the
  // words is known to the model. Thread-safe.
  std::vector<std::pair<std::string, double>> predict(const std::string& words) const;

 private:
  explicit FastTextModel(std::shared_ptr<fasttext::FastText> model) : model_(std::move(model)) {}
  std::shared_ptr<fasttext::FastText> model_;
};

}  // namespace relais::fasttext_classifier
