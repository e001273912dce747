// The helpers the commands share (cli/common.cpp): argument parsing and --lang.
#include "cli/common.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>
#include <string>

using namespace sujuva;
using namespace sujuva::cli;

namespace {

struct Parsed {
  std::optional<int> code;
  std::string out, err;
};

Parsed parse(CLI::App& app, const Args& args) {
  std::ostringstream out, err;
  auto code = parse_arguments(app, args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("A command's --lang sets the language; without it every command writes Finnish or SUJUVA_LANG's",
          "[cli]") {
  for (auto [code, expected] : {std::pair("fi", Lang::fi), std::pair("sv", Lang::sv), std::pair("en", Lang::en)}) {
    CLI::App app{"test", "sujuva test"};
    Lang lang = expected == Lang::en ? Lang::fi : Lang::en;
    add_lang_option(app, lang, "language");
    CHECK_FALSE(parse(app, {"--lang", code}).code);
    CHECK(lang == expected);
  }
  auto without_option = [] {
    CLI::App app{"test", "sujuva test"};
    Lang lang = Lang::en;  // a command's own initial value no longer decides
    add_lang_option(app, lang, "language");
    CHECK_FALSE(parse(app, {}).code);
    return lang;
  };
  const char* saved = std::getenv("SUJUVA_LANG");
  std::string previous = saved ? saved : "";
  unsetenv("SUJUVA_LANG");
  CHECK(without_option() == Lang::fi);
  setenv("SUJUVA_LANG", "sv", 1);
  CHECK(without_option() == Lang::sv);
  setenv("SUJUVA_LANG", "xx", 1);  // not a language: Finnish
  CHECK(without_option() == Lang::fi);
  if (saved) setenv("SUJUVA_LANG", previous.c_str(), 1);
  else unsetenv("SUJUVA_LANG");
}

TEST_CASE("Another --lang is a usage error with one message in every command", "[cli]") {
  CLI::App app{"test", "sujuva test"};
  Lang lang = Lang::fi;
  add_lang_option(app, lang, "language");
  auto run = parse(app, {"--lang", "de"});
  CHECK(run.code == kUnusable);
  // In the default language (Finnish unless SUJUVA_LANG says otherwise): --lang itself is wrong.
  CHECK(run.err == "sujuva test: --lang: pitää olla fi, sv tai en, ei \"de\"\nkatso 'sujuva test --help'\n");
  CHECK(lang == Lang::fi);
}

TEST_CASE("A command's --help shows --lang with its description and the choices or default asked for", "[cli]") {
  auto help_line = [](LangHelp shown, Lang lang) {
    CLI::App app{"test", "sujuva test"};
    add_lang_option(app, lang, "language of the text", shown);
    std::string help = app.help();
    auto at = help.find("--lang");
    REQUIRE(at != std::string::npos);
    return help.substr(at, help.find('\n', at) - at);
  };
  CHECK(help_line(LangHelp::plain, Lang::fi) == "--lang TEXT                 language of the text");
  CHECK(help_line(LangHelp::choices, Lang::en) == "--lang TEXT:{fi,sv,en}      language of the text");
  // The default shown is the one every command has: Finnish (SUJUVA_LANG unset in the tests).
  CHECK(help_line(LangHelp::default_value, Lang::sv) == "--lang TEXT=fi              language of the text");
}

TEST_CASE("Usage errors and help are in the language the arguments ask for", "[cli]") {
  auto app_with_model = [](std::string& file, bool& json, Lang& lang) {
    auto app = std::make_unique<CLI::App>("test", "sujuva test");
    app->add_option("MODEL", file, "model")->required();
    app->add_flag("--json", json, "json");
    add_lang_option(*app, lang, "language");
    return app;
  };
  std::string file;
  bool json = false;
  Lang lang = Lang::fi;
  {
    auto app = app_with_model(file, json, lang);
    CHECK(parse(*app, {}).err == "sujuva test: MODEL puuttuu\nkatso 'sujuva test --help'\n");
  }
  {
    auto app = app_with_model(file, json, lang);
    CHECK(parse(*app, {"--lang", "sv", "m.dot", "--jsn"}).err ==
          "sujuva test: okänd flagga eller extra fil: --jsn (menade du \"--json\"?)\nse 'sujuva test --help'\n");
  }
  {
    auto app = app_with_model(file, json, lang);
    auto help = parse(*app, {"--help", "--lang=sv"});
    CHECK(help.code == kOk);
    CHECK(help.out.find("Användning: sujuva test [FLAGGOR] MODEL") != std::string::npos);
    CHECK(help.out.find("visar den här hjälpen") != std::string::npos);
  }
}

TEST_CASE("The command list and an unknown command speak the chosen language", "[cli]") {
  std::ostringstream out, err;
  CHECK(run({"help", "--lang", "sv"}, out, err) == kOk);
  CHECK(out.str().find("  analyze   flöde i jämvikt:") != std::string::npos);
  CHECK(run({"analys", "m.dot"}, out, err) == kUnusable);
  CHECK(err.str() == "sujuva: tuntematon komento \"analys\" (tarkoititko \"analyze\"?); katso 'sujuva help'\n");
}
