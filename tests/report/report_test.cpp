#include "report/report.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "check/check.h"
#include "io/dot_reader.h"
#include "report/write.h"

using namespace sujuva;
namespace fs = std::filesystem;

namespace {
// One social worker (40 h/week), 10 clients a week, 2 h of work each:
// demand 20 h/week, capacity 40 h/week, utilisation 50 %. Deterministic effort
// on one server: Pollaczek–Khinchine wait = rho * S / (2 (1 - rho)) =
// 0.5 * 0.05 wk / 1 = 0.025 weeks = 0.125 working days; lead time 0.025 + 0.05
// = 0.075 weeks. The assessment finds 30 % in need of special support.
const char* kModel = R"(/* Testimalli.
   Oletus: kaikki tulevat arvioon. */
// Lähde: keksitty.
digraph testi {
  label="Testiprosessi"; label_sv="Testprocess"; hours_per_fte=40; hours_per_day=8;
  assumptions="kymmenen asiakasta viikossa";
  tulo [kind=start, arrivals="10/week", label="Tulo"];
  subgraph cluster_sw { role=sw; label="Sosiaalityöntekijät"; label_sv="Socialarbetare"; fte=1;
    qualification="social-worker";
    arvio [kind=checkpoint, assesses="special", deadline="7wd", effort="2h", label="Arvio", label_sv="Bedömning"];
  }
  loppu [kind=end, label="Loppu"]; tuki [kind=end, label="Tuki"];
  tulo -> arvio; arvio -> tuki [outcome="special", p=0.3]; arvio -> loppu [p=0.7];
})";

struct Fixture {
  Process process;
  Analysis analysis;
  ReportInputs in;
  explicit Fixture(const std::string& text = kModel, Lang lang = Lang::fi) {
    ReadResult r = read_process_text(text, "testi.dot");
    for (const auto& d : r.diagnostics) INFO(d.format());
    REQUIRE(r.usable());
    process = *r.process;
    AnalysisOptions options;
    options.lang = lang;
    options.projection_weeks = 8;
    analysis = analyze(process, options);
    in.process = &process;
    in.analysis = &analysis;
    in.findings = check_process(process);
    in.diagram_svg =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"10pt\" height=\"5pt\" viewBox=\"0 0 10 5\"></svg>";
    in.model_comment = model_header_comment(text);
  }
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("sujuva-report-test-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  return dir;
}
}  // namespace

