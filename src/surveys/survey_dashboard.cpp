#include "surveys/survey_dashboard.h"

#include "surveys/survey_rules.h"
#include "surveys/survey_store.h"

namespace relais::inline v1::detail {

DashboardSection surveys_to_relaunch_section(spi::Connection& connection, const DashboardContext& context) {
  DashboardSection section;
  section.name = "surveys_to_relaunch";
  section.title = {{"fr", "Enquêtes à relancer"}, {"en", "Surveys to relaunch"}};
  const SurveySettings settings = read_survey_settings(connection);
  const Timestamp cutoff = relaunch_cutoff(settings, context.at);
  section.counts["count"] = count_to_relaunch(connection, cutoff, settings.max_relaunches);
  if (context.query.items == 0) return section;
  for (const auto& survey :
       sent_surveys_due(connection, cutoff, context.at, settings.max_relaunches, true, context.query.items)) {
    section.items.push_back({"survey", survey.id.to_string(), survey.target_label + ", " + survey.customer_name,
                             survey.last_sent_at});
  }
  return section;
}

}  // namespace relais::inline v1::detail
