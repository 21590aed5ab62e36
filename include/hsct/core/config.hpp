// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// Contracts: the one place where misuse of the API (not bad input) is caught.
//
// Bad *input* is never a contract violation: it is reported as an hsct::error inside an
// hsct::result. A contract violation is a programming error, such as calling value() on a
// result that holds an error. It goes to one replaceable handler and then std::abort(). The
// library contains no `throw`, so it works the same with and without -fno-exceptions.
#ifndef HSCT_CORE_CONFIG_HPP
#define HSCT_CORE_CONFIG_HPP

#include <atomic>
#include <cstdio>

#include "hsct/core/detail/always_inline.hpp"
#include <cstdlib>

namespace hsct {

/// What was violated and where. All pointers refer to string literals.
struct contract_violation {
    const char* condition;  ///< the expression that was false, as written
    const char* message;    ///< what the caller did wrong, in words
    const char* file;
    int line;
};

/// A contract handler. It may log, or (in a test build with exceptions) throw. If it returns,
/// the program is aborted: a violated contract never continues.
using contract_handler = void (*)(const contract_violation&);

namespace detail {

inline void default_contract_handler(const contract_violation& v) noexcept {
    static_cast<void>(std::fprintf(stderr, "hsct: contract violated: %s [%s] at %s:%d\n", v.message,
                                   v.condition, v.file, v.line));
}

inline std::atomic<contract_handler>& contract_handler_slot() noexcept {
    static std::atomic<contract_handler> slot{&default_contract_handler};
    return slot;
}

// Deliberately not constexpr: reaching it during constant evaluation is a compile error,
// so a contract that fails in a constexpr context stops the build.
[[noreturn]] inline void contract_failed(const char* condition, const char* message,
                                         const char* file, int line) {
    const contract_violation v{condition, message, file, line};
    contract_handler_slot().load()(v);
    std::abort();
}

}  // namespace detail

/// Installs `handler` (nullptr restores the default) and returns the previous one.
inline contract_handler set_contract_handler(contract_handler handler) noexcept {
    return detail::contract_handler_slot().exchange(handler != nullptr
                                                        ? handler
                                                        : &detail::default_contract_handler);
}

}  // namespace hsct


/// Checks a precondition in every build mode. On failure: the contract handler, then abort.
#define HSCT_EXPECTS(condition, message)                                                     \
    ((condition) ? static_cast<void>(0)                                                      \
                 : ::hsct::detail::contract_failed(#condition, message, __FILE__, __LINE__))

#endif  // HSCT_CORE_CONFIG_HPP
