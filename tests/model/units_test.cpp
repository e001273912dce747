#include "model/units.h"

#include <catch2/catch.hpp>

using namespace sujuva;

TEST_CASE("Durations are read with their unit and converted through the working week", "[model][units]") {
  Calendar calendar;  // 38.25 h/week, 7.65 h/day: 5 working days a week

  SECTION("minutes, hours and working days become staff hours") {
    CHECK(calendar.to_hours(*parse_duration("45min").value) == Approx(0.75));
    CHECK(calendar.to_hours(*parse_duration("1.5h").value) == Approx(1.5));
    CHECK(calendar.to_hours(*parse_duration("1wd").value) == Approx(7.65));
  }
  SECTION("elapsed time becomes calendar weeks: 5 wd = 7 d = 1 w = 38.25 h") {
    CHECK(calendar.to_weeks(*parse_duration("7wd").value) == Approx(1.4));
    CHECK(calendar.to_weeks(*parse_duration("14d").value) == Approx(2.0));
    CHECK(calendar.to_weeks(*parse_duration("3w").value) == Approx(3.0));
    CHECK(calendar.to_weeks(*parse_duration("38.25h").value) == Approx(1.0));
  }
  SECTION("bad durations say what is wrong") {
    CHECK(parse_duration("-2h").error == "\"-2h\" must not be negative");
    CHECK(parse_duration("2").error == "\"2\" needs a unit (min, h, wd, d or w)");
    CHECK(parse_duration("2parsecs").error == "\"2parsecs\" has unknown unit \"parsecs\" (use min, h, wd, d or w)");
    CHECK(parse_duration("nanh").error == "\"nanh\" is not a duration (expected e.g. 45min, 1.5h, 2wd, 3d, 1w)");
    CHECK(parse_duration("1e300h").error == "\"1e300\" is too large");
  }
}

TEST_CASE("Rates are converted to clients per calendar week", "[model][units]") {
  Calendar calendar;
  CHECK(*parse_rate_per_week("40/week", calendar).value == Approx(40));
  CHECK(*parse_rate_per_week("8/wd", calendar).value == Approx(40));  // 5 working days a week
  CHECK(*parse_rate_per_week("1/day", calendar).value == Approx(7));
  CHECK(*parse_rate_per_week("12/month", calendar).value == Approx(12 * 12 / 52.0));
  CHECK(*parse_rate_per_week("520/year", calendar).value == Approx(10));
  CHECK(parse_rate_per_week("40", calendar).error ==
        "\"40\" is not a rate (expected e.g. 40/week, 8/wd, 2/day, 170/month, 2000/year)");
  CHECK(parse_rate_per_week("nan/week", calendar).error == "\"nan\" is not a finite number");
}

TEST_CASE("Activity load is read as staff hours per week", "[model][units]") {
  Calendar calendar;
  CHECK(*parse_load_hours_per_week("6h/week", calendar).value == Approx(6));
  CHECK(*parse_load_hours_per_week("1wd/week", calendar).value == Approx(7.65));
  CHECK(*parse_load_hours_per_week("30min/wd", calendar).value == Approx(2.5));
}

TEST_CASE("The office week maps working time onto Monday to Friday from 08:00", "[model][units]") {
  const Calendar calendar;  // 5 working days of 7.65 hours
  const OfficeWeek office(calendar);
  SECTION("working time to the calendar") {
    CHECK(office.calendar_weeks(0) == Approx(8.0 / 168));  // Monday 08:00
    // 0.1 working weeks = half a working day: Monday 08:00 + 3.825 h = 11.825 h.
    CHECK(office.calendar_weeks(0.1) == Approx(11.825 / 168));
    // 2.5 working days: Wednesday (48 h) 08:00 + 3.825 h.
    CHECK(office.calendar_weeks(0.5) == Approx((48 + 8 + 3.825) / 168));
    CHECK(office.calendar_weeks(3.1) == Approx(3 + 11.825 / 168));
  }
  SECTION("the calendar to working time, closed hours to the next opening") {
    CHECK(office.working_weeks(12.0 / 168) == Approx(4 / 7.65 / 5));  // Monday noon: 4 h into the day
    CHECK(office.working_weeks(7.0 / 168) == 0);                      // Monday 07:00: the opening at 08:00
    CHECK(office.working_weeks(44.0 / 168) == Approx(0.4));           // Tuesday 20:00: Wednesday 08:00
    CHECK(office.working_weeks(5.5 * 24 / 168) == 1);                 // Saturday noon: next Monday
    CHECK(office.working_weeks(2 + 114.0 / 168) == 3);                // Friday 18:00, after closing: next week
  }
  SECTION("a working instant goes to the calendar and back") {
    for (double t : {0.05, 0.33, 1.71, 4.99}) CHECK(office.working_weeks(office.calendar_weeks(t)) == Approx(t));
  }
  SECTION("the opening hours fit in a week only with days of at most 16 hours, at most 7 a week") {
    CHECK(OfficeWeek::fits(calendar));
    CHECK_FALSE(OfficeWeek::fits(Calendar{38.25, 17}));
    CHECK_FALSE(OfficeWeek::fits(Calendar{60, 7.65}));  // 7.8 days
    CHECK_FALSE(OfficeWeek::fits(Calendar{38.25, 0}));
  }
}

