// libFuzzer entry point: the DOT reader and the checks must never crash on any input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check/check.h"
#include "io/dot_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = sujuva::read_process_text(text, "fuzz.dot");
  if (result.usable()) sujuva::check_process(*result.process);
  return 0;
}
