#pragma once
// The desk: interactions (calls, emails, visits, notes, SMS), caller lookup,
// tickets with their lifecycle, work lists and the customer 360° view.
// Every mutation is validated first (nothing written on error), runs in one
// transaction with its journal entry and publishes its event after commit.
// Phone-system call logs and legacy follow-up sheets come in through the
// imports at the end. See docs/desk.md.
#include <relais/customers/customer.h>
#include <relais/desk/desk_import.h>
#include <relais/desk/interaction.h>
#include <relais/desk/search.h>
#include <relais/desk/ticket.h>
#include <relais/export.h>
#include <relais/journal.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace relais {
inline namespace v1 {

namespace detail { class WorkspaceCore; }

// A customer owning the number, and the contact when it is a contact's.
struct CallerMatch {
  Customer customer;
  std::optional<Contact> contact;
};

struct CallerLookup {
  std::string number;                 // E.164
  std::string display;                // national form for French numbers: "06 12 34 56 78"
  std::vector<CallerMatch> matches;   // unarchived customers, by name
  // False: nobody has this number; a front end offers to create a customer.
  bool known() const noexcept { return !matches.empty(); }
};

struct InteractionPage {
  std::vector<Interaction> interactions;
  std::string next_cursor;            // "" on the last page
};

struct TimelineQuery {
  std::vector<InteractionKind> kinds; // empty: every kind
  std::size_t limit = 50;             // 1..500
  std::string after;                  // next_cursor of the previous page
};

// Work lists. Every set member narrows the list.
struct TicketQuery {
  std::optional<std::string> assignee;   // "" = unassigned
  std::optional<std::string> queue;
  std::vector<TicketStatus> statuses;    // empty: every status but closed
  std::optional<TicketKind> kind;
  std::optional<Uuid> customer;
  std::optional<std::string> requested_by;  // a technician's requests
  std::optional<Timestamp> due_before;   // due (or callback promised) before this time
  bool include_undated = false;          // with due_before: also tickets without either time
  std::size_t limit = 50;                // 1..500
  std::string after;                     // next_cursor of the previous page
};

// Ordered by due time (tickets without one last), then number.
struct TicketPage {
  std::vector<Ticket> tickets;
  std::string next_cursor;
};

struct CustomerViewCounts {
  std::map<std::string, std::int64_t> interactions;  // per kind: {"call": 12, "email": 3}
  std::int64_t open_tickets = 0;      // not resolved nor closed
  std::int64_t tickets = 0;           // all
};

// A part of the 360° view contributed by another area (quotes,
// interventions, stock used, surveys): counts and a few items as JSON text.
struct CustomerViewPart {
  std::map<std::string, std::int64_t> counts;
  std::vector<std::string> items;     // JSON objects, most recent first
};

struct CustomerView {
  Customer customer;                  // with its contacts and sites
  std::vector<Ticket> open_tickets;   // by due time
  InteractionPage timeline;           // most recent first
  CustomerViewCounts counts;
  std::map<std::string, CustomerViewPart> parts;  // by area name
};

// A request sent through the company's web form (docs/desk.md, "Web form").
// Text as typed; submit_web_request() checks and normalises it.
struct WebRequest {
  std::string name;                   // required
  // A phone or an email is required, to answer; each is checked when given.
  std::string phone;
  std::string email;
  // Where the work is. Optional; when any part is given, all three are
  // required (a French postcode).
  std::string street;
  std::string postcode;
  std::string city;
  TicketKind kind = TicketKind::information;  // not technician_request
  std::string message;                // required; becomes the ticket's description
  // GDPR: the person ticked the box agreeing to the processing of their data
  // (required), and which wording of that text they were shown (required,
  // e.g. "2026-01"). Kept with the time of submission in the journal.
  bool consent = false;
  std::string consent_version;
  // The spam trap: a field hidden from people that only robots fill in.
  std::string honeypot;
  // A robot filled the trap. A web server checks this first and answers as
  // if the request had been accepted, recording nothing, so that the robot
  // learns nothing; submit_web_request() refuses such a request.
  bool is_spam() const noexcept { return !honeypot.empty(); }
};

// How the request's customer was found: the duplicate matcher was sure of an
// existing customer; it found a probable one (a new customer was created and
// the pair queued for review); or nobody (a new customer was created).
enum class WebRequestMatch { sure, probable, created };
RELAIS_API std::string_view to_string(WebRequestMatch match) noexcept;

struct WebRequestResult {
  Ticket ticket;
  Customer customer;                  // as stored after the request
  WebRequestMatch matched = WebRequestMatch::created;
};

// Thread-safe; obtained from Workspace::desk() and valid while the
// Workspace lives. Every call passes the workspace's authorization point.
// Mutating calls on existing records take the version they expect and
// throw ConflictError (nothing written) when it is stale.
class RELAIS_API DeskService {
 public:
  explicit DeskService(detail::WorkspaceCore& core) : core_(core) {}

  // Customers and contacts owning `phone` (any common writing). Read only.
  // Throws InvalidInputError when it is not a phone number.
  CallerLookup lookup_caller(std::string_view phone) const;
  // The phone rings: looks the caller up and publishes IncomingCall (journal
  // entity "incoming_call", its changes carrying the number and the matched
  // customer ids), so that front ends pop the customer up.
  CallerLookup incoming_call(std::string_view phone);

  // Traces a call (event CallLogged). Throws InvalidInputError (bad number,
  // negative duration, a start before 2000 or more than a day ahead, a
  // customer missing while the outcome is not to_qualify, oversized text),
  // NotFoundError (customer, contact, site, ticket or user unknown, or not
  // the customer's).
  Interaction log_call(const CallDraft& draft);
  // Traces a visit, note, SMS or email (events VisitLogged, NoteLogged,
  // SmsLogged, EmailLogged). Same errors as log_call.
  Interaction log_interaction(const InteractionDraft& draft);
  Interaction update_interaction(const Uuid& id, std::int64_t expected_version, const InteractionChanges& changes);
  // Throws NotFoundError.
  Interaction get_interaction(const Uuid& id) const;
  // Calls imported from a phone system's log that nobody described yet,
  // oldest first.
  InteractionPage calls_to_qualify(std::size_t limit = 50, std::string_view after = {}) const;
  // A customer's interactions, most recent first. Throws NotFoundError.
  InteractionPage timeline(const Uuid& customer, const TimelineQuery& query = {}) const;

  // Opens a ticket with status new and the next number of the year (event
  // TicketOpened). Throws InvalidInputError, NotFoundError.
  Ticket open_ticket(const TicketDraft& draft);
  // Throws NotFoundError.
  Ticket get_ticket(const Uuid& id) const;
  // By human number ("T-2026-000042"). Throws NotFoundError.
  Ticket find_ticket(std::string_view number) const;
  Ticket update_ticket(const Uuid& id, std::int64_t expected_version, const TicketChanges& changes);
  // Sets or clears ("") the assignee, who must be an active user (event
  // TicketAssigned). Two users assigning at once: one wins, the other gets
  // ConflictError.
  Ticket assign(const Uuid& id, std::int64_t expected_version, std::string_view assignee);
  // Moves the ticket along its lifecycle (event TicketStatusChanged). An
  // illegal move throws InvalidInputError naming it ("closed -> scheduled");
  // reopening a closed ticket needs a `reason`, kept in the journal.
  Ticket set_status(const Uuid& id, std::int64_t expected_version, TicketStatus status,
                    std::string_view reason = {});
  // Moves a technician request's stage (event TicketStageChanged). Throws
  // InvalidInputError for another kind of ticket or an illegal move.
  Ticket set_stage(const Uuid& id, std::int64_t expected_version, TechnicianStage stage);
  // Adds a comment or internal note (event TicketCommented). Appending does
  // not change the ticket, so it takes no version.
  TicketComment add_comment(const Uuid& ticket, std::string_view text, bool internal = false);
  // Oldest first. Throws NotFoundError.
  std::vector<TicketComment> comments(const Uuid& ticket) const;
  // The ticket's journal entries (every change, with actor), oldest first.
  std::vector<JournalEntry> ticket_history(const Uuid& id) const;

  // Work lists. Throws InvalidInputError for a bad limit or cursor.
  TicketPage tickets(const TicketQuery& query = {}) const;
  // Open tickets whose due or callback time has passed, most late first.
  TicketPage overdue(std::size_t limit = 50) const;
  // The acting user's tickets not resolved nor closed, due by the end of
  // today (Paris time) or without a due time.
  TicketPage my_work_today(std::size_t limit = 50) const;

  // Turns a web-form request into a ticket (source web_form, the request's
  // kind, description = message, subject = the message's first line) in one
  // write transaction. The customer is found with the duplicate matcher
  // (CustomerService::check_duplicates): a sure match is that customer, who
  // gains the request's address as a work site when none of theirs has it;
  // a probable one gets a new customer with every candidate pair queued for
  // review (like the import); no match creates the customer (a person).
  // Also logs an inbound note on the ticket holding the message, and a
  // journal entry "web_request" (id: the ticket's) with the match, the
  // consent's time and text version and the contact details as submitted:
  // event WebRequestReceived, after TicketOpened and NoteLogged. Throws
  // InvalidInputError listing every bad field (a filled honeypot included),
  // ConflictError (the matched customer changed meanwhile: nothing written,
  // retry).
  WebRequestResult submit_web_request(const WebRequest& request);

  // Full-text search over customers, interactions and tickets (the words
  // and filters are described in relais/desk/search.h). Hits are ranked by
  // relevance, or listed newest first when the words match more records than
  // can be ranked quickly (SearchPage::by_recency). Read only. Throws
  // InvalidInputError naming "text" (empty, no letter or digit, longer than
  // 1,000 bytes, more than 16 words), "limit" (1 to 100), "to" (not after
  // `from`) or "after" (not a cursor of search). Never lets the words reach
  // the engine as query syntax.
  SearchPage search(const SearchQuery& query) const;

  // One call for the 360° view: the customer, its open tickets, the first
  // timeline page, counts, and the parts other areas contribute. Throws
  // NotFoundError.
  CustomerView customer_view(const Uuid& customer, const TimelineQuery& timeline = {}) const;

  // Brings a phone system's calls into the desk so that no call escapes the
  // trace; what a telephony connector's calls_since() returns goes here, and
  // import_call_log() ends here too. Each call not yet traced is logged
  // (event CallLogged) with outcome to_qualify, whether it was answered or
  // not (Interaction::source keeps what the phone system said, answered
  // included), so that calls_to_qualify() lists it; its customer (and
  // contact) is set when its number belongs to exactly one customer, left
  // empty otherwise; its user is phone_system.users[extension], else the
  // acting user. A call already traced is skipped: the same call id in the
  // same system, or a call of the same number from a minute before its start
  // to a minute after its end (one typed in by hand while it rang). So
  // importing the same calls again changes nothing. A call failing
  // log_call()'s checks (bad number, a time before 2000 or tomorrow, a
  // negative or day-long duration, a mapped user who is not active) is
  // rejected with its position in `calls` and the reason; the others are
  // still imported, `options.batch_size` per transaction. Throws
  // InvalidInputError for an empty system or a zero batch size.
  CallLogReport import_calls(const PhoneSystem& phone_system, const std::vector<CallRecord>& calls,
                             const DeskImportOptions& options = {});
  // import_calls() on a phone system's CSV export (UTF-8, Windows-1252 or
  // Latin-1, detected) read through a call-log profile (JSON, docs/desk.md).
  // Every data row ends imported, already_logged, ignored (a direction the
  // profile maps to "ignore") or rejected with its row and a reason naming
  // the line, column, profile key and value. Throws InvalidInputError for a
  // bad profile (naming the key at fault) or one that does not fit the file,
  // before anything is written.
  CallLogReport import_call_log(std::string_view csv_bytes, std::string_view profile_json,
                                const DeskImportOptions& options = {});
  // import_call_log() on files. Throws NotFoundError when one cannot be read.
  CallLogReport import_call_log_file(const std::string& path, const std::string& profile_path,
                                     const DeskImportOptions& options = {});

  // Imports the follow-up sheet the office kept before Relais (CSV, charset
  // detected) through a follow-up profile (JSON, docs/desk.md): each row
  // becomes a ticket (kind, status, source, priority and assignee mapped by
  // the profile's tables, the next number of the year) and a note on the
  // customer, dated the row's date and linked to the ticket (events
  // TicketOpened, NoteLogged). The customer is the one owning the row's
  // phone or email; when several do, the row's name picks the one with the
  // same matching name key (identity_keys()). A row matching no customer,
  // or several, is rejected (customers come from the customer imports; a
  // sheet does not create any), as is a row failing open_ticket()'s
  // checks. Every row ends
  // imported, already_imported (its row key came in before: importing again
  // changes nothing) or rejected with its row and reason. Throws
  // InvalidInputError for a bad profile or one that does not fit the file.
  FollowUpReport import_follow_up(std::string_view csv_bytes, std::string_view profile_json,
                                  const DeskImportOptions& options = {});
  // import_follow_up() on files. Throws NotFoundError when one cannot be read.
  FollowUpReport import_follow_up_file(const std::string& path, const std::string& profile_path,
                                       const DeskImportOptions& options = {});

 private:
  detail::WorkspaceCore& core_;
};

}  // namespace v1
}  // namespace relais
