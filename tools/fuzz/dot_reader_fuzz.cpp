// libFuzzer entry point: the DOT reader, the checks and the flow analysis must never crash on any input, in any
// language. The analysis may refuse a model (AnalysisError, e.g. a loop with no exit); anything else escaping
// it is a bug and stops the fuzzer.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/check.h"
#include "flow/analysis.h"
#include "io/dot_reader.h"

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
  return 0;
}
