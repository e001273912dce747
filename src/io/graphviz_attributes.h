// Whether an attribute name is one of Graphviz's own (drawing) attributes; private to io.
#pragma once

#include <string_view>

namespace sujuva::io::detail {

bool is_graphviz_attribute(std::string_view name);

}  // namespace sujuva::io::detail
