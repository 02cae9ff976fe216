// The dashboard as one self-contained HTML page: inline CSS and SVG drawn
// here, no script and nothing fetched, so that it opens from a mail or a
// file on any machine. Text from the data always goes through escape().
#include <relais/dashboard/dashboard.h>

#include <relais/errors.h>

#include "core/civil_time.h"

#include <array>
#include <cmath>
#include <cstdio>
#include <string>

namespace relais {
inline namespace v1 {
namespace {

// The page's words, French (what the office reads) and English.
struct Labels {
  const char* lang;
  const char* office;
  const char* dashboard_of;
  const char* dashboard_office;
  const char* computed_at;
  const char* reminders;
  const char* due_today;
  const char* overdue;
  const char* upcoming;
  const char* callbacks;
  const char* callbacks_today;
  const char* callbacks_overdue;
  const char* waiting;
  const char* waiting_customer;
  const char* unanswered;
  const char* waiting_since;
  const char* new_requests;
  const char* new_since;
  const char* total;
  const char* traceability;
  const char* traced_share;
  const char* inbound_calls;
  const char* inbound_emails;
  const char* inbound;
  const char* linked;
  const char* no_follow_up;
  const char* traced;
  const char* untraced;
  const char* nothing_in;
  const char* triage;
  const char* in_triage;
  const char* oldest;
  const char* response_times;
  const char* this_week;
  const char* last_week;
  const char* first_answer;
  const char* resolution;
  const char* answered;
  const char* resolved;
  const char* none;
  const char* days_unit;
  const char* more_days;
  const char* by_source_phone;
  const char* by_source_email;
  const char* by_source_web_form;
  const char* by_source_technician;
  const char* by_source_portal;
};

constexpr Labels kFrench{
    "fr", "tout le bureau", "Tableau de bord de %s", "Tableau de bord du bureau", "Calculé le %s à %s",
    "Rappels", "À faire aujourd'hui", "En retard", "À venir", "Rappels promis", "Promis pour aujourd'hui",
    "Promesses en retard", "Tickets en attente", "En attente du client", "Sans réponse", "depuis plus de %d jours",
    "Nouvelles demandes", "depuis hier", "Total", "Traçabilité", "appels et mails entrants suivis",
    "Appels entrants", "Mails entrants", "Entrants", "Liés à un ticket", "Clos sans suite", "Suivis", "Non suivis",
    "Rien n'est entré sur la période", "Mails à trier", "À trier", "Le plus ancien", "Délais de réponse",
    "Cette semaine", "Semaine dernière", "Première réponse (médiane)", "Résolution (médiane)", "Répondus",
    "Résolus", "—", "j", "(%d jours)", "Téléphone", "Mail", "Formulaire web", "Technicien", "Portail"};

constexpr Labels kEnglish{
    "en", "whole office", "Dashboard of %s", "Office dashboard", "Computed on %s at %s",
    "Reminders", "Due today", "Overdue", "Upcoming", "Promised callbacks", "Promised for today",
    "Broken promises", "Waiting tickets", "Waiting for the customer", "Unanswered", "for more than %d days",
    "New requests", "since yesterday", "Total", "Traceability", "of inbound calls and mails traced",
    "Inbound calls", "Inbound mails", "Inbound", "Linked to a ticket", "Closed, no follow-up", "Traced", "Untraced",
    "Nothing came in during the period", "Mails to sort", "In triage", "Oldest", "Response times",
    "This week", "Last week", "First answer (median)", "Resolution (median)", "Answered",
    "Resolved", "—", "d", "(%d days)", "Phone", "Mail", "Web form", "Technician", "Portal"};

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Sized to what it writes: `a` and `b` are user text (a login, a name),
// which a fixed buffer would cut without a word once long enough.
std::string format(const char* pattern, const std::string& a, const std::string& b = {}) {
  const int size = std::snprintf(nullptr, 0, pattern, a.c_str(), b.c_str());
  std::string text(static_cast<std::size_t>(size), '\0');
  std::snprintf(text.data(), text.size() + 1, pattern, a.c_str(), b.c_str());
  return text;
}

std::string format_int(const char* pattern, int value) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, pattern, value);
  return buffer;
}

// "24/11/2026" and "14:05" in Paris time.
std::string paris_day(Timestamp time) {
  const auto day = detail::paris_date(time);
  char text[16];
  std::snprintf(text, sizeof text, "%02u/%02u/%04d", static_cast<unsigned>(day.day()),
                static_cast<unsigned>(day.month()), static_cast<int>(day.year()));
  return text;
}

std::string paris_clock(Timestamp time) {
  const auto since_midnight =
      std::chrono::duration_cast<std::chrono::minutes>(time - detail::paris_start_of_day(time)).count();
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(since_midnight / 60 % 24),
                static_cast<int>(since_midnight % 60));
  return text;
}

