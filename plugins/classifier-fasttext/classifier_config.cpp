#include "classifier_config.h"

#include <relais/errors.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace relais::fasttext_classifier {
namespace {

using nlohmann::json;

[[noreturn]] void refuse(const std::string& key, const json& value, const std::string& message) {
  throw InvalidInputError("config." + key, value.is_string() ? value.get<std::string>() : value.dump(), message);
}

int integer_at(const json& config, const std::string& key, int low, int high) {
  const json& value = config.at(key);
  if (!value.is_number_integer() || value < low || value > high) {
    refuse(key, value, "must be an integer from " + std::to_string(low) + " to " + std::to_string(high));
  }
  return value.get<int>();
}

// "Duret-Electricite.FR" and "duret-electricite.fr" are one domain.
std::string domain_at(const json& value) {
  if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
    refuse("company_domains", value, "must list domain names such as \"example.fr\"");
  }
  std::string domain = value.get<std::string>();
  for (char& c : domain) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') {
      refuse("company_domains", value, "must list domain names such as \"example.fr\"");
    }
  }
  return domain;
}

void read_training(const json& config, TrainingParameters& training) {
  if (config.contains("epochs")) training.epochs = integer_at(config, "epochs", 1, 200);
  if (config.contains("dim")) training.dim = integer_at(config, "dim", 4, 200);
  if (config.contains("word_ngrams")) training.word_ngrams = integer_at(config, "word_ngrams", 1, 4);
  if (config.contains("buckets")) training.buckets = integer_at(config, "buckets", 1000, 2'000'000);
  if (config.contains("char_ngrams")) {
    const json& range = config.at("char_ngrams");
    const bool none = range.is_array() && range.empty();
    const bool valid = none || (range.is_array() && range.size() == 2 && range[0].is_number_integer() &&
                                range[1].is_number_integer() && range[0] >= 1 && range[0] <= range[1] && range[1] <= 8);
    if (!valid) refuse("char_ngrams", range, "must be [] or [shortest, longest] with 1 <= shortest <= longest <= 8");
    training.char_ngram_min = none ? 0 : range[0].get<int>();
    training.char_ngram_max = none ? 0 : range[1].get<int>();
  }
  if (config.contains("learning_rate")) {
    const json& rate = config.at("learning_rate");
    if (!rate.is_number() || rate <= 0 || rate > 2)
      refuse("learning_rate", rate, "must be a number above 0, at most 2");
    training.learning_rate = rate.get<double>();
  }
  if (config.contains("fold_accents")) {
    const json& fold = config.at("fold_accents");
    if (!fold.is_boolean()) refuse("fold_accents", fold, "must be true or false");
    training.fold_accents = fold.get<bool>();
  }
}

}  // namespace

ClassifierConfig parse_classifier_config(std::string_view json_text) {
  const json config = json_text.empty() ? json::object() : json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (config.is_discarded() || !config.is_object()) {
    throw InvalidInputError("config", json_text, "must be a JSON object");
  }
  static constexpr std::array kKnownKeys = {"model_path",  "company_domains", "epochs",
                                            "dim",         "word_ngrams",     "buckets",
                                            "char_ngrams", "learning_rate",   "fold_accents"};
  for (const auto& [key, value] : config.items()) {
    if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end())
      refuse(key, value, "is not a known key");
  }
  ClassifierConfig result;
  if (config.contains("model_path")) {
    const json& path = config.at("model_path");
    if (!path.is_string()) refuse("model_path", path, "must be an absolute path, or \"\" for no model");
    result.model_path = std::filesystem::path(path.get<std::string>());
    if (!result.model_path->empty() && !result.model_path->is_absolute()) {
      refuse("model_path", path, "must be an absolute path, or \"\" for no model");
    }
  }
  if (config.contains("company_domains")) {
    const json& domains = config.at("company_domains");
    if (!domains.is_array()) refuse("company_domains", domains, "must list domain names such as \"example.fr\"");
    for (const json& domain : domains) result.company_domains.push_back(domain_at(domain));
  }
  read_training(config, result.training);
  return result;
}

}  // namespace relais::fasttext_classifier
