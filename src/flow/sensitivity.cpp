// Sensitivity: how the lead time and utilisation change with one more person or more absence at each role.
#include <algorithm>
#include <tuple>

#include "flow/analysis_internal.h"

namespace sujuva::detail {

void fill_sensitivity(const Process& process, const LeadModel& lead, const std::vector<RoleLoad>& loads,
                      const AnalysisOptions& options, Analysis& a) {
  auto base_waits = role_waits(a);
  const auto base_factors = service_time_factors(a);
  auto base_lead = lead.with(base_waits, base_factors);
  struct Change {
    const char* name;
    double fte, absence;
  };
  const Change changes[] = {{"fte+0.5", 0.5, 0}, {"fte+1", 1, 0}, {"absence+5pp", 0, 0.05}};
  for (size_t r = 0; r < a.roles.size(); ++r) {
    if (a.roles[r].demand_hours_per_week <= 0) continue;
    Sensitivity s;
    s.role = a.roles[r].id;
    for (const auto& change : changes) {
      Role role = process.roles[r];
      role.fte += change.fte;
      role.absence = std::min(0.99, role.absence + change.absence);
      RoleResult changed;
      fill_role_queue(changed, role, process.calendar, loads[r], options.arrival_variability);
      auto waits = base_waits;
      waits[r] = changed.visits_per_week > 0 ? changed.wait_weeks : std::optional<double>(0.0);
      auto factors = base_factors;
      factors[r] = changed.service_time_factor;
      s.cases.push_back({change.name, changed.utilisation, changed.wait_weeks, clean(lead.with(waits, factors))});
    }
    const auto& plus_one = s.cases[1].lead_time_weeks;
    if (base_lead && plus_one) s.lead_time_gain_weeks = *base_lead - *plus_one;
    a.sensitivity.push_back(std::move(s));
  }
  // Rank: the largest lead-time gain first; a change that makes the whole process
  // stable beats any gain; otherwise the largest drop in utilisation.
  auto key = [&](const Sensitivity& s) {
    const auto& role = *a.find_role(s.role);
    double util_drop = role.utilisation.value_or(10) - s.cases[1].utilisation.value_or(10);
    bool fixes = !base_lead && s.cases[1].lead_time_weeks.has_value();
    double gain = s.lead_time_gain_weeks.value_or(0);
    return std::make_tuple(fixes ? 1 : 0, fixes ? -*s.cases[1].lead_time_weeks : gain, util_drop);
  };
  std::stable_sort(a.sensitivity.begin(), a.sensitivity.end(),
                   [&](const Sensitivity& x, const Sensitivity& y) { return key(x) > key(y); });
  for (size_t i = 0; i < a.sensitivity.size(); ++i) {
    auto& s = a.sensitivity[i];
    s.rank = static_cast<int>(i) + 1;
  }
}

}  // namespace sujuva::detail