std::string paris_time(Timestamp time) { return paris_day(time) + " " + paris_clock(time); }

// "3 j 4 h", "2 h 05", "12 min".
std::string duration_text(std::chrono::seconds duration, const Labels& labels) {
  const long long minutes = duration.count() / 60;
  const long long hours = minutes / 60;
  char text[48];
  if (hours >= 24) {
    std::snprintf(text, sizeof text, "%lld %s %lld h", hours / 24, labels.days_unit, hours % 24);
  } else if (hours > 0) {
    std::snprintf(text, sizeof text, "%lld h %02lld", hours, minutes % 60);
  } else {
    std::snprintf(text, sizeof text, "%lld min", minutes);
  }
  return text;
}

std::string source_label(const std::string& source, const Labels& labels) {
  if (source == "phone") return labels.by_source_phone;
  if (source == "email") return labels.by_source_email;
  if (source == "web_form") return labels.by_source_web_form;
  if (source == "technician") return labels.by_source_technician;
  if (source == "portal") return labels.by_source_portal;
  return source;
}

class Page {
 public:
  Page(const Dashboard& dashboard, const Labels& labels) : d_(dashboard), l_(labels) {}

  std::string render(const std::string& title) {
    out_ += "<!DOCTYPE html>\n<html lang=\"" + std::string(l_.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + escape(title) + "</title>\n<style>\n" + std::string(kStyle) + "</style>\n</head>\n<body>\n";
    out_ += "<header><h1>" + escape(title) + "</h1><p class=\"when\">" +
            escape(format(l_.computed_at, paris_day(d_.at), paris_clock(d_.at))) + "</p></header>\n<main>\n";
    reminders();
    callbacks();
    waiting();
    new_requests();
    traceability();
    triage();
    response_times();
    for (const auto& section : d_.sections) extension(section);
    out_ += "</main>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  static constexpr std::string_view kStyle =
      "body{font-family:system-ui,'Segoe UI',Roboto,Arial,sans-serif;margin:0;background:#f4f5f7;color:#1d2430}\n"
      "header{background:#1f3a5f;color:#fff;padding:16px 24px}header h1{margin:0;font-size:22px}\n"
      ".when{margin:4px 0 0;opacity:.8;font-size:14px}\n"
      "main{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:16px;padding:16px 24px}\n"
      "section{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 3px rgba(0,0,0,.12)}\n"
      "section h2{margin:0 0 10px;font-size:17px;color:#1f3a5f}\n"
      ".counts{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px}\n"
      ".tile{flex:1 1 90px;background:#eef2f7;border-radius:6px;padding:6px 8px}\n"
      ".tile .count{display:block;font-size:24px;font-weight:700}\n"
      ".tile .label{font-size:12px;color:#4a5568}\n"
      ".tile.alert .count{color:#c53030}.tile.ok .count{color:#2f855a}\n"
      "ul{margin:6px 0 0;padding-left:18px;font-size:13px}li{margin:2px 0}\n"
      ".muted{color:#718096;font-size:12px}svg{display:block;margin:6px auto}\n"
      "table{border-collapse:collapse;font-size:13px;width:100%}td,th{padding:3px 6px;text-align:left}\n"
      "th{color:#4a5568;font-weight:600}\n";

  void open(std::string_view key, const std::string& title) {
    out_ += "<section id=\"" + escape(key) + "\"><h2>" + escape(title) + "</h2>\n";
  }
  void close() { out_ += "</section>\n"; }

  void tile(const std::string& key, std::int64_t value, const std::string& label, std::string_view style = {}) {
    out_ += "<div class=\"tile";
    if (!style.empty()) out_ += " " + std::string(style);
    out_ += "\"><span class=\"count\" data-count=\"" + escape(key) + "\">" + std::to_string(value) +
            "</span><span class=\"label\">" + escape(label) + "</span></div>";
  }

  void list(const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    out_ += "<ul>";
    for (const auto& line : lines) out_ += "<li>" + line + "</li>";
    out_ += "</ul>\n";
  }

  static std::string ticket_line(const Ticket& ticket, const std::string& when) {
    std::string line = "<b>" + escape(ticket.number) + "</b> " + escape(ticket.subject);
    if (!when.empty()) line += " <span class=\"muted\">" + escape(when) + "</span>";
    return line;
  }

  static std::string reminder_line(const Reminder& reminder) {
    std::string line = escape(reminder.reason) + " <span class=\"muted\">" + escape(paris_time(reminder.due_at));
    if (!reminder.assignee.empty()) line += " · " + escape(reminder.assignee);
    return line + "</span>";
  }

  // Reminders by state as one stacked bar.
  void stacked_bar(const std::array<std::pair<std::int64_t, const char*>, 3>& parts,
                   const std::array<const char*, 3>& colours) {
    std::int64_t total = 0;
    for (const auto& part : parts) total += part.first;
    out_ += "<svg width=\"300\" height=\"72\" viewBox=\"0 0 300 72\" role=\"img\">";
    if (total == 0) {
      out_ += "<rect x=\"0\" y=\"4\" width=\"300\" height=\"18\" rx=\"4\" fill=\"#e2e8f0\"/>";
    }
    double x = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (total == 0 || parts[i].first == 0) continue;
      const double width = 300.0 * static_cast<double>(parts[i].first) / static_cast<double>(total);
      char rect[200];
      std::snprintf(rect, sizeof rect, "<rect x=\"%.1f\" y=\"4\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>", x, width,
                    colours[i]);
      out_ += rect;
      x += width;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      char legend[300];
      // One legend line each: the French labels are too long side by side.
      std::snprintf(legend, sizeof legend,
                    "<rect x=\"0\" y=\"%zu\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    "<text x=\"14\" y=\"%zu\" font-size=\"11\">",
                    30 + i * 14, colours[i], 39 + i * 14);
      out_ += legend;
      out_ += escape(parts[i].second) + "</text>";
    }
    out_ += "</svg>\n";
  }

  void reminders() {
    const auto& r = d_.reminders;
    open("reminders", l_.reminders);
    out_ += "<div class=\"counts\">";
    tile("reminders.due_today", r.due_today, l_.due_today);
    tile("reminders.overdue", r.overdue, l_.overdue, r.overdue > 0 ? "alert" : "");
    tile("reminders.upcoming", r.upcoming, l_.upcoming + std::string(" ") + format_int(l_.more_days, d_.query.upcoming_days));
    out_ += "</div>\n";
    stacked_bar({{{r.overdue, l_.overdue}, {r.due_today, l_.due_today}, {r.upcoming, l_.upcoming}}},
                {"#e53e3e", "#dd6b20", "#3182ce"});
    std::vector<std::string> lines;
    for (const auto& reminder : r.first_overdue) lines.push_back(reminder_line(reminder));
    for (const auto& reminder : r.first_due_today) lines.push_back(reminder_line(reminder));
    list(lines);
    close();
  }

  void callbacks() {
    const auto& c = d_.callbacks;
    open("callbacks", l_.callbacks);
    out_ += "<div class=\"counts\">";
    tile("callbacks.due_today", c.due_today, l_.callbacks_today);
    tile("callbacks.overdue", c.overdue, l_.callbacks_overdue, c.overdue > 0 ? "alert" : "");
    out_ += "</div>\n";
    std::vector<std::string> lines;
    for (const auto& ticket : c.first) lines.push_back(ticket_line(ticket, ticket.callback_at ? paris_time(*ticket.callback_at) : ""));
    list(lines);
    close();
  }

  void waiting() {
    const auto& w = d_.waiting;
    open("waiting", l_.waiting);
    out_ += "<p class=\"muted\">" + escape(format_int(l_.waiting_since, d_.query.waiting_days)) + "</p>";
    out_ += "<div class=\"counts\">";
    tile("waiting.waiting_customer", w.waiting_customer, l_.waiting_customer);
    tile("waiting.unanswered", w.unanswered, l_.unanswered, w.unanswered > 0 ? "alert" : "");
    out_ += "</div>\n";
    std::vector<std::string> lines;
    for (const auto& ticket : w.first_unanswered) lines.push_back(ticket_line(ticket, paris_day(ticket.created_at)));
    for (const auto& ticket : w.first_waiting_customer) lines.push_back(ticket_line(ticket, l_.waiting_customer));
    list(lines);
    close();
  }

  void new_requests() {
    const auto& n = d_.new_requests;
    open("new_requests", std::string(l_.new_requests) + " " + l_.new_since);
    out_ += "<div class=\"counts\">";
    tile("new_requests.total", n.total, l_.total);
    for (const auto& [source, count] : n.by_source) tile("new_requests." + source, count, source_label(source, l_));
    out_ += "</div>\n";
    std::vector<std::string> lines;
    for (const auto& ticket : n.first) lines.push_back(ticket_line(ticket, paris_time(ticket.created_at)));
    list(lines);
    close();
  }

  // A half-circle gauge of the traced share.
  void gauge(std::optional<double> share) {
    constexpr double kPi = 3.14159265358979323846;
    const double value = share.value_or(0);
    const double angle = kPi * (1.0 - value);
    const double x = 100 + 80 * std::cos(angle);
    const double y = 100 - 80 * std::sin(angle);
    const char* colour = value >= 0.9 ? "#38a169" : value >= 0.6 ? "#dd6b20" : "#e53e3e";
    char svg[900];
    std::snprintf(svg, sizeof svg,
                  "<svg width=\"200\" height=\"120\" viewBox=\"0 0 200 120\" role=\"img\">"
                  "<path d=\"M20 100 A80 80 0 0 1 180 100\" fill=\"none\" stroke=\"#e2e8f0\" stroke-width=\"18\"/>"
                  "%s"
                  "<text x=\"100\" y=\"95\" text-anchor=\"middle\" font-size=\"28\" font-weight=\"700\" "
                  "data-percent=\"traceability.share\">%s</text></svg>\n",
                  share && value > 0
                      ? (std::string("<path d=\"M20 100 A80 80 0 0 1 ") + std::to_string(x) + " " + std::to_string(y) +
                         "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"18\"/>")
                            .c_str()
                      : "",
                  share ? (std::to_string(static_cast<int>(std::lround(value * 100))) + " %").c_str() : l_.none);
    out_ += svg;
  }

  void traceability() {
    const auto& t = d_.traceability;
    open("traceability", l_.traceability);
    gauge(t.share());
    out_ += "<p class=\"muted\" style=\"text-align:center\">" + escape(l_.traced_share) + ", " +
            escape(paris_day(t.from)) + " – " + escape(paris_day(t.to)) + "</p>";
    if (!t.share()) out_ += "<p class=\"muted\">" + escape(l_.nothing_in) + "</p>";
    out_ += "<div class=\"counts\">";
    tile("traceability.inbound", t.inbound(), l_.inbound);
    tile("traceability.traced", t.traced(), l_.traced, "ok");
    tile("traceability.untraced", t.untraced(), l_.untraced, t.untraced() > 0 ? "alert" : "");
    out_ += "</div><div class=\"counts\">";
    tile("traceability.inbound_calls", t.inbound_calls, l_.inbound_calls);
    tile("traceability.inbound_emails", t.inbound_emails, l_.inbound_emails);
    tile("traceability.linked_to_ticket", t.linked_to_ticket, l_.linked);
    tile("traceability.no_follow_up", t.no_follow_up, l_.no_follow_up);
    out_ += "</div>\n";
    close();
  }

  void triage() {
    const auto& t = d_.triage;
    open("triage", l_.triage);
    out_ += "<div class=\"counts\">";
    tile("triage.count", t.count, l_.in_triage, t.count > 0 ? "alert" : "");
    out_ += "</div>\n";
    if (t.oldest) out_ += "<p class=\"muted\">" + escape(l_.oldest) + " : " + escape(paris_time(*t.oldest)) + "</p>";
    std::vector<std::string> lines;
    for (const auto& mail : t.first) {
      lines.push_back(escape(mail.subject) + " <span class=\"muted\">" + escape(mail.from_address) + " · " +
                      escape(paris_time(mail.received_at)) + "</span>");
    }
    list(lines);
    close();
  }

  std::string median_cell(const std::string& key, const std::optional<std::chrono::seconds>& value) {
    return "<td data-seconds=\"" + escape(key) + "\"" +
           (value ? " data-value=\"" + std::to_string(value->count()) + "\">" + escape(duration_text(*value, l_))
                  : std::string(">") + escape(l_.none)) +
           "</td>";
  }

  // This week against last, one pair of bars per median.
  void response_bars() {
    const auto& r = d_.response_times;
    const std::array<std::optional<std::chrono::seconds>, 4> values = {
        r.this_week.median_first_answer, r.last_week.median_first_answer, r.this_week.median_resolution,
        r.last_week.median_resolution};
    long long highest = 1;
    for (const auto& value : values) {
      if (value) highest = std::max<long long>(highest, value->count());
    }
    out_ += "<svg width=\"320\" height=\"130\" viewBox=\"0 0 320 130\" role=\"img\">";
    const std::array<const char*, 2> groups = {l_.first_answer, l_.resolution};
    for (std::size_t group = 0; group < 2; ++group) {
      const double y = 8 + group * 58.0;
      out_ += "<text x=\"0\" y=\"" + std::to_string(y + 8) + "\" font-size=\"11\">" + escape(groups[group]) + "</text>";
      for (std::size_t week = 0; week < 2; ++week) {
        const auto& value = values[group * 2 + week];
        const double width = value ? 220.0 * static_cast<double>(value->count()) / static_cast<double>(highest) : 0;
        char bar[300];
        std::snprintf(bar, sizeof bar,
                      "<rect x=\"0\" y=\"%.1f\" width=\"%.1f\" height=\"16\" rx=\"3\" fill=\"%s\"/>"
                      "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">",
                      y + 14 + week * 20.0, std::max(width, 1.0), week == 0 ? "#3182ce" : "#a0aec0",
                      std::max(width, 1.0) + 4, y + 26 + week * 20.0);
        out_ += bar;
        out_ += escape(std::string(week == 0 ? l_.this_week : l_.last_week) + " " +
                       (value ? duration_text(*value, l_) : std::string(l_.none))) +
                "</text>";
      }
    }
    out_ += "</svg>\n";
  }

  void response_times() {
    const auto& r = d_.response_times;
    open("response_times", l_.response_times);
    response_bars();
    out_ += "<table><tr><th></th><th>" + escape(l_.this_week) + "</th><th>" + escape(l_.last_week) + "</th></tr>";
    out_ += "<tr><th>" + escape(l_.first_answer) + "</th>" +
            median_cell("response_times.this_week.median_first_answer", r.this_week.median_first_answer) +
            median_cell("response_times.last_week.median_first_answer", r.last_week.median_first_answer) + "</tr>";
    out_ += "<tr><th>" + escape(l_.resolution) + "</th>" +
            median_cell("response_times.this_week.median_resolution", r.this_week.median_resolution) +
            median_cell("response_times.last_week.median_resolution", r.last_week.median_resolution) + "</tr>";
    auto count_cell = [&](const std::string& key, std::int64_t value) {
      return "<td><span data-count=\"" + escape(key) + "\">" + std::to_string(value) + "</span></td>";
    };
    out_ += "<tr><th>" + escape(l_.answered) + "</th>" + count_cell("response_times.this_week.answered", r.this_week.answered) +
            count_cell("response_times.last_week.answered", r.last_week.answered) + "</tr>";
    out_ += "<tr><th>" + escape(l_.resolved) + "</th>" + count_cell("response_times.this_week.resolved", r.this_week.resolved) +
            count_cell("response_times.last_week.resolved", r.last_week.resolved) + "</tr></table>\n";
    close();
  }

  void extension(const DashboardSection& section) {
    auto title = section.title.find(l_.lang);
    if (title == section.title.end()) title = section.title.find("fr");
    open(section.name, title != section.title.end() ? title->second : section.name);
    out_ += "<div class=\"counts\">";
    // A section's lone "count" reads as the section's title already.
    for (const auto& [name, value] : section.counts) {
      tile(section.name + "." + name, value, name == "count" ? std::string(l_.total) : name);
    }
    out_ += "</div>\n";
    std::vector<std::string> lines;
    for (const auto& item : section.items) {
      std::string line = escape(item.label);
      if (item.time) line += " <span class=\"muted\">" + escape(paris_time(*item.time)) + "</span>";
      lines.push_back(std::move(line));
    }
    list(lines);
    close();
  }

  const Dashboard& d_;
  const Labels& l_;
  std::string out_;
};

}  // namespace

