// `sujuva report`: the report folder in the language asked for.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "support.h"

using namespace sujuva;

TEST_CASE("The Finnish report shows the findings in Finnish, the Swedish report in Swedish", "[check][report]") {
  std::string model = test::write_scratch("bilingual.dot", test::kBilingual);
  auto report = [&](const std::string& lang) {
    auto dir = test::scratch_dir() / ("report-" + lang);
    auto run = test::run_binary("report --lang " + lang + " -o " + dir.string() + " " + model);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    std::ifstream in(dir / "index.html");
    std::stringstream html;
    html << in.rdbuf();
    return html.str();
  };
  // The report escapes the quotes of the message as &quot;.
  std::string fi = report("fi");
  CHECK(fi.find("tarkistuspiste &quot;arvio&quot; (Palvelutarpeen arviointi) on pakollinen, mutta asiakkaat voivat "
                "päästä loppuun kulkematta sen kautta") != std::string::npos);
  CHECK(fi.find("sosiaalihuoltolaki 42 §") != std::string::npos);
  CHECK(fi.find("is mandatory") == std::string::npos);
  std::string sv = report("sv");
  CHECK(sv.find("kontrollpunkten &quot;arvio&quot; (Bedömning av servicebehov) är obligatorisk") != std::string::npos);
  CHECK(sv.find("socialvårdslagen 42 §") != std::string::npos);
}
