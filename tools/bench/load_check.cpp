// Benchmark: load and check generated layered models of 1 000, 10 000 and 100 000 steps.
//
//   build/bench_load_check            # prints a table: steps, DOT bytes, load, check, peak RSS
//   build/bench_load_check --dot 1000 # prints the generated model instead (for `sujuva check`)
//
// The model: layers of 100 tasks, each step with three routes to the next layer, a rework
// route back every seventh step, a checkpoint (assesses=special, requires=social-worker)
// every tenth step (every 100th of them after the middle lets special clients bypass the social
// workers), one mandatory checkpoint layer in the middle, 40 roles.
//
// Times are wall clock and, in brackets, this process's CPU time (the machine may be shared).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <sstream>
#include <string>

#include "check/check.h"
#include "io/dot_reader.h"

namespace {

constexpr int kRoles = 40;
constexpr int kWidth = 100;  // steps per layer

std::string step_id(int i) { return "s" + std::to_string(i); }

std::string generate(int steps) {
  std::mt19937 rng(42);
  const int layers = steps / kWidth;
  const int middle = layers / 2;
  auto id_at = [](int layer, int k) { return step_id(layer * kWidth + k); };
  auto width_of = [&](int layer) { return layer == middle ? 1 : kWidth; };
  std::ostringstream dot;
  dot << "digraph bench {\n  label=\"generated\";\n";
  std::vector<std::ostringstream> clusters(kRoles);
  for (int layer = 0; layer < layers; ++layer)
    for (int k = 0; k < width_of(layer); ++k) {
      int i = layer * kWidth + k;
      auto& out = clusters[i % kRoles];
      out << "    " << step_id(i) << " [label=\"Step " << i << "\"";
      if (layer == middle)
        out << ", kind=checkpoint, assesses=special, mandatory=true";
      else if (i % 10 == 3 && layer + 1 < layers && layer + 1 != middle)
        out << ", kind=checkpoint, assesses=special, requires=\"social-worker\"";
      out << ", effort=\"gamma(mean=" << 1 + i % 5 << "h, cv=0.5)\"];\n";
    }
  for (int r = 0; r < kRoles; ++r)
    dot << "  subgraph cluster_r" << r << " {\n    role=r" << r << "; fte=" << 1 + r % 4
        << (r % 3 == 0 ? "; qualification=\"social-worker\"" : "; qualification=\"social-counsellor\"") << ";\n"
        << clusters[r].str() << "  }\n";
  for (int k = 0; k < 3; ++k) dot << "  in" << k << " [kind=start, arrivals=\"" << 10 + k << "/week\"];\n";
  dot << "  out [kind=end];\n";
  for (int k = 0; k < kWidth; ++k) dot << "  in" << k % 3 << " -> " << id_at(0, k) << ";\n";
  for (int layer = 0; layer < layers; ++layer) {
    // One shift per layer: for each t, k -> k + 33 t + offset is a permutation of the next layer.
    int offset = std::uniform_int_distribution<int>(0, kWidth - 1)(rng);
    for (int k = 0; k < width_of(layer); ++k) {
      int i = layer * kWidth + k;
      std::string from = id_at(layer, k);
      if (layer + 1 == layers) {
        dot << "  " << from << " -> out;\n";
        continue;
      }
      // Each step of the next layer gets three routes in; the mandatory checkpoint leads to all of its next layer.
      int next_width = width_of(layer + 1);
      int targets = next_width == 1 ? 1 : layer == middle ? kWidth : 3;
      for (int t = 0; t < targets; ++t) {
        int target = next_width == 1 ? 0 : layer == middle ? t : (k + t * 33 + offset) % next_width;
        bool special = t == 0 && targets > 1 && (i % 10 == 3 || layer == middle);
        // Special clients go to a social worker's step, except from every 100th checkpoint after the middle.
        while (special && !(layer > middle && i % 1000 == 703) && next_width > 1 &&
               ((layer + 1) * kWidth + target) % kRoles % 3 != 0)
          target = (target + 1) % next_width;
        dot << "  " << from << " -> " << id_at(layer + 1, target);
        if (special) dot << " [p=0.2, outcome=special]";
        dot << ";\n";
      }
      if (i % 7 == 0 && layer > 0 && layer - 1 != middle) dot << "  " << from << " -> " << id_at(layer - 1, k) << ";\n";
    }
  }
  dot << "}\n";
  return dot.str();
}

struct Stopwatch {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  std::string elapsed() const {
    double w = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
    double c = double(std::clock() - cpu) / CLOCKS_PER_SEC;
    char text[64];
    std::snprintf(text, sizeof text, "%.3f (%.3f)", w, c);
    return text;
  }
};

long peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // Linux reports KiB
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--dot") {
    std::fputs(generate(std::atoi(argv[2])).c_str(), stdout);
    return 0;
  }
  std::printf("%8s %12s %16s %16s %9s %7s %13s\n", "steps", "DOT bytes", "load s (cpu)", "check s (cpu)", "findings",
              "errors", "peak RSS MiB");
  for (int steps : {1000, 10000, 100000}) {
    std::string text = generate(steps);
    Stopwatch loading;
    auto result = sujuva::read_process_text(text, "bench.dot");
    std::string load = loading.elapsed();
    if (!result.usable()) {
      std::fprintf(stderr, "generated model is not usable: %s\n", result.diagnostics.front().format().c_str());
      return 2;
    }
    Stopwatch checking;
    auto findings = sujuva::check_process(*result.process);
    std::string check = checking.elapsed();
    size_t errors = 0;
    for (const auto& d : findings) errors += d.severity == sujuva::Severity::error;
    std::printf("%8zu %12zu %16s %16s %9zu %7zu %13ld\n", boost::num_vertices(result.process->graph), text.size(),
                load.c_str(), check.c_str(), findings.size(), errors, peak_rss_mib());
  }
  return 0;
}
