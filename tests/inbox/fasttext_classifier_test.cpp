// The "fasttext" mail classifier through the plugin host, as the inbox uses
// it: its config checked key by key, the contract of the classifier SPI
// (no model, training, saving and loading, bytes that are not a model,
// determinism, threads) and the model it ships with.
#include "host/plugin_host.h"

#include <mail-model/mail_evaluation.h>
#include <synth/synthetic_mail.h>

#include <relais/spi/classifier.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <thread>

namespace relais {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// A small corpus trains in well under a second.
std::vector<spi::LabelledMail> small_corpus(std::uint64_t seed = 7) {
  std::vector<spi::LabelledMail> examples;
  for (auto& mail : synth::generate_mails({.seed = seed, .count = 1500})) examples.push_back(std::move(mail.labelled));
  return examples;
}

const spi::MailText kBurningSmell{"Urgent", "yann.le.goff@orange.fr",
                                  "Bonjour, ça sent le brûlé au tableau électrique et le disjoncteur saute. "
                                  "Pouvez-vous venir vite ?"};
const spi::MailText kQuote{"Demande de devis", "marie.kerhoas@gmail.com",
                           "Bonjour, pourriez-vous me faire un devis pour installer une borne de recharge dans "
                           "mon garage ? Merci"};

class FastTextClassifierTest : public ::testing::Test {
 protected:
  std::shared_ptr<spi::MailClassifier> create(const json& config) {
    return host_.create_as<spi::MailClassifier>("classifier", "fasttext", config.dump());
  }
  std::shared_ptr<spi::MailClassifier> untrained() { return create({{"model_path", ""}}); }

  // The field of the InvalidInputError that creating with `config` throws.
  std::string refused_field(const json& config) {
    try {
      create(config);
    } catch (const InvalidInputError& error) {
      return error.field_errors().front().field;
    }
    return "(accepted)";
  }

  std::string load_refusal(spi::MailClassifier& classifier, std::string_view bytes) {
    try {
      classifier.load(bytes);
    } catch (const InvalidInputError& error) {
      return error.field_errors().front().field;
    }
    return "(accepted)";
  }

  // The shared trained classifier of the tests that only read it.
  static spi::MailClassifier& trained() {
    static const auto classifier = [] {
      detail::PluginHost host;
      auto created = host.create_as<spi::MailClassifier>("classifier", "fasttext", R"({"model_path": ""})");
      created->train(small_corpus());
      return created;
    }();
    return *classifier;
  }

  detail::PluginHost host_;
};

TEST_F(FastTextClassifierTest, EveryConfigKeyIsCheckedAndABadOneIsNamed) {
  EXPECT_EQ(refused_field("not an object"), "config");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"colour", "blue"}}), "config.colour");
  EXPECT_EQ(refused_field({{"model_path", "relative/model.bin"}}), "config.model_path");
  EXPECT_EQ(refused_field({{"model_path", 3}}), "config.model_path");
  EXPECT_EQ(refused_field({{"model_path", "/nonexistent/mail-model.bin"}}), "config.model_path");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"epochs", 0}}), "config.epochs");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"dim", "24"}}), "config.dim");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"word_ngrams", 9}}), "config.word_ngrams");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"buckets", 10}}), "config.buckets");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"char_ngrams", {5, 3}}}), "config.char_ngrams");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"learning_rate", 0}}), "config.learning_rate");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"fold_accents", "yes"}}), "config.fold_accents");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"company_domains", "example.fr"}}), "config.company_domains");
  EXPECT_EQ(refused_field({{"model_path", ""}, {"company_domains", {"not a domain"}}}), "config.company_domains");
  EXPECT_EQ(refused_field({{"model_path", ""},
                           {"epochs", 5},
                           {"dim", 16},
                           {"word_ngrams", 2},
                           {"buckets", 20000},
                           {"char_ngrams", {3, 5}},
                           {"learning_rate", 0.5},
                           {"fold_accents", false},
                           {"company_domains", {"Duret-Electricite.fr"}}}),
            "(accepted)");
}

TEST_F(FastTextClassifierTest, WithoutAModelClassifyAndSaveRefuseAndTheNameIsEmpty) {
  const auto classifier = untrained();
  EXPECT_EQ(classifier->model_name(), "");
  EXPECT_THROW(classifier->classify(kQuote), PluginError);
  EXPECT_THROW(classifier->save(), PluginError);
}

TEST_F(FastTextClassifierTest, TrainingOnNothingIsRefusedNamingTheExamples) {
  const auto classifier = untrained();
  try {
    classifier->train({});
    FAIL() << "no error";
  } catch (const InvalidInputError& error) {
    EXPECT_EQ(error.field_errors().front().field, "examples");
  }
}

