// Core value types shared by every area: ids, clocks, events, the journal,
// and the version.
#include "binding.h"

#include <relais/events.h>
#include <relais/journal.h>
#include <relais/version.h>
#include <relais/workspace.h>


namespace pybind11::detail {

bool type_caster<relais::Timestamp>::load(handle source, bool) {
  if (!PyDateTimeAPI) PyDateTime_IMPORT;
  if (!source || !PyDateTime_Check(source.ptr())) return false;
  // Subtracting the epoch lets Python apply the datetime's own offset; the
  // resulting timedelta is exact to the microsecond, unlike timestamp().
  const bool aware = !source.attr("utcoffset")().is_none();
  object epoch = reinterpret_steal<object>(PyDateTimeAPI->DateTime_FromDateAndTime(
      1970, 1, 1, 0, 0, 0, 0, aware ? PyDateTime_TimeZone_UTC : Py_None, PyDateTimeAPI->DateTimeType));
  object delta = reinterpret_steal<object>(PyNumber_Subtract(source.ptr(), epoch.ptr()));
  if (!delta) throw error_already_set();
  const std::int64_t micros = PyDateTime_DELTA_GET_DAYS(delta.ptr()) * 86'400'000'000LL +
                              PyDateTime_DELTA_GET_SECONDS(delta.ptr()) * 1'000'000LL +
                              PyDateTime_DELTA_GET_MICROSECONDS(delta.ptr());
  value = relais::Timestamp(std::chrono::microseconds(micros));
  return true;
}

handle type_caster<relais::Timestamp>::cast(const relais::Timestamp& time, return_value_policy, handle) {
  if (!PyDateTimeAPI) PyDateTime_IMPORT;
  constexpr std::int64_t micros_per_day = 86'400'000'000LL;
  const std::int64_t micros = time.time_since_epoch().count();
  // Floor division keeps times before 1970 right (timedelta wants 0 <= us).
  std::int64_t days = micros / micros_per_day;
  std::int64_t rest = micros % micros_per_day;
  if (rest < 0) {
    rest += micros_per_day;
    --days;
  }
  object delta = reinterpret_steal<object>(PyDelta_FromDSU(static_cast<int>(days),
                                                           static_cast<int>(rest / 1'000'000),
                                                           static_cast<int>(rest % 1'000'000)));
  object epoch = reinterpret_steal<object>(PyDateTimeAPI->DateTime_FromDateAndTime(
      1970, 1, 1, 0, 0, 0, 0, PyDateTime_TimeZone_UTC, PyDateTimeAPI->DateTimeType));
  if (!delta || !epoch) return nullptr;
  return PyNumber_Add(epoch.ptr(), delta.ptr());
}

}  // namespace pybind11::detail

namespace relais::python {

Uuid to_uuid(const IdArg& id, std::string_view field) {
  if (const auto* uuid = std::get_if<Uuid>(&id)) return *uuid;
  return Uuid::parse(std::get<std::string>(id), field);
}

std::chrono::microseconds to_duration(const DurationArg& duration) {
  if (const auto* micros = std::get_if<std::chrono::microseconds>(&duration)) return *micros;
  if (const auto* seconds = std::get_if<std::int64_t>(&duration)) return std::chrono::seconds(*seconds);
  return std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::duration<double>(std::get<double>(duration)));
}

std::string quoted(const std::string& text) { return py::repr(py::str(text)); }

template <>
struct EnumMembers<JournalProblemKind> {
  static constexpr std::array members{
      std::pair{JournalProblemKind::payload_mismatch, "payload_mismatch"},
      std::pair{JournalProblemKind::chain_broken, "chain_broken"},
      std::pair{JournalProblemKind::sequence_gap, "sequence_gap"},
      std::pair{JournalProblemKind::head_mismatch, "head_mismatch"},
  };
};

