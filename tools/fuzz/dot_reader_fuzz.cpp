// libFuzzer entry point: the DOT reader, the checks, the flow analysis and the simulation must never crash or
// hang on any input, in any language. The analysis and the simulation may refuse a model (AnalysisError,
// SimulationError, e.g. a loop with no exit or a role without staff); anything else escaping them is a bug and
// stops the fuzzer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/check.h"
#include "flow/analysis.h"
#include "io/dot_reader.h"
#include "sim/simulation.h"

namespace {

// Total arrivals over the horizon; the simulation is fuzzed only where they are few, because a model may
// legitimately ask for a billion clients a week, which is work and not a hang.
double arrivals_per_week(const sujuva::Process& process) {
  double total = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(process.graph))) {
    const sujuva::Step& step = process.graph[v];
    if (step.kind == sujuva::StepKind::start) total += step.arrivals_per_week;
  }
  return total;
}

void simulate(const sujuva::Process& process, std::size_t size, sujuva::Lang lang) {
  sujuva::SimulationOptions options;
  options.lang = lang;
  options.weeks = 3;
  options.replications = 2;
  options.threads = 1;
  options.max_queue = 200;
  options.max_visits = 50;
  // The rarer paths of the engine, chosen by the input's length like the language.
  if (size & 4) options.calendar = sujuva::CalendarModel::office;
  if (size & 8) options.absence_model = sujuva::AbsenceModel::random;
  if (!(arrivals_per_week(process) * (options.weeks + 8) <= 20000)) return;  // also NaN
  try {
    options.warmup_weeks = std::min(8.0, sujuva::suggested_warmup_weeks(process, lang));
    sujuva::simulate(process, options);
  } catch (const sujuva::SimulationError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The messages are built differently per language: take it from the input's length.
  const auto lang = static_cast<sujuva::Lang>(size % 3);
  auto result = sujuva::read_process_text(text, "fuzz.dot", lang);
  if (!result.usable()) return 0;
  sujuva::check_process(*result.process, lang);
  try {
    sujuva::AnalysisOptions options;
    options.lang = lang;
    options.projection_weeks = 4;  // and the sensitivity, the checkpoints' share cases
    sujuva::analyze(*result.process, options);
  } catch (const sujuva::AnalysisError&) {
  }
  simulate(*result.process, size, lang);
  return 0;
}
