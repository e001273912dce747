// Every command in Finnish and Swedish: no English word in what a user reads, outside the
// allow-list below.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "support.h"

using namespace sujuva;
namespace fs = std::filesystem;

namespace {

const std::string kModel = SUJUVA_SOURCE_DIR "/processes/kuraattoripalvelut-nykytila.dot";
const std::string kTarget = SUJUVA_SOURCE_DIR "/processes/kuraattoripalvelut-tavoite.dot";

// What a user reads from every command in `lang`: the text output and errors, the help of each
// command, the Markdown report and the diagram's text.
std::string everything_in(const std::string& lang) {
  const fs::path dir = test::scratch_dir() / ("language-" + lang);
  fs::create_directories(dir);
  std::string text;
  auto run = [&](std::vector<std::string> args) {
    args.push_back("--lang");
    args.push_back(lang);
    auto r = test::run_command(args);
    text += r.out + r.err;
  };
  run({"check", kModel});
  run({"analyze", kModel});
  run({"simulate", kModel, "--weeks", "5", "--replications", "2", "--warmup", "1"});
  run({"compare", kModel, kTarget});
  run({"help"});
  for (const char* command : {"check", "analyze", "simulate", "compare", "render", "report"})
    run({command, "--help"});
  run({"analyze", kModel, "--jsn"});  // a usage error
  run({"report", kModel, "-o", (dir / "raportti").string()});
  text += test::read_file(dir / "raportti" / "report.md");
  run({"render", kModel, "-o", (dir / "kaavio.svg").string()});
  const std::string svg = test::read_file(dir / "kaavio.svg");
  static const std::regex svg_text("<text[^>]*>([^<]*)</text>");
  for (std::sregex_iterator i(svg.begin(), svg.end(), svg_text), end; i != end; ++i) text += (*i)[1].str() + "\n";
  return text;
}

// What is not language: option names, file names and paths, what-if targets (`sw.fte`), command
// lines, the environment variable.
std::string without_code(std::string text) {
  for (const char* pattern : {R"(--[a-z][a-z-]*)", R"(\S*/\S*)", R"(\S+\.(csv|md|html|json|svg|png|pdf|dot)\b)",
                              R"(\b[a-z_]+\.[a-z_]+\S*)", R"(sujuva [a-z]+)", "SUJUVA_LANG"})
    text = std::regex_replace(text, std::regex(pattern), " ");
  return text;
}

// Words of three letters or more, ASCII lowercased; the Latin-1 letters (ä, ö, å: UTF-8 0xC3 xx)
// count as letters, other characters beyond ASCII (–, →, …) as separators.
std::set<std::string> words(const std::string& text) {
  std::set<std::string> out;
  std::string word;
  auto flush = [&] {
    if (word.size() >= 3) out.insert(word);
    word.clear();
  };
  bool latin = false;  // inside a character that began with 0xC3
  for (unsigned char c : text) {
    const bool continuation = (c & 0xC0) == 0x80;
    if (std::isalpha(c) || c == 0xC3 || (continuation && latin)) {
      word += static_cast<char>(std::tolower(c));
      latin = c == 0xC3;
    } else {
      if (!continuation) flush();
      latin = false;
    }
  }
  flush();
  return out;
}

// Words that may stand in Finnish and Swedish output although the English output has them too.
const std::set<std::string> kAllowed{
    // commands and the values options take, typed as they are: `--color wait`, `--calendar office`
    "analyze", "check", "compare", "render", "report", "simulate", "sujuva", "help", "utilisation", "wait", "none",
    "continuous", "office", "random", "capacity",
    // the JSON fields `compare --help` names, and file formats
    "before", "after", "delta", "relative", "structure", "narrative", "csv", "dot", "html", "json", "pdf", "png",
    "svg",
    // the Markdown report's code fence
    "text",
    // Swedish words spelt as English ones
    "diagram", "extra", "full", "orange", "person", "standard", "variation", "scenario", "status"};

}  // namespace

TEST_CASE("Every command's Finnish and Swedish output has no English word outside the allow-list",
          "[cli][language]") {
  // The English vocabulary is the English output of the same commands: a word there that also
  // shows in Finnish or Swedish is untranslated, unless the model's own text has it (ids and
  // labels the user wrote) or kAllowed names it.
  const std::set<std::string> english = words(without_code(everything_in("en")));
  const std::set<std::string> model = words(test::read_file(kModel) + test::read_file(kTarget));
  for (const char* lang : {"fi", "sv"}) {
    const std::string text = without_code(everything_in(lang));
    std::vector<std::string> untranslated;
    for (const auto& w : words(text))
      if (english.count(w) && !model.count(w) && !kAllowed.count(w)) untranslated.push_back(w);
    INFO(lang);
    for (const auto& w : untranslated) {
      std::smatch where;
      std::regex_search(text, where, std::regex(".{0,40}\\b" + w + "\\b.{0,30}", std::regex::icase));
      UNSCOPED_INFO(w << ": " << where.str());
    }
    CHECK(untranslated.empty());
  }
}
