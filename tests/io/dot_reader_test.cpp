#include "io/dot_reader.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>

using namespace sujuva;

namespace {

// Messages of a read, each as `file:line: message`.
std::vector<std::string> messages(const ReadResult& result) {
  std::vector<std::string> out;
  for (const auto& d : result.diagnostics) out.push_back(d.format());
  return out;
}

ReadResult read(const std::string& text, Lang lang = Lang::en) { return read_process_text(text, "t.dot", lang); }

const Step& step(const Process& p, const std::string& id) { return p.graph[*p.find_step(id)]; }

const char* kSmall = R"dot(digraph pilot {
  label="Aikuissosiaalityö"; label_sv="Vuxensocialarbete"; hours_per_fte=37.5; hours_per_day=7.5;
  subgraph cluster_sw {
    role=sw; label="Sosiaalityöntekijä"; label_sv="Socialarbetare"; fte=3.5; absence=0.12; reserved=0.2;
    qualification="social-worker";
    arvio [kind=checkpoint, label="Arvio", effort="gamma(mean=2h, cv=0.5)", assesses=special,
           mandatory=true, requires=sw, deadline="7wd"];
    rakenne [kind=activity, load="6h/week"];
  }
  subgraph cluster_so { label="Sosiaaliohjaaja"; fte=2;
    ohjaus [effort="1wd", delay="3d", priority=2, shape=box, color=red];
  }
  tulo [kind=start, arrivals="8/wd"];
  valmis [kind=end];
  tulo -> arvio;
  arvio -> ohjaus [p=0.7];
  arvio -> valmis [outcome=special, p=0.3, label="erityinen"];
  ohjaus -> valmis;
}
)dot";

}  // namespace

TEST_CASE("A model's graph settings, roles, steps and routes are read into typed values", "[io]") {
  auto result = read(kSmall);
  INFO(Catch::Detail::stringify(messages(result)));
  REQUIRE(result.usable());
  REQUIRE(result.diagnostics.empty());
  const Process& p = *result.process;

  SECTION("graph settings") {
    CHECK(p.name == "t");
    CHECK(p.title.fi == "Aikuissosiaalityö");
    CHECK(p.title.in(Lang::sv) == "Vuxensocialarbete");
    CHECK(p.title.in(Lang::en) == "Aikuissosiaalityö");  // falls back to Finnish
    CHECK(p.calendar.hours_per_fte == 37.5);
    CHECK(p.calendar.working_days_per_week() == 5);
  }
  SECTION("roles are clusters, with an id from role= or from the cluster name") {
    REQUIRE(p.roles.size() == 2);
    CHECK(p.roles[0].id == "sw");
    CHECK(p.roles[0].line == 3);
    CHECK(p.roles[0].qualification == "social-worker");
    // capacity = fte × hours_per_fte × (1 − absence) × (1 − reserved) = 3.5 × 37.5 × 0.88 × 0.8
    CHECK(p.roles[0].capacity_hours(p.calendar) == Approx(92.4));
    CHECK(p.roles[1].id == "so");
    CHECK(p.roles[1].label.sv.empty());
  }
  SECTION("steps take their role from the cluster they are declared in") {
    CHECK(step(p, "arvio").role == 0);
    CHECK(step(p, "ohjaus").role == 1);
    CHECK_FALSE(step(p, "tulo").role.has_value());
  }
  SECTION("step attributes") {
    const Step& arvio = step(p, "arvio");
    CHECK(arvio.kind == StepKind::checkpoint);
    CHECK(arvio.line == 6);
    CHECK(arvio.effort->kind == DistributionKind::gamma);
    CHECK(arvio.mean_effort_hours() == Approx(2));
    CHECK(arvio.assesses == "special");
    CHECK(arvio.mandatory);
    CHECK(arvio.required_role == "sw");
    CHECK(*arvio.deadline_weeks == Approx(1.4));             // 7 working days = 1.4 weeks
    CHECK(step(p, "tulo").arrivals_per_week == Approx(40));  // 8 per working day, 5 days
    CHECK(step(p, "rakenne").load_hours_per_week == Approx(6));
    const Step& ohjaus = step(p, "ohjaus");
    CHECK(ohjaus.mean_effort_hours() == Approx(7.5));     // 1 wd = hours_per_day
    CHECK(ohjaus.mean_delay_weeks() == Approx(3.0 / 7));  // 3 calendar days
    CHECK(ohjaus.priority == 2);
    CHECK(std::count(ohjaus.drawing.begin(), ohjaus.drawing.end(),
                     std::pair<std::string, std::string>("shape", "box")) == 1);
  }
  SECTION("routes and classes") {
    CHECK(p.classes == std::vector<std::string>{"standard", "special"});
    CHECK(boost::num_edges(p.graph) == 4);
    auto arvio = *p.find_step("arvio");
    auto out = branches(p, arvio, kStandardClass);
    REQUIRE(out.size() == 2);
    CHECK(p.graph[out[0].to].id == "ohjaus");
    CHECK(out[0].next_class == kStandardClass);
    CHECK(out[1].probability == Approx(0.3));
    CHECK(out[1].next_class == 1);
    CHECK(p.graph[out[1].route].line == 17);
    CHECK(p.graph[out[1].route].label.fi() == "erityinen");
  }
}

