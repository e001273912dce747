// What the fuzz targets share: the total arrivals of a model and the simulation options they fuzz with.
#pragma once

#include <boost/range/iterator_range.hpp>
#include <cstddef>

#include "model/process.h"
#include "sim/simulation.h"

namespace fuzz {

// Clients a week over all start steps. The simulation is fuzzed only where they are few: a model or a
// timeline may legitimately ask for a billion clients a week, which is work and not a hang.
inline double arrivals_per_week(const sujuva::Process& process) {
  double total = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(process.graph))) {
    const sujuva::Step& step = process.graph[v];
    if (step.kind == sujuva::StepKind::start) total += step.arrivals_per_week;
  }
  return total;
}

// Short runs with small guards; the rarer paths of the engine (office calendar, random absence) chosen
// by the input's length, as the language is.
inline sujuva::SimulationOptions simulation_options(std::size_t size, sujuva::Lang lang, double weeks) {
  sujuva::SimulationOptions options;
  options.lang = lang;
  options.weeks = weeks;
  options.replications = 2;
  options.threads = 1;
  options.max_queue = 200;
  options.max_visits = 50;
  if (size & 4) options.calendar = sujuva::CalendarModel::office;
  if (size & 8) options.absence_model = sujuva::AbsenceModel::random;
  return options;
}

}  // namespace fuzz
