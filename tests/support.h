// Helpers shared by the tests: inline models and in-process runs of the command line.
#pragma once

#include <boost/math/distributions/students_t.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "io/dot_reader.h"
#include "sim/simulation.h"

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

// Whether a simulated estimate agrees with a value from theory: `truth` inside the estimate's
// Student-t interval widened from 95 % to 99.9 % confidence. A test that checks a dozen figures
// of one run at 95 % each would fail for about every second seed (1 − 0.95^12 = 46 %); at
// 99.9 % each, for about one seed in a hundred. That the 95 % intervals themselves cover the truth
// 95 % of the time is tested over many seeds in tests/sim/simulation_test.cpp.
inline bool agrees(const Estimate& e, double truth) {
  if (e.samples < 2) return false;
  const boost::math::students_t t(e.samples - 1);
  const double widen = quantile(t, 0.9995) / quantile(t, 0.975);
  const double centre = (e.low + e.high) / 2, half_width = (e.high - e.low) / 2 * widen;
  return std::abs(truth - centre) <= half_width;
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
