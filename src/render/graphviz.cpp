#include "render/graphviz.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <gvc.h>
#include <gvplugin.h>
#include <sys/socket.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

namespace sujuva {

std::optional<OutputFormat> format_from_path(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".svg") return OutputFormat::svg;
  if (ext == ".png") return OutputFormat::png;
  if (ext == ".pdf") return OutputFormat::pdf;
  if (ext == ".dot" || ext == ".gv") return OutputFormat::dot;
  return std::nullopt;
}

namespace detail {

namespace {

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// Renders in a child process and returns its bytes. Graphviz 2.42 keeps state between renders
// in one process (its pango plugin holds a pointer to the last font name, and
// AddressSanitizer reports it as a heap-use-after-free after the first render), so a PNG or
// PDF drawn after another render could differ from run to run. Each render in a fresh
// child is a first render. With render_in_fresh_processes() the child also executes the
// program anew (`__render`), because the dot layout depends on the state it starts from: a
// fork of a process that had done other work (a test run, a longer file name) could lay out
// the same graph differently. Without fork (no pipe, no process) it renders here.
bool fresh_processes = false;
constexpr const char* kRenderCommand = "__render";

const char* format_word(OutputFormat format) {
  switch (format) {
    case OutputFormat::svg:
      return "svg";
    case OutputFormat::png:
      return "png";
    case OutputFormat::pdf:
      return "pdf";
    case OutputFormat::dot:
      return "dot";
  }
  return "svg";
}

std::string render_in_process(std::string_view dot, OutputFormat format, PluginSource source);

// The child's answer: a status byte (0 = the bytes follow, 1 = an error message follows).
bool answer(int fd, std::string_view dot, OutputFormat format, PluginSource source) {
  char status = 0;
  std::string result;
  try {
    result = render_in_process(dot, format, source);
  } catch (const std::exception& e) {
    status = 1;
    result = e.what();
  }
  return write_all(fd, &status, 1) && write_all(fd, result.data(), result.size());
}

// All of `fd` until its end, or false when `deadline` passes first.
bool read_all_until(int fd, std::chrono::steady_clock::time_point deadline, std::string& received) {
  char buffer[65536];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd ready{fd, POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(std::min<long long>(left.count(), 1 << 30)));
    if (polled < 0 && errno == EINTR) continue;
    if (polled == 0) return false;
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) return true;
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return true;
    }
    received.append(buffer, static_cast<std::size_t>(n));
  }
}

std::string read_all(int fd) {
  std::string received;
  char buffer[65536];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    received.append(buffer, static_cast<std::size_t>(n));
  }
  return received;
}

std::string render_isolated(std::string_view dot, OutputFormat format, PluginSource source) {
  int result_pipe[2], dot_socket[2];
  if (::pipe2(result_pipe, O_CLOEXEC) != 0) return render_in_process(dot, format, source);
  // A socket for the DOT text: send() with MSG_NOSIGNAL reports a child that died as an error
  // instead of killing this process with SIGPIPE.
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, dot_socket) != 0) {
    ::close(result_pipe[0]);
    ::close(result_pipe[1]);
    return render_in_process(dot, format, source);
  }
  std::fflush(nullptr);  // nothing buffered twice
  const pid_t parent = ::getpid();
  const pid_t child = ::fork();
  if (child < 0) {
    for (int fd : {result_pipe[0], result_pipe[1], dot_socket[0], dot_socket[1]}) ::close(fd);
    return render_in_process(dot, format, source);
  }
  if (child == 0) {
    // The layout dies with the command that asked for it (Ctrl-C, SIGTERM, a killed parent): the
    // signal survives the exec below. A parent gone before this line is seen by getppid.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(1);
    if (fresh_processes) {
      if (::dup2(dot_socket[1], STDIN_FILENO) >= 0 && ::dup2(result_pipe[1], STDOUT_FILENO) >= 0) {
        const char* source_word = source == PluginSource::installed_config ? "config" : "libraries";
        char* const arguments[] = {const_cast<char*>("sujuva"), const_cast<char*>(kRenderCommand),
                                   const_cast<char*>(format_word(format)), const_cast<char*>(source_word), nullptr};
        ::execv("/proc/self/exe", arguments);
      }
      // Could not execute the program again: take the DOT text the parent sends (so that it
      // does not wait for a reader), then render in this fork after all.
      read_all(dot_socket[1]);
    }
    ::_exit(answer(result_pipe[1], dot, format, source) ? 0 : 1);  // no destructors, no atexit handlers
  }
  ::close(result_pipe[1]);
  ::close(dot_socket[1]);
  // The child reads all of the DOT text before it writes anything, so writing it all first
  // cannot deadlock. A child that renders in the fork needs no text.
  for (std::size_t sent = 0; fresh_processes && sent < dot.size();) {
    ssize_t n = ::send(dot_socket[0], dot.data() + sent, dot.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::close(dot_socket[0]);
  const double limit = render_time_limit_seconds();
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(std::min(limit, 1e9) * 1000));
  std::string received;
  const bool finished = read_all_until(result_pipe[0], deadline, received);
  ::close(result_pipe[0]);
  if (!finished) ::kill(child, SIGKILL);
  int wait_status = 0;
  while (::waitpid(child, &wait_status, 0) < 0 && errno == EINTR) {
  }
  if (!finished) throw RenderTimeout(limit);
  if (!WIFEXITED(wait_status) || WEXITSTATUS(wait_status) != 0 || received.empty())
    throw RenderError("Graphviz stopped while rendering the diagram");
  if (received[0] != 0) throw RenderError(received.substr(1));
  return received.substr(1);
}