TEST_CASE("The HTML report has every section with the analysis' numbers", "[report]") {
  Fixture f;
  std::string html = report_html(f.in, Lang::fi);
  SECTION("headings") {
    for (const char* heading :
         {"<h2>Yhteenveto</h2>", "<h2>Prosessikaavio</h2>", "<h2>Roolit: kapasiteetti ja kuormitus</h2>",
          "<h2>Arviointipisteet</h2>", "<h2>Tarkistuksen löydökset</h2>", "<h2>Missä yksi lisähenkilö auttaa eniten</h2>",
          "<h2>Kuvaajat</h2>", "<h2>Vaiheet, joissa aika kuluu</h2>", "<h2>Mallin oletukset ja lähteet</h2>"})
      CHECK_THAT(html, Catch::Contains(heading));
  }
  SECTION("the role table: capacity 40, demand 20, utilisation 50 %, wait 0.125 working days") {
    CHECK_THAT(html, Catch::Contains("<td>Sosiaalityöntekijät</td><td class=\"number\">1,00</td>"
                                     "<td class=\"number\">40,0</td><td class=\"number\">20,0</td>"));
    CHECK_THAT(html, Catch::Contains("color:#000000\">50\u00A0%</td>"));  // heat colour of 50–70 %
    CHECK_THAT(html, Catch::Contains("style=\"background:#fed976"));
    CHECK_THAT(html, Catch::Contains(">0,1 tp</td>"));
  }
  SECTION("the checkpoint table: 30 % assessed in need of special support, 3 clients a week, 7 working days") {
    CHECK_THAT(html, Catch::Contains("<td>Arvio</td><td>Sosiaalityöntekijät</td><td>erityinen tuki</td>"
                                     "<td class=\"number\">30\u00A0% (3,0 as./vk)</td>"));
    CHECK_THAT(html, Catch::Contains("<td>7 työpäivää</td><td>ei</td>"));
  }
  SECTION("the summary tells arrivals and lead time in words") {
    auto sentences = summary_sentences(f.in, Lang::fi);
    CHECK(sentences.size() >= 3);
    CHECK(sentences.size() <= 5);
    CHECK(sentences.front() ==
          "Asiakkaita saapuu 10,0 viikossa, ja asiakkuus kestää alusta loppuun "
          "keskimäärin 0,4 työpäivää.");  // 0.075 weeks × 5 working days
    CHECK(sentences.back() == "Mallin tarkistus ei löytänyt virheitä.");
  }
  SECTION("charts are inline SVG; the diagram is inlined without its XML prolog and fixed size") {
    CHECK_THAT(html, Catch::Contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""));
    CHECK_THAT(html, Catch::Contains("<div class=\"diagram\"><svg viewBox=\"0 0 10 5\"></svg></div>"));
    CHECK(html.find("<?xml") == std::string::npos);
  }
  SECTION("the model's assumptions and its header comment are quoted") {
    CHECK_THAT(html, Catch::Contains("Oletukset: kymmenen asiakasta viikossa"));
    CHECK_THAT(html, Catch::Contains("<pre>Testimalli.\n  Oletus: kaikki tulevat arvioon.\nLähde: keksitty.</pre>"));
  }
  SECTION("nothing is fetched and nothing runs: a strict CSP, no scripts, no external resources") {
    CHECK_THAT(html, Catch::Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find(" src=") == std::string::npos);
    CHECK(html.find("url(") == std::string::npos);
    CHECK(html.find("@import") == std::string::npos);
  }
  SECTION("print stylesheet for A4") {
    CHECK_THAT(html, Catch::Contains("@page { size: A4;"));
    CHECK_THAT(html, Catch::Contains("@media print"));
  }
}

TEST_CASE("The report speaks Swedish and English", "[report]") {
  Fixture sv(kModel, Lang::sv);
  std::string html = report_html(sv.in, Lang::sv);
  CHECK_THAT(html, Catch::Contains("<html lang=\"sv\">"));
  CHECK_THAT(html, Catch::Contains("<h2>Sammanfattning</h2>"));
  CHECK_THAT(html, Catch::Contains("<h1>Testprocess</h1>"));
  CHECK_THAT(html, Catch::Contains("<td>Bedömning</td><td>Socialarbetare</td><td>särskilt stöd</td>"));
  CHECK_THAT(html, Catch::Contains("<td>7 arbetsdagar</td><td>nej</td>"));
  Fixture en(kModel, Lang::en);
  std::string english = report_html(en.in, Lang::en);
  CHECK_THAT(english, Catch::Contains("<h2>Roles: capacity and load</h2>"));
  CHECK_THAT(english, Catch::Contains("<p>10.0 clients arrive a week"));
}