TEST_CASE("Routing shares the remainder and follows the client's class", "[io][routing]") {
  auto result = read(R"dot(digraph {
    a [kind=start, arrivals="1/week"]; k [kind=checkpoint, assesses=special, effort="1h", role=r];
    subgraph cluster_r { role=r; fte=1; }
    x; y; z; e [kind=end];
    a -> k; k -> x [outcome=special, p=0.2]; k -> y;
    x -> z; y -> z;
    z -> e [when=special]; z -> x [when=standard, p=0.5]; z -> e [when=standard];
    x [effort="1h", role=r]; y [effort="1h", role=r]; z [effort="1h", role=r];
  })dot");
  REQUIRE(result.usable());
  const Process& p = *result.process;
  auto z = *p.find_step("z");
  SECTION("a special client at z has one way out") {
    auto out = branches(p, z, 1);
    REQUIRE(out.size() == 1);
    CHECK(out[0].probability == 1);
  }
  SECTION("a standard client at z loops back with p=0.5, the rest leaves") {
    auto out = branches(p, z, kStandardClass);
    REQUIRE(out.size() == 2);
    CHECK(out[0].probability == Approx(0.5));
    CHECK(out[1].probability == Approx(0.5));
  }
  SECTION("the checkpoint route without outcome sets the class back to standard") {
    auto out = branches(p, *p.find_step("k"), 1);
    CHECK(out[0].next_class == 1);
    CHECK(out[1].next_class == kStandardClass);
    CHECK(out[1].probability == Approx(0.8));
  }
}

TEST_CASE("Unknown attributes are warnings with a suggestion; drawing attributes pass silently", "[io]") {
  auto result = read(
      "digraph {\n a [kind=start, arrivals=\"1/week\", efort=\"2h\", color=blue];\n a -> b [outcom=x];\n"
      " b [kind=end]\n}\n");
  REQUIRE(result.usable());
  CHECK(messages(result) ==
        std::vector<std::string>{
            "t.dot:2: warning: node \"a\": unknown attribute \"efort\" (did you mean \"effort\"?)",
            "t.dot:3: warning: route a -> b: unknown attribute \"outcom\" (did you mean \"outcome\"?)"});
}

TEST_CASE("A model's own words for its classes and qualifications are read from the graph", "[io]") {
  auto result = read(
      "digraph {\n class_kriisi=\"kriisiasiakas\"; class_kriisi_sv=\"krisklient\";\n"
      " qualification_psykologi_en=\"psychologist\";\n"
      " subgraph cluster_p { role=p; fte=1; qualification=psykologi; a [effort=\"1h\"]; }\n"
      " s [kind=start, arrivals=\"1/week\"]; e [kind=end]; s -> a -> e;\n}\n");
  REQUIRE(result.usable());
  CHECK(messages(result).empty());  // neither the graph nor the cluster warns of them
  const Terms& terms = result.process->terms;
  CHECK(terms.classes.at("kriisi").fi == "kriisiasiakas");
  CHECK(terms.classes.at("kriisi").sv == "krisklient");
  CHECK(terms.qualifications.at("psykologi").en == "psychologist");
  CHECK(terms.qualifications.at("psykologi").fi.empty());
}

