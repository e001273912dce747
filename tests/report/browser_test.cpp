// The report opened in headless Chromium (tools/browser-test): skipped when chromium is not installed.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>

TEST_CASE("The report opens in a browser with its headings and numbers, non-blank, offline", "[report][browser]") {
  if (!std::filesystem::exists("/usr/bin/chromium")) {
    WARN(
        "SKIPPED: /usr/bin/chromium is not installed (tools/setup chromium installs it; tools/browser-test runs "
        "this check on its own)");
    return;
  }
  std::string source = SUJUVA_SOURCE_DIR;
  std::string command = "SUJUVA_BINARY='" + std::string(SUJUVA_BINARY) + "' '" + source +
                        "/tools/browser-test' --no-setup --no-self-test '" + source +
                        "/processes/aikuissosiaalityo-nykytila.dot' fi 2>&1";
  INFO(command);
  CHECK(std::system(command.c_str()) == 0);
}
