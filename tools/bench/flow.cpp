// Benchmark: `analyze` on generated models of 10^3 .. 10^6 steps, against SciPy's spsolve.
//
//   build/bench_flow                     # sizes 1000 10000 100000 1000000
//   build/bench_flow 1000 10000          # chosen sizes
//   build/bench_flow --dot 1000          # print the generated model instead
//
// The model: a chain of segments of ten steps, each step with about three routes
// (on to the next step, a jump into the next segment, a rework route back inside
// its segment), a checkpoint at the start that sets "special" for 30 % of the
// clients (so the state space has two classes), 30 roles. Each size runs in its
// own child process so that its peak RSS is its own. The traffic equations are
// solved three ways: Eigen SparseLU (COLAMD) on the whole system, the
// block-triangular solver (strongly connected blocks in topological order, each
// block by LU), and SciPy's spsolve (SuperLU, COLAMD) on the same matrix handed
// over in Matrix Market format; the table shows times and the largest relative
// difference between the solutions.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Eigen/SparseLU>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unsupported/Eigen/SparseExtra>

#include "flow/analysis.h"
#include "flow/state_space.h"
#include "io/dot_reader.h"
#include "measure.h"
namespace {

using bench::cpu_seconds;
using bench::peak_rss_mb;
using bench::seconds_since;

constexpr int kRoles = 30;
constexpr int kSegment = 10;

std::string generate(int steps) {
  std::ostringstream dot;
  const double arrivals = 40;
  // Demand estimate per role: arrivals x (steps per role) x ~1.2 visits x 3 h; fte for utilisation ~0.6.
  double fte = arrivals * (double(steps) / kRoles) * 1.2 * 3.0 / 38.25 / 0.6;
  dot << "digraph bench {\n  label=\"generated\";\n  in [kind=start, arrivals=\"" << arrivals << "/week\"];\n"
      << "  out [kind=end];\n";
  std::vector<std::ostringstream> clusters(kRoles);
  for (int i = 0; i < steps; ++i) {
    auto& c = clusters[i % kRoles];
    c << "    s" << i << " [";
    if (i == 0) c << "kind=checkpoint, assesses=special, ";
    int kind = i % 3;
    if (kind == 0)
      c << "effort=\"exp(" << 1 + i % 5 << "h)\"";
    else if (kind == 1)
      c << "effort=\"gamma(mean=" << 1 + i % 5 << "h, cv=0.5)\"";
    else
      c << "effort=\"" << 1 + i % 5 << "h\", delay=\"1wd\"";
    c << "];\n";
  }
  for (int r = 0; r < kRoles; ++r)
    dot << "  subgraph cluster_r" << r << " {\n    role=r" << r << "; fte=" << fte << "; absence=0.05;\n"
        << clusters[r].str() << "  }\n";
  dot << "  in -> s0;\n";
  auto name = [&](int i) { return i >= steps ? std::string("out") : "s" + std::to_string(i); };
  for (int i = 0; i < steps; ++i) {
    std::string from = name(i);
    if (i == 0) {
      dot << "  s0 -> " << name(1) << " [outcome=special, p=0.3];\n  s0 -> " << name(1) << " [p=0.7];\n";
      continue;
    }
    int segment_start = i / kSegment * kSegment;
    int jump = (i / kSegment + 1) * kSegment + (i * 7) % kSegment;
    bool rework = i > segment_start;
    dot << "  " << from << " -> " << name(i + 1) << " [p=" << (rework ? 0.75 : 0.85) << "];\n";
    dot << "  " << from << " -> " << name(jump) << " [p=0.15];\n";
    if (rework) dot << "  " << from << " -> " << name(segment_start + (i * 3) % (i - segment_start)) << " [p=0.10];\n";
  }
  dot << "}\n";
  return dot.str();
}

struct ScipyResult {
  bool ok = false;
  double read = 0, solve = 0, rss = 0;
  std::string residual;
  Eigen::VectorXd x;
};

ScipyResult run_scipy(const Eigen::SparseMatrix<double>& a, const Eigen::VectorXd& b, const std::string& stem) {
  ScipyResult r;
  std::string a_file = stem + "-A.mtx", b_file = stem + "-b.mtx", x_file = stem + "-x.bin";
  Eigen::saveMarket(a, a_file);
  Eigen::saveMarketVector(b, b_file);
  std::string script = std::string(SUJUVA_SOURCE_DIR) + "/tools/bench/flow_scipy.py";
  std::string command = "/usr/bin/python3 " + script + " " + a_file + " " + b_file + " " + x_file;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe) {
    char line[512] = {0};
    char residual[64] = {0};
    if (fgets(line, sizeof line, pipe) && sscanf(line, "%lf %lf %63s %lf", &r.read, &r.solve, residual, &r.rss) == 4) {
      r.ok = true;
      r.residual = residual;
    }
    pclose(pipe);
  }
  if (r.ok) {
    r.x.resize(b.size());
    std::ifstream in(x_file, std::ios::binary);
    in.read(reinterpret_cast<char*>(r.x.data()), sizeof(double) * b.size());
    r.ok = bool(in);
  }
  std::remove(a_file.c_str());
  std::remove(b_file.c_str());
  std::remove(x_file.c_str());
  return r;
}

