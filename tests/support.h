// Helpers shared by the tests: inline models and in-process runs of the command line.
#pragma once

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "io/dot_reader.h"

namespace sujuva::test {

// Reads an inline DOT model; the test stops (with the reader's messages) if it is not usable.
inline Process load_model(const std::string& text, const std::string& file_name = "t.dot") {
  ReadResult result = read_process_text(text, file_name);
  std::string messages;
  for (const auto& d : result.diagnostics) messages += d.format() + "\n";
  INFO(messages);
  REQUIRE(result.usable());
  return std::move(*result.process);
}

struct CommandRun {
  int code;
  std::string out, err;
};

// `sujuva ARGS...` in-process, e.g. run_command({"analyze", "--json", path}).
inline CommandRun run_command(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = cli::run(args, out, err);
  return {code, out.str(), err.str()};
}

// A role label and a step label that would break HTML, SVG and DOT if not escaped.
inline const std::string kHostileLabels = R"dot(digraph h { hours_per_fte=40;
  subgraph cluster_x { role=x; label="<script>alert(1)</script>"; fte=2; tyo [label="Työ \"A\" & <b>", effort="exp(10h)"]; }
  in [kind=start, arrivals="4/week"]; out [kind=end];
  in -> tyo -> out;
})dot";

inline size_t count_occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace sujuva::test
