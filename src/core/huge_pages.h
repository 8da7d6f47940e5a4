// Big tables in transparent huge pages. On this kind of machine (a VM with nested paging) a random
// access into a table of tens of MiB costs a TLB miss and a two-level page walk as well as the cache
// miss, and first touching it costs a page fault every 4 KiB; 2 MiB pages remove most of both. Used
// for the parser's weight tables and the store writer's memory of event keys.
//
// HugePageAllocator: a std allocator that gives allocations of 2 MiB or more 2 MiB-aligned and asks
// the kernel for huge pages (madvise: a hint, nothing fails when it is refused); smaller ones come
// from malloc.
//
// Thread-safety: stateless.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

namespace dyad {

// madvise(MADV_HUGEPAGE) where the platform has it; a hint only (no error when refused).
void AdviseHugePages(void* p, size_t bytes);

template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) {
    constexpr size_t kHuge = size_t{2} << 20;
    if (n > SIZE_MAX / sizeof(T) / 2) throw std::bad_alloc();
    const size_t bytes = n * sizeof(T);
    if (bytes < kHuge) {
      void* p = std::malloc(bytes == 0 ? 1 : bytes);
      if (p == nullptr) throw std::bad_alloc();
      return static_cast<T*>(p);
    }
    const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
    void* p = std::aligned_alloc(kHuge, rounded);
    if (p == nullptr) throw std::bad_alloc();
    AdviseHugePages(p, rounded);  // before the first touch, so the faults take whole huge pages
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t) { std::free(p); }
  bool operator==(const HugePageAllocator&) const { return true; }
};

}  // namespace dyad
