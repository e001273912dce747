#include "cli/common.h"

#include <algorithm>

namespace sujuva::cli {

std::optional<int> parse_arguments(CLI::App& app, const Args& args, std::ostream& out, std::ostream& err) {
  // CLI11 wants the arguments in reverse order.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kOk;
  } catch (const CLI::ParseError& e) {
    err << app.get_name() << ": " << e.what() << "\n"
        << "see '" << app.get_name() << " --help'\n";
    return kUnusable;
  }
  return std::nullopt;
}

}  // namespace sujuva::cli