TEST_CASE("Bad input gets a clear message with its line and makes the model unusable", "[io][bad-input]") {
  auto first = [](const ReadResult& r) { return r.diagnostics.empty() ? std::string() : r.diagnostics[0].format(); };

  SECTION("DOT syntax error names the line and column and shows the line with a caret") {
    // cgraph stops at the ';' after "->"; the mistake is the route without its end, so the caret
    // stands under the "->": bytes 0–5 are "  c d ", so column 7.
    auto r = read("digraph {\n  a -> b\n  c d ->;\n}\n");
    CHECK_FALSE(r.usable());
    CHECK(first(r) == "t.dot:3:7: the route lacks the step it goes to: write e.g. a -> b\n"
                      "    3 |   c d ->;\n"
                      "      |       ^");
    CHECK(r.diagnostics[0].rule == "syntax");
    // cgraph recovers: the next model reads fine
    CHECK(read("digraph { a [kind=start, arrivals=\"1/week\"]; a -> b; b [kind=end] }").usable());
  }
  SECTION("a decimal comma outside quotes says what to write, for every such number") {
    auto r = read("digraph {\n  subgraph cluster_so { role=so; fte=0,5;\n    a [effort=\"1h\"]; }\n"
                  "  s [kind=start, arrivals=\"1/week\"]; e [kind=end];\n  s -> a; a -> e [p=0,85];\n}\n");
    CHECK_FALSE(r.usable());
    REQUIRE(r.diagnostics.size() == 2);
    // "fte" begins at byte 33 of line 2 ("  subgraph cluster_so { role=so; " is 33 bytes), so
    // column 34; "p" at byte 18 of line 5.
    CHECK(r.diagnostics[0].format() ==
          "t.dot:2:34: fte=0,5: the decimal comma ends the DOT attribute; write fte=0.5 or fte=\"0,5\"\n"
          "    2 |   subgraph cluster_so { role=so; fte=0,5;\n"
          "      |                                  ^");
    CHECK(r.diagnostics[1].column == 19);
    CHECK(r.diagnostics[1].message == "p=0,85: the decimal comma ends the DOT attribute; write p=0.85 or p=\"0,85\"");
    CHECK(r.diagnostics[0].rule == "decimal-comma");
  }
  SECTION("a line over 1 MiB is refused before Graphviz reads it, with its length") {
    // 2^20 + 1 bytes on line 2: one over the limit; Graphviz would take seconds (it is
    // quadratic in the line's length), the check none.
    auto r = read("digraph {\n" + std::string((1 << 20) + 1, 'a') + "\n}\n");
    CHECK_FALSE(r.usable());
    CHECK(first(r) == "t.dot:2: the line is 1,048,577 bytes long, over the limit of 1,048,576: split it over several "
                      "lines (DOT allows a line break after every ;)");
    CHECK(read("digraph {\n a [kind=start, arrivals=\"1/week\"]; a -> b; b [kind=end];" + std::string(1 << 19, ' ') +
               "\n}\n")
              .usable());
  }
  SECTION("a file that declares charset=latin1 is read as Latin-1, with a warning") {
    // "Ty\xf6" is "Työ" in Latin-1 (ö = 0xF6), not valid UTF-8; the label comes out in UTF-8.
    auto r = read("digraph {\n charset=latin1;\n subgraph cluster_w { role=w; fte=1; a [effort=\"1h\", label=\"Ty\xf6\"]; }\n"
                  " s [kind=start, arrivals=\"1/week\"]; e [kind=end]; s -> a -> e;\n}\n");
    REQUIRE(r.usable());
    CHECK(r.process->graph[*r.process->find_step("a")].label.in(Lang::fi) == "Työ");
    CHECK(first(r) == "t.dot:2: warning: the file is in Latin-1 (charset=latin1) and was read as such; better save it as "
                      "UTF-8");
    // Without the declaration the same bytes are refused.
    auto undeclared = read("digraph {\n a [label=\"Ty\xf6\"];\n}\n");
    CHECK_FALSE(undeclared.usable());
    CHECK(first(undeclared) == "t.dot:2: the text is not valid UTF-8 (save the file as UTF-8)");
  }
  SECTION("an attribute without a value points at its '=' and names the attribute") {
    // "  a -> b [p=0.5 q" is 17 bytes: the '=' is column 18.
    auto r = read("digraph {\n  a -> b [p=0.5 q=];\n}\n");
    CHECK(first(r) == "t.dot:2:18: the attribute \"q\" has no value; write q=VALUE or remove it\n"
                      "    2 |   a -> b [p=0.5 q=];\n"
                      "      |                  ^");
  }
  SECTION("an attribute list never closed points at its '['") {
    // cgraph complains at "b" on the next line; the '[' is byte 4 of line 2, column 5, and the
    // 'b' inside "label" is not taken for the token.
    auto r = read("digraph {\n  a [label=\"ä ö\" effort=1h\n  b -> c\n}\n", Lang::sv);
    CHECK(first(r) == "t.dot:2:5: denna [ stängs aldrig: lägg till ] efter attributen\n"
                      "    2 |   a [label=\"ä ö\" effort=1h\n"
                      "      |     ^");
  }
  SECTION("another syntax error points at the token cgraph stopped at, as a whole word") {
    // Line 3 "  b -> -> c;": the first "->" (column 5) is where the caret goes: cgraph names the
    // token, not which of two equal ones.
    auto r = read("digraph {\n  a -> b;\n  b -> -> c;\n}\n");
    CHECK(first(r) == "t.dot:3:5: DOT syntax error near '->' (see processes/README.md for the format)\n"
                      "    3 |   b -> -> c;\n"
                      "      |     ^");
  }
  SECTION("quoted decimal commas and per cents are read as numbers") {
    auto r = read("digraph {\n  subgraph cluster_so { role=so; fte=\"0,5\"; absence=\"6 %\";\n"
                  "    a [effort=\"1,5h\"]; }\n  s [kind=start, arrivals=\"2,5/vk\"]; e [kind=end];\n"
                  "  s -> a; a -> e [p=\"85 %\"]; a -> a [p=\"15 %\"];\n}\n");
    REQUIRE(r.usable());
    const Process& p = *r.process;
    CHECK(p.roles[0].fte == Approx(0.5));
    CHECK(p.roles[0].absence == Approx(0.06));
  }
  SECTION("a file of another kind is named, not read as DOT") {
    CHECK(first(read("<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/"
                     "20100524/MODEL\"><bpmn:process id=\"p\"/></bpmn:definitions>\n")) ==
          "t.dot: this is a BPMN file, not a DOT process model; sujuva reads processes as DOT digraphs, see "
          "processes/README.md");
    CHECK_THAT(first(read("<?xml version=\"1.0\"?>\n<log xes.version=\"1.0\"><trace/></log>\n")),
               Catch::Contains("this is an event log (XES)"));
    CHECK_THAT(first(read("vaihe;rooli;työmäärä\narvio;so;1h\n")), Catch::Contains("this is a table (CSV)"));
    CHECK_THAT(first(read(std::string("PK\x03\x04\x14\0\0\0", 8))), Catch::Contains("this is a spreadsheet"));
    auto finnish = read_process_text("<?xml version=\"1.0\"?><bpmn:definitions/>", "kartta.bpmn", Lang::fi);
    REQUIRE_FALSE(finnish.diagnostics.empty());
    CHECK(finnish.diagnostics.front().format(Lang::fi) ==
          "kartta.bpmn: tämä on BPMN-tiedosto eikä DOT-prosessimalli; sujuva lukee prosessit DOT-kaavioina (digraph), "
          "katso processes/README.md");
    CHECK(finnish.diagnostics.front().rule == "foreign-file");
    CHECK(finnish.diagnostics.size() == 1);  // no Graphviz warnings after it
  }
  SECTION("empty file") {
    CHECK(first(read(" \n")) == "t.dot: the file is empty; a process model is a DOT digraph, see processes/README.md");
  }
  SECTION("undirected graph") {
    CHECK(first(read("graph { a -- b }")) ==
          "t.dot:1: the process is an undirected graph; write `digraph` so that routes have a direction");
  }
  SECTION("binary file") {
    CHECK(first(read(std::string("digraph {\0\x01\x02}", 13))) == "t.dot: this is a binary file, not a DOT text file");
  }
  SECTION("invalid UTF-8 names the line") {
    CHECK(first(read("digraph {\n a [label=\"\xff\xfe\"]\n}")) ==
          "t.dot:2: the text is not valid UTF-8 (save the file as UTF-8)");
  }
  SECTION("unknown kind with a suggestion") {
    CHECK(first(read("digraph {\n\n a [kind=chekpoint]\n}")) ==
          "t.dot:3: node \"a\": unknown kind \"chekpoint\" (did you mean \"checkpoint\"?); use start, task, "
          "checkpoint, decision, activity or end");
  }
  SECTION("NaN, negative and huge numbers") {
    CHECK(first(read("digraph {\n a [effort=\"-2h\"]\n}")) ==
          "t.dot:2: node \"a\": effort \"-2h\" must not be negative");
    CHECK(first(read("digraph { subgraph cluster_r { fte=nan } }")) ==
          "t.dot:1: role r: fte: \"nan\" is not a finite number");
    CHECK(first(read("digraph {\n a [kind=start, arrivals=\"1e13/week\"]\n}")) ==
          "t.dot:2: node \"a\": arrivals \"1e13\" is too large");
    CHECK(first(read("digraph { subgraph cluster_r { fte=1; absence=1 } }")) ==
          "t.dot:1: role r: absence must be in [0, 1), not 1");
  }
  SECTION("effort in calendar time is refused") {
    CHECK(first(read("digraph {\n a [effort=\"2d\"]\n}")) ==
          "t.dot:2: node \"a\": effort \"2d\" uses calendar time (d or w); effort is staff working time: use min, "
          "h or wd");
  }
  SECTION("p above 1") {
    CHECK(first(read("digraph {\n a -> b\n a -> c [p=1.5]\n}")) ==
          "t.dot:3: route a -> c: p must be between 0 and 1, not 1.5");
  }
  SECTION("a when that no checkpoint sets") {
    CHECK(first(read("digraph {\n k [kind=checkpoint, assesses=special]\n a -> b [when=specal]\n}")) ==
          "t.dot:3: route a -> b: when=\"specal\" names a class that no checkpoint sets (did you mean \"special\"?)");
  }
  SECTION("duplicate role ids") {
    CHECK(first(read("digraph {\n subgraph cluster_a { role=sw; fte=1 }\n subgraph cluster_b { role=sw; fte=2 }\n}")) ==
          "t.dot:3: role \"sw\" is defined twice (role ids must be unique)");
  }
  SECTION("unknown role with a suggestion") {
    CHECK(first(read("digraph {\n subgraph cluster_sw { fte=1 }\n a [role=sv]\n}")) ==
          "t.dot:3: node \"a\": unknown role \"sv\" (did you mean \"sw\"?)");
  }
  SECTION("a missing file and a directory") {
    CHECK(first(read_process_file("no/such.dot")) == "no/such.dot: no such file");
    auto dir = std::filesystem::temp_directory_path().string();
    CHECK(first(read_process_file(dir)) == dir + ": is a directory, not a process model file");
  }
}

