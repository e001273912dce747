#include "text/duration.h"

#include <catch2/catch.hpp>

using namespace sujuva;

// The default calendar has 38.25 / 7.65 = 5 working days a week, so w weeks are 5w working days.

TEST_CASE("Durations up to twenty working days are told in working days, longer ones in weeks", "[text]") {
  CHECK(format_duration(7.0 / 5, 5, Lang::fi) == "7 työpäivää");  // 1.4 wk × 5 = 7 d, whole
  CHECK(format_duration(0.2, 5, Lang::sv) == "1 arbetsdag");      // 1 d: the singular
  CHECK(format_duration(0.3, 5, Lang::fi) == "1,5 työpäivää");    // 1.5 d
  CHECK(format_duration(4.0, 5, Lang::en) == "20 working days");  // 20 d: the last one in days
  CHECK(format_duration(4.2, 5, Lang::en) == "4.2 weeks");        // 21 d: weeks
  CHECK(format_duration(13, 5, Lang::sv) == "13 veckor");
  CHECK(format_duration(1.0, 4, Lang::fi) == "4 työpäivää");  // a four-day week
}

TEST_CASE("Tables and diagrams write the same number with a short unit", "[text]") {
  CHECK(format_duration(0.04, 5, Lang::fi, DurationStyle::unit) == "0,2 tp");  // 0.04 × 5 = 0.2 d
  CHECK(format_duration(0.04, 5, Lang::sv, DurationStyle::unit) == "0,2 arbetsd.");
  CHECK(format_duration(36.04, 5, Lang::fi, DurationStyle::unit) == "36,0 vk");
  CHECK(format_duration(36.04, 5, Lang::en, DurationStyle::unit) == "36.0 wk");
}

TEST_CASE("A wait too short to show is said to be under a tenth of a day, not zero", "[text]") {
  CHECK(format_duration(0.005, 5, Lang::fi) == "alle 0,1 työpäivää");  // 0.025 d
  CHECK(format_duration(0.005, 5, Lang::en, DurationStyle::unit) == "under 0.1 wd");
  CHECK(format_duration(0.0, 5, Lang::fi) == "0 työpäivää");
}

TEST_CASE("A duration that cannot be computed is a dash in tables and words in sentences", "[text]") {
  CHECK(format_duration(std::optional<double>{}, 5, Lang::fi, DurationStyle::unit) == "–");
  CHECK(format_duration(std::optional<double>{}, 5, Lang::sv) == "kan inte beräknas");
}

TEST_CASE("An interval is written in the unit of its mean", "[text]") {
  // 0.04 wk = 0.2 d; 0.032 × 5 = 0.16 → 0,2; 0.052 × 5 = 0.26 → 0,3.
  CHECK(format_duration_range(0.04, 0.032, 0.052, 5, Lang::fi) == "0,2 tp (0,2–0,3)");
  // 10 wk = 50 d, so weeks: the interval stays in weeks.
  CHECK(format_duration_range(10, 9.5, 10.44, 5, Lang::en) == "10.0 wk (9.5–10.4)");
}

TEST_CASE("Figures read together take the unit of the largest", "[text]") {
  // p50 2.18 weeks = 10.9 working days, p90 9.3 weeks: the row is in weeks, not "10,9 tp  9,3 vk".
  CHECK(format_duration_like(2.18, 9.3, 5, Lang::fi) == "2,2 vk");
  CHECK(format_duration_like(9.3, 9.3, 5, Lang::fi) == "9,3 vk");
  // All of them up to 20 working days: in working days, one decimal.
  CHECK(format_duration_like(0.2, 3.0, 5, Lang::sv) == "1,0 arbetsd.");
  CHECK(format_duration_like(0.001, 3.0, 5, Lang::en, DurationStyle::words) == "under 0.1 working days");
}
