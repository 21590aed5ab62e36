// Replaces the global allocation functions with counting ones (see count_allocations.hpp).
#include "support/count_allocations.hpp"

#include <cstdlib>
#include <new>

#include <malloc.h>  // malloc_usable_size (glibc): the tests run on Debian

namespace {
thread_local std::size_t allocation_count = 0;
thread_local std::size_t live = 0;
thread_local unsigned paused = 0;  // allocation_pause: the threshold probe's own bookkeeping

void* counted_alloc(std::size_t n) {
    if (paused == 0) ++allocation_count;
    void* p = std::malloc(n == 0 ? 1 : n);
    if (p == nullptr) {
        std::abort();  // tests do not run out of memory; works with -fno-exceptions too
    }
    if (paused == 0) live += malloc_usable_size(p);
    return p;
}

void* counted_aligned_alloc(std::size_t n, std::align_val_t a) {
    if (paused == 0) ++allocation_count;
    const auto align = static_cast<std::size_t>(a);
    const std::size_t size = (n + align - 1) / align * align;
    void* p = std::aligned_alloc(align, size == 0 ? align : size);
    if (p == nullptr) {
        std::abort();
    }
    if (paused == 0) live += malloc_usable_size(p);
    return p;
}
}  // namespace

std::size_t hsct_test::allocations() noexcept { return allocation_count; }
hsct_test::allocation_pause::allocation_pause() noexcept { ++paused; }
hsct_test::allocation_pause::~allocation_pause() { --paused; }
std::size_t hsct_test::live_bytes() noexcept { return live; }

namespace {
void counted_free(void* p) noexcept {
    if (p != nullptr) {
        const std::size_t n = malloc_usable_size(p);
        if (paused == 0) live = live >= n ? live - n : 0;
    }
    std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return counted_alloc(n); }
void* operator new[](std::size_t n) { return counted_alloc(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new(std::size_t n, std::align_val_t a) { return counted_aligned_alloc(n, a); }
void* operator new[](std::size_t n, std::align_val_t a) { return counted_aligned_alloc(n, a); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { counted_free(p); }