namespace {

void bind_uuid(py::module_& m) {
  py::class_<Uuid>(m, "Uuid", "A record id: a UUIDv7, time-ordered. Hashable, comparable, str() gives the canonical form.")
      .def(py::init([](const std::string& text) { return Uuid::parse(text); }), py::arg("text"),
           "Parses the canonical 36-character form (either case). Raises InvalidInputError when malformed.")
      .def_static("parse", [](const std::string& text) { return Uuid::parse(text); }, py::arg("text"),
                  "Same as Uuid(text).")
      .def_property_readonly("is_nil", &Uuid::is_nil, "True for the all-zero UUID (an id not assigned yet).")
      .def_property_readonly("version", &Uuid::version, "The UUID version (7 for ids made by Relais).")
      .def_property_readonly("bytes", [](const Uuid& id) {
        return py::bytes(reinterpret_cast<const char*>(id.bytes().data()), id.bytes().size());
      }, "The 16 bytes, big-endian.")
      .def("__str__", &Uuid::to_string, "The canonical lowercase form.")
      .def("__repr__", [](const Uuid& id) { return "relais.Uuid('" + id.to_string() + "')"; })
      .def("__eq__", [](const Uuid& a, const Uuid& b) { return a == b; }, py::is_operator())
      .def("__lt__", [](const Uuid& a, const Uuid& b) { return a < b; }, py::is_operator(),
           "Orders by creation time (UUIDv7), so sorted() works on ids.")
      .def("__hash__", [](const Uuid& id) { return std::hash<Uuid>{}(id); });
}

void bind_clocks(py::module_& m) {
  py::class_<Clock, std::shared_ptr<Clock>>(m, "Clock", "A time source, injected into a workspace with relais.open(clock=...).")
      .def("now", &Clock::now, "The current time, an aware datetime in UTC.");
  py::class_<SystemClock, Clock, std::shared_ptr<SystemClock>>(m, "SystemClock", "Wall-clock time (the default).")
      .def(py::init<>(), "A wall clock.");
  py::class_<ManualClock, Clock, std::shared_ptr<ManualClock>>(
      m, "ManualClock", "A clock that only moves when told, for tests and simulations. Thread-safe.")
      .def(py::init<Timestamp>(), py::arg("start"), "Starts at `start` (a naive datetime is taken as UTC).")
      .def("set", &ManualClock::set, py::arg("time"), "Moves to `time` (a naive datetime is taken as UTC).")
      .def("advance", [](ManualClock& clock, const DurationArg& by) { clock.advance(to_duration(by)); },
           py::arg("by"), "Moves forward by a timedelta or a number of seconds.");
}

void bind_events(py::module_& m) {
  py::class_<Event>(m, "Event", "What changed, published after commit: in-process to subscribers, and durably through Workspace.changes_since().")
      .def_readonly("sequence", &Event::sequence, "The journal entry that recorded the change.")
      .def_readonly("type", &Event::type, "'CustomerCreated', 'CustomerUpdated', ...")
      .def_readonly("entity", &Event::entity, "'customer', 'user', ...")
      .def_readonly("entity_id", &Event::entity_id, "The changed record's id, as text.")
      .def_readonly("actor", &Event::actor, "Login of the user who made the change.")
      .def_readonly("time", &Event::time, "When it was committed (aware datetime, UTC).")
      .def_readonly("changes", &Event::changes,
                    "The relais.FieldChange list the journal entry recorded (for IncomingCall: 'number' and the "
                    "matched 'customers', as JSON texts); empty when the entry's payload was erased.")
      .def("__eq__", [](const Event& a, const Event& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const Event& event) {
        return "relais.Event(sequence=" + std::to_string(event.sequence) + ", type=" + quoted(event.type) +
               ", entity=" + quoted(event.entity) + ", entity_id=" + quoted(event.entity_id) +
               ", actor=" + quoted(event.actor) + ")";
      });
  py::class_<EventPage>(m, "EventPage", "A slice of the change feed.")
      .def_readonly("events", &EventPage::events, "The events, oldest first.")
      .def_readonly("next_cursor", &EventPage::next_cursor, "Pass back to read on after these events.")
      .def("__repr__", [](const EventPage& page) {
        return "relais.EventPage(events=<" + std::to_string(page.events.size()) +
               ">, next_cursor=" + std::to_string(page.next_cursor) + ")";
      });
}

void bind_journal_entries(py::module_& m) {
  py::class_<FieldChange>(m, "FieldChange", "One changed field; before and after are JSON texts ('\"Dupont\"', '3', 'null').")
      .def_readonly("field", &FieldChange::field, "The field's name.")
      .def_readonly("before", &FieldChange::before, "The old value as JSON text.")
      .def_readonly("after", &FieldChange::after, "The new value as JSON text.")
      .def("__eq__", [](const FieldChange& a, const FieldChange& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const FieldChange& change) {
        return "relais.FieldChange(field=" + quoted(change.field) + ", before=" + quoted(change.before) +
               ", after=" + quoted(change.after) + ")";
      });
  py::class_<JournalEntry>(m, "JournalEntry", "One mutation in the audit trail, hash-chained to the previous one.")
      .def_readonly("sequence", &JournalEntry::sequence, "1, 2, 3... without gaps.")
      .def_readonly("time", &JournalEntry::time, "When it was committed (aware datetime, UTC).")
      .def_readonly("actor", &JournalEntry::actor, "Login of the acting user.")
      .def_readonly("entity", &JournalEntry::entity, "'customer', 'user', ...")
      .def_readonly("entity_id", &JournalEntry::entity_id, "The record's id, as text.")
      .def_readonly("action", &JournalEntry::action, "'create', 'update', 'archive', 'erase', ...")
      .def_readonly("changes", &JournalEntry::changes, "The changed fields (empty when the payload was erased).")
      .def_readonly("payload_erased", &JournalEntry::payload_erased, "True after a GDPR erasure.")
      .def_readonly("payload_hash", &JournalEntry::payload_hash, "Hex SHA-256 of the payload as written.")
      .def_readonly("hash", &JournalEntry::hash, "Hex SHA-256 chaining this entry to the previous one.")
      .def("__repr__", [](const JournalEntry& entry) {
        return "relais.JournalEntry(sequence=" + std::to_string(entry.sequence) + ", actor=" + quoted(entry.actor) +
               ", entity=" + quoted(entry.entity) + ", entity_id=" + quoted(entry.entity_id) +
               ", action=" + quoted(entry.action) + ")";
      });
  py::class_<JournalPage>(m, "JournalPage", "A slice of the audit trail.")
      .def_readonly("entries", &JournalPage::entries, "The entries, oldest first.")
      .def_readonly("next_cursor", &JournalPage::next_cursor, "Pass back to read on after these entries.")
      .def("__repr__", [](const JournalPage& page) {
        return "relais.JournalPage(entries=<" + std::to_string(page.entries.size()) +
               ">, next_cursor=" + std::to_string(page.next_cursor) + ")";
      });
}

void bind_journal_checks(py::module_& m) {
  py::class_<JournalHead>(m, "JournalHead", "The journal's last entry, to keep outside the database (with a backup) and pass back to Workspace.verify_journal().")
      .def(py::init([](std::int64_t sequence, std::string hash) { return JournalHead{sequence, std::move(hash)}; }),
           py::kw_only(), py::arg("sequence"), py::arg("hash"), "A head saved earlier.")
      .def_readonly("sequence", &JournalHead::sequence, "The last entry's sequence (0 for an empty journal).")
      .def_readonly("hash", &JournalHead::hash, "The last entry's hash ('' for an empty journal).")
      .def("__eq__", [](const JournalHead& a, const JournalHead& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const JournalHead& head) {
        return "relais.JournalHead(sequence=" + std::to_string(head.sequence) + ", hash=" + quoted(head.hash) + ")";
      });
  bind_enum<JournalProblemKind>(m, "JournalProblemKind", "What Workspace.verify_journal() found wrong.");
  py::class_<JournalProblem>(m, "JournalProblem", "One problem found in the journal.")
      .def_readonly("kind", &JournalProblem::kind, "A JournalProblemKind.")
      .def_readonly("sequence", &JournalProblem::sequence, "The entry where it was found (0 for the head).")
      .def_readonly("detail", &JournalProblem::detail, "An English explanation.")
      .def("__repr__", [](const JournalProblem& problem) {
        return "relais.JournalProblem(kind=" + quoted(enum_name(problem.kind)) +
               ", sequence=" + std::to_string(problem.sequence) + ", detail=" + quoted(problem.detail) + ")";
      });
  py::class_<JournalVerification>(m, "JournalVerification", "The outcome of Workspace.verify_journal().")
      .def_readonly("ok", &JournalVerification::ok, "True when no problem was found.")
      .def_readonly("entries_checked", &JournalVerification::entries_checked, "How many entries were rehashed.")
      .def_readonly("head", &JournalVerification::head, "Hash of the last entry ('' for an empty journal).")
      .def_readonly("problems", &JournalVerification::problems, "Every problem found (empty when ok).")
      .def("__repr__", [](const JournalVerification& result) {
        return "relais.JournalVerification(ok=" + std::string(result.ok ? "True" : "False") +
               ", entries_checked=" + std::to_string(result.entries_checked) +
               ", problems=<" + std::to_string(result.problems.size()) + ">)";
      });
}

}  // namespace

void bind_core(py::module_& m) {
  m.attr("__version__") = RELAIS_VERSION;
  m.def("runtime_version", [] { return std::string(runtime_version()); },
        "The version of the Relais library actually loaded (compare with relais.__version__, the one this module was built against).");
  bind_uuid(m);
  bind_clocks(m);
  bind_journal_entries(m);  // before the events, whose `changes` are FieldChanges
  bind_events(m);
  bind_journal_checks(m);
}

}  // namespace relais::python
