// Lead time by assessment outcome (src/flow/lead_by_assessment.cpp) against hand calculations.
#include <catch2/catch.hpp>

#include "flow/analysis.h"
#include "support.h"

using namespace sujuva;

namespace {

Approx exact(double x) { return Approx(x).epsilon(1e-9); }

// Delays only, no staff: every step takes its constant delay, so each path's time is a plain sum.
// 30 % are assessed special at `arvio` (1 w) and go to social work (10 w); a follow-up assessment
// (1 w) keeps half of them special (4 w more) and reassesses the other half standard, who then
// go to the counsellor (2 w) like the 70 % never assessed special.
const char* kReassessed = R"dot(digraph r {
  hours_per_fte=40; hours_per_day=8;
  tulo [kind=start, arrivals="1/week"];
  arvio [kind=checkpoint, assesses="special", delay="1w"];
  sw [delay="10w"];
  uusi [kind=checkpoint, assesses="special", delay="1w"];
  jatko [delay="4w"];
  so [delay="2w"];
  loppu [kind=end];
  tulo -> arvio;
  arvio -> sw [outcome="special", p=0.3]; arvio -> so [p=0.7];
  sw -> uusi;
  uusi -> jatko [outcome="special", p=0.5]; uusi -> so [p=0.5];
  jatko -> loppu; so -> loppu;
})dot";

}  // namespace

TEST_CASE("Clients reassessed out of a class still count in the class they were assessed into", "[flow]") {
  Analysis a = analyze(test::load_model(kReassessed));
  // Paths: never special 0.7 × (1 + 2) = 3 w; special and kept 0.15 × (1 + 10 + 1 + 4) = 16 w;
  // special, then reassessed standard 0.15 × (1 + 10 + 1 + 2) = 14 w.
  // By assessment: special = 0.3 with (16 + 14) / 2 = 15 w, standard = 0.7 with 3 w.
  CHECK(a.lead_time_weeks.share_by_assessment.at("special") == exact(0.3));
  CHECK(a.lead_time_weeks.share_by_assessment.at("standard") == exact(0.7));
  CHECK(*a.lead_time_weeks.by_assessment.at("special") == exact(15));
  CHECK(*a.lead_time_weeks.by_assessment.at("standard") == exact(3));
  // By the class at the end the reassessed half moves to standard: special = 0.15 with 16 w,
  // standard = 0.85 with (0.7 × 3 + 0.15 × 14) / 0.85 = 4.2 / 0.85 w.
  CHECK(a.lead_time_weeks.share_by_class.at("special") == exact(0.15));
  CHECK(*a.lead_time_weeks.by_class.at("special") == exact(16));
  CHECK(*a.lead_time_weeks.by_class.at("standard") == exact(4.2 / 0.85));
  // Both add up to the mean: 0.7 × 3 + 0.3 × 15 = 6.6 w.
  CHECK(*a.lead_time_weeks.mean == exact(6.6));
}

TEST_CASE("Rework before the assessment counts in the class the assessment then gives", "[flow]") {
  // The same model, but `arvio` sends 20 % back for more information (`selvitys`, 1 w) before it
  // decides: p = 0.3 special, 0.5 counsellor, 0.2 back. The decision once made is 0.3 / 0.8 =
  // 0.375 special, 0.5 / 0.8 = 0.625 standard whatever the number of rounds; the rounds are
  // geometric with 0.2 / 0.8 = 0.25 extra on average, each 1 + 1 = 2 w, so the time until the
  // decision is 1 + 0.25 × 2 = 1.5 w for both outcomes. Special: 1.5 + 10 + 1 + (4 + 2) / 2 =
  // 15.5 w; standard: 1.5 + 2 = 3.5 w; mean 0.375 × 15.5 + 0.625 × 3.5 = 8 w.
  std::string dot = kReassessed;
  const std::string from = R"(arvio -> so [p=0.7];)";
  dot.replace(dot.find(from), from.size(),
              R"(arvio -> so [p=0.5]; arvio -> selvitys [p=0.2]; selvitys [delay="1w"]; selvitys -> arvio;)");
  Analysis a = analyze(test::load_model(dot));
  CHECK(a.lead_time_weeks.share_by_assessment.at("special") == exact(0.375));
  CHECK(*a.lead_time_weeks.by_assessment.at("special") == exact(15.5));
  CHECK(*a.lead_time_weeks.by_assessment.at("standard") == exact(3.5));
  CHECK(*a.lead_time_weeks.mean == exact(8));
}

TEST_CASE("A class whose clients meet an unstable role has no lead time by assessment, the others keep theirs",
          "[flow]") {
  // The social worker gets 0.3 × 10 = 3 clients a week of 20 h with 40 h a week: unstable. Only
  // clients assessed special go there; the standard ones never do: 1 + 2 = 3 w as before.
  std::string dot = kReassessed;
  const std::string from = R"(sw [delay="10w"];)";
  dot.replace(dot.find(from), from.size(), R"(subgraph cluster_sw { role=sw; fte=1; sw [effort="20h"]; })");
  const std::string rate = R"(arrivals="1/week")";
  dot.replace(dot.find(rate), rate.size(), R"(arrivals="10/week")");
  Analysis a = analyze(test::load_model(dot));
  REQUIRE_FALSE(a.stable());
  CHECK_FALSE(a.lead_time_weeks.by_assessment.at("special").has_value());
  CHECK(*a.lead_time_weeks.by_assessment.at("standard") == exact(3));
}
