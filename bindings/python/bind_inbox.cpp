// The inbox: Workspace.inbox, its enums and value types (Mail, DispatchRule,
// InboxSettings, Mailbox, FetchReport, IngestResult, FaqEntry...). Runs
// after bind_desk() (Ticket, Direction and TicketPriority are bound there).
#include "desk_args.h"

#include <relais/inbox/inbox_service.h>
#include <relais/inbox/mail_corpus.h>

#include <span>

namespace relais::python {

template <>
struct EnumMembers<MailCategory> {
  static constexpr std::array members{
      std::pair{MailCategory::quote_request, "quote_request"},
      std::pair{MailCategory::breakdown, "breakdown"},
      std::pair{MailCategory::after_sales, "after_sales"},
      std::pair{MailCategory::maintenance_appointment, "maintenance_appointment"},
      std::pair{MailCategory::information_request, "information_request"},
      std::pair{MailCategory::administrative, "administrative"},
      std::pair{MailCategory::supplier, "supplier"},
      std::pair{MailCategory::internal, "internal"},
      std::pair{MailCategory::newsletter_spam, "newsletter_spam"},
      std::pair{MailCategory::other, "other"},
  };
};

template <>
struct EnumMembers<MailUrgency> {
  static constexpr std::array members{std::pair{MailUrgency::low, "low"}, std::pair{MailUrgency::normal, "normal"},
                                      std::pair{MailUrgency::urgent, "urgent"}};
};

template <>
struct EnumMembers<MailState> {
  static constexpr std::array members{
      std::pair{MailState::triage, "triage"}, std::pair{MailState::ticket_opened, "ticket_opened"},
      std::pair{MailState::joined_ticket, "joined_ticket"}, std::pair{MailState::filed, "filed"},
      std::pair{MailState::sent, "sent"}};
};

template <>
struct EnumMembers<MailMatch> {
  static constexpr std::array members{
      std::pair{MailMatch::none, "none"}, std::pair{MailMatch::sender_address, "sender_address"},
      std::pair{MailMatch::phone, "phone"}, std::pair{MailMatch::siret, "siret"}, std::pair{MailMatch::name, "name"}};
};

template <>
struct EnumMembers<MailThread> {
  static constexpr std::array members{
      std::pair{MailThread::none, "none"}, std::pair{MailThread::references, "references"},
      std::pair{MailThread::subject_tag, "subject_tag"}, std::pair{MailThread::sender_subject, "sender_subject"}};
};

template <>
struct EnumMembers<DispatchAction> {
  static constexpr std::array members{std::pair{DispatchAction::open_or_join, "open_or_join"},
                                      std::pair{DispatchAction::join_only, "join_only"},
                                      std::pair{DispatchAction::file, "file"}};
};

namespace {

using Release = py::call_guard<py::gil_scoped_release>;
using Categories = std::vector<EnumArg<MailCategory>>;
// A connector config: its text, or a dict written as JSON.
using ConfigArg = std::variant<std::string, py::dict>;

std::string config_text(const ConfigArg& config) {
  if (const auto* text = std::get_if<std::string>(&config)) return *text;
  return py::module_::import("json").attr("dumps")(std::get<py::dict>(config)).cast<std::string>();
}

DispatchRuleDraft make_rule(std::string name, int position, bool enabled, const Categories& categories,
                            const OptionalId& customer, std::string customer_tag, Strings keywords,
                            std::string sender_domain, const EnumArg<DispatchAction>& action, std::string queue,
                            std::string assignee, const std::optional<EnumArg<TicketPriority>>& priority,
                            bool acknowledge) {
  DispatchRuleDraft draft;
  draft.name = std::move(name);
  draft.position = position;
  draft.enabled = enabled;
  draft.when.categories = enum_list(categories, "when.categories");
  if (customer) draft.when.customer = to_uuid(*customer, "when.customer");
  draft.when.customer_tag = std::move(customer_tag);
  draft.when.keywords = std::move(keywords);
  draft.when.sender_domain = std::move(sender_domain);
  draft.action = to_enum(action, "action");
  draft.queue = std::move(queue);
  draft.assignee = std::move(assignee);
  if (priority) draft.priority = to_enum(*priority, "priority");
  draft.acknowledge = acknowledge;
  return draft;
}

// The keywords of add_rule() and update_rule(), in make_rule()'s order.
template <typename Class, typename Fn>
void def_rule_method(Class& cls, const char* name, Fn&& fn, const char* doc) {
  cls.def(name, std::forward<Fn>(fn), py::arg("name"), py::kw_only(), py::arg("position") = 0,
          py::arg("enabled") = true, py::arg("categories") = Categories(), py::arg("customer") = py::none(),
          py::arg("customer_tag") = "", py::arg("keywords") = Strings(), py::arg("sender_domain") = "",
          py::arg("action") = DispatchAction::open_or_join, py::arg("queue") = "", py::arg("assignee") = "",
          py::arg("priority") = py::none(), py::arg("acknowledge") = false, doc);
}

void bind_enums(py::module_& m) {
  bind_enum<MailCategory>(m, "MailCategory",
                          "What a mail is about (DOMAIN.md): QUOTE_REQUEST, BREAKDOWN, AFTER_SALES, "
                          "MAINTENANCE_APPOINTMENT, INFORMATION_REQUEST, ADMINISTRATIVE, SUPPLIER, INTERNAL, "
                          "NEWSLETTER_SPAM, OTHER. Its name ('supplier') is accepted too.");
  bind_enum<MailUrgency>(m, "MailUrgency", "LOW, NORMAL or URGENT. Its name is accepted too.");
  bind_enum<MailState>(m, "MailState",
                       "Where a mail stands: TRIAGE (waiting for the assistant), TICKET_OPENED, JOINED_TICKET, FILED, "
                       "SENT (an outgoing mail).");
  bind_enum<MailMatch>(m, "MailMatch", "How the sender was recognised: NONE, SENDER_ADDRESS, PHONE, SIRET, NAME.");
  bind_enum<MailThread>(m, "MailThread",
                        "How the mail joined its ticket: NONE, REFERENCES (its headers), SUBJECT_TAG "
                        "('[T-2026-000123]'), SENDER_SUBJECT (same sender and subject, a reply, within the window).");
  bind_enum<DispatchAction>(m, "DispatchAction",
                            "What a rule does: OPEN_OR_JOIN (the thread's ticket, else a new one), JOIN_ONLY (the "
                            "thread's ticket, else file), FILE. Its name is accepted too.");
}

void bind_mail(py::module_& m) {
  py::class_<MailAttachmentInfo>(m, "MailAttachment", "An attachment of a stored mail.")
      .def_readonly("filename", &MailAttachmentInfo::filename)
      .def_readonly("content_type", &MailAttachmentInfo::content_type)
      .def_readonly("size", &MailAttachmentInfo::size, "Decoded size in bytes.")
      .def_readonly("sha256", &MailAttachmentInfo::sha256, "The key of its bytes (InboxService.attachment()); '' when not kept.")
      .def_readonly("kept", &MailAttachmentInfo::kept, "False when over the size limit (recorded only).")
      .def("__repr__", [](const MailAttachmentInfo& a) {
        return "relais.MailAttachment(filename=" + quoted(a.filename) + ", size=" + std::to_string(a.size) + ")";
      });
  py::class_<ContactSuggestion>(m, "ContactSuggestion", "An unknown sender, as the mail gives it.")
      .def_readonly("name", &ContactSuggestion::name)
      .def_readonly("email", &ContactSuggestion::email)
      .def_readonly("phones", &ContactSuggestion::phones, "E.164 numbers found in the text.")
      .def("__repr__", [](const ContactSuggestion& s) {
        return "relais.ContactSuggestion(name=" + quoted(s.name) + ", email=" + quoted(s.email) + ")";
      });
  py::class_<Mail>(m, "Mail", "A stored mail, incoming or outgoing, with what the inbox made of it.")
      .def_readonly("id", &Mail::id)
      .def_readonly("mailbox", &Mail::mailbox, "The configured mailbox; '' when ingested by hand.")
      .def_readonly("message_id", &Mail::message_id, "Without <>; 'sha256:<hex>' for a mail without one.")
      .def_readonly("direction", &Mail::direction)
      .def_readonly("from_name", &Mail::from_name)
      .def_readonly("from_address", &Mail::from_address)
      .def_readonly("to", &Mail::to)
      .def_readonly("cc", &Mail::cc)
      .def_readonly("subject", &Mail::subject)
      .def_readonly("sent_at", &Mail::sent_at, "The Date header (aware datetime, UTC), or None.")
      .def_readonly("received_at", &Mail::received_at, "When Relais stored it.")
      .def_readonly("text", &Mail::text, "The whole body as text.")
      .def_readonly("new_text", &Mail::new_text, "Without quoted replies and signature.")
      .def_readonly("signature", &Mail::signature)
      .def_readonly("problems", &Mail::problems, "What was odd while parsing.")
      .def_readonly("parse_error", &Mail::parse_error, "'' when parsed.")
      .def_readonly("attachments", &Mail::attachments)
      .def_readonly("automatic", &Mail::automatic, "Sent by a machine (auto-reply, list, bounce), so never acknowledged.")
      .def_readonly("customer", &Mail::customer)
      .def_readonly("contact", &Mail::contact)
      .def_readonly("ticket", &Mail::ticket)
      .def_readonly("interaction", &Mail::interaction, "The email interaction logged on the customer.")
      .def_readonly("match", &Mail::match)
      .def_readonly("suggestion", &Mail::suggestion, "A relais.ContactSuggestion when nobody matched.")
      .def_readonly("thread", &Mail::thread)
      .def_readonly("category", &Mail::category, "A MailCategory; None before classification.")
      .def_readonly("confidence", &Mail::confidence)
      .def_readonly("urgency", &Mail::urgency)
      .def_readonly("corrected", &Mail::corrected, "The category was set by a person.")
      .def_readonly("rule", &Mail::rule, "The dispatch rule applied ('' none).")
      .def_readonly("queue", &Mail::queue)
      .def_readonly("state", &Mail::state)
      .def_readonly("updated_at", &Mail::updated_at)
      .def_readonly("version", &Mail::version, "Pass back to correct().")
      .def("__eq__", [](const Mail& a, const Mail& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Mail& mail) {
        return "relais.Mail(from_address=" + quoted(mail.from_address) + ", subject=" + quoted(mail.subject) +
               ", state=" + quoted(std::string(to_string(mail.state))) + ")";
      });
  py::class_<MailPage>(m, "MailPage", "A page of mails; pass next_cursor back as `after` ('' on the last page).")
      .def_readonly("mails", &MailPage::mails)
      .def_readonly("next_cursor", &MailPage::next_cursor)
      .def("__iter__", [](const MailPage& page) { return py::make_iterator(page.mails.begin(), page.mails.end()); },
           py::keep_alive<0, 1>())
      .def("__len__", [](const MailPage& page) { return page.mails.size(); });
  py::class_<IngestResult>(m, "IngestResult", "What ingest() or correct() did with one mail.")
      .def_readonly("mail", &IngestResult::mail)
      .def_readonly("duplicate", &IngestResult::duplicate, "True when already stored (nothing changed).")
      .def_readonly("ticket", &IngestResult::ticket, "The relais.Ticket opened or joined, or None.")
      .def_readonly("acknowledgement", &IngestResult::acknowledgement, "The acknowledgement sent (a Mail), or None.")
      .def("__repr__", [](const IngestResult& r) {
        return "relais.IngestResult(state=" + quoted(std::string(to_string(r.mail.state))) +
               ", duplicate=" + (r.duplicate ? "True" : "False") + ")";
      });
  py::class_<FetchReport>(m, "FetchReport", "What one fetch() read.")
      .def_readonly("mailbox", &FetchReport::mailbox)
      .def_readonly("fetched", &FetchReport::fetched)
      .def_readonly("stored", &FetchReport::stored)
      .def_readonly("already_stored", &FetchReport::already_stored)
      .def_readonly("unreadable", &FetchReport::unreadable)
      .def_readonly("cursor", &FetchReport::cursor)
      .def("__repr__", [](const FetchReport& r) {
        return "relais.FetchReport(mailbox=" + quoted(r.mailbox) + ", fetched=" + std::to_string(r.fetched) +
               ", stored=" + std::to_string(r.stored) + ")";
      });
}

void bind_configuration(py::module_& m) {
  py::class_<DispatchRule>(m, "DispatchRule", "A dispatch rule (InboxService.rules()).")
      .def_readonly("id", &DispatchRule::id)
      .def_readonly("name", &DispatchRule::name)
      .def_readonly("position", &DispatchRule::position)
      .def_readonly("enabled", &DispatchRule::enabled)
      .def_property_readonly("categories", [](const DispatchRule& r) { return r.when.categories; })
      .def_property_readonly("customer", [](const DispatchRule& r) { return r.when.customer; })
      .def_property_readonly("customer_tag", [](const DispatchRule& r) { return r.when.customer_tag; })
      .def_property_readonly("keywords", [](const DispatchRule& r) { return r.when.keywords; })
      .def_property_readonly("sender_domain", [](const DispatchRule& r) { return r.when.sender_domain; })
      .def_readonly("action", &DispatchRule::action)
      .def_readonly("queue", &DispatchRule::queue)
      .def_readonly("assignee", &DispatchRule::assignee)
      .def_readonly("priority", &DispatchRule::priority)
      .def_readonly("acknowledge", &DispatchRule::acknowledge)
      .def_readonly("version", &DispatchRule::version)
      .def("__eq__", [](const DispatchRule& a, const DispatchRule& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const DispatchRule& r) {
        return "relais.DispatchRule(name=" + quoted(r.name) + ", action=" + quoted(std::string(to_string(r.action))) +
               ", queue=" + quoted(r.queue) + ")";
      });
  py::class_<InboxSettings>(m, "InboxSettings", "The inbox settings; change a copy and pass it to configure().")
      .def(py::init<>())
      .def_readwrite("attachment_limit_bytes", &InboxSettings::attachment_limit_bytes)
      .def_readwrite("thread_window_days", &InboxSettings::thread_window_days)
      .def_readwrite("confidence_threshold", &InboxSettings::confidence_threshold)
      .def_readwrite("classifier_plugin", &InboxSettings::classifier_plugin)
      .def_readwrite("reply_from", &InboxSettings::reply_from)
      .def_readwrite("reply_name", &InboxSettings::reply_name)
      .def_readwrite("acknowledgement_template", &InboxSettings::acknowledgement_template)
      .def_readwrite("version", &InboxSettings::version)
      .def("__repr__", [](const InboxSettings& s) {
        return "relais.InboxSettings(reply_from=" + quoted(s.reply_from) + ", version=" + std::to_string(s.version) + ")";
      });
  py::class_<Mailbox>(m, "Mailbox", "A configured mailbox.")
      .def_readonly("name", &Mailbox::name)
      .def_readonly("plugin", &Mailbox::plugin)
      .def_readonly("config", &Mailbox::config)
      .def_readonly("cursor", &Mailbox::cursor)
      .def_readonly("version", &Mailbox::version)
      .def("__repr__", [](const Mailbox& b) {
        return "relais.Mailbox(name=" + quoted(b.name) + ", plugin=" + quoted(b.plugin) + ")";
      });
  py::class_<FaqEntry>(m, "FaqEntry", "A question and its answer.")
      .def_readonly("id", &FaqEntry::id)
      .def_readonly("question", &FaqEntry::question)
      .def_readonly("answer", &FaqEntry::answer)
      .def_readonly("tags", &FaqEntry::tags)
      .def_readonly("version", &FaqEntry::version)
      .def("__eq__", [](const FaqEntry& a, const FaqEntry& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const FaqEntry& e) { return "relais.FaqEntry(question=" + quoted(e.question) + ")"; });
  py::class_<FaqSuggestion>(m, "FaqSuggestion", "A FAQ entry answering a text, with the engine's relevance.")
      .def_readonly("entry", &FaqSuggestion::entry)
      .def_readonly("score", &FaqSuggestion::score, "Higher is better.")
      .def("__repr__", [](const FaqSuggestion& s) {
        return "relais.FaqSuggestion(question=" + quoted(s.entry.question) + ")";
      });
}

void bind_service(py::module_& m) {
  py::class_<InboxService> inbox(m, "InboxService",
                                 "Mail intake (Workspace.inbox; docs/inbox.md): ingest, fetch, triage, corrections, "
                                 "dispatch rules, mailboxes and the FAQ. Thread-safe; every call releases the GIL.");
  inbox
      .def("ingest", [](InboxService& service, const std::string& raw, const std::string& mailbox) {
        py::gil_scoped_release release;
        return service.ingest(raw, mailbox);
      }, py::arg("raw"), py::arg("mailbox") = "",
           "Stores one raw message (bytes or str) received in `mailbox` ('' by hand), once per Message-ID: "
           "matched, threaded, classified and dispatched. A message that cannot be parsed is stored in triage with "
           "its error. Returns a relais.IngestResult (duplicate=True when already stored). Raises "
           "InvalidInputError ('raw' empty), NotFoundError ('mailbox'), PluginError. Releases the GIL.")
      .def("ingest_many", [](InboxService& service, const std::vector<std::string>& raws, const std::string& mailbox) {
        py::gil_scoped_release release;
        return service.ingest(std::span<const std::string>(raws), mailbox);
      }, py::arg("raws"), py::arg("mailbox") = "",
           "Stores many raw messages (a list of bytes or str) as ingest() stores one, committing once for the "
           "batch: one relais.IngestResult per message, in order. A Message-ID given twice is stored once (the "
           "second result has duplicate=True); a reply threads into the ticket its original opened in the same "
           "batch; an unreadable message is stored in triage. When the transaction fails nothing of the batch is "
           "written and the error is raised. Events follow the commit, in order. Raises InvalidInputError naming "
           "each empty message ('raws[3]', nothing written), NotFoundError ('mailbox'), PluginError. Releases the "
           "GIL.")
      .def("retrain", [](InboxService& service, const std::optional<std::variant<std::string, py::object>>& corpus) {
        std::optional<std::string> path;
        if (corpus) {
          if (const auto* text = std::get_if<std::string>(&*corpus)) {
            path = *text;
          } else {
            path = py::module_::import("os").attr("fspath")(std::get<py::object>(*corpus)).cast<std::string>();
          }
        }
        py::gil_scoped_release release;
        return path ? service.retrain(read_mail_corpus(*path)) : service.retrain();
      }, py::arg("corpus") = py::none(),
           "Trains a new model of the classifier plugin on a base corpus plus every correction stored, stores it in "
           "the workspace (every process then classifies with it) and uses it; returns the model's name. `corpus`: "
           "None for the corpus shipped with Relais (relais.shipped_mail_corpus_path()), or the path of a corpus "
           "file (JSON Lines: one {\"category\", \"urgency\", \"subject\", \"sender\", \"body\"} object a line). "
           "Admin only, journaled. Raises PermissionDeniedError, PluginError, NotFoundError (no corpus file), "
           "InvalidInputError ('corpus:<line>', 'examples'). Takes seconds (the shipped corpus: about 2 s for "
           "fastText). Releases the GIL.")
      .def("fetch", &InboxService::fetch, py::arg("mailbox"), py::arg("batch") = 50, Release(),
           "Reads and ingests what arrived in a configured mailbox since its cursor, `batch` at a time, then "
           "acknowledges and saves the cursor. Returns a relais.FetchReport. Releases the GIL.")
      .def("get", [](const InboxService& s, const IdArg& id) { return s.get(to_uuid(id, "mail")); }, py::arg("mail"),
           "One stored mail. Raises NotFoundError.")
      .def("raw", [](const InboxService& s, const IdArg& id) {
        std::string bytes;
        {
          py::gil_scoped_release release;
          bytes = s.raw(to_uuid(id, "mail"));
        }
        return py::bytes(bytes);
      }, py::arg("mail"), "The raw bytes as received. Raises NotFoundError (also when over the limit, not kept).")
      .def("attachment", [](const InboxService& s, const std::string& sha256) {
        std::string bytes;
        {
          py::gil_scoped_release release;
          bytes = s.attachment(sha256);
        }
        return py::bytes(bytes);
      }, py::arg("sha256"), "A kept attachment's bytes. Raises NotFoundError.")
      .def("thread", [](const InboxService& s, const IdArg& ticket) { return s.thread(to_uuid(ticket, "ticket")); },
           py::arg("ticket"), "The mails of a ticket, oldest first. Raises NotFoundError.")
      .def("triage", &InboxService::triage, py::arg("limit") = 50, py::arg("after") = "", Release(),
           "Mails waiting for the assistant, oldest first (a relais.MailPage). Releases the GIL.")
      .def("correct", [](InboxService& s, const IdArg& id, const EnumArg<MailCategory>& category,
                         std::optional<std::int64_t> version, const std::optional<EnumArg<MailUrgency>>& urgency) {
        const Uuid uuid = to_uuid(id, "mail");
        const MailCategory value = to_enum(category, "category");
        std::optional<MailUrgency> level;
        if (urgency) level = to_enum(*urgency, "urgency");
        py::gil_scoped_release release;
        return s.correct(uuid, version ? *version : s.get(uuid).version, value, level);
      }, py::arg("mail"), py::arg("category"), py::kw_only(), py::arg("version") = py::none(),
           py::arg("urgency") = py::none(),
           "Sets a mail's category (a MailCategory or its name): stored for retraining, and a mail in triage is "
           "dispatched again. `version`: the one read (None: the current one). Returns a relais.IngestResult. "
           "Raises NotFoundError, ConflictError (stale version), InvalidInputError ('category'). Releases the GIL.")
      .def("rules", &InboxService::rules, Release(), "The dispatch rules, by position then name.")
      .def("remove_rule", [](InboxService& s, const IdArg& id, std::int64_t version) {
        const Uuid uuid = to_uuid(id, "rule");
        py::gil_scoped_release release;
        s.remove_rule(uuid, version);
      }, py::arg("rule"), py::arg("version"), "Removes a rule (admin). Raises NotFoundError, ConflictError.")
      .def("settings", &InboxService::settings, Release(), "The inbox settings (a relais.InboxSettings).")
      .def("configure", &InboxService::configure, py::arg("settings"), Release(),
           "Stores changed settings (admin) under their version. Raises InvalidInputError, ConflictError.")
      .def("configure_mailbox", [](InboxService& s, const std::string& name, const std::string& plugin,
                                   const ConfigArg& config, std::int64_t version) {
        const std::string text = config_text(config);
        py::gil_scoped_release release;
        return s.configure_mailbox(name, plugin, text, version);
      }, py::arg("name"), py::arg("plugin"), py::arg("config"), py::kw_only(), py::arg("version") = 0,
           "Configures mailbox `name` read through mail plugin `plugin` ('maildir', 'imap') with `config` (JSON text "
           "or a dict); `version` 0 adds it. Admin only. Returns a relais.Mailbox. Raises PluginError, "
           "InvalidInputError ('config.<key>'), ConflictError, NotFoundError.")
      .def("mailboxes", &InboxService::mailboxes, Release(), "The configured mailboxes, by name.")
      .def("add_faq", [](InboxService& s, const std::string& question, const std::string& answer, Strings tags) {
        py::gil_scoped_release release;
        return s.add_faq({question, answer, std::move(tags)});
      }, py::arg("question"), py::arg("answer"), py::kw_only(), py::arg("tags") = Strings(),
           "Adds a FAQ entry. Raises InvalidInputError ('question', 'answer', 'tags[i]').")
      .def("update_faq", [](InboxService& s, const IdArg& id, std::int64_t version, const std::string& question,
                            const std::string& answer, Strings tags) {
        const Uuid uuid = to_uuid(id, "entry");
        py::gil_scoped_release release;
        return s.update_faq(uuid, version, {question, answer, std::move(tags)});
      }, py::arg("entry"), py::arg("version"), py::arg("question"), py::arg("answer"), py::kw_only(),
           py::arg("tags") = Strings(), "Rewrites a FAQ entry. Raises NotFoundError, ConflictError, InvalidInputError.")
      .def("remove_faq", [](InboxService& s, const IdArg& id, std::int64_t version) {
        const Uuid uuid = to_uuid(id, "entry");
        py::gil_scoped_release release;
        s.remove_faq(uuid, version);
      }, py::arg("entry"), py::arg("version"), "Removes a FAQ entry. Raises NotFoundError, ConflictError.")
      .def("faq", &InboxService::faq, py::arg("limit") = 100, py::arg("after") = "", Release(),
           "FAQ entries by question; `after` is the id of the last entry of the previous page.")
      .def("suggest_answers", [](const InboxService& s, const std::variant<Uuid, std::string>& about, std::size_t limit) {
        py::gil_scoped_release release;
        if (const auto* mail = std::get_if<Uuid>(&about)) return s.suggest_answers(*mail, limit);
        return s.suggest_answers(std::get<std::string>(about), limit);
      }, py::arg("about"), py::arg("limit") = 3,
           "FAQ entries answering a text (str) or a stored mail (a relais.Uuid), best first, ranked by the "
           "engine's relevance (bm25 on SQLite, ts_rank on PostgreSQL). Releases the GIL.");
  def_rule_method(inbox, "add_rule",
                  [](InboxService& s, std::string name, int position, bool enabled, const Categories& categories,
                     const OptionalId& customer, std::string customer_tag, Strings keywords, std::string sender_domain,
                     const EnumArg<DispatchAction>& action, std::string queue, std::string assignee,
                     const std::optional<EnumArg<TicketPriority>>& priority, bool acknowledge) {
                    auto draft = make_rule(std::move(name), position, enabled, categories, customer,
                                           std::move(customer_tag), std::move(keywords), std::move(sender_domain),
                                           action, std::move(queue), std::move(assignee), priority, acknowledge);
                    py::gil_scoped_release release;
                    return s.add_rule(draft);
                  },
                  "Adds a dispatch rule (admin): conditions (categories, customer, customer_tag, keywords, "
                  "sender_domain), then what it does (action, queue, assignee, priority, acknowledge). Raises "
                  "InvalidInputError naming each bad field, ConflictError (the name is taken).");
  inbox.def("update_rule",
            [](InboxService& s, const IdArg& id, std::int64_t version, std::string name, int position, bool enabled,
               const Categories& categories, const OptionalId& customer, std::string customer_tag, Strings keywords,
               std::string sender_domain, const EnumArg<DispatchAction>& action, std::string queue,
               std::string assignee, const std::optional<EnumArg<TicketPriority>>& priority, bool acknowledge) {
              const Uuid uuid = to_uuid(id, "rule");
              auto draft = make_rule(std::move(name), position, enabled, categories, customer, std::move(customer_tag),
                                     std::move(keywords), std::move(sender_domain), action, std::move(queue),
                                     std::move(assignee), priority, acknowledge);
              py::gil_scoped_release release;
              return s.update_rule(uuid, version, draft);
            },
            py::arg("rule"), py::arg("version"), py::arg("name"), py::kw_only(), py::arg("position") = 0,
            py::arg("enabled") = true, py::arg("categories") = Categories(), py::arg("customer") = py::none(),
            py::arg("customer_tag") = "", py::arg("keywords") = Strings(), py::arg("sender_domain") = "",
            py::arg("action") = DispatchAction::open_or_join, py::arg("queue") = "", py::arg("assignee") = "",
            py::arg("priority") = py::none(), py::arg("acknowledge") = false,
            "Rewrites a dispatch rule (admin) with the keywords of add_rule(). Raises NotFoundError, ConflictError, "
            "InvalidInputError.");
}

}  // namespace

void bind_inbox(py::module_& m) {
  m.def("shipped_mail_corpus_path", &shipped_mail_corpus_path,
        "The path of the training corpus shipped with Relais (share/relais/models/mail-corpus.jsonl), which "
        "InboxService.retrain() uses by default. The file may be missing when the model was not built.");
  bind_enums(m);
  bind_mail(m);
  bind_configuration(m);
  bind_service(m);
}

}  // namespace relais::python
