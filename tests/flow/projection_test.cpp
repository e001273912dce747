// The backlog projection (flow/projection.cpp): the fluid queues week by week.
#include <catch2/catch.hpp>

#include "flow/analysis.h"
#include "support.h"

using namespace sujuva;

namespace {

// One role of 1 FTE at 40 h a week; every client takes exactly 1 h of its work.
std::string one_role(const std::string& arrivals) {
  return R"dot(digraph p { hours_per_fte=40; hours_per_day=8;
  subgraph cluster_w { role=w; fte=1; tyo [effort="1h"]; }
  in [kind=start, arrivals=")dot" +
         arrivals + R"dot("]; out [kind=end]; in -> tyo -> out; })dot";
}

std::vector<double> queue_by_week(const std::string& model, int weeks, double backlog = 0) {
  AnalysisOptions options;
  options.projection_weeks = weeks;
  if (backlog > 0) options.initial_backlog["w"] = backlog;
  Analysis a = analyze(test::load_model(model), options);
  REQUIRE(a.projection);
  REQUIRE(a.projection->queue_clients.size() == size_t(weeks) + 1);
  std::vector<double> queue;
  for (const auto& row : a.projection->queue_clients) queue.push_back(row.at(0));
  return queue;
}

}  // namespace

TEST_CASE("A role short of capacity builds a backlog that grows by the missing capacity each week", "[flow]") {
  // 50 clients a week need 50 h; the role has 40 h. By hand, a working day (1/5 week) brings 10
  // clients and serves 8 h = 8 of them, so 2 more wait after every day and 10 more after every
  // week: the queue at week w is 10·w, the missing 10 h a week at 1 h per client.
  auto queue = queue_by_week(one_role("50/week"), 8);
  for (int week = 0; week <= 8; ++week) {
    INFO("week " << week);
    CHECK(queue[week] == Approx(10.0 * week));
  }
}

TEST_CASE("A role with spare capacity drains a backlog at the spare rate, down to none", "[flow]") {
  // 30 clients a week need 30 h of the role's 40 h: 10 h a week to spare. By hand, a backlog of
  // 35 clients loses 2 a day (6 come, 8 are served), 10 a week: 25, 15 and 5 after weeks 1–3.
  // In week 4 the days leave 3, then 1, then the role serves everyone waiting: 0 from then on.
  auto queue = queue_by_week(one_role("30/week"), 6, 35);
  const std::vector<double> expected = {35, 25, 15, 5, 0, 0, 0};
  for (int week = 0; week <= 6; ++week) {
    INFO("week " << week);
    CHECK(queue[week] == Approx(expected[week]).margin(1e-9));
  }
}

TEST_CASE("Roles with time to spare keep no backlog, also after a handoff or rework within the day", "[flow]") {
  // 20 clients a week, 1 h at role v and then 1 h at role w, 40 h a week each: 20 h of the 40 are
  // used, so neither role is short of capacity and the fluid backlog is 0 at every week's end. (A
  // queue of one day's flow, 20 / 5 = 4 clients at w, is what a projection shows that leaves the
  // clients v passes on waiting until the next day.)
  const std::string handoff = R"dot(digraph p { hours_per_fte=40; hours_per_day=8;
    subgraph cluster_v { role=v; fte=1; a [effort="1h"]; }
    subgraph cluster_w { role=w; fte=1; b [effort="1h"]; }
    in [kind=start, arrivals="20/week"]; out [kind=end]; in -> a -> b -> out; })dot";
  AnalysisOptions options;
  options.projection_weeks = 4;
  Analysis a = analyze(test::load_model(handoff), options);
  REQUIRE(a.projection);
  for (const auto& week : a.projection->queue_clients) {
    CHECK(week.at(0) == Approx(0).margin(1e-9));
    CHECK(week.at(1) == Approx(0).margin(1e-9));
  }
  // Rework: a quarter of the visits come back, so 20 / (1 − 0.25) = 26.7 visits a week need
  // 26.7 h of the 40. Spare capacity again: 0 at every week's end, where a day's rework
  // (x = 0.25 · (4 + x), x = 4/3 clients) would otherwise stay queued.
  auto rework = queue_by_week(R"dot(digraph p { hours_per_fte=40; hours_per_day=8;
    subgraph cluster_w { role=w; fte=1; tyo [effort="1h"]; }
    in [kind=start, arrivals="20/week"]; out [kind=end];
    in -> tyo; tyo -> tyo [p=0.25]; tyo -> out [p=0.75]; })dot",
                              4);
  for (double q : rework) CHECK(q == Approx(0).margin(1e-9));
}
