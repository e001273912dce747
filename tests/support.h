// Helpers shared by the tests: inline models, in-process runs of the command line, check findings.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <queue>
#include <random>
#include <tuple>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "present/table.h"
#include "check/check.h"
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

// A directory for this test run's files, removed when the tests end.
inline std::filesystem::path scratch_dir() {
  struct Directory {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("sujuva-test-" + std::to_string(::getpid()));
    Directory() { std::filesystem::create_directories(path); }
    ~Directory() {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  };
  static Directory directory;
  return directory.path;
}

// The bytes of a file ("" when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Writes `text` to `name` in the scratch directory; returns the path.
inline std::string write_scratch(const std::string& name, const std::string& text) {
  auto path = scratch_dir() / name;
  std::ofstream(path) << text;
  return path.string();
}

struct BinaryRun {
  int exit_code;
  std::string output;  // stdout and stderr together
};

// `sujuva ARGUMENTS` as a child process (a shell command line), for what only a real process shows.
inline BinaryRun run_binary(const std::string& arguments) {
  auto out = scratch_dir() / "out.txt";
  int status = std::system((std::string(SUJUVA_BINARY) + " " + arguments + " >" + out.string() + " 2>&1").c_str());
  std::ifstream in(out);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

// A role label and a step label that would break HTML, SVG and DOT if not escaped.
inline const std::string kHostileLabels = R"dot(digraph h { hours_per_fte=40;
  subgraph cluster_x { role=x; label="<script>alert(1)</script>"; fte=2; tyo [label="Työ \"A\" & <b>", effort="exp(10h)"]; }
  in [kind=start, arrivals="4/week"]; out [kind=end];
  in -> tyo -> out;
})dot";

// The widest line of `text` in code points (present/table.h's display_width).
inline size_t widest_line(const std::string& text) {
  size_t widest = 0, start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    widest = std::max(widest, display_width(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
  return widest;
}

inline size_t count_occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// --- check findings -------------------------------------------------------------------------

// The findings of `check_process` on an inline model, in English.
inline Diagnostics check_model(const std::string& text) { return check_process(load_model(text)); }

// "line: [warning: ]message" of every finding, to compare whole lists at once.
inline std::vector<std::string> lines_of(const Diagnostics& findings) {
  std::vector<std::string> out;
  for (const auto& d : findings)
    out.push_back(std::to_string(d.line) + ": " + (d.severity == Severity::warning ? "warning: " : "") + d.message);
  return out;
}

// A route as a list of step ids, to compare with a finding's route.
inline std::vector<std::string> route(std::initializer_list<const char*> ids) { return {ids.begin(), ids.end()}; }

// The one finding whose message contains `part`.
inline const Diagnostic& finding(const Diagnostics& findings, const std::string& part) {
  auto matches = std::count_if(findings.begin(), findings.end(),
                               [&](const Diagnostic& d) { return d.message.find(part) != std::string::npos; });
  INFO("looking for \"" << part << "\" in:\n"
                        << [&] {
                             std::string all;
                             for (const auto& d : findings) all += d.format() + "\n";
                             return all;
                           }());
  REQUIRE(matches == 1);
  return *std::find_if(findings.begin(), findings.end(),
                       [&](const Diagnostic& d) { return d.message.find(part) != std::string::npos; });
}

// A clean model: special clients found at "arvio" all go to the social worker.
inline const char* const kClean = R"(digraph {
  subgraph cluster_so { role=so; label="Sosiaaliohjaaja"; fte=2; qualification="social-counsellor";
    arvio [label="Palvelutarpeen\narviointi", kind=checkpoint, assesses=special, requires=sw, effort="1h"];
    ohjaus [effort="1h"];
  }
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; fte=1; qualification="social-worker";
    tyo [effort="2h"];
  }
  in [kind=start, arrivals="10/week"];
  out [kind=end];
  in -> arvio;
  arvio -> tyo [p=0.2, outcome=special];
  arvio -> ohjaus;
  tyo -> out;
  ohjaus -> out;
})";

// A deadline no client can meet: at least 2 weeks of waiting for documents (a constant delay)
// and 1 h of effort (1/40 week at 40 h a week) before the assessment, whose deadline is 7
// working days = 7 / 5 weeks = 1.4 weeks. The quickest route takes 2.025 weeks.
inline const char* const kLateDeadline = R"dot(digraph dl { hours_per_fte=40; hours_per_day=8;
  subgraph cluster_r { role=r; fte=2;
    liitteet [effort="1h", delay="2w"];
    arvio [kind=checkpoint, deadline="7wd", effort="tri(1h, 2h, 4h)"];
    nopea [effort="exp(1h)", delay="uniform(1d, 3d)"];
  }
  in [kind=start, arrivals="5/week"]; out [kind=end];
  in -> liitteet; liitteet -> arvio; arvio -> nopea; nopea -> out; })dot";

