// libFuzzer entry point: a timeline of changes (`week,target,value`) read, checked against a bundled model and
// applied by the projection and the simulation (phases, restaffing, retired servers) must never crash or hang.
// The model is $SUJUVA_FUZZ_MODEL (tools/fuzz/run sets processes/kuraattoripalvelut-nykytila.dot).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "flow/analysis.h"
#include "fuzz_support.h"
#include "io/dot_reader.h"
#include "model/timeline.h"
#include "sim/simulation.h"

namespace {

const sujuva::Process& model() {
  static const sujuva::Process process = [] {
    const char* path = std::getenv("SUJUVA_FUZZ_MODEL");
    auto read = sujuva::read_process_file(path ? path : "processes/kuraattoripalvelut-nykytila.dot");
    if (!read.usable()) std::abort();
    return *read.process;
  }();
  return process;
}

// The most clients a week that any phase of the timeline asks for (see fuzz::arrivals_per_week).
double busiest_phase(const sujuva::Timeline& timeline) {
  sujuva::Process process = model();
  double most = fuzz::arrivals_per_week(process);
  size_t next = 0;
  for (const auto& change : timeline.changes) {
    sujuva::apply_timeline_until(timeline, change.week, next, process);
    most = std::max(most, fuzz::arrivals_per_week(process));
  }
  return most;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto lang = static_cast<sujuva::Lang>(size % 3);
  auto read = sujuva::read_timeline_text(text, "fuzz.csv", lang);
  if (!read.timeline || !read.diagnostics.empty()) return 0;
  if (!sujuva::validate_timeline(*read.timeline, model(), lang).empty()) return 0;
  try {
    sujuva::AnalysisOptions options;
    options.lang = lang;
    options.projection_weeks = 30;
    options.timeline = *read.timeline;
    sujuva::analyze(model(), options);
  } catch (const sujuva::AnalysisError&) {
  }
  if (!(busiest_phase(*read.timeline) * 30 <= 20000)) return 0;  // also NaN
  sujuva::SimulationOptions options = fuzz::simulation_options(size, lang, 25);
  options.warmup_weeks = 5;
  options.timeline = *read.timeline;
  try {
    sujuva::simulate(model(), options);
  } catch (const sujuva::SimulationError&) {
  }
  return 0;
}
