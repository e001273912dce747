// Rules of check/deadlines.cpp: deadlines that even the quickest route cannot meet.
#include <catch2/catch.hpp>

#include "check/check.h"
#include "support.h"

using namespace sujuva;

TEST_CASE("A deadline that even the quickest route cannot meet is an error", "[check]") {
  SECTION("constant waits before the step add up to more than its deadline") {
    auto findings = test::check_model(test::kLateDeadline);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].rule == "deadline-unreachable");
    CHECK(findings[0].severity == Severity::error);
    CHECK(findings[0].line == 4);
    // The quickest route: "liitteet" takes 1 h of work (1/40 week) and a 2-week wait, 2.025
    // weeks = 10.125 working days; both figures in working days, the unit of the longer.
    CHECK(findings[0].message ==
          "step \"arvio\" has a deadline of 7.0 working days, but even the quickest route there takes at least 10.1 "
          "working days: no client can make it");
    CHECK(findings[0].route == test::route({"in", "liitteet", "arvio"}));
  }
  SECTION("the deadline's own legal basis is quoted, apart from the checkpoint's basis") {
    std::string text = test::kLateDeadline;
    const std::string deadline = "deadline=\"7wd\"";
    text.replace(text.find(deadline), deadline.size(),
                 deadline + ", deadline_basis=\"laki 15 §\", basis=\"laki 42 §\", assesses=special");
    auto findings = test::check_model(text);
    const Diagnostic& late = test::finding(findings, "no client can make it");
    CHECK(late.basis == "laki 15 §");
    CHECK_THAT(late.message, Catch::EndsWith("no client can make it (laki 15 §)"));
  }
  SECTION("a wait that can be short (from 0 days) leaves the deadline possible") {
    std::string text = test::kLateDeadline;
    const std::string wait = "delay=\"2w\"";
    text.replace(text.find(wait), wait.size(), "delay=\"tri(0d, 3w, 5w)\"");
    CHECK(test::check_model(text).empty());
  }
  SECTION("exactly as long as the deadline is still possible: 1 w of delay, no effort, deadline 1 w") {
    std::string text = test::kLateDeadline;
    const std::string stay = "effort=\"1h\", delay=\"2w\"", deadline = "deadline=\"7wd\"";
    text.replace(text.find(stay), stay.size(), "delay=\"7d\"");
    text.replace(text.find(deadline), deadline.size(), "deadline=\"1w\"");
    CHECK(test::check_model(text).empty());
  }
}