// cgraph reports errors through one process-wide callback: collect them while
// we hold the lock, so a failure can say what Graphviz said.
std::mutex graphviz_mutex;
std::string graphviz_messages;
int collect_message(char* text) {
  graphviz_messages += text;
  return 0;
}

struct ErrorCapture {
  agusererrf previous;
  ErrorCapture() : previous(agseterrf(collect_message)) { graphviz_messages.clear(); }
  ~ErrorCapture() { agseterrf(previous); }
};

std::string last_messages() {
  std::string text = graphviz_messages;
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text.empty() ? "" : " (" + text + ")";
}

// The directory of the plugin libraries: "graphviz/" beside libgvc itself.
std::filesystem::path plugin_directory() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&gvContext), &info) && info.dli_fname)
    return std::filesystem::path(info.dli_fname).parent_path() / "graphviz";
  return "/usr/lib/x86_64-linux-gnu/graphviz";
}

// The three plugins sujuva needs, loaded once: the dot layout, core (svg, dot)
// and pango (cairo: png, pdf, and the text layout that measures labels). The
// handles stay open for the life of the process, as gvc keeps pointers into them.
const lt_symlist_t* plugin_symbols() {
  static std::vector<lt_symlist_t> symbols = [] {
    std::vector<lt_symlist_t> list;
    auto dir = plugin_directory();
    for (const char* name : {"dot_layout", "core", "pango"}) {
      std::string file = "libgvplugin_" + std::string(name) + ".so.6";
      void* handle = dlopen((dir / file).c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!handle) throw RenderError("cannot load Graphviz plugin " + file + ": " + dlerror());
      static std::vector<std::string> names;  // gvc keeps the name pointers
      names.reserve(3);
      names.push_back("gvplugin_" + std::string(name) + "_LTX_library");
      void* library = dlsym(handle, names.back().c_str());
      if (!library) throw RenderError("Graphviz plugin " + file + " has no " + names.back());
      list.push_back({names.back().c_str(), library});
    }
    list.push_back({nullptr, nullptr});
    return list;
  }();
  return symbols.data();
}

struct ContextDeleter {
  void operator()(GVC_t* gvc) const { gvFreeContext(gvc); }
};
using Context = std::unique_ptr<GVC_t, ContextDeleter>;

Context make_context(PluginSource source) {
  if (source == PluginSource::installed_config) return Context(gvContext());
  // As built-ins and without demand loading, gvc reads no configuration file,
  // installs exactly these plugins and selects pango's text layout.
  return Context(gvContextPlugins(plugin_symbols(), 0));
}

// gvc's name of the output: PNG and PDF through cairo (pango's text), the others by their word.
const char* gvc_format(OutputFormat format) {
  if (format == OutputFormat::png) return "png:cairo";
  if (format == OutputFormat::pdf) return "pdf:cairo";
  return format_word(format);
}

// Cairo stamps PDFs with the time of writing; a fixed date of the same length
// keeps the byte offsets of the cross-reference table right and the output
// deterministic.
void fix_pdf_dates(std::string& pdf) {
  for (const char* key : {"/CreationDate (D:", "/ModDate (D:"}) {
    for (std::size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at + 1)) {
      std::size_t digits = at + std::char_traits<char>::length(key);
      static const char fixed[] = "20000101000000";  // 2000-01-01 00:00:00
      for (std::size_t i = 0;
           i < 14 && digits + i < pdf.size() && std::isdigit(static_cast<unsigned char>(pdf[digits + i])); ++i)
        pdf[digits + i] = fixed[i];
      // The time zone ("+01'00") depends on the machine: make it UTC.
      for (std::size_t i = digits + 14; i < pdf.size() && pdf[i] != ')'; ++i)
        if (pdf[i] == '-')
          pdf[i] = '+';
        else if (std::isdigit(static_cast<unsigned char>(pdf[i])))
          pdf[i] = '0';
    }
  }
}

