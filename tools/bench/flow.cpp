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
// difference between the solutions. The last columns are end to end: the real
// command line (`sujuva analyze FILE` and `sujuva analyze --json FILE`, output to
// /dev/null) on the same model written to a file, its wall seconds and peak RSS.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <Eigen/SparseLU>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
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
  std::printf("   %.1e/%.1e%s", lu_residual, block_residual, analysis.stable() ? "" : " (unstable)");
  std::fflush(stdout);
}

// The sujuva binary next to this benchmark in the build directory (or SUJUVA_BINARY).
std::string sujuva_binary() {
#ifdef SUJUVA_BINARY
  return SUJUVA_BINARY;
#else
  return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "sujuva").string();
#endif
}

struct CliRun {
  bool ok = false;
  double wall = 0, cpu = 0, rss_mb = 0;
};

// One run of the command line as a child process, stdout to /dev/null; wait4
// gives its own CPU time and peak RSS.
CliRun run_cli(const std::vector<std::string>& args) {
  std::string binary = sujuva_binary();
  auto start = std::chrono::steady_clock::now();
  pid_t child = fork();
  if (child == 0) {
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDOUT_FILENO);
    std::vector<char*> argv{binary.data()};
    std::vector<std::string> copy = args;
    for (auto& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(binary.c_str(), argv.data());
    std::_Exit(127);
  }
  CliRun r;
  int status = 0;
  rusage usage{};
  if (child < 0 || wait4(child, &status, 0, &usage) != child) return r;
  r.wall = seconds_since(start);
  r.cpu = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + 1e-6 * (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
  r.rss_mb = usage.ru_maxrss / 1024.0;
  // Exit 1 means findings (an unstable role), still a complete analysis.
  r.ok = WIFEXITED(status) && (WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 1);
  return r;
}

void print_cli(const CliRun& r) {
  if (r.ok)
    std::printf(" %8.2f %8.2f %8.0f", r.wall, r.cpu, r.rss_mb);
  else
    std::printf(" %8s %8s %8s", "failed", "", "");
}

struct EndToEnd {
  CliRun text, json;
};

EndToEnd end_to_end(int steps) {
  std::string file = "/tmp/sujuva-bench-flow-" + std::to_string(getpid()) + "-" + std::to_string(steps) + ".dot";
  { std::ofstream(file, std::ios::binary) << generate(steps); }
  EndToEnd e{run_cli({"analyze", file}), run_cli({"analyze", "--json", file})};
  std::remove(file.c_str());
  return e;
}

bool meets_target(const CliRun& r) { return r.ok && r.wall < 10 && r.rss_mb < 2048; }

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
      "ratio = SciPy time / ours; diff = largest relative difference of the solutions.\n"
      "cli = `sujuva analyze FILE > /dev/null`, json = `sujuva analyze --json FILE > /dev/null`, each a\n"
      "child process: wall seconds, CPU seconds and peak RSS (MB), reading the DOT file included.\n");
  std::printf("%9s %9s %10s %8s %8s %9s %9s %9s %8s %9s %9s %9s %9s   %-17s %8s %8s %8s %8s %8s %8s\n", "steps",
              "states", "nonzeros", "load", "build", "LU", "block", "analyze", "RSS MB", "SciPy", "vs LU", "vs block",
              "diff", "residual LU/block", "cli s", "cli cpu", "cli MB", "json s", "json cpu", "json MB");
  std::fflush(stdout);
  std::optional<EndToEnd> million;
  for (int steps : sizes) {
    pid_t child = fork();
    if (child == 0) {
      run(steps);
      std::_Exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    EndToEnd e = end_to_end(steps);
    print_cli(e.text);
    print_cli(e.json);
    std::printf("\n");
    std::fflush(stdout);
    if (steps == 1000000) million = e;
  }
  if (million) {
    bool met = meets_target(million->text) && meets_target(million->json);
    std::printf(
        "target: 10^6 steps end to end < 10 s and < 2 GB: %s (analyze %.1f s, %.0f MB; --json %.1f s, %.0f MB)\n",
        met ? "met" : "not met", million->text.wall, million->text.rss_mb, million->json.wall, million->json.rss_mb);
  }
  return 0;
}