// A dead end at "a" (line 3), the only finding.
inline const char* const kBroken = R"(digraph {
  subgraph cluster_so { role=so; fte=1;
    a [effort="1h"];
  }
  in [kind=start, arrivals="1/week"];
  out [kind=end];
  in -> a;
  in -> out [p=0.5];
})";

// Two rules broken at the mandatory assessment "arvio" (line 3): "neuvonta" leads past it to
// the end, and clients assessed "special" can go on through "siirto -> ohjaus" to the end
// without the social worker's step "tyo" (Social Welfare Act s. 42).
inline const char* const kBilingual = R"(digraph {
  subgraph cluster_so { role=so; label="Sosiaaliohjaaja"; label_sv="Socialhandledare"; fte=2; qualification="social-counsellor";
    arvio [label="Palvelutarpeen arviointi", label_sv="Bedömning av servicebehov", kind=checkpoint, assesses=special, requires=sw, mandatory=true, effort="1h"];
    ohjaus [label="Ohjaus", label_sv="Handledning", effort="1h"];
    neuvonta [effort="30min"];
  }
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijä"; label_sv="Socialarbetare"; fte=1; qualification="social-worker";
    tyo [effort="2h"];
  }
  in [kind=start, arrivals="10/week"];
  siirto [kind=decision];
  out [kind=end];
  in -> arvio [p=0.7];
  in -> neuvonta;
  neuvonta -> out;
  arvio -> siirto [p=0.2, outcome=special];
  arvio -> ohjaus;
  siirto -> tyo;
  siirto -> ohjaus;
  tyo -> out;
  ohjaus -> out;
})";


// A deliberately plain simulation of one role, independent of both engines, to test them
// against: Poisson arrivals at `arrivals_per_week` into step 0, first come first served at
// servers of the given speeds (a waiting client takes the fastest idle one), and after each
// visit the client goes straight to the tail of the same queue for the next step (or leaves).
// Efforts are gamma with the step's mean (weeks of a full-speed server) and cv (0: constant).
// Returns the mean wait per visit of the visits that start after the first tenth of the run.
struct ReferenceStep {
  double mean = 0, cv = 0;
  std::vector<std::pair<int, double>> next;  // (step, probability); the rest leave
};

inline double reference_wait(const std::vector<ReferenceStep>& steps, double arrivals_per_week,
                             const std::vector<double>& speeds, long clients, std::uint64_t seed = 1) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::exponential_distribution<double> gap(arrivals_per_week);
  auto effort = [&](const ReferenceStep& s) {
    if (s.cv <= 0) return s.mean;
    std::gamma_distribution<double> g(1 / (s.cv * s.cv), s.mean * s.cv * s.cv);
    return g(rng);
  };
  std::vector<int> serving(speeds.size(), -1);  // step in service, -1 idle
  std::deque<std::pair<int, double>> queue;     // (step, joined at)
  using Completion = std::tuple<double, long, int>;  // (time, sequence, server)
  std::priority_queue<Completion, std::vector<Completion>, std::greater<>> completions;
  long sequence = 0, arrived = 0;
  const double warm_up = 0.1 * clients / arrivals_per_week;
  double now = 0, next_arrival = gap(rng), waited = 0;
  long started = 0;
  auto start = [&](int server, int step, double joined) {
    if (now >= warm_up) waited += now - joined, ++started;
    serving[server] = step;
    completions.emplace(now + effort(steps[step]) / speeds[server], sequence++, server);
  };
  auto join = [&](int step) {
    for (size_t s = 0; s < speeds.size(); ++s)
      if (serving[s] < 0) return start(static_cast<int>(s), step, now);
    queue.emplace_back(step, now);
  };
  while (arrived < clients || !completions.empty()) {
    if (arrived < clients && (completions.empty() || next_arrival < std::get<0>(completions.top()))) {
      now = next_arrival;
      ++arrived;
      next_arrival += gap(rng);
      join(0);
      continue;
    }
    auto [time, ignored, server] = completions.top();
    completions.pop();
    now = time;
    const int done = serving[server];
    serving[server] = -1;
    if (!queue.empty()) {  // the freed server takes the head of the queue first
      auto [step, joined] = queue.front();
      queue.pop_front();
      start(server, step, joined);
    }
    double u = uniform(rng);
    for (auto [step, p] : steps[done].next) {
      if (u < p) {
        join(step);
        break;
      }
      u -= p;
    }
  }
  return waited / started;
}

}  // namespace sujuva::test
