#pragma once
// A deterministic generator of the mail a small electrical contractor in
// Brittany receives, in French (and a little English), labelled with its
// category and urgency: the corpus the mail classifier is trained and
// evaluated on. Each mail records the template family that wrote it (a
// distinct way of writing: a formal letter, a text typed on a phone, a
// syndic's request, an order confirmation...), so that evaluation can hold
// whole families out of training. The same options give the same mails on
// any machine.
#include <relais/spi/classifier.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace relais::synth {

struct MailOptions {
  std::uint64_t seed = 20261124;
  std::size_t count = 12'000;
  // The company's own domain: colleagues write from it, its web form sends
  // from it.
  std::string company_domain = "duret-electricite.fr";
};

struct SyntheticMail {
  spi::LabelledMail labelled;
  std::string family;  // "breakdown/sms": the category, then the way of writing
};

struct MailFamilyId {
  std::string id;  // "breakdown/sms"
  MailCategory category;
};

// Every template family, those of one category together, each category's in
// a fixed order.
std::vector<MailFamilyId> mail_families();

// `options.count` mails. Categories come in the proportions of a real
// inbox (quote requests and suppliers most, "other" least); within a
// category, families by their weight (English-speaking customers are rare).
std::vector<SyntheticMail> generate_mails(const MailOptions& options);

}  // namespace relais::synth
