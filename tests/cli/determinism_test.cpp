// Every command gives the same bytes for the same input, options and seed, with any number of threads.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support.h"

using namespace sujuva;
namespace fs = std::filesystem;

namespace {

const std::string kModel = SUJUVA_SOURCE_DIR "/processes/kuraattoripalvelut-nykytila.dot";
const std::string kTarget = SUJUVA_SOURCE_DIR "/processes/kuraattoripalvelut-tavoite.dot";

// What one run of every command writes: standard output and error, and the files.
std::string everything(const fs::path& dir, const std::string& threads) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string all;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"check", kModel, "--json"},
        {"analyze", kModel},
        {"analyze", kModel, "--json", "--csv", (dir / "csv").string()},
        {"simulate", kModel, "--weeks", "5", "--replications", "4", "--warmup", "2", "--threads", threads, "--json"},
        {"compare", kModel, kTarget, "--json"},
        {"render", kModel, "-o", (dir / "kaavio.svg").string()},
        {"report", kModel, "-o", (dir / "raportti").string()}}) {
    auto run = test::run_command(args);
    all += std::to_string(run.code) + run.out + run.err;
  }
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) all += entry.path().filename().string() + test::read_file(entry.path());
  return all;
}

}  // namespace

TEST_CASE("The same input and seed give the same bytes from every command, with one thread or two",
          "[cli][determinism]") {
  const std::string first = everything(test::scratch_dir() / "same-1", "1");
  REQUIRE(first.size() > 100000);  // the report's PNG and PDF alone are larger
  // The folders differ in name only; the paths inside the outputs are replaced before comparing.
  auto without_dir = [](std::string text, const std::string& dir) {
    for (size_t at; (at = text.find(dir)) != std::string::npos;) text.replace(at, dir.size(), "DIR");
    return text;
  };
  const std::string second = everything(test::scratch_dir() / "same-2", "2");
  CHECK(without_dir(first, (test::scratch_dir() / "same-1").string()) ==
        without_dir(second, (test::scratch_dir() / "same-2").string()));
}

TEST_CASE("Another seed gives other simulated figures, so the comparison above can tell runs apart",
          "[cli][determinism]") {
  auto simulate = [](const char* seed) {
    return test::run_command({"simulate", kModel, "--weeks", "5", "--replications", "4", "--warmup", "2", "--seed", seed,
                              "--json"})
        .out;
  };
  CHECK(simulate("1") == simulate("1"));
  CHECK(simulate("1") != simulate("2"));
}