std::map<std::string, std::int64_t> dashboard_counts(const Dashboard& d) {
  std::map<std::string, std::int64_t> counts{
      {"reminders.due_today", d.reminders.due_today},
      {"reminders.overdue", d.reminders.overdue},
      {"reminders.upcoming", d.reminders.upcoming},
      {"callbacks.due_today", d.callbacks.due_today},
      {"callbacks.overdue", d.callbacks.overdue},
      {"waiting.waiting_customer", d.waiting.waiting_customer},
      {"waiting.unanswered", d.waiting.unanswered},
      {"new_requests.total", d.new_requests.total},
      {"traceability.inbound", d.traceability.inbound()},
      {"traceability.traced", d.traceability.traced()},
      {"traceability.untraced", d.traceability.untraced()},
      {"traceability.inbound_calls", d.traceability.inbound_calls},
      {"traceability.inbound_emails", d.traceability.inbound_emails},
      {"traceability.linked_to_ticket", d.traceability.linked_to_ticket},
      {"traceability.no_follow_up", d.traceability.no_follow_up},
      {"triage.count", d.triage.count},
      {"response_times.this_week.answered", d.response_times.this_week.answered},
      {"response_times.this_week.resolved", d.response_times.this_week.resolved},
      {"response_times.last_week.answered", d.response_times.last_week.answered},
      {"response_times.last_week.resolved", d.response_times.last_week.resolved},
  };
  for (const auto& [source, count] : d.new_requests.by_source) counts["new_requests." + source] = count;
  for (const auto& section : d.sections) {
    for (const auto& [name, value] : section.counts) counts[section.name + "." + name] = value;
  }
  return counts;
}

std::string render_dashboard_html(const Dashboard& dashboard, const DashboardHtmlOptions& options) {
  const Labels* labels = nullptr;
  if (options.language == "fr") labels = &kFrench;
  if (options.language == "en") labels = &kEnglish;
  if (!labels) throw InvalidInputError("language", options.language, "expected fr or en");
  std::string title = options.title;
  if (title.empty()) {
    title = dashboard.user.empty() ? std::string(labels->dashboard_office)
                                   : format(labels->dashboard_of, dashboard.user);
    title += " — " + paris_day(dashboard.at);
  }
  return Page(dashboard, *labels).render(title);
}

}  // namespace v1
}  // namespace relais