TEST_CASE("Every bundled model loads without errors", "[io][models]") {
  namespace fs = std::filesystem;
  int models = 0;
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(SUJUVA_SOURCE_DIR) / "processes")) {
    if (entry.path().extension() != ".dot") continue;
    auto result = read_process_file(entry.path().string());
    INFO(entry.path().string() << "\n" << Catch::Detail::stringify(messages(result)));
    CHECK(result.usable());
    ++models;
  }
  CHECK(models >= 4);
}

TEST_CASE("Repeated routes between the same two steps each get their own line", "[io]") {
  auto result = read(
      "digraph {\n  in [kind=start, arrivals=\"1/week\"];\n  out [kind=end];\n  in -> out;\n  in -> out [p=7];\n}\n");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].format() == "t.dot:5: route in -> out: p must be between 0 and 1, not 7");
}

TEST_CASE("A model large enough for the arena reads like a small one", "[io]") {
  // 40 000 steps in a chain, each written on two lines (node, route): over the
  // 4 MiB from which the reader gives cgraph an arena. Step i is on line 3 + 2i
  // and its route on line 4 + 2i; routes alternate p=0.5 (with a second route
  // back to s0 written after the chain) so some steps have two.
  const int steps = 40000;
  std::string text = "digraph big {\n  in [kind=start, arrivals=\"1/week\"];\n";
  for (int i = 0; i < steps; ++i) {
    std::string next = i + 1 < steps ? "s" + std::to_string(i + 1) : "out";
    text += "  s" + std::to_string(i) + " [effort=\"1h\", label=\"Vaihe " + std::to_string(i) +
            " with a label long enough to make the file large\"];\n";
    text += "  s" + std::to_string(i) + " -> " + next + (i % 2 ? " [p=0.5];\n" : ";\n");
  }
  for (int i = 1; i < steps; i += 2) text += "  s" + std::to_string(i) + " -> s0 [p=0.5];\n";
  text += "  in -> s0;\n  out [kind=end];\n}\n";
  REQUIRE(text.size() > (4u << 20));
  auto result = read_process_text(text, "big.dot");
  REQUIRE(result.usable());
  const Process& p = *result.process;
  CHECK(boost::num_vertices(p.graph) == steps + 2);
  CHECK(boost::num_edges(p.graph) == steps + steps / 2 + 1);
  auto s1 = p.find_step("s1");
  REQUIRE(s1);
  CHECK(p.graph[*s1].line == 5);
  CHECK(p.graph[*s1].label.fi() == "Vaihe 1 with a label long enough to make the file large");
  std::map<std::string, const Route*> routes;  // by target step
  for (auto e : boost::make_iterator_range(boost::out_edges(*s1, p.graph)))
    routes[p.graph[boost::target(e, p.graph)].id] = &p.graph[e];
  REQUIRE(routes.size() == 2);
  CHECK(routes["s2"]->line == 6);
  CHECK(routes["s0"]->line == 3 + 2 * steps);  // the first route back, after the chain
  CHECK(*routes["s0"]->p == 0.5);
}

