// libFuzzer entry point: the DOT reader and the checks must never crash on any input, in any language.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/check.h"
#include "io/dot_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  // The messages are built differently per language: take it from the input's length.
  const auto lang = static_cast<sujuva::Lang>(size % 3);
  auto result = sujuva::read_process_text(text, "fuzz.dot", lang);
  if (result.usable()) sujuva::check_process(*result.process, lang);
  return 0;
}
