#include "mail-model/mail_evaluation.h"

#include "host/plugin_host.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <stdexcept>

namespace relais::mail_model {
namespace {

// Every category of the vocabulary, in its order: the generator writes
// mail of each.
std::vector<MailCategory> all_categories() {
  std::vector<MailCategory> categories;
  for (const auto& family : synth::mail_families()) {
    if (categories.empty() || categories.back() != family.category) categories.push_back(family.category);
  }
  return categories;
}

double ratio(std::size_t part, std::size_t whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

void Evaluation::add(const spi::LabelledMail& expected, const spi::Classification& got) {
  results_.push_back({expected.category, got.category, got.confidence, got.urgency == expected.urgency});
}

void Evaluation::merge(const Evaluation& other) {
  results_.insert(results_.end(), other.results_.begin(), other.results_.end());
}

double Evaluation::accuracy() const {
  return ratio(static_cast<std::size_t>(std::count_if(results_.begin(), results_.end(),
                                                      [](const Result& r) { return r.expected == r.predicted; })),
               results_.size());
}

double Evaluation::urgency_accuracy() const {
  return ratio(static_cast<std::size_t>(
                   std::count_if(results_.begin(), results_.end(), [](const Result& r) { return r.urgency_right; })),
               results_.size());
}

Evaluation::ThresholdRow Evaluation::at_threshold(double threshold) const {
  std::size_t above = 0, right_above = 0, right_below = 0;
  for (const Result& r : results_) {
    const bool right = r.expected == r.predicted;
    if (r.confidence >= threshold) {
      ++above;
      right_above += right;
    } else {
      right_below += right;
    }
  }
  return {threshold, ratio(above, results_.size()), ratio(right_above, above),
          ratio(right_below, results_.size() - above)};
}

void Evaluation::print_confusion(std::ostream& out) const {
  const auto categories = all_categories();
  const auto index = [&](MailCategory category) {
    return static_cast<std::size_t>(std::find(categories.begin(), categories.end(), category) - categories.begin());
  };
  std::vector<std::vector<std::size_t>> counts(categories.size(), std::vector<std::size_t>(categories.size()));
  for (const Result& r : results_) ++counts[index(r.expected)][index(r.predicted)];
  out << std::left << std::setw(24) << "expected \\ predicted";
  for (const auto category : categories) out << std::right << std::setw(6) << to_string(category).substr(0, 5);
  out << std::right << std::setw(8) << "recall"
      << "\n";
  for (std::size_t row = 0; row < categories.size(); ++row) {
    out << std::left << std::setw(24) << to_string(categories[row]);
    std::size_t total = 0;
    for (const std::size_t count : counts[row]) {
      out << std::right << std::setw(6) << count;
      total += count;
    }
    out << std::right << std::setw(7) << std::fixed << std::setprecision(1) << 100 * ratio(counts[row][row], total)
        << "%\n";
  }
}

void Evaluation::print_thresholds(std::ostream& out) const {
  out << "threshold  mails above  accuracy above  accuracy below\n";
  for (int tenth = 3; tenth <= 9; ++tenth) {
    const ThresholdRow row = at_threshold(tenth / 10.0);
    out << std::fixed << std::setprecision(1) << std::setw(9) << row.threshold << std::setw(12) << 100 * row.share_above
        << "%" << std::setw(15) << 100 * row.accuracy_above << "%" << std::setw(15) << 100 * row.accuracy_below
        << "%\n";
  }
}

ClassifierFactory fasttext_classifiers(const synth::MailOptions& corpus) {
  const auto host = std::make_shared<detail::PluginHost>();
  const std::string config = nlohmann::json{{"model_path", ""}, {"company_domains", {corpus.company_domain}}}.dump();
  return [host, config] { return host->create_as<spi::MailClassifier>("classifier", "fasttext", config); };
}

std::shared_ptr<spi::MailClassifier> shipped_fasttext_classifier(const synth::MailOptions& corpus) {
  detail::PluginHost host;  // the classifier keeps the plugin loaded
  return host.create_as<spi::MailClassifier>("classifier", "fasttext",
                                             nlohmann::json{{"company_domains", {corpus.company_domain}}}.dump());
}

std::map<std::string, int> family_folds() {
  std::map<std::string, int> folds;
  std::map<MailCategory, int> rank;
  for (const auto& family : synth::mail_families()) {
    folds[family.id] = (rank[family.category]++ + static_cast<int>(family.category)) % kFolds;
  }
  return folds;
}

HeldOutResult evaluate_held_out(const ClassifierFactory& create, const synth::MailOptions& corpus) {
  const auto mails = synth::generate_mails(corpus);
  const auto folds = family_folds();
  HeldOutResult result;
  std::chrono::duration<double> training{0};
  for (int fold = 0; fold < kFolds; ++fold) {
    std::vector<spi::LabelledMail> known;
    for (const auto& mail : mails) {
      if (folds.at(mail.family) != fold) known.push_back(mail.labelled);
    }
    const auto classifier = create();
    const auto started = std::chrono::steady_clock::now();
    classifier->train(known);
    training += std::chrono::steady_clock::now() - started;
    for (const auto& mail : mails) {
      if (folds.at(mail.family) != fold) continue;
      const spi::Classification got = classifier->classify(mail.labelled.mail);
      result.overall.add(mail.labelled, got);
      result.by_family[mail.family].add(mail.labelled, got);
    }
  }
  result.seconds_per_training = training.count() / kFolds;
  return result;
}

std::vector<spi::LabelledMail> read_handwritten_mails(const std::string& path) {
  std::ifstream file(path);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::vector<spi::LabelledMail> mails;
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    const auto where = [&] { return path + ":" + std::to_string(number); };
    if (line.starts_with("=== ")) {
      const std::size_t urgency_at = line.find(' ', 4), sender_at = line.find(' ', urgency_at + 1);
      if (sender_at == std::string::npos)
        throw std::runtime_error(where() + ": expected === <category> <urgency> <sender>");
      mails.push_back({{"", line.substr(sender_at + 1), ""},
                       parse_mail_category(line.substr(4, urgency_at - 4)),
                       parse_mail_urgency(line.substr(urgency_at + 1, sender_at - urgency_at - 1))});
      if (!std::getline(file, line) || !line.starts_with("Subject:"))
        throw std::runtime_error(where() + ": expected Subject:");
      ++number;
      mails.back().mail.subject = line.substr(line.size() > 8 && line[8] == ' ' ? 9 : 8);
    } else if (!mails.empty()) {
      mails.back().mail.body += line + "\n";
    } else if (!line.empty() && !line.starts_with("#")) {
      throw std::runtime_error(where() + ": text before the first mail");
    }
  }
  return mails;
}

Evaluation evaluate(const spi::MailClassifier& classifier, const std::vector<spi::LabelledMail>& mails) {
  Evaluation evaluation;
  for (const auto& mail : mails) evaluation.add(mail, classifier.classify(mail.mail));
  return evaluation;
}

}  // namespace relais::mail_model
