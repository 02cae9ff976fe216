// The "fasttext" mail classifier, librelais-classifier-fasttext.so (kind
// "classifier", name "fasttext"): two fastText models over the words of
// mail_words(), one for the category and one for the urgency. Its config is
// described in classifier_config.h, its model bytes in model_file.h.
#include "classifier_config.h"
#include "mail_words.h"
#include "model_file.h"

#include <relais/spi/classifier.h>
#include <relais/spi/plugin.h>
#include <relais/version.h>

#include <dlfcn.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <tuple>

namespace relais::fasttext_classifier {
namespace {

namespace fs = std::filesystem;

// The model shipped with the plugin sits at the same place relative to the
// plugin's folder in the build tree and in an install
// (lib/relais/plugins -> share/relais/models), so a moved install finds it.
fs::path shipped_model_path() {
  static const char anchor = 0;
  Dl_info info{};
  if (::dladdr(&anchor, &info) == 0 || info.dli_fname == nullptr) return RELAIS_SHIPPED_MODEL_FROM_PLUGIN_DIR;
  return (fs::path(info.dli_fname).parent_path() / RELAIS_SHIPPED_MODEL_FROM_PLUGIN_DIR).lexically_normal();
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return std::nullopt;
  std::ostringstream bytes;
  bytes << file.rdbuf();
  if (!file) return std::nullopt;
  return bytes.str();
}

std::string today_utc() {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
                static_cast<unsigned>(day.day()));
  return text;
}

// fastText learns in file order with a falling rate: examples grouped by
// category, or corrections appended at the end, would be learnt unevenly.
// A fixed-seed shuffle from the engine's raw output (specified bit for bit,
// unlike std::shuffle) keeps training reproducible.
std::vector<std::size_t> mixed_order(std::size_t count) {
  std::vector<std::size_t> order(count);
  for (std::size_t i = 0; i < count; ++i) order[i] = i;
  std::mt19937_64 engine(20261124);
  for (std::size_t i = count; i > 1; --i) std::swap(order[i - 1], order[engine() % i]);
  return order;
}

// Urgency hangs on short phrases ("plus de courant", "pas pressé",
// "c'est urgent"): its model also learns word pairs, in a small hashed
// table. Measured: two points more urgency accuracy, held out and on
// hand-written mail, for 1.9 MB; the category model gains nothing from
// pairs (docs/inbox.md).
TrainingParameters urgency_parameters(TrainingParameters training) {
  training.word_ngrams = std::max(training.word_ngrams, 2);
  training.buckets = std::min(training.buckets, 20'000);
  return training;
}

// What the two models learn from: each mail, and for the category each of
// its lines on its own. Lines that carry the request (a fault, a work, a
// question) then weigh by themselves, while a greeting, a syndic's
// letterhead or a web form's fields, seen with many categories, learn to
// weigh little: a way of writing never seen with a category stops pulling
// mail away from it (docs/inbox.md has the figures). Urgency learns from
// whole mails: it hangs on one phrase, and the other lines would say
// "normal".
struct TrainingLines {
  std::vector<LabelledLine> categories;
  std::vector<LabelledLine> urgencies;
};

TrainingLines training_lines(const std::vector<spi::LabelledMail>& examples, const WordOptions& options) {
  TrainingLines lines;
  for (const std::size_t i : mixed_order(examples.size())) {
    const spi::LabelledMail& example = examples[i];
    const std::string category(to_string(example.category));
    std::string words = mail_words(example.mail, options);
    lines.categories.push_back({category, words});
    lines.urgencies.push_back({std::string(to_string(example.urgency)), std::move(words)});
    for (std::string& line : line_words(example.mail.body, options)) {
      lines.categories.push_back({category, std::move(line)});
    }
  }
  return lines;
}

struct CurrentModel {
  MailModel model;
  std::string bytes;  // as save() returns them
};

class FastTextClassifier final : public spi::MailClassifier {
 public:
  // Throws InvalidInputError naming config.model_path for a file that cannot
  // be read or is not a model, PluginError when the shipped model is missing
  // or damaged (a broken install).
  explicit FastTextClassifier(ClassifierConfig config) : config_(std::move(config)) {
    if (config_.model_path && config_.model_path->empty()) return;
    const fs::path path = config_.model_path.value_or(shipped_model_path());
    const auto bytes = read_file(path);
    try {
      if (!bytes) throw InvalidInputError("model", path.string(), "cannot be read");
      load(*bytes);
    } catch (const InvalidInputError& refused) {
      if (!config_.model_path) {
        throw PluginError("the mail model shipped with the fasttext classifier is missing or damaged: " +
                              path.string() + " (" + refused.field_errors().front().message + ")",
                          {{"path", path.string()}});
      }
      throw InvalidInputError("config.model_path", path.string(), refused.field_errors().front().message);
    }
  }

  std::string model_name() const override { return current_ ? current_->model.name : ""; }

  spi::Classification classify(const spi::MailText& mail) const override {
    if (!current_) throw PluginError("the fasttext classifier has no model: train() or load() one first");
    const MailModel& model = current_->model;
    const std::string words = mail_words(mail, {model.fold_accents, config_.company_domains});
    spi::Classification result{MailCategory::other, 0.0, MailUrgency::normal, 0.0, {}};
    for (const auto& [label, probability] : model.categories.predict(words)) {
      result.ranked.emplace_back(parse_mail_category(label), probability);
    }
    if (!result.ranked.empty()) std::tie(result.category, result.confidence) = result.ranked.front();
    const auto urgencies = model.urgencies.predict(words);
    if (!urgencies.empty()) {
      result.urgency = parse_mail_urgency(urgencies.front().first);
      result.urgency_confidence = urgencies.front().second;
    }
    return result;
  }

  void train(const std::vector<spi::LabelledMail>& examples) override {
    if (examples.empty()) throw InvalidInputError("examples", "0 mails", "must hold at least one labelled mail");
    const TrainingParameters& training = config_.training;
    const TrainingLines lines = training_lines(examples, {training.fold_accents, config_.company_domains});
    MailModel model{
        std::string(kModelFormat) + " trained " + today_utc() + " on " + std::to_string(examples.size()) + " mails",
        training.fold_accents, FastTextModel::train(lines.categories, training),
        FastTextModel::train(lines.urgencies, urgency_parameters(training))};
    std::string bytes = write_model_file(model);
    current_.emplace(CurrentModel{std::move(model), std::move(bytes)});
  }

  std::string save() const override {
    if (!current_) throw PluginError("the fasttext classifier has no model to save");
    return current_->bytes;
  }

  void load(std::string_view bytes) override {
    MailModel model = read_model_file(bytes);
    current_.emplace(CurrentModel{std::move(model), std::string(bytes)});
  }

 private:
  const ClassifierConfig config_;
  std::optional<CurrentModel> current_;
};

}  // namespace
}  // namespace relais::fasttext_classifier

RELAIS_DEFINE_PLUGIN(relais::spi::MailClassifier, "classifier", "fasttext", RELAIS_VERSION, [](const char* config) {
  return new relais::fasttext_classifier::FastTextClassifier(
      relais::fasttext_classifier::parse_classifier_config(config));
})