TEST_CASE("Every diagnostic of the reader names its rule", "[io]") {
  // One broken model per rule of the table in processes/README.md, "What `sujuva check` checks" (reader part); each
  // must produce a diagnostic with that rule, and no diagnostic may come without one.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "empty-file"},
      {std::string("digraph {\0\1\2 }", 14), "binary-file"},
      {"digraph { a [label=\"\xff\"]; }", "encoding"},
      {"digraph { a -> ; }", "syntax"},
      {"graph { a -- b; }", "undirected"},
      {"digraph { a [efort=\"1h\"]; }", "unknown-attribute"},
      {"digraph { hours_per_fte=0; a; }", "range"},
      {"digraph { a [kind=stat]; }", "unknown-kind"},
      {"digraph { a [role=nobody]; }", "unknown-role"},
      {"digraph { a [effort=\"uniform(2h, 1h)\"]; }", "distribution"},
      {"digraph { a [kind=start, arrivals=\"lots\"]; }", "rate"},
      {"digraph { a [arrivals=\"1/week\"]; }", "misplaced-attribute"},
      {"digraph { a [kind=checkpoint, mandatory=maybe]; }", "boolean"},
      {"digraph { a [kind=checkpoint, deadline=\"soon\"]; }", "duration"},
      {"digraph { a [priority=high]; }", "number"},
      {"digraph { subgraph cluster_a { role=r; fte=1; } subgraph cluster_b { role=r; fte=1; } }", "duplicate-role"},
      {"digraph { subgraph cluster_a { role=r; a; } }", "no-fte"},
      {"digraph { a [kind=checkpoint, assesses=special]; b; a -> b [when=specal]; }", "unknown-class"},
  };
  for (const auto& [text, rule] : cases) {
    INFO(rule << ": " << text);
    auto result = read_process_text(text, "m.dot");
    bool found = false;
    for (const auto& d : result.diagnostics) {
      INFO(d.format());
      CHECK(!d.rule.empty());
      found = found || d.rule == rule;
    }
    CHECK(found);
    {  // and says it in Finnish and Swedish, with the same rules and lines
      for (Lang lang : {Lang::fi, Lang::sv}) {
        auto localized = read_process_text(text, "m.dot", lang);
        REQUIRE(localized.diagnostics.size() == result.diagnostics.size());
        for (size_t i = 0; i < localized.diagnostics.size(); ++i) {
          const Diagnostic& d = localized.diagnostics[i];
          INFO(d.format());
          CHECK(d.rule == result.diagnostics[i].rule);
          CHECK(d.line == result.diagnostics[i].line);
          CHECK(d.message != result.diagnostics[i].message);
          // No English left (the user's own words in these inputs are none of these).
          for (const char* english : {"is not", "must", "unknown", "needs", " the ", "did you mean", "ignored",
                                      " only ", "error", "given", " use "})
            CHECK(d.message.find(english) == std::string::npos);
        }
      }
    }
  }
  auto missing = read_process_file("/nonexistent/m.dot");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].rule == "file");
  CHECK(read_process_file("/nonexistent/m.dot", Lang::fi).diagnostics[0].message == "tiedostoa ei ole");
}

