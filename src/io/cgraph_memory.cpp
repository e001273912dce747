#include "io/cgraph_memory.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <map>
#include <new>
#include <unordered_set>
#include <vector>

namespace sujuva::io::detail {

namespace {

std::atomic<size_t> bytes_in_use{0};

// Small blocks come from large zeroed chunks and are recycled by size class;
// large ones are calloc'ed one by one. Every block starts with a 16-byte header
// holding its size, because cgraph's free does not say how large a block was.
// cdt takes some blocks from malloc (the holders of a subgraph's edges) and
// cgraph may return them through this discipline: a block that is not ours is
// handed to free.
class Arena {
 public:
  Agraph_t* root = nullptr;  // set when cgraph opens the graph (see remember_root)

  ~Arena() {
    for (void* chunk : chunks_) std::free(chunk);
    for (void* block : large_) std::free(block);
    bytes_in_use -= held_;
  }

  void* allocate(size_t request) {
    size_t size = round_up(std::max<size_t>(request, 1));
    if (size > kLargestSmall) return allocate_large(size);
    auto& free_list = free_lists_[size / kAlign];
    std::byte* block;
    if (!free_list.empty()) {
      block = free_list.back();
      free_list.pop_back();
      std::memset(block + kHeader, 0, size);
    } else {
      block = carve(kHeader + size);  // chunks are zeroed
      if (!block) return nullptr;
    }
    set_size(block, size);
    return block + kHeader;
  }

  void release(void* pointer) {
    if (!pointer) return;
    if (!owns(pointer)) return std::free(pointer);
    std::byte* block = static_cast<std::byte*>(pointer) - kHeader;
    size_t size = size_of(block);
    if (size > kLargestSmall) {
      large_.erase(block);
      std::free(block);
      held_ -= kHeader + size;
      bytes_in_use -= kHeader + size;
      return;
    }
    free_lists_[size / kAlign].push_back(block);
  }

  void* resize(void* pointer, size_t old_size, size_t request) {
    if (!pointer) return allocate(request);
    if (!owns(pointer)) {
      void* moved = allocate(request);
      if (moved) std::memcpy(moved, pointer, std::min(old_size, request));
      std::free(pointer);
      return moved;
    }
    std::byte* block = static_cast<std::byte*>(pointer) - kHeader;
    size_t capacity = size_of(block);
    if (request <= capacity) {
      if (request > old_size) std::memset(static_cast<std::byte*>(pointer) + old_size, 0, request - old_size);
      return pointer;
    }
    void* bigger = allocate(request);
    if (!bigger) return nullptr;
    std::memcpy(bigger, pointer, std::min(old_size, capacity));
    release(pointer);
    return bigger;
  }

 private:
  static constexpr size_t kAlign = 16;
  static constexpr size_t kHeader = 16;
  static constexpr size_t kLargestSmall = 512;
  static constexpr size_t kFirstChunk = 64 * 1024;
  static constexpr size_t kLargestChunk = 16 * 1024 * 1024;

  bool owns(void* pointer) const {
    auto* p = static_cast<std::byte*>(pointer);
    if (large_.count(p - kHeader)) return true;
    // Chunks are few (they double in size): a search by start address.
    auto after = chunk_starts_.upper_bound(p);
    if (after == chunk_starts_.begin()) return false;
    --after;
    return p < after->first + after->second;
  }

  static size_t round_up(size_t n) { return (n + kAlign - 1) / kAlign * kAlign; }
  static void set_size(std::byte* block, size_t size) { std::memcpy(block, &size, sizeof size); }
  static size_t size_of(const std::byte* block) {
    size_t size;
    std::memcpy(&size, block, sizeof size);
    return size;
  }

  std::byte* carve(size_t bytes) {
    if (left_ < bytes) {
      // Chunks double so that a small graph stays small and a huge one makes few system calls.
      size_t chunk = std::min(kLargestChunk, kFirstChunk << std::min<size_t>(chunks_.size(), 20));
      auto* fresh = static_cast<std::byte*>(std::calloc(1, chunk));
      if (!fresh) return nullptr;
      chunks_.push_back(fresh);
      chunk_starts_.emplace(fresh, chunk);
      held_ += chunk;
      bytes_in_use += chunk;
      next_ = fresh;
      left_ = chunk;
    }
    std::byte* block = next_;
    next_ += bytes;
    left_ -= bytes;
    return block;
  }

