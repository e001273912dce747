#include "present/bottleneck_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "model/label_text.h"
#include "text/duration.h"
#include "text/format.h"

namespace sujuva {

std::string no_bottleneck_sentence(const Analysis& analysis, const Process& process, Lang lang) {
  if (std::any_of(analysis.roles.begin(), analysis.roles.end(), [](const RoleResult& r) { return r.bottleneck; }))
    return "";
  const RoleResult* busiest = analysis.busiest_role();
  if (!busiest || !busiest->utilisation || *busiest->utilisation <= 0) return "";
  auto index = process.find_role(busiest->id);
  std::string label = one_line(index ? process.roles[*index].label.in(lang, busiest->id) : busiest->id);
  std::string sentence =
      fmt::format(fmt::runtime(say(lang, "Mikään rooli ei ole pullonkaula. Kuormittunein rooli: {}, käyttöaste {}",
                                   "Ingen roll är en flaskhals. Mest belastad roll: {}, beläggning {}",
                                   "No role is a bottleneck. Busiest role: {}, utilisation {}")),
                  label, format_percent(*busiest->utilisation, lang));
  if (busiest->wait_weeks)
    sentence += fmt::format(fmt::runtime(say(lang, ", odotus keskimäärin {}", ", väntan i genomsnitt {}",
                                             ", average wait {}")),
                            format_duration(*busiest->wait_weeks, process.calendar.working_days_per_week(), lang));
  return sentence + ".";
}

}  // namespace sujuva
