#pragma once
// Satisfaction surveys: the company's questionnaire (a web form elsewhere)
// sent by mail after a ticket is resolved, relaunched, and its answers
// brought back. Plain value types. See docs/surveys.md.
#include <relais/clock.h>
#include <relais/customers/import.h>  // ImportRejection
#include <relais/export.h>
#include <relais/ids.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

// A survey's life:
//   pending   created, its mail not delivered yet (or delivery failed:
//             last_error says why; send_due() tries again)
//   sent      delivered (relaunches keep it sent, counting them)
//   answered  an answer was recorded (from any state but skipped)
//   expired   no answer after the last relaunch's delay
//   cancelled cancelled by a person
//   skipped   never sent: the customer has no email address
enum class SurveyState { pending, sent, answered, expired, cancelled, skipped };
RELAIS_API std::string_view to_string(SurveyState state) noexcept;
// Throws InvalidInputError naming `field` and the value.
RELAIS_API SurveyState parse_survey_state(std::string_view text, std::string_view field = "state");

// Per-workspace survey settings (one record, versioned, admin only).
struct SurveySettings {
  // The questionnaire's address for one survey; {token} is replaced by the
  // survey's token (required), {ticket} by the ticket's number.
  // "" = not configured: nothing is sent.
  std::string url_template;
  // The configured mailbox (InboxService::configure_mailbox) whose mail
  // connector sends the surveys.
  std::string mailbox;
  // The sender; "" = the inbox settings' reply_from / reply_name.
  std::string from_address;
  std::string from_name;
  // {ticket}, {subject} (the ticket's), {name} (the customer or contact),
  // {url} (the questionnaire, required in the body) and {company}
  // (from_name) are replaced.
  std::string subject_template = "Votre avis sur notre intervention ({ticket})";
  std::string body_template =
      "Bonjour {name},\n\n"
      "Votre demande « {subject} » ({ticket}) est maintenant traitée. Pourriez-vous nous dire en une minute "
      "ce que vous avez pensé de notre intervention ?\n\n"
      "{url}\n\n"
      "Votre avis nous aide à mieux vous servir. Merci d'avance !\n\n"
      "Cordialement,\n"
      "{company}";
  // The subject of a relaunch; "" = "Rappel : " + the subject.
  std::string relaunch_subject_template = "Rappel : votre avis sur notre intervention ({ticket})";
  // A survey not answered is relaunched this many days after its last mail
  // (1 to 365), at most max_relaunches times (0 to 10); once the last
  // relaunch's delay has passed too, it expires.
  int relaunch_delay_days = 7;
  int max_relaunches = 2;
  // Resolved tickets get a survey by themselves (send_due()). Off: only
  // send() does.
  bool automatic = true;
  // Tickets resolved before this instant never get one automatically (the
  // past is not surveyed when surveys are switched on). configure() sets it
  // to its own time when automatic is on and it is unset.
  std::optional<Timestamp> resolved_since;
  std::int64_t version = 0;
  bool operator==(const SurveySettings&) const = default;
};

struct Survey {
  Uuid id;
  // What was surveyed: "ticket" and the ticket's id (later "intervention").
  std::string target_kind;
  std::string target_id;
  std::string target_label;           // the ticket's number "T-2026-000042"
  Uuid customer;
  std::string customer_name;
  std::string recipient;              // the address the survey went to ("" when skipped)
  std::string token;                  // opaque, unique; in the questionnaire's URL
  SurveyState state = SurveyState::pending;
  int relaunches = 0;                 // relaunch mails sent
  std::optional<int> score;           // 0 to 10, once answered
  std::string comment;
  std::string last_error;             // why the last delivery failed, or why it was skipped
  Timestamp created_at{};
  std::optional<Timestamp> sent_at;        // the first mail
  std::optional<Timestamp> last_sent_at;   // the latest mail (first or relaunch)
  std::optional<Timestamp> answered_at;
  Timestamp updated_at{};
  std::int64_t version = 0;
  bool operator==(const Survey&) const = default;
};

struct SurveyQuery {
  std::vector<SurveyState> states;    // empty: every state
  std::optional<Uuid> customer;
  std::size_t limit = 50;             // 1..500
  std::string after;                  // next_cursor of the previous page
};

// Most recent first.
struct SurveyPage {
  std::vector<Survey> surveys;
  std::string next_cursor;            // "" on the last page
};

// What send_due() or relaunch_due() did.
struct SurveySendReport {
  std::vector<Survey> sent;           // delivered (first mails, or relaunches)
  std::vector<Survey> failed;         // delivery failed: recorded, tried again later
  std::vector<Survey> skipped;        // customers without an email: reported once
  std::vector<Survey> expired;        // relaunch_due(): no answer after the last relaunch
};

// A customer to call back: an answer of 0 to 6.
struct Detractor {
  Uuid survey;
  Uuid customer;
  std::string customer_name;
  std::string ticket;                 // the number
  int score = 0;
  std::string comment;
  Timestamp answered_at{};
  bool operator==(const Detractor&) const = default;
};

// The surveys first sent in [from, to), and their answers.
struct SurveyFigures {
  Timestamp from{};
  Timestamp to{};
  std::int64_t sent = 0;
  std::int64_t answered = 0;
  double response_rate = 0;           // answered / sent, 0 when none sent
  std::optional<double> average_score;  // none without an answer
  std::int64_t promoters = 0;         // 9-10
  std::int64_t passives = 0;          // 7-8
  std::int64_t detractors = 0;        // 0-6
  // % promoters - % detractors of the answers (-100 to 100); none without
  // an answer.
  std::optional<double> nps;
  std::vector<Detractor> to_call_back;  // lowest score first, then oldest answer
};

// What an answer import did. rows == answered + unchanged + rejected.
struct SurveyImportReport {
  std::string charset;                // as detected
  std::size_t rows = 0;
  std::size_t answered = 0;           // answers recorded
  std::size_t unchanged = 0;          // the same answer was already recorded
  std::size_t rejected = 0;
  // Each names the line, the column and the value.
  std::vector<ImportRejection> rejections;
};

// Pure: the NPS class of a score (0 to 10).
enum class ScoreClass { detractor, passive, promoter };
RELAIS_API ScoreClass classify_score(int score) noexcept;

}  // namespace v1
}  // namespace relais