TEST_CASE("Durations and rates may be written with Finnish and Swedish units and a decimal comma",
          "[model][units]") {
  Calendar calendar;  // 38.25 h/week, 7.65 h/day
  // Each spelling against the code it stands for (processes/README.md, "Time and units").
  auto hours = [&](const char* text) { return calendar.to_hours(*parse_duration(text).value); };
  CHECK(hours("2 t") == Approx(2));
  CHECK(hours("2 tuntia") == Approx(2));
  CHECK(hours("2 timmar") == Approx(2));
  CHECK(hours("45 minuuttia") == Approx(0.75));
  CHECK(hours("1,5h") == Approx(1.5));      // decimal comma
  CHECK(hours("1,5 tp") == Approx(1.5 * 7.65));
  auto weeks = [&](const char* text) { return calendar.to_weeks(*parse_duration(text).value); };
  CHECK(weeks("7 tp") == Approx(7 / 5.0));  // seven working days: 1.4 weeks
  CHECK(weeks("7 työpäivää") == Approx(7 / 5.0));
  CHECK(weeks("7 arbetsdagar") == Approx(7 / 5.0));
  CHECK(weeks("7 arkipäivää") == Approx(7 / 5.0));
  CHECK(weeks("14 pv") == Approx(2));       // calendar days
  CHECK(weeks("14 dagar") == Approx(2));
  CHECK(weeks("3 vk") == Approx(3));
  CHECK(weeks("3 viikkoa") == Approx(3));
  CHECK(weeks("3 veckor") == Approx(3));
  CHECK(weeks("3 Viikkoa") == Approx(3));   // capitalised as at the start of a cell
  CHECK(*parse_rate_per_week("14/vk", calendar).value == Approx(14));
  CHECK(*parse_rate_per_week("14/viikko", calendar).value == Approx(14));
  CHECK(*parse_rate_per_week("14/vecka", calendar).value == Approx(14));
  CHECK_FALSE(parse_rate_per_week("14 viikossa", calendar));  // a rate needs its slash
  CHECK(*parse_rate_per_week("2/tp", calendar).value == Approx(10));
  CHECK(*parse_rate_per_week("12/kk", calendar).value == Approx(12 * 12 / 52.0));
  CHECK(*parse_rate_per_week("520/vuosi", calendar).value == Approx(10));
  CHECK(*parse_rate_per_week("520/år", calendar).value == Approx(10));
  CHECK(*parse_rate_per_week("2,5/vk", calendar).value == Approx(2.5));
  CHECK(*parse_load_hours_per_week("6 t/vk", calendar).value == Approx(6));
}

TEST_CASE("Numbers take a decimal comma and shares a per cent", "[model][units]") {
  CHECK(*parse_number("0,5").value == Approx(0.5));
  CHECK(*parse_number("12,25").value == Approx(12.25));
  CHECK_FALSE(parse_number("1,000.5"));  // thousands separators are not guessed
  CHECK_FALSE(parse_number("1,2,3"));
  CHECK(*parse_share("15 %").value == Approx(0.15));
  CHECK(*parse_share("15%").value == Approx(0.15));
  CHECK(*parse_share("12,5 %").value == Approx(0.125));
  CHECK(*parse_share("0,15").value == Approx(0.15));
  CHECK(parse_share("x %").error == "\"x\" is not a number");
}

TEST_CASE("An unknown unit gets a suggestion in the user's language", "[model][units]") {
  CHECK(parse_duration("2 tuntiaa", Lang::fi).error ==
        "\"2 tuntiaa\": tuntematon yksikkö \"tuntiaa\" (tarkoititko \"tuntia\"?)");
  CHECK(parse_duration("2", Lang::sv).error == "\"2\" behöver en enhet (min, h, arbetsdagar, dagar eller veckor)");
}
