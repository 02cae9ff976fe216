#pragma once
// The configuration of the "fasttext" mail classifier: JSON text, every key
// checked, all optional. A pure function of its input.
//
// {
//   "model_path": "/var/lib/relais/mail-model.bin",  a model save() wrote,
//                       loaded at creation; an absolute path, or "" to start
//                       with no model (train() or load() before classify()).
//                       Absent: the model shipped with the plugin
//                       (<prefix>/share/relais/models/mail-fasttext.bin).
//   "company_domains": ["duret-electricite.fr"],  the company's own mail
//                       domains: a sender there reads as a colleague, whatever
//                       the domain the model was trained with.
//   Training, used by train() (a loaded model keeps what it was trained with).
//   The defaults are what measured best on held-out template families
//   (docs/inbox.md):
//   "epochs": 15,          passes over the examples, 1 to 200
//   "dim": 24,             size of the word vectors, 4 to 200
//   "learning_rate": 1.0,  above 0, at most 2
//   "word_ngrams": 1,      longest run of words learnt as one feature, 1 to 4;
//                          runs of two memorise ways of writing. The urgency
//                          model learns pairs at least, in at most 20000
//                          buckets (fasttext_classifier.cpp)
//   "char_ngrams": [],     [shortest, longest] character n-grams, which read
//                          typos and unknown words but also memorise names
//                          and ways of writing; [] for none
//   "buckets": 100000,     hashed features for word runs and character
//                          n-grams, 1000 to 2000000; unused without them
//   "fold_accents": true   read "électricité" and "electricite" as one word
// }
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais::fasttext_classifier {

struct TrainingParameters {
  int epochs = 15;
  int dim = 24;
  int word_ngrams = 1;
  int buckets = 100'000;
  int char_ngram_min = 0;  // 0 with char_ngram_max 0: no character n-grams
  int char_ngram_max = 0;
  double learning_rate = 1.0;
  bool fold_accents = true;
};

struct ClassifierConfig {
  // Unset: the shipped model. Set and empty: no model.
  std::optional<std::filesystem::path> model_path;
  std::vector<std::string> company_domains;  // lowercased
  TrainingParameters training;
};

// Throws relais::InvalidInputError naming the key ("config.epochs", or
// "config" for text that is not a JSON object) and its value. Does not touch
// the file system.
ClassifierConfig parse_classifier_config(std::string_view json_text);

}  // namespace relais::fasttext_classifier
