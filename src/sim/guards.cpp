// The messages of the simulation's guards, in the options' language.
#include "sim/guards.h"

#include <fmt/format.h>

namespace sujuva::sim::detail {

namespace {

// A guard of `kind` at `week`, its message the one of fi, sv and en in the options' language
// with `args` put in.
template <class... Args>
SimulationGuard guard(const char* kind, double week, const SimulationOptions& options, const char* fi, const char* sv,
                      const char* en, const Args&... args) {
  SimulationGuard g;
  g.kind = kind;
  g.week = week;
  g.message = fmt::format(fmt::runtime(say(options.lang, fi, sv, en)), args...);
  return g;
}

}  // namespace

SimulationGuard unstable_guard(const std::string& role, double queue, double week, const SimulationOptions& options) {
  SimulationGuard g = guard("unstable", week, options,
                            "rooli \"{}\": jono ylitti {} asiakasta viikkoon {:.1f} mennessä (noin {:.0f} asiakasta "
                            "viikossa enemmän kuin se palvelee): malli ei ole tasapainossa",
                            "rollen \"{}\": kön passerade {} klienter till vecka {:.1f} (omkring {:.0f} fler klienter "
                            "i veckan än den betjänar): modellen är instabil",
                            "role \"{}\": the queue passed {} clients by week {:.1f} (about {:.0f} more clients a week "
                            "than it serves): the model is unstable",
                            role, options.max_queue, week, week > 0 ? queue / week : 0.0);
  g.role = role;
  return g;
}

SimulationGuard wip_guard(const std::string& step, double week, const SimulationOptions& options) {
  SimulationGuard g = guard("wip_limit", week, options,
                            "yli {} asiakasta prosessissa yhtä aikaa viikkoon {:.1f} mennessä: simulointi pitää "
                            "enintään 4 × --max-queue asiakasta (muisti); malli ei ole tasapainossa tai on paljon "
                            "palveluprosessia suurempi",
                            "fler än {} klienter i processen samtidigt till vecka {:.1f}: simuleringen håller högst "
                            "4 × --max-queue klienter (minne); modellen är instabil eller långt större än en "
                            "serviceprocess",
                            "more than {} clients in the process at once by week {:.1f}: the simulation keeps at most "
                            "4 × --max-queue clients (memory); the model is unstable or far larger than a service "
                            "process",
                            4 * options.max_queue, week);
  g.step = step;
  return g;
}

SimulationGuard visit_guard(const std::string& step, double week, const SimulationOptions& options) {
  SimulationGuard g = guard("visit_limit", week, options,
                            "vaihe \"{}\": asiakas teki yli {} käyntiä viikkoon {:.1f} mennessä: silmukka päästää "
                            "asiakkaat tuskin koskaan ulos",
                            "steget \"{}\": en klient gjorde fler än {} besök till vecka {:.1f}: en slinga släpper "
                            "nästan aldrig ut klienterna",
                            "step \"{}\": a client made more than {} visits by week {:.1f}: a loop almost never lets "
                            "clients out",
                            step, options.max_visits, week);
  g.step = step;
  return g;
}

}  // namespace sujuva::sim::detail
