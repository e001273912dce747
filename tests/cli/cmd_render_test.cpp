// `sujuva render`: the output file, its format, and never writing over the model.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support.h"

using namespace sujuva;
namespace fs = std::filesystem;

namespace {

test::CommandRun render(std::vector<std::string> args) {
  args.insert(args.begin(), "render");
  return test::run_command(args);
}

const char* const kModel = R"dot(digraph m { hours_per_fte=40;
  // a comment that must survive
  subgraph cluster_w { label="Työntekijä"; id=w; fte=1; a [effort="1h"]; }
  s [kind=start, arrivals="2/week"]; e [kind=end];
  s -> a; a -> e;
})dot";

}  // namespace

TEST_CASE("render never writes over its model, however the output is spelt", "[render][cli]") {
  const fs::path dir = test::scratch_dir() / "render-over";
  fs::create_directories(dir);
  const std::string model = test::write_scratch("render-over/m.dot", kModel);
  const std::string spelt_otherwise = (dir / ".." / "render-over" / "m.dot").string();
  for (const std::string& output : {model, spelt_otherwise}) {
    auto run = render({model, "-o", output});
    CHECK(run.code == 2);
    CHECK(run.err == "sujuva render: -o " + output + " on sama tiedosto kuin " + model +
                         ", jota komento lukee; anna toinen nimi\n");
    CHECK(test::read_file(model) == kModel);
  }
  // A hard link is the same file under another name.
  fs::create_hard_link(model, dir / "linkki.dot");
  CHECK(render({model, "-o", (dir / "linkki.dot").string(), "--lang", "en"}).err ==
        "sujuva render: -o " + (dir / "linkki.dot").string() + " is the same file as " + model +
            ", which the command reads; give another name\n");
  CHECK(test::read_file(model) == kModel);
  // Another name is written as asked.
  CHECK(render({model, "-o", (dir / "m.svg").string()}).code == 0);
  CHECK(test::read_file(dir / "m.svg").find("<svg") != std::string::npos);
}

TEST_CASE("render names an unknown output format and an unusable model in the chosen language", "[render][cli]") {
  const std::string model = test::write_scratch("render-format.dot", kModel);
  CHECK(render({model, "-o", "kaavio.txt"}).err ==
        "sujuva render: kaavio.txt: tuntematon muoto; anna tiedostonimi, joka päättyy .svg, .png, .pdf tai .dot\n");
  CHECK(render({model, "-o", "diagram.txt", "--lang", "sv"}).err ==
        "sujuva render: diagram.txt: okänt format; ange ett filnamn som slutar på .svg, .png, .pdf eller .dot\n");
  auto missing = render({model + ".puuttuu", "-o", "kaavio.svg"});
  CHECK(missing.code == 2);
  CHECK_THAT(missing.err, Catch::EndsWith(model + ".puuttuu: ei käyttökelpoinen\n"));
}
