#include "core/huge_pages.h"

#include <sys/mman.h>

namespace dyad {

void AdviseHugePages(void* p, size_t bytes) {
#ifdef MADV_HUGEPAGE
  (void)madvise(p, bytes, MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}

}  // namespace dyad