TEST_F(FastTextClassifierTest, AClassificationRanksEveryCategoryBestFirstWithConfidencesAddingUpToOne) {
  const spi::Classification result = trained().classify(kBurningSmell);
  EXPECT_EQ(result.category, MailCategory::breakdown);
  EXPECT_EQ(result.urgency, MailUrgency::urgent);
  ASSERT_EQ(result.ranked.size(), 10u);
  EXPECT_EQ(result.ranked.front(), std::make_pair(result.category, result.confidence));
  for (std::size_t i = 1; i < result.ranked.size(); ++i)
    EXPECT_LE(result.ranked[i].second, result.ranked[i - 1].second);
  const double total = std::accumulate(result.ranked.begin(), result.ranked.end(), 0.0,
                                       [](double sum, const auto& entry) { return sum + entry.second; });
  EXPECT_NEAR(total, 1.0, 1e-3);
  EXPECT_GT(result.urgency_confidence, 0.0);
  EXPECT_LE(result.urgency_confidence, 1.0);
}

TEST_F(FastTextClassifierTest, AMailWithNothingTheModelKnowsIsOtherWithNoConfidence) {
  for (const spi::MailText& mail :
       {spi::MailText{}, spi::MailText{"", "", "... --- ;;"}, spi::MailText{"Xq zzkw", "", "Qwvrt plixo brakmu"}}) {
    const spi::Classification result = trained().classify(mail);
    EXPECT_EQ(result.category, MailCategory::other);
    EXPECT_EQ(result.confidence, 0.0);
    EXPECT_TRUE(result.ranked.empty());
  }
}

TEST_F(FastTextClassifierTest, TheNameSaysTheFormatTheDayAndTheNumberOfMails) {
  EXPECT_TRUE(trained().model_name().starts_with("fasttext-1 trained "));
  EXPECT_TRUE(trained().model_name().ends_with(" on 1500 mails"));
}

TEST_F(FastTextClassifierTest, SavedBytesLoadIntoAnotherClassifierThatClassifiesAlike) {
  const std::string bytes = trained().save();
  const auto other = untrained();
  other->load(bytes);
  EXPECT_EQ(other->model_name(), trained().model_name());
  EXPECT_EQ(other->save(), bytes);
  for (const auto& mail : {kBurningSmell, kQuote}) EXPECT_EQ(other->classify(mail), trained().classify(mail));
}

TEST_F(FastTextClassifierTest, BytesThatAreNotAModelAreRefusedNamingTheModelAndTheModelIsKept) {
  const std::string bytes = trained().save();
  const auto classifier = untrained();
  classifier->load(bytes);
  std::string flipped = bytes;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
  std::string other_format = bytes;
  other_format.replace(0, std::string_view("relais-mail-classifier fasttext-1").size(),
                       "relais-mail-classifier fasttext-9");
  for (const std::string& bad : {std::string(), std::string("hello"), bytes.substr(0, bytes.size() / 3),
                                 bytes.substr(0, 200), flipped, other_format, bytes + "x"}) {
    EXPECT_EQ(load_refusal(*classifier, bad), "model") << bad.size() << " bytes";
  }
  EXPECT_EQ(classifier->save(), bytes);
  EXPECT_EQ(classifier->classify(kQuote), trained().classify(kQuote));
}

TEST_F(FastTextClassifierTest, AModelFileNamedInTheConfigIsLoadedAtCreation) {
  const fs::path file = fs::temp_directory_path() / ("relais-mail-model-" + std::to_string(::getpid()) + ".bin");
  std::ofstream(file, std::ios::binary) << trained().save();
  const auto classifier = create({{"model_path", file.string()}});
  fs::remove(file);
  EXPECT_EQ(classifier->model_name(), trained().model_name());
  EXPECT_EQ(classifier->classify(kQuote), trained().classify(kQuote));
}

TEST_F(FastTextClassifierTest, TrainingTwiceOnTheSameExamplesGivesTheSameClassifications) {
  const auto again = untrained();
  again->train(small_corpus());
  for (const auto& mail : synth::generate_mails({.seed = 99, .count = 200})) {
    EXPECT_EQ(again->classify(mail.labelled.mail), trained().classify(mail.labelled.mail));
  }
}

TEST_F(FastTextClassifierTest, ManyThreadsClassifyAtOnceAndAgreeWithOneThread) {
  std::vector<spi::MailText> mails;
  for (auto& mail : synth::generate_mails({.seed = 5, .count = 400})) mails.push_back(std::move(mail.labelled.mail));
  std::vector<spi::Classification> expected;
  for (const auto& mail : mails) expected.push_back(trained().classify(mail));
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = t; i < mails.size(); ++i)
        mismatches[t] += trained().classify(mails[i]) == expected[i] ? 0 : 1;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::accumulate(mismatches.begin(), mismatches.end(), 0), 0);
}

TEST_F(FastTextClassifierTest, WithoutAModelPathTheShippedModelIsLoaded) {
  const auto shipped = create(json::object());
  EXPECT_TRUE(shipped->model_name().starts_with("fasttext-1 trained "));
  EXPECT_EQ(shipped->classify(kBurningSmell).category, MailCategory::breakdown);
  EXPECT_EQ(shipped->classify(kQuote).category, MailCategory::quote_request);
  EXPECT_LT(shipped->save().size(), 5'000'000u) << "the shipped model should stay a few megabytes at most";
}

}  // namespace
}  // namespace relais
