#pragma once
// Measuring a mail classifier: on the synthetic corpus with whole template
// families held out of training (tools/synth/synthetic_mail.h), and on mail
// written by hand (tests/inbox/handwritten_mails.txt). Shared by the model
// tool, the accuracy test and the benchmark, so all three report the same
// figures the same way.
#include <synth/synthetic_mail.h>

#include <relais/spi/classifier.h>

#include <functional>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace relais::mail_model {

// Counts of (expected, predicted) categories, with the confidence of each
// classification for the threshold table.
class Evaluation {
 public:
  void add(const spi::LabelledMail& expected, const spi::Classification& got);
  void merge(const Evaluation& other);

  std::size_t mails() const { return results_.size(); }
  double accuracy() const;
  double urgency_accuracy() const;
  // Of the mails whose confidence is at least `threshold`: their share of
  // all mails and how many are right; and how many of the others are right
  // (0 when there are none).
  struct ThresholdRow {
    double threshold;
    double share_above;
    double accuracy_above;
    double accuracy_below;
  };
  ThresholdRow at_threshold(double threshold) const;

  // The confusion matrix, one row per expected category (every category of
  // the vocabulary, in its order), one column per predicted one, then each
  // row's recall.
  void print_confusion(std::ostream& out) const;
  // at_threshold() for 0.3, 0.4 ... 0.9.
  void print_thresholds(std::ostream& out) const;

 private:
  struct Result {
    MailCategory expected;
    MailCategory predicted;
    double confidence;
    bool urgency_right;
  };
  std::vector<Result> results_;
};

// Creates an empty classifier, ready to train().
using ClassifierFactory = std::function<std::shared_ptr<spi::MailClassifier>()>;

// Empty "fasttext" classifiers from the plugin host, with the training
// defaults and `corpus.company_domain` as the company's domain: what the
// shipped model is trained with. Throws PluginError when the plugin cannot
// be found or loaded.
ClassifierFactory fasttext_classifiers(const synth::MailOptions& corpus);

// The "fasttext" classifier with the model it ships with, configured as for
// the company of `corpus`. Throws PluginError as above, or when the shipped
// model is missing (not built yet).
std::shared_ptr<spi::MailClassifier> shipped_fasttext_classifier(const synth::MailOptions& corpus);

// The number of folds of the held-out evaluation: each holds out a third of
// every category's families.
inline constexpr int kFolds = 3;

// The fold that holds family `id` out: the family's rank among its
// category's families plus the category's rank, modulo kFolds. Each fold
// thus holds out a third of every category's families, and a way of
// writing shared by several categories (a web form, an elderly customer) is
// held out of different categories in different folds, never of all at once.
std::map<std::string, int> family_folds();

struct HeldOutResult {
  Evaluation overall;
  std::map<std::string, Evaluation> by_family;
  double seconds_per_training = 0;  // one train() of a fold, on average
};

// Trains kFolds classifiers, each on the mails of the families outside its
// fold, and classifies the mails of the families in it: every mail is
// classified once, by a model that never saw its family.
HeldOutResult evaluate_held_out(const ClassifierFactory& create, const synth::MailOptions& corpus);

// The mails of tests/inbox/handwritten_mails.txt (format in the file's
// header). Throws std::runtime_error naming the line for a malformed file.
std::vector<spi::LabelledMail> read_handwritten_mails(const std::string& path);

Evaluation evaluate(const spi::MailClassifier& classifier, const std::vector<spi::LabelledMail>& mails);

}  // namespace relais::mail_model
