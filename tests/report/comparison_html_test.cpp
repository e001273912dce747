#include "report/comparison_html.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "io/dot_reader.h"
#include "support.h"

using namespace sujuva;

// The model with labels that must be escaped, shared with the other escaping tests.
namespace {
const std::string& kBefore = test::kHostileLabels;
}  // namespace

TEST_CASE("The report's before/after section escapes user text and holds the table and the chart", "[report]") {
  Process before = test::load_model(kBefore, "a.dot");
  std::string text = kBefore;
  text.replace(text.find("fte=2"), 5, "fte=3");
  Process after = test::load_model(text, "b.dot");
  Comparison c = compare_processes({&before, &after});
  std::string html = comparison_html_section(c, Lang::fi);

  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.rfind("<section class=\"comparison\">", 0) == 0);
  CHECK(test::count_occurrences(html, "<table") == 1);
  CHECK(test::count_occurrences(html, "<svg") == 1);
  // ρ = 4 × 10 h / (2 × 40 h) = 50 % before and 4 × 10 / (3 × 40) = 33 % after: one bar each.
  CHECK(html.find(">50\u00A0%</text>") != std::string::npos);
  CHECK(html.find(">33\u00A0%</text>") != std::string::npos);
  CHECK(html.find("<li>Henkilöstö: &lt;script&gt;") != std::string::npos);

  SECTION("the chart is well-formed XML") {
    if (std::system("command -v xmllint >/dev/null 2>&1") != 0) {
      WARN("xmllint not installed; skipped");
      return;
    }
    auto path =
        std::filesystem::temp_directory_path() / ("sujuva-compare-chart-" + std::to_string(::getpid()) + ".svg");
    std::ofstream(path) << utilisation_chart_svg(c, Lang::sv);
    CHECK(std::system(("xmllint --noout " + path.string() + " 2>/dev/null").c_str()) == 0);
    std::filesystem::remove(path);
  }
}
