#include "render/graphviz.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "io/dot_reader.h"
#include "render/diagram.h"
#include "render_test_support.h"

using namespace sujuva;

namespace {
const char* kModel = R"(digraph t {
  label="Piirros"; tulo [kind=start, arrivals="5/week", label="Tulo"];
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijät"; fte=1;
    arvio [kind=checkpoint, assesses="special", deadline="7wd", effort="2h", label="Arvio <&> \"x\""]; }
  loppu [kind=end]; tulo -> arvio; arvio -> loppu;
})";

std::string diagram() { return diagram_dot(test::load_model(kModel), {}); }

std::filesystem::path temp_file(const std::string& name, const std::string& content) {
  auto path =
      std::filesystem::temp_directory_path() / ("sujuva-render-test-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}
}  // namespace

TEST_CASE("The format follows the file extension", "[render]") {
  CHECK(format_from_path("a/b.svg") == OutputFormat::svg);
  CHECK(format_from_path("B.PNG") == OutputFormat::png);
  CHECK(format_from_path("x.pdf") == OutputFormat::pdf);
  CHECK(format_from_path("x.dot") == OutputFormat::dot);
  CHECK(format_from_path("x.gv") == OutputFormat::dot);
  CHECK_FALSE(format_from_path("x.jpeg"));
  CHECK_FALSE(format_from_path("noextension"));
}

TEST_CASE("Diagrams render in-process to SVG, PNG and PDF", "[render]") {
  std::string dot = diagram();
  SECTION("SVG is well-formed XML (xmllint) with the escaped label as text") {
    std::string svg = render_dot(dot, OutputFormat::svg);
    CHECK_THAT(svg, Catch::Contains("<svg"));
    CHECK_THAT(svg, Catch::Contains("Arvio &lt;&amp;&gt; &quot;x&quot;"));
    auto path = temp_file("diagram.svg", svg);
    CHECK(std::system(("xmllint --noout '" + path.string() + "' 2>&1").c_str()) == 0);
    std::filesystem::remove(path);
  }
  SECTION("PNG starts with the PNG signature and has a plausible size") {
    std::string png = render_dot(dot, OutputFormat::png);
    REQUIRE(png.size() > 2000);
    CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
    CHECK(png.size() < 5'000'000);
  }
  SECTION("PDF starts with %PDF-, ends with %%EOF and is the same bytes every time") {
    std::string pdf = render_dot(dot, OutputFormat::pdf);
    REQUIRE(pdf.size() > 1000);
    CHECK(pdf.compare(0, 5, "%PDF-") == 0);
    CHECK(pdf.find("%%EOF") != std::string::npos);
    CHECK(render_dot(dot, OutputFormat::pdf) == pdf);  // no time stamp
  }
  SECTION("the .dot format is the annotated DOT itself, readable by cgraph") {
    std::string text = render_dot(dot, OutputFormat::dot);
    CHECK(text == dot);
    test::ParsedDot parsed(text);
    CHECK(parsed.nodes() == 3);
  }
}

TEST_CASE("The poster PDF is one A3 landscape page", "[render]") {
  std::string dot = diagram_dot(test::load_model(kModel), {.poster = true});
  std::string pdf = render_pdf_page(dot, kPosterWidthInches, kPosterHeightInches);
  // 16.54 x 11.69 in at 72 points per inch = 1190.9 x 841.7 points, rounded by cairo; the
  // height comes out as 841 or 842 depending on the drawing's own rounding to the page.
  const bool a3 = pdf.find("/MediaBox [ 0 0 1191 842 ]") != std::string::npos ||
                  pdf.find("/MediaBox [ 0 0 1191 841 ]") != std::string::npos;
  CHECK(a3);
  CHECK(pdf.find("/Type /Page\n") == pdf.rfind("/Type /Page\n"));  // one page
}

TEST_CASE("Rendering works without gvc's installed plugin configuration", "[render]") {
  // A fresh machine (or container) may lack config6a; the plugins are then
  // loaded explicitly. Both ways must give the same SVG.
  std::string dot = diagram();
  std::string explicit_svg = detail::render_dot_with(dot, OutputFormat::svg, detail::PluginSource::explicit_libraries);
  CHECK(explicit_svg == render_dot(dot, OutputFormat::svg));
  std::string png = detail::render_dot_with(dot, OutputFormat::png, detail::PluginSource::explicit_libraries);
  CHECK(png.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
}

TEST_CASE("Every bundled model renders to well-formed SVG", "[render]") {
  // kuraattoripalvelut-nykytila once aborted in Graphviz 2.42's layout cleanup.
  for (const auto& entry : std::filesystem::directory_iterator(std::string(SUJUVA_SOURCE_DIR) + "/processes")) {
    if (entry.path().extension() != ".dot") continue;
    INFO(entry.path());
    ReadResult r = read_process_file(entry.path().string());
    REQUIRE(r.usable());
    std::string svg = render_dot(diagram_dot(*r.process, {.lang = Lang::sv}), OutputFormat::svg);
    auto path = temp_file("bundled.svg", svg);
    CHECK(std::system(("xmllint --noout '" + path.string() + "' 2>&1").c_str()) == 0);
    std::filesystem::remove(path);
  }
}

TEST_CASE("Broken DOT gives a RenderError that quotes Graphviz", "[render]") {
  CHECK_THROWS_WITH(render_dot("digraph { a -> ; }", OutputFormat::svg),
                    Catch::StartsWith("Graphviz could not read the diagram") && Catch::Contains("syntax error"));
}

TEST_CASE("A render gets DOT text of any size and answers with the bytes or the error", "[render]") {
  // The DOT text goes to a fresh copy of the program through a socket and the answer comes back
  // through a pipe: 2 MB of text is more than both hold at once, so a side that wrote before
  // the other read would wait for ever.
  std::string big = "/* " + std::string(2 << 20, 'x') + " */ digraph { a -> b; }";
  std::string svg = render_dot(big, OutputFormat::svg);
  CHECK_THAT(svg, Catch::Contains("<svg") && Catch::Contains(">a</text>"));
  std::string broken = big.substr(0, big.size() - 10) + " a -> ; }";
  CHECK_THROWS_WITH(render_dot(broken, OutputFormat::svg),
                    Catch::StartsWith("Graphviz could not read") && Catch::Contains("syntax error"));
}

TEST_CASE("Diagrams render to the same bytes every time", "[render]") {
  // Graphviz 2.42 keeps state between renders in one process (its pango plugin holds a pointer
  // to the last font name), which can make a poster PDF and the report's PNG differ from run to
  // run, so each render runs in a fresh child process. The bundled current-state model is one
  // whose poster varied in-process.
  const std::string model = std::string(SUJUVA_SOURCE_DIR) + "/processes/aikuissosiaalityo-nykytila.dot";
  ReadResult r = read_process_file(model);
  REQUIRE(r.usable());
  const std::string poster = diagram_dot(*r.process, {.poster = true});
  SECTION("a PNG after other renders in the same process equals the first") {
    const std::string first_png = render_dot(poster, OutputFormat::png);
    for (int round = 0; round < 3; ++round) {
      render_pdf_page(poster, 16.54, 11.69);  // other renders in between
      render_dot(diagram(), OutputFormat::svg);
      CHECK(render_dot(poster, OutputFormat::png) == first_png);
    }
  }
  SECTION("the command line writes the same poster PDF and report files in every run") {
    // (Within one process a PDF can still come out with its objects in another order; run to
    // run, which is what a user sees, it is the same.)
    auto dir = std::filesystem::temp_directory_path() / ("sujuva-determinism-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto run = [&](const std::string& args) {
      return std::system((std::string(SUJUVA_BINARY) + " " + args + " >/dev/null 2>&1").c_str());
    };
    auto bytes = [](const std::filesystem::path& path) {
      std::ifstream in(path, std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(in), {});
    };
    for (const char* name : {"a", "b", "c"}) {
      REQUIRE(run("render --poster '" + model + "' -o '" + (dir / (std::string(name) + ".pdf")).string() + "'") == 0);
      REQUIRE(run("report '" + model + "' -o '" + (dir / name).string() + "'") == 0);
    }
    for (const char* name : {"b", "c"}) {
      CHECK(bytes(dir / (std::string(name) + ".pdf")) == bytes(dir / "a.pdf"));
      for (const char* file : {"diagram.png", "poster.pdf", "diagram.svg", "index.html"})
        CHECK(bytes(dir / name / file) == bytes(dir / "a" / file));
    }
    CHECK(bytes(dir / "a.pdf").compare(0, 5, "%PDF-") == 0);
    std::filesystem::remove_all(dir);
  }
  SECTION("errors still come back from the child") {
    CHECK_THROWS_WITH(render_dot("digraph { a -> ; }", OutputFormat::png),
                      Catch::StartsWith("Graphviz could not read the diagram"));
  }
}

TEST_CASE("A layout that runs past its time limit is stopped with a RenderTimeout", "[render]") {
  // 800 nodes with a route to the next one and one to a random other: dot's crossing
  // minimisation takes hours on such a graph (measured: over ten minutes), far past one second.
  std::string dot = "digraph slow {\n";
  unsigned state = 2;
  for (int i = 0; i < 800; ++i) {
    state = state * 1103515245u + 12345u;
    dot += "  n" + std::to_string(i) + " -> n" + std::to_string(i + 1) + "; n" + std::to_string(i) + " -> n" +
           std::to_string((state >> 16) % 800) + ";\n";
  }
  dot += "}\n";
  ::setenv("SUJUVA_RENDER_SECONDS", "1", 1);
  CHECK(render_time_limit_seconds() == 1);
  try {
    render_dot(dot, OutputFormat::svg);
    FAIL("the layout finished within the limit");
  } catch (const RenderTimeout& e) {
    CHECK(e.seconds == 1);
  }
  ::unsetenv("SUJUVA_RENDER_SECONDS");
  CHECK(render_time_limit_seconds() == 300);
}