TEST_CASE("User text in a model shows as text in the report and runs nothing", "[report]") {
  std::string model = kModel;
  auto replace = [&](const std::string& from, const std::string& to) {
    model.replace(model.find(from), from.size(), to);
  };
  replace("label=\"Testiprosessi\"", "label=\"<script>alert(1)</script>\"");
  replace("label=\"Arvio\"", "label=\"<img src=x onerror=alert(2)>\"");
  replace("label=\"Sosiaalityöntekijät\"", "label=\"Työntekijät | </td> & *\"");
  replace("Testimalli.", "</pre><script>alert(3)</script>");
  Fixture f(model);
  std::string html = report_html(f.in, Lang::fi);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK_THAT(html, Catch::Contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  CHECK_THAT(html, Catch::Contains("&lt;img src=x onerror=alert(2)&gt;"));
  CHECK_THAT(html, Catch::Contains("<td>Työntekijät | &lt;/td&gt; &amp; *</td>"));
  CHECK_THAT(html, Catch::Contains("<pre>&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;"));
  std::string md = report_markdown(f.in, Lang::fi);
  CHECK_THAT(md, Catch::StartsWith("# &lt;script&gt;alert(1)&lt;/script&gt;\n"));
  // The file's comment is quoted in a code fence, where Markdown shows text literally.
  CHECK_THAT(md, Catch::Contains("```text\n</pre><script>alert(3)</script>\n"));
  CHECK(md.find("<script") == md.find("```text\n</pre><script>") + 14);
  CHECK_THAT(md, Catch::Contains("| Työntekijät \\| &lt;/td&gt; &amp; \\* |"));
}

TEST_CASE("The Markdown report has the same sections and tables", "[report]") {
  Fixture f;
  std::string md = report_markdown(f.in, Lang::fi);
  CHECK_THAT(md, Catch::StartsWith("# Testiprosessi\n"));
  CHECK_THAT(md, Catch::Contains("## Roolit: kapasiteetti ja kuormitus"));
  CHECK_THAT(md, Catch::Contains("| Sosiaalityöntekijät | 1,00 | 40,0 | 20,0 | 50\u00A0% |"));
  CHECK_THAT(md, Catch::Contains("![Prosessikaavio](diagram.svg)"));
}

TEST_CASE("The queue chart and the roles table each say which queue they show, and agree", "[report]") {
  // The assessed clients who do not need special support go on to a 1 h recording at the same
  // social worker: 10 × 0.7 = 7 visits a week, 7 h, so the role uses 20 + 7 = 27 h of its 40 h.
  // A role with time to spare is short of nothing: the projection's backlog is 0 every week,
  // drawn at the chart's zero line (y = 380 − 56 = 324 px), while the table gives the mean
  // random queue, which is above zero.
  std::string text = kModel;
  text.replace(text.find("arvio -> loppu [p=0.7];"), 23, "arvio -> kirjaus [p=0.7]; kirjaus -> loppu;");
  text.replace(text.find("  }\n  loppu"), 0, "    kirjaus [effort=\"1h\", label=\"Kirjaus\"];\n");
  Fixture f(text);
  std::string html = report_html(f.in, Lang::fi);
  CHECK_THAT(html, Catch::Contains("Kapasiteetin puutteesta kertyvä jono viikoittain (virtausmallin ennuste)"));
  CHECK_THAT(html, Catch::Contains(">asiakkaita jonossa viikon lopussa</text>"));
  CHECK_THAT(html, Catch::Contains("<th scope=\"col\">Jonossa keskimäärin (asiakasta)</th>"));
  CHECK_THAT(html, Catch::Contains("sen keskiarvo on roolitaulukon sarakkeessa ”Jonossa keskimäärin”"));
  REQUIRE(f.analysis.roles.at(0).queue_clients);
  CHECK(*f.analysis.roles[0].queue_clients > 0);
  const std::string series = "\" fill=\"none\" stroke=\"#0072B2\"";
  auto end = html.find(series);
  REQUIRE(end != std::string::npos);
  auto start = html.rfind("<polyline points=\"", end) + 18;
  std::istringstream points(html.substr(start, end - start));
  std::string point;
  int weeks = 0;
  while (points >> point) {
    INFO(point);
    CHECK(point.substr(point.find(',') + 1) == "324.0");
    ++weeks;
  }
  CHECK(weeks == 9);  // weeks 0–8
}

TEST_CASE("The report shows what another share of special-support clients would do", "[report]") {
  // The test model with requires= on its checkpoint (so that it is a section 42 checkpoint):
  // 30 % assessed "special", so the cases are 20 % and 40 %. Both outcomes go straight to an
  // end, so the share moves no work: the role stays at 20 h / 40 h = 50 % in both.
  std::string text = kModel;
  text.replace(text.find("assesses=\"special\","), 20, "assesses=\"special\", requires=\"sw\",");
  Fixture f(text);
  std::string md = report_markdown(f.in, Lang::fi);
  CHECK_THAT(md, Catch::Contains("Erityisen tuen tarpeen osuudesta ei ole julkaistua lukua"));
  CHECK_THAT(md, Catch::Contains("| Arvio | 20\u00A0% (nyt 30\u00A0%) |"));
  CHECK_THAT(md, Catch::Contains("| Arvio | 40\u00A0% (nyt 30\u00A0%) |"));
  CHECK_THAT(md, Catch::Contains("| Sosiaalityöntekijät | 50\u00A0% |"));
  SECTION("the summary says so when 10 points more would overload a role") {
    // The special clients now go on to a second role (fte 1, 40 h a week) for 11 h each:
    // at 30 % that is 10 x 0.3 x 11 = 33 h (82.5 %), at 40 % 10 x 0.4 x 11 = 44 h: 110 %.
    std::string overloaded = text;
    overloaded.replace(overloaded.find("arvio -> tuki [outcome"), 13, "arvio -> jatko");
    overloaded.replace(overloaded.find("  loppu [kind=end"), 0,
                       "  subgraph cluster_sw2 { role=sw2; label=\"Erityistuki\"; fte=1; jatko [effort=\"11h\"]; }\n"
                       "  jatko -> tuki;\n");
    Fixture g(overloaded);
    auto summary = summary_sentences(g.in, Lang::fi);
    CHECK(std::find(summary.begin(), summary.end(),
                    "Erityisen tuen tarpeen osuus ratkaisee: jos \"Arvio\" arvioisi tarvitsevaksi 40\u00A0% (nyt "
                    "30\u00A0%), Erityistuki: käyttöaste 110\u00A0%, eikä työ ehtisi tehdyksi.") != summary.end());
    CHECK(std::count_if(summary.begin(), summary.end(),
                        [](auto& s) { return s.find("ratkaisee") != std::string::npos; }) == 1);
    auto calm = summary_sentences(f.in, Lang::fi);  // no load behind the outcome: nothing to say
    CHECK(std::none_of(calm.begin(), calm.end(), [](auto& s) { return s.find("ratkaisee") != std::string::npos; }));
  }
  SECTION("not for a checkpoint without requires=") {
    CHECK_THAT(report_markdown(Fixture().in, Lang::fi),
               !Catch::Contains("Erityisen tuen tarpeen osuudesta ei ole julkaistua lukua"));
  }
}

TEST_CASE("Header comments of a model file are found before the graph", "[report]") {
  CHECK(model_header_comment("/* a\n b */\n// c\n# d\ndigraph { /* not this */ }") == "a\nb\nc\nd");
  CHECK(model_header_comment("/*\n   x\n     y   \n*/ digraph {}") == "x\n  y");
  CHECK(model_header_comment("digraph { }").empty());
  CHECK(model_header_comment("/* never closed").empty());
}

TEST_CASE("The report folder holds the six files, written the same way every time", "[report]") {
  Fixture f;
  auto dir = fresh_dir("folder");
  ReportFolder folder{.dir = (dir / "out").string(), .lang = Lang::fi};
  auto written = write_report(f.process, kModel, &f.analysis, "", f.in.findings, folder);
  REQUIRE(written.size() == 6);
  std::vector<std::string> names;
  for (auto& e : fs::directory_iterator(dir / "out")) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"analysis.json", "diagram.png", "diagram.svg", "index.html", "poster.pdf",
                                          "report.md"});
  CHECK(read_file(dir / "out/diagram.png").compare(0, 8, "\x89PNG\r\n\x1a\n") == 0);
  CHECK(read_file(dir / "out/poster.pdf").compare(0, 5, "%PDF-") == 0);
  CHECK(std::system(("xmllint --noout '" + (dir / "out/diagram.svg").string() + "'").c_str()) == 0);
  auto json = nlohmann::json::parse(read_file(dir / "out/analysis.json"));
  CHECK(json["roles"][0]["utilisation"].get<double>() == Approx(0.5));
  SECTION("deterministic: the same input gives the same bytes") {
    std::string first = read_file(dir / "out/index.html"), pdf = read_file(dir / "out/poster.pdf");
    write_report(f.process, kModel, &f.analysis, "", f.in.findings, folder);
    CHECK(read_file(dir / "out/index.html") == first);
    CHECK(read_file(dir / "out/poster.pdf") == pdf);
  }
  SECTION("a file where the folder should be is an error, and is left alone") {
    std::ofstream(dir / "file") << "keep";
    folder.dir = (dir / "file").string();
    CHECK_THROWS_WITH(write_report(f.process, kModel, &f.analysis, "", f.in.findings, folder),
                      Catch::EndsWith("file: on tiedosto, ei kansio"));
    CHECK(read_file(dir / "file") == "keep");
  }
  fs::remove_all(dir);
}

