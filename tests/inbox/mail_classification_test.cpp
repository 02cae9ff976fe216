// The mail classifier's accuracy, issue 5's acceptance: on template families
// held out of training (at least 90 %), on mail written by hand that no
// template produced (reported, with a floor), the confidence threshold for
// triage, and retraining with the assistant's corrections. Prints both
// confusion matrices and the threshold table; docs/inbox.md quotes them.
#include <mail-model/mail_evaluation.h>

#include <gtest/gtest.h>

#include <iomanip>
#include <iostream>

namespace relais::mail_model {
namespace {

// Big enough for every family to have a few hundred mails, small enough
// that the three trainings take seconds.
const synth::MailOptions kCorpus{.seed = 20261124, .count = 9'000};

TEST(MailClassification, FamiliesHeldOutOfTrainingAreClassifiedAtNinetyPercentOrBetter) {
  const HeldOutResult result = evaluate_held_out(fasttext_classifiers(kCorpus), kCorpus);
  std::cout << "Held-out families: " << result.overall.mails() << " mails, accuracy " << std::fixed
            << std::setprecision(1) << 100 * result.overall.accuracy() << " %, urgency "
            << 100 * result.overall.urgency_accuracy() << " %, " << std::setprecision(2) << result.seconds_per_training
            << " s per training\n";
  result.overall.print_confusion(std::cout);
  std::cout << "\nConfidence threshold (held-out families):\n";
  result.overall.print_thresholds(std::cout);
  std::cout << "\nFamilies below 80 %:\n";
  for (const auto& [family, evaluation] : result.by_family) {
    if (evaluation.accuracy() < 0.8) {
      std::cout << "  " << std::left << std::setw(42) << family << std::right << std::setprecision(1)
                << 100 * evaluation.accuracy() << " % of " << evaluation.mails() << "\n";
    }
  }
  EXPECT_GE(result.overall.accuracy(), 0.90);
}

TEST(MailClassification, HandWrittenMailsAreMostlyRecognisedByTheShippedModel) {
  const auto mails = read_handwritten_mails(RELAIS_HANDWRITTEN_MAILS);
  ASSERT_GE(mails.size(), 100u);
  const auto shipped = shipped_fasttext_classifier(kCorpus);
  const Evaluation evaluation = evaluate(*shipped, mails);
  std::cout << "Hand-written mails (" << shipped->model_name() << "): " << evaluation.mails() << " mails, accuracy "
            << std::fixed << std::setprecision(1) << 100 * evaluation.accuracy() << " %, urgency "
            << 100 * evaluation.urgency_accuracy() << " %\n";
  evaluation.print_confusion(std::cout);
  std::cout << "\nConfidence threshold (hand-written):\n";
  evaluation.print_thresholds(std::cout);
  // No target for text the generator never wrote; below this, the
  // generator's variety needs work (not the hand-written mails copied in).
  EXPECT_GE(evaluation.accuracy(), 0.80);
}

// The mails of `family` in a corpus generated from `seed`.
std::vector<spi::LabelledMail> mails_of(const std::string& family, std::uint64_t seed, std::size_t count) {
  std::vector<spi::LabelledMail> found;
  for (auto& mail : synth::generate_mails({.seed = seed, .count = count})) {
    if (mail.family == family) found.push_back(std::move(mail.labelled));
  }
  return found;
}

double accuracy_on(const spi::MailClassifier& classifier, const std::vector<spi::LabelledMail>& mails) {
  return evaluate(classifier, mails).accuracy();
}

// A technician's own way of asking for a quote ("Devis à faire pour Mme X:
// ...") is, by the vocabulary, internal; a model that never saw it calls it
// a quote request. The assistant corrects a few in triage, the host retrains
// with the generated corpus plus the corrections, and the rest follow.
TEST(MailClassification, CorrectingAFewMailsOfANewWayOfWritingTeachesIt) {
  const std::string family = "internal/technician_quote";
  std::vector<spi::LabelledMail> generated;
  for (auto& mail : synth::generate_mails({.seed = 1, .count = 6'000})) {
    if (mail.family != family) generated.push_back(std::move(mail.labelled));
  }
  const auto unseen = mails_of(family, 2, 4'000);
  const auto corrections = mails_of(family, 3, 1'500);
  ASSERT_GE(unseen.size(), 40u);
  ASSERT_GE(corrections.size(), 15u);
  const auto create = fasttext_classifiers({});

  const auto before = create();
  before->train(generated);
  std::vector<spi::LabelledMail> corrected = generated;
  corrected.insert(corrected.end(), corrections.begin(), corrections.end());
  const auto after = create();
  after->train(corrected);

  std::cout << family << ": " << unseen.size() << " mails never trained on, " << std::fixed << std::setprecision(1)
            << 100 * accuracy_on(*before, unseen) << " % right before, " << 100 * accuracy_on(*after, unseen)
            << " % after " << corrections.size() << " corrections\n";
  EXPECT_LT(accuracy_on(*before, unseen), 0.6);
  EXPECT_GE(accuracy_on(*after, unseen), 0.9);
}

}  // namespace
}  // namespace relais::mail_model
