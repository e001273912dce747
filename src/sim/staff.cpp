// Staffing a role's servers and starting their absence cycles.
#include "sim/staff.h"

namespace sujuva::sim::detail {

void Staff::add_servers(const CompiledRole& spec, int r, const SimulationOptions& options, double now, Rng& rng,
                        EventSet& events) {
  const int first = static_cast<int>(servers.size());
  for (double speed : spec.speeds) servers.push_back(Server{speed, 1 / speed});
  for (int i = static_cast<int>(servers.size()) - 1; i >= first; --i) {
    if (servers[i].speed < 1)
      fractional = i;
    else
      idle.push_back(i), servers[i].listed_idle = true;
  }
  bool random_absence = options.absence_model == AbsenceModel::random && spec.absence > 0 && spec.absence < 1;
  if (!random_absence) return;
  // Present and absent spells are exponential, so that a server is absent a share
  // `absence` of the time.
  double spell = options.absence_spell_weeks;
  mean_present = spell * (1 - spec.absence) / spec.absence;
  for (size_t i = first; i < servers.size(); ++i) {
    bool absent = rng.uniform() < spec.absence;
    servers[i].absent = absent;
    double next = rng.exponential(absent ? spell : mean_present);
    events.schedule(now + next, EventKind::absence, r, static_cast<int>(i));
  }
}

void Staff::retire_servers() {
  for (auto& server : servers) server.retired = true, server.listed_idle = false;
  idle.clear();
  fractional = -1;
}

}  // namespace sujuva::sim::detail
