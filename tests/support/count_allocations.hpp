// Counts heap allocations in a test (the global operator new is replaced in
// count_allocations.cpp, which every hsct test executable links).
//
//   const hsct_test::allocation_counter n;
//   auto r = hsct::patient::assess_hct_ci(in);
//   CHECK(n.count() == 0);
#ifndef HSCT_TESTS_SUPPORT_COUNT_ALLOCATIONS_HPP
#define HSCT_TESTS_SUPPORT_COUNT_ALLOCATIONS_HPP

#include <cstddef>

namespace hsct_test {

/// Allocations made by this thread since it started.
std::size_t allocations() noexcept;

/// Heap bytes this thread holds now (allocated minus freed, as the allocator sizes the blocks;
/// a block freed by another thread is not subtracted). For memory figures in tests.
std::size_t live_bytes() noexcept;

/// Allocations made by this thread since the counter was made.
/// While one lives, this thread's allocations are not counted (the threshold probe of the
/// coverage preset keeps its records on the heap inside code the tests count).
struct allocation_pause {
    allocation_pause() noexcept;
    ~allocation_pause();
    allocation_pause(const allocation_pause&) = delete;
    allocation_pause& operator=(const allocation_pause&) = delete;
};

class allocation_counter {
public:
    allocation_counter() noexcept : start_(allocations()) {}
    [[nodiscard]] std::size_t count() const noexcept { return allocations() - start_; }

private:
    std::size_t start_;
};

}  // namespace hsct_test

#endif  // HSCT_TESTS_SUPPORT_COUNT_ALLOCATIONS_HPP
