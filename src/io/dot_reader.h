// Reads a service process from a Graphviz DOT file (parsed by cgraph) into a `Process`.
//
//   auto result = read_process_file("processes/aikuissosiaalityo-nykytila.dot");
//   for (const auto& d : result.diagnostics) std::cerr << d.format() << '\n';
//   if (!result.usable()) return 2;   // unreadable input
//   const Process& process = *result.process;
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.h"
#include "model/process.h"

namespace sujuva {

struct ReadResult {
  std::optional<Process> process;
  Diagnostics diagnostics;  // errors make the model unusable; warnings do not
  bool usable() const { return process.has_value() && !has_errors(diagnostics); }
};

// The messages are in `lang`; attribute names, units and the user's text stay as written.
ReadResult read_process_file(const std::string& path, Lang lang = Lang::en);
// `file_name` names the input in messages; the process name is its stem.
ReadResult read_process_text(std::string_view text, const std::string& file_name, Lang lang = Lang::en);

// The line of the first `name =` in a DOT file (outside comments and strings), 0 when the
// file does not set it or cannot be read: to point messages about a setting at its line.
int dot_attribute_line(const std::string& path, std::string_view name);

}  // namespace sujuva