TEST_CASE("sujuva report and render run from the command line", "[report]") {
  auto dir = fresh_dir("cli");
  fs::create_directories(dir);
  std::ofstream(dir / "m.dot") << kModel;
  auto run = [&](const std::string& args) {
    return std::system((std::string(SUJUVA_BINARY) + " " + args + " >/dev/null 2>&1").c_str()) / 256;
  };
  CHECK(run("report '" + (dir / "m.dot").string() + "' -o '" + (dir / "r").string() + "' --lang sv") == 0);
  CHECK_THAT(read_file(dir / "r/index.html"), Catch::Contains("<h2>Sammanfattning</h2>"));
  CHECK(run("render '" + (dir / "m.dot").string() + "' -o '" + (dir / "d.svg").string() + "'") == 0);
  CHECK_THAT(read_file(dir / "d.svg"), Catch::Contains("käyttöaste 50"));
  SECTION("--compare adds the before/after section with both diagrams and the diff") {
    std::string before = kModel;
    before.replace(before.find("fte=1;"), 6, "fte=2;");
    std::ofstream(dir / "before.dot") << before;
    CHECK(run("report '" + (dir / "m.dot").string() + "' --compare '" + (dir / "before.dot").string() + "' -o '" +
              (dir / "c").string() + "'") == 0);
    std::string html = read_file(dir / "c/index.html");
    CHECK_THAT(html, Catch::Contains("<h2>Ennen ja jälkeen</h2>"));
    CHECK_THAT(html, Catch::Contains("<div class=\"side-by-side\">"));
    CHECK(html.find("<section class=\"comparison\">") == std::string::npos);  // no nested section
    // before: 2 FTE, 25 % utilisation; after: 1 FTE, 50 %
    CHECK_THAT(html, Catch::Contains("25\u00A0%"));
    CHECK(run("report '" + (dir / "m.dot").string() + "' --compare '" + (dir / "missing.dot").string() + "' -o '" +
              (dir / "c2").string() + "'") == 2);
  }
  SECTION("--simulate adds lead-time percentiles, deadlines and a weekly queue chart, the same for the same seed") {
    std::string args = "report '" + (dir / "m.dot").string() + "' --simulate --replications 3 --sim-weeks 10 -o '";
    CHECK(run(args + (dir / "s1").string() + "'") == 0);
    CHECK(run(args + (dir / "s2").string() + "'") == 0);
    std::string html = read_file(dir / "s1/index.html");
    CHECK_THAT(html, Catch::Contains("<h2>Simulointi</h2>"));
    CHECK_THAT(html, Catch::Contains("<h3>Määräajat</h3>"));
    CHECK_THAT(html,
               Catch::Contains("<td>Arvio</td><td class=\"number\">7 tp</td>"));  // deadline="7wd", in working days
    CHECK_THAT(html, Catch::Contains("Jono viikoittain (simuloitu, keskiarvo)"));
    CHECK(read_file(dir / "s2/index.html") == html);
  }
  SECTION("usage errors and unusable input exit with 2") {
    CHECK(run("report '" + (dir / "m.dot").string() + "' --lang de") == 2);
    CHECK(run("report '" + (dir / "m.dot").string() + "' -o '" + (dir / "r.html").string() + "'") == 2);
    CHECK_FALSE(fs::exists(dir / "r.html"));
    CHECK(run("render '" + (dir / "m.dot").string() + "' -o '" + (dir / "d.jpeg").string() + "'") == 2);
    CHECK(run("render '" + (dir / "m.dot").string() + "' -o x.svg --color rainbow") == 2);
    CHECK(run("render '" + (dir / "missing.dot").string() + "' -o '" + (dir / "x.svg").string() + "'") == 2);
    CHECK_FALSE(fs::exists(dir / "x.svg"));
  }
  fs::remove_all(dir);
}
