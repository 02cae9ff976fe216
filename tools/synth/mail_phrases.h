#pragma once
// The words behind the synthetic mail, in French (and a little English),
// kept apart from the generator's logic and written in the language of
// mail_template.h. Private to tools/synth.
//
// A mail is a way of writing (a style: a formal letter, a text typed on a
// phone, a syndic's request, a web form...) wrapped around what it is about
// (its category's content). Styles are shared by every category they fit:
// their wrappers name the category's content through the same table names
// (ask, ask_short, context, detail, subject, topic, en_ask, en_subject),
// which each category fills. Mail that only one category
// receives (order confirmations, newsletters, a colleague's note) has
// families of its own. A family is one category written one way, so that a
// family held out of training is a way of writing that category never had
// in training, about things training knew.
#include <relais/inbox/mail_category.h>

#include "mail_template.h"

#include <span>
#include <string_view>

namespace relais::synth::data {

// Who writes, which decides the sender's address.
enum class Sender {
  person,            // a private customer, at a consumer mail provider
  english_person,    // a British or American customer living in Brittany
  business,          // a shop, a restaurant, a firm: its own domain
  property_manager,  // a syndic or letting agency
  web_form,          // the company's contact form, sent by the site
  supplier,          // a wholesaler or manufacturer
  colleague,         // at the company's own domain
  colleague_phone,   // a technician from his phone: the company's mailbox or his own
  bulk,              // a newsletter or marketing platform
  scam,              // phishing and spam domains
  insurer,           // an insurance company's claims department
  institution,       // a town hall, a school, a club, a utility
};

// How carefully it is typed, which decides the slips (mail_noise.h); a
// machine (an order confirmation, a newsletter) never slips.
enum class Writing { machine, careful, plain, hurried, phone, sms };

// A way of writing that fits several categories.
struct MailStyle {
  std::string_view name;  // "web_form"
  Sender sender;
  Writing writing;
  std::span<const std::string_view> subjects;
  std::span<const std::string_view> bodies;
  std::span<const PhraseTable> words;  // the style's own tables
};

struct MailFamily {
  MailCategory category;
  std::string_view style;     // the family's id is "<category>/<style>": "breakdown/sms"
  std::size_t weight;         // how often, against the category's other families
  MailUrgency usual_urgency;  // unless a phrase says {urgent} or {low}
  Sender sender;
  Writing writing;
  std::span<const std::string_view> subjects;
  std::span<const std::string_view> bodies;
  std::span<const PhraseTable> own_words;     // the family's tables, looked up first
  std::span<const PhraseTable> shared_words;  // its category's, looked up next
};

// The family writing `category`, whose tables are `content`, in `style`.
constexpr MailFamily styled(MailCategory category, const MailStyle& style, std::size_t weight, MailUrgency urgency,
                            std::span<const PhraseTable> content) {
  return {category,      style.name,     weight,       urgency,     style.sender,
          style.writing, style.subjects, style.bodies, style.words, content};
}

// Quote requests, breakdowns, after-sales and complaints, maintenance.
std::span<const MailFamily> customer_request_families();
// Information requests, administrative mail, suppliers, colleagues.
std::span<const MailFamily> office_families();
// Newsletters and spam, and everything else.
std::span<const MailFamily> bulk_and_other_families();

// Greetings, closings, signatures, places, the works of an electrician...:
// looked up last, by every family.
std::span<const PhraseTable> common_words();

}  // namespace relais::synth::data
