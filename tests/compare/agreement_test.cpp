// The analytic engine and the simulation give the same waits and lead times, within the
// bounds that processes/README.md ("How the figures are computed") states.
#include <filesystem>

#include "flow/analysis.h"
#include "sim/simulation.h"
#include "support.h"

using namespace sujuva;

namespace {

// The documented bounds of the analytic figures against the simulation (processes/README.md):
// the mean wait per visit (Allen–Cunneen with the re-entry correction and the part-speed chain)
// within 12 % below 90 % utilisation and 20 % above, where the simulation's own mean also
// converges slowly; the mean lead time within 6 % (the part-speed server's share of the visits
// comes from the chain of exponential services).
double wait_bound(double utilisation) { return utilisation < 0.9 ? 0.12 : 0.20; }
constexpr double kLeadTimeBound = 0.06;

void check_agreement(const Process& process, const std::string& name) {
  Analysis a = analyze(process);
  SimulationOptions options;
  options.weeks = 4000;
  options.replications = 10;
  options.warmup_weeks = suggested_warmup_weeks(process);  // as `sujuva simulate` does
  Simulation s = simulate(process, options);
  REQUIRE(a.roles.size() == s.roles.size());
  for (size_t r = 0; r < a.roles.size(); ++r) {
    const RoleResult& role = a.roles[r];
    if (role.visits_per_week <= 0 || !role.wait_weeks) continue;
    const Estimate& simulated = s.roles[r].wait_weeks.mean;
    const double relative = *role.wait_weeks / simulated.mean - 1;
    INFO(name << ", role " << role.id << ": analytic " << *role.wait_weeks << ", simulated " << simulated.mean
              << " (" << simulated.low << "–" << simulated.high << "), utilisation " << *role.utilisation);
    // A wait under about ten minutes (0.004 weeks) is noise for everyone reading it.
    CHECK((test::agrees(simulated, *role.wait_weeks) || std::abs(relative) <= wait_bound(*role.utilisation) ||
           std::abs(*role.wait_weeks - simulated.mean) < 0.004));
  }
  REQUIRE(a.lead_time_weeks.mean);
  const Estimate& lead = s.overall.lead_time_weeks.mean;
  INFO(name << ": analytic lead time " << *a.lead_time_weeks.mean << ", simulated " << lead.mean);
  CHECK((test::agrees(lead, *a.lead_time_weeks.mean) ||
         std::abs(*a.lead_time_weeks.mean / lead.mean - 1) <= kLeadTimeBound));
  // By assessment outcome, the per-class figure every output shows: the analytic one from the
  // chain cut at the first assessment, the simulated one from each client's recorded outcome.
  // Classes with under 5 % of the clients have too few completions for a tight interval.
  REQUIRE(s.by_assessment.size() == process.classes.size());
  for (size_t k = 0; k < process.classes.size(); ++k) {
    const std::string& cls = process.classes[k];
    if (a.lead_time_weeks.share_by_assessment.at(cls) < 0.05) continue;
    REQUIRE(a.lead_time_weeks.by_assessment.at(cls));
    const double analytic = *a.lead_time_weeks.by_assessment.at(cls);
    const Estimate& simulated = s.by_assessment[k].lead_time_weeks.mean;
    INFO(name << ", assessed " << cls << ": analytic lead time " << analytic << ", simulated " << simulated.mean << " ("
              << simulated.low << "–" << simulated.high << ")");
    CHECK((test::agrees(simulated, analytic) || std::abs(analytic / simulated.mean - 1) <= kLeadTimeBound));
  }
}

// One role doing the steps in sequence, each client going straight to the next; `fte` full-time
// servers (hours_per_fte 40, no absence) at flow utilisation `utilisation`.
std::string sequence_model(double fte, double utilisation, const std::vector<std::string>& efforts,
                           const std::vector<double>& hours, double go_on) {
  double work = 0, reach = 1;
  for (size_t i = 0; i < hours.size(); ++i) work += reach * hours[i], reach *= i + 1 < hours.size() ? go_on : 1;
  const double arrivals = utilisation * fte * 40 / work;
  std::string dot = "digraph g {\n hours_per_fte=40;\n tulo [kind=start, arrivals=\"" + std::to_string(arrivals) +
                    "/week\"];\n subgraph cluster_r { role=r; fte=" + std::to_string(fte) + ";\n";
  for (size_t i = 0; i < efforts.size(); ++i) dot += "  s" + std::to_string(i) + " [effort=\"" + efforts[i] + "\"];\n";
  dot += " }\n loppu [kind=end];\n tulo -> s0;\n";
  for (size_t i = 0; i + 1 < efforts.size(); ++i) {
    auto from = "s" + std::to_string(i), to = "s" + std::to_string(i + 1);
    dot += " " + from + " -> " + to + " [p=" + std::to_string(go_on) + "];\n";
    dot += " " + from + " -> loppu [p=" + std::to_string(1 - go_on) + "];\n";
  }
  dot += " s" + std::to_string(efforts.size() - 1) + " -> loppu;\n}\n";
  return dot;
}

}  // namespace

