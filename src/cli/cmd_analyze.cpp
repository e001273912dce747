// `sujuva analyze`: placeholder until its issue lands.
#include <ostream>

#include "cli/commands.h"

namespace sujuva::cli {

int analyze_command(const Args& args, std::ostream& out, std::ostream& err) {
  err << "sujuva analyze: not available yet\n";
  return kUnusable;
}

}  // namespace sujuva::cli
