// Writing output files so that a reader never sees half a file.
#pragma once

#include <string>
#include <string_view>

namespace sujuva {

// Writes `content` to a temporary file beside `path` and renames it over
// `path`. Throws std::runtime_error with "path: reason" on failure.
void write_file_atomically(const std::string& path, std::string_view content);

}  // namespace sujuva