double max_relative_difference(const Eigen::VectorXd& x, const Eigen::VectorXd& y) {
  double scale = std::max(x.cwiseAbs().maxCoeff(), 1e-300);
  return (x - y).cwiseAbs().maxCoeff() / scale;
}

void run(int steps) {
  using clock = std::chrono::steady_clock;
  auto t = clock::now();
  std::string text = generate(steps);
  auto read = sujuva::read_process_text(text, "bench.dot");
  double load = seconds_since(t);
  if (!read.usable()) {
    for (auto& d : read.diagnostics) std::cerr << d.format() << "\n";
    std::exit(2);
  }
  text.clear();
  text.shrink_to_fit();
  const sujuva::Process& process = *read.process;

  t = clock::now();
  auto space = sujuva::detail::build_state_space(process);
  Eigen::SparseMatrix<double> a = sujuva::detail::traffic_matrix(space);
  double build = seconds_since(t);

  t = clock::now();
  Eigen::SparseLU<Eigen::SparseMatrix<double>, Eigen::COLAMDOrdering<int>> lu;
  lu.compute(a);
  Eigen::VectorXd x_lu = lu.solve(space.arrivals);
  double lu_time = seconds_since(t);
  double lu_residual = (a * x_lu - space.arrivals).norm() / space.arrivals.norm();

  t = clock::now();
  auto blocks = sujuva::detail::make_blocks(process, space);
  Eigen::VectorXd x_block = sujuva::detail::block_visits(space, blocks, space.arrivals, {});
  double block_time = seconds_since(t);
  double block_residual = (a * x_block - space.arrivals).norm() / space.arrivals.norm();

  t = clock::now();
  sujuva::Analysis analysis = sujuva::analyze(process);
  double analyze_time = seconds_since(t);
  double rss = peak_rss_mb();

  auto scipy = run_scipy(a, space.arrivals, "/tmp/sujuva-bench-flow-" + std::to_string(getpid()));
  std::printf("%9d %9d %10ld %8.3f %8.3f %9.3f %9.3f %9.3f %8.1f", steps, space.size(), long(a.nonZeros()), load, build,
              lu_time, block_time, analyze_time, rss);
  if (scipy.ok)
    std::printf(" %9.3f %8.1fx %8.1fx %9.1e", scipy.solve, scipy.solve / lu_time, scipy.solve / block_time,
                std::max(max_relative_difference(x_lu, scipy.x), max_relative_difference(x_block, scipy.x)));
  else
    std::printf(" %9s", "(no scipy)");
  std::printf("   %.1e/%.1e %s\n", lu_residual, block_residual, analysis.stable() ? "" : "(unstable)");
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<int> sizes;
  if (argc == 3 && std::string(argv[1]) == "--dot") {
    std::cout << generate(std::atoi(argv[2]));
    return 0;
  }
  for (int i = 1; i < argc; ++i) sizes.push_back(std::atoi(argv[i]));
  if (sizes.empty()) sizes = {1000, 10000, 100000, 1000000};
  std::printf(
      "Times in seconds. LU = Eigen SparseLU (COLAMD) factor+solve; block = block-triangular solver;\n"
      "SciPy = scipy.sparse.linalg.spsolve (SuperLU, COLAMD) on the same matrix (Matrix Market);\n"
      "ratio = SciPy time / ours; diff = largest relative difference of the solutions.\n");
  std::printf("%9s %9s %10s %8s %8s %9s %9s %9s %8s %9s %9s %9s %9s   %s\n", "steps", "states", "nonzeros", "load",
              "build", "LU", "block", "analyze", "RSS MB", "SciPy", "vs LU", "vs block", "diff", "residual LU/block");
  std::fflush(stdout);
  for (int steps : sizes) {
    pid_t child = fork();
    if (child == 0) {
      run(steps);
      std::_Exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
  }
  return 0;
}
