// libFuzzer entry point: the DOT reader, the checks, the flow analysis and the simulation must never crash or
// hang on any input, in any language. The analysis and the simulation may refuse a model (AnalysisError,
// SimulationError, e.g. a loop with no exit or a role without staff); anything else escaping them is a bug and
// stops the fuzzer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/check.h"
#include "flow/analysis.h"
#include "fuzz_support.h"
#include "io/dot_reader.h"
#include "sim/simulation.h"

namespace {

void simulate(const sujuva::Process& process, std::size_t size, sujuva::Lang lang) {
  sujuva::SimulationOptions options = fuzz::simulation_options(size, lang, 3);
  if (!(fuzz::arrivals_per_week(process) * (options.weeks + 8) <= 20000)) return;  // also NaN
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
