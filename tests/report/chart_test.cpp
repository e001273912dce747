#include "report/chart.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>

using namespace sujuva;

namespace {
int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

bool well_formed(const std::string& svg) {
  auto path = std::filesystem::temp_directory_path() / ("sujuva-chart-test-" + std::to_string(::getpid()) + ".svg");
  std::ofstream(path) << svg;
  bool ok = std::system(("xmllint --noout '" + path.string() + "' 2>&1").c_str()) == 0;
  std::filesystem::remove(path);
  return ok;
}
}  // namespace

TEST_CASE("Axis ticks are round numbers covering the data", "[report]") {
  // (0.97 - 0) / 5 = 0.194 -> the next of 1, 2, 5 x 0.1 is 0.2
  CHECK(nice_ticks(0, 0.97, 5) == std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0});
  // 37 / 5 = 7.4 -> 10
  CHECK(nice_ticks(0, 37, 5) == std::vector<double>{0, 10, 20, 30, 40});
  // 26 weeks / 8 = 3.25 -> 5
  CHECK(nice_ticks(0, 26, 8) == std::vector<double>{0, 5, 10, 15, 20, 25, 30});
  CHECK(nice_ticks(0, 0, 5).back() == Approx(1.0));  // nothing to show: 0..1
  CHECK(nice_ticks(0, std::numeric_limits<double>::quiet_NaN(), 5).back() == Approx(1.0));
}

TEST_CASE("A bar chart draws one bar per item, proportional to its value", "[report]") {
  BarChart c{.title = "Käyttöaste", .axis_label = "% kapasiteetista", .lang = Lang::fi};
  c.bars = {{"Ohjaajat", 0.5, "#feb24c"}, {"<script>alert(1)</script>", 1.0, "#b10026"}, {"Ei kapasiteettia", {}}};
  c.percent = true;
  c.reference = 1.0;
  c.reference_label = "100 %";
  std::string svg = bar_chart_svg(c);
  CHECK(well_formed(svg));
  SECTION("bars are proportional to their values on an axis with headroom") {
    // The plot spans x = 300..690 (390 px). The axis runs to 120 %: 100 % plus
    // 8 % headroom = 1.08, / 6 ticks = 0.18 -> steps of 20 %. So 50 % is
    // 390 * 0.5 / 1.2 = 162.5 px wide and 100 % is 325 px.
    CHECK_THAT(svg, Catch::Contains("width=\"162.5\""));
    CHECK_THAT(svg, Catch::Contains("width=\"325.0\""));
    CHECK(count(svg, "<rect") == 2);  // the unknown value has no bar
  }
  SECTION("values and ticks are written for the language") {
    CHECK_THAT(svg, Catch::Contains(">50\u00A0%</text>"));
    CHECK_THAT(svg, Catch::Contains(">20\u00A0%</text>"));  // a tick
    CHECK_THAT(svg, Catch::Contains(">-</text>"));          // unknown value
    CHECK_THAT(svg, Catch::Contains("% kapasiteetista"));
  }
  SECTION("labels are escaped") {
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK_THAT(svg, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }
}

TEST_CASE("A line chart draws each series with a legend, breaking lines at missing values", "[report]") {
  LineChart c{.title = "Jono", .x_label = "viikko", .y_label = "asiakkaita", .lang = Lang::sv};
  c.x = {0, 1, 2, 3, 4};
  double nan = std::numeric_limits<double>::quiet_NaN();
  c.series = {{"A & B", {0, 1, 2, 3, 4}}, {"C", {0, 2, nan, 6, 8}}};
  std::string svg = line_chart_svg(c);
  CHECK(well_formed(svg));
  // series A is one polyline; series C two (broken at the NaN); plus the axis polyline
  CHECK(count(svg, "<polyline") == 4);
  CHECK(svg.find("nan") == std::string::npos);
  CHECK_THAT(svg, Catch::Contains("A &amp; B"));
  CHECK_THAT(svg, Catch::Contains(">viikko</text>"));
  SECTION("points sit on the scales") {
    // x: 0..4 over x = 64..520 (760 - 240 for the legend), so x = 4 is at 520; y: 0..8 (steps of 2) over
    // y = 324 (bottom) .. 36 (top), so series A's value 4 is at 324 - 288 / 2 = 180.
    CHECK_THAT(svg, Catch::Contains("520.0,180.0"));
    CHECK_THAT(svg, Catch::Contains("64.0,324.0"));
  }
}
