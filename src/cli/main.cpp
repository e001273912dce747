// The sujuva command-line program: everything else lives in the library.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  return sujuva::cli::run(sujuva::cli::Args(argv + 1, argv + argc), std::cout, std::cerr);
}
