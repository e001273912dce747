// Writing output files so that a reader never sees half a file, with failures told in the user's language.
//
//   write_file_atomically("out/diagram.svg", svg, Lang::fi);
//   create_folder("reports/malli", Lang::sv);   // throws "reports/malli: mappen kan inte skapas (åtkomst nekad)"
#pragma once

#include <string>
#include <string_view>
#include <system_error>

#include "model/lang.h"

namespace sujuva {

// Writes `content` to a temporary file beside `path` and renames it over
// `path`. Throws std::runtime_error with "path: reason" in `lang` on failure.
void write_file_atomically(const std::string& path, std::string_view content, Lang lang);

// Creates `dir` and its parents where missing. Throws std::runtime_error with "dir: reason" in
// `lang` when it cannot, or when `dir` is a file.
void create_folder(const std::string& dir, Lang lang);

// The operating system's reason in words of `lang` for the common ones (no such folder, access
// denied, disk full, read-only), else the system's own text.
std::string file_error_reason(const std::error_code& error, Lang lang);

}  // namespace sujuva
