#pragma once
// The classifier SPI: what a plugin of kind "classifier" implements to sort
// incoming mail into the categories and urgencies of
// relais/inbox/mail_category.h. The inbox decodes a mail, strips its quoted
// replies and signature, and asks the classifier; a category whose
// confidence is below the inbox's threshold sends the mail to triage, where
// the assistant's correction becomes a LabelledMail for the next train().
//
//   auto classifier = host.create_as<spi::MailClassifier>("classifier", "fasttext", config);
//   spi::Classification result = classifier->classify({subject, sender, body});
//   if (result.confidence < threshold) { /* triage */ }
//   classifier->train(generated_and_corrected);   // later, from a maintenance job
//   store(classifier->save());                     // the host keeps the model
//
// Ownership: the host owns the object (through the descriptor's destroy())
// and the bytes save() returns; the plugin keeps no reference to what it is
// given.
//
// Threads: classify(), model_name() and save() are const and may be called
// from any number of threads at once, once the object is built. train() and
// load() replace the model: they must not run concurrently with any other
// call on the same object (the host holds them apart, e.g. by training a new
// object and swapping it in).
//
// Errors: everything thrown is a relais::Error. A bad `config` in create()
// is an InvalidInputError naming "config.<key>" (see plugin.h).
#include <relais/errors.h>
#include <relais/inbox/mail_category.h>
#include <relais/spi/plugin_kind.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace relais::inline v1::spi {

// What the host gives a classifier, already decoded to UTF-8.
struct MailText {
  std::string subject;
  std::string sender;  // the sender's address ("jean.dupont@orange.fr")
  std::string body;    // the new text of the mail, without quoted replies and signature
  bool operator==(const MailText&) const = default;
};

// A mail with the category and urgency it should get: generated, or
// corrected by the assistant.
struct LabelledMail {
  MailText mail;
  MailCategory category;
  MailUrgency urgency;
  bool operator==(const LabelledMail&) const = default;
};

struct Classification {
  MailCategory category;
  double confidence;  // 0..1: how sure the model is of `category`
  MailUrgency urgency;
  double urgency_confidence;  // 0..1
  // Every category the model considered with its confidence, best first
  // (`category` first). Confidences add up to 1, give or take rounding;
  // empty when the mail has nothing the model knows.
  std::vector<std::pair<MailCategory, double>> ranked;
  bool operator==(const Classification&) const = default;
};

class MailClassifier {
 public:
  virtual ~MailClassifier() = default;

  // Names the current model for logs and for the record of each
  // classification: "fasttext-1 trained 2026-11-24 on 12000 mails". Empty
  // when there is no model yet.
  virtual std::string model_name() const = 0;

  // Sorts one mail. Never throws for the text itself (empty fields, any
  // language, any length); a mail with nothing the model knows gets
  // category `other` with confidence 0, which sends it to triage. Throws
  // PluginError when there is no model (none loaded, none trained).
  virtual Classification classify(const MailText& mail) const = 0;

  // Trains a new model from `examples` (replacing the current one): the
  // host passes its generated corpus together with the assistant's
  // corrections. Deterministic: the same examples and configuration give
  // the same classifications. Throws InvalidInputError naming "examples"
  // when there is nothing to learn from, StorageError when scratch space
  // cannot be written; the current model is kept then.
  virtual void train(const std::vector<LabelledMail>& examples) = 0;

  // The current model as bytes, for the host to store (in the workspace, a
  // file). load() of these bytes, by this plugin in another process or
  // version of the same model format, gives the same classifications.
  // Throws PluginError when there is no model.
  virtual std::string save() const = 0;

  // Replaces the current model with one that save() wrote. Throws
  // InvalidInputError naming "model" for bytes that are not such a model
  // (truncated, corrupted, another plugin's); the current model is kept
  // then.
  virtual void load(std::string_view model) = 0;
};

template <>
struct PluginKind<MailClassifier> {
  static constexpr const char* name = "classifier";
};

}  // namespace relais::inline v1::spi
