// The tests' main: Catch2's, after the hook that lets renders run in a fresh copy of this program.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <cstdlib>

#include "render/graphviz.h"

int main(int argc, char** argv) {
  if (sujuva::is_render_child(argc, argv)) return sujuva::render_child_main(argc, argv);
  sujuva::render_in_fresh_processes();
  // The tests assert each command's default language (Finnish); a user's own setting must not change it.
  unsetenv("SUJUVA_LANG");
  return Catch::Session().run(argc, argv);
}
