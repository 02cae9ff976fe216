// Issue 5 figure for classification: BM_ClassifyEmail, the latency of
// classify() with the model the fastText classifier ships with, on generated
// mail; its counters carry the accuracy figures the issue names (template
// families held out of training, mail written by hand), the model's size and
// its training time, so report.py prints them with the rate.
#include "latency.h"

#include <mail-model/mail_evaluation.h>

namespace relais::bench {
namespace {

struct Accuracy {
  double held_out;
  double held_out_urgency;
  double seconds_per_training;
  double hand_written;
};

// Measured once per process: the held-out evaluation trains three models.
const Accuracy& accuracy(const spi::MailClassifier& shipped) {
  static const Accuracy measured = [&] {
    const synth::MailOptions corpus{.count = 9'000};  // as in tests/inbox/mail_classification_test.cpp
    const auto held_out = mail_model::evaluate_held_out(mail_model::fasttext_classifiers(corpus), corpus);
    const auto hand_written =
        mail_model::evaluate(shipped, mail_model::read_handwritten_mails(RELAIS_HANDWRITTEN_MAILS));
    return Accuracy{held_out.overall.accuracy(), held_out.overall.urgency_accuracy(), held_out.seconds_per_training,
                    hand_written.accuracy()};
  }();
  return measured;
}

void BM_ClassifyEmail(benchmark::State& state) {
  const auto shipped = mail_model::shipped_fasttext_classifier({});
  std::vector<spi::MailText> mails;
  for (auto& mail : synth::generate_mails({.seed = 424242, .count = 2'000}))
    mails.push_back(std::move(mail.labelled.mail));
  LatencySamples latency;
  std::size_t next = 0;
  for (auto _ : state) {
    const spi::MailText& mail = mails[next++ % mails.size()];
    latency.start();
    benchmark::DoNotOptimize(shipped->classify(mail));
    latency.stop();
  }
  latency.report(state);
  state.counters["emails_per_second"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  const Accuracy& measured = accuracy(*shipped);
  state.counters["heldout_accuracy"] = measured.held_out;
  state.counters["heldout_urgency_accuracy"] = measured.held_out_urgency;
  state.counters["handwritten_accuracy"] = measured.hand_written;
  state.counters["train_seconds"] = measured.seconds_per_training;
  state.counters["model_bytes"] = static_cast<double>(shipped->save().size());
}
BENCHMARK(BM_ClassifyEmail)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace relais::bench