TEST_CASE("The line of a setting in a DOT file skips comments and strings", "[io]") {
  auto path = std::filesystem::temp_directory_path() / ("sujuva-attribute-line-" + std::to_string(::getpid()) + ".dot");
  std::ofstream(path) << "digraph m {\n"
                         "  // hours_per_fte=10 in a comment\n"
                         "  /* hours_per_day=4\n"
                         "     still a comment */\n"
                         "  label=\"hours_per_day=6 in a string\";\n"
                         "  hours_per_fte_note=1;\n"
                         "  hours_per_fte =\n"
                         "    40; hours_per_day=8;\n"
                         "}\n";
  CHECK(dot_attribute_line(path.string(), "hours_per_fte") == 7);
  CHECK(dot_attribute_line(path.string(), "hours_per_day") == 8);
  CHECK(dot_attribute_line(path.string(), "absence") == 0);
  CHECK(dot_attribute_line((path.string() + ".missing"), "hours_per_fte") == 0);
  std::filesystem::remove(path);
}

TEST_CASE("A role nested in another cluster keeps the settings it repeats from the outer one", "[io]") {
  // cgraph copies the outer cluster's fte=4 into the inner one, so the values alone look
  // inherited; the inner body writes fte=4 itself (and graph [absence=...] too).
  auto r = read(R"dot(digraph n {
    tulo [kind=start, arrivals="5/week"];
    subgraph cluster_school {
      label="Koulu"; fte=4; absence=0.1;
      subgraph cluster_kk {
        role=kk; fte=4; graph [absence=0.1];
        a [effort="1h"];
      }
      subgraph cluster_other {
        role=other;
        b [effort="1h"];
      }
    }
    loppu [kind=end];
    tulo -> a -> b -> loppu;
  })dot");
  REQUIRE(r.usable());
  const Role& kk = r.process->roles[*r.process->find_role("kk")];
  CHECK(kk.fte == 4);
  CHECK(kk.absence == 0.1);
  SECTION("a role that does not write a setting still does not inherit it from a cluster that is no role") {
    const Role& other = r.process->roles[*r.process->find_role("other")];
    CHECK(other.fte == 0);
  }
}
