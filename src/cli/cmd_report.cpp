// `sujuva report`: placeholder until its issue lands.
#include <ostream>

#include "cli/commands.h"

namespace sujuva::cli {

int report_command(const Args& args, std::ostream& out, std::ostream& err) {
  err << "sujuva report: not available yet\n";
  return kUnusable;
}

}  // namespace sujuva::cli
