// `sujuva render`: placeholder until its issue lands.
#include <ostream>

#include "cli/commands.h"

namespace sujuva::cli {

int render_command(const Args& args, std::ostream& out, std::ostream& err) {
  err << "sujuva render: not available yet\n";
  return kUnusable;
}

}  // namespace sujuva::cli