  void* allocate_large(size_t size) {
    auto* block = static_cast<std::byte*>(std::calloc(1, kHeader + size));
    if (!block) return nullptr;
    large_.insert(block);
    held_ += kHeader + size;
    bytes_in_use += kHeader + size;
    set_size(block, size);
    return block + kHeader;
  }

  std::vector<std::byte*> chunks_;
  std::map<std::byte*, size_t> chunk_starts_;
  std::unordered_set<std::byte*> large_;
  std::vector<std::byte*> free_lists_[kLargestSmall / kAlign + 1];
  std::byte* next_ = nullptr;
  size_t left_ = 0;
  size_t held_ = 0;
};

void* arena_open(Agdisc_t*) { return new (std::nothrow) Arena; }
void* arena_alloc(void* arena, size_t request) { return static_cast<Arena*>(arena)->allocate(request); }
void* arena_resize(void* arena, void* pointer, size_t old_size, size_t request) {
  return static_cast<Arena*>(arena)->resize(pointer, old_size, request);
}
void arena_free(void* arena, void* pointer) { static_cast<Arena*>(arena)->release(pointer); }
void collect_dictionaries(Agraph_t* g, std::unordered_set<Dict_t*>& dictionaries) {
  for (Dict_t* d : {g->n_seq, g->n_id, g->e_seq, g->e_id, g->g_dict}) dictionaries.insert(d);
  if (auto* data = reinterpret_cast<Agdatadict_t*>(aggetrec(g, const_cast<char*>("_AG_datadict"), 0)))
    for (Dict_t* d : {data->dict.n, data->dict.e, data->dict.g}) dictionaries.insert(d);
  for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) collect_dictionaries(sub, dictionaries);
}

// agclose frees a graph with this discipline in one step (it calls only this
// close) and cgraph's parser does the same with a graph it gives up on. The
// dictionaries' headers are the one thing not in the arena: cdt's dtopen takes
// them from malloc. They are found through the graph, still intact here.
void arena_close(void* state) {
  auto* arena = static_cast<Arena*>(state);
  if (Agraph_t* g = arena->root) {
    std::unordered_set<Dict_t*> dictionaries;
    collect_dictionaries(g, dictionaries);
    for (int kind = 0; kind < 3; ++kind) {
      dictionaries.insert(g->clos->lookup_by_name[kind]);
      dictionaries.insert(g->clos->lookup_by_id[kind]);
    }
    dictionaries.insert(g->clos->strdict);
    dictionaries.erase(nullptr);
    for (Dict_t* d : dictionaries) std::free(d);  // what dtclose does last for a malloc'ed dictionary
  }
  delete arena;
}

// The ID discipline is the one hook cgraph calls with the new root graph.
void* remember_root(Agraph_t* g, Agdisc_t* discipline) {
  static_cast<Arena*>(g->clos->state.mem)->root = g;
  return AgIdDisc.open(g, discipline);
}

Agmemdisc_t arena_memory = {arena_open, arena_alloc, arena_resize, arena_free, arena_close};

// Like agmemread's reader: up to and including the next newline, so that the
// scanner sees lines as it does when cgraph reads files.
int read_line(void* channel, char* buffer, int size) {
  auto* in = static_cast<TextChannel*>(channel);
  if (size <= 0 || in->at >= in->text.size()) return 0;
  size_t limit = std::min(in->text.size() - in->at, static_cast<size_t>(size));
  const char* begin = in->text.data() + in->at;
  const void* newline = std::memchr(begin, '\n', limit);
  size_t length = newline ? static_cast<const char*>(newline) - begin + 1 : limit;
  std::memcpy(buffer, begin, length);
  in->at += length;
  return static_cast<int>(length);
}

}  // namespace

Agdisc_t reading_discipline(Memory memory) {
  static Agiodisc_t io = {read_line, AgIoDisc.putstr, AgIoDisc.flush};
  static Agiddisc_t ids = [] {
    Agiddisc_t d = AgIdDisc;
    d.open = remember_root;
    return d;
  }();
  if (memory == Memory::malloc) return {&AgMemDisc, &AgIdDisc, &io};
  return {&arena_memory, &ids, &io};
}

size_t arena_bytes_in_use() { return bytes_in_use; }

}  // namespace sujuva::io::detail