std::string render_in_process(std::string_view dot, OutputFormat format, PluginSource source) {
  std::lock_guard lock(graphviz_mutex);
  ErrorCapture capture;
  Context gvc = make_context(source);
  std::string text(dot);
  static char name[] = "diagram";  // cgraph keeps the pointer for its messages; restarts the line count
  agsetfile(name);
  Agraph_t* g = agmemread(text.c_str());
  if (!g) throw RenderError("Graphviz could not read the diagram" + last_messages());
  // No gvFreeLayout: Graphviz 2.42's dot cleanup frees some cluster edge-label
  // records twice (an abort on processes/kuraattoripalvelut-nykytila.dot; layout
  // and rendering themselves are clean under valgrind). The layout's memory is
  // left to the process instead; agclose still frees the graph.
  struct GraphCloser {
    Agraph_t* g;
    ~GraphCloser() { agclose(g); }
  } closer{g};
  if (gvLayout(gvc.get(), g, "dot") != 0) throw RenderError("Graphviz layout failed" + last_messages());
  char* data = nullptr;
  unsigned int length = 0;
  if (gvRenderData(gvc.get(), g, gvc_format(format), &data, &length) != 0 || !data) {
    if (data) gvFreeRenderData(data);
    throw RenderError(std::string("Graphviz could not render ") + gvc_format(format) + last_messages());
  }
  std::string result(data, length);
  gvFreeRenderData(data);
  if (format == OutputFormat::pdf) fix_pdf_dates(result);
  return result;
}

}  // namespace

std::string render_dot_with(std::string_view dot, OutputFormat format, PluginSource source) {
  if (format == OutputFormat::dot) return std::string(dot);
  return render_isolated(dot, format, source);
}

}  // namespace detail

void render_in_fresh_processes() { detail::fresh_processes = true; }

bool is_render_child(int argc, char** argv) { return argc == 4 && std::string_view(argv[1]) == detail::kRenderCommand; }

// The DOT text on stdin; the answer (status byte, then the bytes or the message) on stdout.
int render_child_main(int argc, char** argv) {
  if (!is_render_child(argc, argv)) return 2;
  const std::string_view word = argv[2];
  OutputFormat format = OutputFormat::svg;
  for (OutputFormat f : {OutputFormat::svg, OutputFormat::png, OutputFormat::pdf})
    if (word == detail::format_word(f)) format = f;
  const auto source = std::string_view(argv[3]) == "config" ? detail::PluginSource::installed_config
                                                            : detail::PluginSource::explicit_libraries;
  const std::string dot = detail::read_all(STDIN_FILENO);
  return detail::answer(STDOUT_FILENO, dot, format, source) ? 0 : 1;
}

std::string render_pdf_page(std::string_view dot, double width_in, double height_in) {
  std::string pdf = render_dot(dot, OutputFormat::pdf);
  double x0 = 0, y0 = 0, width = 0, height = 0;
  auto at = pdf.find("/MediaBox [");
  if (at == std::string::npos ||
      std::sscanf(pdf.c_str() + at, "/MediaBox [ %lf %lf %lf %lf ]", &x0, &y0, &width, &height) != 4)
    return pdf;
  double margin_x = (width_in * 72 - (width - x0)) / 2 / 72, margin_y = (height_in * 72 - (height - y0)) / 2 / 72;
  if (margin_x < 0 || margin_y < 0) return pdf;  // larger than the page: leave it to the printer
  auto close = dot.rfind('}');
  if (close == std::string_view::npos) return pdf;
  char margin[80];
  std::snprintf(margin, sizeof margin, "  graph [margin=\"%.4f,%.4f\"];\n", margin_x, margin_y);
  std::string centred = std::string(dot.substr(0, close)) + margin + std::string(dot.substr(close));
  return render_dot(centred, OutputFormat::pdf);
}

double render_time_limit_seconds() {
  if (const char* text = std::getenv("SUJUVA_RENDER_SECONDS")) {
    char* end = nullptr;
    const double seconds = std::strtod(text, &end);
    if (end != text && *end == '\0' && seconds > 0) return seconds;
  }
  return 300;
}

std::string render_dot(std::string_view dot, OutputFormat format) {
  try {
    return detail::render_dot_with(dot, format, detail::PluginSource::installed_config);
  } catch (const RenderError&) {
    // A machine where libgvc6's postinst did not write the plugin configuration
    // (a container image, a copied library): load the plugins ourselves.
    return detail::render_dot_with(dot, format, detail::PluginSource::explicit_libraries);
  }
}

}  // namespace sujuva
