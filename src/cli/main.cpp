// The sujuva command-line program: everything else lives in the library.
#include <iostream>

#include "cli/commands.h"
#include "render/graphviz.h"

int main(int argc, char** argv) {
  if (sujuva::is_render_child(argc, argv)) return sujuva::render_child_main(argc, argv);
  sujuva::render_in_fresh_processes();
  std::ios::sync_with_stdio(false);
  return sujuva::cli::run(sujuva::cli::Args(argv + 1, argv + argc), std::cout, std::cerr);
}