TEST_CASE("Every bundled model's analytic waits and lead time agree with its simulation", "[compare][agreement]") {
  const std::filesystem::path root = std::string(SUJUVA_SOURCE_DIR) + "/processes";
  std::vector<std::filesystem::path> files;
  for (const auto& folder : {root, root / "examples"})
    for (const auto& entry : std::filesystem::directory_iterator(folder))
      if (entry.path().extension() == ".dot") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 10);
  for (const auto& file : files) {
    auto result = read_process_file(file.string());
    REQUIRE(result.usable());
    check_agreement(*result.process, file.filename().string());
  }
}

TEST_CASE("Generated models agree: part-speed servers, mixed efforts, clients who go straight on",
          "[compare][agreement]") {
  struct Case {
    double fte, utilisation;
    std::vector<std::string> efforts;
    std::vector<double> hours;
    double go_on;
  } cases[] = {
      {1.48, 0.5, {"gamma(mean=40min, cv=0.5)", "tri(5min, 15min, 40min)", "lognormal(mean=45min, cv=0.6)"},
       {40.0 / 60, 20.0 / 60, 45.0 / 60}, 0.6},
      {2.5, 0.8, {"15min", "gamma(mean=1h, cv=0.4)", "gamma(mean=5h, cv=0.6)"}, {0.25, 1, 5}, 0.5},
      {1.96, 0.75, {"15min", "gamma(mean=1h, cv=0.4)", "gamma(mean=5h, cv=0.6)", "30min"}, {0.25, 1, 5, 0.5}, 0.8},
      {4, 0.85, {"5h", "15min"}, {5, 0.25}, 1.0},
      {0.7, 0.6, {"exp(1h)", "gamma(mean=2h, cv=1.5)"}, {1, 2}, 0.5},
      {3.3, 0.7, {"lognormal(mean=30min, cv=1)", "1h", "gamma(mean=3h, cv=2)"}, {0.5, 1, 3}, 0.7},
  };
  for (const auto& c : cases) {
    std::string dot = sequence_model(c.fte, c.utilisation, c.efforts, c.hours, c.go_on);
    INFO(dot);
    check_agreement(test::load_model(dot), "generated");
  }
  SECTION("with feedback through a delay and two classes") {
    check_agreement(test::load_model(R"dot(digraph f {
      hours_per_fte=38.25;
      tulo [kind=start, arrivals="12/week"];
      subgraph cluster_so { role=so; fte=2.6; absence=0.1; reserved=0.3;
        arvio [kind=checkpoint, assesses="special", effort="gamma(mean=2h, cv=0.5)"];
        ohjaus [effort="lognormal(mean=1.5h, cv=0.8)", delay="tri(1d, 3d, 1w)"];
      }
      subgraph cluster_sw { role=sw; fte=1.8; absence=0.1; reserved=0.2;
        tyo [effort="gamma(mean=3h, cv=0.6)"];
        paatos [effort="45min"];
      }
      loppu [kind=end];
      tulo -> arvio;
      arvio -> tyo [p=0.3, outcome="special"];
      arvio -> ohjaus [p=0.7];
      ohjaus -> ohjaus [p=0.4];
      ohjaus -> loppu [p=0.6];
      tyo -> paatos;
      paatos -> tyo [p=0.3];
      paatos -> loppu [p=0.7];
    })dot"),
                    "feedback and classes");
  }
}
