// Duplicate customers and merging: the matching functions, the duplicate
// check, the batch finder and its review queue, merge() and unmerge(). The
// CustomerService methods are added to the class bound in bind_customers.cpp.
#include "binding.h"
#include "customer_args.h"

#include <relais/customers/customer_service.h>
#include <relais/customers/duplicates.h>
#include <relais/customers/matching.h>
#include <relais/customers/merge.h>

#include <map>
#include <optional>
#include <sstream>

namespace relais::python {

template <>
struct EnumMembers<MatchOutcome> {
  static constexpr std::array members{
      std::pair{MatchOutcome::none, "none"},
      std::pair{MatchOutcome::probable, "probable"},
      std::pair{MatchOutcome::sure, "sure"},
  };
};

template <>
struct EnumMembers<ReviewStatus> {
  static constexpr std::array members{
      std::pair{ReviewStatus::pending, "pending"},
      std::pair{ReviewStatus::dismissed, "dismissed"},
      std::pair{ReviewStatus::merged, "merged"},
  };
};

template <>
struct EnumMembers<Survivorship> {
  static constexpr std::array members{
      std::pair{Survivorship::most_recent, "most_recent"},
      std::pair{Survivorship::most_complete, "most_complete"},
  };
};

namespace {

using Release = py::call_guard<py::gil_scoped_release>;

std::string score_text(double score) {
  std::ostringstream out;
  out.precision(3);
  out << score;
  return out.str();
}

MatchThresholds thresholds(double sure, double probable) {
  if (!(probable >= 0 && probable <= 1)) throw InvalidInputError("probable", score_text(probable), "expected 0 to 1");
  if (!(sure >= probable && sure <= 1)) throw InvalidInputError("sure", score_text(sure), "expected probable to 1");
  return {sure, probable};
}

void bind_matching(py::module_& m) {
  bind_enum<MatchOutcome>(m, "MatchOutcome",
                          "How alike two customers are: NONE, PROBABLE (worth a look) or SURE. Its name "
                          "('sure') is accepted wherever an outcome is expected.");
  m.def("fold_text", [](std::string_view text) { return fold_text(text); }, py::arg("text"),
        "Lowercases, strips accents, spells out ligatures, turns punctuation into spaces and collapses them: "
        "'  Hélène-Marie  DURAND ' -> 'helene marie durand'. Never raises.");
  m.def("normalize_address", [](std::string_view text) { return normalize_address(text); }, py::arg("text"),
        "fold_text() plus the French street abbreviations expanded word by word: '12 bd de la Liberté' -> "
        "'12 boulevard de la liberte'.");
  m.def("jaro_winkler", [](std::string_view a, std::string_view b) { return jaro_winkler(a, b); }, py::arg("a"),
        py::arg("b"),
        "Jaro-Winkler similarity of two texts by code point, in [0, 1] (prefix scale 0.1, prefix up to 4). Two "
        "empty texts score 1, an empty text against another 0.");

  py::class_<IdentityKeys>(m, "IdentityKeys", "What the duplicate comparison looks at in a customer (identity_keys()).")
      .def_readonly("company", &IdentityKeys::company, "True for a company.")
      .def_readonly("name", &IdentityKeys::name, "Folded, civility or legal form removed, words sorted.")
      .def_readonly("legal_form", &IdentityKeys::legal_form, "'sarl', 'sas'..., or ''.")
      .def_readonly("phones", &IdentityKeys::phones, "E.164, the customer's and its contacts'.")
      .def_readonly("emails", &IdentityKeys::emails, "Lowercased.")
      .def_readonly("siren", &IdentityKeys::siren, "9 digits, from the SIRET or VAT number, or ''.")
      .def_readonly("siret", &IdentityKeys::siret, "14 digits, or ''.")
      .def_readonly("addresses", &IdentityKeys::addresses, "Folded, abbreviations expanded.")
      .def_readonly("postcodes", &IdentityKeys::postcodes, "The sites' postcodes.")
      .def("__repr__", [](const IdentityKeys& keys) {
        return "relais.IdentityKeys(name=" + quoted(keys.name) + ", siren=" + quoted(keys.siren) + ")";
      });
  m.def("identity_keys", [](const Customer& customer) { return identity_keys(customer); }, py::arg("customer"),
        "The comparison keys of a stored relais.Customer.");
  m.def("identity_keys", [](const CustomerDraft& draft) { return identity_keys(draft); }, py::arg("draft"),
        "The comparison keys of a relais.CustomerDraft (values that do not normalise are left out).");
}

void bind_duplicate_types(py::module_& m) {
  bind_enum<ReviewStatus>(m, "ReviewStatus",
                          "Where a DuplicatePair is in the review queue: PENDING, DISMISSED or MERGED. Its name "
                          "('pending') is accepted wherever a status is expected.");
  py::class_<DuplicateCandidate>(m, "DuplicateCandidate",
                                 "An existing customer that looks like the one checked (check_duplicates(), "
                                 "DuplicateCustomerError.candidates).")
      .def_readonly("customer", &DuplicateCandidate::customer, "The existing relais.Customer.")
      .def_property_readonly("score", [](const DuplicateCandidate& c) { return c.match.score; },
                             "Similarity in [0, 1].")
      .def_property_readonly("outcome", [](const DuplicateCandidate& c) { return c.match.outcome; },
                             "relais.MatchOutcome.PROBABLE or SURE.")
      .def_property_readonly("reasons", [](const DuplicateCandidate& c) { return c.match.reasons; },
                             "Why, one English line each, e.g. 'same phone +33612345678'.")
      .def("__repr__", [](const DuplicateCandidate& c) {
        return "relais.DuplicateCandidate(customer=" + quoted(c.customer.name) + ", score=" +
               score_text(c.match.score) + ", outcome=" + quoted(enum_name(c.match.outcome)) + ")";
      });
  py::class_<DuplicatePair>(m, "DuplicatePair", "A pair found by find_duplicates(), in the review queue.")
      .def_readonly("id", &DuplicatePair::id, "The pair's id (pass to dismiss_duplicate()).")
      .def_readonly("a", &DuplicatePair::a, "One customer's id (the one that sorts first).")
      .def_readonly("b", &DuplicatePair::b, "The other customer's id.")
      .def_readonly("score", &DuplicatePair::score, "Similarity in [0, 1].")
      .def_readonly("outcome", &DuplicatePair::outcome, "relais.MatchOutcome.PROBABLE or SURE.")
      .def_readonly("reasons", &DuplicatePair::reasons, "Why, one English line each.")
      .def_readonly("status", &DuplicatePair::status, "A relais.ReviewStatus.")
      .def_readonly("found_at", &DuplicatePair::found_at, "Aware datetime, UTC.")
      .def_readonly("version", &DuplicatePair::version, "Pass back to dismiss_duplicate().")
      .def("__eq__", [](const DuplicatePair& a, const DuplicatePair& b) { return a == b; }, py::is_operator())
      .def("__repr__", [](const DuplicatePair& pair) {
        return "relais.DuplicatePair(a='" + pair.a.to_string() + "', b='" + pair.b.to_string() + "', score=" +
               score_text(pair.score) + ", status=" + quoted(enum_name(pair.status)) + ")";
      });
  py::class_<ReviewPage>(m, "ReviewPage", "One page of CustomerService.duplicate_queue().")
      .def_readonly("items", &ReviewPage::items, "The pairs, best score first.")
      .def_readonly("next_cursor", &ReviewPage::next_cursor, "Pass as `after` for the next page; '' on the last page.")
      .def("__repr__", [](const ReviewPage& page) {
        return "relais.ReviewPage(items=<" + std::to_string(page.items.size()) + ">, next_cursor=" +
               quoted(page.next_cursor) + ")";
      });
  py::class_<FinderReport>(m, "FinderReport", "What CustomerService.find_duplicates() did.")
      .def_readonly("customers_scanned", &FinderReport::customers_scanned, "Customers compared.")
      .def_readonly("comparisons", &FinderReport::comparisons, "Pairs actually scored (shows the blocking at work).")
      .def_readonly("sure", &FinderReport::sure, "New sure pairs queued.")
      .def_readonly("probable", &FinderReport::probable, "New probable pairs queued.")
      .def_readonly("resumed", &FinderReport::resumed, "True when it continued an interrupted run.")
      .def("__repr__", [](const FinderReport& r) {
        return "relais.FinderReport(customers_scanned=" + std::to_string(r.customers_scanned) +
               ", comparisons=" + std::to_string(r.comparisons) + ", sure=" + std::to_string(r.sure) +
               ", probable=" + std::to_string(r.probable) + ", resumed=" + (r.resumed ? "True" : "False") + ")";
      });
}

void bind_merge_types(py::module_& m) {
  bind_enum<Survivorship>(m, "Survivorship",
                          "How merge() chooses a field both records have: MOST_COMPLETE (the longer text or "
                          "list; ties go to the survivor) or MOST_RECENT (from the record updated last). Its name "
                          "is accepted too.");
  py::class_<MergeResult>(m, "MergeResult", "What CustomerService.merge() did.")
      .def_readonly("merge_id", &MergeResult::merge_id, "Pass to unmerge() to undo the merge.")
      .def_readonly("survivor", &MergeResult::survivor, "The survivor as stored after the merge.")
      .def("__repr__", [](const MergeResult& r) {
        return "relais.MergeResult(merge_id='" + r.merge_id.to_string() + "', survivor=" + quoted(r.survivor.name) + ")";
      });
  py::class_<UnmergeResult>(m, "UnmergeResult", "What CustomerService.unmerge() did.")
      .def_readonly("survivor", &UnmergeResult::survivor, "The survivor as before the merge, plus later edits.")
      .def_readonly("restored", &UnmergeResult::restored, "The merged record, as it was before the merge.")
      .def_readonly("conflicts", &UnmergeResult::conflicts,
                    "Fields the merge had filled from the other record and that were edited since (kept on the "
                    "survivor), by name.")
      .def("__repr__", [](const UnmergeResult& r) {
        return "relais.UnmergeResult(survivor=" + quoted(r.survivor.name) + ", restored=" + quoted(r.restored.name) +
               ", conflicts=<" + std::to_string(r.conflicts.size()) + ">)";
      });
}

MergeResult merge(CustomerService& customers, const IdArg& survivor_arg, const IdArg& other_arg,
                  std::optional<std::int64_t> survivor_version, std::optional<std::int64_t> other_version,
                  const EnumArg<Survivorship>& rule, const std::optional<std::map<std::string, IdArg>>& picked) {
  const Uuid survivor = to_uuid(survivor_arg, "survivor_id");
  const Uuid other = to_uuid(other_arg, "other_id");
  MergeOptions options;
  options.rule = to_enum(rule, "rule");
  if (picked) {
    for (const auto& [field, id] : *picked) options.picked.emplace(field, to_uuid(id, "picked[" + field + "]"));
  }
  py::gil_scoped_release release;
  // Versions left out are read now: whatever changed since the caller read
  // the records is merged without a ConflictError.
  const std::int64_t survivor_at = survivor_version ? *survivor_version : customers.get(survivor).version;
  const std::int64_t other_at = other_version ? *other_version : customers.get(other).version;
  return customers.merge(survivor, survivor_at, other, other_at, options);
}

void bind_service_methods(py::module_& m) {
  auto service = py::reinterpret_borrow<py::class_<CustomerService>>(m.attr("CustomerService"));
  service.def("check_duplicates", [](const CustomerService& customers, const CustomerDraft& draft, double sure,
                                     double probable) {
    const MatchThresholds limits = thresholds(sure, probable);
    py::gil_scoped_release release;
    return customers.check_duplicates(draft, limits);
  }, py::arg("draft"), py::kw_only(), py::arg("sure") = 0.9, py::arg("probable") = 0.7,
              "Existing, unarchived customers that probably (score >= probable) or surely (>= sure) are this "
              "CustomerDraft, best first, as relais.DuplicateCandidate. Nothing is written. Raises "
              "InvalidInputError when the draft is invalid. Releases the GIL.");
  std::apply([&](auto&&... arguments) {
    service.def("check_duplicates", [](const CustomerService& customers, std::string name,
                                       const EnumArg<CustomerKind>& kind, Strings phones, Strings emails,
                                       std::string siret, std::string vat_number, py::detail::ItemsOf<Site> sites,
                                       py::detail::ItemsOf<Contact> contacts, std::string notes, Strings tags,
                                       ExternalIds external_ids, double sure, double probable) {
      const CustomerDraft draft = make_draft(std::move(name), kind, std::move(phones), std::move(emails),
                                             std::move(siret), std::move(vat_number), std::move(sites),
                                             std::move(contacts), std::move(notes), std::move(tags),
                                             std::move(external_ids));
      const MatchThresholds limits = thresholds(sure, probable);
      py::gil_scoped_release release;
      return customers.check_duplicates(draft, limits);
    }, arguments..., py::arg("sure") = 0.9, py::arg("probable") = 0.7,
                "The same from the keywords of create(): what a form would show before saving. Releases the GIL.");
  }, draft_arguments());
  service
      .def("find_duplicates", [](CustomerService& customers, std::size_t batch_size,
                                 std::optional<py::function> progress, double sure, double probable) {
        FinderOptions options;
        options.thresholds = thresholds(sure, probable);
        options.batch_size = batch_size;
        ProgressRelay relay(std::move(progress));
        options.progress = relay.function(&FinderProgress::customers_done, &FinderProgress::customers_total);
        return relay.call([&] { return customers.find_duplicates(options); });
      }, py::arg("batch_size") = 5000, py::arg("progress") = py::none(), py::kw_only(), py::arg("sure") = 0.9,
           py::arg("probable") = 0.7,
           "The batch finder: compares every customer with those sharing a block and queues each new probable "
           "or sure pair for review (pairs already queued are not queued twice). Commits every `batch_size` "
           "customers; an interrupted run resumes after its last batch. progress(done, total) is called after "
           "each batch, on this thread, holding the GIL; an exception it raises stops the run and is re-raised. "
           "Returns a relais.FinderReport. Releases the GIL.")
      .def("duplicate_queue", [](const CustomerService& customers, const EnumArg<ReviewStatus>& status,
                                 std::string after, std::size_t limit) {
        ReviewQuery query{to_enum(status, "status"), std::move(after), limit};
        py::gil_scoped_release release;
        return customers.duplicate_queue(query);
      }, py::arg("status") = "pending", py::arg("after") = "", py::arg("limit") = 50,
           "One page of the review queue (relais.ReviewPage), best score first; pass page.next_cursor as "
           "`after` for the next one. Raises InvalidInputError for a limit outside 1..500 or a bad cursor. "
           "Releases the GIL.")
      .def("dismiss_duplicate", [](CustomerService& customers, const IdArg& pair_id, std::int64_t version) {
        const Uuid id = to_uuid(pair_id, "pair_id");
        py::gil_scoped_release release;
        return customers.dismiss_duplicate(id, version);
      }, py::arg("pair_id"), py::kw_only(), py::arg("version"),
           "Marks a queued pair as not a duplicate; returns it with status DISMISSED. Raises NotFoundError, "
           "ConflictError (stale version). Releases the GIL.")
      .def("merge", &merge, py::arg("survivor_id"), py::arg("other_id"), py::kw_only(),
           py::arg("survivor_version") = py::none(), py::arg("other_version") = py::none(),
           py::arg("rule") = "most_complete", py::arg("picked") = py::none(),
           "Merges `other_id` into `survivor_id`: fields chosen by `rule` (a relais.Survivorship or its name) "
           "unless `picked` maps a field ('name', 'siret', 'notes'...) to the id of the record to take it from; "
           "contacts, sites, tags and external ids move to the survivor; the other is archived with a link to "
           "it. Pass the versions you read to keep the stale-version protection (ConflictError when a record "
           "changed since); left out, they are read just before merging, so changes made meanwhile are merged "
           "without warning. Returns a relais.MergeResult; undo with unmerge(result.merge_id). Raises "
           "NotFoundError, ConflictError (stale version, a record already merged), InvalidInputError (same id "
           "twice, `picked` naming a third record). Releases the GIL.")
      .def("unmerge", [](CustomerService& customers, const IdArg& merge_id) {
        const Uuid id = to_uuid(merge_id, "merge_id");
        py::gil_scoped_release release;
        return customers.unmerge(id);
      }, py::arg("merge_id"),
           "Undoes a merge: both records back as they were, edits made since kept on the record they were made "
           "to and clashes listed in `conflicts`. Returns a relais.UnmergeResult. Raises NotFoundError, "
           "ConflictError (already undone). Releases the GIL.");
}

}  // namespace

void bind_duplicates(py::module_& m) {
  bind_matching(m);
  bind_duplicate_types(m);
  bind_merge_types(m);
  bind_service_methods(m);
}

}  // namespace relais::python
